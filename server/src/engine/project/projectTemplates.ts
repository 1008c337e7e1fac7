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
import { isSequence, pathLike } from '../python/values';
import { dictGet } from '../python/evaluate';
import { atLeast } from './djangoVersion';
import { silencedChecks, templatePolicy } from './findingPolicy';
import { isIgnoredPath } from './layout';
import type { DjangoProject } from './project';

const TEMPLATE_EXTENSION = /\.(html?|txt|xml|djhtml|svg)$/i;

export function isTemplate(project: DjangoProject, file: string): boolean {
  if (project.markedTemplates.has(file)) return true;
  if (!TEMPLATE_EXTENSION.test(file) || isIgnoredPath(file.slice(project.root.length))) return false;
  if (file.includes('/templates/')) return true;
  const ctx = project.templateContext();
  if (ctx.templateDirs.some((d) => file.startsWith(d + '/'))) return true;
  return project.getConfig().templateGlobs.some((glob) => globMatch(glob, project.relative(file)));
}

export function templateFiles(project: DjangoProject): string[] {
  const out = new Set<string>();
  for (const f of project.otherFiles) if (project.isTemplate(f)) out.add(f);
  for (const f of project.markedTemplates) out.add(f);
  return [...out].sort();
}

export function templateFindings(project: DjangoProject, file: string): Finding[] {
  const text = project.text(file);
  if (text === undefined) return [];
  const cached = project.templateCache.get(file);
  if (cached && cached.text === text) return cached.findings;
  const { findings, analysis } = analyseTemplateText(project, file, text, cached?.analysis);
  // Only a template read in several chunks has parts worth keeping for the next edit.
  project.templateCache.set(file, { text, findings, analysis: analysis && analysis.chunks.length > 1 ? analysis : undefined });
  return findings;
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
  const ctx = project.templateContext();
  try {
    const analysis = analyseTemplate(file, text, ctx, previous);
    return { findings: templatePolicy(analysis.findings, project.getConfig().rules, ctx.silenced), analysis };
  } catch (error) {
    console.error(`django-deploy: template analysis of ${file} failed: ${(error as Error).stack ?? error}`);
    return { findings: [] };
  }
}

export function templateContext(project: DjangoProject): TemplateContext & { templateDirs: string[]; silenced: Set<string> } {
  if (project.templateContextCache) return project.templateContextCache as TemplateContext & { templateDirs: string[]; silenced: Set<string> };
  const { module: root, view } = project.productionView();
  const installedApps = view.get('INSTALLED_APPS').value;
  const finders = staticFinders(view.get('STATICFILES_DIRS').value, installedApps, (entry) => appFolder(project, entry));
  const staticFiles = [...project.otherFiles].filter((f) => finders.sources.some((s) => f.startsWith(s.root + '/')));
  const templates = view.get('TEMPLATES').value;
  const engines = isSequence(templates) ? templates.items : [];
  let staticBuiltin = false;
  const staticLibraries = ['static'];
  const templateDirs: string[] = [];
  for (const engine of engines) {
    if (engine.kind !== 'dict') continue;
    const options = dictGet(engine, 'OPTIONS');
    const builtins = options ? dictGet(options, 'builtins') : undefined;
    if (builtins && isSequence(builtins) && builtins.items.some((b) => b.kind === 'str' && b.value === 'django.templatetags.static')) staticBuiltin = true;
    const libraries = options ? dictGet(options, 'libraries') : undefined;
    if (libraries?.kind === 'dict') for (const e of libraries.entries) if (e.key.kind === 'str' && e.value.kind === 'str' && e.value.value === 'django.templatetags.static') staticLibraries.push(e.key.value);
    const dirs = dictGet(engine, 'DIRS');
    if (dirs && isSequence(dirs)) for (const d of dirs.items) { const p = pathLike(d); if (p?.startsWith('/')) templateDirs.push(posix.normalize(p)); }
  }
  const staticUrl = view.get('STATIC_URL').value;
  const mediaUrl = view.get('MEDIA_URL').value;
  const ctx = {
    staticUrl: staticUrl.kind === 'str' && staticUrl.value ? servedUrl(staticUrl) : undefined,
    mediaUrl: mediaUrl.kind === 'str' && mediaUrl.value ? servedUrl(mediaUrl) : undefined,
    finders,
    index: staticIndex(finders, staticFiles),
    staticBuiltin,
    staticLibraries,
    removedLoadNames: atLeast(view.version, 3, 0),
    settingsModule: root?.moduleName ?? '',
    templateDirs,
    silenced: silencedChecks(view.scope),
  };
  project.templateContextCache = ctx;
  return ctx;
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
