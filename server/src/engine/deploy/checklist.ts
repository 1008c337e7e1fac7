// The deployment checklist: Django's deployment checklist (docs/howto/deployment/checklist)
// as items with a status, built from the project's findings and its deployment facts.

import { posix } from 'node:path';
import type { Finding } from '../findings';
import type { Place, ProjectFacts } from './facts';
import { applicationServerItem, collectstaticItem, servingItem } from './checklistServing';
import { codeSpan, escapeMarkdown } from '../markdown';
import { lineColumn } from '../text';
import { DOCS } from '../rules/rule';
import { CHECKLIST_URL } from '../rules/production';
import type { RowKnowledge, SettingsKnowledge } from './knowledge';

export type ChecklistStatus = 'pass' | 'fail' | 'warn' | 'unknown';

export interface ChecklistItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  /** One line, cut at a word boundary when long (the Quick Pick's). */
  detail: string;
  /** The whole text `detail` was cut from, when it was (for Markdown and tooltips). */
  fullDetail?: string;
  /** Django's documentation for the item: its section of the deployment checklist, or the setting. */
  doc?: string;
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
  doc: string;
}

const codeIn = (...codes: string[]) => (f: Finding) => codes.includes(f.code);
const HTTPS_CODES = ['security.W001', 'security.W004', 'security.W005', 'security.W008', 'security.W021', 'security.E100'];
const COOKIE_CODES = ['security.W010', 'security.W011', 'security.W012', 'security.W013', 'security.W014', 'security.W015', 'security.W016', 'security.W017'];
const STATIC_CODES = ['DJD101', 'DJD102', 'DJD103', 'DJD104', 'DJD105', 'DJD106', 'DJD107', 'DJD110', 'DJD116', 'urls.E006'];
/** Findings about MEDIA_ROOT / MEDIA_URL (they are about static files too: both items show them). */
const isMediaFinding = (f: Finding) => ['DJD102', 'DJD103', 'DJD104', 'DJD105', 'urls.E006'].includes(f.code) && /\bMEDIA_(ROOT|URL)\b/.test(f.message);

/** Items decided by findings, by id; `rawChecklist` puts them in Django's checklist order. */
const FINDING_ITEMS: FindingItem[] = [
  { id: 'debug', title: 'DEBUG is off in production', matches: (f) => f.code === 'security.W018' || (f.code === 'DJD111' && /\bDEBUG\b/.test(f.message)), doc: `${CHECKLIST_URL}#debug` },
  { id: 'allowed-hosts', title: 'ALLOWED_HOSTS lists the site’s hosts', matches: codeIn('security.W020', 'DJD108', 'DJD109', 'DJD113'), doc: `${CHECKLIST_URL}#allowed-hosts` },
  { id: 'secret-key', title: 'SECRET_KEY is strong and out of the source', matches: codeIn('security.W009', 'security.W025', 'DJD112'), doc: `${CHECKLIST_URL}#secret-key` },
  { id: 'caches', title: 'CACHES: a cache shared by every worker', matches: codeIn('DJD119', 'DJD121', 'caches.W002', 'caches.W003'), doc: `${CHECKLIST_URL}#caches` },
  { id: 'databases', title: 'DATABASES: a production database, its password out of the source', matches: codeIn('DJD122', 'DJD123'), doc: `${CHECKLIST_URL}#databases` },
  { id: 'email', title: 'E-mail is sent, from addresses of your domain', matches: codeIn('DJD124', 'DJD125', 'mail.E001'), doc: `${CHECKLIST_URL}#email-backend-and-related-settings` },
  {
    id: 'static-settings',
    title: 'Static files settings: STATIC_URL, an absolute STATIC_ROOT, sane STATICFILES_DIRS',
    matches: (f) => f.code.startsWith('staticfiles.') || STATIC_CODES.includes(f.code),
    doc: `${CHECKLIST_URL}#static-root-and-static-url`,
  },
  { id: 'templates-static', title: 'Templates use {% static %} and load it', matches: codeIn('DJD201', 'DJD202', 'DJD203', 'DJD204', 'DJD206'), doc: `${DOCS}/howto/static-files/#configuring-static-files` },
  { id: 'missing-static', title: 'Every {% static %} path exists', matches: codeIn('DJD205'), doc: `${DOCS}/ref/templates/builtins/#static` },
  { id: 'media', title: 'MEDIA_ROOT and MEDIA_URL: uploads are served as files, never run', matches: isMediaFinding, doc: `${CHECKLIST_URL}#media-root-and-media-url` },
  { id: 'https', title: 'HTTPS: SSL redirect and HSTS', matches: codeIn(...HTTPS_CODES), doc: `${CHECKLIST_URL}#https` },
  { id: 'cookies', title: 'Session and CSRF cookies are secure', matches: (f) => COOKIE_CODES.includes(f.code) || (f.code === 'DJD111' && /COOKIE/.test(f.message)), doc: `${CHECKLIST_URL}#csrf-cookie-secure` },
  { id: 'sessions', title: 'Sessions are stored where every worker finds them', matches: codeIn('DJD126'), doc: `${DOCS}/topics/http/sessions/#using-cached-sessions` },
  { id: 'database-connections', title: 'Persistent database connections (CONN_MAX_AGE)', matches: codeIn('DJD127', 'DJD128'), doc: `${CHECKLIST_URL}#conn-max-age` },
  { id: 'cached-templates', title: 'Templates are compiled once (cached template loader)', matches: codeIn('DJD129'), doc: `${CHECKLIST_URL}#templates` },
  { id: 'logging', title: 'LOGGING records errors in production', matches: codeIn('DJD130'), doc: `${CHECKLIST_URL}#logging` },
  { id: 'error-emails', title: 'ADMINS and MANAGERS receive error reports', matches: codeIn('DJD131'), doc: `${CHECKLIST_URL}#admins-and-managers` },
];

