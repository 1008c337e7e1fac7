// Template rules: raw asset paths that should be {% static %}, {% load static %} where it
// belongs, {% static %} paths no finder serves, removed load names, prefix-style static URLs.
// Facts: templates-and-servers.md §1. Every rule prefers a missed warning to a false alarm.

import * as posix from 'node:path/posix';
import type { Finding, Fix, TextEdit, Severity } from '../findings';
import { isTrimmed, scanTemplate, type HtmlAttribute, type HtmlTag, type Span, type TemplateScan, type TemplateToken } from './scan';
import { cssReferences } from './css';
import { closestStaticPaths, maybeServedByInvisibleApp, type StaticFile, type StaticFinders } from './staticFinders';
import { DOCS } from '../rules/rule';
import { eolOf, ignoredOnLine } from '../text';

export interface TemplateContext {
  /** STATIC_URL as served (relative values get the script prefix "/"); undefined when unknown. */
  staticUrl: string | undefined;
  mediaUrl: string | undefined;
  finders: StaticFinders;
  index: Map<string, StaticFile>;
  /** `django.templatetags.static` is in TEMPLATES OPTIONS builtins: no load needed anywhere. */
  staticBuiltin: boolean;
  /** Library names that load the static tags: `static` and any OPTIONS libraries alias. */
  staticLibraries: string[];
  /** Of those, the project's own libraries that register a tag named `static` (it may not render what Django's does). */
  projectStaticLibraries?: string[];
  /** Django removed `{% load staticfiles %}` / `admin_static` in 3.0. */
  removedLoadNames: boolean;
  settingsModule: string;
  /** "Did you mean" suggestions already computed, by missing path. */
  suggestions?: Map<string, string[]>;
  /** Messages already written, by place and raw path (see `written` in readChunk). */
  messages?: Map<string, string>;
}

export interface TemplateRuleDoc {
  code: string;
  level: Severity;
  title: string;
  why: string;
  url: string;
}

const STATIC_DOCS = `${DOCS}/howto/static-files/`;
export const TEMPLATE_RULES: TemplateRuleDoc[] = [
  { code: 'DJD201', level: 'warning', title: 'Raw static asset path', why: 'A hard-coded /static/… or relative path misses hashed file names (ManifestStaticFilesStorage), CDNs and STATIC_URL changes: stale caches or 404s in production.', url: `${DOCS}/ref/templates/builtins/#static` },
  { code: 'DJD202', level: 'information', title: 'Relative asset path that no finder serves', why: 'A relative URL resolves against the page URL: it breaks on any page that is not at the site root.', url: STATIC_DOCS },
  { code: 'DJD203', level: 'error', title: '{% static %} without {% load static %}', why: 'Each template loads its own tag libraries: rendering raises TemplateSyntaxError ("Invalid block tag … Did you forget to register or load this tag?").', url: `${DOCS}/ref/templates/builtins/#static` },
  { code: 'DJD204', level: 'error', title: '{% load staticfiles %} / {% load admin_static %} was removed', why: "Django 3.0 removed these libraries: TemplateSyntaxError \"'staticfiles' is not a registered tag library\".", url: `${DOCS}/releases/3.0/#features-removed-in-3-0` },
  { code: 'DJD205', level: 'warning', title: '{% static %} path that no finder serves', why: 'With ManifestStaticFilesStorage and DEBUG = False every render raises ValueError ("Missing staticfiles manifest entry"): a 500 on every page that uses it.', url: `${DOCS}/ref/contrib/staticfiles/#manifeststaticfilesstorage` },
  { code: 'DJD206', level: 'hint', title: 'STATIC_URL prefix instead of {% static %}', why: '{{ STATIC_URL }}… and {% get_static_prefix %}… are plain prefixes: they bypass hashed file names and storages.', url: `${DOCS}/ref/templates/builtins/#get-static-prefix` },
];
const RULE = new Map(TEMPLATE_RULES.map((r) => [r.code, r]));

/** Which attributes of which elements load a static asset. */
interface AssetAttribute {
  tags: string[];
  attribute: string;
  srcset?: boolean;
  /** `<link>`: only these rel values load an asset. */
  rel?: RegExp;
  /** `<input>`: only type=image. */
  type?: string;
}
export const ASSET_ATTRIBUTES: AssetAttribute[] = [
  { tags: ['img', 'source', 'script', 'track', 'audio', 'video', 'embed'], attribute: 'src' },
  { tags: ['img', 'source'], attribute: 'srcset', srcset: true },
  { tags: ['video'], attribute: 'poster' },
  // Lazy loading (lazysizes, lozad, vanilla-lazyload): the real URL waits in data-*.
  { tags: ['img', 'source', 'video', 'audio', 'iframe'], attribute: 'data-src' },
  { tags: ['img', 'source'], attribute: 'data-srcset', srcset: true },
  { tags: ['video'], attribute: 'data-poster' },
  { tags: ['link'], attribute: 'href', rel: /(^|\s)(stylesheet|icon|shortcut|apple-touch-icon|apple-touch-icon-precomposed|mask-icon|preload|modulepreload|prefetch|manifest)(\s|$)/i },
  { tags: ['object'], attribute: 'data' },
  { tags: ['input'], attribute: 'src', type: 'image' },
  { tags: ['image', 'use'], attribute: 'href' },
  { tags: ['image', 'use'], attribute: 'xlink:href' },
];

