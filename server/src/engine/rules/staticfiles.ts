// Static and media files: Django's staticfiles and urls checks, and the traps that only show up
// when collectstatic runs or the first page renders in production (staticfiles/utils.py
// check_settings, StaticFilesStorage.path, the finders).

import * as posix from 'node:path/posix';
import { type Value, isSequence, pathLike, pyRepr, pyEquals, truthy, isDecided } from '../python/values';
import { atLeast } from '../project/djangoVersion';
import type { RuleContext, SettingsRule } from './rule';
import { settingUrl, DOCS } from './rule';
import { STATICFILES_APP, unsetNote } from './settingsView';
import type { Fix } from '../findings';


function staticfilesInstalled(ctx: RuleContext): boolean | undefined {
  return ctx.s.contains('INSTALLED_APPS', STATICFILES_APP);
}

const FINDERS = 'django.contrib.staticfiles.finders.';
/** Django's finders that never read STATICFILES_DIRS. */
const OTHER_FINDERS = new Set(['AppDirectoriesFinder', 'DefaultStorageFinder', 'BaseFinder', 'BaseStorageFinder']);

/**
 * Whether STATICFILES_DIRS is read at all: Django checks it (E001–E003, W004) and collectstatic
 * walks it only through FileSystemFinder, or a subclass, in STATICFILES_FINDERS, with
 * django.contrib.staticfiles installed. Undefined when a finder nobody can read may be one.
 */
function staticDirsRead(ctx: RuleContext): boolean | undefined {
  if (staticfilesInstalled(ctx) === false) return false;
  const finders = ctx.s.strings('STATICFILES_FINDERS');
  if (!finders) return ctx.s.contains('STATICFILES_FINDERS', `${FINDERS}FileSystemFinder`) ? true : undefined;
  let answer: boolean | undefined = false;
  for (const f of finders) {
    const reads = finderReadsDirs(ctx, f, 0);
    if (reads) return true;
    if (reads === undefined) answer = undefined;
  }
  return answer;
}

function finderReadsDirs(ctx: RuleContext, dotted: string, depth: number): boolean | undefined {
  if (dotted.startsWith(FINDERS)) {
    const name = dotted.slice(FINDERS.length);
    return name === 'FileSystemFinder' ? true : OTHER_FINDERS.has(name) ? false : undefined;
  }
  // A project finder: FileSystemFinder among its bases (as written), or a project base that is one.
  const bases = depth < 4 ? ctx.classBases(dotted) : undefined;
  if (!bases) return undefined;
  let answer: boolean | undefined = false;
  for (const b of bases) {
    const last = b.slice(b.lastIndexOf('.') + 1);
    if (last === 'FileSystemFinder') return true;
    if (OTHER_FINDERS.has(last)) continue;
    const inModule = !b.includes('.') ? finderReadsDirs(ctx, `${dotted.slice(0, dotted.lastIndexOf('.'))}.${b}`, depth + 1) : finderReadsDirs(ctx, b, depth + 1);
    if (inModule) return true;
    if (inModule === undefined) answer = undefined;
  }
  return answer;
}

/** STATICFILES_DIRS entries as (prefix, path value, raw entry). */
function staticDirs(v: Value): { prefix?: Value; path: Value }[] | undefined {
  if (!isSequence(v)) return undefined;
  return v.items.map((item) => (item.kind === 'tuple' || item.kind === 'list') && item.items.length === 2 ? { prefix: item.items[0], path: item.items[1] } : { path: item });
}

/** What STATIC_URL / MEDIA_URL become at run time: relative values get the script prefix ("/"). */
function servedUrl(v: Value): string | undefined {
  if (v.kind !== 'str') return undefined;
  if (!v.value) return v.value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v.value) || v.value.startsWith('/')) return v.value;
  return '/' + v.value;
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

