// Django's deployment checks (django/core/checks/security/*.py, registered with deploy=True),
// with the exact preconditions of the version the project pins.

import { type Value, isTrue, truthy, isSequence, pyRepr, isDecided } from '../python/values';
import { atLeast } from '../project/djangoVersion';
import type { RuleContext, SettingsRule } from './rule';
import { checksUrl, settingUrl, DOCS } from './rule';
import { SECURITY_MIDDLEWARE, XFRAME_MIDDLEWARE, CSRF_MIDDLEWARE, SESSION_MIDDLEWARE, SESSIONS_APP, unsetNote } from './settingsView';
import type { Fix } from '../findings';

const SECURITY = checksUrl('security');

function hasMiddleware(ctx: RuleContext, path: string): boolean | undefined {
  return ctx.s.contains('MIDDLEWARE', path);
}


/** Reports a boolean security setting that must be True, with the fix that sets it. */
/**
 * `name` must be True. The finding sits on the value at fault; when it is not set, on `closeTo`
 * (the setting that makes it needed: HSTS options next to SECURE_HSTS_SECONDS), else on the
 * middleware that enables the check.
 */
function requireTrue(ctx: RuleContext, name: string, message: string, enabling: string, fixTitle?: string, fixSafe = false, closeTo?: string) {
  const { value, binding, whenUnset } = ctx.s.get(name);
  if (isTrue(value) !== false) return;
  const fixes: Fix[] = [];
  if (fixTitle) {
    const fix = binding ? ctx.fixes.replaceValue(fixTitle, binding, 'True', fixSafe) : ctx.fixes.addStatements(fixTitle, [`${name} = True`], fixSafe);
    if (fix) fixes.push(fix);
    const block = securityBlock(ctx);
    if (block) fixes.push(block);
  }
  ctx.report({ message: message + unsetNote(whenUnset), binding, near: [...(closeTo ? [closeTo] : []), { setting: 'MIDDLEWARE', item: enabling }], whenUnset, fixes });
}

/** The SECRET_KEY fix's title: the variable Django now needs to start, everywhere. */
export const SECRET_KEY_FIX = 'Read SECRET_KEY from DJANGO_SECRET_KEY (required: set it in production and where you develop, or Django will not start)';

/** The header line of the production security block: a second offer never repeats it. */
const SECURITY_BLOCK_HEADER = '# Production security (django-deploy). HTTPS must work before these go live.';

/**
 * The production security block: cookies, SSL redirect and HSTS, each only if not set; HSTS
 * preload is left to the user (a comment: preloading is a commitment to a list browsers ship).
 * Undefined when nothing is missing.
 */
export function securityBlock(ctx: RuleContext): Fix | undefined {
  const lines: string[] = [];
  const need = (name: string) => !ctx.s.isSet(name) || isTrue(ctx.s.get(name).value) === false;
  if (need('SECURE_SSL_REDIRECT')) lines.push('SECURE_SSL_REDIRECT = True');
  if (need('SESSION_COOKIE_SECURE')) lines.push('SESSION_COOKIE_SECURE = True');
  if (need('CSRF_COOKIE_SECURE')) lines.push('CSRF_COOKIE_SECURE = True');
  if (!truthy(ctx.s.get('SECURE_HSTS_SECONDS').value)) {
    lines.push(
      '# HSTS: browsers will refuse plain HTTP for this long. Start small (1 hour), and raise it to',
      '# 31536000 (one year) only once every page and subdomain works over HTTPS.',
      'SECURE_HSTS_SECONDS = 3600',
    );
    // Django warns (W005) as soon as HSTS is on without it.
    if (need('SECURE_HSTS_INCLUDE_SUBDOMAINS')) lines.push('SECURE_HSTS_INCLUDE_SUBDOMAINS = True');
    if (!ctx.s.isSet('SECURE_HSTS_PRELOAD')) lines.push('# SECURE_HSTS_PRELOAD = True  # only once the domain is submitted to hstspreload.org');
  }
  if (!lines.length) return undefined;
  if (!ctx.fixes.rootText().includes(SECURITY_BLOCK_HEADER)) lines.unshift(SECURITY_BLOCK_HEADER);
  return ctx.fixes.addStatements('Add the production security settings (HTTPS, secure cookies, HSTS)', lines, false);
}

