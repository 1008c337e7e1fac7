// Where a Django project's modules are and what they are called, from file paths alone.

import * as posix from 'node:path/posix';

/** Names of settings modules that are deployed. */
const PRODUCTION_NAMES = /^(production|prod|live|deploy|deployment|staging|stage|heroku|render|fly|server|release)(_settings)?$/;
/** Names of settings modules that never reach production. */
const DEVELOPMENT_NAMES = /^(dev|develop|development|local|locals|test|tests|testing|ci|debug|sandbox|docker_dev|local_settings|settings_local|settings_dev|dev_settings|test_settings|settings_test)$/;

export function moduleBaseName(file: string): string {
  const base = posix.basename(file, '.py');
  return base === '__init__' ? posix.basename(posix.dirname(file)) : base;
}

export function isProductionName(file: string): boolean {
  const base = moduleBaseName(file).toLowerCase();
  return PRODUCTION_NAMES.test(base) || /^settings_(production|prod|live|deploy)$/.test(base);
}

export function isDevelopmentName(file: string): boolean {
  return DEVELOPMENT_NAMES.test(moduleBaseName(file).toLowerCase());
}

/**
 * Whether a path looks like a settings module by name: `settings.py`, anything in a `settings`
 * package, or `*settings*.py`. Content decides the rest (see roles.ts).
 */
export function looksLikeSettingsPath(file: string): boolean {
  const base = posix.basename(file);
  if (!base.endsWith('.py')) return false;
  if (/settings/i.test(base)) return true;
  const dir = posix.basename(posix.dirname(file));
  return /^(settings|config|conf)$/i.test(dir) && base !== 'urls.py' && base !== 'wsgi.py' && base !== 'asgi.py';
}

/**
 * How a walk treats a folder, by its name: the one skip policy of both shells (host/walk.ts) and
 * of the engine's own filters (isIgnoredPath).
 * - `walk`: listed and entered.
 * - `list`: build output (`dist/`, `build/`, collected `staticfiles/`): its sub-folders are listed
 *   a few levels deep, because a STATICFILES_DIRS entry may be `frontend/build/static`; its files
 *   are not. Static folders the settings name there are listed whole later (host/staticTrees.ts).
 * - `skip`: version control, caches, virtualenvs and installed dependencies: known to exist,
 *   never entered. A folder holding `pyvenv.cfg` is a virtualenv whatever its name (the walk
 *   checks that itself).
 */
export type FolderTreatment = 'walk' | 'list' | 'skip';

const SKIPPED_FOLDERS = new Set([
  '.git', '.hg', '.svn', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.tox', '.nox', '.idea', '.vscode-test',
  'node_modules', 'bower_components', '.venv', 'venv', 'env', '.env', 'site-packages',
]);
const LISTED_FOLDERS = new Set(['dist', 'build', 'staticfiles', 'out']);

export function folderTreatment(name: string): FolderTreatment {
  return SKIPPED_FOLDERS.has(name) ? 'skip' : LISTED_FOLDERS.has(name) ? 'list' : 'walk';
}

/** Whether a path (relative to a project root, or absolute) goes through a folder the walks do not enter whole. */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').some((part) => folderTreatment(part) !== 'walk' || /^python\d/.test(part) && path.includes('/lib/'));
}

/** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")` and its variants. */
export function settingsModuleFromEntryPoint(text: string): string | undefined {
  const m = /DJANGO_SETTINGS_MODULE["']\s*(?:,|\]\s*=)\s*["']([\w.]+)["']/.exec(text);
  return m ? m[1] : undefined;
}
