// Generated settings modules for the benchmark, shaped like large real ones: helper functions at
// the top, then sections of plain settings, dicts built up over several statements, environment
// reads through os.environ and the helpers, if/elif/else blocks on DEBUG and on variables,
// MIDDLEWARE and INSTALLED_APPS changed inside branches, and comprehensions.
//
//   realisticSettings(lines)  ~1 setting per 6 lines, 1 if/elif/else block per 25 lines
//   branchySettings(lines)    nested if/elif/else blocks, most of them changing the same names

const HEADER = `"""
Settings for the shop project (generated for the benchmark).
"""
import os
from pathlib import Path


def env_bool(name, default=False):
    return os.getenv(name, str(default)).lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.getenv(name)
    if value is None:
        return default
    return int(value)


BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "shop.example.com")
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "shop.catalog",
    "shop.orders",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "shop.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": env_int("DB_PORT", 5432),
    }
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
`;

/** One section of the realistic module: about 25 lines, 4 settings, one if/elif/else block. */
function section(i) {
  const name = `SERVICE_${i}`;
  const lines = [
    '',
    `# Integration ${i}`,
    `${name}_URL = os.environ.get("${name}_URL", "https://service-${i}.internal.example.com/api/")`,
    `${name}_TIMEOUT = env_int("${name}_TIMEOUT", ${5 + (i % 30)})`,
    `${name}_ENABLED = env_bool("${name}_ENABLED", ${i % 2 === 0 ? 'True' : 'False'})`,
    `${name}_REGIONS = [r.upper() for r in env_list("${name}_REGIONS", "eu,us")]`,
    `${name} = {`,
    `    "url": ${name}_URL,`,
    `    "timeout": ${name}_TIMEOUT * ${1 + (i % 3)},`,
    `    "retries": [1, 2, 4, 8],`,
    `    "headers": {"X-Client": "shop", "X-Region": "eu-west-${i % 3}"},`,
    '}',
  ];
  switch (i % 4) {
    case 0:
      lines.push(`if ${name}_ENABLED:`, `    INSTALLED_APPS += ["integrations.service_${i}"]`, `    ${name}["retries"] = [1, 2]`, 'elif DEBUG:', `    ${name}["timeout"] = 1`, 'else:', `    ${name}["headers"]["X-Disabled"] = "1"`);
      break;
    case 1:
      lines.push(`if os.environ.get("${name}_GZIP"):`, '    MIDDLEWARE.append("django.middleware.gzip.GZipMiddleware")', `elif "${name}_TRACE" in os.environ:`, `    MIDDLEWARE.insert(1, "integrations.middleware.Trace${i}")`, 'else:', `    ${name}_TRACE = None`);
      break;
    case 2:
      lines.push('if DEBUG:', `    ${name}_URL = "http://localhost:${8000 + i}/"`, `    ${name}["url"] = ${name}_URL`, 'else:', `    ${name}["verify"] = True`);
      break;
    default:
      lines.push(`${name}_CACHE = "default" if ${name}_ENABLED else "dummy"`, `if ${name}_CACHE == "default":`, `    CACHES["${name.toLowerCase()}"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": ${60 * (1 + (i % 5))}}`, 'else:', `    CACHES.setdefault("dummy", {"BACKEND": "django.core.cache.backends.dummy.DummyCache"})`);
  }
  lines.push(`LOG_LEVEL_${i} = "DEBUG" if DEBUG else os.environ.get("LOG_LEVEL_${i}", "INFO")`);
  return lines;
}

/** The realistic module, `lines` long: ≥ 800 settings and ≥ 200 if/elif/else blocks at 5,000 lines. */
export function realisticSettings(lines) {
  const out = HEADER.split('\n');
  for (let i = 0; out.length < lines - 30; i++) out.push(...section(i));
  out.push('', 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"', '');
  while (out.length < lines) out.push('');
  return out.slice(0, lines).join('\n') + '\n';
}

/** Nested branches changing the same few names over and over. */
export function branchySettings(lines) {
  const out = HEADER.split('\n');
  for (let i = 0; out.length < lines - 30; i++) {
    out.push(
      '',
      `if env_bool("FLAG_${i}"):`,
      `    if os.environ.get("MODE_${i}") == "a":`,
      '        MIDDLEWARE.append("x.A")',
      `        FEATURES = {"a": ${i}}`,
      '    elif DEBUG:',
      '        MIDDLEWARE.insert(0, "x.Debug")',
      '    else:',
      `        INSTALLED_APPS.append("app_${i % 50}")`,
      `elif "CI" in os.environ:`,
      `    SECURE_HSTS_SECONDS = ${i}`,
      'else:',
      `    LEVEL = ${i}`,
    );
  }
  out.push('');
  while (out.length < lines) out.push('');
  return out.slice(0, lines).join('\n') + '\n';
}

/** Counts that show the shape: settings assigned, if-blocks. */
export function shape(text) {
  const settings = new Set();
  for (const m of text.matchAll(/^[ \t]*([A-Z][A-Z0-9_]*)[ \t]*=/gm)) settings.add(m[1]);
  const ifs = (text.match(/^[ \t]*if /gm) ?? []).length;
  return { settings: settings.size, ifs };
}
