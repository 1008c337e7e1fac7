// The template side of a DjangoProject: which files are templates, their findings (cached per text,
// settings analysis and set of files) and what templates need from the production settings.
// Functions of the project (its internal template state), called by the DjangoProject methods
// that document them.

import * as posix from 'node:path/posix';
import type { Finding } from '../findings';
import { globMatch } from '../glob';
import { analyseTemplate, type TemplateAnalysis, type TemplateContext } from '../templates/templateRules';
import { staticFinders, staticIndex } from '../templates/staticFinders';
import { servedUrl } from '../rules/staticfiles';
import { DJANGO_TEMPLATES } from '../rules/settingsView';
import { isSequence, pathLike, type Value } from '../python/values';
import { dictGet } from '../python/evaluate';
import { atLeast } from './djangoVersion';
import { silencedChecks, templatePolicy } from './findingPolicy';
import { isIgnoredPath } from './layout';
import type { DjangoProject } from './project';

const TEMPLATE_EXTENSION = /\.(html?|txt|xml|djhtml|svg)$/i;

export function isTemplate(project: DjangoProject, file: string): boolean {
  const marked = project.markedTemplates.has(file);
  if (!marked && (!TEMPLATE_EXTENSION.test(file) || isIgnoredPath(file.slice(project.root.length)))) return false;
  // Outside every Django (sub-)project a template is Flask's, Jinja's or a static site's.
  if (!project.inDjango(file)) return false;
  // Open as HTML: a template unless only Jinja2 (or another backend) loads it.
  if (marked) return contextFor(project, file) !== undefined;
  const ctx = project.templateContext();
  const candidate = file.includes('/templates/') || ctx.templateDirs.some((d) => isInside(file, d)) || project.getConfig().templateGlobs.some((glob) => globMatch(glob, project.relative(file)));
  // A file only Jinja2 (or another backend) loads is not a Django template.
  return candidate && contextFor(project, file) !== undefined;
}

export function templateFiles(project: DjangoProject): string[] {
  const out = new Set<string>();
  for (const f of project.otherFiles) if (project.isTemplate(f)) out.add(f);
  for (const f of project.markedTemplates) if (project.isTemplate(f)) out.add(f);
  return [...out].sort();
}

export function templateFindings(project: DjangoProject, file: string): Finding[] {
  const text = project.text(file);
  if (text === undefined) {
    // Unreadable (refused by the host): nothing to say, and known to be so until it changes.
    project.templateCache.set(file, { text: undefined, findings: [] });
    return [];
  }
  const cached = project.templateCache.get(file);
  if (cached && cached.text === text) return cached.findings;
  const { findings, analysis } = analyseTemplateText(project, file, text, cached?.analysis);
  // Only a template read in several chunks has parts worth keeping for the next edit.
  project.templateCache.set(file, { text, findings, analysis: analysis && analysis.chunks.length > 1 ? analysis : undefined });
  return findings;
}

/** Templates whose findings for the current texts and settings are not known yet. */
export function unanalysedTemplates(project: DjangoProject): number {
  let n = 0;
  for (const f of templateFiles(project)) {
    const cached = project.templateCache.get(f);
    if (!cached || project.files.get(f)?.text !== cached.text) n++;
  }
  return n;
}

export function analysedTemplateFindings(project: DjangoProject): Finding[] {
  const out: Finding[] = [];
  for (const [file, cached] of project.templateCache) if (project.files.get(file)?.text === cached.text) out.push(...cached.findings);
  return out;
}

export function readTemplateOnce(project: DjangoProject, file: string): { text: string; findings: Finding[] } | undefined {
  const text = project.peekText(file);
  if (text === undefined) return undefined;
  return { text, findings: analyseTemplateText(project, file, text).findings };
}

