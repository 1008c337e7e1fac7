// Hover on a setting: its effective value in each settings module Django loads, and where that
// value comes from ("False — production.py:3, overrides base.py:12"). Unknown values say so.

import * as posix from 'node:path/posix';
import type { DjangoProject } from './project/project';
import type { SettingBinding } from './python/execute';
import { pyRepr, type Value } from './python/values';
import { lineColumn } from './text';
import { SETTINGS_RULES } from './rules/settingsRules';
import { codeSpan, escapeMarkdown } from './markdown';

export interface SettingHover {
  /** Markdown. */
  contents: string;
  start: number;
  end: number;
}

export function hoverSetting(project: DjangoProject, file: string, offset: number): SettingHover | undefined {
  const at = project.bindingsAt(file, offset);
  if (!at) return undefined;
  const { name, views, local } = at;
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const where = (b: { file: string; start: number }) => escapeMarkdown(`${posix.basename(b.file)}:${lineColumn(project.text(b.file) ?? '', b.start).line + 1}`);
  const lines: string[] = [`**${name}**`];
  if (!views.length) lines.push('', `${codeSpan(describe(local))} — ${where(local.origin)} (this module is not loaded as settings by any entry point found)`);
  for (const { module, binding } of views) {
    lines.push('', `*${escapeMarkdown(module.moduleName)}* (${module.role}):`);
    if (!binding) {
      lines.push('not set in this module');
      continue;
    }
    let line = `${codeSpan(describe(binding))} — ${where(binding.origin)}`;
    if (binding.changes.length) line += `, changed at ${binding.changes.map(where).join(', ')}`;
    const overridden = firstOverridden(binding);
    if (overridden) line += `, overrides ${where(overridden.origin)}`;
    lines.push(line);
    if (binding.conditional) {
      lines.push(`conditional: set under ${codeSpan(binding.conditional)}`);
      for (const alt of binding.alternatives ?? []) lines.push(`- ${codeSpan(describe(alt))} — ${where(alt.origin)}`);
    }
    const env = envDescription(binding);
    if (env) lines.push(env);
  }
  const rules = SETTINGS_RULES.filter((r) => r.doc.what.includes(`\`${name}\``) || r.doc.title.startsWith(name));
  if (rules.length) lines.push('', `Checked by: ${rules.map((r) => r.code).join(', ')}`);
  return { contents: lines.join('\n'), start: local.origin.start, end: local.origin.end };
}

function firstOverridden(b: SettingBinding): SettingBinding | undefined {
  let o = b.overrides;
  while (o && o.origin.file === b.origin.file && o.origin.start === b.origin.start) o = o.overrides;
  return o;
}

function describe(b: SettingBinding): string {
  return describeValue(b.value, b.concreteValue);
}

function describeValue(v: Value, concreteValue?: Value): string {
  if (v.kind === 'env') {
    const dflt = v.default === undefined ? 'required (no default)' : `default ${pyRepr(v.default)}`;
    return `from environment variable ${v.variable}, ${dflt}${v.cast !== 'str' ? `, cast to ${v.cast}` : ', as a string'}`;
  }
  if (v.kind === 'unknown') {
    const base = v.envNames?.length ? `unknown (depends on ${v.envNames.join(', ')})` : 'unknown';
    return concreteValue && concreteValue.kind !== 'unknown' ? `${base}; ${pyRepr(concreteValue)} when unset` : base;
  }
  return pyRepr(v, 200);
}

function envDescription(b: SettingBinding): string | undefined {
  if (b.value.kind === 'env' || !b.envVariables?.length || !b.concreteValue) return undefined;
  return `with ${escapeMarkdown(b.envVariables.join(', '))} unset: ${codeSpan(pyRepr(b.concreteValue))}`;
}
