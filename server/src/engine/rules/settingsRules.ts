// Runs every settings rule that applies to the project's Django version over one settings module
// (the module Django loads, with its imports resolved) and places each finding on the line to fix.

import type { Scope, SettingBinding, SourceRange, LoadFailure } from '../python/execute';
import type { Finding, Severity } from '../findings';
import type { DjangoVersion } from '../project/djangoVersion';
import { SettingsView, type WorldChoice } from './settingsView';
import { SettingsFixes } from './settingsFixes';
import { type RuleContext, type SettingsRule, type Report, versionApplies } from './rule';
import { securityRules } from './security';
import { staticfilesRules } from './staticfiles';
import { coreRules } from './core';
import { trapRules } from './traps';
import { productionRules } from './production';

export const SETTINGS_RULES: SettingsRule[] = [...securityRules, ...staticfilesRules, ...coreRules, ...trapRules, ...productionRules];

export interface SettingsRuleInput {
  rootFile: string;
  moduleName: string;
  production: boolean;
  scope: Scope;
  version: DjangoVersion;
  /** Environment variables set for the analysis. */
  environment?: ReadonlySet<string>;
  text(file: string): string;
  directoryExists(path: string): boolean | undefined;
  classBases?(dotted: string): string[] | undefined;
  relative(file: string): string;
  loadFailures?: LoadFailure[];
}

export type RawFinding = Omit<Finding, 'settingsModule' | 'production'> & { productionOnly: boolean; binding?: SettingBinding };

const LEVEL_TO_SEVERITY: Record<SettingsRule['level'], Severity> = { error: 'error', warning: 'warning', information: 'information' };

export function runSettingsRules(input: SettingsRuleInput): RawFinding[] {
  const base = new SettingsView(input.scope, input.version, undefined, input.environment);
  const out: RawFinding[] = [];
  for (const rule of SETTINGS_RULES) {
    if (!versionApplies(rule, input.version)) continue;
    try {
      out.push(...judgeInEveryWorld(rule, base, input));
    } catch (error) {
      // A rule bug must not hide the other rules' findings; it is reported by the shell's log.
      console.error(`django-deploy: rule ${rule.code} failed: ${(error as Error).stack ?? error}`);
    }
  }
  return out;
}

/** At most this many combinations of alternatives are judged per rule; past it the rule stays quiet. */
const MAX_WORLDS = 64;

/**
 * Runs a rule once per combination of the alternatives of the settings it reads (a setting set
 * differently in branches nobody can decide), and keeps the findings it reports in every one:
 * a rule fires only when its condition holds whatever Django may see.
 */
function judgeInEveryWorld(rule: SettingsRule, base: SettingsView, input: SettingsRuleInput): RawFinding[] {
  const worlds = new WorldExplorer();
  let kept: RawFinding[] | undefined;
  do {
    const found = runRule(rule, base.inWorld(worlds), input);
    if (!kept) kept = found;
    else kept = kept.filter((k) => found.some((f) => f.file === k.file && f.start === k.start && f.end === k.end));
    if (!kept.length) return [];
  } while (worlds.next());
  return worlds.exhausted ? [] : kept;
}

function runRule(rule: SettingsRule, s: SettingsView, input: SettingsRuleInput): RawFinding[] {
  const fixes = new SettingsFixes(input.rootFile, input.text, s);
  const out: RawFinding[] = [];
  const ctx: RuleContext = {
    s,
    version: input.version,
    production: input.production,
    rootFile: input.rootFile,
    text: input.text,
    directoryExists: input.directoryExists,
    classBases: (dotted) => input.classBases?.(dotted),
    relative: input.relative,
    loadFailures: input.loadFailures ?? [],
    fixes,
    report: (r: Report) => {
      const at = place(r, s, input);
      out.push({
        code: rule.code,
        severity: LEVEL_TO_SEVERITY[rule.level],
        message: r.message,
        file: at.file,
        start: at.start,
        end: at.end,
        docsUrl: rule.doc.url,
        related: [],
        fixes: r.fixes ?? [],
        whenUnset: r.whenUnset,
        productionOnly: rule.productionOnly,
        binding: r.binding,
        unnecessary: r.unnecessary,
        deprecated: r.deprecated,
        // A note about a setting nobody wrote (LOGGING, CACHES left at Django's default) has no
        // line to sit on: it is a checklist row, not a diagnostic on the module's first line.
        ...(rule.level === 'information' && !r.at && !r.binding && !r.near?.length ? { checklistOnly: true } : {}),
      });
    },
  };
  rule.check(ctx);
  return out;
}

/**
 * Enumerates the worlds a rule is judged in, depth first: each setting with alternatives is a
 * choice point, met in the order the rule reads settings; `next()` moves to the next combination.
 */
class WorldExplorer implements WorldChoice {
  private choices: { name: string; index: number; count: number }[] = [];
  private position = new Map<string, number>();
  private runs = 1;
  exhausted = false;

  pick(name: string, count: number): number {
    const at = this.position.get(name);
    if (at !== undefined) return this.choices[at].index;
    this.position.set(name, this.choices.length);
    this.choices.push({ name, index: 0, count });
    return 0;
  }

  next(): boolean {
    while (this.choices.length) {
      const last = this.choices[this.choices.length - 1];
      if (last.index + 1 < last.count) {
        last.index++;
        if (++this.runs > MAX_WORLDS) {
          this.exhausted = true;
          return false;
        }
        return true;
      }
      this.choices.pop();
      this.position.delete(last.name);
    }
    return false;
  }
}

/** Where a finding goes: the value at fault, else the setting that enables the check, else the module's first line. */
function place(r: Report, s: SettingsView, input: SettingsRuleInput): SourceRange {
  if (r.at) return r.at;
  if (r.binding) return r.binding.origin;
  for (const near of r.near ?? []) {
    const name = typeof near === 'string' ? near : near.setting;
    const b = s.binding(name);
    if (!b) continue;
    const item = typeof near === 'string' ? undefined : s.itemRange(name, near.item, input.text);
    if (typeof near !== 'string' && !item) continue;
    const loc = item ?? b.origin;
    if (loc.file === input.rootFile) return loc;
    if (b.importedVia?.file === input.rootFile) return b.importedVia;
  }
  return firstStatement(input.rootFile, input.text(input.rootFile));
}

/**
 * The first line of code after comments and the module docstring: past blank lines, comment
 * lines and triple-quoted strings (with the rest of their last line), each ending in `\n`.
 * A scanner: the regular expression it replaces was quadratic on a run of quotes.
 */
export function firstStatement(file: string, text: string): SourceRange {
  let start = 0;
  for (;;) {
    let i = start;
    while (text[i] === ' ' || text[i] === '\t') i++;
    let lineEnd: number;
    if (text[i] === '\n') lineEnd = i;
    else if (text[i] === '#') lineEnd = text.indexOf('\n', i);
    else {
      const open = 'rRuU'.includes(text[i] ?? '-') ? i + 1 : i;
      const quote = text.startsWith('"""', open) ? '"""' : text.startsWith("'''", open) ? "'''" : undefined;
      if (!quote) break;
      const close = text.indexOf(quote, open + 3);
      if (close < 0) break;
      lineEnd = text.indexOf('\n', close + 3);
    }
    if (lineEnd < 0) break;
    start = lineEnd + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { file, start, end: Math.max(start, end) };
}
