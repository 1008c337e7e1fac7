// Which modules of a DjangoProject are settings modules and the role of each: the candidates worth
// executing, DJANGO_SETTINGS_MODULE in the entry points, django-configurations classes, and the
// production / development / base roles. Functions of the project (its internal file sets).

import * as posix from 'node:path/posix';
import { Scope, type ExecutedModule, type SettingBinding } from '../python/execute';
import type { Value, ClassValue } from '../python/values';
import { isDevelopmentName, isIgnoredPath, isProductionName, looksLikeSettingsPath, settingsModuleFromEntryPoint } from './layout';
import type { DjangoProject, SettingsModuleInfo, SettingsRole } from './project';
import { djangoSettingsMarker, structuralScope, type DjangoScope } from './evidence';

/** Content that makes a handed-in file a settings module candidate, whatever its name. */
function looksLikeSettingsText(text: string): boolean {
  // `[ \t]*`, never `\s*`, after `^`: a run of blank lines must not be rescanned from every line start.
  return /^[ \t]*(INSTALLED_APPS|MIDDLEWARE|SECRET_KEY|ALLOWED_HOSTS|ROOT_URLCONF|DEBUG)[ \t]*[=:+]/m.test(text) || (/^from[ \t]+[\w.]+[ \t]+import[ \t]+\*/m.test(text) && text.slice(0, 2000).includes('settings'));
}

/** `looksLikeSettingsText` of a handed-in file, memoised on its state. */
export function settingsLike(state: { text: string; settingsLike?: boolean }): boolean {
  return (state.settingsLike ??= looksLikeSettingsText(state.text));
}

/**
 * The settings modules among the candidates (run by `execute`), the roots Django loads and the
 * role of each. A configuration class's scope replaces its module's in `executed`; `closure` gives
 * the files each run read.
 */
export function findSettingsModules(project: DjangoProject, execute: (file: string) => ExecutedModule | undefined, executed: Map<string, ExecutedModule>, closure: Map<string, Set<string>>): { modules: Map<string, ExecutedModule>; roots: string[]; infos: SettingsModuleInfo[]; scope: DjangoScope } {
  const all = settingsCandidates(project);
  const scope = djangoScope(project, all);
  const candidates = all.filter((f) => scope.contains(f));
  const modules = new Map<string, ExecutedModule>();
  for (const file of candidates) {
    let m = execute(file);
    // django-configurations: the settings are the attributes of the configuration class in use.
    const configuration = m && configurationClass(project, m);
    if (m && configuration) {
      m = { ...m, scope: configurationScope(m.scope, configuration) };
      executed.set(file, m);
    }
    if (m && (definesSettings(m.scope, file) || (looksLikeSettingsPath(file) && definesUppercase(m.scope)))) modules.set(file, m);
  }
  // A module imported by a settings module through `from .x import *` is a settings module too.
  const importedBy = new Map<string, string[]>();
  for (const [file, m] of modules) {
    for (const imp of m.imports) {
      if (!imp.resolvedFile || !modules.has(imp.resolvedFile) && !(imp.star && executed.has(imp.resolvedFile))) continue;
      if (!modules.has(imp.resolvedFile)) modules.set(imp.resolvedFile, executed.get(imp.resolvedFile)!);
      const list = importedBy.get(imp.resolvedFile) ?? [];
      list.push(file);
      importedBy.set(imp.resolvedFile, list);
    }
  }

  const entryPoints = entryPointSettings(project);
  const configured = new Set(project.getConfig().productionSettings.map((s) => resolveConfigured(project, s)).filter((s): s is string => !!s));
  const roots = [...modules.keys()].filter((f) => !importedBy.has(f) || entryPoints.has(f) || configured.has(f));
  const infos: SettingsModuleInfo[] = [];
  const roleOf = assignRoles(project, roots, entryPoints, configured);
  for (const file of modules.keys()) {
    const usedBy = roots.filter((r) => closure.get(r)?.has(file));
    const role = roleOf.get(file);
    infos.push({
      file,
      moduleName: project.moduleName(file).name,
      role: role?.role ?? 'base',
      reason: role?.reason ?? `imported by ${usedBy.map((r) => posix.basename(r)).join(', ') || 'no settings module'}`,
      usedBy,
    });
  }
  return { modules, roots, infos, scope };
}