const TEMPLATE_ITEMS = new Set(['templates-static', 'missing-static']);

const CHECK_DEPLOY = { id: 'djangoDeploy.runCheckDeploy', title: 'Run check --deploy' };
const NGINX = { id: 'djangoDeploy.generateNginxConfig', title: 'Generate nginx config for static files' };

/** Documentation of the items built elsewhere (checklistServing.ts) or from facts. */
const ITEM_DOCS: Record<string, string> = {
  environment: `${CHECKLIST_URL}#critical-settings`,
  collectstatic: `${DOCS}/ref/contrib/staticfiles/#collectstatic`,
  'static-serving': `${DOCS}/howto/static-files/deployment/`,
  'error-pages': `${CHECKLIST_URL}#customize-the-default-error-views`,
  'other-checks': `${CHECKLIST_URL}#run-manage-py-check-deploy`,
  'app-server': `${DOCS}/howto/deployment/`,
};

/** Places an item carries at most: a list to choose from, not every raw path of 2,000 templates. */
export const MAX_PLACES = 200;

const NO_SETTINGS = 'No production settings module found.';

/**
 * The checklist for a project: `findings` are the project's (settings and templates), `facts`
 * its deployment facts, `staticRoot` what is on disk at STATIC_ROOT (undefined: not looked at).
 * `unreadSettings`: settings modules the host could not read (a FIFO, over 2 MB, binary…), with
 * the reason, as the project names them: said instead of "no settings module found".
 * `knowledge` (knowledge.ts): what the engine knows of the production values. With it, an item
 * with no finding passes only when the settings that decide it are known, and is undecided (?)
 * with the reason otherwise; without it, an item with no finding passes (findings alone), and
 * the error pages item, which needs the template folders, is undecided.
 */
export function deploymentChecklist(findings: Finding[], facts: ProjectFacts, staticRoot: StaticRootState | undefined, unreadSettings: { file: string; reason: string }[] = [], knowledge?: SettingsKnowledge): ChecklistItem[] {
  const reason = unreadSettings.length ? `No production settings module could be read (${unreadSettings.slice(0, 3).map((u) => `${u.file}: ${u.reason}`).join('; ')}).` : NO_SETTINGS;
  return rawChecklist(findings, facts, staticRoot, reason, knowledge).map((item) => ({ ...item, doc: item.doc ?? ITEM_DOCS[item.id], places: item.places.slice(0, MAX_PLACES), placeCount: item.places.length }));
}

type RawItem = Omit<ChecklistItem, 'placeCount'>;

