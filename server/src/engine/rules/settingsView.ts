// A settings module's effective values as a rule sees them: Django's defaults for what is not
// set, the value "when the environment variables are unset" for environment reads (what
// `manage.py check --deploy` sees on a machine without them), and where each value came from.

import type { Scope, SettingBinding, SourceRange } from '../python/execute';
import { type Value, NONE, TRUE, FALSE, str, isSequence, UNKNOWN, unknown, containsString } from '../python/values';
import { atLeast, type DjangoVersion } from '../project/djangoVersion';

export interface SettingValue {
  value: Value;
  binding: SettingBinding | undefined;
  /** Environment variables whose defaults the value relies on. */
  whenUnset?: string[];
}

function emptyList(): Value {
  return { kind: 'list', items: [] };
}

/** Django's global_settings defaults for the settings the rules read. */
export function djangoDefault(name: string, version: DjangoVersion): Value | undefined {
  switch (name) {
    case 'DEBUG':
    case 'SECURE_HSTS_INCLUDE_SUBDOMAINS':
    case 'SECURE_HSTS_PRELOAD':
    case 'SECURE_SSL_REDIRECT':
    case 'SESSION_COOKIE_SECURE':
    case 'CSRF_COOKIE_SECURE':
    case 'CSRF_USE_SESSIONS':
      return FALSE;
    case 'SECURE_CONTENT_TYPE_NOSNIFF':
      return atLeast(version, 3, 0) ? TRUE : FALSE;
    case 'SESSION_COOKIE_HTTPONLY':
      return TRUE;
    case 'ALLOWED_HOSTS':
    case 'MIDDLEWARE':
    case 'INSTALLED_APPS':
    case 'STATICFILES_DIRS':
    case 'TEMPLATES':
    case 'CSRF_TRUSTED_ORIGINS':
    case 'SECRET_KEY_FALLBACKS':
    case 'SILENCED_SYSTEM_CHECKS':
      return emptyList();
    case 'SECRET_KEY':
    case 'MEDIA_URL':
    case 'MEDIA_ROOT':
      return str('');
    case 'STATIC_URL':
    case 'STATIC_ROOT':
    case 'FILE_UPLOAD_TEMP_DIR':
    case 'SECURE_PROXY_SSL_HEADER':
      return NONE;
    case 'SECURE_HSTS_SECONDS':
      return { kind: 'int', value: 0 };
    case 'SECURE_REFERRER_POLICY':
      return atLeast(version, 3, 1) ? str('same-origin') : NONE;
    case 'SECURE_CROSS_ORIGIN_OPENER_POLICY':
      return atLeast(version, 4, 0) ? str('same-origin') : undefined;
    case 'X_FRAME_OPTIONS':
      return str(atLeast(version, 3, 0) ? 'DENY' : 'SAMEORIGIN');
    case 'DEFAULT_HASHING_ALGORITHM':
      return str('sha256');
    case 'LANGUAGE_CODE':
      return str('en-us');
    case 'STATICFILES_FINDERS':
      return { kind: 'list', items: [str('django.contrib.staticfiles.finders.FileSystemFinder'), str('django.contrib.staticfiles.finders.AppDirectoriesFinder')] };
    case 'AUTHENTICATION_BACKENDS':
      return { kind: 'list', items: [str('django.contrib.auth.backends.ModelBackend')] };
    case 'ADMINS':
    case 'MANAGERS':
      return emptyList();
    case 'EMAIL_BACKEND':
      return str('django.core.mail.backends.smtp.EmailBackend');
    case 'EMAIL_HOST':
      return str('localhost');
    case 'SERVER_EMAIL':
      return str(DEFAULT_SERVER_EMAIL);
    case 'DEFAULT_FROM_EMAIL':
      return str(DEFAULT_FROM_EMAIL);
    case 'SESSION_ENGINE':
      return str('django.contrib.sessions.backends.db');
    case 'SESSION_CACHE_ALIAS':
      return str('default');
    case 'CACHES':
      return {
        kind: 'dict',
        open: false,
        entries: [{ key: str('default'), value: { kind: 'dict', open: false, entries: [{ key: str('BACKEND'), value: str('django.core.cache.backends.locmem.LocMemCache') }] } }],
      };
    default:
      return undefined;
  }
}

/**
 * Which of its alternatives a `oneOf` setting takes in the world a rule is judged in (see
 * `judgeInEveryWorld` in settingsRules.ts). Without one, a `oneOf` is returned as it is.
 */
export interface WorldChoice {
  pick(name: string, count: number): number;
}

export class SettingsView {
  constructor(
    readonly scope: Scope,
    readonly version: DjangoVersion,
    private world?: WorldChoice,
    /** Environment variables set for the analysis (the others are unset). */
    readonly environment: ReadonlySet<string> = new Set(),
  ) {}

  /** The same settings, judged in another world. */
  inWorld(world: WorldChoice | undefined): SettingsView {
    return new SettingsView(this.scope, this.version, world, this.environment);
  }