function analyseTemplateText(project: DjangoProject, file: string, text: string, previous?: TemplateAnalysis): { findings: Finding[]; analysis?: TemplateAnalysis } {
  const ctx = contextFor(project, file);
  if (!ctx) return { findings: [] }; // only Jinja2 (or another language) loads it
  try {
    const analysis = analyseTemplate(file, text, ctx, previous);
    return { findings: templatePolicy(analysis.findings, project.getConfig().rules, project.templateContext().silenced), analysis };
  } catch (error) {
    console.error(`django-deploy: template analysis of ${file} failed: ${(error as Error).stack ?? error}`);
    return { findings: [] };
  }
}

/** One TEMPLATES entry, as Django builds its engine. */
interface TemplateEngine {
  /** DjangoTemplates (or a subclass): Django templates. Jinja2 and others are not. */
  django: boolean;
  /** Folders its loaders read (DIRS, filesystem loader folders, apps' templates/ or jinja2/). */
  roots: string[];
  /** A loader we cannot follow (a custom one): it may load any file. */
  loadsAnything: boolean;
  staticBuiltin: boolean;
  /** `static` and the OPTIONS libraries aliases of django.templatetags.static. */
  staticLibraries: string[];
}

export type ProjectTemplateContext = TemplateContext & {
  templateDirs: string[];
  silenced: Set<string>;
  /** The engines, when TEMPLATES could be read entry by entry. */
  engines?: TemplateEngine[];
  /** Contexts per engine combination (builtins and libraries differ), made on demand. */
  variants?: Map<string, TemplateContext>;
  /** The context (or none) by which engines load a file: one '1' or '0' per engine. */
  byLoading?: Map<string, TemplateContext | null>;
};

const STATIC_LIBRARY = 'django.templatetags.static';

export function templateContext(project: DjangoProject): ProjectTemplateContext {
  if (project.templateContextCache) return project.templateContextCache as ProjectTemplateContext;
  const { module: root, view } = project.productionView();
  const installedApps = view.get('INSTALLED_APPS').value;
  const finders = staticFinders(view.get('STATICFILES_DIRS').value, installedApps, (entry) => appFolder(project, entry));
  const staticFiles = [...project.otherFiles].filter((f) => finders.sources.some((s) => f.startsWith(s.root + '/')));
  const appFolders = isSequence(installedApps) ? installedApps.items.flatMap((a) => (a.kind === 'str' ? [appFolder(project, a.value)] : [])).filter((f): f is string => !!f) : [];
  const projectLibraries = staticTagLibraries(project, appFolders);
  const engines = templateEngines(view.get('TEMPLATES').value, appFolders, projectLibraries);
  const staticUrl = view.get('STATIC_URL').value;
  const mediaUrl = view.get('MEDIA_URL').value;
  const djangoEngines = engines?.filter((e) => e.django) ?? [];
  const ctx: ProjectTemplateContext = {
    staticUrl: staticUrl.kind === 'str' && staticUrl.value ? servedUrl(staticUrl) : undefined,
    mediaUrl: mediaUrl.kind === 'str' && mediaUrl.value ? servedUrl(mediaUrl) : undefined,
    finders,
    index: staticIndex(finders, staticFiles),
    // Without an engine to judge by: the strictest of all the Django engines.
    ...strictest(djangoEngines, projectLibraries),
    projectStaticLibraries: projectLibraries,
    removedLoadNames: atLeast(view.version, 3, 0),
    settingsModule: root?.moduleName ?? '',
    templateDirs: [...new Set((engines ?? []).flatMap((e) => e.roots))],
    silenced: silencedChecks(view.scope),
    engines,
  };
  project.templateContextCache = ctx;
  return ctx;
}

/**
 * The context a template is judged in: the engines that can load it, Django's strictest of them
 * (a load the file needs under any of them is needed). Undefined when only other backends
 * (Jinja2…) load it: not a Django template.
 */