/** W009 / W025: Django's `_check_secret_key`. Returns the reason it is weak, or undefined. */
export function weakSecretKey(v: Value, version: { major: number; minor: number }): string | undefined {
  if (v.kind === 'none') return 'it is not set';
  if (v.kind !== 'str') return undefined;
  const key = v.value;
  if (!key) return 'it is empty';
  if (atLeast({ ...version, source: '' }, 3, 2) && key.startsWith('django-insecure-')) return "it starts with 'django-insecure-' (the key startproject generated for development)";
  if (key.length < 50) return `it has only ${key.length} characters (fewer than 50)`;
  if (new Set(key).size < 5) return `it has only ${new Set(key).size} unique characters (fewer than 5)`;
  return undefined;
}

export const securityRules: SettingsRule[] = [
  {
    code: 'security.W001',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SecurityMiddleware is not in MIDDLEWARE',
      what: "`django.middleware.security.SecurityMiddleware` is missing from `MIDDLEWARE`.",
      why: 'Without it, SECURE_HSTS_SECONDS, SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY and SECURE_SSL_REDIRECT do nothing: no HTTPS redirect, no HSTS, no nosniff header.',
      example: "MIDDLEWARE = ['django.contrib.sessions.middleware.SessionMiddleware', ...]",
      instead: "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', ...]",
      url: `${DOCS}/ref/middleware/#module-django.middleware.security`,
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== false) return;
      const { binding, whenUnset } = ctx.s.get('MIDDLEWARE');
      ctx.report({
        message: "SecurityMiddleware is not in MIDDLEWARE, so the HTTPS redirect, HSTS, nosniff and referrer-policy settings have no effect in production. Add 'django.middleware.security.SecurityMiddleware' first in MIDDLEWARE.",
        binding,
        whenUnset,
        fixes: insertMiddleware(ctx, SECURITY_MIDDLEWARE, 'first'),
      });
    },
  },
  {
    code: 'security.W002',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'XFrameOptionsMiddleware is not in MIDDLEWARE',
      what: '`django.middleware.clickjacking.XFrameOptionsMiddleware` is missing from `MIDDLEWARE`.',
      why: 'Pages are sent without an X-Frame-Options header, so any site can frame them (clickjacking).',
      example: "MIDDLEWARE = [..., 'django.middleware.csrf.CsrfViewMiddleware']",
      instead: "MIDDLEWARE = [..., 'django.middleware.clickjacking.XFrameOptionsMiddleware']",
      url: `${DOCS}/ref/clickjacking/`,
    },
    check(ctx) {
      if (hasMiddleware(ctx, XFRAME_MIDDLEWARE) !== false) return;
      const { binding, whenUnset } = ctx.s.get('MIDDLEWARE');
      ctx.report({
        message: "XFrameOptionsMiddleware is not in MIDDLEWARE: production pages have no X-Frame-Options header and can be framed by any site (clickjacking). Add 'django.middleware.clickjacking.XFrameOptionsMiddleware'.",
        binding,
        whenUnset,
        fixes: insertMiddleware(ctx, XFRAME_MIDDLEWARE, 'last'),
      });
    },
  },
  {
    code: 'security.W003',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'CsrfViewMiddleware is not in MIDDLEWARE',
      what: '`django.middleware.csrf.CsrfViewMiddleware` is missing from `MIDDLEWARE`.',
      why: 'Forms and unsafe requests are not protected against cross-site request forgery unless every view uses csrf_protect.',
      example: "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware']",
      instead: "MIDDLEWARE = [..., 'django.middleware.csrf.CsrfViewMiddleware', ...]",
      url: `${DOCS}/ref/csrf/`,
    },
    check(ctx) {
      if (hasMiddleware(ctx, CSRF_MIDDLEWARE) !== false) return;
      const { binding, whenUnset } = ctx.s.get('MIDDLEWARE');
      ctx.report({
        message: "CsrfViewMiddleware is not in MIDDLEWARE: in production, forms are open to cross-site request forgery unless every view uses csrf_protect. Add 'django.middleware.csrf.CsrfViewMiddleware'.",
        binding,
        whenUnset,
      });
    },
  },
  {
    code: 'security.W004',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_HSTS_SECONDS is not set',
      what: 'SecurityMiddleware is enabled and `SECURE_HSTS_SECONDS` is 0 or unset.',
      why: 'Browsers are never told to insist on HTTPS, so a first visit over plain HTTP can be intercepted (SSL stripping).',
      example: 'SECURE_HSTS_SECONDS = 0',
      instead: 'SECURE_HSTS_SECONDS = 3600  # raise to 31536000 once HTTPS works everywhere',
      url: settingUrl('SECURE_HSTS_SECONDS'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('SECURE_HSTS_SECONDS');
      if (truthy(value) !== false) return;
      const fixes: Fix[] = [];
      const set = binding ? ctx.fixes.replaceValue('Set SECURE_HSTS_SECONDS = 3600 (raise it once HTTPS works everywhere)', binding, '3600', false) : undefined;
      if (set) fixes.push(set);
      const block = securityBlock(ctx);
      if (block) fixes.push(block);
      ctx.report({
        message: `SECURE_HSTS_SECONDS is ${binding ? pyRepr(value) : 'not set'}${unsetNote(whenUnset)}: browsers are never told to insist on HTTPS, so a first visit over HTTP can be intercepted. Set it (start with 3600, then 31536000 once every page and subdomain works over HTTPS).`,
        binding,
        near: [{ setting: 'MIDDLEWARE', item: SECURITY_MIDDLEWARE }],
        whenUnset,
        fixes,
      });
    },
  },
  {
    code: 'security.W005',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_HSTS_INCLUDE_SUBDOMAINS is not True',
      what: 'HSTS is on (`SECURE_HSTS_SECONDS` set) but `SECURE_HSTS_INCLUDE_SUBDOMAINS` is not True.',
      why: 'Subdomains can still be reached over plain HTTP, and cookies set for the parent domain can leak through them.',
      example: 'SECURE_HSTS_SECONDS = 31536000',
      instead: 'SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True',
      url: settingUrl('SECURE_HSTS_INCLUDE_SUBDOMAINS'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      if (truthy(ctx.s.get('SECURE_HSTS_SECONDS').value) !== true) return;
      requireTrue(ctx, 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS is not True: subdomains can still be reached over plain HTTP in production. Set it to True once every subdomain serves HTTPS.', SECURITY_MIDDLEWARE, 'Set SECURE_HSTS_INCLUDE_SUBDOMAINS = True', false, 'SECURE_HSTS_SECONDS');
    },
  },
  {
    code: 'security.W006',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_CONTENT_TYPE_NOSNIFF is not True',
      what: '`SECURE_CONTENT_TYPE_NOSNIFF` is set to something other than True (the default is True since Django 3.0).',
      why: 'Without `X-Content-Type-Options: nosniff`, browsers may guess content types and run an uploaded file as script.',
      example: 'SECURE_CONTENT_TYPE_NOSNIFF = False',
      instead: 'SECURE_CONTENT_TYPE_NOSNIFF = True  # or remove the line',
      url: settingUrl('SECURE_CONTENT_TYPE_NOSNIFF'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      requireTrue(ctx, 'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_CONTENT_TYPE_NOSNIFF is not True: production responses lack X-Content-Type-Options: nosniff, so browsers may sniff uploads as scripts. Set it to True.', SECURITY_MIDDLEWARE, 'Set SECURE_CONTENT_TYPE_NOSNIFF = True', true);
    },
  },
  {
    code: 'security.W008',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_SSL_REDIRECT is not True',
      what: 'SecurityMiddleware is enabled and `SECURE_SSL_REDIRECT` is not True.',
      why: 'Plain-HTTP requests are served as is instead of being redirected to HTTPS (unless the proxy in front does it).',
      example: 'SECURE_SSL_REDIRECT = False',
      instead: 'SECURE_SSL_REDIRECT = True\n# behind a proxy that terminates TLS:\nSECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
      url: settingUrl('SECURE_SSL_REDIRECT'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      requireTrue(
        ctx,
        'SECURE_SSL_REDIRECT',
        'SECURE_SSL_REDIRECT is not True: production serves plain-HTTP requests instead of redirecting them to HTTPS. Set it to True (or silence security.W008 if your proxy redirects; behind a TLS-terminating proxy also set SECURE_PROXY_SSL_HEADER).',
        SECURITY_MIDDLEWARE,
        'Set SECURE_SSL_REDIRECT = True',
      );
    },
  },
  {
    code: 'security.W009',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECRET_KEY is weak or a development key',
      what: "`SECRET_KEY` is missing, shorter than 50 characters, has fewer than 5 unique characters, or starts with 'django-insecure-'.",
      why: 'Sessions, password-reset tokens and signed cookies can be forged with a guessable or published key.',
      example: "SECRET_KEY = 'django-insecure-3x!b...'",
      instead: "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      url: settingUrl('SECRET_KEY'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('SECRET_KEY');
      const empty = value.kind === 'none' || (value.kind === 'str' && value.value === '');
      // Before 4.1 the admin's password-reset token generator reads the key while Django sets up:
      // an empty key stops Django there (ImproperlyConfigured) instead of failing this check.
      if (empty && !atLeast(ctx.version, 4, 1) && ctx.s.contains('INSTALLED_APPS', 'django.contrib.admin') !== false) return;
      if (!binding && !ctx.production) return;
      const reason = weakSecretKey(value, ctx.version);
      if (!reason) return;
      const fixes: Fix[] = [];
      const env = binding ? ctx.fixes.replaceValue(SECRET_KEY_FIX, binding, ctx.fixes.envRequired('DJANGO_SECRET_KEY'), false, true) : undefined;
      if (env) fixes.push(env);
      ctx.report({
        message: `SECRET_KEY is weak: ${reason}${unsetNote(whenUnset)}. In production anyone who knows or guesses it can forge sessions and password-reset links. Generate a long random key and read it from the environment.`,
        binding,
        whenUnset,
        fixes,
      });
    },
  },
  ...(['SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY'] as const).flatMap((setting): SettingsRule[] => {
    const secure = setting === 'SESSION_COOKIE_SECURE';
    const codes = secure ? ['security.W010', 'security.W011', 'security.W012'] : ['security.W013', 'security.W014', 'security.W015'];
    const consequence = secure
      ? 'the session cookie is also sent over plain HTTP, where it can be stolen and the session hijacked'
      : 'JavaScript can read the session cookie, so an XSS flaw can steal sessions';
    const variants = [
      { code: codes[0], when: `'${SESSIONS_APP}' is in INSTALLED_APPS but SessionMiddleware is not`, app: true, mw: false },
      { code: codes[1], when: "SessionMiddleware is in MIDDLEWARE but 'django.contrib.sessions' is not installed", app: false, mw: true },
      { code: codes[2], when: 'the sessions app and SessionMiddleware are both used', app: true, mw: true },
    ];
    return variants.map(
      (variant): SettingsRule => ({
        code: variant.code,
        level: 'warning',
        productionOnly: true,
        origin: 'django',
        doc: {
          title: `${setting} is not True (${variant.when})`,
          what: `${setting} is not True while ${variant.when}.`,
          why: `In production ${consequence}.`,
          example: `${setting} = False`,
          instead: `${setting} = True`,
          url: settingUrl(setting),
        },
        check(ctx) {
          const app = ctx.s.contains('INSTALLED_APPS', SESSIONS_APP);
          const mw = ctx.s.contains('MIDDLEWARE', SESSION_MIDDLEWARE);
          if (app !== variant.app || mw !== variant.mw) return;
          const { value, binding, whenUnset } = ctx.s.get(setting);
          // 3.2 tests truthiness; 4.1+ requires `is True`.
          const bad = atLeast(ctx.version, 4, 1) ? isTrue(value) === false : truthy(value) === false;
          if (!bad) return;
          const fixes: Fix[] = [];
          const fix = binding ? ctx.fixes.replaceValue(`Set ${setting} = True`, binding, 'True', false) : ctx.fixes.addStatements(`Set ${setting} = True`, [`${setting} = True`], false);
          if (fix) fixes.push(fix);
          const block = secure ? securityBlock(ctx) : undefined;
          if (block) fixes.push(block);
          ctx.report({
            message: `${setting} is ${binding ? pyRepr(value) : 'not set'}${unsetNote(whenUnset)}: ${consequence}. Set ${setting} = True in production.`,
            binding,
            near: [{ setting: 'MIDDLEWARE', item: SESSION_MIDDLEWARE }, { setting: 'INSTALLED_APPS', item: SESSIONS_APP }],
            whenUnset,
            fixes,
          });
        },
      }),
    );
  }),
  {
    code: 'security.W016',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'CSRF_COOKIE_SECURE is not True',
      what: 'CsrfViewMiddleware is enabled, CSRF tokens live in a cookie (`CSRF_USE_SESSIONS` is False) and `CSRF_COOKIE_SECURE` is not True.',
      why: 'The CSRF cookie is also sent over plain HTTP, where it can be read by a network attacker.',
      example: 'CSRF_COOKIE_SECURE = False',
      instead: 'CSRF_COOKIE_SECURE = True',
      url: settingUrl('CSRF_COOKIE_SECURE'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, CSRF_MIDDLEWARE) !== true) return;
      if (truthy(ctx.s.get('CSRF_USE_SESSIONS').value) !== false) return;
      const { value, binding, whenUnset } = ctx.s.get('CSRF_COOKIE_SECURE');
      const bad = atLeast(ctx.version, 4, 1) ? isTrue(value) === false : truthy(value) === false;
      if (!bad) return;
      const fixes: Fix[] = [];
      const fix = binding ? ctx.fixes.replaceValue('Set CSRF_COOKIE_SECURE = True', binding, 'True', false) : ctx.fixes.addStatements('Set CSRF_COOKIE_SECURE = True', ['CSRF_COOKIE_SECURE = True'], false);
      if (fix) fixes.push(fix);
      const block = securityBlock(ctx);
      if (block) fixes.push(block);
      ctx.report({
        message: `CSRF_COOKIE_SECURE is ${binding ? pyRepr(value) : 'not set'}${unsetNote(whenUnset)}: in production the CSRF cookie is also sent over plain HTTP. Set CSRF_COOKIE_SECURE = True.`,
        binding,
        near: [{ setting: 'MIDDLEWARE', item: CSRF_MIDDLEWARE }],
        whenUnset,
        fixes,
      });
    },
  },
  {
    code: 'security.W018',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'DEBUG is True',
      what: '`DEBUG` is truthy.',
      why: 'Every error page shows settings, source code and SQL to visitors; Django keeps every query in memory; static files are served by the development handler.',
      example: 'DEBUG = True',
      instead: 'DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"',
      url: settingUrl('DEBUG'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('DEBUG');
      if (truthy(value) !== true) return;
      const fixes: Fix[] = [];
      const fix = ctx.fixes.replaceValue('Read DEBUG from the environment: off unless DJANGO_DEBUG=1 (set DJANGO_DEBUG=1 where you develop)', binding, `${ctx.fixes.envGet('DJANGO_DEBUG', '')} == ${ctx.fixes.literal('1')}`, ctx.production, true);
      if (fix) fixes.push(fix);
      const shown = value.kind === 'str' ? `DEBUG is the string ${pyRepr(value)}, which Python treats as True` : `DEBUG is ${pyRepr(value)}`;
      ctx.report({
        message: `${shown}${unsetNote(whenUnset)}: in production every error page shows your settings, code and SQL to visitors. Turn DEBUG off in production (read it from the environment, off by default).`,
        binding,
        whenUnset,
        fixes,
      });
    },
  },
  {
    code: 'security.W019',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: "X_FRAME_OPTIONS is not 'DENY'",
      what: "XFrameOptionsMiddleware is enabled and `X_FRAME_OPTIONS` is not exactly 'DENY'.",
      why: "With 'SAMEORIGIN' your own pages can frame each other; Django recommends 'DENY' unless the site needs framing.",
      example: "X_FRAME_OPTIONS = 'SAMEORIGIN'",
      instead: "X_FRAME_OPTIONS = 'DENY'",
      url: settingUrl('X_FRAME_OPTIONS'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, XFRAME_MIDDLEWARE) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('X_FRAME_OPTIONS');
      if (!isDecided(value)) return;
      if (value.kind === 'str' && value.value === 'DENY') return;
      ctx.report({
        message: `X_FRAME_OPTIONS is ${pyRepr(value)}${unsetNote(whenUnset)}, not 'DENY': in production your pages can be framed${value.kind === 'str' && value.value.toUpperCase() === 'DENY' ? " (the comparison is case-sensitive: write 'DENY')" : ''}. Use 'DENY' unless the site must frame its own pages.`,
        binding,
        near: [{ setting: 'MIDDLEWARE', item: XFRAME_MIDDLEWARE }],
        whenUnset,
        fixes: [ctx.fixes.replaceValue("Set X_FRAME_OPTIONS = 'DENY'", binding, ctx.fixes.literal('DENY'), false)].filter((f): f is Fix => !!f),
      });
    },
  },
  {
    code: 'security.W020',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'ALLOWED_HOSTS is empty',
      what: '`ALLOWED_HOSTS` is empty.',
      why: 'With DEBUG off, Django rejects every request with 400 Bad Request: the site is down.',
      example: 'ALLOWED_HOSTS = []',
      instead: 'ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "example.com").split(",")',
      url: settingUrl('ALLOWED_HOSTS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('ALLOWED_HOSTS');
      if (truthy(value) !== false) return;
      if (!binding && !ctx.production) return;
      const fixes: Fix[] = [];
      // Empty when the variable is unset: with DEBUG on Django then allows localhost by itself,
      // and production still fails W020 until the variable is set — the truth, not a default host.
      const expr = `[host.strip() for host in ${ctx.fixes.envGet('DJANGO_ALLOWED_HOSTS', '')}.split(${ctx.fixes.literal(',')}) if host.strip()]`;
      const title = 'Read ALLOWED_HOSTS from DJANGO_ALLOWED_HOSTS (comma-separated; set it in production, e.g. example.com,www.example.com)';
      const fix = binding ? ctx.fixes.replaceValue(title, binding, expr, false, true) : ctx.fixes.addStatements(title, [`ALLOWED_HOSTS = ${expr}`], false, undefined, true);
      if (fix) fixes.push(fix);
      ctx.report({
        message: `ALLOWED_HOSTS is empty${unsetNote(whenUnset)}: with DEBUG off, production answers every request with 400 Bad Request. List the domain names the site is served under.`,
        binding,
        near: ['DEBUG'],
        whenUnset,
        fixes,
      });
    },
  },
  {
    code: 'security.W021',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_HSTS_PRELOAD is not True',
      what: 'HSTS is on and `SECURE_HSTS_PRELOAD` is not True.',
      why: 'The domain cannot be submitted to the browsers\' HSTS preload list, so first visits stay unprotected. Preloading is hard to undo: enable it deliberately.',
      example: 'SECURE_HSTS_SECONDS = 31536000',
      instead: 'SECURE_HSTS_PRELOAD = True  # after reading hstspreload.org',
      url: settingUrl('SECURE_HSTS_PRELOAD'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      if (truthy(ctx.s.get('SECURE_HSTS_SECONDS').value) !== true) return;
      requireTrue(ctx, 'SECURE_HSTS_PRELOAD', 'SECURE_HSTS_PRELOAD is not True: the domain cannot join the browsers\' HSTS preload list, so first visits are unprotected. Preloading is hard to undo: set it to True only deliberately, or silence security.W021.', SECURITY_MIDDLEWARE, 'Set SECURE_HSTS_PRELOAD = True', false, 'SECURE_HSTS_SECONDS');
    },
  },
  {
    code: 'security.W022',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_REFERRER_POLICY is not set',
      what: 'SecurityMiddleware is enabled and `SECURE_REFERRER_POLICY` is None (the default before Django 3.1).',
      why: 'Full URLs, with any tokens in them, are sent to other sites in the Referer header.',
      example: 'SECURE_REFERRER_POLICY = None',
      instead: "SECURE_REFERRER_POLICY = 'same-origin'",
      url: settingUrl('SECURE_REFERRER_POLICY'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('SECURE_REFERRER_POLICY');
      if (value.kind !== 'none') return;
      ctx.report({
        message: `SECURE_REFERRER_POLICY is None${unsetNote(whenUnset)}: production pages send their full URL to other sites in the Referer header. Set it to 'same-origin' (or another policy).`,
        binding,
        near: [{ setting: 'MIDDLEWARE', item: SECURITY_MIDDLEWARE }],
        whenUnset,
        fixes: [binding ? ctx.fixes.replaceValue("Set SECURE_REFERRER_POLICY = 'same-origin'", binding, ctx.fixes.literal('same-origin'), true) : ctx.fixes.addStatements("Set SECURE_REFERRER_POLICY = 'same-origin'", [`SECURE_REFERRER_POLICY = ${ctx.fixes.literal('same-origin')}`], true)].filter((f): f is Fix => !!f),
      });
    },
  },
  {
    code: 'security.E023',
    level: 'error',
    productionOnly: true,
    origin: 'django',
    doc: {
      title: 'SECURE_REFERRER_POLICY has an invalid value',
      what: 'A value in `SECURE_REFERRER_POLICY` is not one of the policies browsers know.',
      why: 'Browsers ignore an unknown policy, so the header protects nothing; `check --deploy` fails with an error.',
      example: "SECURE_REFERRER_POLICY = 'same_origin'",
      instead: "SECURE_REFERRER_POLICY = 'same-origin'",
      url: settingUrl('SECURE_REFERRER_POLICY'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('SECURE_REFERRER_POLICY');
      let values: string[] | undefined;
      if (value.kind === 'str') values = value.value.split(',').map((v) => v.trim());
      else if (isSequence(value) && value.items.every((i) => i.kind === 'str')) values = value.items.map((i) => (i as { value: string }).value);
      if (!values) return;
      const bad = values.filter((v) => !REFERRER_POLICIES.has(v));
      if (!bad.length) return;
      ctx.report({
        message: `SECURE_REFERRER_POLICY has an invalid value ${bad.map((b) => `'${b}'`).join(', ')}${unsetNote(whenUnset)}: browsers ignore it. Valid values: ${[...REFERRER_POLICIES].join(', ')}.`,
        binding,
        whenUnset,
      });
    },
  },
  {
    code: 'security.E024',
    level: 'error',
    productionOnly: true,
    origin: 'django',
    since: [4, 0],
    doc: {
      title: 'SECURE_CROSS_ORIGIN_OPENER_POLICY has an invalid value',
      what: '`SECURE_CROSS_ORIGIN_OPENER_POLICY` is not None and not one of same-origin, same-origin-allow-popups, unsafe-none.',
      why: 'Browsers ignore an unknown policy; `check --deploy` fails with an error.',
      example: "SECURE_CROSS_ORIGIN_OPENER_POLICY = 'same_origin'",
      instead: "SECURE_CROSS_ORIGIN_OPENER_POLICY = 'same-origin'",
      url: settingUrl('SECURE_CROSS_ORIGIN_OPENER_POLICY'),
    },
    check(ctx) {
      if (hasMiddleware(ctx, SECURITY_MIDDLEWARE) !== true) return;
      const { value, binding, whenUnset } = ctx.s.get('SECURE_CROSS_ORIGIN_OPENER_POLICY');
      if (value.kind === 'none' || !isDecided(value)) return;
      // A list or dict is unhashable: the check crashes instead (DJD118).
      if (isSequence(value) || value.kind === 'dict') return;
      if (value.kind === 'str' && COOP_POLICIES.has(value.value)) return;
      ctx.report({
        message: `SECURE_CROSS_ORIGIN_OPENER_POLICY is ${pyRepr(value)}${unsetNote(whenUnset)}, which browsers do not know. Use one of: ${[...COOP_POLICIES].join(', ')}.`,
        binding,
        whenUnset,
      });
    },
  },
  {
    code: 'security.W025',
    level: 'warning',
    productionOnly: true,
    origin: 'django',
    since: [4, 1],
    doc: {
      title: 'A SECRET_KEY_FALLBACKS entry is weak',
      what: 'An entry of `SECRET_KEY_FALLBACKS` fails the same test as security.W009.',
      why: 'Old keys still verify signatures: a weak fallback is as dangerous as a weak SECRET_KEY.',
      example: "SECRET_KEY_FALLBACKS = ['django-insecure-old']",
      instead: "SECRET_KEY_FALLBACKS = [os.environ['DJANGO_OLD_SECRET_KEY']]",
      url: settingUrl('SECRET_KEY_FALLBACKS'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('SECRET_KEY_FALLBACKS');
      // 4.1 checks a string character by character; 4.2+ refuses to load it (DJD118).
      if (value.kind === 'str' && !atLeast(ctx.version, 4, 2)) {
        [...value.value].forEach((_, i) => ctx.report({ message: `SECRET_KEY_FALLBACKS is a string, so Django checks each of its characters as a key: SECRET_KEY_FALLBACKS[${i}] is weak${unsetNote(whenUnset)}. Make it a list.`, binding, whenUnset }));
        return;
      }
      if (!isSequence(value)) return;
      value.items.forEach((item, i) => {
        const reason = weakSecretKey(item, ctx.version);
        if (!reason) return;
        ctx.report({ message: `SECRET_KEY_FALLBACKS[${i}] is weak: ${reason}${unsetNote(whenUnset)}. Fallback keys still verify signatures in production; remove old development keys.`, binding, whenUnset });
      });
    },
  },
  {
    code: 'security.E100',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    since: [3, 1],
    until: [4, 0],
    doc: {
      title: "DEFAULT_HASHING_ALGORITHM is not 'sha1' or 'sha256'",
      what: "`DEFAULT_HASHING_ALGORITHM` (Django 3.1–3.2) is not 'sha1' or 'sha256'.",
      why: 'Django refuses to run its checks; signing would fail.',
      example: "DEFAULT_HASHING_ALGORITHM = 'md5'",
      instead: "DEFAULT_HASHING_ALGORITHM = 'sha256'",
      url: settingUrl('DEFAULT_HASHING_ALGORITHM'),
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('DEFAULT_HASHING_ALGORITHM');
      if (!binding || !isDecided(value)) return;
      if (value.kind === 'str' && (value.value === 'sha1' || value.value === 'sha256')) return;
      ctx.report({ message: `DEFAULT_HASHING_ALGORITHM is ${pyRepr(value)}${unsetNote(whenUnset)}; it must be 'sha1' or 'sha256'.`, binding, whenUnset });
    },
  },
  {
    code: 'security.E026',
    level: 'error',
    productionOnly: false,
    origin: 'django',
    since: [6, 0],
    doc: {
      title: 'SECURE_CSP / SECURE_CSP_REPORT_ONLY is not a dictionary',
      what: '`SECURE_CSP` or `SECURE_CSP_REPORT_ONLY` is set to something other than a dict (Django 6.0+).',
      why: 'The Content-Security-Policy middleware cannot build a header from it.',
      example: "SECURE_CSP = \"default-src 'self'\"",
      instead: 'SECURE_CSP = {"default-src": [CSP.SELF]}',
      url: settingUrl('SECURE_CSP'),
    },
    check(ctx) {
      for (const name of ['SECURE_CSP', 'SECURE_CSP_REPORT_ONLY']) {
        const { value, binding, whenUnset } = ctx.s.get(name);
        if (!binding || value.kind === 'none' || value.kind === 'dict' || !isDecided(value)) continue;
        ctx.report({ message: `${name} must be a dictionary, not ${pyRepr(value)}${unsetNote(whenUnset)}.`, binding, whenUnset });
      }
    },
  },
  {
    code: 'mail.E001',
    level: 'error',
    productionOnly: true,
    origin: 'django',
    since: [6, 1],
    doc: {
      title: "MAILERS 'default' uses a development-only email backend",
      what: "`MAILERS['default']['BACKEND']` is Django's console, dummy, file-based or locmem backend (Django 6.1+).",
      why: 'Password resets and error mails are printed, dropped or written to disk instead of being sent.',
      example: "MAILERS = {'default': {'BACKEND': 'django.core.mail.backends.console.EmailBackend'}}",
      instead: "MAILERS = {'default': {'BACKEND': 'django.core.mail.backends.smtp.EmailBackend', ...}}",
      url: `${DOCS}/topics/email/`,
    },
    check(ctx) {
      const { value, binding, whenUnset } = ctx.s.get('MAILERS');
      if (value.kind !== 'dict') return;
      const def = value.entries.find((e) => e.key.kind === 'str' && e.key.value === 'default')?.value;
      const backend = def?.kind === 'dict' ? def.entries.find((e) => e.key.kind === 'str' && e.key.value === 'BACKEND')?.value : undefined;
      if (backend?.kind !== 'str') return;
      const dev = ['console', 'dummy', 'filebased', 'locmem'].find((b) => backend.value === `django.core.mail.backends.${b}.EmailBackend`);
      if (!dev) return;
      ctx.report({ message: `MAILERS 'default' uses the ${dev} email backend${unsetNote(whenUnset)}: in production no email is actually sent. Configure a real backend (SMTP or a provider).`, binding, whenUnset });
    },
  },
];

const REFERRER_POLICIES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
const COOP_POLICIES = new Set(['same-origin', 'same-origin-allow-popups', 'unsafe-none']);

/** Inserts a middleware path into a literal MIDDLEWARE list (offered, never applied by fix-all). */
function insertMiddleware(ctx: RuleContext, path: string, where: 'first' | 'last'): Fix[] {
  const b = ctx.s.binding('MIDDLEWARE');
  if (!b?.valueRange || b.conditional) return [];
  const text = ctx.text(b.valueRange.file);
  const literal = text.slice(b.valueRange.start, b.valueRange.end);
  if (!/^[[(]/.test(literal) || !/[\])]$/.test(literal)) return [];
  const multiline = literal.includes('\n');
  const indentMatch = /\n([ \t]+)\S/.exec(literal);
  const indent = indentMatch ? indentMatch[1] : '    ';
  const quote = /"/.test(literal) && !/'/.test(literal) ? '"' : "'";
  const item = `${quote}${path}${quote}`;
  let edit;
  if (where === 'first') {
    const at = b.valueRange.start + 1;
    edit = multiline ? { start: at, newText: `\n${indent}${item},` } : { start: at, newText: literal.length > 2 ? `${item}, ` : item };
  } else {
    const inner = literal.slice(1, -1);
    const trimmed = inner.trimEnd();
    const at = b.valueRange.start + 1 + trimmed.length;
    const needsComma = trimmed.length > 0 && !trimmed.endsWith(',');
    edit = multiline ? { start: at, newText: `${needsComma ? ',' : ''}\n${indent}${item},` } : { start: at, newText: `${trimmed.length ? (needsComma ? ', ' : ' ') : ''}${item}` };
  }
  return [{ title: `Add '${path.split('.').pop()}' to MIDDLEWARE`, safe: false, edits: [{ file: b.valueRange.file, start: edit.start, end: edit.start, newText: edit.newText }] }];
}

