// The deployment checklist: Django's deployment checklist (docs/howto/deployment/checklist)
// as items with a status, built from the project's findings and its deployment facts.

import { posix } from 'node:path';
import type { Finding } from '../findings';
import type { Place, ProjectFacts } from './facts';
import { applicationServerItem, collectstaticItem, servingItem } from './checklistServing';
import { escapeMarkdown } from '../markdown';

export type ChecklistStatus = 'pass' | 'fail' | 'warn' | 'unknown';

export interface ChecklistItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  /** One line. */
  detail: string;
  /** Where to look: the findings' places (the first MAX_PLACES), or the files the item is about. */
  places: Place[];
  /** How many places there are in all (more than `places` holds when over MAX_PLACES). */
  placeCount: number;
  /** A command of the extension that fixes or helps. */
  command?: { id: string; title: string };
}

/** What the shell saw on disk at STATIC_ROOT (the engine reads no disk). */
export interface StaticRootState {
  exists: boolean;
  /** Files under it (counting stops at some limit). */
  files: number;
  /** staticfiles.json, written by ManifestStaticFilesStorage. */
  manifest: boolean;
  /** The count stopped at its bound before the whole folder was seen. */
  truncated?: boolean;
}

interface FindingItem {
  id: string;
  title: string;
  /** The findings this item is about. */
  matches(f: Finding): boolean;
  command?: ChecklistItem['command'];
}

const codeIn = (...codes: string[]) => (f: Finding) => codes.includes(f.code);
const HTTPS_CODES = ['security.W001', 'security.W004', 'security.W005', 'security.W008', 'security.W021', 'security.E100'];
const COOKIE_CODES = ['security.W010', 'security.W011', 'security.W012', 'security.W013', 'security.W014', 'security.W015', 'security.W016', 'security.W017'];

/** Items decided by findings, in Django's checklist order. */
const FINDING_ITEMS: FindingItem[] = [
  { id: 'debug', title: 'DEBUG is off in production', matches: (f) => f.code === 'security.W018' || (f.code === 'DJD111' && /\bDEBUG\b/.test(f.message)) },
  { id: 'allowed-hosts', title: 'ALLOWED_HOSTS lists the site’s hosts', matches: codeIn('security.W020', 'DJD108', 'DJD109', 'DJD113') },
  { id: 'secret-key', title: 'SECRET_KEY is strong and out of the source', matches: codeIn('security.W009', 'security.W025', 'DJD112') },
  {
    id: 'static-settings',
    title: 'Static files settings: STATIC_URL, an absolute STATIC_ROOT, sane STATICFILES_DIRS',
    matches: (f) => f.code.startsWith('staticfiles.') || ['DJD101', 'DJD102', 'DJD103', 'DJD104', 'DJD105', 'DJD106', 'DJD107', 'DJD110', 'DJD116', 'urls.E006'].includes(f.code),
  },
  { id: 'templates-static', title: 'Templates use {% static %} and load it', matches: codeIn('DJD201', 'DJD202', 'DJD203', 'DJD204', 'DJD206') },
  { id: 'missing-static', title: 'Every {% static %} path exists', matches: codeIn('DJD205') },
  { id: 'https', title: 'HTTPS: SSL redirect and HSTS', matches: codeIn(...HTTPS_CODES) },
  { id: 'cookies', title: 'Session and CSRF cookies are secure', matches: (f) => COOKIE_CODES.includes(f.code) || (f.code === 'DJD111' && /COOKIE/.test(f.message)) },
];

const TEMPLATE_ITEMS = new Set(['templates-static', 'missing-static']);

const CHECK_DEPLOY = { id: 'djangoDeploy.runCheckDeploy', title: 'Run check --deploy' };

/**
 * The checklist for a project: `findings` are the project's (settings and templates), `facts`
 * its deployment facts, `staticRoot` what is on disk at STATIC_ROOT (undefined: not looked at).
 */
/** Places an item carries at most: a list to choose from, not every raw path of 2,000 templates. */
export const MAX_PLACES = 200;

const NO_SETTINGS = 'No production settings module found.';

/**
 * `unreadSettings`: settings modules the host could not read (a FIFO, over 2 MB, binary…), with
 * the reason, as the project names them: said instead of "no settings module found".
 */
export function deploymentChecklist(findings: Finding[], facts: ProjectFacts, staticRoot: StaticRootState | undefined, unreadSettings: { file: string; reason: string }[] = []): ChecklistItem[] {
  const reason = unreadSettings.length ? `No production settings module could be read (${unreadSettings.slice(0, 3).map((u) => `${u.file}: ${u.reason}`).join('; ')}).` : NO_SETTINGS;
  return rawChecklist(findings, facts, staticRoot, reason).map((item) => ({ ...item, places: item.places.slice(0, MAX_PLACES), placeCount: item.places.length }));
}