export const staticfilesRules: SettingsRule[] = [
  {
    code: 'staticfiles.E001',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'STATICFILES_DIRS is not a list or tuple',
      what: '`STATICFILES_DIRS` is a string or another non-sequence value, usually a one-element tuple missing its trailing comma.',
      why: 'Django refuses to start its checks; the finders cannot read the folders.',
      example: 'STATICFILES_DIRS = ("static")',
      instead: 'STATICFILES_DIRS = [BASE_DIR / "static"]',
      url: settingUrl('STATICFILES_DIRS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('STATICFILES_DIRS');
      if (value.kind !== 'str' || staticDirsRead(ctx) === false) return;
      ctx.report({
        message: `STATICFILES_DIRS is a string, not a list or tuple${unsetNote(whenUnset)} (a one-element tuple needs a trailing comma). Django stops with staticfiles.E001.`,
        binding,
        whenUnset,
        fixes: wrapInList(ctx, binding, 'Make STATICFILES_DIRS a list'),
      });
    },
  },
  {
    code: 'staticfiles.E002',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'STATICFILES_DIRS contains STATIC_ROOT',
      what: 'One of the `STATICFILES_DIRS` folders is the `STATIC_ROOT` folder.',
      why: 'collectstatic would copy files onto themselves; STATIC_ROOT is the output, never a source.',
      example: 'STATIC_ROOT = BASE_DIR / "static"\nSTATICFILES_DIRS = [BASE_DIR / "static"]',
      instead: 'STATIC_ROOT = BASE_DIR / "staticfiles"\nSTATICFILES_DIRS = [BASE_DIR / "static"]',
      url: settingUrl('STATICFILES_DIRS'),
    },
    check(ctx) {
      const root = ctx.s.get('STATIC_ROOT');
      const rootPath = pathLike(root.value);
      if (!rootPath || !truthy(root.value) || staticDirsRead(ctx) === false) return;
      const dirs = ctx.s.get('STATICFILES_DIRS');
      const entries = staticDirs(dirs.value);
      if (!entries) return;
      for (const e of entries) {
        const p = pathLike(e.path);
        if (p === undefined) continue;
        if (!(isAbsolute(p) && isAbsolute(rootPath)) && p !== rootPath) continue;
        if (posix.normalize(p) !== posix.normalize(rootPath)) continue;
        ctx.report({
          message: `STATICFILES_DIRS contains STATIC_ROOT (${rootPath})${unsetNote(dirs.whenUnset ?? root.whenUnset)}: collectstatic's output folder cannot also be a source. Use a separate folder for STATIC_ROOT, e.g. "staticfiles".`,
          binding: dirs.binding,
          whenUnset: dirs.whenUnset ?? root.whenUnset,
        });
        return;
      }
    },
  },
  {
    code: 'staticfiles.E003',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'A STATICFILES_DIRS prefix ends with a slash',
      what: 'A `(prefix, path)` entry of `STATICFILES_DIRS` has a prefix ending in "/".',
      why: 'Django rejects it (staticfiles.E003); files would be addressed with a double slash.',
      example: 'STATICFILES_DIRS = [("vendor/", BASE_DIR / "vendor")]',
      instead: 'STATICFILES_DIRS = [("vendor", BASE_DIR / "vendor")]',
      url: `${DOCS}/ref/settings/#prefixes-optional`,
    },
    check(ctx) {
      const dirs = ctx.s.get('STATICFILES_DIRS');
      if (staticDirsRead(ctx) === false) return;
      for (const e of staticDirs(dirs.value) ?? []) {
        if (e.prefix?.kind === 'str' && e.prefix.value.endsWith('/')) {
          ctx.report({ message: `The STATICFILES_DIRS prefix '${e.prefix.value}' must not end with a slash.`, binding: dirs.binding, whenUnset: dirs.whenUnset });
        }
      }
    },
  },
  {
    code: 'staticfiles.W004',
    level: 'warning',
    productionOnly: false,
    origin: 'django',
    since: [4, 0],
    doc: {
      title: 'A STATICFILES_DIRS folder does not exist',
      what: 'A folder listed in `STATICFILES_DIRS` does not exist in the workspace.',
      why: 'Its files are never collected; templates that use them 404 (or raise with the manifest storage).',
      example: 'STATICFILES_DIRS = [BASE_DIR / "assets"]  # no assets/ folder',
      instead: 'Create the folder or remove the entry.',
      url: settingUrl('STATICFILES_DIRS'),
    },
    check(ctx) {
      missingStaticDirs(ctx, (p) => `The STATICFILES_DIRS folder ${ctx.relative(p)} does not exist: nothing in it can be collected.`);
    },
  },
  {
    code: 'DJD116',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    until: [4, 0],
    doc: {
      title: 'A STATICFILES_DIRS folder does not exist (collectstatic crashes)',
      what: 'A folder listed in `STATICFILES_DIRS` does not exist (Django before 4.0 has no check for it).',
      why: 'collectstatic stops with FileNotFoundError during the deployment.',
      example: 'STATICFILES_DIRS = [BASE_DIR / "assets"]  # no assets/ folder',
      instead: 'Create the folder (with a .gitkeep) or remove the entry.',
      url: settingUrl('STATICFILES_DIRS'),
    },
    check(ctx) {
      missingStaticDirs(ctx, (p) => `The STATICFILES_DIRS folder ${ctx.relative(p)} does not exist: collectstatic will stop with FileNotFoundError during deployment.`);
    },
  },
  storagesWithoutStaticfiles('staticfiles.E005'),
  storagesWithoutStaticfiles('DJD120'),
  {
    code: 'urls.E006',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    doc: {
      title: 'STATIC_URL or MEDIA_URL does not end with a slash',
      what: '`STATIC_URL` or `MEDIA_URL` is set and does not end with "/".',
      why: 'URLs are built by appending the file path: "/static" + "css/site.css" gives "/staticcss/site.css".',
      example: 'STATIC_URL = "/static"',
      instead: 'STATIC_URL = "/static/"',
      url: settingUrl('STATIC_URL'),
    },
    check(ctx) {
      for (const name of ['STATIC_URL', 'MEDIA_URL']) {
        const { value, binding, whenUnset } = ctx.s.get(name);
        if (value.kind !== 'str' || !value.value || value.value.endsWith('/')) continue;
        const fixes: Fix[] = [];
        const literal = binding?.valueRange ? ctx.text(binding.valueRange.file).slice(binding.valueRange.start, binding.valueRange.end) : '';
        const m = /^([rRuU]?)(["'])([^"'\\\n]*)\2$/.exec(literal);
        if (binding?.valueRange && m && !binding.changes.length && !binding.conditional) {
          const closing = binding.valueRange.end - 1;
          fixes.push({ title: `Add the trailing slash to ${name}`, safe: true, edits: [{ file: binding.valueRange.file, start: closing, end: closing, newText: '/' }] });
        }
        ctx.report({ message: `The ${name} setting must end with a slash${unsetNote(whenUnset)}: ${pyRepr(value)} would make URLs like '${value.value}css/site.css'. Use '${value.value}/'.`, binding, whenUnset, fixes });
      }
    },
  },
  {
    code: 'DJD101',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'STATIC_ROOT is not set',
      what: '`django.contrib.staticfiles` is installed and `STATIC_ROOT` is not set. Django has no check for this.',
      why: "collectstatic stops with ImproperlyConfigured (\"You're using the staticfiles app without having set the STATIC_ROOT setting to a filesystem path\"), so the deployment has no CSS, JavaScript or images.",
      example: 'STATIC_URL = "static/"',
      instead: 'STATIC_URL = "static/"\nSTATIC_ROOT = BASE_DIR / "staticfiles"',
      url: settingUrl('STATIC_ROOT'),
    },
    check(ctx) {
      if (staticfilesInstalled(ctx) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('STATIC_ROOT');
      if (!isDecided(value) || truthy(value) !== false) return;
      if (binding && binding.conditional) return;
      const staticUrl = ctx.s.binding('STATIC_URL');
      const path = ctx.fixes.pathExpression('staticfiles');
      const fixes: Fix[] = [];
      if (path) {
        fixes.push(
          binding
            ? ctx.fixes.replaceValue(`Set STATIC_ROOT = ${path.expression}`, binding, path.expression, true, path.needsOs)!
            : ctx.fixes.addStatements(`Add STATIC_ROOT = ${path.expression}`, [`STATIC_ROOT = ${path.expression}`], true, staticUrl, path.needsOs),
        );
      }
      ctx.report({
        message: `STATIC_ROOT is ${binding ? pyRepr(value) : 'not set'}${unsetNote(whenUnset)}: collectstatic fails in production ("without having set the STATIC_ROOT setting"), and the site has no CSS, JavaScript or images. Set STATIC_ROOT to the folder collectstatic should fill, e.g. BASE_DIR / "staticfiles".`,
        binding,
        near: ['STATIC_URL', { setting: 'INSTALLED_APPS', item: STATICFILES_APP }],
        whenUnset,
        fixes: fixes.filter(Boolean),
      });
    },
  },
  {
    code: 'DJD102',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'STATIC_ROOT or MEDIA_ROOT is a relative path',
      what: '`STATIC_ROOT` or `MEDIA_ROOT` is a relative path.',
      why: 'It is resolved against the working directory of whatever runs Django (gunicorn, a systemd unit, cron), so files land in, and are served from, a different folder each time.',
      example: 'STATIC_ROOT = "staticfiles"',
      instead: 'STATIC_ROOT = BASE_DIR / "staticfiles"',
      url: settingUrl('STATIC_ROOT'),
    },
    check(ctx) {
      for (const name of ['STATIC_ROOT', 'MEDIA_ROOT']) {
        const { value, binding, whenUnset } = ctx.s.get(name);
        const p = pathLike(value);
        if (!binding || !p || isAbsolute(p)) continue;
        const fixes: Fix[] = [];
        const path = ctx.fixes.pathExpression(p.replace(/^\.\//, ''));
        if (path) {
          const f = ctx.fixes.replaceValue(`Make ${name} absolute: ${path.expression}`, binding, path.expression, true, path.needsOs);
          if (f) fixes.push(f);
        }
        ctx.report({ message: `${name} is the relative path '${p}'${unsetNote(whenUnset)}: in production it depends on the working directory of the server process. Make it absolute, e.g. BASE_DIR / '${p}'.`, binding, whenUnset, fixes });
      }
    },
  },
  {
    code: 'DJD103',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'MEDIA_ROOT and STATIC_ROOT are the same folder',
      what: '`MEDIA_ROOT == STATIC_ROOT`.',
      why: 'Django raises ImproperlyConfigured ("The MEDIA_ROOT and STATIC_ROOT settings must have different values") as soon as static files are used; uploads and collected files would mix.',
      example: 'MEDIA_ROOT = STATIC_ROOT = BASE_DIR / "public"',
      instead: 'STATIC_ROOT = BASE_DIR / "staticfiles"\nMEDIA_ROOT = BASE_DIR / "media"',
      url: settingUrl('MEDIA_ROOT'),
    },
    check(ctx) {
      const media = ctx.s.get('MEDIA_ROOT');
      const stat = ctx.s.get('STATIC_ROOT');
      if (truthy(media.value) !== true || truthy(stat.value) !== true) return;
      if (pyEquals(media.value, stat.value) !== true) return;
      ctx.report({
        message: `MEDIA_ROOT and STATIC_ROOT are both ${pyRepr(media.value)}${unsetNote(media.whenUnset ?? stat.whenUnset)}: Django raises ImproperlyConfigured when static files are used, and user uploads would mix with collected files. Give them different folders.`,
        binding: media.binding ?? stat.binding,
        whenUnset: media.whenUnset ?? stat.whenUnset,
      });
    },
  },
  {
    code: 'DJD104',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'MEDIA_URL and STATIC_URL are the same',
      what: '`MEDIA_URL == STATIC_URL`.',
      why: 'Django raises ImproperlyConfigured ("The MEDIA_URL and STATIC_URL settings must have different values") on the first static file URL.',
      example: 'STATIC_URL = MEDIA_URL = "/assets/"',
      instead: 'STATIC_URL = "/static/"\nMEDIA_URL = "/media/"',
      url: settingUrl('MEDIA_URL'),
    },
    check(ctx) {
      if (staticfilesInstalled(ctx) !== true) return;
      const media = ctx.s.get('MEDIA_URL');
      const stat = ctx.s.get('STATIC_URL');
      const m = servedUrl(media.value);
      const s = servedUrl(stat.value);
      if (m === undefined || s === undefined || !s || m !== s) return;
      ctx.report({
        message: `MEDIA_URL and STATIC_URL are both '${s}'${unsetNote(media.whenUnset ?? stat.whenUnset)}: Django raises ImproperlyConfigured on the first {% static %}. Serve uploads under their own prefix, e.g. '/media/'.`,
        binding: media.binding ?? stat.binding,
        whenUnset: media.whenUnset ?? stat.whenUnset,
      });
    },
  },
  {
    code: 'DJD105',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'MEDIA_URL is inside STATIC_URL while DEBUG is on',
      what: 'DEBUG is on and `MEDIA_URL` starts with `STATIC_URL`.',
      why: 'Django raises ImproperlyConfigured ("runserver can\'t serve media if MEDIA_URL is within STATIC_URL").',
      example: 'STATIC_URL = "/static/"\nMEDIA_URL = "/static/media/"',
      instead: 'MEDIA_URL = "/media/"',
      url: settingUrl('MEDIA_URL'),
    },
    check(ctx) {
      if (staticfilesInstalled(ctx) !== true) return;
      if (truthy(ctx.s.get('DEBUG').value) !== true) return;
      const media = ctx.s.get('MEDIA_URL');
      const stat = ctx.s.get('STATIC_URL');
      if (media.value.kind !== 'str' || stat.value.kind !== 'str' || !media.value.value || !stat.value.value) return;
      const m = servedUrl(media.value)!;
      const s = servedUrl(stat.value)!;
      if (m === s || !m.startsWith(s)) return;
      ctx.report({ message: `MEDIA_URL '${m}' is inside STATIC_URL '${s}' while DEBUG is on: Django raises ImproperlyConfigured ("runserver can't serve media if MEDIA_URL is within STATIC_URL"). Use a separate prefix such as '/media/'.`, binding: media.binding, whenUnset: media.whenUnset });
    },
  },
  {
    code: 'DJD106',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'STATIC_URL is not set',
      what: '`django.contrib.staticfiles` is installed and `STATIC_URL` is not set (or empty).',
      why: 'Django raises ImproperlyConfigured ("You\'re using the staticfiles app without having set the required STATIC_URL setting") on the first {% static %} and in collectstatic.',
      example: 'INSTALLED_APPS = [..., "django.contrib.staticfiles"]',
      instead: 'STATIC_URL = "static/"',
      url: settingUrl('STATIC_URL'),
    },
    check(ctx) {
      if (staticfilesInstalled(ctx) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('STATIC_URL');
      if (value.kind !== 'none' && !(value.kind === 'str' && value.value === '')) return;
      const fixes: Fix[] = [];
      const url = ctx.fixes.literal('static/');
      if (!binding) fixes.push(ctx.fixes.addStatements(`Add STATIC_URL = ${url}`, [`STATIC_URL = ${url}`], true));
      else {
        const f = ctx.fixes.replaceValue(`Set STATIC_URL = ${url}`, binding, url, true);
        if (f) fixes.push(f);
      }
      ctx.report({
        message: `STATIC_URL is ${binding ? pyRepr(value) : 'not set'}${unsetNote(whenUnset)} but django.contrib.staticfiles is installed: the first {% static %} and collectstatic raise ImproperlyConfigured. Set STATIC_URL = 'static/'.`,
        binding,
        near: [{ setting: 'INSTALLED_APPS', item: STATICFILES_APP }],
        whenUnset,
        fixes,
      });
    },
  },
  {
    code: 'DJD107',
    level: 'error',
    productionOnly: false,
    origin: 'django-deploy',
    doc: {
      title: 'STATICFILES_DIRS is a bare path',
      what: '`STATICFILES_DIRS` is a single Path (usually a one-element tuple missing its comma).',
      why: "Django's finder iterates over it and crashes with TypeError: 'PosixPath' object is not iterable, before any check can explain why.",
      example: 'STATICFILES_DIRS = (BASE_DIR / "static")',
      instead: 'STATICFILES_DIRS = [BASE_DIR / "static"]',
      url: settingUrl('STATICFILES_DIRS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('STATICFILES_DIRS');
      if (value.kind !== 'path') return;
      ctx.report({
        message: `STATICFILES_DIRS is a single path, not a list${unsetNote(whenUnset)}: Django crashes with "TypeError: 'PosixPath' object is not iterable" (a one-element tuple needs a trailing comma). Use [${binding?.valueRange ? ctx.text(binding.valueRange.file).slice(binding.valueRange.start, binding.valueRange.end).replace(/^\((.*)\)$/s, '$1') : '...'}].`,
        binding,
        whenUnset,
        fixes: wrapInList(ctx, binding, 'Make STATICFILES_DIRS a list'),
      });
    },
  },
  {
    code: 'DJD110',
    level: 'warning',
    productionOnly: true,
    origin: 'django-deploy',
    doc: {
      title: 'STATICFILES_STORAGE / DEFAULT_FILE_STORAGE is ignored or conflicts with STORAGES',
      what: '`STATICFILES_STORAGE` or `DEFAULT_FILE_STORAGE` is set although Django 5.1 removed them (silently ignored), or set together with `STORAGES` on Django 4.2–5.0 (ImproperlyConfigured).',
      why: 'The manifest or cloud storage you configured is not used: no hashed file names, no CDN, uploads on local disk.',
      example: 'STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"',
      instead: 'STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}',
      url: settingUrl('STORAGES'),
    },
    check(ctx) {
      for (const [name, alias] of [['STATICFILES_STORAGE', 'staticfiles'], ['DEFAULT_FILE_STORAGE', 'default']] as const) {
        const b = ctx.s.binding(name);
        if (!b) continue;
        const shown = pyRepr(ctx.s.get(name).value);
        if (atLeast(ctx.version, 5, 1)) {
          ctx.report({ message: `${name} is ignored since Django 5.1 (this project uses ${ctx.version.major}.${ctx.version.minor}, ${ctx.version.source}): ${shown} is not used in production. Move it to STORAGES['${alias}']['BACKEND'].`, binding: b, deprecated: true });
        } else if (atLeast(ctx.version, 4, 2) && ctx.s.isSet('STORAGES')) {
          ctx.report({ message: `${name} and STORAGES are mutually exclusive on Django ${ctx.version.major}.${ctx.version.minor}: Django raises ImproperlyConfigured at start-up. Move it to STORAGES['${alias}']['BACKEND'].`, binding: b });
        }
      }
    },
  },
];

