// Django's ordinary system checks that a settings file decides on its own (they also run under
// `check --deploy`): admin middleware, templates, translation, sites, caches, CSRF origins, files.

import * as posix from 'node:path/posix';
import { type Value, isSequence, pathLike, pyRepr, truthy, isDecided } from '../python/values';
import { atLeast, type DjangoVersion } from '../project/djangoVersion';
import { dictGet } from '../python/evaluate';
import type { RuleContext, SettingsRule } from './rule';
import { checksUrl, settingUrl } from './rule';
import { staticDirs } from './staticfiles';
import { DJANGO_TEMPLATES, unsetNote } from './settingsView';

const ADMIN_APP = 'django.contrib.admin';

function adminMiddlewareRule(code: string, path: string, short: string): SettingsRule {
  return {
    code,
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: `'${path}' must be in MIDDLEWARE to use the admin`,
      what: `django.contrib.admin is installed and \`${short}\` is not in MIDDLEWARE.`,
      why: 'The admin cannot log anyone in or show messages; Django refuses to start with this error.',
      example: "INSTALLED_APPS = ['django.contrib.admin', ...]\nMIDDLEWARE = ['django.middleware.common.CommonMiddleware']",
      instead: `MIDDLEWARE = [..., '${path}', ...]`,
      url: checksUrl('admin'),
    },
    check(ctx) {
      if (ctx.s.contains('INSTALLED_APPS', ADMIN_APP) !== true) return;
      if (ctx.s.contains('MIDDLEWARE', path) !== false) return;
      const mw = ctx.s.possibleStrings('MIDDLEWARE');
      if (!mw) return;
      // A subclass counts for Django; only claim absence when no entry could be one.
      if (mw.some((m) => !m.startsWith('django.') && m.split('.').pop()!.includes(short.replace('Middleware', '')))) return;
      const { binding, whenUnset } = ctx.s.get('MIDDLEWARE');
      ctx.report({ message: `'${path}' must be in MIDDLEWARE in order to use the admin application${unsetNote(whenUnset)}.`, binding, near: [{ setting: 'INSTALLED_APPS', item: ADMIN_APP }], whenUnset });
    },
  };
}

/** Backends Django ships that are not DjangoTemplates. */
const OTHER_BACKENDS = new Set(['django.template.backends.jinja2.Jinja2', 'django.template.backends.dummy.TemplateStrings']);

/**
 * The first TEMPLATES engine Django's admin checks use (`isinstance(engine, DjangoTemplates)`):
 * its index, -1 when there is certainly none, undefined when a backend nobody knows may be one.
 */
function firstDjangoTemplates(ctx: RuleContext): { index: number; engine?: Value } | undefined {
  const t = ctx.s.get('TEMPLATES').value;
  if (!isSequence(t)) return undefined;
  for (let index = 0; index < t.items.length; index++) {
    const engine = t.items[index];
    if (engine.kind !== 'dict') return undefined;
    const backend = dictGet(engine, 'BACKEND');
    if (!backend || backend.kind !== 'str') return undefined;
    if (backend.value === DJANGO_TEMPLATES) return { index, engine };
    if (!OTHER_BACKENDS.has(backend.value)) return undefined; // a custom backend may subclass it
  }
  return { index: -1 };
}

/** The context processors of a DjangoTemplates engine, when every one is known. */
function contextProcessors(engine: Value): string[] | undefined {
  const options = dictGet(engine, 'OPTIONS');
  if (options === undefined) return [];
  if (options.kind !== 'dict') return undefined;
  const cps = dictGet(options, 'context_processors');
  if (cps === undefined) return [];
  if (!isSequence(cps) || cps.items.some((i) => i.kind !== 'str')) return undefined;
  return cps.items.map((i) => (i as { value: string }).value);
}

