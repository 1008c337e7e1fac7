// Writes the README's generated parts: the rule tables from the rule catalogue (the docs live next
// to each rule) and the command table from the manifest. `npm run docs` rewrites README.md;
// test/unit/docs.test.ts fails when the README is stale. `marketplaceReadme` is the README the
// extension page shows: the same text without the contributor parts.
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

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
  enablement?: string;
}

/** Every palette command of the manifest: its title as the palette shows it and its id. */
export function commandsTable(commands: ManifestCommand[], hidden: Set<string>): string {
  const rows = commands
    .filter((c) => !hidden.has(c.command))
    .map((c) => `| ${c.category ? `${c.category}: ` : ''}${c.title} | \`${c.command}\` |${/isWorkspaceTrusted/.test(c.enablement ?? '') ? ' trusted workspaces only' : ''} |`);
  return ['| Command | Id | |', '|---|---|---|', ...rows].join('\n');
}

/** Commands hidden from the palette (`commandPalette` menu with `when: false`): tree-view actions. */
function hiddenCommands(manifest: { contributes?: { menus?: Record<string, { command: string; when?: string }[]> } }): Set<string> {
  return new Set((manifest.contributes?.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
}

export function rewriteReadme(readme: string, manifest: { contributes?: { commands?: ManifestCommand[]; menus?: Record<string, { command: string; when?: string }[]> } }): string {
  let out = replaceBetween(replaceBetween(readme, 'rules', rulesTable()), 'template-rules', templateRulesTable());
  out = replaceBetween(out, 'commands', commandsTable(manifest.contributes?.commands ?? [], hiddenCommands(manifest)));
  return out;
}

/**
 * The README of the extension page: what it does and the pictures first, then install, settings,
 * commands; without the parts for people working on Django Deploy itself (between
 * `<!-- contributors:start -->` and `<!-- contributors:end -->`).
 */
export function marketplaceReadme(readme: string): string {
  let out = readme;
  for (;;) {
    const a = out.indexOf('<!-- contributors:start -->');
    if (a < 0) break;
    const b = out.indexOf('<!-- contributors:end -->', a);
    if (b < 0) throw new Error('README.md: contributors:start without contributors:end');
    out = out.slice(0, a) + out.slice(b + '<!-- contributors:end -->'.length);
  }
  return out.replace(/\n{3,}/g, '\n\n');
}
