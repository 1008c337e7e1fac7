// Whether (a part of) a folder is a Django project, on evidence only. A FastAPI `config/constants.py`
// full of upper-case names, a Flask `settings.py` with DEBUG and SECRET_KEY, a Jinja2 template in
// `templates/`: none of them is Django's business, and the extension stays silent there.
//
// A workspace folder may hold several Python projects (a monorepo: `backend/` with manage.py next
// to `api/` with its own requirements). Each folder holding manage.py or a dependency file is a
// sub-project; a file belongs to the nearest one above it (the folder's root when there is none).
// A sub-project is Django's when it shows one of:
// - a manage.py that mentions Django;
// - Django in its dependency files (requirements, pyproject, setup.cfg/setup.py, Pipfile, locks),
//   or the "Framework :: Django" classifier;
// - DJANGO_SETTINGS_MODULE in an entry point (wsgi.py, asgi.py, conftest.py) or a configuration
//   file (pytest.ini, tox.ini, setup.cfg, pyproject.toml, .env, Dockerfile, compose, Procfile…);
// - a module that is unmistakably Django settings (see `djangoSettingsMarker`);
// and the whole folder is, when the user named production settings or DJANGO_SETTINGS_MODULE in
// the extension's configuration, or a settings file on the command line.

import * as posix from 'node:path/posix';
import { isIgnoredPath } from './layout';
import { requirementsIn } from './requirements';
import type { DjangoProject } from './project';

export interface Evidence {
  /** The sub-project root it makes a Django project. */
  root: string;
  /** The file that shows it (the folder's root for the configuration). */
  file: string;
  why: string;
}

/** Configuration files read for DJANGO_SETTINGS_MODULE at most (the shallowest first). */
const MAX_CONFIGURATION_FILES = 300;

const ENTRY_POINTS = new Set(['wsgi.py', 'asgi.py', 'conftest.py']);

/** Files that set environment variables or test settings for a project, by name. */
export function isConfigurationFile(base: string): boolean {
  const b = base.toLowerCase();
  return (
    b === 'pytest.ini' || b === 'tox.ini' || b === 'setup.cfg' || b === 'pyproject.toml' || b === 'procfile' || b === '.envrc' || b === 'makefile' ||
    b === '.env' || b.startsWith('.env.') || b.endsWith('.env') ||
    b === 'dockerfile' || b.startsWith('dockerfile.') || b.endsWith('.dockerfile') || b === 'containerfile' ||
    ((b.startsWith('docker-compose') || b.startsWith('compose')) && (b.endsWith('.yml') || b.endsWith('.yaml'))) ||
    b.endsWith('.service') || b === 'app.yaml' || b === 'render.yaml' || b === 'fly.toml'
  );
}

/** Folders holding manage.py or a dependency file (a `requirements/` folder counts for its parent), deepest first. */
export function subProjectRoots(project: DjangoProject): string[] {
  const roots = new Set<string>([project.root]);
  const { python, dependencies } = project.knownFiles();
  for (const f of python) if (posix.basename(f) === 'manage.py' && !isIgnoredPath(f.slice(project.root.length))) roots.add(posix.dirname(f));
  for (const f of dependencies) if (!isIgnoredPath(f.slice(project.root.length))) roots.add(dependencyOwner(f));
  return [...roots].sort((a, b) => b.length - a.length);
}

/** The folder a dependency file describes: its own, or the parent of a `requirements/` folder. */
function dependencyOwner(file: string): string {
  const dir = posix.dirname(file);
  return /^(requirements|reqs|requirements\.d)$/i.test(posix.basename(dir)) ? posix.dirname(dir) : dir;
}

/** The sub-project a file belongs to: the nearest sub-project root above it. */
export function subProjectOf(roots: ReadonlySet<string>, projectRoot: string, file: string): string {
  for (let dir = posix.dirname(file); dir.length > projectRoot.length; dir = posix.dirname(dir)) {
    if (roots.has(dir)) return dir;
  }
  return projectRoot;
}

/**
 * Evidence read from files by their names: manage.py, dependency files, entry points and
 * configuration files naming DJANGO_SETTINGS_MODULE. Reads a bounded number of small files.
 */