/**
 * The parts of the project that are Django's (evidence.ts): the evidence found by file names,
 * plus settings candidates that are unmistakably Django settings. Candidates elsewhere (a FastAPI
 * `config/constants.py`, a Flask `settings.py`) are never executed as settings.
 */
function djangoScope(project: DjangoProject, candidates: string[]): DjangoScope {
  const scope = structuralScope(project);
  for (const f of candidates) {
    if (scope.contains(f)) continue;
    // Remembered per text: a folder that is not Django's is not read again on every analysis.
    const marker = project.derive(f, 'djangoSettingsMarker', djangoSettingsMarker);
    if (marker) scope.add({ root: scope.subProjectOf(f), file: f, why: `${posix.basename(f)} is Django settings: ${marker}` });
  }
  return scope;
}

/** Python files worth executing to find settings modules. */
function settingsCandidates(project: DjangoProject): string[] {
  const out = new Set<string>((project.structure.pathCandidates ??= [...project.pythonFiles].filter((f) => !isIgnoredPath(f.slice(project.root.length)) && looksLikeSettingsPath(f))));
  for (const f of entryPointSettings(project).keys()) out.add(f);
  for (const s of project.getConfig().productionSettings) {
    const f = resolveConfigured(project, s);
    if (f) out.add(f);
  }
  // Files handed in explicitly (open in the editor, named on the command line) that define settings.
  for (const [f, state] of project.files) {
    if (f.endsWith('.py') && !out.has(f) && settingsLike(state)) out.add(f);
  }
  return [...out].sort();
}

/** The file of a `djangoDeploy.productionSettings` entry (a dotted name or a path). */
function resolveConfigured(project: DjangoProject, s: string): string | undefined {
  if (s.endsWith('.py') || s.includes('/')) {
    const abs = s.startsWith('/') ? s : posix.join(project.root, s);
    return project.pythonFiles.has(abs) || project.files.has(abs) ? abs : undefined;
  }
  return project.resolveModuleFile(s);
}

/** Settings modules named by DJANGO_SETTINGS_MODULE in wsgi.py, asgi.py and manage.py. */
function entryPointSettings(project: DjangoProject): Map<string, string> {
  return (project.structure.entryPoints ??= computeEntryPoints(project));
}

function computeEntryPoints(project: DjangoProject): Map<string, string> {
  const out = new Map<string, string>();
  const order = ['wsgi.py', 'asgi.py', 'manage.py'];
  const entries = [...project.pythonFiles].filter((f) => order.includes(posix.basename(f)) && !isIgnoredPath(f.slice(project.root.length)));
  entries.sort((a, b) => order.indexOf(posix.basename(a)) - order.indexOf(posix.basename(b)));
  for (const f of entries) {
    const text = project.text(f);
    if (!text) continue;
    const dotted = settingsModuleFromEntryPoint(text);
    const target = dotted ? project.resolveModuleFile(dotted) : undefined;
    if (target && !out.has(target)) out.set(target, posix.basename(f));
  }
  return out;
}