function adminTemplatesRule(code: string, level: 'error' | 'warning', processor: string | undefined, title: string, why: string, extra?: (ctx: RuleContext) => boolean | undefined): SettingsRule {
  return {
    code,
    level,
    productionOnly: false,
    origin: 'django',
    since: code === 'admin.W411' ? [3, 1] : undefined,
    doc: {
      title,
      what: processor ? `django.contrib.admin is installed and the first DjangoTemplates engine of \`TEMPLATES\` does not list \`${processor}\` in its context processors.` : 'django.contrib.admin is installed and no `TEMPLATES` engine uses the DjangoTemplates backend.',
      why,
      example: processor ? "'OPTIONS': {'context_processors': ['django.template.context_processors.debug']}" : "TEMPLATES = [{'BACKEND': 'django.template.backends.jinja2.Jinja2', ...}]",
      instead: processor ? `'OPTIONS': {'context_processors': [..., '${processor}']}` : `TEMPLATES = [{'BACKEND': '${DJANGO_TEMPLATES}', 'APP_DIRS': True, ...}, ...]`,
      url: checksUrl('admin'),
    },
    check(ctx) {
      if (ctx.s.contains('INSTALLED_APPS', ADMIN_APP) !== true) return;
      const found = firstDjangoTemplates(ctx);
      if (!found) return;
      const { binding, whenUnset } = ctx.s.get('TEMPLATES');
      if (!processor) {
        if (found.index === -1) ctx.report({ message: `A 'django.template.backends.django.DjangoTemplates' instance must be configured in TEMPLATES in order to use the admin application${unsetNote(whenUnset)}.`, binding, near: [{ setting: 'INSTALLED_APPS', item: ADMIN_APP }], whenUnset });
        return;
      }
      if (found.index === -1 || !found.engine) return;
      const cps = contextProcessors(found.engine);
      if (!cps || cps.includes(processor)) return;
      if (extra && extra(ctx) !== true) return;
      ctx.report({ message: `'${processor}' must be enabled in DjangoTemplates (TEMPLATES) ${code === 'admin.W411' ? 'in order to use the admin navigation sidebar' : code === 'admin.E402' ? 'if using the default auth backend in order to use the admin application' : 'in order to use the admin application'}${unsetNote(whenUnset)}.`, binding, whenUnset });
    },
  };
}

function adminAppRule(code: string, app: string): SettingsRule {
  return {
    code,
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: `'${app}' must be in INSTALLED_APPS to use the admin`,
      what: `django.contrib.admin is installed and \`${app}\` is not.`,
      why: 'The admin depends on it; Django reports an error and the admin does not work.',
      example: "INSTALLED_APPS = ['django.contrib.admin', 'django.contrib.auth', 'django.contrib.contenttypes']",
      instead: `INSTALLED_APPS = [..., '${app}']`,
      url: checksUrl('admin'),
    },
    check(ctx) {
      if (ctx.s.contains('INSTALLED_APPS', ADMIN_APP) !== true) return;
      const apps = ctx.s.possibleStrings('INSTALLED_APPS');
      if (!apps || apps.includes(app)) return;
      // An AppConfig path (`django.contrib.messages.apps.MessagesConfig`) installs it too.
      if (apps.some((a) => a.startsWith(app + '.'))) return;
      const { binding, whenUnset } = ctx.s.get('INSTALLED_APPS');
      ctx.report({ message: `'${app}' must be in INSTALLED_APPS in order to use the admin application${unsetNote(whenUnset)}.`, binding, near: [{ setting: 'INSTALLED_APPS', item: ADMIN_APP }], whenUnset });
    },
  };
}

/** Whether AUTHENTICATION_BACKENDS holds Django's ModelBackend (or a subclass): undefined when a custom backend may be one. */
function usesModelBackend(ctx: RuleContext): boolean | undefined {
  const backends = ctx.s.possibleStrings('AUTHENTICATION_BACKENDS');
  if (!backends) return undefined;
  if (backends.includes('django.contrib.auth.backends.ModelBackend') || backends.includes('django.contrib.auth.backends.AllowAllUsersModelBackend')) return true;
  return backends.every((b) => b.startsWith('django.contrib.auth.backends.')) ? false : undefined;
}

