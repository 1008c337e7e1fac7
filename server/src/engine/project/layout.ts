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

/** Directories that never hold project code. */
export const IGNORED_DIRECTORIES = new Set([
  'node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'env', '.env', '.tox', '.nox', 'site-packages',
  'dist', 'build', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'staticfiles', '.idea', '.vscode-test', 'out',
]);

export function isIgnoredPath(path: string): boolean {
  return path.split('/').some((part) => IGNORED_DIRECTORIES.has(part) || /^python\d/.test(part) && path.includes('/lib/'));
}

/** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")` and its variants. */
export function settingsModuleFromEntryPoint(text: string): string | undefined {
  const m = /DJANGO_SETTINGS_MODULE["']\s*(?:,|\]\s*=)\s*["']([\w.]+)["']/.exec(text);
  return m ? m[1] : undefined;
}
