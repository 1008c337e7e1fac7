// The nginx config (server/src/engine/deploy/nginx.ts), read back the way nginx reads it: a small
// copy of ngx_conf_read_token (src/core/ngx_conf_file.c) turns the text into directives and blocks,
// so each test states what nginx would see: which locations exist, what each alias is byte for
// byte, which proxy headers are set. Hostile settings values (quotes, `;`, braces, `$`, newlines,
// an injected location) are either carried exactly or refused with a comment; never new syntax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nginxConfig, nginxString, type NginxInput } from '../../server/src/engine/deploy/nginx';
import { projectFacts } from '../../server/src/engine/deploy/facts';
import { project } from './helpers';

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** Directives and blocks as ngx_conf_read_token and ngx_conf_parse see them; throws where nginx reports a syntax error. */
function parse(text: string): Directive[] {
  const root: Directive[] = [];
  const stack: Directive[][] = [root];
  let words: string[] = [];
  let lastSpace = true;
  let needSpace = false;
  let comment = false;
  let quoted = false;
  let dq = false;
  let sq = false;
  let variable = false;
  let start = 0;
  const space = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  const unescape = (s: string) => s.replace(/\\(["'\\tnr])/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
  const end = (kind: ';' | '{') => {
    if (words.length === 0) throw new Error(`unexpected "${kind}"`);
    const directive: Directive = { name: words[0], args: words.slice(1) };
    stack[stack.length - 1].push(directive);
    if (kind === '{') {
      directive.block = [];
      stack.push(directive.block);
    }
    words = [];
    lastSpace = true;
    needSpace = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') comment = false;
    if (comment) continue;
    if (quoted) {
      quoted = false;
      continue;
    }
    if (needSpace) {
      if (space(ch)) {
        lastSpace = true;
        needSpace = false;
        continue;
      }
      if (ch === ';' || ch === '{') {
        end(ch);
        continue;
      }
      throw new Error(`unexpected "${ch}" at ${i}`);
    }
    if (lastSpace) {
      start = i;
      if (space(ch)) continue;
      if (ch === ';' || ch === '{') {
        end(ch);
        continue;
      }
      if (ch === '}') {
        if (words.length || stack.length === 1) throw new Error(`unexpected "}" at ${i}`);
        stack.pop();
        continue;
      }
      lastSpace = false;
      if (ch === '#') {
        comment = true;
        lastSpace = true;
      } else if (ch === '\\') quoted = true;
      else if (ch === '"') [start, dq] = [i + 1, true];
      else if (ch === "'") [start, sq] = [i + 1, true];
      else if (ch === '$') variable = true;
      continue;
    }
    if (ch === '{' && variable) continue;
    variable = false;
    if (ch === '\\') {
      quoted = true;
      continue;
    }
    if (ch === '$') {
      variable = true;
      continue;
    }
    let found = false;
    if (dq) {
      if (ch === '"') [dq, needSpace, found] = [false, true, true];
    } else if (sq) {
      if (ch === "'") [sq, needSpace, found] = [false, true, true];
    } else if (space(ch) || ch === ';' || ch === '{') [lastSpace, found] = [true, true];
    if (!found) continue;
    words.push(unescape(text.slice(start, i)));
    if (ch === ';' || ch === '{') end(ch);
  }
  if (stack.length !== 1 || words.length || dq || sq) throw new Error('unexpected end of file');
  return root;
}

const servers = (conf: string) => parse(conf).filter((d) => d.name === 'server');
const all = (block: Directive[] | undefined, name: string) => (block ?? []).filter((d) => d.name === name);
const one = (block: Directive[] | undefined, name: string) => {
  const found = all(block, name);
  assert.equal(found.length, 1, `one ${name}`);
  return found[0];
};
/** The server that serves the site (the only one behind a proxy; the TLS one otherwise). */
const site = (conf: string) => servers(conf).find((s) => all(s.block, 'location').length > 0)!;
/** Location path → its alias, for the site server. */
const aliases = (conf: string) => new Map(all(site(conf).block, 'location').map((l) => [l.args.join(' '), all(l.block, 'alias')[0]?.args[0]]));
/** Every directive name anywhere in the config. */
const names = (block: Directive[]): string[] => block.flatMap((d) => [d.name, ...names(d.block ?? [])]);
const comments = (conf: string) => conf.split('\n').filter((l) => /^\s*#/.test(l));

const INJECTION = '/x/; } location /leak/ { alias /etc/; autoindex on; } location /y/ { alias /z/';

function input(extra: Partial<NginxInput> = {}): NginxInput {
  return { settingsModule: 'shop.settings', staticUrl: '/static/', staticRoot: '/srv/shop/staticfiles', mediaUrl: '/media/', mediaRoot: '/srv/shop/media', allowedHosts: ['shop.example.com'], upstream: '127.0.0.1:8000', ...extra };
}

test('nginxString: bare when nginx reads it literally, otherwise double-quoted with \\ and " escaped', () => {
  assert.equal(nginxString('/srv/shop/static/'), '/srv/shop/static/');
  assert.equal(nginxString('unix:/run/gunicorn.sock'), 'unix:/run/gunicorn.sock');
  assert.equal(nginxString('/srv/my site/static/'), '"/srv/my site/static/"');
  assert.equal(nginxString('/a"b\\c/'), '"/a\\"b\\\\c/"');
  assert.equal(nginxString("/it's/"), '"/it\'s/"');
  assert.equal(nginxString('/a;b{c}#d/'), '"/a;b{c}#d/"');
  assert.equal(nginxString(''), '""');
  assert.equal(nginxString('/café/'), '"/café/"');
  // And nginx reads each back as the same bytes.
  for (const value of ['/srv/my site/', '/a"b\\c/', '/x\\n/', "/'/", INJECTION, '/a\\"; }/', '/tab\\t/']) {
    const [d] = parse(`alias ${nginxString(value)};`);
    assert.deepEqual(d.args, [value]);
  }
});

test('hostile STATIC_ROOT and MEDIA_ROOT are carried byte for byte inside one alias: no injected location', () => {
  const hostile = ['/srv/my site/static', '/srv/a"quote', '/srv/back\\slash', '/srv/semi;colon', '/srv/{braces}', '/srv/#hash', "/srv/it's", '/srv/\\"; autoindex on; #', INJECTION, '/srv/ünïcödé'];
  for (const root of hostile) {
    for (const layout of [{}, { secureProxySslHeader: { header: 'HTTP_X_FORWARDED_PROTO', value: 'https' } }]) {
      const conf = nginxConfig(input({ staticRoot: root, mediaRoot: `${root}/media`, ...layout }));
      const locations = aliases(conf);
      assert.deepEqual([...locations.keys()], ['/static/', '/media/', '/'], `${root}: only the three locations\n${conf}`);
      assert.equal(locations.get('/static/'), root.endsWith('/') ? root : `${root}/`, root);
      assert.equal(locations.get('/media/'), `${root}/media/`, root);
      assert.ok(!names(parse(conf)).includes('autoindex'), root);
    }
  }
});

test('a STATIC_ROOT nginx cannot take safely is refused: a comment says why, and the location is left out', () => {
  const refused: [string, RegExp][] = [
    ['/srv/$document_root/static', /holds \$, which nginx reads as a variable in alias/],
    ['/srv/${x}/static', /holds \$/],
    ['/srv/new\nline', /control character/],
    ['/srv/new\n} location /leak/ { alias /etc/; autoindex on; } #', /control character/],
    ['/srv/tab\there', /control character/],
    ['/srv/nul\0', /control character/],
    ['/', /file system root/],
  ];
  for (const [root, why] of refused) {
    for (const layout of [{}, { secureProxySslHeader: { header: 'HTTP_X_FORWARDED_PROTO', value: 'https' } }]) {
      const conf = nginxConfig(input({ staticRoot: root, mediaRoot: root, ...layout }));
      assert.deepEqual([...aliases(conf).keys()], ['/'], `${JSON.stringify(root)}: no static or media location\n${conf}`);
      const said = comments(conf).filter((l) => /STATIC_ROOT .* is refused: /.test(l));
      assert.equal(said.length, 1, conf);
      assert.match(said[0], why);
      assert.match(said[0], /No static location/);
      assert.ok(comments(conf).some((l) => /MEDIA_ROOT .* is refused: .*No media location/.test(l)), conf);
      // The value is shown JSON-escaped in the comment: a newline in it cannot end the comment.
      assert.ok(said[0].includes(JSON.stringify(root)), said[0]);
    }
  }
});

test('STATIC_URL and MEDIA_URL become literal prefix locations, quoted when needed, decoded like nginx $uri', () => {
  const cases: [string, string][] = [
    ['/my static/', '/my static/'],
    ['my%20static/', '/my static/'],
    ['/%7Ebob/', '/~bob/'],
    ['/a"b/', '/a"b/'],
    ['/x;y{z}/', '/x;y{z}/'],
    ['/re.*[gex]+(s)$/', '/re.*[gex]+(s)$/'],
    ['/~static/', '/~static/'],
    ['/st$atic/', '/st$atic/'],
    ['static', '/static/'],
  ];
  for (const [url, path] of cases) {
    const conf = nginxConfig(input({ staticUrl: url }));
    const locations = all(site(conf).block, 'location');
    const location = locations.find((l) => all(l.block, 'alias')[0]?.args[0] === '/srv/shop/staticfiles/');
    // One argument, so no `~` / `=` / `^~` modifier: a literal prefix.
    assert.deepEqual(location?.args, [path], `${url}\n${conf}`);
  }
});

test('a STATIC_URL or MEDIA_URL no request could match, or with control characters, is refused', () => {
  const refused: [string, RegExp][] = [
    ['/new\nline/', /control character/],
    ['/a%0Ab/', /percent-escaped control character/],
    ['/bad%zz/', /% that is not a percent-escape/],
    ['/static/?v=1', /\? or #/],
    ['/static/#x', /\? or #/],
    ['/a/../static/', /\. and \.\./],
    ['/a//static/', /merges the slashes/],
    ['/', /take every request from the application/],
  ];
  for (const [url, why] of refused) {
    const conf = nginxConfig(input({ staticUrl: url, mediaUrl: url }));
    assert.deepEqual([...aliases(conf).keys()], ['/'], `${JSON.stringify(url)}\n${conf}`);
    const staticSaid = comments(conf).find((l) => /STATIC_URL .* is refused: /.test(l));
    assert.match(staticSaid ?? '', why, conf);
    assert.ok(comments(conf).some((l) => /MEDIA_URL .* is refused: .*No media location/.test(l)), conf);
  }
  // A CDN is not refused: served from there.
  const cdn = nginxConfig(input({ staticUrl: 'https://cdn.example.com/static/' }));
  assert.deepEqual([...aliases(cdn).keys()], ['/media/', '/']);
});

test('MEDIA_ROOT unset or relative: no media location (never alias /), and a comment', () => {
  for (const mediaRoot of [undefined, '', 'media', 'C:\\proj\\media']) {
    const conf = nginxConfig(input({ mediaRoot }));
    assert.deepEqual([...aliases(conf).keys()], ['/static/', '/'], String(mediaRoot));
    assert.ok(comments(conf).some((l) => /MEDIA_ROOT .*(not set|not an absolute path)/.test(l)), conf);
  }
  // STATIC_ROOT relative (a Windows workspace): the placeholder, and a comment saying so.
  const windows = nginxConfig(input({ staticRoot: 'C:\\proj\\staticfiles' }));
  assert.equal(aliases(windows).get('/static/'), '/path/to/staticfiles/');
  assert.ok(comments(windows).some((l) => l.includes('STATIC_ROOT "C:\\\\proj\\\\staticfiles" is not an absolute path')), windows);
});

test('server_name: host names from ALLOWED_HOSTS; anything else is left out and named in a comment', () => {
  const conf = nginxConfig(input({ allowedHosts: ['shop.example.com', '.example.org', '*', 'a b', 'evil.com\nlocation', 'x;y', '[::1]', '~^re$', '..', 'a..b'] }));
  for (const s of servers(conf)) assert.deepEqual(one(s.block, 'server_name').args, ['shop.example.com', '.example.org']);
  const said = comments(conf).find((l) => l.includes('Not in server_name'));
  assert.ok(said?.includes('"a b"') && said.includes('"evil.com\\nlocation"') && said.endsWith(' and 2 more'), said);
  const none = nginxConfig(input({ allowedHosts: ['*'] }));
  for (const s of servers(none)) assert.deepEqual(one(s.block, 'server_name').args, ['_']);
});

test('standalone (no SECURE_PROXY_SSL_HEADER): port 80 redirects to https; the TLS server serves static, media and the app', () => {
  const conf = nginxConfig(input({ allowedHosts: ['.example.org', 'shop.example.com'] }));
  const [plain, tls] = servers(conf);
  assert.equal(servers(conf).length, 2);
  assert.deepEqual(one(plain.block, 'listen').args, ['80']);
  assert.deepEqual(one(plain.block, 'return').args, ['301', 'https://$host$request_uri']);
  assert.equal(all(plain.block, 'location').length, 0, 'port 80 serves nothing');
  assert.deepEqual(one(tls.block, 'listen').args, ['443', 'ssl']);
  assert.deepEqual(one(tls.block, 'ssl_certificate').args, ['/etc/letsencrypt/live/example.org/fullchain.pem']);
  assert.deepEqual(one(tls.block, 'ssl_certificate_key').args, ['/etc/letsencrypt/live/example.org/privkey.pem']);
  assert.match(conf, /# PLACEHOLDERS: the certificate and key for example\.org/);
  const [statics, media, app] = all(tls.block, 'location');
  assert.deepEqual(one(statics.block, 'add_header').args, ['Cache-Control', '$shop_static_cache_control']);
  assert.deepEqual(one(media.block, 'add_header').args, ['X-Content-Type-Options', 'nosniff']);
  assert.deepEqual(one(app.block, 'proxy_pass').args, ['http://shop_app']);
  const headers = all(app.block, 'proxy_set_header').map((d) => d.args);
  assert.deepEqual(headers, [['Host', '$host'], ['X-Forwarded-For', '$proxy_add_x_forwarded_for'], ['X-Forwarded-Proto', '$scheme']]);
  // Other ports (tests), and a certificate of one's own.
  const ports = nginxConfig(input({ listen: 8080, listenTls: 8443, certificate: { certificate: '/tmp/my cert.pem', key: '/tmp/key.pem' } }));
  const [plain2, tls2] = servers(ports);
  assert.deepEqual(one(plain2.block, 'return').args, ['301', 'https://$host:8443$request_uri']);
  assert.deepEqual(one(tls2.block, 'listen').args, ['8443', 'ssl']);
  assert.deepEqual(one(tls2.block, 'ssl_certificate').args, ['/tmp/my cert.pem']);
  assert.ok(!ports.includes('PLACEHOLDERS'));
  // No host: a placeholder domain.
  assert.match(nginxConfig(input({ allowedHosts: [] })), /ssl_certificate \/etc\/letsencrypt\/live\/example\.com\/fullchain\.pem;/);
  // SECURE_SSL_REDIRECT with no proto header Django reads: the comment says what loops and what to do.
  assert.match(nginxConfig(input({ sslRedirect: true })), /# SECURE_SSL_REDIRECT is True: under a server that ignores this header Django sees http and redirects forever/);
});

test('behind a TLS-terminating proxy (SECURE_PROXY_SSL_HEADER): port 80 only, the header passed on as it came, never $scheme', () => {
  const conf = nginxConfig(input({ secureProxySslHeader: { header: 'HTTP_X_FORWARDED_PROTO', value: 'https' }, sslRedirect: true }));
  assert.equal(servers(conf).length, 1);
  const [server] = servers(conf);
  assert.deepEqual(one(server.block, 'listen').args, ['80']);
  assert.equal(all(server.block, 'ssl_certificate').length, 0);
  const app = all(server.block, 'location').at(-1)!;
  const headers = all(app.block, 'proxy_set_header').map((d) => d.args);
  assert.deepEqual(headers, [['Host', '$host'], ['X-Forwarded-For', '$proxy_add_x_forwarded_for'], ['X-Forwarded-Proto', '$http_x_forwarded_proto']]);
  assert.ok(!headers.some((h) => h[1] === '$scheme'));
  assert.match(conf, /# Django reads X-Forwarded-Proto \(SECURE_PROXY_SSL_HEADER\): "https" means the request came over HTTPS/);
  assert.match(conf, /redirect it to https forever \(SECURE_SSL_REDIRECT\)/);
  // Another header name: X-Forwarded-Ssl: on.
  const ssl = nginxConfig(input({ secureProxySslHeader: { header: 'HTTP_X_FORWARDED_SSL', value: 'on' }, sslRedirect: false }));
  const sslHeaders = all(all(site(ssl).block, 'location').at(-1)!.block, 'proxy_set_header').map((d) => d.args);
  assert.deepEqual(sslHeaders.at(-1), ['X-Forwarded-Ssl', '$http_x_forwarded_ssl']);
  assert.match(ssl, /SECURE_SSL_REDIRECT is off: the proxy in front redirects plain HTTP to https, or nobody does/);
  // A META key that no request header becomes: said, and no header invented.
  for (const header of ['X-Forwarded-Proto', 'HTTP_x_forwarded_proto', 'wsgi.url_scheme', 'HTTP_X;Y']) {
    const odd = nginxConfig(input({ secureProxySslHeader: { header, value: 'https' } }));
    const oddHeaders = all(all(site(odd).block, 'location').at(-1)!.block, 'proxy_set_header').map((d) => d.args[0]);
    assert.deepEqual(oddHeaders, ['Host', 'X-Forwarded-For'], header);
    assert.match(odd, /SECURE_PROXY_SSL_HEADER names .*not a request header as Django sees it/);
  }
});

test('every generated config parses, whatever the values: one map, one upstream, comments on one line', () => {
  const values = ['', '/', '$', '\n', '"', '\\', '{', '}', ';', '#', INJECTION, '/a b/', 'https://cdn.example.com/x/', '%', '\u2028', '/x\r/'];
  for (const v of values) {
    for (const layout of [{}, { secureProxySslHeader: { header: v, value: v }, sslRedirect: true }]) {
      const conf = nginxConfig(input({ settingsModule: v, staticUrl: v, staticRoot: v, mediaUrl: v, mediaRoot: v, allowedHosts: [v], upstream: v, ...layout }));
      const parsed = parse(conf);
      assert.deepEqual(parsed.map((d) => d.name), ['map', 'upstream', ...servers(conf).map(() => 'server')], JSON.stringify(v));
      assert.ok(!names(parsed).includes('autoindex'));
    }
  }
});

test('projectFacts reads SECURE_PROXY_SSL_HEADER and SECURE_SSL_REDIRECT from the production settings', () => {
  const files = (settings: string) =>
    project({ 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite/__init__.py': '', 'mysite/settings.py': settings }, { djangoVersion: '4.2' });
  const behind = projectFacts(files("DEBUG = False\nSECURE_SSL_REDIRECT = True\nSECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n"));
  assert.deepEqual(behind.secureProxySslHeader, { header: 'HTTP_X_FORWARDED_PROTO', value: 'https' });
  assert.equal(behind.sslRedirect, true);
  const plain = projectFacts(files('DEBUG = False\n'));
  assert.equal(plain.secureProxySslHeader, undefined);
  assert.equal(plain.sslRedirect, false, "Django's default");
  const env = projectFacts(files("import os\nSECURE_SSL_REDIRECT = os.environ.get('SSL') == '1'\nSECURE_PROXY_SSL_HEADER = None\n"));
  assert.equal(env.secureProxySslHeader, undefined);
});
