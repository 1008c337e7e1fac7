// What the engine knows of the production settings, row by row of the deployment checklist: a
// row may only pass when the settings that decide it have a production value known here. A
// setting read from the environment (a variable not given for the analysis), set differently in
// branches nobody can decide, or that cannot be evaluated, leaves its rows undecided, with why.
// Also the one checklist fact that is about files, not settings: the 404.html / 500.html templates.

import * as posix from 'node:path/posix';
import type { DjangoProject } from '../project/project';
import type { SettingBinding } from '../python/execute';
import { type Value, envNamesOf, isExactSequence, pathLike, pyRepr } from '../python/values';
import { dictGet } from '../python/evaluate';
import { SettingsView } from '../rules/settingsView';
import { CACHE_SESSIONS, CACHED_DB_SESSIONS, CACHED_LOADER, SQLITE, aliases, dictPath, loaderNames } from '../rules/production';
import { DJANGO_TEMPLATES } from '../rules/settingsView';
import type { Place } from './facts';

export interface RowKnowledge {
  /** Why the row cannot be decided here (a deciding setting's production value is not known). */
  unknown?: string;
  /** What the engine knows, said when the row passes. */
  known?: string;
  /** Where the deciding settings are written. */
  places: Place[];
}

export interface ErrorPages {
  /** `present`: 404.html and 500.html are in the template folders; `missing`: one is not; `unknown`: cannot tell. */
  status: 'present' | 'missing' | 'unknown';
  detail: string;
  places: Place[];
}

export interface SettingsKnowledge {
  /** The production settings module judged, when there is one. */
  module?: string;
  /** By checklist row id. */
  rows: Record<string, RowKnowledge>;
  errorPages: ErrorPages;
}

/** The error pages Django's checklist asks for, looked up through every engine's folders. */
export const ERROR_PAGES = ['404.html', '500.html'];

/** Remote storages: uploads do not sit in a folder the web server serves. */
const REMOTE_STORAGE = /^storages\.backends\.|^cloudinary_storage\.|^django_s3_storage\.|^gcloud|^azure/;