  binding(name: string): SettingBinding | undefined {
    return this.scope.get(name);
  }

  /** Whether the module sets the name (or may: after a write of globals() nobody could name). */
  isSet(name: string): boolean {
    return this.scope.has(name) || this.scope.dynamic(name) !== undefined;
  }

  /**
   * The value Django sees in the analysis environment (by default: every variable unset). A
   * setting that may take several values takes the one of the current world; on a path where
   * the setting is not set, Django's default.
   */
  get(name: string): SettingValue {
    const binding = this.scope.get(name);
    const dynamic = this.scope.dynamic(name);
    // Not assigned, but a write nobody could name may have set it: not Django's default for sure.
    const dflt = () => (dynamic ? unknown(`may be set by ${dynamic}`) : (djangoDefault(name, this.version) ?? UNKNOWN));
    if (!binding) return { value: dflt(), binding: undefined };
    let value = binding.concreteValue ?? binding.value;
    if (value.kind === 'oneOf' && this.world) value = value.options[this.world.pick(name, value.options.length)];
    if (value.kind === 'unknown' && value.absent) value = dflt();
    const envUsed = (binding.concreteValue !== undefined ? binding.envVariables : undefined)?.filter((v) => !this.environment.has(v)) ?? [];
    return { value, binding, whenUnset: envUsed.length ? envUsed : undefined };
  }

  /** The value as written, keeping environment reads as such. */
  symbolic(name: string): Value {
    const binding = this.scope.get(name);
    if (binding) return binding.value;
    const dynamic = this.scope.dynamic(name);
    return dynamic ? unknown(`may be set by ${dynamic}`) : (djangoDefault(name, this.version) ?? UNKNOWN);
  }

  /** The string items of a list setting; undefined when any item or the list is unknown. */
  strings(name: string): string[] | undefined {
    const v = this.get(name).value;
    if (!isSequence(v)) return undefined;
    const out: string[] = [];
    for (const i of v.items) {
      if (i.kind !== 'str') return undefined;
      out.push(i.value);
    }
    return out;
  }

  /** The items of a list setting (`some` parts included); undefined when it is not one known sequence. */
  items(name: string): Value[] | undefined {
    const v = this.get(name).value;
    return isSequence(v) ? v.items : undefined;
  }

  /**
   * Every string a list setting may hold (its items and the candidates of its `some` parts);
   * undefined when an item nobody can list may be there.
   */
  possibleStrings(name: string): string[] | undefined {
    const items = this.items(name);
    if (!items) return undefined;
    const out: string[] = [];
    for (const i of items) {
      if (i.kind === 'str') out.push(i.value);
      else if (i.kind === 'some' && i.candidates?.every((c) => c.kind === 'str')) out.push(...i.candidates.map((c) => (c as { value: string }).value));
      else return undefined;
    }
    return out;
  }

  /**
   * Membership in a list setting: true when the item is certainly there, false when it certainly
   * is not, undefined when the list may hold it (an unknown item, a part nobody can list).
   */
  contains(name: string, entry: string): boolean | undefined {
    return containsString(this.get(name).value, entry);
  }

  /** Where a string item of a list setting is written, searched in its statement and changes. */
  itemRange(name: string, entry: string, text: (file: string) => string): SourceRange | undefined {
    const b = this.scope.get(name);
    if (!b) return undefined;
    for (const r of [b.statement, ...b.changes, ...(b.alternatives ?? []).flatMap((a) => [a.statement, ...a.changes])]) {
      const t = text(r.file).slice(r.start, r.end);
      for (const q of ['"', "'"]) {
        const i = t.indexOf(q + entry + q);
        if (i >= 0) return { file: r.file, start: r.start + i, end: r.start + i + entry.length + 2 };
      }
    }
    return undefined;
  }
}

/** global_settings: DEFAULT_FROM_EMAIL and SERVER_EMAIL (the same in 3.2, 4.2 and 5.2). */
export const DEFAULT_FROM_EMAIL = 'webmaster@localhost';
export const DEFAULT_SERVER_EMAIL = 'root@localhost';

export const DJANGO_TEMPLATES = 'django.template.backends.django.DjangoTemplates';
export const SECURITY_MIDDLEWARE = 'django.middleware.security.SecurityMiddleware';
export const XFRAME_MIDDLEWARE = 'django.middleware.clickjacking.XFrameOptionsMiddleware';
export const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';
export const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';
export const SESSIONS_APP = 'django.contrib.sessions';
export const STATICFILES_APP = 'django.contrib.staticfiles';

/** " (when X is unset)" for messages about values that rely on environment defaults. */
export function unsetNote(whenUnset: string[] | undefined): string {
  return whenUnset?.length ? ` (when ${whenUnset.join(', ')} ${whenUnset.length > 1 ? 'are' : 'is'} unset)` : '';
}