/** Whether a TEMPLATES engine certainly sets APP_DIRS: True and OPTIONS['loaders']. */
function appDirsWithLoaders(ctx: RuleContext): boolean {
  for (const { value } of engines(ctx)) {
    if (value.kind !== 'dict') continue;
    const appDirs = dictGet(value, 'APP_DIRS');
    const options = dictGet(value, 'OPTIONS');
    if (!appDirs || truthy(appDirs) !== true || options?.kind !== 'dict') continue;
    const loaders = dictGet(options, 'loaders');
    if (loaders && loaders.kind !== 'unknown') return true;
  }
  return false;
}

/** Django's own cache backends and the versions that have them: [since, until). */
const DJANGO_CACHE_BACKENDS: Record<string, [[number, number], [number, number]?]> = {
  'django.core.cache.backends.db.DatabaseCache': [[1, 0]],
  'django.core.cache.backends.dummy.DummyCache': [[1, 0]],
  'django.core.cache.backends.filebased.FileBasedCache': [[1, 0]],
  'django.core.cache.backends.locmem.LocMemCache': [[1, 0]],
  'django.core.cache.backends.memcached.MemcachedCache': [[1, 0], [4, 1]],
  'django.core.cache.backends.memcached.PyLibMCCache': [[1, 0]],
  'django.core.cache.backends.memcached.PyMemcacheCache': [[3, 2]],
  'django.core.cache.backends.redis.RedisCache': [[4, 0]],
};

/** Why a cache backend path cannot load in this version, or undefined. */
function missingCacheBackend(backend: string, version: DjangoVersion): string | undefined {
  if (!backend.startsWith('django.core.cache.backends.')) return undefined;
  const known = DJANGO_CACHE_BACKENDS[backend];
  if (!known) return `Django ${version.major}.${version.minor} does not have`;
  const [since, until] = known;
  if (!atLeast(version, since[0], since[1])) return `only exists from Django ${since[0]}.${since[1]} (this project runs ${version.major}.${version.minor})`;
  if (until && atLeast(version, until[0], until[1])) return `was removed in Django ${until[0]}.${until[1]} (this project runs ${version.major}.${version.minor})`;
  return undefined;
}

/** The certain entries of CACHES with a known BACKEND string. */
function cacheBackends(caches: Value): [string, string][] {
  if (caches.kind !== 'dict') return [];
  const out: [string, string][] = [];
  for (const e of caches.entries) {
    if (e.maybe || e.key.kind !== 'str' || e.value.kind !== 'dict') continue;
    const backend = dictGet(e.value, 'BACKEND');
    if (backend?.kind === 'str') out.push([e.key.value, backend.value]);
  }
  return out;
}

function engines(ctx: RuleContext): { value: Value; index: number }[] {
  const t = ctx.s.get('TEMPLATES').value;
  return isSequence(t) ? t.items.map((value, index) => ({ value, index })) : [];
}

/** Django's default LANGUAGES codes (3.2, plus languages added since). */
const DJANGO_LANGUAGES = (
  'af ar ar-dz ast az bg be bn br bs ca ckb cs cy da de dsb el en en-au en-gb eo es es-ar es-co es-mx es-ni es-ve et eu fa fi fr fy ga gd gl he hi hr hsb hu hy ia id ig io is it ja ka kab kk km kn ko ky lb lt lv mk ml mn mr ms my nb ne nl nn os pa pl pt pt-br ro ru sk sl sq sr sr-latn sv sw ta te tg th tk tr tt udm ug uk ur uz vi zh-hans zh-hant'
).split(' ');
/** LANG_INFO fallbacks (django/conf/locale/__init__.py). */
const LANGUAGE_FALLBACKS: Record<string, string[]> = {
  'zh-cn': ['zh-hans'],
  'zh-hk': ['zh-hant'],
  'zh-mo': ['zh-hant'],
  'zh-my': ['zh-hans'],
  'zh-sg': ['zh-hans'],
  'zh-tw': ['zh-hant'],
};

const LANGUAGE_CODE_RE = /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?$/i;

