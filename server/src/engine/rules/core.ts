// Django's ordinary system checks that a settings file decides on its own (they also run under
// `check --deploy`): admin middleware, templates, translation, sites, caches, CSRF origins, files.

import * as posix from 'node:path/posix';
import { type Value, isSequence, pathLike, pyRepr, truthy } from '../python/values';
import { dictGet } from '../python/evaluate';
import type { RuleContext, SettingsRule } from './rule';
import { checksUrl, settingUrl } from './rule';
import { staticDirs } from './staticfiles';
import { unsetNote } from './settingsView';

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
      const mw = ctx.s.strings('MIDDLEWARE');
      if (!mw || mw.includes(path)) return;
      // A subclass counts for Django; only claim absence when no entry could be one.
      if (mw.some((m) => !m.startsWith('django.') && m.split('.').pop()!.includes(short.replace('Middleware', '')))) return;
      const { binding, whenUnset } = ctx.s.get('MIDDLEWARE');
      ctx.report({ message: `'${path}' must be in MIDDLEWARE in order to use the admin application${unsetNote(whenUnset)}.`, binding, near: [{ setting: 'INSTALLED_APPS', item: ADMIN_APP }], whenUnset });
    },
  };
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
    check(ctx) {
      for (const { value } of engines(ctx)) {
        if (value.kind !== 'dict') continue;
        const appDirs = dictGet(value, 'APP_DIRS');
        const options = dictGet(value, 'OPTIONS');
        if (!appDirs || truthy(appDirs) !== true || options?.kind !== 'dict') continue;
        if (!dictGet(options, 'loaders')) continue;
        const { binding, whenUnset } = ctx.s.get('TEMPLATES');
        ctx.report({ message: "A TEMPLATES engine has APP_DIRS: True and OPTIONS['loaders']: Django cannot build it. Either remove 'loaders' from OPTIONS or set APP_DIRS to False.", binding, whenUnset });
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
        if (!sii || sii.kind === 'str' || sii.kind === 'unknown' || sii.kind === 'env') continue;
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
      if (!binding || value.kind === 'unknown' || value.kind === 'env') return;
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
      if (!binding || value.kind === 'int' || value.kind === 'unknown' || value.kind === 'env' || value.kind === 'bool') return;
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
    if (e.key.kind !== 'str' || e.value.kind !== 'dict') continue;
    const backend = dictGet(e.value, 'BACKEND');
    if (backend?.kind !== 'str' || backend.value !== 'django.core.cache.backends.filebased.FileBasedCache') continue;
    const location = dictGet(e.value, 'LOCATION');
    if (location) out.push([e.key.value, location]);
  }
  return out;
}