export function contextFor(project: DjangoProject, file: string): TemplateContext | undefined {
  const base = templateContext(project);
  if (!base.engines) return base;
  // Files that the same engines load share a context: it is worked out once per combination.
  let key = '';
  for (const e of base.engines) key += e.loadsAnything || e.roots.some((r) => isInside(file, r)) ? '1' : '0';
  const byLoading = (base.byLoading ??= new Map());
  let ctx = byLoading.get(key);
  if (ctx === undefined) byLoading.set(key, (ctx = engineContext(base, base.engines.filter((_, i) => key[i] === '1')) ?? null));
  return ctx ?? undefined;
}

/** Whether `file` is under the folder `dir`. */
const isInside = (file: string, dir: string) => file.length > dir.length && file.charCodeAt(dir.length) === 0x2f && file.startsWith(dir);

function engineContext(base: ProjectTemplateContext, loading: TemplateEngine[]): TemplateContext | undefined {
  if (loading.length === 0) return base;
  const django = loading.filter((e) => e.django);
  if (django.length === 0) return undefined;
  const { staticBuiltin, staticLibraries } = strictest(django);
  if (staticBuiltin === base.staticBuiltin && staticLibraries.join() === base.staticLibraries.join()) return base;
  const key = `${staticBuiltin}|${staticLibraries.join()}`;
  const variants = (base.variants ??= new Map());
  let ctx = variants.get(key);
  if (!ctx) variants.set(key, (ctx = { ...base, staticBuiltin, staticLibraries, suggestions: base.suggestions }));
  return ctx;
}

/** What every one of `engines` provides: the builtin only if all have it, the aliases all share. */
function strictest(engines: TemplateEngine[], projectLibraries: string[] = []): { staticBuiltin: boolean; staticLibraries: string[] } {
  if (!engines.length) return { staticBuiltin: false, staticLibraries: ['static', ...projectLibraries] };
  const shared = engines.slice(1).reduce((acc, e) => acc.filter((l) => e.staticLibraries.includes(l)), engines[0].staticLibraries);
  return { staticBuiltin: engines.every((e) => e.staticBuiltin), staticLibraries: shared };
}

/** TEMPLATES entry by entry; undefined when it cannot be read as a list of dicts. */
function templateEngines(templates: Value, appFolders: string[], projectLibraries: string[]): TemplateEngine[] | undefined {
  if (!isSequence(templates) || templates.items.some((e) => e.kind !== 'dict')) return undefined;
  const out: TemplateEngine[] = [];
  for (const engine of templates.items) {
    const backend = dictGet(engine, 'BACKEND');
    if (backend?.kind !== 'str') return undefined;
    const django = backend.value === DJANGO_TEMPLATES;
    const jinja = backend.value.endsWith('.Jinja2') || backend.value.includes('jinja');
    const options = dictGet(engine, 'OPTIONS');
    const roots: string[] = [];
    const dirs = dictGet(engine, 'DIRS');
    const engineDirs = dirs && isSequence(dirs) ? dirs.items.map((d) => pathLike(d)).filter((p): p is string => !!p?.startsWith('/')).map((p) => posix.normalize(p)) : [];
    // A DIRS entry nobody can evaluate: this engine may read any folder.
    let loadsAnything = !!dirs && (!isSequence(dirs) || engineDirs.length !== dirs.items.length);
    const appDirs = dictGet(engine, 'APP_DIRS');
    const appSub = jinja ? 'jinja2' : 'templates';
    const loaders = options ? dictGet(options, 'loaders') : undefined;
    if (loaders && isSequence(loaders)) {
      for (const loader of flattenLoaders(loaders)) {
        if (loader.name.endsWith('.filesystem.Loader')) roots.push(...(loader.dirs ?? engineDirs));
        else if (loader.name.endsWith('.app_directories.Loader')) roots.push(...appFolders.map((f) => `${f}/${appSub}`));
        else if (!loader.name.endsWith('.locmem.Loader')) loadsAnything = true;
      }
    } else if (loaders) loadsAnything = true;
    else {
      roots.push(...engineDirs);
      if (appDirs?.kind === 'bool' && appDirs.value) roots.push(...appFolders.map((f) => `${f}/${appSub}`));
      else if (appDirs && appDirs.kind !== 'bool') loadsAnything = true;
    }
    const builtins = options ? dictGet(options, 'builtins') : undefined;
    const libraries = options ? dictGet(options, 'libraries') : undefined;
    const staticLibraries = ['static', ...projectLibraries];
    if (libraries?.kind === 'dict') for (const e of libraries.entries) if (e.key.kind === 'str' && e.value.kind === 'str' && e.value.value === STATIC_LIBRARY) staticLibraries.push(e.key.value);
    out.push({
      // A project subclass of DjangoTemplates is still Django's language; an unknown backend is not judged as one.
      django: django || (!jinja && /DjangoTemplates$/.test(backend.value)),
      roots,
      loadsAnything,
      staticBuiltin: !!builtins && isSequence(builtins) && builtins.items.some((b) => b.kind === 'str' && b.value === STATIC_LIBRARY),
      staticLibraries,
    });
  }
  return out;
}