function missingStaticDirs(ctx: RuleContext, message: (path: string) => string) {
  if (staticDirsRead(ctx) !== true) return;
  const dirs = ctx.s.get('STATICFILES_DIRS');
  for (const e of staticDirs(dirs.value) ?? []) {
    const p = pathLike(e.path);
    if (!p || !isAbsolute(p)) continue;
    if (ctx.directoryExists(posix.normalize(p)) !== false) continue;
    const at = dirs.binding ? quotedPathRange(ctx, dirs.binding, posix.basename(p)) : undefined;
    ctx.report({ message: message(posix.normalize(p)) + unsetNote(dirs.whenUnset), binding: dirs.binding, at, whenUnset: dirs.whenUnset });
  }
}

/** The string literal naming a folder inside a binding's statement, for a precise squiggle. */
function quotedPathRange(ctx: RuleContext, binding: { statement: { file: string; start: number; end: number } }, lastSegment: string) {
  const r = binding.statement;
  const t = ctx.text(r.file).slice(r.start, r.end);
  const re = new RegExp(`(["'])[^"'\\n]*${lastSegment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?\\1`);
  const m = re.exec(t);
  return m ? { file: r.file, start: r.start + m.index, end: r.start + m.index + m[0].length } : undefined;
}

function wrapInList(ctx: RuleContext, binding: { valueRange?: { file: string; start: number; end: number }; changes: unknown[]; conditional?: string } | undefined, title: string): Fix[] {
  if (!binding?.valueRange || binding.changes.length || binding.conditional) return [];
  const r = binding.valueRange;
  const src = ctx.text(r.file).slice(r.start, r.end);
  const inner = /^\((.*)\)$/s.exec(src)?.[1] ?? src;
  return [{ title, safe: true, edits: [{ file: r.file, start: r.start, end: r.end, newText: `[${inner.trim()}]` }] }];
}