export function settingsKnowledge(project: DjangoProject): SettingsKnowledge {
  const { module, view: production } = project.productionView();
  const view = new SettingsView(production.scope, production.version, undefined, new Set(Object.keys(project.getConfig().environment)));
  const k = new Knowledge(project, view);
  const rows: Record<string, RowKnowledge> = {
    'secret-key': k.row(['SECRET_KEY']),
    debug: k.row(['DEBUG']),
    'allowed-hosts': k.row(['ALLOWED_HOSTS']),
    caches: k.caches(),
    databases: k.databases(),
    email: k.email(),
    'static-settings': k.row(['STATIC_URL', 'STATIC_ROOT', 'STATICFILES_DIRS']),
    media: k.media(),
    https: k.row(['MIDDLEWARE', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS']),
    cookies: k.row(['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE']),
    sessions: k.sessions(),
    'database-connections': k.connections(),
    'cached-templates': k.templateLoaders(),
    logging: k.logging(),
    'error-emails': k.errorEmails(),
  };
  return { module: module?.moduleName, rows, errorPages: errorPages(project) };
}

class Knowledge {
  constructor(
    private project: DjangoProject,
    private s: SettingsView,
  ) {}

  private place(b: SettingBinding | undefined): Place[] {
    return b ? [{ file: b.origin.file, start: b.origin.start, end: b.origin.end, label: b.name }] : [];
  }

  /** Variables a value is read from that the analysis was not given. */
  private unset(names: string[]): string[] {
    return names.filter((n) => !this.s.environment.has(n));
  }

  /** Why a whole setting's production value is not known here; undefined when it is. */
  reason(name: string): string | undefined {
    const b = this.s.binding(name);
    if (!b) {
      const dynamic = this.s.scope.dynamic(name);
      return dynamic ? `${name} may be set by ${dynamic}; its production value is not known here.` : undefined;
    }
    if (b.value.kind === 'env' && this.unset([b.value.variable]).length) return `${name} is read from ${b.value.variable}; its production value is not known here.`;
    const variables = this.unset([...new Set([...envNamesOf(b.value), ...(b.envVariables ?? [])])]);
    if (variables.length) return `${name} depends on ${variables.join(', ')}; its production value is not known here.`;
    const value = this.s.get(name).value;
    if (value.kind === 'oneOf' || (b.conditional && value.kind === 'unknown')) return `${name} is set differently in branches (${b.conditional ?? 'an if/try'}) that cannot be decided here.`;
    if (value.kind === 'unknown') return `${name} cannot be evaluated here${value.reason ? ` (${value.reason})` : ''}.`;
    return undefined;
  }

  /** Why `name[k1][k2]…` is not known here; undefined when it is (or is certainly absent). */
  partReason(name: string, path: string[]): string | undefined {
    const b = this.s.binding(name);
    if (!b) return this.reason(name);
    const label = `${name}${path.map((p) => `['${p}']`).join('')}`;
    const symbolic = dictPath(b.value, path);
    const value = dictPath(this.s.get(name).value, path);
    if (symbolic?.kind === 'env' && this.unset([symbolic.variable]).length) return `${label} is read from ${symbolic.variable}; its production value is not known here.`;
    const variables = symbolic ? this.unset(envNamesOf(symbolic)) : [];
    if (variables.length) return `${label} depends on ${variables.join(', ')}; its production value is not known here.`;
    if (value === undefined) return undefined;
    if (value.kind === 'oneOf') return `${label} is set differently in branches that cannot be decided here.`;
    // Unknown because the whole setting is: say why the setting is.
    if (value.kind === 'unknown') return this.reason(name) ?? `${label} cannot be evaluated here${value.reason ? ` (${value.reason})` : ''}.`;
    return undefined;
  }

  /** A row decided by whole settings. */
  row(names: string[], known?: string): RowKnowledge {
    for (const name of names) {
      const unknown = this.reason(name);
      if (unknown) return { unknown, places: this.place(this.s.binding(name)) };
    }
    return { known, places: [] };
  }

  private first(reasons: (string | undefined)[], name: string): RowKnowledge | undefined {
    const unknown = reasons.find((r) => r !== undefined);
    return unknown ? { unknown, places: this.place(this.s.binding(name)) } : undefined;
  }

  caches(): RowKnowledge {
    if (!this.s.isSet('CACHES')) return { known: "CACHES is not set: Django's per-process local-memory cache.", places: [] };
    const undecided = this.first([this.partReason('CACHES', ['default', 'BACKEND'])], 'CACHES');
    if (undecided) return undecided;
    const backend = dictPath(this.s.get('CACHES').value, ['default', 'BACKEND']);
    return { known: backend?.kind === 'str' ? `The default cache is ${backend.value}.` : undefined, places: [] };
  }

  /** The aliases of DATABASES (undefined with the reason when they are not known). */
  private databaseAliases(): { aliases?: { alias: string; value: Value; symbolic: Value | undefined }[]; undecided?: RowKnowledge } {
    if (!this.s.isSet('DATABASES')) return { aliases: [] };
    const whole = this.reason('DATABASES');
    const value = this.s.get('DATABASES').value;
    const list = aliases(value);
    if (!list) return { undecided: { unknown: whole ?? `DATABASES cannot be read here (${pyRepr(value, 60)}).`, places: this.place(this.s.binding('DATABASES')) } };
    const symbolic = this.s.binding('DATABASES')?.value;
    return { aliases: list.map((a) => ({ ...a, symbolic: symbolic ? dictGet(symbolic, a.alias) : undefined })) };
  }

  databases(): RowKnowledge {
    const { aliases: list, undecided } = this.databaseAliases();
    if (!list) return undecided!;
    if (!list.length) return { known: 'DATABASES is not set: the project uses no database.', places: [] };
    for (const { alias, symbolic } of list) {
      const found = this.first([this.partReason('DATABASES', [alias, 'ENGINE'])], 'DATABASES');
      if (found) return found;
      const password = symbolic ? dictGet(symbolic, 'PASSWORD') : undefined;
      if (password?.kind === 'oneOf') return { unknown: `DATABASES['${alias}']['PASSWORD'] is set differently in branches that cannot be decided here.`, places: this.place(this.s.binding('DATABASES')) };
    }
    const engines = list.map(({ alias, value }) => {
      const engine = dictGet(value, 'ENGINE');
      return `'${alias}': ${engine?.kind === 'str' ? engine.value.split('.').pop() : 'no ENGINE'}`;
    });
    return { known: `${engines.join(', ')}; no password is written in the source.`, places: [] };
  }

  email(): RowKnowledge {
    for (const name of ['EMAIL_BACKEND', 'DEFAULT_FROM_EMAIL', 'SERVER_EMAIL', 'ADMINS', 'MANAGERS', 'EMAIL_HOST']) {
      const unknown = this.reason(name);
      if (unknown) return { unknown, places: this.place(this.s.binding(name)) };
    }
    const backend = this.s.isSet('EMAIL_BACKEND') ? this.s.get('EMAIL_BACKEND').value : undefined;
    const from = this.s.isSet('DEFAULT_FROM_EMAIL') ? this.s.get('DEFAULT_FROM_EMAIL').value : undefined;
    const shownBackend = backend?.kind === 'str' ? backend.value : 'django.core.mail.backends.smtp.EmailBackend (the default)';
    return { known: `EMAIL_BACKEND is ${shownBackend}${from?.kind === 'str' ? `; mail is sent from ${from.value}` : ''}.`, places: [] };
  }

  media(): RowKnowledge {
    for (const name of ['STORAGES', 'DEFAULT_FILE_STORAGE']) {
      const value = this.s.isSet(name) ? this.s.get(name).value : undefined;
      const backend = value && name === 'STORAGES' ? dictPath(value, ['default', 'BACKEND']) : value;
      if (backend?.kind === 'str' && REMOTE_STORAGE.test(backend.value)) return { known: `Uploads are stored by ${backend.value}, not in a folder your web server serves.`, places: [] };
    }
    const undecided = this.reason('MEDIA_ROOT');
    if (undecided) return { unknown: undecided, places: this.place(this.s.binding('MEDIA_ROOT')) };
    const root = pathLike(this.s.get('MEDIA_ROOT').value);
    const shown = root ? this.project.relative(root) : '';
    return {
      unknown: root
        ? `Uploads go to MEDIA_ROOT (${shown}): make sure the web server serves them as plain files and never runs them; this cannot be checked from the settings.`
        : 'MEDIA_ROOT is not set: if the site accepts uploads, they are written to the working directory. Make sure the web server never runs uploaded files; this cannot be checked from the settings.',
      places: this.place(this.s.binding('MEDIA_ROOT')),
    };
  }

  sessions(): RowKnowledge {
    const undecided = this.row(['SESSION_ENGINE']);
    if (undecided.unknown) return undecided;
    const engine = this.s.isSet('SESSION_ENGINE') ? this.s.get('SESSION_ENGINE').value : undefined;
    const name = engine?.kind === 'str' ? engine.value : 'django.contrib.sessions.backends.db';
    if (name === CACHE_SESSIONS || name === CACHED_DB_SESSIONS) {
      const aliasUnknown = this.reason('SESSION_CACHE_ALIAS');
      if (aliasUnknown) return { unknown: aliasUnknown, places: this.place(this.s.binding('SESSION_CACHE_ALIAS')) };
      const alias = this.s.isSet('SESSION_CACHE_ALIAS') ? this.s.get('SESSION_CACHE_ALIAS').value : undefined;
      const cacheUnknown = this.partReason('CACHES', [alias?.kind === 'str' ? alias.value : 'default', 'BACKEND']);
      if (cacheUnknown) return { unknown: cacheUnknown, places: this.place(this.s.binding('CACHES')) };
    }
    return { known: `SESSION_ENGINE is ${name}${engine ? '' : ' (the default)'}.`, places: [] };
  }

  connections(): RowKnowledge {
    const { aliases: list, undecided } = this.databaseAliases();
    if (!list) return undecided!;
    if (!list.length) return { known: 'DATABASES is not set: the project uses no database.', places: [] };
    const shown: string[] = [];
    for (const { alias, value } of list) {
      const found = this.first(['ENGINE', 'CONN_MAX_AGE', 'CONN_HEALTH_CHECKS', 'OPTIONS'].map((key) => this.partReason('DATABASES', [alias, key])), 'DATABASES');
      if (found) return found;
      const engine = dictGet(value, 'ENGINE');
      const maxAge = dictGet(value, 'CONN_MAX_AGE');
      shown.push(engine?.kind === 'str' && engine.value === SQLITE ? `'${alias}' is SQLite (a local file)` : `'${alias}': CONN_MAX_AGE ${maxAge ? pyRepr(maxAge) : '0'}`);
    }
    return { known: `${shown.join(', ')}.`, places: [] };
  }

  templateLoaders(): RowKnowledge {
    const undecided = this.row(['TEMPLATES']);
    if (undecided.unknown) return undecided;
    const templates = this.s.get('TEMPLATES').value;
    if (!isExactSequence(templates)) return { unknown: 'TEMPLATES cannot be read here.', places: this.place(this.s.binding('TEMPLATES')) };
    let custom = false;
    for (const engine of templates.items) {
      const backend = dictGet(engine, 'BACKEND');
      if (backend?.kind !== 'str' || backend.value !== DJANGO_TEMPLATES) continue;
      const options = dictGet(engine, 'OPTIONS');
      const loaders = options?.kind === 'dict' ? dictGet(options, 'loaders') : undefined;
      if (!loaders) continue;
      const names = loaderNames(loaders);
      if (!names) return { unknown: "A TEMPLATES engine's loaders cannot be read here.", places: this.place(this.s.binding('TEMPLATES')) };
      if (!names.includes(CACHED_LOADER)) custom = true;
    }
    if (custom) {
      // The rule judges custom loaders with DEBUG off only.
      const debug = this.reason('DEBUG');
      if (debug) return { unknown: debug, places: this.place(this.s.binding('DEBUG')) };
    }
    return { known: custom ? 'The listed loaders are not all wrapped in the cached loader, but DEBUG is on.' : "Templates are compiled once per process: Django's cached loader is on.", places: [] };
  }

  logging(): RowKnowledge {
    const undecided = this.row(['LOGGING', 'LOGGING_CONFIG']);
    if (undecided.unknown) return undecided;
    return { known: this.s.isSet('LOGGING') ? 'LOGGING is configured: check that it works once the site has traffic.' : 'Logging or error monitoring is set up in the settings module.', places: [] };
  }

  errorEmails(): RowKnowledge {
    const undecided = this.row(['ADMINS', 'MANAGERS', 'MIDDLEWARE']);
    if (undecided.unknown) return undecided;
    const admins = this.s.isSet('ADMINS') ? this.s.get('ADMINS').value : undefined;
    const count = admins && isExactSequence(admins) ? admins.items.length : 0;
    return { known: count ? `${count} ${count === 1 ? 'person receives' : 'people receive'} error e-mails (ADMINS).` : 'Errors are reported by the settings module’s own logging or monitoring.', places: [] };
  }
}

/** 404.html and 500.html in the folders the template engines read (Django renders them for 404 and 500 responses). */
function errorPages(project: DjangoProject): ErrorPages {
  const { engines } = project.templateContext() as { engines?: { roots: string[]; loadsAnything: boolean }[] };
  if (!engines) return { status: 'unknown', detail: 'TEMPLATES cannot be read here, so the template folders are not known.', places: [] };
  const roots = [...new Set(engines.flatMap((e) => e.roots))];
  const existing = roots.filter((r) => project.directoryExists(r) === true);
  const loadsAnything = engines.some((e) => e.loadsAnything);
  if (!existing.length) {
    return { status: 'unknown', detail: loadsAnything ? 'The template folders are not known here (a custom loader or DIRS entry).' : 'The project has no template folder: Django shows its own plain error pages unless an installed package provides 404.html and 500.html.', places: [] };
  }
  const places: Place[] = [];
  const missing: string[] = [];
  for (const name of ERROR_PAGES) {
    const file = existing.map((r) => posix.join(r, name)).find((f) => project.pathExists(f, 'file') === true);
    if (file) places.push({ file, start: 0, end: 0, label: name });
    else missing.push(name);
  }
  if (!missing.length) return { status: 'present', detail: `${ERROR_PAGES.join(' and ')} are in the template folders.`, places };
  const detail = `No ${missing.join(' or ')} in the template folders (${existing.map((r) => project.relative(r)).join(', ')}): Django shows its own plain ${missing.map((m) => m.slice(0, 3)).join(' and ')} page${missing.length > 1 ? 's' : ''}.`;
  if (loadsAnything) return { status: 'unknown', detail: `${detail} A custom loader may provide ${missing.length > 1 ? 'them' : 'it'}.`, places };
  return { status: 'missing', detail, places };
}