/**
 * Tag libraries of the installed apps (`<app>/templatetags/<name>.py`) that register a tag named
 * `static` themselves (a CDN helper, a wrapper): `{% load <name> %}` provides `{% static %}`,
 * and adding `{% load static %}` after it would replace the project's tag with Django's.
 */
function staticTagLibraries(project: DjangoProject, appFolders: string[]): string[] {
  const out: string[] = [];
  for (const folder of appFolders) {
    const prefix = `${folder}/templatetags/`;
    for (const file of project.pythonFiles) {
      if (!file.startsWith(prefix) || file.slice(prefix.length).includes('/')) continue;
      const text = project.text(file);
      if (text && REGISTERS_STATIC.some((re) => re.test(text))) out.push(posix.basename(file, '.py'));
    }
  }
  return out;
}

/** `register.tag('static', …)`, `@register.simple_tag(name="static")`, `@register.tag` / `@register.simple_tag` over `def static(`. */
const REGISTERS_STATIC = [/register\.(?:tag|simple_tag)\(\s*(?:name\s*=\s*)?['"]static['"]/, /@register\.(?:tag|simple_tag)(?:\(\s*(?:takes_context\s*=\s*\w+\s*)?\))?[ \t]*\r?\n[ \t]*def static\(/];

/** OPTIONS['loaders'] flattened: `cached.Loader` wrapping others, `(loader, [dirs])` pairs. */
function flattenLoaders(loaders: Value, depth = 0): { name: string; dirs?: string[] }[] {
  if (!isSequence(loaders) || depth > 4) return [{ name: '?' }];
  const out: { name: string; dirs?: string[] }[] = [];
  for (const item of loaders.items) {
    if (item.kind === 'str') out.push({ name: item.value });
    else if (isSequence(item) && item.items[0]?.kind === 'str') {
      const [name, arg] = [item.items[0].value, item.items[1]];
      if (name.endsWith('.cached.Loader') && arg) out.push(...flattenLoaders(arg, depth + 1));
      else if (arg && isSequence(arg)) out.push({ name, dirs: arg.items.map((d) => pathLike(d)).filter((p): p is string => !!p?.startsWith('/')).map((p) => posix.normalize(p)) });
      else out.push({ name });
    } else out.push({ name: '?' });
  }
  return out;
}

/** The package folder of an INSTALLED_APPS entry, when it is in the workspace. */
function appFolder(project: DjangoProject, entry: string): string | undefined {
  const asPackage = project.resolveModuleFile(entry);
  if (asPackage?.endsWith('/__init__.py')) return posix.dirname(asPackage);
  // `blog.apps.BlogConfig`: the module `blog.apps` lives in the app's folder.
  const parts = entry.split('.');
  if (parts.length > 1) {
    const module = project.resolveModuleFile(parts.slice(0, -1).join('.'));
    if (module) return posix.dirname(module);
  }
  return undefined;
}