export const coreRules: SettingsRule[] = [
  adminMiddlewareRule('admin.E408', 'django.contrib.auth.middleware.AuthenticationMiddleware', 'AuthenticationMiddleware'),
  adminMiddlewareRule('admin.E409', 'django.contrib.messages.middleware.MessageMiddleware', 'MessageMiddleware'),
  adminMiddlewareRule('admin.E410', 'django.contrib.sessions.middleware.SessionMiddleware', 'SessionMiddleware'),
  adminAppRule('admin.E406', 'django.contrib.messages'),
  adminTemplatesRule('admin.E403', 'error', undefined, 'No DjangoTemplates engine for the admin', 'The admin renders its pages with the Django template language: without a DjangoTemplates engine Django reports an error and the admin cannot render.'),
  adminTemplatesRule('admin.E402', 'error', 'django.contrib.auth.context_processors.auth', "The admin needs the 'auth' context processor", 'Admin templates read the logged-in user from the context; Django reports an error.', usesModelBackend),
  adminTemplatesRule('admin.E404', 'error', 'django.contrib.messages.context_processors.messages', "The admin needs the 'messages' context processor", 'Admin pages show their messages from the context; Django reports an error.'),
  adminTemplatesRule('admin.W411', 'warning', 'django.template.context_processors.request', "The admin sidebar needs the 'request' context processor", 'The admin navigation sidebar reads the request from the context; without it the sidebar cannot highlight the current page.'),
  {
    code: 'templates.E001',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: "APP_DIRS is True and OPTIONS has 'loaders'",
      what: "A TEMPLATES engine sets `APP_DIRS: True` and also `OPTIONS['loaders']`.",
      why: 'Django cannot build the engine ("app_dirs must not be set when loaders is defined"); every page fails.',
      example: "{'APP_DIRS': True, 'OPTIONS': {'loaders': [...]}}",
      instead: "{'APP_DIRS': False, 'OPTIONS': {'loaders': [...]}}",
      url: checksUrl('templates'),
    },
    until: [5, 1],
    check(ctx) {
      if (!appDirsWithLoaders(ctx)) return;
      const { binding, whenUnset } = ctx.s.get('TEMPLATES');
      ctx.report({ message: "A TEMPLATES engine has APP_DIRS: True and OPTIONS['loaders']: Django cannot build it. Either remove 'loaders' from OPTIONS or set APP_DIRS to False.", binding, whenUnset });
    },
  },
  {
    code: 'DJD118',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'Django stops with an exception before it can report problems',
      what: "A setting Django cannot even check: an engine with `APP_DIRS: True` and `OPTIONS['loaders']` (Django 5.1+), a list where `SECURE_CROSS_ORIGIN_OPENER_POLICY` takes a string, a cache backend this Django version does not have (`RedisCache` before 4.0, `MemcachedCache` from 4.1), or `INSTALLED_APPS`, `LOCALE_PATHS` or (4.2+) `SECRET_KEY_FALLBACKS` written as a string.",
      why: 'The site does not start (or `check --deploy` crashes with a traceback), so nothing else gets reported until it is fixed.',
      example: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCache'}}  # on Django 3.2",
      instead: "CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache'}}  # or upgrade Django",
      url: checksUrl(''),
    },
    check(ctx) {
      const report = (name: string, message: string) => {
        const { binding, whenUnset } = ctx.s.get(name);
        ctx.report({ message: message + unsetNote(whenUnset), binding, whenUnset });
      };
      if (atLeast(ctx.version, 5, 1) && appDirsWithLoaders(ctx)) report('TEMPLATES', "A TEMPLATES engine has APP_DIRS: True and OPTIONS['loaders']: Django stops with ImproperlyConfigured (\"app_dirs must not be set when loaders is defined\"). Remove 'loaders' or set APP_DIRS to False");
      if (atLeast(ctx.version, 4, 0) && ctx.s.contains('MIDDLEWARE', 'django.middleware.security.SecurityMiddleware') === true) {
        const coop = ctx.s.get('SECURE_CROSS_ORIGIN_OPENER_POLICY').value;
        if (isSequence(coop) || coop.kind === 'dict') report('SECURE_CROSS_ORIGIN_OPENER_POLICY', `SECURE_CROSS_ORIGIN_OPENER_POLICY is a ${coop.kind}: check --deploy crashes with "TypeError: unhashable type" instead of reporting security.E024. Use one string such as 'same-origin'`);
      }
      for (const [alias, backend] of cacheBackends(ctx.s.get('CACHES').value)) {
        const missing = missingCacheBackend(backend, ctx.version);
        if (missing) report('CACHES', `The '${alias}' cache uses ${backend}, which ${missing}: Django stops with InvalidCacheBackendError when its checks load the caches`);
      }
      const listSettings = ['INSTALLED_APPS', 'LOCALE_PATHS', ...(atLeast(ctx.version, 4, 2) ? ['SECRET_KEY_FALLBACKS'] : [])];
      for (const name of listSettings) {
        const v = ctx.s.get(name);
        if (v.binding && v.value.kind === 'str') report(name, `${name} is a string: Django stops at start-up with ImproperlyConfigured ("The ${name} setting must be a list or a tuple"). Write [${pyRepr(v.value, 60)}]`);
      }
    },
  },
  {
    code: 'templates.E002',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'string_if_invalid is not a string',
      what: "A TEMPLATES engine's `OPTIONS['string_if_invalid']` is not a str.",
      why: 'Django refuses it; templates with unknown variables would fail to render.',
      example: "'OPTIONS': {'string_if_invalid': None}",
      instead: "'OPTIONS': {'string_if_invalid': ''}",
      url: checksUrl('templates'),
    },
    check(ctx) {
      for (const { value } of engines(ctx)) {
        if (value.kind !== 'dict') continue;
        const options = dictGet(value, 'OPTIONS');
        const sii = options?.kind === 'dict' ? dictGet(options, 'string_if_invalid') : undefined;
        if (!sii || !isDecided(sii) || sii.kind === 'str') continue;
        const { binding, whenUnset } = ctx.s.get('TEMPLATES');
        ctx.report({ message: `string_if_invalid in TEMPLATES OPTIONS must be a string but got: ${pyRepr(sii)} (${sii.kind}).`, binding, whenUnset });
      }
    },
  },
  {
    code: 'translation.E001',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'LANGUAGE_CODE is not a valid language code',
      what: '`LANGUAGE_CODE` does not look like a language tag (e.g. "en-us", "pt-br").',
      why: 'Django refuses to start its checks; translations cannot be activated.',
      example: 'LANGUAGE_CODE = "en_US"',
      instead: 'LANGUAGE_CODE = "en-us"',
      url: settingUrl('LANGUAGE_CODE'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('LANGUAGE_CODE');
      if (!binding || !isDecided(value)) return;
      if (value.kind === 'str' && LANGUAGE_CODE_RE.test(value.value)) return;
      ctx.report({ message: `You have provided an invalid value for the LANGUAGE_CODE setting: ${pyRepr(value)}${unsetNote(whenUnset)}. Use a language tag such as 'en-us'.`, binding, whenUnset });
    },
  },
  {
    code: 'translation.E004',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'LANGUAGE_CODE is not in LANGUAGES',
      what: 'Neither `LANGUAGE_CODE`, its fallbacks nor its generic language is in `LANGUAGES` (Django\'s list when not set).',
      why: 'Django refuses to start its checks; the default language could never be activated.',
      example: 'LANGUAGE_CODE = "fr"\nLANGUAGES = [("en", "English")]',
      instead: 'LANGUAGES = [("en", "English"), ("fr", "French")]',
      url: settingUrl('LANGUAGES'),
    },
    check(ctx) {
      const langs = ctx.s.get('LANGUAGES');
      const code = ctx.s.get('LANGUAGE_CODE');
      if (code.value.kind !== 'str') return;
      let supported: string[];
      if (!langs.binding) supported = DJANGO_LANGUAGES;
      else {
        if (!isSequence(langs.value)) return;
        supported = [];
        for (const item of langs.value.items) {
          if (!isSequence(item) || item.items[0]?.kind !== 'str') return;
          supported.push((item.items[0] as { value: string }).value);
        }
      }
      // django.utils.translation.trans_real.get_supported_language_variant (strict=False).
      const lang = code.value.value;
      const generic = lang.split('-')[0];
      const possible = [lang, ...(LANGUAGE_FALLBACKS[lang] ?? []), generic];
      if (possible.some((c) => supported.includes(c)) || supported.some((c) => c.startsWith(generic + '-'))) return;
      ctx.report({ message: `You have provided a value for the LANGUAGE_CODE setting ('${lang}') that is not in the LANGUAGES setting.`, binding: code.binding ?? langs.binding, whenUnset: code.whenUnset ?? langs.whenUnset });
    },
  },
  {
    code: 'sites.E101',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'SITE_ID is not an integer',
      what: '`django.contrib.sites` is installed and `SITE_ID` is not an int.',
      why: 'Django refuses to start its checks; the current site cannot be looked up.',
      example: 'SITE_ID = "1"',
      instead: 'SITE_ID = 1',
      url: settingUrl('SITE_ID'),
    },
    check(ctx) {
      if (ctx.s.contains('INSTALLED_APPS', 'django.contrib.sites') !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('SITE_ID');
      if (!binding || value.kind === 'int' || !isDecided(value) || value.kind === 'bool') return;
      const fixes = value.kind === 'str' && /^\d+$/.test(value.value) ? [ctx.fixes.replaceValue(`Set SITE_ID = ${value.value}`, binding, value.value, true)].filter((f) => !!f) : [];
      ctx.report({ message: `The SITE_ID setting must be an integer, not ${pyRepr(value)}${unsetNote(whenUnset)}.`, binding, whenUnset, fixes: fixes as never });
    },
  },
  {
    code: 'caches.E001',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: "CACHES has no 'default' cache",
      what: "`CACHES` is set without a 'default' entry.",
      why: 'Django refuses to start its checks; sessions and the cache framework need the default cache.',
      example: "CACHES = {'redis': {...}}",
      instead: "CACHES = {'default': {...}}",
      url: settingUrl('CACHES'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('CACHES');
      if (!binding || value.kind !== 'dict' || value.open || value.entries.some((e) => e.key.kind !== 'str')) return;
      if (dictGet(value, 'default')) return;
      ctx.report({ message: `You must define a 'default' cache in your CACHES setting${unsetNote(whenUnset)}.`, binding, whenUnset });
    },
  },
  {
    code: 'caches.W002',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'A file-based cache lives inside MEDIA_ROOT, STATIC_ROOT or STATICFILES_DIRS',
      what: "A FileBasedCache `LOCATION` matches, is inside, or contains `MEDIA_ROOT`, `STATIC_ROOT` or a `STATICFILES_DIRS` folder.",
      why: 'Cache files become downloadable from the web server, or collectstatic and uploads overwrite them.',
      example: "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache', 'LOCATION': MEDIA_ROOT}}",
      instead: "'LOCATION': '/var/tmp/django_cache'",
      url: settingUrl('CACHES'),
    },
    check(ctx) {
      const caches = ctx.s.get('CACHES');
      for (const [alias, location] of fileCaches(caches.value)) {
        const loc = pathLike(location);
        if (!loc || !loc.startsWith('/')) continue;
        const cachePath = posix.normalize(loc);
        for (const name of ['MEDIA_ROOT', 'STATIC_ROOT', 'STATICFILES_DIRS']) {
          const setting = ctx.s.get(name).value;
          if (!truthy(setting)) continue;
          const paths: string[] = [];
          if (name === 'STATICFILES_DIRS') for (const e of staticDirs(setting) ?? []) { const p = pathLike(e.path); if (p?.startsWith('/')) paths.push(posix.normalize(p)); }
          else { const p = pathLike(setting); if (p?.startsWith('/')) paths.push(posix.normalize(p)); }
          const relation = paths.some((p) => p === cachePath) ? 'matches' : paths.some((p) => cachePath.startsWith(p + '/')) ? 'is inside' : paths.some((p) => p.startsWith(cachePath + '/')) ? 'contains' : undefined;
          if (!relation) continue;
          ctx.report({ message: `Your '${alias}' cache configuration might expose your cache or lead to corruption of your data because its LOCATION ${relation} ${name}. Move the cache outside the folders the web server or collectstatic touch.`, binding: caches.binding, whenUnset: caches.whenUnset });
        }
      }
    },
  },
  {
    code: 'caches.W003',
    level: 'warning',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'A file-based cache LOCATION is relative',
      what: "A FileBasedCache `LOCATION` is a relative path.",
      why: 'The cache folder depends on the working directory of each process: workers do not share it.',
      example: "'LOCATION': 'cache'",
      instead: "'LOCATION': BASE_DIR / 'cache'",
      url: settingUrl('CACHES'),
    },
    check(ctx) {
      const caches = ctx.s.get('CACHES');
      for (const [alias, location] of fileCaches(caches.value)) {
        const loc = pathLike(location);
        if (loc === undefined || loc.startsWith('/')) continue;
        ctx.report({ message: `Your '${alias}' cache LOCATION path is relative ('${loc}'). Use an absolute path instead.`, binding: caches.binding, whenUnset: caches.whenUnset });
      }
    },
  },
  {
    code: '4_0.E001',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    since: [4, 0],
    doc: {
      title: 'A CSRF_TRUSTED_ORIGINS entry has no scheme',
      what: 'An entry of `CSRF_TRUSTED_ORIGINS` does not start with a scheme (Django 4.0+ needs "https://").',
      why: 'Django refuses to start its checks; cross-origin form posts are rejected with 403.',
      example: 'CSRF_TRUSTED_ORIGINS = ["example.com"]',
      instead: 'CSRF_TRUSTED_ORIGINS = ["https://example.com"]',
      url: settingUrl('CSRF_TRUSTED_ORIGINS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('CSRF_TRUSTED_ORIGINS');
      if (!isSequence(value)) return;
      for (const item of value.items) {
        if (item.kind !== 'str' || item.value.includes('://')) continue;
        ctx.report({ message: `As of Django 4.0, the values in the CSRF_TRUSTED_ORIGINS setting must start with a scheme (usually http:// or https://) but found ${item.value}${unsetNote(whenUnset)}.`, binding, whenUnset });
      }
    },
  },
  {
    code: 'files.E001',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    since: [4, 0],
    doc: {
      title: 'FILE_UPLOAD_TEMP_DIR does not exist',
      what: '`FILE_UPLOAD_TEMP_DIR` names a folder in the workspace that does not exist.',
      why: 'Large uploads fail with a server error.',
      example: 'FILE_UPLOAD_TEMP_DIR = BASE_DIR / "tmp"',
      instead: 'Create the folder, or leave FILE_UPLOAD_TEMP_DIR unset to use the system temporary folder.',
      url: settingUrl('FILE_UPLOAD_TEMP_DIR'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('FILE_UPLOAD_TEMP_DIR');
      const p = pathLike(value);
      if (!binding || !p || !p.startsWith('/')) return;
      if (ctx.directoryExists(posix.normalize(p)) !== false) return;
      ctx.report({ message: `The FILE_UPLOAD_TEMP_DIR setting refers to the nonexistent directory '${ctx.relative(posix.normalize(p))}'${unsetNote(whenUnset)}.`, binding, whenUnset });
    },
  },
];

function fileCaches(caches: Value): [string, Value][] {
  if (caches.kind !== 'dict') return [];
  const out: [string, Value][] = [];
  for (const e of caches.entries) {
    if (e.maybe || e.key.kind !== 'str' || e.value.kind !== 'dict') continue;
    const backend = dictGet(e.value, 'BACKEND');
    if (backend?.kind !== 'str' || backend.value !== 'django.core.cache.backends.filebased.FileBasedCache') continue;
    const location = dictGet(e.value, 'LOCATION');
    if (location) out.push([e.key.value, location]);
  }
  return out;
}
