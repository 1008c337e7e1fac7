// Deployment traps Django stays silent about: truthy strings in boolean settings, ALLOWED_HOSTS
// shapes that reject every request, committed secrets, ignored legacy settings, middleware order.

import { type Value, type EnvValue, isSequence, pyRepr } from '../python/values';
import type { RuleContext, SettingsRule } from './rule';
import { settingUrl, DOCS } from './rule';
import { unsetNote } from './settingsView';
import { weakSecretKey, SECRET_KEY_FIX } from './security';
import { SECURITY_MIDDLEWARE } from './settingsView';
import type { Fix } from '../findings';

/** Settings Django reads as booleans (a non-empty string is truthy). */
export const BOOLEAN_SETTINGS = [
  'DEBUG',
  'SECURE_SSL_REDIRECT',
  'SESSION_COOKIE_SECURE',
  'CSRF_COOKIE_SECURE',
  'SESSION_COOKIE_HTTPONLY',
  'CSRF_COOKIE_HTTPONLY',
  'CSRF_USE_SESSIONS',
  'SECURE_HSTS_INCLUDE_SUBDOMAINS',
  'SECURE_HSTS_PRELOAD',
  'SECURE_CONTENT_TYPE_NOSNIFF',
  'SESSION_EXPIRE_AT_BROWSER_CLOSE',
  'USE_TZ',
  'USE_I18N',
  'USE_L10N',
  'USE_X_FORWARDED_HOST',
  'USE_X_FORWARDED_PORT',
  'APPEND_SLASH',
  'PREPEND_WWW',
  'EMAIL_USE_TLS',
  'EMAIL_USE_SSL',
];

const FALSY_WORDS = new Set(['false', '0', 'no', 'off', 'n', 'f', '']);
const TRUTHY_WORDS = new Set(['true', '1', 'yes', 'on', 'y', 't']);