export function structuralEvidence(project: DjangoProject, roots: ReadonlySet<string>): Evidence[] {
  const out: Evidence[] = [];
  const config = project.getConfig();
  if (config.productionSettings.length) out.push({ root: project.root, file: project.root, why: 'djangoDeploy.productionSettings names settings modules' });
  if (config.environment.DJANGO_SETTINGS_MODULE) out.push({ root: project.root, file: project.root, why: 'DJANGO_SETTINGS_MODULE is set in the configuration' });
  // The folder decides (a file named `.env` is not a virtualenv folder).
  const inProject = (f: string) => !isIgnoredPath(posix.dirname(f).slice(project.root.length));
  const owner = (f: string) => subProjectOf(roots, project.root, f);
  const { python, dependencies, other } = project.knownFiles();

  for (const f of python) {
    if (posix.basename(f) !== 'manage.py' || !inProject(f)) continue;
    if (project.derive(f, 'runsDjango', (text) => /django/i.test(text))) out.push({ root: posix.dirname(f), file: f, why: 'manage.py runs Django' });
  }
  for (const f of dependencies) {
    if (!inProject(f)) continue;
    const names = project.derive(f, 'requirements', (text) => requirementsIn(f, text));
    const classifier = /setup\.(py|cfg)$|pyproject\.toml$/.test(f) && project.derive(f, 'djangoClassifier', (text) => text.includes('Framework :: Django'));
    if (names?.some((r) => r.name === 'django') || classifier) out.push({ root: dependencyOwner(f), file: f, why: `${posix.basename(f)} requires Django` });
  }
  const configuration = [...python.filter((f) => ENTRY_POINTS.has(posix.basename(f))), ...other.filter((f) => isConfigurationFile(posix.basename(f))), ...dependencies.filter((f) => /(setup\.cfg|pyproject\.toml)$/.test(f))]
    .filter(inProject)
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
    .slice(0, MAX_CONFIGURATION_FILES);
  for (const f of configuration) {
    if (project.derive(f, 'namesSettingsModule', (text) => text.includes('DJANGO_SETTINGS_MODULE'))) out.push({ root: owner(f), file: f, why: `${posix.basename(f)} sets DJANGO_SETTINGS_MODULE` });
  }
  return out;
}

/**
 * Why a module is unmistakably Django settings, or undefined: it assigns a setting only Django has
 * (INSTALLED_APPS, ROOT_URLCONF, MIDDLEWARE, WSGI_APPLICATION…) or names Django's own modules
 * (`django.contrib.…`, `django.db.backends.…`, `from django…`). DEBUG and SECRET_KEY alone are
 * Flask's too.
 */
export function djangoSettingsMarker(text: string): string | undefined {
  const setting = /^[ \t]*(INSTALLED_APPS|ROOT_URLCONF|MIDDLEWARE|MIDDLEWARE_CLASSES|WSGI_APPLICATION|ASGI_APPLICATION|AUTH_PASSWORD_VALIDATORS|DEFAULT_AUTO_FIELD|STATICFILES_DIRS|STATICFILES_STORAGE)[ \t]*(=|\+=|:)/m.exec(text);
  if (setting) return `it sets ${setting[1]}`;
  const module = /["'](django\.(contrib|middleware|db\.backends|template\.backends|core\.cache\.backends|core\.mail\.backends)\.)/.exec(text);
  if (module) return `it names ${module[1]}…`;
  if (/^[ \t]*(from[ \t]+django[. \t]|import[ \t]+django\b)/m.test(text)) return 'it imports django';
  if (/^[ \t]*(from[ \t]+(environ|split_settings|configurations)[. \t]|import[ \t]+environ\b)/m.test(text)) return 'it uses a Django settings library';
  return undefined;
}

/** The parts of a project that are Django's: sub-project roots with evidence. */
export class DjangoScope {
  private readonly djangoRoots = new Map<string, Evidence>();

  constructor(
    private readonly projectRoot: string,
    private readonly roots: ReadonlySet<string>,
    evidence: Evidence[],
  ) {
    for (const e of evidence) this.add(e);
  }

  add(e: Evidence): void {
    if (!this.djangoRoots.has(e.root)) this.djangoRoots.set(e.root, e);
  }

  /** Whether any part of the folder is a Django project. */
  get isDjango(): boolean {
    return this.djangoRoots.size > 0;
  }

  /** Whether a file belongs to a Django (sub-)project. */
  contains(file: string): boolean {
    if (this.djangoRoots.has(this.projectRoot) && this.roots.size === 1) return true;
    return this.djangoRoots.has(subProjectOf(this.roots, this.projectRoot, file));
  }

  /** The sub-project a file belongs to. */
  subProjectOf(file: string): string {
    return subProjectOf(this.roots, this.projectRoot, file);
  }

  /** What makes the folder a Django project, one line per sub-project. */
  evidence(): Evidence[] {
    return [...this.djangoRoots.values()];
  }
}

/** The scope from the file names and configuration alone (settings markers are added by the analysis). */
export function structuralScope(project: DjangoProject): DjangoScope {
  // Kept until the set of files, a dependency file, manage.py or a configuration file changes.
  const { roots, evidence } = (project.structure.evidence ??= (() => {
    const found = new Set(subProjectRoots(project));
    return { roots: found, evidence: structuralEvidence(project, found) };
  })());
  return new DjangoScope(project.root, roots, evidence);
}

