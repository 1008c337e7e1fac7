// Django's deployment checklist beyond `check --deploy` (docs/howto/deployment/checklist):
// caches, databases, e-mail, sessions, persistent connections, the cached template loader,
// logging and error e-mails, judged in production settings modules only.

import { type Value, isSequence, isExactSequence, truthy, envNamesOf } from '../python/values';
import type { SettingBinding, SourceRange } from '../python/execute';
import { dictGet } from '../python/evaluate';
import type { Fix, TextEdit } from '../findings';
import type { RuleContext, SettingsRule } from './rule';
import { DOCS, settingUrl } from './rule';
import { DEFAULT_FROM_EMAIL, DEFAULT_SERVER_EMAIL, DJANGO_TEMPLATES, unsetNote } from './settingsView';

export const CHECKLIST_URL = `${DOCS}/howto/deployment/checklist/`;

/** Cache backends that keep nothing shared between processes: name → what they are. */
export const LOCAL_CACHES: Record<string, string> = {
  'django.core.cache.backends.locmem.LocMemCache': 'a per-process local-memory cache (LocMemCache)',
  'django.core.cache.backends.dummy.DummyCache': 'the dummy cache (DummyCache), which stores nothing',
};

/** Django's e-mail backends that send nothing: name → where the messages go. */
export const DEVELOPMENT_EMAIL_BACKENDS: Record<string, string> = {
  'django.core.mail.backends.console.EmailBackend': 'printed to the console',
  'django.core.mail.backends.filebased.EmailBackend': 'written to files',
  'django.core.mail.backends.locmem.EmailBackend': 'kept in memory',
  'django.core.mail.backends.dummy.EmailBackend': 'dropped',
};


export const SQLITE = 'django.db.backends.sqlite3';
export const CACHE_SESSIONS = 'django.contrib.sessions.backends.cache';
export const CACHED_DB_SESSIONS = 'django.contrib.sessions.backends.cached_db';
export const CACHED_LOADER = 'django.template.loaders.cached.Loader';
/** Django's loaders that compile on every render (the cached loader is the one that keeps them). */
const PLAIN_LOADERS = new Set(['django.template.loaders.filesystem.Loader', 'django.template.loaders.app_directories.Loader', 'django.template.loaders.locmem.Loader']);
const BROKEN_LINK_MIDDLEWARE = 'django.middleware.common.BrokenLinkEmailsMiddleware';

/** Names a settings module mentions when it sets up error reporting itself. */
const OWN_ERROR_REPORTING = ['sentry_sdk', 'rollbar', 'bugsnag', 'dictConfig(', 'fileConfig(', 'basicConfig(', 'LOGGING_CONFIG'];

// -------------------------------------------------------------------------------------------
// Values

/** `d[k1][k2]…`: undefined when certainly absent, UNKNOWN-like values when it may be there. */
export function dictPath(v: Value, path: string[]): Value | undefined {
  let at: Value | undefined = v;
  for (const key of path) {
    if (!at) return undefined;
    at = dictGet(at, key);
  }
  return at;
}

/** The certain `alias → dict` entries of a DATABASES or CACHES dict (every key known), or undefined. */
export function aliases(v: Value): { alias: string; value: Value }[] | undefined {
  if (v.kind !== 'dict' || v.open) return undefined;
  const out: { alias: string; value: Value }[] = [];
  for (const e of v.entries) {
    if (e.key.kind !== 'str') return undefined;
    if (e.maybe) continue;
    out.push({ alias: e.key.value, value: e.value });
  }
  return out;
}

/** Environment variables (not set for the analysis) a part of a setting is read from, as written. */
function partWhenUnset(ctx: RuleContext, name: string, path: string[]): string[] | undefined {
  const part = dictPath(ctx.s.symbolic(name), path);
  if (!part) return undefined;
  const names = part.kind === 'env' ? [part.variable] : envNamesOf(part);
  const unset = names.filter((n) => !ctx.s.environment.has(n));
  return unset.length ? unset : undefined;
}

/** Settings nearly every module sets: the files they come from are the modules Django reads. */
const COMMON_SETTINGS = ['DEBUG', 'SECRET_KEY', 'ALLOWED_HOSTS', 'INSTALLED_APPS', 'MIDDLEWARE', 'DATABASES', 'TEMPLATES', 'STATIC_URL'];