/**
 * STORAGES without a 'staticfiles' alias: Django 5.1+ reports staticfiles.E005; 4.2 and 5.0 say
 * nothing until `{% static %}` or collectstatic fails with InvalidStorageError (DJD120).
 */
function storagesWithoutStaticfiles(code: 'staticfiles.E005' | 'DJD120'): SettingsRule {
  const django = code === 'staticfiles.E005';
  return {
    code,
    level: 'error',
    productionOnly: false,
    origin: django ? 'django' : 'django-deploy',
    ...(django ? { since: [5, 1] as [number, number] } : { since: [4, 2] as [number, number], until: [5, 1] as [number, number] }),
    doc: {
      title: django ? "STORAGES has no 'staticfiles' storage" : "STORAGES has no 'staticfiles' storage (Django 4.2–5.0: fails at run time)",
      what: "`STORAGES` is set but does not define the 'staticfiles' alias.",
      why: django
        ? 'The default STORAGES is replaced as a whole: without a staticfiles entry, collectstatic and {% static %} have no storage.'
        : "Django 4.2 and 5.0 have no check for it: the first {% static %} or collectstatic fails with InvalidStorageError (\"Could not find config for 'staticfiles' in settings.STORAGES\").",
      example: "STORAGES = {'default': {'BACKEND': 'storages.backends.s3.S3Storage'}}",
      instead: "STORAGES = {'default': {...}, 'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'}}",
      url: settingUrl('STORAGES'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('STORAGES');
      if (!binding || value.kind !== 'dict' || value.open) return;
      if (value.entries.some((e) => e.key.kind === 'str' && e.key.value === 'staticfiles')) return;
      if (value.entries.some((e) => e.key.kind !== 'str')) return;
      const outcome = django ? 'so static files have no storage' : "so the first {% static %} tag or collectstatic fails with InvalidStorageError (Django 4.2 and 5.0 do not check it)";
      ctx.report({ message: `STORAGES has no 'staticfiles' entry${unsetNote(whenUnset)}: it replaces Django's default as a whole, ${outcome}. Add 'staticfiles': {'BACKEND': ...}.`, binding, whenUnset });
    },
  };
}

export { servedUrl, staticDirs, wrapInList };
