// The template scan: Django's lexer, masking, htmlparser2 attributes, CSS references.
// Strings in, spans out; every offset is checked against the text it claims to cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { scanTemplate, type TemplateScan, type HtmlAttribute } from '../../server/src/engine/templates/scan';
import { cssReferences } from '../../server/src/engine/templates/css';

function attrs(scan: TemplateScan, name: string): HtmlAttribute[] {
  return scan.tags.flatMap((t) => t.attributes.filter((a) => a.name === name));
}
function one(text: string, name: string): HtmlAttribute {
  const found = attrs(scanTemplate(text), name);
  assert.equal(found.length, 1, `one ${name} in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0];
}
/** Every offset points at what it claims. */
function consistent(text: string, scan: TemplateScan) {
  for (const t of scan.tokens) {
    assert.ok(text.startsWith(t.content, t.contentStart), `content at ${t.contentStart}`);
    assert.ok(t.start < t.end && t.end <= text.length);
  }
  for (const tag of scan.tags) {
    assert.equal(text[tag.start], '<');
    assert.ok(tag.end <= text.length && tag.end > tag.start);
    for (const a of tag.attributes) {
      assert.equal(text.slice(a.nameStart, a.nameEnd).toLowerCase(), a.name);
      if (a.value !== undefined) assert.equal(text.slice(a.valueStart, a.valueEnd), a.value);
      else assert.equal(a.valueStart, -1);
    }
  }
}
const scan = (text: string) => {
  const s = scanTemplate(text);
  consistent(text, s);
  return s;
};
const values = (text: string, name = 'src') => attrs(scan(text), name).map((a) => [a.value, a.dynamic]);

test('Django lexer: the three token shapes, trimmed content and tag names', () => {
  const text = "{% load static %}\n<p>{{ user.name }}</p>{# note #}{%static 'a.css' as x%}";
  const s = scan(text);
  assert.deepEqual(s.tokens.map((t) => [t.kind, t.content, t.tagName]), [
    ['block', 'load static', 'load'],
    ['variable', 'user.name', undefined],
    ['comment', 'note', undefined],
    ['block', "static 'a.css' as x", 'static'],
  ]);
  assert.equal(s.tokens[0].start, 0);
  assert.equal(s.tokens[0].end, 17);
  assert.equal(s.tokens[0].contentStart, 3);
  assert.equal(s.tokens[3].contentStart, text.indexOf("static 'a"));
});

test('Django lexer: a tag split across lines is plain text; tokens are non-greedy', () => {
  const s = scan('{% if\n x %}{{ a }}}}{% b %}{%%}');
  assert.deepEqual(s.tokens.map((t) => t.content), ['a', 'b', '']);
  assert.equal(s.tokens[2].tagName, '');
});

test('Django lexer: a lone \\r does not end a token (Python . matches it), CRLF files work', () => {
  assert.deepEqual(scan('{% if a\rb %}').tokens.map((t) => t.tagName), ['if']);
  const text = '{% load static %}\r\n<img src="{% static "a.png" %}"\r\n     alt="x">\r\n';
  const s = scan(text);
  assert.equal(s.tokens.length, 2);
  assert.deepEqual(values(text), [['{% static "a.png" %}', true]]);
  assert.equal(attrs(s, 'alt')[0].value, 'x');
});

test('verbatim blocks are text, with or without a name; only the exact end tag closes them', () => {
  const text = '{% verbatim %}{{ vue }}{% if %}<img src="/x.png">{% endverbatim %}{{ after }}';
  const s = scan(text);
  assert.deepEqual(s.tokens.map((t) => t.content), ['verbatim', 'endverbatim', 'after']);
  assert.deepEqual(s.ignored, [{ start: 0, end: text.indexOf('{{ after') }]);
  assert.equal(s.tags.length, 0);
  const named = scan('{% verbatim b %}{% endverbatim %}<img src="/in.png">{% endverbatim b %}<img src="/out.png">');
  assert.deepEqual(named.tokens.map((t) => t.content), ['verbatim b', 'endverbatim b']);
  assert.deepEqual(attrs(named, 'src').map((a) => a.value), ['/out.png']);
});

test('comment blocks are skipped, with a note, and up to the exact {% endcomment %}', () => {
  const text = '{% comment "why" %}{% load x %}<img src="/a.png">{% endcomment %}{% load static %}';
  const s = scan(text);
  assert.deepEqual(s.tokens.map((t) => t.content), ['comment "why"', 'endcomment', 'load static']);
  assert.equal(s.tags.length, 0);
  assert.deepEqual(s.ignored, [{ start: 0, end: text.indexOf('{% load static') }]);
});

test('unclosed comment and verbatim blocks run to the end of the text', () => {
  const c = scan('<p>{% comment %}\n<img src="/a.png">\n{{ x }}');
  assert.deepEqual(c.tokens.map((t) => t.tagName), ['comment']);
  assert.equal(c.tags.length, 1);
  assert.deepEqual(c.ignored, [{ start: 3, end: 43 }]);
  const v = scan('{% verbatim %}<img src="/a.png">{% endverbatim x %}');
  assert.equal(v.tags.length, 0);
  assert.equal(v.tokens.length, 1);
  assert.deepEqual(v.ignored, [{ start: 0, end: 51 }]);
});

test('a verbatim tag inside a comment block keeps the comment open (the lexer runs first)', () => {
  const s = scan('{% comment %}{% verbatim %}{% endcomment %}{% endverbatim %}<img src="/a.png">');
  assert.equal(s.tags.length, 0);
  assert.deepEqual(s.tokens.map((t) => t.tagName), ['comment']);
});

test('{# #} and <!-- --> comments: nothing inside is reported', () => {
  const text = '{# <img src="/a.png"> #}<!-- <img src="/b.png"> {% static "c" %} --><img src="/c.png">';
  const s = scan(text);
  assert.deepEqual(attrs(s, 'src').map((a) => a.value), ['/c.png']);
  assert.deepEqual(s.ignored, [{ start: 0, end: text.indexOf('<img src="/c') }]);
  assert.equal(s.tokens.filter((t) => t.tagName === 'static').length, 1); // Django still parses it
  const open = scan('<!-- <img src="/b.png">');
  assert.equal(open.tags.length, 0);
  assert.deepEqual(open.ignored, [{ start: 0, end: 23 }]);
});

test('nested double quotes inside a double-quoted value stay one dynamic value', () => {
  const text = '<link rel="stylesheet" href="{% static "admin/css/base.css" %}">';
  const s = scan(text);
  const href = attrs(s, 'href')[0];
  assert.equal(href.value, '{% static "admin/css/base.css" %}');
  assert.equal(href.quote, '"');
  assert.equal(href.dynamic, true);
  assert.equal(s.tags[0].end, text.length);
  assert.equal(attrs(s, 'rel')[0].dynamic, false);
});

test('values mixing text and tokens are dynamic; plain values are not', () => {
  assert.deepEqual(values('<img src="/static/{{ name }}.png"><img src="{{ STATIC_URL }}x.png"><img src="/static/x.png">'), [
    ['/static/{{ name }}.png', true],
    ['{{ STATIC_URL }}x.png', true],
    ['/static/x.png', false],
  ]);
});

test('> inside a block tag does not end the HTML tag', () => {
  const text = '<img {% if a > b %}class="big"{% endif %} src="/static/x.png">';
  const s = scan(text);
  assert.equal(s.tags.length, 1);
  assert.equal(s.tags[0].end, text.length);
  assert.deepEqual(values(text), [['/static/x.png', false]]);
  assert.equal(attrs(s, 'class')[0].value, 'big');
});

test('tokens between attributes become spaces: attributes around them survive', () => {
  const s = scan('<input {% if x %}checked{% endif %} type="checkbox"{{ attrs }} name=a>');
  assert.deepEqual(s.tags[0].attributes.map((a) => [a.name, a.value]), [
    ['checked', undefined],
    ['type', 'checkbox'],
    ['name', 'a'],
  ]);
});

test('unquoted values: plain, made of a token, or continued by a token', () => {
  assert.deepEqual(values('<img src=/static/x.png alt=y>'), [['/static/x.png', false]]);
  assert.deepEqual(values("<img src={% static 'x.png' %} alt=y>"), [["{% static 'x.png' %}", true]]);
  assert.deepEqual(values('<img src=/static/{{ v }}/a.png>'), [['/static/{{ v }}/a.png', true]]);
  assert.deepEqual(values('<img src= {{ v }} alt=y>'), [['{{ v }}', true]]);
  const a = one('<img src=/x.png>', 'src');
  assert.equal(a.quote, '');
  assert.equal(a.valueEnd, 15);
});

test('single quotes, empty values, bare attributes, entities kept raw', () => {
  const s = scan("<img src='/a.png' alt=\"\" hidden data-x=\"a&amp;b&quot;\">");
  const [src, alt, hidden, data] = s.tags[0].attributes;
  assert.deepEqual([src.value, src.quote], ['/a.png', "'"]);
  assert.deepEqual([alt.value, alt.valueStart, alt.valueEnd], ['', 23, 23]);
  assert.deepEqual([hidden.value, hidden.valueStart, hidden.quote], [undefined, -1, '']);
  assert.equal(data.value, 'a&amp;b&quot;');
});

test('uppercase names are lowercased; duplicates are kept; self-closing tags', () => {
  const s = scan('<IMG SRC="/a.png" src="/b.png"/><br/><Source SrcSet="/a.webp 1x, /b.webp 2x">');
  assert.deepEqual(s.tags.map((t) => t.name), ['img', 'br', 'source']);
  assert.deepEqual(attrs(s, 'src').map((a) => a.value), ['/a.png', '/b.png']);
  assert.equal(s.tags[0].end, s.tags[1].start);
  assert.equal(attrs(s, 'srcset')[0].value, '/a.webp 1x, /b.webp 2x');
});

test('SVG <image href> and xlink:href', () => {
  const s = scan('<svg><image href="/i.svg"/><use xlink:href="/sprite.svg#a"></use></svg>');
  assert.deepEqual(s.tags.map((t) => t.name), ['svg', 'image', 'use']);
  assert.equal(attrs(s, 'xlink:href')[0].value, '/sprite.svg#a');
});

test('<style> contents and style="" values are CSS; <script> contents are raw', () => {
  const text = '<style>a{background:url(/x.png)}</style><div style="background: url(\'/y.png\')"></div><script>if (a<b) document.write("<img src=/z.png>")</script><p>';
  const s = scan(text);
  assert.deepEqual(s.css.map((c) => text.slice(c.start, c.end)), ['a{background:url(/x.png)}', "background: url('/y.png')"]);
  assert.deepEqual(s.scripts.map((c) => text.slice(c.start, c.end)), ['if (a<b) document.write("<img src=/z.png>")']);
  assert.deepEqual(s.tags.map((t) => t.name), ['style', 'div', 'script', 'p']);
});

test('template tokens inside <script> are still tokens; </script> inside a token does not end it', () => {
  const text = '<script>var x = "{{ "</script>" }}"; {% if a %}</script><img src="/a.png">';
  const s = scan(text);
  assert.equal(s.tokens.length, 2);
  assert.deepEqual(s.tags.map((t) => t.name), ['script', 'img']);
});

test('unclosed <style> runs to the end; comment blocks are cut out of CSS spans', () => {
  const text = '<style>a{}{% comment %}b{background:url(/x.png)}{% endcomment %}c{}';
  const s = scan(text);
  assert.deepEqual(s.css.map((c) => text.slice(c.start, c.end)), ['a{}', 'c{}']);
});

test('half-typed markup: a runaway quoted value stops at a line starting a new tag', () => {
  const text = '<img src="\n<link href="/static/a.css">\n<p class="x">hi</p>';
  const s = scan(text);
  assert.deepEqual(s.tags.map((t) => t.name), ['img', 'link', 'p']);
  const src = attrs(s, 'src')[0];
  assert.equal(src.dynamic, true);
  assert.equal(src.valueEnd, text.indexOf('\n'));
  assert.equal(s.tags[0].end, text.indexOf('\n'));
  assert.deepEqual(attrs(s, 'href').map((a) => [a.value, a.dynamic]), [['/static/a.css', false]]);
  assert.equal(attrs(s, 'class')[0].value, 'x');
});

test('half-typed markup: runaway value at the end of the text, with CRLF', () => {
  const text = '<img src="/a.png\r\n  <script src="/b.js"></script>';
  const s = scan(text);
  assert.deepEqual(s.tags.map((t) => t.name), ['img', 'script']);
  assert.equal(attrs(s, 'src')[0].valueEnd, text.indexOf('\r'));
  assert.equal(attrs(s, 'src')[1].value, '/b.js');
});

test('half-typed markup: an unclosed tag followed by a tag on the next line', () => {
  const s = scan('<img src="/a.png"\n<img src="/b.png">');
  assert.deepEqual(values('<img src="/a.png"\n<img src="/b.png">'), [['/a.png', false], ['/b.png', false]]);
  assert.equal(s.tags[0].end, 17);
});

test('unclosed tag at the end of the text: end is the text length', () => {
  const text = '<p>a</p><img src="/static/x.png" alt';
  const s = scan(text);
  assert.equal(s.tags[1].end, text.length);
  assert.deepEqual(s.tags[1].attributes.map((a) => [a.name, a.value]), [['src', '/static/x.png'], ['alt', undefined]]);
  const typing = scan('<img src="/static/x');
  assert.equal(typing.tags[0].end, 19);
  assert.deepEqual(attrs(typing, 'src').map((a) => [a.value, a.dynamic, a.quote]), [['/static/x', true, '"']]);
  const empty = scan('<img src="');
  assert.deepEqual(attrs(empty, 'src').map((a) => [a.value, a.valueStart]), [['', 10]]);
  assert.equal(scan('<im').tags[0].name, 'im');
  assert.equal(scan('<img src=/a').tags[0].attributes[0].value, '/a');
});

test('a BOM, non-tags and stray characters', () => {
  const text = '\uFEFF<p>a < b && c > d</p><3 </ > <img src="/x.png">';
  assert.deepEqual(scan(text).tags.map((t) => t.name), ['p', 'img']);
});

test('offsets are UTF-16 (astral characters before a value)', () => {
  const text = '<p title="😀é">😀</p><img src="/x.png">';
  const src = one(text, 'src');
  assert.equal(src.valueStart, text.indexOf('/x.png'));
});

test('a very long line', () => {
  const line = '<a href="/p">x</a>'.repeat(20000) + '<img src="/static/end.png">';
  const s = scan(line);
  assert.equal(s.tags.length, 20001);
  assert.equal(attrs(s, 'src')[0].valueStart, line.length - '/static/end.png">'.length);
});

test('cssReferences: url() quoted and unquoted, @import string and url(), comments and strings skipped', () => {
  const css = `/* url(/no.png) */ @import "a.css"; @IMPORT url('b.css'); a { background: URL( /x.png ) ; content: "url(/no2.png)" } b{src:url("f.woff2?v=1#x") format("woff2")}`;
  const refs = cssReferences(css, { start: 0, end: css.length });
  assert.deepEqual(refs.map((r) => [r.kind, r.value, r.quote]), [
    ['import', 'a.css', '"'],
    ['import', 'b.css', "'"],
    ['url', '/x.png', ''],
    ['url', 'f.woff2?v=1#x', '"'],
  ]);
  for (const r of refs) assert.equal(css.slice(r.start, r.end), r.value);
});

test('cssReferences: only inside the span; values touching template tokens are omitted', () => {
  const text = `<style>a{background:url({% static "a.png" %})} b{background:url("{% static "b.png" %}")} c{background:url(/static/{{ v }}.png)} d{background:url(/d.png)}</style>url(/out.png)`;
  const s = scanTemplate(text);
  const refs = cssReferences(text, s.css[0], s.tokenTable);
  assert.deepEqual(refs.map((r) => r.value), ['/d.png']);
  assert.deepEqual(cssReferences('url(/a.png) url(', { start: 0, end: 11 }).map((r) => r.value), ['/a.png']);
  assert.deepEqual(cssReferences('x{a:url(/a.png', { start: 0, end: 14 }), []); // unterminated
  assert.deepEqual(cssReferences('x{a:myurl(/a.png)}', { start: 0, end: 18 }), []);
});

test('cssReferences in a style attribute span from the scan', () => {
  const text = `<div style="background-image: url('/static/img/bg.png')"></div>`;
  const s = scanTemplate(text);
  const refs = cssReferences(text, s.css[0], s.tokenTable);
  assert.deepEqual(refs.map((r) => [r.value, text.slice(r.start, r.end)]), [['/static/img/bg.png', '/static/img/bg.png']]);
});

test('random mutations of a template never throw and keep offsets consistent', () => {
  const base = '{% load static %}<link href="{% static "a.css" %}"><img src=/x.png alt=\'a\'>{# c #}<!-- x --><style>a{b:url(/y.png)}</style>{% verbatim %}{{ x }}{% endverbatim %}<script>1<2</script>';
  const pieces = ['<', '>', '"', "'", '{%', '%}', '{{', '}}', '{#', '#}', '\n', '<!--', '-->', '=', '/', ' ', '{% comment %}', '{% endcomment %}', '<style>', '</script>', '\r\n'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let n = 0; n < 2000; n++) {
    let text = base;
    for (let k = 0; k < 3; k++) {
      const at = Math.floor(random() * (text.length + 1));
      text = random() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5)) : text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
    }
    const s = scan(text);
    for (const c of s.css) cssReferences(text, c, s.tokenTable);
  }
});

function realisticTemplate(lines: number): string {
  const block = [
    '{% extends "base.html" %}',
    '{% load static i18n %}',
    '{% block content %}',
    '<div class="card {% if item.active %}active{% endif %}" data-id="{{ item.id }}">',
    '  <img src="{% static "img/logo.png" %}" alt="{% trans "Logo" %}" width=32>',
    '  <a href="{% url "detail" item.pk %}">{{ item.title|truncatewords:5 }}</a>',
    '  {# a comment #}',
    '  <!-- <img src="/static/old.png"> -->',
    '  <link rel="stylesheet" href="/static/css/site.css">',
    '  <p style="background: url(\'/static/bg.png\')">{% if a > b %}x{% endif %}</p>',
    '  <script>var n = {{ n|safe }}; if (n < 3) {}</script>',
    '  <style>.x { background: url("{% static "x.png" %}"); }</style>',
    '</div>',
    '{% endblock %}',
  ];
  const out: string[] = [];
  while (out.length < lines) out.push(...block);
  return out.slice(0, lines).join('\n');
}

test('a 10,000-line realistic template scans in a few milliseconds', () => {
  const text = realisticTemplate(10000);
  scanTemplate(text); // warm up
  const runs = 5;
  const t0 = performance.now();
  let s: TemplateScan | undefined;
  for (let i = 0; i < runs; i++) s = scanTemplate(text);
  const ms = (performance.now() - t0) / runs;
  console.log(`scanTemplate: 10,000 lines, ${(text.length / 1024).toFixed(0)} KB in ${ms.toFixed(2)} ms`);
  assert.ok(s);
  consistent(text, s);
  const links = attrs(s, 'href');
  assert.ok(links.some((a) => a.value === '/static/css/site.css' && !a.dynamic));
  assert.ok(attrs(s, 'src').every((a) => a.value?.includes('{%') === a.dynamic));
  assert.ok(!attrs(s, 'src').some((a) => a.value === '/static/old.png'));
  assert.ok(ms < 200, `${ms} ms`);
});

const ADMIN = '/usr/lib/python3/dist-packages/django/contrib/admin/templates';
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

test("Django's admin templates: no exceptions, every src/href with {% is dynamic", { skip: existsSync(ADMIN) ? false : 'python3-django is not installed' }, () => {
  const files = htmlFiles(ADMIN);
  assert.ok(files.length > 20);
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const s = scan(text);
    for (const a of [...attrs(s, 'src'), ...attrs(s, 'href')]) {
      if (a.value?.includes('{%') || a.value?.includes('{{')) {
        assert.equal(a.dynamic, true, `${file}: ${a.name}=${a.value}`);
        checked++;
      }
    }
  }
  const base = readFileSync(join(ADMIN, 'admin/base.html'), 'utf8');
  const href = attrs(scanTemplate(base), 'href').find((a) => a.value?.includes('{% static "admin/css/base.css" %}'));
  assert.ok(href?.dynamic);
  assert.ok(checked > 20, `${checked} dynamic src/href`);
});

test("Django lexer: tokens are exactly the matches of Django's tag_re (random texts)", () => {
  // django/template/base.py: tag_re = re.compile(r'({%.*?%}|{{.*?}}|{#.*?#})'), no DOTALL.
  const tagRe = /\{%[^\n]*?%\}|\{\{[^\n]*?\}\}|\{#[^\n]*?#\}/g;
  const pieces = ['{', '}', '%', '#', '{%', '%}', '{{', '}}', '{#', '#}', ' ', 'x', 'if a', '\n', '\r', '<a href="', '"', '>', "'"];
  let seed = 11;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let n = 0; n < 20000; n++) {
    let text = '';
    const parts = Math.floor(next() * 16);
    for (let k = 0; k < parts; k++) text += pieces[Math.floor(next() * pieces.length)];
    const expected = [...text.matchAll(tagRe)].map((m) => [m.index, m.index! + m[0].length]);
    assert.deepEqual(scanTemplate(text).tokens.map((t) => [t.start, t.end]), expected, JSON.stringify(text));
  }
});