const ASSET_EXTENSION = /\.(css|js|mjs|png|jpe?g|gif|svg|webp|avif|ico|bmp|woff2?|ttf|otf|eot|mp4|webm|ogg|ogv|mp3|wav|vtt|json|webmanifest|map|pdf|txt|xml)$/i;

interface Candidate {
  /** The raw URL text and its offsets in the document. */
  value: string;
  start: number;
  end: number;
  /** Quote of the enclosing attribute ('' when none or in a <style> block). */
  attributeQuote: '"' | "'" | '';
  /** Quote around a CSS url('…') value. */
  cssQuote: '"' | "'" | '';
  unquotedAttribute: boolean;
}

/** Templates are read in chunks of about this many characters, cut after line breaks. */
export const CHUNK_SIZE = 8192;

/** A tag the whole-template pass needs: loads, extends, and the tags that need a load. */
interface Anchor {
  tagName: 'load' | 'extends' | 'static' | 'get_static_prefix' | 'blocktrans' | 'endblocktrans';
  start: number;
  end: number;
  loadsStatic: boolean;
  /** A load of a project library with its own `static` tag. */
  projectStatic?: boolean;
}

/**
 * A piece of a template that scans the same on its own as inside the whole text: it starts the
 * text or follows a clean chunk that ends in a line break.
 */
interface Chunk {
  /** An own copy, so a chunk kept across edits never holds on to an older whole text. */
  text: string;
  /** Offsets relative to the chunk: at the start of the text (and with no load to add) they are the findings themselves. */
  findings: Finding[];
  /** Fixes that also need the template's `{% load static %}` insertion, when it has none. */
  needsLoad: Set<Fix>;
  anchors: Anchor[];
  clean: boolean;
}

/** One template's analysis, kept to make the next one (after an edit) cheap. */
export interface TemplateAnalysis {
  text: string;
  ctx: TemplateContext;
  chunks: Chunk[];
  findings: Finding[];
}

export function templateFindings(file: string, text: string, ctx: TemplateContext): Finding[] {
  return analyseTemplate(file, text, ctx).findings;
}

/**
 * Findings for a template. With the analysis of an earlier text of the same file (same
 * context), the chunks an edit left alone are not read again: only the edited ones and a pass
 * over the loads and static tags of the whole template.
 */
export function analyseTemplate(file: string, text: string, ctx: TemplateContext, previous?: TemplateAnalysis, chunkSize = CHUNK_SIZE): TemplateAnalysis {
  const chunks = chunkTemplate(file, text, ctx, previous && previous.ctx === ctx ? previous.chunks : [], Math.max(1, chunkSize));
  return { text, ctx, chunks, findings: assemble(file, text, ctx, chunks) };
}

function chunkTemplate(file: string, text: string, ctx: TemplateContext, old: Chunk[], size: number): Chunk[] {
  // Small templates are read whole: re-reading them is cheap, and their one chunk is the text itself.
  if (text.length <= 4 * size) return [readChunk(file, text, ctx, false)];
  const out: Chunk[] = [];
  // Unchanged chunks at the start…
  let pos = 0;
  let i = 0;
  for (; i < old.length; i++) {
    const c = old[i];
    if (!c.clean || !c.text.endsWith('\n') || !sameText(text, pos, c.text)) break;
    out.push(c);
    pos += c.text.length;
  }
  // …and at the end (the last one may end anywhere: it still ends the text).
  const tail: { start: number; chunk: Chunk }[] = [];
  let end = text.length;
  for (let j = old.length - 1; j >= i; j--) {
    const c = old[j];
    const start = end - c.text.length;
    if (start < pos || !sameText(text, start, c.text)) break;
    tail.unshift({ start, chunk: c });
    end = start;
  }
  // A kept chunk may only follow a line break.
  while (tail.length && tail[0].start > 0 && text.charCodeAt(tail[0].start - 1) !== 0x0a) tail.shift();
  let t = 0;
  while (pos < text.length) {
    while (t < tail.length && tail[t].start < pos) t++;
    if (t < tail.length && tail[t].start === pos) {
      for (; t < tail.length; t++) out.push(tail[t].chunk);
      break;
    }
    // Cut where a kept chunk starts when one is near, else after the line break past `size`.
    let cut = t < tail.length && tail[t].start <= pos + 2 * size ? tail[t].start : lineEndAfter(text, pos + size);
    for (;;) {
      const chunk = readChunk(file, text.slice(pos, cut), ctx, true);
      if (chunk.clean || cut >= text.length) {
        out.push(chunk);
        pos = cut;
        break;
      }
      // Something is still open at the cut: read on, twice as far each time.
      cut = lineEndAfter(text, pos + 2 * (cut - pos));
    }
  }
  return out;
}