function assignRoles(project: DjangoProject, roots: string[], entryPoints: Map<string, string>, configured: Set<string>): Map<string, { role: SettingsRole; reason: string }> {
  const roles = new Map<string, { role: SettingsRole; reason: string }>();
  if (configured.size) {
    for (const r of roots) roles.set(r, configured.has(r) ? { role: 'production', reason: 'named in djangoDeploy.productionSettings' } : { role: 'development', reason: 'not named in djangoDeploy.productionSettings' });
    return roles;
  }
  const named = roots.filter((r) => isProductionName(r));
  if (named.length) {
    for (const r of roots) roles.set(r, named.includes(r) ? { role: 'production', reason: 'named like a production module' } : { role: 'development', reason: `${posix.basename(named[0])} is the production module` });
    return roles;
  }
  const deployed = roots.filter((r) => {
    const via = entryPoints.get(r);
    return via === 'wsgi.py' || via === 'asgi.py';
  });
  const nonDev = roots.filter((r) => !isDevelopmentName(r));
  if (deployed.length && roots.length > 1) {
    for (const r of roots) roles.set(r, deployed.includes(r) && !isDevelopmentName(r) ? { role: 'production', reason: `DJANGO_SETTINGS_MODULE in ${entryPoints.get(r)}` } : { role: 'development', reason: `${entryPoints.get(deployed[0])} names ${project.moduleName(deployed[0]).name}` });
    if ([...roles.values()].some((r) => r.role === 'production')) return roles;
  }
  for (const r of roots) {
    if (isDevelopmentName(r) && nonDev.length > 0) roles.set(r, { role: 'development', reason: 'named like a development module' });
    else roles.set(r, { role: 'production', reason: roots.length === 1 ? 'the only settings module' : entryPoints.has(r) ? `DJANGO_SETTINGS_MODULE in ${entryPoints.get(r)}` : 'no production module identified' });
  }
  return roles;
}

/**
 * The django-configurations class a module's settings come from: DJANGO_CONFIGURATION from the
 * analysis environment or wsgi.py/asgi.py, else a class named like production.
 */
function configurationClass(project: DjangoProject, m: ExecutedModule): ClassValue | undefined {
  const configurations = [...m.classes.values()].filter((c) => isConfiguration(c));
  if (!configurations.length) return undefined;
  const wanted = project.getConfig().environment.DJANGO_CONFIGURATION ?? entryPointConfiguration(project);
  if (wanted) return configurations.find((c) => c.name === wanted);
  return configurations.find((c) => /^(prod|production|live)$/i.test(c.name));
}

/** `os.environ.setdefault("DJANGO_CONFIGURATION", "Prod")` in wsgi.py or asgi.py. */
function entryPointConfiguration(project: DjangoProject): string | undefined {
  for (const f of project.pythonFiles) {
    const base = posix.basename(f);
    if ((base !== 'wsgi.py' && base !== 'asgi.py') || isIgnoredPath(f.slice(project.root.length))) continue;
    const m = /DJANGO_CONFIGURATION["']\s*,\s*["'](\w+)["']/.exec(project.peekText(f) ?? '');
    if (m) return m[1];
  }
  return undefined;
}

const CORE_SETTINGS = ['INSTALLED_APPS', 'MIDDLEWARE', 'ROOT_URLCONF', 'SECRET_KEY', 'ALLOWED_HOSTS', 'DATABASES', 'TEMPLATES', 'STATIC_URL', 'DEBUG', 'WSGI_APPLICATION'];

function definesSettings(scope: Scope, file: string): boolean {
  let count = 0;
  for (const name of CORE_SETTINGS) {
    const b = scope.get(name);
    if (b && (b.origin.file === file || b.importedVia)) count++;
  }
  return count >= 2;
}

/** Whether a class derives from django-configurations' Configuration. */
function isConfiguration(c: Value, depth = 0): boolean {
  if (depth > 16) return false;
  if (c.kind === 'callable') return c.name === 'configurations.Configuration';
  return c.kind === 'class' && c.bases.some((b) => isConfiguration(b, depth + 1));
}

/** A module's names with a configuration class's attributes over them (its own over its bases', left to right). */
function configurationScope(moduleScope: Scope, cls: ClassValue): Scope {
  const order: ClassValue[] = [];
  const visit = (c: Value, depth: number) => {
    if (c.kind !== 'class' || depth > 16) return;
    const seen = order.indexOf(c);
    if (seen >= 0) order.splice(seen, 1);
    order.push(c);
    for (const b of c.bases) visit(b, depth + 1);
  };
  visit(cls, 0);
  const layer = new Scope(moduleScope);
  for (const c of order.reverse()) for (const [name, b] of c.attributes) layer.set(name, b as SettingBinding);
  return layer;
}

function definesUppercase(scope: Scope): boolean {
  for (const name of scope.keys()) if (/^[A-Z][A-Z0-9_]*$/.test(name)) return true;
  return false;
}