function rawChecklist(findings: Finding[], facts: ProjectFacts, staticRoot: StaticRootState | undefined, noSettingsReason: string, knowledge: SettingsKnowledge | undefined): RawItem[] {
  const shown = findings.filter((f) => !f.inherited && f.severity !== 'hint');
  const used = new Set<Finding>();
  const noSettings = facts.settings === undefined;

  const item = (id: string): RawItem => {
    const def = FINDING_ITEMS.find((d) => d.id === id)!;
    const mine = shown.filter((f) => def.matches(f));
    for (const f of mine) used.add(f);
    // Template items stand without settings; the others are undecided without a settings module.
    const unknownReason = noSettings && !TEMPLATE_ITEMS.has(def.id) ? noSettingsReason : undefined;
    const found = findingsItem(def.id, def.title, mine, unknownReason, def.command);
    const row = knowledge?.rows[def.id];
    return { ...(mine.length || unknownReason || !row ? found : knownItem(found, row)), doc: def.doc };
  };

  const items: RawItem[] = [
    // Critical settings
    item('secret-key'),
    item('debug'),
    environmentItem(shown, used, noSettings && noSettingsReason),
    // Environment-specific settings
    item('allowed-hosts'),
    item('caches'),
    item('databases'),
    item('email'),
    item('static-settings'),
    collectstaticItem(facts, staticRoot, noSettingsReason),
    item('templates-static'),
    item('missing-static'),
    servingItem(facts, shown, used),
    mediaItem(item('media')),
    // HTTPS
    item('https'),
    item('cookies'),
    // Performance optimizations
    item('sessions'),
    item('database-connections'),
    item('cached-templates'),
    // Error reporting
    item('logging'),
    item('error-emails'),
    errorPagesItem(knowledge),
  ];

  // Whatever else check --deploy and the traps report for production.
  const rest = shown.filter((f) => !used.has(f) && f.production && !f.code.startsWith('DJD2'));
  items.push(findingsItem('other-checks', 'Every other check --deploy warning', rest, noSettings ? noSettingsReason : undefined, CHECK_DEPLOY));
  items.push(applicationServerItem(facts));
  return items;
}

/** An item with no finding, as the engine's knowledge of the production values decides it. */
function knownItem(found: RawItem, row: RowKnowledge): RawItem {
  if (row.unknown) return { ...found, status: 'unknown', ...cut(row.unknown), places: row.places };
  return row.known ? { ...found, ...cut(row.known) } : found;
}

/** Uploads: undecided unless a remote storage keeps them away from the web server; the nginx config helps. */
function mediaItem(found: RawItem): RawItem {
  return found.status === 'unknown' ? { ...found, command: NGINX } : found;
}

function errorPagesItem(knowledge: SettingsKnowledge | undefined): RawItem {
  const base = { id: 'error-pages', title: 'Custom 404.html and 500.html error pages' };
  if (!knowledge) return { ...base, status: 'unknown', detail: 'The template folders were not looked at.', places: [] };
  const { status, detail, places } = knowledge.errorPages;
  return { ...base, status: status === 'present' ? 'pass' : status === 'missing' ? 'warn' : 'unknown', ...cut(detail), places };
}