function envCastFix(ctx: RuleContext, name: string, env: EnvValue): Fix | undefined {
  const b = ctx.s.binding(name);
  if (!b?.valueRange || b.changes.length || b.conditional) return undefined;
  const r = b.valueRange;
  const src = ctx.text(r.file).slice(r.start, r.end);
  let replacement: string | undefined;
  if (env.accessor.startsWith('os.')) {
    const stringDefault = env.default === undefined || env.default.kind === 'str';
    replacement = `${stringDefault ? src : `str(${src})`}.lower() in ("1", "true", "yes", "on")`;
  } else if (env.accessor === 'env') {
    replacement = src.replace(/^(\s*[A-Za-z_][\w]*)\s*\(/, '$1.bool(');
    if (replacement === src) replacement = undefined;
  } else if (env.accessor === 'config') {
    const call = src.trimEnd();
    replacement = call.endsWith(')') ? `${call.slice(0, -1).trimEnd()}, cast=bool)` : undefined;
  }
  if (!replacement) return undefined;
  return { title: `Read ${env.variable} as a boolean`, safe: true, edits: [{ file: r.file, start: r.start, end: r.end, newText: replacement }] };
}

export const trapRules: SettingsRule[] = [
  {
    code: 'DJD108',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'ALLOWED_HOSTS is a string',
      what: '`ALLOWED_HOSTS` is a str instead of a list.',
      why: 'Django 3.2 iterates over its characters, so no real host matches and every request gets 400 Bad Request; Django 4.0+ refuses to start (ImproperlyConfigured).',
      example: 'ALLOWED_HOSTS = "example.com"',
      instead: 'ALLOWED_HOSTS = ["example.com"]',
      url: settingUrl('ALLOWED_HOSTS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('ALLOWED_HOSTS');
      const symbolic = ctx.s.symbolic('ALLOWED_HOSTS');
      const isString = value.kind === 'str' || (symbolic.kind === 'env' && symbolic.cast === 'str');
      if (!isString || !binding) return;
      const fixes: Fix[] = [];
      if (binding.valueRange && !binding.changes.length && !binding.conditional) {
        const src = ctx.text(binding.valueRange.file).slice(binding.valueRange.start, binding.valueRange.end);
        const literal = symbolic.kind === 'str';
        fixes.push({
          title: literal ? 'Make ALLOWED_HOSTS a list' : 'Split the environment variable on commas',
          safe: literal,
          edits: [{ file: binding.valueRange.file, start: binding.valueRange.start, end: binding.valueRange.end, newText: literal ? `[${src}]` : `[host.strip() for host in ${src}.split(",") if host.strip()]` }],
        });
      }
      const shown = symbolic.kind === 'env' ? `read from ${symbolic.variable} as one string` : `the string ${pyRepr(value)}`;
      ctx.report({ message: `ALLOWED_HOSTS is ${shown}, not a list${unsetNote(whenUnset)}: Django ${ctx.version.major >= 4 ? 'refuses to start (ImproperlyConfigured)' : 'matches hosts against its single characters, so production answers every request with 400'}. Use a list of host names.`, binding, whenUnset, fixes });
    },
  },
  {
    code: 'DJD109',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'ALLOWED_HOSTS contains an empty host',
      what: "`ALLOWED_HOSTS` contains '' — typically `os.environ.get('ALLOWED_HOSTS', '').split(',')` with the variable unset.",
      why: "'' matches no Host header; with no other entry, every request gets 400 Bad Request (and Django's W020 stays silent because the list is not empty).",
      example: 'ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")',
      instead: 'ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]',
      url: settingUrl('ALLOWED_HOSTS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('ALLOWED_HOSTS');
      if (!isSequence(value) || !value.items.some((i) => i.kind === 'str' && i.value.trim() === '')) return;
      const onlyEmpty = value.items.every((i) => i.kind === 'str' && i.value.trim() === '');
      const fixes: Fix[] = [];
      if (binding?.valueRange && !binding.changes.length && !binding.conditional && !binding.importedVia && binding.origin.file === ctx.rootFile) {
        const src = ctx.text(binding.valueRange.file).slice(binding.valueRange.start, binding.valueRange.end);
        fixes.push({ title: 'Drop empty host names', safe: true, edits: [{ file: binding.valueRange.file, start: binding.valueRange.start, end: binding.valueRange.end, newText: `[host.strip() for host in ${src} if host.strip()]` }] });
      }
      ctx.report({
        fixes,
        message: `ALLOWED_HOSTS is ${pyRepr(value)}${unsetNote(whenUnset)}: an empty entry matches no host${onlyEmpty ? ', so production answers every request with 400 Bad Request (Django\'s security.W020 does not catch this)' : ''}. Drop empty entries (e.g. filter the split result).`,
        binding,
        whenUnset,
      });
    },
  },
  {
    code: 'DJD111',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'A boolean setting is a string',
      what: 'A boolean setting (DEBUG, SESSION_COOKIE_SECURE…) is a string: a literal like "False", or an environment variable read without a boolean cast.',
      why: 'Any non-empty string is true in Python: DEBUG="False" or DJANGO_DEBUG=0 in the environment turns DEBUG on in production.',
      example: 'DEBUG = os.environ.get("DJANGO_DEBUG", False)',
      instead: 'DEBUG = os.environ.get("DJANGO_DEBUG", "").lower() in ("1", "true", "yes", "on")',
      url: `${DOCS}/ref/settings/#debug`,
    },
    check(ctx) {
      for (const name of BOOLEAN_SETTINGS) {
        const b = ctx.s.binding(name);
        if (!b) continue;
        const symbolic: Value = b.value;
        if (symbolic.kind === 'str') {
          const word = symbolic.value.trim().toLowerCase();
          const meant = FALSY_WORDS.has(word) ? 'False' : TRUTHY_WORDS.has(word) ? 'True' : undefined;
          const truth = symbolic.value.length > 0;
          const fix = meant ? ctx.fixes.replaceValue(`Use the boolean ${meant}`, b, meant, true) : undefined;
          ctx.report({
            message: `${name} is the string ${pyRepr(symbolic)}, which Python treats as ${truth ? 'True' : 'False'}${meant && meant !== (truth ? 'True' : 'False') ? ` — the opposite of what it says` : ''}. Use the boolean ${meant ?? (truth ? 'True' : 'False')}.`,
            binding: b,
            fixes: fix ? [fix] : [],
          });
        } else if (symbolic.kind === 'env' && symbolic.cast === 'str') {
          const fix = envCastFix(ctx, name, symbolic);
          ctx.report({
            message: `${name} is read from ${symbolic.variable} as a string: any non-empty value, including "False" and "0", makes it True in production. Compare the value or cast it to a boolean.`,
            binding: b,
            fixes: fix ? [fix] : [],
          });
        }
      }
    },
  },
  {
    code: 'DJD112',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'SECRET_KEY is written in the production settings',
      what: 'The production settings module assigns `SECRET_KEY` a string literal (strong enough for Django, but in the source).',
      why: 'Everyone with access to the repository, its forks and backups can sign sessions and password-reset tokens for the live site.',
      example: 'SECRET_KEY = "k3v9...50 random characters..."',
      instead: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
      url: `${DOCS}/howto/deployment/checklist/#secret-key`,
    },
    check(ctx) {
      if (!ctx.production) return;
      const b = ctx.s.binding('SECRET_KEY');
      if (!b || b.value.kind !== 'str' || b.conditional) return;
      if (weakSecretKey(b.value, ctx.version)) return; // security.W009 reports it
      const fix = ctx.fixes.replaceValue(SECRET_KEY_FIX, b, ctx.fixes.envRequired('DJANGO_SECRET_KEY'), false, true);
      ctx.report({ message: 'SECRET_KEY is written in the production settings: anyone with the source can forge sessions and password-reset links. Read it from the environment (os.environ["DJANGO_SECRET_KEY"]) and rotate the committed key.', binding: b, fixes: fix ? [fix] : [] });
    },
  },
  {
    code: 'DJD113',
    level: 'information',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: "ALLOWED_HOSTS accepts any host ('*')",
      what: "`ALLOWED_HOSTS` contains '*'.",
      why: 'Host-header validation is off: password-reset emails and absolute URLs can be made to point at an attacker\'s domain unless a proxy in front checks the Host header.',
      example: 'ALLOWED_HOSTS = ["*"]',
      instead: 'ALLOWED_HOSTS = ["example.com", "www.example.com"]',
      url: settingUrl('ALLOWED_HOSTS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('ALLOWED_HOSTS');
      if (!binding || !isSequence(value) || !value.items.some((i) => i.kind === 'str' && i.value === '*')) return;
      ctx.report({ message: `ALLOWED_HOSTS contains '*'${unsetNote(whenUnset)}: Host-header validation is off in production (poisoned password-reset links) unless your proxy checks the Host header. List the real host names.`, binding, whenUnset });
    },
  },
  {
    code: 'DJD114',
    level: 'warning',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'MIDDLEWARE_CLASSES is ignored',
      what: '`MIDDLEWARE_CLASSES` is set and `MIDDLEWARE` is not. Django 2.0 removed MIDDLEWARE_CLASSES.',
      why: 'None of the listed middleware runs: no sessions, no CSRF protection, no security headers.',
      example: 'MIDDLEWARE_CLASSES = [...]',
      instead: 'MIDDLEWARE = [...]',
      url: settingUrl('MIDDLEWARE'),
    },
    check(ctx) {
      const b = ctx.s.binding('MIDDLEWARE_CLASSES');
      if (!b || ctx.s.isSet('MIDDLEWARE')) return;
      const fix: Fix = { title: 'Rename to MIDDLEWARE', safe: false, edits: [{ file: b.origin.file, start: b.origin.start, end: b.origin.end, newText: 'MIDDLEWARE' }] };
      ctx.report({ message: 'MIDDLEWARE_CLASSES is ignored since Django 2.0 and MIDDLEWARE is not set: none of this middleware runs (no sessions, CSRF protection or security headers). Rename it to MIDDLEWARE.', binding: b, fixes: b.importedVia ? [] : [fix], deprecated: true });
    },
  },
  {
    code: 'DJD115',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'WhiteNoiseMiddleware is not right after SecurityMiddleware',
      what: '`whitenoise.middleware.WhiteNoiseMiddleware` is in MIDDLEWARE but not directly after SecurityMiddleware (or first, without it).',
      why: 'Static file requests run through sessions, CSRF and authentication first: slower responses, and responses other middleware may alter.',
      example: "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', ...]",
      instead: "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', ...]",
      url: `${DOCS}/howto/static-files/deployment/`,
    },
    check(ctx) {
      const wn = 'whitenoise.middleware.WhiteNoiseMiddleware';
      const items = ctx.s.items('MIDDLEWARE');
      if (!items) return;
      const i = items.findIndex((x) => x.kind === 'str' && x.value === wn);
      if (i < 0) return;
      // Its position is known only when everything before it is known (a `some` part after it is fine).
      if (items.slice(0, i).some((x) => x.kind !== 'str')) return;
      const sec = items.findIndex((x) => x.kind === 'str' && x.value === SECURITY_MIDDLEWARE);
      const expected = sec >= 0 && sec < i ? sec + 1 : 0;
      if (i === expected) return;
      if (sec < 0 && items.slice(i + 1).some((x) => x.kind !== 'str')) return; // SecurityMiddleware may come later
      const { binding, whenUnset } = ctx.s.get('MIDDLEWARE');
      ctx.report({
        message: `WhiteNoiseMiddleware is at position ${i + 1} of MIDDLEWARE: it should come ${sec >= 0 ? 'directly after SecurityMiddleware' : 'first'}, so static files are served before sessions, CSRF and authentication run.`,
        binding,
        at: ctx.s.itemRange('MIDDLEWARE', wn, ctx.text),
        whenUnset,
      });
    },
  },
  {
    code: 'DJD117',
    level: 'information',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'Django cannot start without an environment variable',
      what: 'Loading the settings module reads an environment variable that has no default (`os.environ["X"]`, `env("X")`, `config("X")`, `os.environ.get("X").split(",")`…): with the variable unset, Django stops with an exception before any check runs.',
      why: 'A deployment that forgets the variable does not start at all, and `manage.py check --deploy` on a machine without it crashes instead of reporting problems. The variable belongs in the production environment (and in CI that runs check --deploy).',
      example: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
      instead: 'Set DJANGO_SECRET_KEY wherever the settings load (server, CI); for development-only modules, read it with a default.',
      url: `${DOCS}/howto/deployment/checklist/#critical-settings`,
    },
    check(ctx) {
      const seen = new Set<string>();
      for (const f of ctx.loadFailures) {
        if (!f.variable || seen.has(f.variable)) continue;
        seen.add(f.variable);
        ctx.report({
          message: `Django cannot load these settings without the environment variable ${f.variable}: here it raises ${f.message.split(':')[0]} when ${f.variable} is unset, so the site does not start and check --deploy stops before its checks. Set ${f.variable} in production and wherever check --deploy runs.`,
          at: f.range,
          whenUnset: [f.variable],
        });
      }
    },
  },
];
