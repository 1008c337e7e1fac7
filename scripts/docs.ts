// Writes the README's rule table from the rule catalogue (the docs live next to each rule).
// `npm run docs` rewrites README.md; test/unit/docs.test.ts fails when the README is stale.
import { SETTINGS_RULES } from '../server/src/engine/rules/settingsRules';
import type { SettingsRule } from '../server/src/engine/rules/rule';
import { TEMPLATE_RULES } from '../server/src/engine/templates/templateRules';

const levelName: Record<SettingsRule['level'], string> = { error: 'Error', warning: 'Warning', information: 'Info' };

function versions(rule: SettingsRule): string {
  if (rule.since && rule.until) return `${rule.since.join('.')} – <${rule.until.join('.')}`;
  if (rule.since) return `${rule.since.join('.')}+`;
  if (rule.until) return `< ${rule.until.join('.')}`;
  return 'all';
}

export function rulesTable(): string {
  const rows = [
    '| Code | Level | Scope | Django | What it catches |',
    '|---|---|---|---|---|',
    ...SETTINGS_RULES.map((r) => `| [\`${r.code}\`](${r.doc.url}) | ${levelName[r.level]} | ${r.productionOnly ? 'production' : 'always'} | ${versions(r)} | ${r.doc.title.replace(/\|/g, '\\|')}. ${r.doc.why.replace(/\|/g, '\\|')} |`),
  ];
  return rows.join('\n');
}

export function templateRulesTable(): string {
  const level: Record<string, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };
  return [
    '| Code | Level | What it catches |',
    '|---|---|---|',
    ...TEMPLATE_RULES.map((r) => `| [\`${r.code}\`](${r.url}) | ${level[r.level]} | ${r.title.replace(/\|/g, '\\|')}. ${r.why.replace(/\|/g, '\\|')} |`),
  ].join('\n');
}

function replaceBetween(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${name} markers`);
  return readme.slice(0, a + start.length) + '\n' + content + '\n' + readme.slice(b);
}

export function rewriteReadme(readme: string): string {
  return replaceBetween(replaceBetween(readme, 'rules', rulesTable()), 'template-rules', templateRulesTable());
}