function rawChecklist(findings: Finding[], facts: ProjectFacts, staticRoot: StaticRootState | undefined, noSettingsReason: string): Omit<ChecklistItem, 'placeCount'>[] {
  const shown = findings.filter((f) => !f.inherited && f.severity !== 'hint');
  const used = new Set<Finding>();
  const items: Omit<ChecklistItem, 'placeCount'>[] = [];
  const noSettings = facts.settings === undefined;

  const fromFindings = (def: FindingItem): Omit<ChecklistItem, 'placeCount'> => {
    const mine = shown.filter((f) => def.matches(f));
    for (const f of mine) used.add(f);
    // Template items stand without settings; the others are undecided without a settings module.
    return findingsItem(def.id, def.title, mine, noSettings && !TEMPLATE_ITEMS.has(def.id) ? noSettingsReason : undefined, def.command);
  };

  const [debug, hosts, secret, staticSettings, templates, missing, https, cookies] = FINDING_ITEMS.map(fromFindings);
  items.push(debug, hosts, secret, environmentItem(shown, used, noSettings && noSettingsReason), staticSettings, collectstaticItem(facts, staticRoot, noSettingsReason), templates, missing, servingItem(facts, shown, used), https, cookies);

  // Whatever else check --deploy and the traps report for production.
  const rest = shown.filter((f) => !used.has(f) && f.production && !f.code.startsWith('DJD2'));
  items.push(findingsItem('other-checks', 'Every other check --deploy warning', rest, noSettings ? noSettingsReason : undefined, CHECK_DEPLOY));
  items.push(applicationServerItem(facts));
  return items;
}

export function findingsItem(id: string, title: string, mine: Finding[], unknownReason: string | undefined, command?: ChecklistItem['command']): Omit<ChecklistItem, 'placeCount'> {
  const places = mine.map((f) => ({ file: f.file, start: f.start, end: f.end, label: `${f.code}: ${f.message}` }));
  if (mine.length === 0) {
    return unknownReason ? { id, title, status: 'unknown', detail: unknownReason, places } : { id, title, status: 'pass', detail: 'No problems found.', places };
  }
  const serious = mine.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const first = serious[0] ?? mine[0];
  const files = new Set(mine.map((f) => f.file));
  const where = files.size > 1 ? ` in ${files.size} files` : ` (${posix.basename(first.file)})`;
  const count = mine.length > 1 ? `${mine.length} problems${where}: ` : '';
  return { id, title, status: serious.length ? 'fail' : 'warn', detail: `${count}${firstSentence(first.message)}${mine.length === 1 ? where : ''}`, places, command };
}

/** The environment variables the production settings cannot load without (DJD117). */
/** `noSettings`: why there is no production module to judge (false: there is one). */
function environmentItem(shown: Finding[], used: Set<Finding>, noSettings: string | false): Omit<ChecklistItem, 'placeCount'> {
  const base = { id: 'environment', title: 'Environment variables the settings need' };
  const required = shown.filter((f) => f.code === 'DJD117' && f.production);
  for (const f of required) used.add(f);
  const names = [...new Set(required.flatMap((f) => f.whenUnset ?? []))];
  const places = required.map((f) => ({ file: f.file, start: f.start, end: f.end, label: `${f.whenUnset?.join(', ') ?? f.code}: read with no default` }));
  if (noSettings) return { ...base, status: 'unknown', detail: noSettings, places };
  if (!names.length) return { ...base, status: 'pass', detail: 'The production settings load with no environment variable set.', places };
  return { ...base, status: 'warn', detail: `Django does not start without ${names.join(', ')}: set ${names.length > 1 ? 'them' : 'it'} in production and wherever check --deploy runs.`, places };
}

function firstSentence(message: string): string {
  const cut = message.search(/[.:](\s|$)/);
  const s = cut > 20 ? message.slice(0, cut) : message;
  return s.length > 140 ? `${s.slice(0, 139)}…` : s;
}

const MARK: Record<ChecklistStatus, string> = { pass: '[x]', fail: '[ ]', warn: '[ ]', unknown: '[ ]' };
const WORD: Record<ChecklistStatus, string> = { pass: '', fail: '**failing** — ', warn: '**warning** — ', unknown: '**unknown** — ' };

/** The checklist as GitHub-flavoured Markdown, for a pull request. */
export function checklistMarkdown(items: ChecklistItem[], project: string): string {
  const passed = items.filter((i) => i.status === 'pass').length;
  const lines = [`### Deployment checklist: ${escapeMarkdown(project)}`, '', `${passed} of ${items.length} items pass (Django Deploy).`, ''];
  for (const i of items) lines.push(`- ${MARK[i.status]} ${escapeMarkdown(i.title)}: ${WORD[i.status]}${escapeMarkdown(i.detail)}`);
  return lines.join('\n') + '\n';
}