/** Whether the settings (the root module and the modules its common settings come from) set up logging or error reporting with code of their own. */
function ownErrorReporting(ctx: RuleContext): boolean {
  const files = new Set([ctx.rootFile]);
  for (const name of COMMON_SETTINGS) {
    const b = ctx.s.binding(name);
    if (b) files.add(b.origin.file);
  }
  return [...files].some((file) => {
    const text = ctx.text(file);
    return OWN_ERROR_REPORTING.some((n) => text.includes(n));
  });
}

// -------------------------------------------------------------------------------------------
// Where a dict entry is written

/** A `'KEY': value` (dict display), `['KEY'] = value` (item assignment) or `KEY=value` (dict()) in the source. */
export interface WrittenEntry {
  /** The key as written (quotes included; `KEY` for a keyword argument). */
  key: SourceRange;
  separator: ':' | '=';
  /** A plain one-line string literal value: its range (quotes included) and its text. */
  literal?: { range: SourceRange; value: string };
  /** A number, None, True or False written as the value: its range. */
  token?: SourceRange;
}

const IDENTIFIER = /[A-Za-z0-9_]/;

/** The entries for `key` written in a setting's statement and its in-place changes, in source order. */
export function writtenEntries(ctx: RuleContext, binding: SettingBinding, key: string): WrittenEntry[] {
  const out: WrittenEntry[] = [];
  for (const r of [binding.statement, ...binding.changes]) {
    const text = ctx.text(r.file);
    const part = text.slice(r.start, r.end);
    for (const quote of ['"', "'"]) {
      const needle = quote + key + quote;
      for (let i = part.indexOf(needle); i >= 0; i = part.indexOf(needle, i + 1)) {
        const before = part[i - 1];
        // A string that merely ends with the key ('X_PASSWORD') or a prefixed literal is another string.
        if (before !== undefined && IDENTIFIER.test(before)) continue;
        const entry = entryAfter(text, r.file, r.start + i, r.start + i + needle.length, r.end, 'quoted');
        if (entry) out.push(entry);
      }
    }
    for (let i = part.indexOf(key); i >= 0; i = part.indexOf(key, i + 1)) {
      const before = part[i - 1];
      const after = part[i + key.length];
      if ((before !== undefined && (IDENTIFIER.test(before) || before === '"' || before === "'" || before === '.')) || (after !== undefined && IDENTIFIER.test(after))) continue;
      const entry = entryAfter(text, r.file, r.start + i, r.start + i + key.length, r.end, 'keyword');
      if (entry) out.push(entry);
    }
  }
  return out.sort((a, b) => (a.key.file === b.key.file ? a.key.start - b.key.start : a.key.file < b.key.file ? -1 : 1));
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  return at;
}

function entryAfter(text: string, file: string, keyStart: number, keyEnd: number, end: number, form: 'quoted' | 'keyword'): WrittenEntry | undefined {
  let at = skipSpace(text, keyEnd, end);
  let separator: ':' | '=';
  if (form === 'quoted' && text[at] === ':') separator = ':';
  else if (form === 'quoted' && text[at] === ']') {
    at = skipSpace(text, at + 1, end);
    if (text[at] !== '=' || text[at + 1] === '=') return undefined;
    separator = '=';
  } else if (form === 'keyword' && text[at] === '=' && text[at + 1] !== '=') separator = '=';
  else return undefined;
  at = skipSpace(text, at + 1, end);
  const entry: WrittenEntry = { key: { file, start: keyStart, end: keyEnd }, separator };
  const q = text[at];
  if (q === '"' || q === "'") {
    if (text[at + 1] === q && text[at + 2] === q) return entry; // a triple-quoted string
    let close = at + 1;
    while (close < end && text[close] !== q && text[close] !== '\\' && text[close] !== '\n') close++;
    if (text[close] === q) entry.literal = { range: { file, start: at, end: close + 1 }, value: text.slice(at + 1, close) };
    return entry;
  }
  let stop = at;
  while (stop < end && (IDENTIFIER.test(text[stop]) || text[stop] === '.')) stop++;
  const token = text.slice(at, stop);
  if (token && (/^[0-9][0-9_.]*$/.test(token) || token === 'None' || token === 'True' || token === 'False')) entry.token = { file, start: at, end: stop };
  return entry;
}