export function findingsItem(id: string, title: string, mine: Finding[], unknownReason: string | undefined, command?: ChecklistItem['command']): RawItem {
  const places = mine.map((f) => ({ file: f.file, start: f.start, end: f.end, label: `${f.code}: ${f.message}` }));
  if (mine.length === 0) {
    return unknownReason ? { id, title, status: 'unknown', detail: unknownReason, places } : { id, title, status: 'pass', detail: 'No problems found.', places };
  }
  const serious = mine.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const first = serious[0] ?? mine[0];
  const files = new Set(mine.map((f) => f.file));
  const where = files.size > 1 ? ` in ${files.size} files` : ` (${posix.basename(first.file)})`;
  const count = mine.length > 1 ? `${mine.length} problems${where}: ` : '';
  const detail = `${count}${firstSentence(first.message)}${mine.length === 1 ? where : ''}`;
  const whole = `${count}${first.message}`;
  return { id, title, status: serious.length ? 'fail' : 'warn', detail, ...(whole !== detail ? { fullDetail: whole } : {}), places, command };
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

/** Characters a one-line detail holds at most before it is cut (at a word boundary). */
export const DETAIL_LENGTH = 140;

/** The first sentence of a message, cut at a word boundary when it is longer than DETAIL_LENGTH. */
export function firstSentence(message: string): string {
  const cut = message.search(/[.:](\s|$)/);
  return shorten(cut > 20 ? message.slice(0, cut) : message);
}

/** At most DETAIL_LENGTH characters, cut after the last whole word, with "…". */
export function shorten(text: string): string {
  if (text.length <= DETAIL_LENGTH) return text;
  const head = text.slice(0, DETAIL_LENGTH);
  const space = head.lastIndexOf(' ');
  return `${trimEnd(space > DETAIL_LENGTH / 2 ? head.slice(0, space) : head, ' \t,;:.(–—-')}…`;
}

/** `text` without the characters of `chars` at its end (a loop: a `[…]+$` pattern backtracks). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `detail` (one line, short) and, when it had to be cut, the whole text. */
function cut(text: string): { detail: string; fullDetail?: string } {
  const detail = shorten(text);
  return detail === text ? { detail } : { detail, fullDetail: text };
}

const MARK: Record<ChecklistStatus, string> = { pass: '[x]', fail: '[ ]', warn: '[ ]', unknown: '[ ]' };
const WORD: Record<ChecklistStatus, string> = { pass: '', fail: '**failing** — ', warn: '**warning** — ', unknown: '**unknown** — ' };
/** Places listed under an item in Markdown; the rest are counted. */
export const MARKDOWN_PLACES = 5;

/** What checklistMarkdown needs of the workspace: its root, and the texts that give places their line. */
export interface MarkdownWorkspace {
  /** The workspace folder: places and details are written relative to it. */
  root: string;
  /** A file's current text (open editors included); without it, places are written without a line. */
  text?(file: string): string | undefined;
}

/**
 * The checklist as GitHub-flavoured Markdown, for a pull request: whole messages, and places as
 * `path:line` relative to the workspace root (code spans, not links: a relative link in a pull
 * request's description resolves against the pull request's page, not the repository's files).
 * Nothing absolute of the author's machine is written: the root is cut from paths and details.
 */
export function checklistMarkdown(items: ChecklistItem[], project: string, workspace?: MarkdownWorkspace): string {
  const root = workspace && trimEnd(workspace.root, '/');
  const relative = (text: string) => (root ? text.split(`${root}/`).join('').split(root).join('.') : text);
  const passed = items.filter((i) => i.status === 'pass').length;
  const lines = [`### Deployment checklist: ${escapeMarkdown(relative(project))}`, '', `${passed} of ${items.length} items pass (Django Deploy).`, ''];
  for (const i of items) {
    const detail = i.fullDetail ?? i.detail;
    lines.push(`- ${MARK[i.status]} ${escapeMarkdown(i.title)}: ${WORD[i.status]}${escapeMarkdown(relative(detail))}`);
    if (i.status === 'pass' || !workspace) continue;
    const places = i.places ?? [];
    for (const p of places.slice(0, MARKDOWN_PLACES)) {
      // A finding's label is its code and message: when the message is the item's, the code is enough.
      const label = p.label.endsWith(detail) && p.label.length > detail.length ? trimEnd(p.label.slice(0, p.label.length - detail.length), ': ') : p.label;
      lines.push(`  - ${codeSpan(placeName(p, root, workspace.text))}${label ? ` ${escapeMarkdown(relative(label))}` : ''}`);
    }
    const total = Math.max(i.placeCount ?? places.length, places.length);
    if (total > MARKDOWN_PLACES) lines.push(`  - … and ${total - MARKDOWN_PLACES} more`);
  }
  return lines.join('\n') + '\n';
}

/** `path:line` relative to the root (a file outside it: its name only); the line when the text is known. */
function placeName(p: Place, root: string | undefined, text: ((file: string) => string | undefined) | undefined): string {
  const path = root && p.file.startsWith(`${root}/`) ? p.file.slice(root.length + 1) : posix.basename(p.file);
  const content = text?.(p.file);
  return content === undefined ? path : `${path}:${lineColumn(content, p.start).line + 1}`;
}