/** Whether `part` is in `text` at `offset` (a slice compared whole runs as one native comparison). */
function sameText(text: string, offset: number, part: string): boolean {
  return text.slice(offset, offset + part.length) === part;
}

/** The offset after the first line break at or after `offset - 1`, or the text length. */
function lineEndAfter(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const lf = text.indexOf('\n', Math.max(0, offset - 1));
  return lf < 0 ? text.length : lf + 1;
}

/** Messages kept per context (TemplateContext.messages) at most. */
const MESSAGE_CACHE_LIMIT = 10_000;

/** A character that a string of one byte per character cannot hold. */
const WIDE = /[^\0-\xff]/;

/**
 * An own flat copy of a string (slices of a large text keep all of it alive), one byte per
 * character when every character fits in one.
 */
function ownCopy(text: string): string {
  return text.length < 16 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/** Everything one chunk decides alone; offsets relative to the chunk. */
function readChunk(file: string, slice: string, ctx: TemplateContext, copy: boolean): Chunk {
  const text = copy ? ownCopy(slice) : slice;
  const scan = scanTemplate(text, ASSET_TAG_NAMES, RULE_ATTRIBUTES);
  const findings: Finding[] = [];
  const anchors: Anchor[] = [];
  const needsLoad = new Set<Fix>();
  // Ignore comments are rare: most chunks have none to look for.
  let mayIgnore: boolean | undefined; // looked up at the first finding
  let wide: boolean | undefined; // likewise: the text has a character past U+00FF
  const report = (code: string, start: number, end: number, message: string, fixes: Fix[] = []) => {
    if ((mayIgnore ??= text.includes('django-deploy')) && ignoredOnLine(text, start, code, false)) return;
    const rule = RULE.get(code)!;
    findings.push({ code, severity: rule.level, message, file, start, end, docsUrl: rule.url, settingsModule: ctx.settingsModule, production: true, related: [], fixes });
  };
  /**
   * A finding's message, flat: a message built from slices of the text would keep the whole text
   * alive as long as the finding. Slices of a text with any character past U+00FF take two bytes
   * a character, and so would a message quoting one (and the CLI's whole JSON output once one
   * such message is in it): those get a copy of one byte a character when they fit.
   */
  const own = (m: string): string => {
    if ((wide ??= WIDE.test(text))) return ownCopy(m);
    m.charCodeAt(0); // reading a character flattens a built string in place
    return m;
  };
  /**
   * The message written before under `key` (what a message is written from besides the context):
   * the same raw path recurs in template after template. `remember` keeps a new one.
   */
  const written = (key: string): string | undefined => ctx.messages?.get(key);
  const remember = (key: string, m: string): string => {
    const cache = (ctx.messages ??= new Map<string, string>());
    // Typing in a value makes a new one at each keystroke: the cache stays bounded.
    if (cache.size >= MESSAGE_CACHE_LIMIT) cache.clear();
    m = own(m);
    cache.set(key, m);
    return m;
  };

  // DJD201 / DJD202: raw asset paths in attributes and CSS.
  for (const tag of scan.tags) {
    if (!ASSET_TAGS.has(tag.name)) continue;
    for (const attr of tag.attributes) {
      if (!isAssetAttribute(tag, attr) || attr.value === undefined || attr.valueStart < 0) continue;
      const srcset = attr.name === 'srcset' || attr.name === 'data-srcset';
      // A srcset mixing {% static %} and raw candidates: the raw ones are still raw.
      if (attr.dynamic && !(srcset && attr.quote !== '')) continue;
      const candidates = srcset ? srcsetCandidates(attr) : [{ value: attr.value, start: attr.valueStart, end: attr.valueEnd, attributeQuote: attr.quote, cssQuote: '' as const, unquotedAttribute: attr.quote === '' }];
      rawPathFindings(candidates, tag.name, attr.name);
    }
  }
  for (const span of scan.css) {
    const attributeQuote = quoteAround(text, span);
    for (const ref of cssReferences(text, span, scan.tokenTable)) {
      rawPathFindings([{ value: ref.value, start: ref.start, end: ref.end, attributeQuote, cssQuote: ref.quote, unquotedAttribute: false }], ref.kind === 'import' ? 'CSS @import' : 'CSS url()');
    }
  }

  /** `place`: a tag name with `attribute`, or what the CSS reference is. */
  function rawPathFindings(candidates: Candidate[], place: string, attribute?: string) {
    // Most attributes hold nothing to flag: nothing is made for them. Lists start with their first
    // item (an empty list grows room for sixteen at its first push).
    let edits: TextEdit[] | undefined;
    let flagged: { c: Candidate; path: string; suffix: string; confident: boolean; found: StaticFile | undefined; served: boolean; writable: boolean }[] | undefined;
    let rewritten: string | undefined; // the path of the first rewritten candidate
    let safe = false; // a rewritten candidate is surely a static file
    for (const c of candidates) {
      const r = classify(c.value, ctx);
      if (!r) continue;
      // Rewritten only when a finder serves the file: `{% static %}` of a missing file is a 500
      // with the manifest storage, where the raw path was a broken image.
      const served = !!r.found || maybeServedByInvisibleApp(ctx.finders, r.path);
      // A quote in the path cannot be written inside the tag without changing the markup: no rewrite.
      const writable = !/['"]/.test(r.path + r.suffix);
      const f = { c, path: r.path, suffix: r.suffix, confident: r.confident, found: r.found, served, writable };
      if (flagged) flagged.push(f);
      else flagged = [f];
      if (!served || !writable) continue;
      const edit = staticEdit(file, text, r.path, r.suffix, c);
      if (edits) edits.push(edit);
      else edits = [edit];
      rewritten ??= r.path;
      safe ||= r.confident;
    }
    if (!flagged) return;
    const where = attribute === undefined ? place : `<${place} ${attribute}>`;
    // One fix rewrites every served candidate of the attribute (srcset), plus the load when needed.
    const fix: Fix | undefined = edits
      ? { title: edits.length > 1 ? `Use {% static %} for all ${edits.length} paths` : `Use {% static '${rewritten}' %}`, safe, edits }
      : undefined;
    if (fix) needsLoad.add(fix);
    for (const f of flagged) {
      // Everything a message says follows from where the raw path is and the path (and the context).
      const key = `${where}\0${f.c.value}`;
      if (f.served && !f.writable) {
        report(f.confident ? 'DJD201' : 'DJD202', f.c.start, f.c.end, written(key) ?? remember(key, `Raw static path in ${where}: '${f.c.value}' bypasses STATIC_URL and hashed file names in production. Its quote cannot be written inside {% static %} as it is: rename the file, or write the tag by hand.`), []);
      } else if (!f.served) {
        // Each "did you mean" is its own explicit fix (never applied by fix-all).
        const suggestions = suggestionsFor(ctx, f.path);
        const guesses = suggestions.filter((s) => !/['"]/.test(s)).map((s): Fix => ({ title: `Use {% static '${s}' %} (did you mean '${s}'?)`, safe: false, edits: [staticEdit(file, text, s, f.suffix, f.c)] }));
        for (const g of guesses) needsLoad.add(g);
        const hint = suggestions.length ? ` Did you mean '${suggestions[0]}'?` : '';
        if (f.confident) report('DJD201', f.c.start, f.c.end, written(key) ?? remember(key, `Raw static path in ${where}: '${f.c.value}', and no static folder has '${f.path}'. Fix the path first, then use {% static %}: with ManifestStaticFilesStorage, {% static %} of a missing file is a 500 in production.${hint}`), guesses);
        else report('DJD202', f.c.start, f.c.end, written(key) ?? remember(key, `Relative asset path in ${where}: '${f.c.value}' resolves against the page URL and no static finder serves '${f.path}'. If it is a static file, use {% static %} with its path under a static folder.${hint}`), guesses);
      } else if (f.confident) {
        const served = f.found ? ` (served from ${f.found.source.origin})` : '';
        report('DJD201', f.c.start, f.c.end, written(key) ?? remember(key, `Raw static path in ${where}: '${f.c.value}' bypasses STATIC_URL and hashed file names in production${served}. Use {% static '${f.path}' %}.`), [fix!]);
      } else {
        const unsafe = { ...fix!, safe: false };
        needsLoad.add(unsafe);
        report('DJD202', f.c.start, f.c.end, written(key) ?? remember(key, `Relative asset path in ${where}: '${f.c.value}' resolves against the page URL and no static finder serves '${f.path}'. If it is a static file, use {% static %} with its path under a static folder.`), [unsafe]);
      }
    }
  }

  // DJD204 / DJD205 / DJD206 (DJD203 needs the whole template: see assemble).
  const table = scan.tokenTable;
  for (let k = 0; k < table.count; k++) {
    const tag = table.tagIndex(k, RULE_TAGS);
    if (tag >= 0) {
      const tagName = RULE_TAG_ANCHORS[tag];
      if (tagName === 'load') {
        const token = table.at(k);
        const projectStatic = !!ctx.projectStaticLibraries?.length && token.content.split(/\s+/).slice(1).some((w) => ctx.projectStaticLibraries!.includes(w));
        anchors.push({ tagName: 'load', start: token.start, end: token.end, loadsStatic: loadsStatic(token.content, ctx), projectStatic });
        // Most loads name neither removed library: the word search runs only on those that may.
        if (!ctx.removedLoadNames || !REMOVED_LOAD_HINT.test(token.content)) continue;
        for (const m of token.content.matchAll(/\b(staticfiles|admin_static)\b/g)) {
          const start = token.contentStart + m.index!;
          report('DJD204', start, start + m[0].length, own(`{% load ${m[0]} %} was removed in Django 3.0: every render raises TemplateSyntaxError ("'${m[0]}' is not a registered tag library"). Load static instead.`), [
            { title: `Load static instead of ${m[0]}`, safe: true, edits: [{ file, start, end: start + m[0].length, newText: 'static' }] },
          ]);
        }
        continue;
      }
      anchors.push({ tagName, start: table.start(k), end: table.end(k), loadsStatic: false });
      if (tagName === 'static') {
        missingStaticFile(table.at(k));
      } else if (tagName === 'get_static_prefix') {
        const token = table.at(k);
        if (!/\bas\s+\w+\s*$/.test(token.content)) prefixStyle(token, `{% get_static_prefix %}`);
      }
    } else if (table.contentIs(k, 'STATIC_URL') && table.kind(k) === 'variable') {
      prefixStyle(table.at(k), '{{ STATIC_URL }}');
    }
  }

  function missingStaticFile(token: TemplateToken) {
    const m = /^static\s+(["'])([^"'\n]*)\1(\s+as\s+\w+)?\s*$/.exec(token.content);
    if (!m) return; // a variable or filter expression: not decidable
    // The storages look the file up without `?query` or `#fragment` (`'img/a.png?v=2'`).
    const query = m[2].search(/[?#]/);
    const path = query < 0 ? m[2] : m[2].slice(0, query);
    // `{% static '/' %}`, `{% static 'img/' %}`: prefixes (the storages never hash a path ending in '/').
    if (!path || path.endsWith('/') || !ctx.finders.complete || ctx.finders.sources.length === 0) return;
    if (ctx.index.has(path) || maybeServedByInvisibleApp(ctx.finders, path)) return;
    const valueStart = token.contentStart + token.content.indexOf(m[1] + path + m[1]) + 1;
    const suggestions = suggestionsFor(ctx, path);
    const fixes: Fix[] = suggestions.map((s) => ({ title: `Did you mean '${s}'?`, safe: false, edits: [{ file, start: valueStart, end: valueStart + path.length, newText: s }] }));
    const key = `{% static %}\0${path}`;
    report('DJD205', valueStart, valueStart + path.length, written(key) ?? remember(key, `No static folder has '${path}': with ManifestStaticFilesStorage and DEBUG = False every render raises ValueError ("Missing staticfiles manifest entry"), a 500 in production; with DEBUG on it quietly 404s.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ''}`), fixes);
  }

  function prefixStyle(token: TemplateToken, shown: string) {
    const after = /^[A-Za-z0-9_./@-]+/.exec(text.slice(token.end, token.end + 1024));
    if (!after) return;
    const path = after[0].replace(/^\//, '');
    const end = token.end + after[0].length;
    const quote = quoteAround(text, { start: token.start, end });
    const inner = quote === "'" ? '"' : "'";
    const found = ctx.index.get(path);
    const fix: Fix = { title: `Use {% static '${path}' %}`, safe: !!found, edits: [{ file, start: token.start, end, newText: `{% static ${inner}${path}${inner} %}` }] };
    needsLoad.add(fix);
    report('DJD206', token.start, end, own(`${shown}${after[0]} is a plain prefix: it bypasses hashed file names and storages. Use {% static ${inner}${path}${inner} %}.`), [fix]);
  }

  findings.sort((a, b) => a.start - b.start);
  scan.release(); // its token table is not read again: the next scan may reuse it
  return { text, findings, needsLoad, anchors, clean: scan.clean };
}

/** The whole template: `{% load static %}` where it is missing (DJD203), and chunk findings in place. */
function assemble(file: string, text: string, ctx: TemplateContext, chunks: Chunk[]): Finding[] {
  const out: Finding[] = [];
  const finding = (code: string, start: number, end: number, message: string, fixes: Fix[]): Finding => {
    const rule = RULE.get(code)!;
    return { code, severity: rule.level, message, file, start, end, docsUrl: rule.url, settingsModule: ctx.settingsModule, production: true, related: [], fixes };
  };
  // The loads, extends and static tags of the whole template, in order.
  const anchors: Anchor[] = [];
  let base = 0;
  for (const c of chunks) {
    for (const a of c.anchors) anchors.push(base === 0 ? a : { ...a, start: a.start + base, end: a.end + base });
    base += c.text.length;
  }
  // {% blocktrans %} … {% endblocktrans %} allows variables only: a {% static %} written there
  // is a TemplateSyntaxError on every render. Findings inside get no rewrite.
  const translated: Span[] = [];
  for (const a of anchors) {
    if (a.tagName === 'blocktrans') translated.push({ start: a.end, end: text.length });
    else if (a.tagName === 'endblocktrans' && translated.length && translated[translated.length - 1].end === text.length) translated[translated.length - 1].end = a.start;
  }
  const inTranslation = (offset: number) => translated.some((t) => t.start <= offset && offset < t.end);
  const projectTag = anchors.some((a) => a.projectStatic);
  // The first place that needs the library: a static tag already there, or a raw path a fix
  // rewrites into one. The load goes before it (Django registers tags as it parses).
  let firstUse = text.length;
  for (const a of anchors) if ((a.tagName === 'static' || a.tagName === 'get_static_prefix') && a.start < firstUse) firstUse = a.start;
  base = 0;
  for (const c of chunks) {
    for (const f of c.findings) if (base + f.start < firstUse && !inTranslation(base + f.start) && f.fixes.some((x) => c.needsLoad.has(x))) firstUse = base + f.start;
    base += c.text.length;
  }
  const loadEdit = loadStaticInsertion(file, text, anchors, ctx, firstUse);

  base = 0;
  let next = 0; // the next anchor to check for DJD203
  let loaded = false;
  const missingLoad = (upTo: number) => {
    for (; next < anchors.length && anchors[next].start < upTo; next++) {
      const a = anchors[next];
      if (a.loadsStatic) loaded = true;
      if ((a.tagName !== 'static' && a.tagName !== 'get_static_prefix') || loaded || ctx.staticBuiltin) continue;
      if (ignoredOnLine(text, a.start, 'DJD203', false)) continue;
      const fixes: Fix[] = loadEdit ? [{ title: 'Add {% load static %}', safe: true, edits: [loadEdit] }] : [];
      out.push(finding('DJD203', a.start, a.end, `{% ${a.tagName} %} is used without {% load static %} in this template: rendering raises TemplateSyntaxError ("Invalid block tag … '${a.tagName}'. Did you forget to register or load this tag?"). A load in a parent template does not count.`, fixes));
    }
  };
  for (const c of chunks) {
    for (const f of c.findings) {
      missingLoad(base + f.start + 1);
      if (translated.length && f.fixes.some((x) => c.needsLoad.has(x)) && inTranslation(base + f.start)) {
        const note = ' It sits inside {% blocktrans %}, which allows variables only: take the URL out first ({% static \'…\' as url %} before the block, then {{ url }} inside it).';
        out.push({ ...f, start: f.start + base, end: f.end + base, message: f.message + note, fixes: [] });
        continue;
      }
      if (projectTag && f.fixes.some((x) => c.needsLoad.has(x))) {
        // The project's own {% static %} may render another URL (a CDN): offered, never applied blindly.
        const fixes = f.fixes.map((x): Fix => ({ title: c.needsLoad.has(x) ? `${x.title} (the project's own {% static %} tag)` : x.title, safe: c.needsLoad.has(x) ? false : x.safe, edits: x.edits.map((e) => ({ file, start: e.start + base, end: e.end + base, newText: e.newText })) }));
        out.push({ ...f, start: f.start + base, end: f.end + base, fixes });
        continue;
      }
      if (base === 0 && !(loadEdit && f.fixes.some((x) => c.needsLoad.has(x)))) {
        out.push(f);
        continue;
      }
      const fixes = f.fixes.map((x): Fix => {
        const edits: TextEdit[] = x.edits.map((e) => ({ file, start: e.start + base, end: e.end + base, newText: e.newText }));
        if (loadEdit && c.needsLoad.has(x)) edits.push(loadEdit);
        return { title: x.title, safe: x.safe, edits };
      });
      out.push({ ...f, start: f.start + base, end: f.end + base, fixes });
    }
    base += c.text.length;
  }
  missingLoad(Infinity);
  return out;
}

/** "Did you mean" paths for a missing one: the same path recurs across templates, so they are computed once per context. */
function suggestionsFor(ctx: TemplateContext, path: string): string[] {
  const cache = (ctx.suggestions ??= new Map<string, string[]>());
  let suggestions = cache.get(path);
  if (!suggestions) cache.set(path, (suggestions = closestStaticPaths(ctx.index, path)));
  return suggestions;
}

/** A load content that may name a removed library (DJD204). */
const REMOVED_LOAD_HINT = /staticfiles|admin_static/;

/** The block tags the chunk pass looks at, and the anchor each one is. */
const RULE_TAGS = ['load', 'blocktrans', 'blocktranslate', 'endblocktrans', 'endblocktranslate', 'extends', 'static', 'get_static_prefix'];
const RULE_TAG_ANCHORS: Anchor['tagName'][] = ['load', 'blocktrans', 'blocktrans', 'endblocktrans', 'endblocktrans', 'extends', 'static', 'get_static_prefix'];

/** Which elements have an attribute that may load an asset. */
const ASSET_TAGS = new Set(ASSET_ATTRIBUTES.flatMap((a) => a.tags));
const ASSET_TAG_NAMES = [...ASSET_TAGS];
/** The attributes of asset tags the rules read: the asset attributes, and `rel` and `type` that qualify them. */
const RULE_ATTRIBUTES = [...new Set([...ASSET_ATTRIBUTES.map((a) => a.attribute), 'rel', 'type'])];

/** The table by attribute name. */
const ASSET_ATTRIBUTES_BY_NAME = new Map<string, AssetAttribute[]>();
for (const a of ASSET_ATTRIBUTES) ASSET_ATTRIBUTES_BY_NAME.set(a.attribute, [...(ASSET_ATTRIBUTES_BY_NAME.get(a.attribute) ?? []), a]);

function isAssetAttribute(tag: HtmlTag, attr: HtmlAttribute): boolean {
  for (const a of ASSET_ATTRIBUTES_BY_NAME.get(attr.name) ?? []) {
    if (!a.tags.includes(tag.name)) continue;
    if (a.rel) {
      const rel = tag.attributes.find((x) => x.name === 'rel')?.value;
      if (!rel || !a.rel.test(rel)) continue;
    }
    if (a.type) {
      const type = tag.attributes.find((x) => x.name === 'type')?.value;
      if (type?.toLowerCase() !== a.type) continue;
    }
    return true;
  }
  return false;
}

/**
 * `img/a.png 1x, img/b.png 2x` → each URL with its offsets. Candidates with a template tag or
 * variable in their URL (`{% static 'a.png' %} 1x`) are left out: template tags are read as one
 * piece (their spaces and commas do not split the list).
 */
function srcsetCandidates(attr: HtmlAttribute): Candidate[] {
  const out: Candidate[] = [];
  const value = attr.value ?? '';
  let i = 0;
  const templateEnd = (at: number): number => {
    const close = value.startsWith('{%', at) ? '%}' : value.startsWith('{{', at) ? '}}' : value.startsWith('{#', at) ? '#}' : '';
    if (!close) return -1;
    const end = value.indexOf(close, at + 2);
    return end < 0 ? value.length : end + 2;
  };
  while (i < value.length) {
    while (i < value.length && (value[i] === ',' || isTrimmed(value.charCodeAt(i)))) i++;
    const start = i;
    let dynamic = false;
    // The URL: up to whitespace (or a comma ending it), template pieces whole.
    while (i < value.length && !isTrimmed(value.charCodeAt(i))) {
      const end = templateEnd(i);
      if (end >= 0) {
        dynamic = true;
        i = end;
      } else i++;
    }
    let url = value.slice(start, i);
    if (url.endsWith(',')) url = url.slice(0, -1);
    // The descriptor: up to the next comma outside template pieces.
    while (i < value.length && value[i] !== ',') {
      const end = templateEnd(i);
      if (end >= 0) i = end;
      else i++;
    }
    if (url && !dynamic) out.push({ value: url, start: attr.valueStart + start, end: attr.valueStart + start + url.length, attributeQuote: attr.quote, cssQuote: '', unquotedAttribute: attr.quote === '' });
  }
  return out;
}

/**
 * What a raw URL is: undefined when it must not be flagged; else its `{% static %}` path, the
 * `?query#fragment` to keep outside the tag, and whether we are sure it is a static file. A path
 * a finder serves is the index's own string: a fix that holds it does not keep the template's
 * text alive (as a slice of it would).
 */
export function classify(raw: string, ctx: TemplateContext): { path: string; suffix: string; confident: boolean; found: StaticFile | undefined } | undefined {
  const value = raw.trim();
  if (!value || value.includes('{{') || value.includes('{%') || value.startsWith('#') || value.startsWith('?')) return undefined;
  if (ctx.mediaUrl && ctx.mediaUrl !== '/' && value.startsWith(ctx.mediaUrl)) return undefined;
  const cut = value.search(/[?#]/);
  const url = cut < 0 ? value : value.slice(0, cut);
  const suffix = cut < 0 ? '' : value.slice(cut);
  if (!url || url === '/') return undefined;
  const staticUrl = ctx.staticUrl;
  if (staticUrl && staticUrl !== '/' && url.startsWith(staticUrl)) {
    const path = normalise(url.slice(staticUrl.length));
    if (!path) return undefined;
    const found = ctx.index.get(path);
    return { path: found?.path ?? path, suffix, confident: true, found };
  }
  // Absolute and protocol-relative URLs, other schemes (data:, mailto:, blob:…): never ours.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  if (url.startsWith('/')) {
    const path = normalise(url.slice(1));
    // `/favicon.ico`, `/robots.txt`: files at the site root are often served there on purpose
    // (web server, WHITENOISE_ROOT). Only paths with a folder are taken for static files.
    if (!path.includes('/')) return undefined;
    const found = ctx.index.get(path);
    return found ? { path: found.path, suffix, confident: true, found } : undefined;
  }
  const path = normalise(url);
  if (!path) return undefined;
  const found = ctx.index.get(path);
  if (found) return { path: found.path, suffix, confident: true, found };
  // `../static/img/x.png`, `static/img/x.png`: page-relative, but into STATIC_URL from a page at
  // the root (or as deep as the `../` go): the file under STATIC_URL, when a finder serves it.
  if (staticUrl && staticUrl.startsWith('/') && staticUrl !== '/' && `/${path}`.startsWith(staticUrl)) {
    const under = path.slice(staticUrl.length - 1);
    const served = under ? ctx.index.get(under) : undefined;
    if (served) return { path: served.path, suffix, confident: true, found: served };
  }
  if (ASSET_EXTENSION.test(path) && ctx.finders.complete && !maybeServedByInvisibleApp(ctx.finders, path)) return { path, suffix, confident: false, found: undefined };
  return undefined;
}

/** A path with nothing to normalise: no escapes, dot segments, doubled or leading slashes. */
const PLAIN_PATH = /^(?![./])(?!.*(?:%|\/\/|\/\.\.?(?:\/|$)))/;

function normalise(path: string): string {
  if (path !== '' && PLAIN_PATH.test(path)) return path;
  let p: string;
  try {
    p = decodeURI(path);
  } catch {
    p = path;
  }
  p = posix.normalize(p).replace(/^(\.\.\/)+/, '').replace(/^\.\//, '').replace(/^\/+/, '');
  return p === '.' ? '' : p;
}

/** Characters a CSS url() without quotes cannot hold (nor can {% static %} render them unescaped). */
const UNQUOTED_URL_UNSAFE = /[\s"'()\\]/;

/**
 * The edit that puts a `{% static %}` tag where a raw URL is. In `style="…url('/static/x')…"`
 * both quote kinds are taken (the attribute's and the url()'s): the url() loses its quotes
 * instead — `url({% static 'x' %})` is valid CSS once rendered, and no quote sits inside an
 * attribute quoted with the same one.
 */
function staticEdit(file: string, text: string, path: string, suffix: string, c: Candidate): TextEdit {
  if (c.cssQuote && c.attributeQuote && text[c.start - 1] === c.cssQuote && text[c.end] === c.cssQuote && !UNQUOTED_URL_UNSAFE.test(path + suffix)) {
    const inner = c.attributeQuote === '"' ? "'" : '"';
    return { file, start: c.start - 1, end: c.end + 1, newText: `{% static ${inner}${path}${inner} %}${suffix}` };
  }
  return { file, start: c.start, end: c.end, newText: staticTag(path, suffix, c) };
}

/** The `{% static %}` tag replacing a raw URL, quotes chosen so the markup stays valid. */
function staticTag(path: string, suffix: string, c: Candidate): string {
  const outer = c.cssQuote || c.attributeQuote;
  const inner = outer === "'" ? '"' : "'";
  // Callers never pass a path with a quote (it cannot be written without changing the path).
  const tag = `{% static ${inner}${path}${inner} %}${suffix}`;
  return c.unquotedAttribute ? `"${tag.replace(/"/g, "'")}"` : tag;
}

/** The quote that encloses a span (an attribute value), or '' in text. */
function quoteAround(text: string, span: Span): '"' | "'" | '' {
  const before = text[span.start - 1];
  return before === '"' || before === "'" ? before : '';
}

/**
 * `load static`, `load i18n static`, `load static from static`, `load assets` (an OPTIONS
 * libraries alias). The removed `staticfiles` / `admin_static` count too: DJD204 reports them,
 * and its fix makes them load static.
 */
function loadsStatic(content: string, ctx: TemplateContext): boolean {
  const words = content.split(/\s+/).slice(1);
  const from = words.indexOf('from');
  const libraries = from >= 0 ? words.slice(from + 1) : words;
  return libraries.some((w) => ctx.staticLibraries.includes(w) || w === 'staticfiles' || w === 'admin_static');
}

/**
 * Where `{% load static %}` goes: before `firstUse` (the first static tag, or the first raw path
 * a fix turns into one), after the `{% extends %}` and `{% load %}` tags that precede it. Merged
 * into the last of those loads when it is a plain list (`{% load i18n %}` → `{% load i18n static %}`),
 * else on a line of its own after that tag's line — or right after the tag when the use is on
 * the same line; at the top when nothing precedes the use. Undefined when nothing is needed.
 */
function loadStaticInsertion(file: string, text: string, anchors: Anchor[], ctx: TemplateContext, firstUse: number): TextEdit | undefined {
  // A load of the library before the first use is enough; one after it does not count.
  if (ctx.staticBuiltin || anchors.some((a) => a.loadsStatic && a.end <= firstUse)) return undefined;
  let anchor: Anchor | undefined;
  for (const a of anchors) if ((a.tagName === 'extends' || a.tagName === 'load') && a.end <= firstUse) anchor = a;
  const eol = eolOf(text);
  if (!anchor) return { file, start: 0, end: 0, newText: `{% load static %}${eol}` };
  if (anchor.tagName === 'load') {
    const tag = text.slice(anchor.start, anchor.end);
    const libraries = loadedLibraries(tag);
    // `{% load a b %}` takes one more library; `{% load x from y %}` names tags, not libraries.
    if (libraries && !/\bfrom\b/.test(libraries) && !/[\r\n]/.test(libraries)) {
      const at = anchor.start + tag.lastIndexOf(libraries) + libraries.length;
      return { file, start: at, end: at, newText: ' static' };
    }
  }
  let lineEnd = text.indexOf('\n', anchor.end);
  if (lineEnd < 0) lineEnd = text.length;
  else if (text[lineEnd - 1] === '\r') lineEnd--;
  // Something on the rest of the line uses the tag: insert right after the anchor instead.
  if (lineEnd > firstUse) return { file, start: anchor.end, end: anchor.end, newText: '{% load static %}' };
  return { file, start: lineEnd, end: lineEnd, newText: `${eol}{% load static %}` };
}

/**
 * What a `{% load … %}` tag names, trimmed; undefined for any other tag. (A scan: the pattern
 * `^\{%(\s*)load\s+([\s\S]*?)(\s*)%\}$` is quadratic on a tag full of spaces.)
 */
function loadedLibraries(tag: string): string | undefined {
  if (tag.length < 4 || !tag.startsWith('{%') || !tag.endsWith('%}')) return undefined;
  const inner = tag.slice(2, -2).trimStart();
  if (!inner.startsWith('load') || !/^\s/.test(inner.slice(4, 5))) return undefined;
  return inner.slice(4).trim();
}