/** Where to point for `key` of the alias whose value (a string) is `value`; the first entry for `key` otherwise. */
function entryFor(entries: WrittenEntry[], value?: string): WrittenEntry | undefined {
  if (value !== undefined) return entries.find((e) => e.literal?.value === value);
  return entries[0];
}

/** An environment variable name for a database alias's password. */
export function passwordVariable(alias: string): string {
  const words = alias.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w !== '');
  const clean = words.join('_');
  return alias === 'default' || !clean ? 'DATABASE_PASSWORD' : `DATABASE_${clean}_PASSWORD`;
}

// -------------------------------------------------------------------------------------------
// Rules

export const productionRules: SettingsRule[] = [
  {
    code: 'DJD119',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'The default cache is local memory or the dummy cache',
      what: "`CACHES['default']` uses `LocMemCache` or `DummyCache` in the production settings.",
      why: 'LocMemCache is private to each worker process and emptied on every restart: cached pages, rate limits, locks and cache-based sessions are not shared between workers. DummyCache stores nothing at all.',
      example: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}",
      instead: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': os.environ['REDIS_URL']}}",
      url: `${CHECKLIST_URL}#caches`,
    },
    check(ctx) {
      if (!ctx.production) return;
      const caches = ctx.s.get('CACHES');
      if (!caches.binding) return; // DJD121: Django's default
      const backend = dictPath(caches.value, ['default', 'BACKEND']);
      if (backend?.kind !== 'str' || !LOCAL_CACHES[backend.value]) return;
      const whenUnset = partWhenUnset(ctx, 'CACHES', ['default', 'BACKEND']);
      const at = entryFor(writtenEntries(ctx, caches.binding, 'BACKEND'), backend.value);
      const dummy = backend.value.endsWith('DummyCache');
      ctx.report({
        message: `The default cache is ${LOCAL_CACHES[backend.value]}${unsetNote(whenUnset)}: ${dummy ? 'in production nothing is cached, and whatever relies on the cache (sessions, rate limits, locks) silently does nothing' : 'in production each worker process has its own cache, emptied on every restart, so cached data, rate limits and cache-based sessions are not shared between workers'}. Use a shared cache such as Redis or Memcached.`,
        binding: caches.binding,
        at: at?.literal?.range ?? at?.key,
        whenUnset,
      });
    },
  },
  {
    code: 'DJD121',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'CACHES is not set (Django uses a per-process local-memory cache)',
      what: 'The production settings do not set `CACHES`, so Django uses its default: one `LocMemCache` per process.',
      why: 'Fine for a single process; with several workers each has its own cache, emptied on every restart. Review it before the site relies on caching (cached views, cache-based sessions, rate limits).',
      example: '# no CACHES in the production settings',
      instead: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': os.environ['REDIS_URL']}}",
      url: `${CHECKLIST_URL}#caches`,
    },
    check(ctx) {
      if (!ctx.production || ctx.s.isSet('CACHES')) return;
      ctx.report({ message: "CACHES is not set: production uses Django's default, a per-process local-memory cache (LocMemCache) that workers do not share and restarts empty. Configure a shared cache (Redis, Memcached) if the site relies on caching." });
    },
  },
  {
    code: 'DJD122',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'A database password is written in the production settings',
      what: "A `DATABASES` entry's `PASSWORD` is a string literal in the source of the production settings (not read from the environment or a file).",
      why: 'Everyone with access to the repository, its forks and backups has the production database password. Django\'s checklist asks to protect it exactly like SECRET_KEY.',
      example: "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': 'hunter2', ...}}",
      instead: "'PASSWORD': os.environ.get('DATABASE_PASSWORD', '')  # and rotate the committed password",
      url: `${CHECKLIST_URL}#databases`,
    },
    check(ctx) {
      if (!ctx.production) return;
      const binding = ctx.s.binding('DATABASES');
      if (!binding || binding.conditional) return;
      // As written: a password read from the environment is what the checklist asks for.
      const entries = aliases(ctx.s.symbolic('DATABASES'));
      if (!entries) return;
      const written = writtenEntries(ctx, binding, 'PASSWORD');
      const taken = new Set<WrittenEntry>();
      for (const { alias, value } of entries) {
        const password = dictGet(value, 'PASSWORD');
        const engine = dictGet(value, 'ENGINE');
        if (password?.kind !== 'str' || password.value === '' || (engine?.kind === 'str' && engine.value === SQLITE)) continue;
        const at = written.find((w) => !taken.has(w) && w.literal?.value === password.value);
        if (at) taken.add(at);
        const fixes: Fix[] = [];
        // Only in the module that wrote it, and only when the module stays loadable without the variable.
        if (at?.literal && at.key.file === ctx.rootFile && !binding.importedVia) {
          const variable = passwordVariable(alias);
          const edits: TextEdit[] = [{ ...at.literal.range, newText: ctx.fixes.envGet(variable, '') }];
          const imp = ctx.fixes.importOs(at.key.file);
          if (imp) edits.push(imp);
          fixes.push({ title: `Read the '${alias}' database password from ${variable} (set it in production; rotate the committed password)`, safe: false, edits });
        }
        ctx.report({
          message: `The '${alias}' database password is written in the production settings: everyone with the source has the production database password. Read it from the environment (os.environ) or a secrets file, and change the committed password.`,
          binding,
          at: at ? { file: at.key.file, start: at.key.start, end: at.literal?.range.end ?? at.key.end } : undefined,
          fixes,
        });
      }
    },
  },
  {
    code: 'DJD123',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'The production database is SQLite',
      what: "A `DATABASES` entry uses `django.db.backends.sqlite3` in the production settings.",
      why: 'SQLite can serve a small site on one server, but writes are serialised (concurrent requests wait or fail with "database is locked"), the file must live on persistent storage that every worker sees, and it cannot be shared between servers.',
      example: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}",
      instead: "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'shop', 'PASSWORD': os.environ['DATABASE_PASSWORD'], ...}}",
      url: `${DOCS}/ref/databases/#sqlite-notes`,
    },
    check(ctx) {
      if (!ctx.production) return;
      const databases = ctx.s.get('DATABASES');
      if (!databases.binding) return;
      for (const { alias, value } of aliases(databases.value) ?? []) {
        const engine = dictGet(value, 'ENGINE');
        if (engine?.kind !== 'str' || engine.value !== SQLITE) continue;
        const whenUnset = partWhenUnset(ctx, 'DATABASES', [alias, 'ENGINE']);
        const at = entryFor(writtenEntries(ctx, databases.binding, 'ENGINE'), SQLITE);
        ctx.report({
          message: `The '${alias}' database is SQLite in production${unsetNote(whenUnset)}: fine for a small site on one server, but writes wait on each other ("database is locked" under load) and the file must sit on persistent storage every worker shares. Use PostgreSQL or MySQL/MariaDB when the site grows.`,
          binding: databases.binding,
          at: at?.literal?.range ?? at?.key,
          whenUnset,
        });
      }
    },
  },
  {
    code: 'DJD124',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'EMAIL_BACKEND sends no e-mail (console, file, locmem or dummy backend)',
      what: "`EMAIL_BACKEND` is Django's console, file-based, locmem or dummy backend in the production settings.",
      why: 'No e-mail leaves the server: password resets, account confirmations and the error reports Django mails to ADMINS are printed, written to files or dropped.',
      example: "EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'",
      instead: "EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'  # with EMAIL_HOST, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD from the environment",
      url: `${CHECKLIST_URL}#email-backend-and-related-settings`,
    },
    check(ctx) {
      if (!ctx.production || ctx.s.isSet('MAILERS')) return; // mail.E001 judges MAILERS (Django 6.1)
      const { value, binding, whenUnset } = ctx.s.get('EMAIL_BACKEND');
      if (!binding || value.kind !== 'str' || !DEVELOPMENT_EMAIL_BACKENDS[value.value]) return;
      const kind = value.value.split('.')[4];
      ctx.report({
        message: `EMAIL_BACKEND is Django's ${kind} backend${unsetNote(whenUnset)}: in production no e-mail is sent, messages are ${DEVELOPMENT_EMAIL_BACKENDS[value.value]} (password resets, error reports to ADMINS). Use the SMTP backend or your provider's backend.`,
        binding,
        whenUnset,
      });
    },
  },
  {
    code: 'DJD125',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: "Mail is sent from Django's default addresses (webmaster@localhost, root@localhost)",
      what: "The site sends e-mail (an e-mail host or backend is configured, or `ADMINS`/`MANAGERS` receive error reports) while `DEFAULT_FROM_EMAIL` is 'webmaster@localhost' or `SERVER_EMAIL` is 'root@localhost', Django's defaults.",
      why: 'Many mail providers reject or bin messages from these addresses: password resets and error reports never arrive, and nobody notices.',
      example: "ADMINS = [('Ops', 'ops@example.com')]\n# SERVER_EMAIL not set",
      instead: "SERVER_EMAIL = 'django@example.com'\nDEFAULT_FROM_EMAIL = 'Example <noreply@example.com>'",
      url: `${CHECKLIST_URL}#email-backend-and-related-settings`,
    },
    check(ctx) {
      if (!ctx.production || ctx.s.isSet('MAILERS')) return;
      const backend = ctx.s.get('EMAIL_BACKEND').value;
      if (backend.kind !== 'str' || DEVELOPMENT_EMAIL_BACKENDS[backend.value]) return; // DJD124 first
      const admins = truthy(ctx.s.get('ADMINS').value) === true;
      const managers = truthy(ctx.s.get('MANAGERS').value) === true;
      const host = ctx.s.get('EMAIL_HOST').value;
      const configured = (ctx.s.binding('EMAIL_HOST') && host.kind === 'str' && host.value !== '' && host.value !== 'localhost') || !!ctx.s.binding('EMAIL_BACKEND');
      const check = (name: string, dflt: string, used: boolean, near: string[], why: string) => {
        if (!used) return;
        const { value, binding, whenUnset } = ctx.s.get(name);
        if (value.kind !== 'str' || value.value !== dflt) return;
        ctx.report({ message: `${name} is '${dflt}', Django's default${unsetNote(whenUnset)}: ${why} are sent from it, and many mail providers reject that sender. Set ${name} to an address of your domain.`, binding, near, whenUnset });
      };
      check('SERVER_EMAIL', DEFAULT_SERVER_EMAIL, admins || managers, admins ? ['ADMINS'] : ['MANAGERS'], 'the error reports mailed to ADMINS and MANAGERS');
      check('DEFAULT_FROM_EMAIL', DEFAULT_FROM_EMAIL, configured, ['EMAIL_HOST', 'EMAIL_BACKEND'], "the site's e-mails (password resets, notifications)");
    },
  },
  {
    code: 'DJD126',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'Sessions are kept in a per-process or dummy cache',
      what: "`SESSION_ENGINE` is the cache backend with a `LocMemCache` or `DummyCache` session cache, or `cached_db` with a `LocMemCache` (Django's default CACHES counts).",
      why: 'With the cache backend, a login lives in one worker\'s memory (DummyCache: nowhere), so users are logged out at random and on every restart. With cached_db, each worker keeps its own copy: a logout seen by one worker is not seen by the others until their copy expires.',
      example: "SESSION_ENGINE = 'django.contrib.sessions.backends.cache'\n# CACHES not set: LocMemCache",
      instead: "SESSION_ENGINE = 'django.contrib.sessions.backends.cached_db'  # with Redis or Memcached as the cache",
      url: `${DOCS}/topics/http/sessions/#using-cached-sessions`,
    },
    check(ctx) {
      if (!ctx.production) return;
      const engine = ctx.s.get('SESSION_ENGINE');
      if (!engine.binding || engine.value.kind !== 'str' || (engine.value.value !== CACHE_SESSIONS && engine.value.value !== CACHED_DB_SESSIONS)) return;
      const alias = ctx.s.get('SESSION_CACHE_ALIAS').value;
      if (alias.kind !== 'str') return;
      const caches = ctx.s.get('CACHES');
      const backend = dictPath(caches.value, [alias.value, 'BACKEND']);
      if (backend?.kind !== 'str' || !LOCAL_CACHES[backend.value]) return;
      const dummy = backend.value.endsWith('DummyCache');
      const cachedDb = engine.value.value === CACHED_DB_SESSIONS;
      if (cachedDb && dummy) return; // every read goes to the database
      const whenUnset = [...(engine.whenUnset ?? []), ...(caches.binding ? (partWhenUnset(ctx, 'CACHES', [alias.value, 'BACKEND']) ?? []) : [])];
      const cache = `the '${alias.value}' cache is ${caches.binding ? LOCAL_CACHES[backend.value] : "Django's default, a per-process local-memory cache"}`;
      const effect = dummy
        ? 'sessions are never stored, so nobody stays logged in'
        : cachedDb
          ? 'each worker keeps its own copy of the sessions, so a logout or a session change made through one worker is not seen by the others until their copy expires'
          : "a session lives in one worker's memory, so users are logged out whenever another worker answers, and everyone on each restart";
      ctx.report({
        message: `Sessions use ${cachedDb ? 'cached_db' : 'the cache'} and ${cache}${unsetNote(whenUnset.length ? whenUnset : undefined)}: ${effect}. Use Redis or Memcached for the cache, or database sessions.`,
        binding: engine.binding,
        whenUnset: whenUnset.length ? whenUnset : undefined,
      });
    },
  },
  {
    code: 'DJD127',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'No persistent database connections (CONN_MAX_AGE is 0)',
      what: "A database (other than SQLite) has `CONN_MAX_AGE` 0, Django's default: a new connection for every request.",
      why: 'Opening a connection (TCP, TLS, authentication) on every request can be a large part of the response time, above all on virtualised hosts or with a remote database. Under ASGI, or behind a connection pooler (PgBouncer, Django 5.1+ "pool"), 0 is the right value.',
      example: "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', ...}}",
      instead: "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'CONN_MAX_AGE': 60, 'CONN_HEALTH_CHECKS': True, ...}}",
      url: `${CHECKLIST_URL}#conn-max-age`,
    },
    check(ctx) {
      if (!ctx.production) return;
      const databases = ctx.s.get('DATABASES');
      if (!databases.binding) return;
      const written = writtenEntries(ctx, databases.binding, 'CONN_MAX_AGE');
      const taken = new Set<WrittenEntry>();
      for (const { alias, value } of aliases(databases.value) ?? []) {
        const engine = dictGet(value, 'ENGINE');
        if (engine?.kind !== 'str' || engine.value === SQLITE || engine.value.endsWith('.dummy')) continue;
        const maxAge = dictGet(value, 'CONN_MAX_AGE');
        if (maxAge !== undefined && !(maxAge.kind === 'int' && maxAge.value === 0)) continue;
        const options = dictGet(value, 'OPTIONS');
        const pool = options?.kind === 'dict' ? dictGet(options, 'pool') : options === undefined ? undefined : options;
        if (pool !== undefined && truthy(pool) !== false) continue; // a pool (5.1+) or options nobody can read
        const whenUnset = maxAge ? partWhenUnset(ctx, 'DATABASES', [alias, 'CONN_MAX_AGE']) : undefined;
        const at = maxAge ? written.find((w) => !taken.has(w) && w.token && ctx.text(w.token.file).slice(w.token.start, w.token.end) === '0') : undefined;
        if (at) taken.add(at);
        ctx.report({
          message: `The '${alias}' database has CONN_MAX_AGE ${maxAge ? '0' : "unset (Django's default 0)"}${unsetNote(whenUnset)}: every request opens a new database connection. Under WSGI, persistent connections (e.g. 'CONN_MAX_AGE': 60 with 'CONN_HEALTH_CHECKS': True) often save much of that time; keep 0 under ASGI or behind a connection pooler.`,
          binding: databases.binding,
          at: at ? { file: at.key.file, start: at.key.start, end: at.token!.end } : undefined,
          whenUnset,
        });
      }
    },
  },
  {
    code: 'DJD128',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    since: [4, 1],
    doc: {
      title: 'Persistent connections without CONN_HEALTH_CHECKS',
      what: "A database has `CONN_MAX_AGE` above 0 (or None: unlimited) and `CONN_HEALTH_CHECKS` is not True (Django 4.1+).",
      why: 'A connection the database server closed (restart, failover, idle timeout) is reused as is: the first request on it fails with a database error instead of reconnecting.',
      example: "'CONN_MAX_AGE': 600",
      instead: "'CONN_MAX_AGE': 600, 'CONN_HEALTH_CHECKS': True",
      url: settingUrl('CONN_HEALTH_CHECKS'),
    },
    check(ctx) {
      if (!ctx.production) return;
      const databases = ctx.s.get('DATABASES');
      if (!databases.binding) return;
      const written = writtenEntries(ctx, databases.binding, 'CONN_MAX_AGE');
      const healthWritten = writtenEntries(ctx, databases.binding, 'CONN_HEALTH_CHECKS');
      const taken = new Set<WrittenEntry>();
      for (const { alias, value } of aliases(databases.value) ?? []) {
        const engine = dictGet(value, 'ENGINE');
        if (engine?.kind !== 'str' || engine.value.endsWith('.dummy')) continue;
        const maxAge = dictGet(value, 'CONN_MAX_AGE');
        if (!maxAge || !((maxAge.kind === 'int' && maxAge.value > 0) || maxAge.kind === 'none')) continue;
        const health = dictGet(value, 'CONN_HEALTH_CHECKS');
        if (health !== undefined && !(health.kind === 'bool' && !health.value)) continue;
        const shown = maxAge.kind === 'none' ? 'None' : String(maxAge.value);
        const at = written.find((w) => !taken.has(w) && w.token && ctx.text(w.token.file).slice(w.token.start, w.token.end).replace(/_/g, '') === shown);
        if (at) taken.add(at);
        const whenUnset = partWhenUnset(ctx, 'DATABASES', [alias, 'CONN_MAX_AGE']);
        const fixes: Fix[] = [];
        // `'CONN_MAX_AGE': 60` in a dict display: the health check goes right after it, in the same dict.
        if (at?.token && at.separator === ':' && health === undefined && !healthWritten.length && at.key.file === ctx.rootFile && !databases.binding.importedVia && !databases.binding.conditional) {
          const quote = ctx.text(at.key.file)[at.key.start];
          fixes.push({ title: `Turn on CONN_HEALTH_CHECKS for the '${alias}' database`, safe: false, edits: [{ file: at.token.file, start: at.token.end, end: at.token.end, newText: `, ${quote}CONN_HEALTH_CHECKS${quote}: True` }] });
        }
        ctx.report({
          message: `The '${alias}' database keeps connections open (CONN_MAX_AGE ${shown}) without CONN_HEALTH_CHECKS${unsetNote(whenUnset)}: after the database restarts or drops an idle connection, the next request on it fails with a database error. Set 'CONN_HEALTH_CHECKS': True.`,
          binding: databases.binding,
          at: at ? { file: at.key.file, start: at.key.start, end: at.token!.end } : undefined,
          whenUnset,
          fixes,
        });
      }
    },
  },
  {
    code: 'DJD129',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: "Custom template loaders without Django's cached loader",
      what: "A DjangoTemplates engine lists `OPTIONS['loaders']` (only Django's filesystem, app_directories or locmem loaders) without `django.template.loaders.cached.Loader`, with DEBUG off. Django adds the cached loader itself only when `loaders` is not given (with DEBUG off in 3.2; always since 4.1).",
      why: 'Every template is read and compiled again on every render: often the largest avoidable cost of a page.',
      example: "'OPTIONS': {'loaders': ['django.template.loaders.filesystem.Loader', 'django.template.loaders.app_directories.Loader']}",
      instead: "'OPTIONS': {'loaders': [('django.template.loaders.cached.Loader', ['django.template.loaders.filesystem.Loader', 'django.template.loaders.app_directories.Loader'])]}",
      url: `${CHECKLIST_URL}#templates`,
    },
    check(ctx) {
      if (!ctx.production) return;
      if (truthy(ctx.s.get('DEBUG').value) !== false) return;
      const templates = ctx.s.get('TEMPLATES');
      if (!templates.binding || !isExactSequence(templates.value)) return;
      // The n-th `'loaders'` key written is the n-th engine that has one, when every one is found.
      const written = writtenEntries(ctx, templates.binding, 'loaders');
      const withLoaders = templates.value.items.filter((e) => { const o = dictGet(e, 'OPTIONS'); return o?.kind === 'dict' && dictGet(o, 'loaders') !== undefined; }).length;
      let seen = 0;
      templates.value.items.forEach((engine, index) => {
        const backend = dictGet(engine, 'BACKEND');
        const options = dictGet(engine, 'OPTIONS');
        const loaders = options?.kind === 'dict' ? dictGet(options, 'loaders') : undefined;
        if (!loaders) return; // Django chooses them, with the cached loader
        const at = written.length === withLoaders ? written[seen] : undefined;
        seen++;
        if (backend?.kind !== 'str' || backend.value !== DJANGO_TEMPLATES) return;
        const names = loaderNames(loaders);
        if (!names || names.includes(CACHED_LOADER) || !names.every((n) => PLAIN_LOADERS.has(n))) return;
        ctx.report({
          message: `TEMPLATES[${index}] lists its loaders without django.template.loaders.cached.Loader: in production every template is compiled again on every render. Wrap the loaders in ('django.template.loaders.cached.Loader', [...]), or remove 'loaders' to let Django add it.`,
          binding: templates.binding,
          at: at?.key,
        });
      });
    },
  },
  {
    code: 'DJD130',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'LOGGING is not configured',
      what: 'The production settings set neither `LOGGING` nor `LOGGING_CONFIG`, and set up no logging or error monitoring of their own (dictConfig, Sentry…).',
      why: "With DEBUG off, Django's default logging prints nothing: the console handler only works with DEBUG on, so the traceback of a 500 error only reaches the ADMINS by e-mail, and with no ADMINS, nobody.",
      example: '# no LOGGING in the production settings',
      instead: "LOGGING = {'version': 1, 'disable_existing_loggers': False, 'handlers': {'console': {'class': 'logging.StreamHandler'}}, 'root': {'handlers': ['console'], 'level': 'WARNING'}}",
      url: `${CHECKLIST_URL}#logging`,
    },
    check(ctx) {
      if (!ctx.production || ctx.s.isSet('LOGGING') || ctx.s.isSet('LOGGING_CONFIG') || ownErrorReporting(ctx)) return;
      ctx.report({ message: "LOGGING is not configured: with DEBUG off, Django's default logging prints nothing, so the traceback of a server error only reaches ADMINS by e-mail. Configure LOGGING (e.g. a console handler for the 'django' logger) or an error-monitoring service." });
    },
  },
  {
    code: 'DJD131',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'Nobody receives error e-mails (ADMINS or MANAGERS is empty)',
      what: '`ADMINS` is empty (Django\'s default), or `BrokenLinkEmailsMiddleware` is installed with an empty `MANAGERS`, and the settings set up no error monitoring of their own.',
      why: "Django mails the traceback of every server error to ADMINS, and broken-link reports to MANAGERS: with nobody listed, errors in production go unnoticed unless logging or a monitoring service reports them.",
      example: 'ADMINS = []',
      instead: "ADMINS = [('Ops', 'ops@example.com')]  # or an error-monitoring service such as Sentry",
      url: `${CHECKLIST_URL}#admins-and-managers`,
    },
    check(ctx) {
      if (!ctx.production || ownErrorReporting(ctx)) return;
      const admins = ctx.s.get('ADMINS');
      if (isSequence(admins.value) && admins.value.items.length === 0) {
        ctx.report({ message: `ADMINS is empty${unsetNote(admins.whenUnset)}: nobody receives the e-mail Django sends for each server error in production. List the people to notify, or report errors through logging or a monitoring service.`, binding: admins.binding, whenUnset: admins.whenUnset });
      }
      if (ctx.s.contains('MIDDLEWARE', BROKEN_LINK_MIDDLEWARE) !== true) return;
      const managers = ctx.s.get('MANAGERS');
      if (!isSequence(managers.value) || managers.value.items.length !== 0) return;
      ctx.report({
        message: `BrokenLinkEmailsMiddleware is installed but MANAGERS is empty${unsetNote(managers.whenUnset)}: its broken-link reports go to nobody. List MANAGERS, or remove the middleware.`,
        binding: managers.binding,
        at: managers.binding ? undefined : ctx.s.itemRange('MIDDLEWARE', BROKEN_LINK_MIDDLEWARE, ctx.text),
        whenUnset: managers.whenUnset,
      });
    },
  },
];

/** The loaders of an OPTIONS['loaders'] list, nested ones included; undefined when one is not a known string. */
export function loaderNames(loaders: Value, depth = 0): string[] | undefined {
  if (!isExactSequence(loaders) || depth > 4) return undefined;
  const out: string[] = [];
  for (const item of loaders.items) {
    if (item.kind === 'str') out.push(item.value);
    else if (isExactSequence(item) && item.items[0]?.kind === 'str') {
      out.push(item.items[0].value);
      // ('cached.Loader', [...]) wraps loaders; ('filesystem.Loader', [dirs]) takes folders.
      if (item.items[0].value === CACHED_LOADER || !PLAIN_LOADERS.has(item.items[0].value)) {
        const inner = item.items[1] ? loaderNames(item.items[1], depth + 1) : [];
        if (!inner) return undefined;
        out.push(...inner);
      }
    } else return undefined;
  }
  return out;
}

