// One scan of a Django template: Django's own lexer first (django/template/base.py `tag_re`,
// verbatim handling in `Lexer.create_token`, `{% comment %}` skipping in defaulttags.py), then
// every template token is masked with same-length filler so offsets stay exact, then an HTML
// tokenizer that reports exactly what htmlparser2's Tokenizer reports (htmlTokenizer.ts) reads
// the masked text for start tags, attributes, <style> and <script>.
// Facts: reference/parsing.md "Templates", templates-and-servers.md §1.1–1.3.
// Never throws on user text; offsets are UTF-16 offsets of the document text.

import { HtmlTokenizer, NO_VALUE, SINGLE, DOUBLE } from './htmlTokenizer';

export interface Span {
  start: number;
  end: number;
}

export type TemplateTokenKind = 'block' | 'variable' | 'comment';

export interface TemplateToken {
  /** `{% %}`, `{{ }}`, `{# #}`. */
  readonly kind: TemplateTokenKind;
  /** The whole token, delimiters included. */
  readonly start: number;
  readonly end: number;
  /** Inner text, trimmed: `load static`, `static 'css/a.css' as x`. */
  readonly content: string;
  /** Offset of the trimmed content. */
  readonly contentStart: number;
  /** Blocks only: the first word (`load`, `static`, `extends`, `if`…). */
  readonly tagName: string | undefined;
  /** Whether the content is `content` (without slicing it). */
  contentIs(content: string): boolean;
}

/** A token's content is sliced from the text only when asked for: most never are. */
class Token implements TemplateToken {
  private sliced: string | undefined;
  constructor(
    private readonly text: string,
    readonly kind: TemplateTokenKind,
    readonly start: number,
    readonly end: number,
    readonly contentStart: number,
    private readonly contentEnd: number,
    readonly tagName: string | undefined,
  ) {}

  get content(): string {
    return (this.sliced ??= this.text.slice(this.contentStart, this.contentEnd));
  }

  contentIs(content: string): boolean {
    return isContent(this.text, this.contentStart, this.contentEnd, content);
  }
}

const KINDS: readonly TemplateTokenKind[] = ['block', 'variable', 'comment'];
const EMPTY = new Int32Array(0);
const BLOCK = 0;
const VARIABLE = 1;
const COMMENT = 2;

/**
 * The tokens of a scan, stored flat (five numbers each: start, end, content start, content end,
 * kind), so that a template of thousands of tokens costs one array. `at(k)` makes a token object.
 * The numbers stay in the lexer's reused array until the next scan needs it: then they are
 * copied out, unless the scan was released (TemplateScan.release) by a caller done with it.
 */
export class TemplateTokens {
  private objects: TemplateToken[] | undefined;
  private released = false;

  constructor(
    private readonly text: string,
    private data: Int32Array,
  ) {}

  /** The next scan reuses the lexer's array: keep a copy, unless nobody will read this table. */
  detach(): void {
    if (!this.released) this.data = this.data.slice();
  }

  release(): void {
    this.released = true;
    this.data = EMPTY;
  }

  get count(): number {
    return this.data.length / 5;
  }
  start(k: number): number {
    return this.data[5 * k];
  }
  end(k: number): number {
    return this.data[5 * k + 1];
  }
  kind(k: number): TemplateTokenKind {
    return KINDS[this.data[5 * k + 4]];
  }
  /** Whether token k is `{% name … %}`. */
  isTag(k: number, name: string): boolean {
    const d = this.data;
    return d[5 * k + 4] === BLOCK && isFirstWord(this.text, d[5 * k + 2], d[5 * k + 3], name);
  }
  /**
   * Which of `names` token k's tag is (`{% name … %}`): its index, or -1 (also for a variable or
   * a comment). The first word is measured once, however many names are asked for.
   */
  tagIndex(k: number, names: readonly string[]): number {
    const d = this.data;
    if (d[5 * k + 4] !== BLOCK) return -1;
    const a = d[5 * k + 2];
    const b = d[5 * k + 3];
    let end = a;
    while (end < b && !isTrimmed(this.text.charCodeAt(end))) end++;
    const length = end - a;
    for (let i = 0; i < names.length; i++) if (names[i].length === length && this.text.startsWith(names[i], a)) return i;
    return -1;
  }
  /** Whether token k's content is exactly `content`. */
  contentIs(k: number, content: string): boolean {
    return isContent(this.text, this.data[5 * k + 2], this.data[5 * k + 3], content);
  }
  at(k: number): TemplateToken {
    const d = this.data;
    const i = 5 * k;
    const kind = d[i + 4];
    return new Token(this.text, KINDS[kind], d[i], d[i + 1], d[i + 2], d[i + 3], kind === BLOCK ? firstWord(this.text, d[i + 2], d[i + 3]) : undefined);
  }
  /** Every token as an object (made once). */
  all(): TemplateToken[] {
    if (!this.objects) {
      this.objects = [];
      for (let k = 0; k < this.count; k++) this.objects.push(this.at(k));
    }
    return this.objects;
  }
}

export interface HtmlAttribute {
  /** Lowercased. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The original text of the value (unmasked), without quotes; undefined for a bare attribute. */
  value: string | undefined;
  /** Offsets of the value content (inside the quotes); -1 when there is no value. */
  valueStart: number;
  valueEnd: number;
  /** '' for unquoted values (and bare attributes). */
  quote: '"' | "'" | '';
  /** The value contains (or is produced by) a template token, or was cut short by recovery. */
  dynamic: boolean;
}

export interface HtmlTag {
  /** Lowercased tag name (`img`, `link`, `image` for SVG). */
  name: string;
  /** From '<' to after '>', or to the text length when unclosed. */
  start: number;
  end: number;
  attributes: HtmlAttribute[];
}

export interface TemplateScan {
  /** Tokens Django parses: not those inside `{% comment %}` or `{% verbatim %}` blocks (their own tags are included). */
  readonly tokens: readonly TemplateToken[];
  /** The same tokens, stored flat: for passes over every token. */
  tokenTable: TemplateTokens;
  /**
   * For a caller done with the scan: its token table (not the token objects already made) may
   * not be read any more, and the next scan reuses its memory without copying it.
   */
  release(): void;
  /** Where nothing may be flagged: comment and verbatim blocks (with their tags), `{# #}`, `<!-- -->`. Sorted, merged. */
  ignored: Span[];
  /** Start tags outside ignored regions (see `keep` in scanTemplate). */
  tags: HtmlTag[];
  /** CSS text: <style> contents and style="" values, cut around ignored regions. */
  css: Span[];
  /** <script> contents. */
  scripts: Span[];
  /**
   * The text ends where nothing is open: no template comment or verbatim block, no HTML tag,
   * comment, declaration or raw text (<style>, <script>, <title>, <textarea>). Text that follows
   * a clean text ending in a line break scans exactly as it would on its own.
   */
  clean: boolean;
}

// Django's `tag_re`, `{%.*?%}|{{.*?}}|{#.*?#}` without DOTALL (`.` matches everything but
// "\n"), is found without a regular expression: at each '{' that opens a token, the first closer
// of its kind, if no line break comes first. The next closer and the next line break are
// remembered, so the text is searched once for each.

/**
 * Where a quoted value runs over a line break into what looks like the next tag (half-typed
 * markup): what `/\r?\n\s*<[a-zA-Z/!]/` finds (`index`: the line break, `lt`: the '<'), found in
 * one pass (that pattern retries at every line break of a run of blank lines: quadratic).
 */
function runawayValue(value: string): { index: number; lt: number } | undefined {
  let from = 0;
  for (;;) {
    const newline = value.indexOf('\n', from);
    if (newline < 0) return undefined;
    let j = newline + 1;
    while (j < value.length && /\s/.test(value[j])) j++;
    if (value[j] === '<' && /[a-zA-Z/!]/.test(value[j + 1] ?? '')) return { index: newline > 0 && value[newline - 1] === '\r' ? newline - 1 : newline, lt: j };
    // Every line break inside the blank run just skipped leads to the same place.
    from = Math.max(j, newline + 1);
  }
}

/**
 * `keep`: the tags whose attributes are wanted (lowercase names); other tags are listed only
 * when they have a `style` attribute, and with that attribute alone. Default: every tag, whole.
 * `keepAttributes`: of those tags, only these attributes (and `style`). Default: all of them.
 */
export function scanTemplate(text: string, keep?: readonly string[], keepAttributes?: readonly string[]): TemplateScan {
  const { tokens, masks, blocks, clean } = lexTemplate(text);
  const masked = maskTemplate(text, masks);
  const html = scanHtml(text, masked, masks, blocks, keep, keepAttributes);
  const ignored = mergeSpans([...blocks, ...html.comments]);
  return new Scan(tokens, ignored, html.tags, cutAround(html.css, ignored), html.scripts, clean && html.clean);
}

class Scan implements TemplateScan {
  constructor(
    readonly tokenTable: TemplateTokens,
    readonly ignored: Span[],
    readonly tags: HtmlTag[],
    readonly css: Span[],
    readonly scripts: Span[],
    readonly clean: boolean,
  ) {}

  get tokens(): readonly TemplateToken[] {
    return this.tokenTable.all();
  }

  release(): void {
    this.tokenTable.release();
  }
}

interface Lexed {
  tokens: TemplateTokens;
  /**
   * Sorted, disjoint spans the HTML tokenizer must not see, flat (start, end, start, end…): every
   * token-shaped match, whole comment blocks.
   */
  masks: Int32Array;
  /** Comment blocks, verbatim blocks and `{# #}` comments, sorted by start. */
  blocks: Span[];
  /** No comment or verbatim block is open at the end. */
  clean: boolean;
}

function lexTemplate(text: string): Lexed {
  TOKEN_OWNER?.detach();
  TOKEN_OWNER = undefined;
  const tokens = TOKEN_SCRATCH.clear();
  const masks = MASK_SCRATCH.clear();
  const blocks: Span[] = [];
  let verbatimEnd: string | undefined; // Lexer.verbatim: the exact content that ends the block
  let verbatimStart = -1;
  let commentStart = -1; // inside {% comment %} … {% endcomment %}
  let newline = -1; // the first "\n" at or after the last place looked from (text.length: none)
  let closeBlock = -1; // likewise for "%}", "}}" and "#}" (text.length: none)
  let closeVariable = -1;
  let closeComment = -1;
  for (let from = 0; ; ) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    from = start + 1;
    const opener = text.charCodeAt(start + 1);
    const inner = start + 2;
    let close: number;
    if (opener === 0x25 /* % */) {
      if (closeBlock < inner) closeBlock = found(text.indexOf('%}', inner), text);
      close = closeBlock;
    } else if (opener === 0x7b /* { */) {
      if (closeVariable < inner) closeVariable = found(text.indexOf('}}', inner), text);
      close = closeVariable;
    } else if (opener === 0x23 /* # */) {
      if (closeComment < inner) closeComment = found(text.indexOf('#}', inner), text);
      close = closeComment;
    } else {
      continue;
    }
    if (close === text.length) continue;
    if (newline < inner) newline = found(text.indexOf('\n', inner), text);
    if (newline < close) continue;
    const end = close + 2;
    from = end;
    // The trimmed inner text [a, b).
    let a = start + 2;
    let b = end - 2;
    while (a < b && isTrimmed(text.charCodeAt(a))) a++;
    while (b > a && isTrimmed(text.charCodeAt(b - 1))) b--;
    const outside = commentStart < 0;
    let kind: number;
    if (opener === 0x25 /* % */) {
      if (verbatimEnd !== undefined) {
        if (!isContent(text, a, b, verbatimEnd)) {
          if (outside) masks.push2(start, end); // text inside verbatim
          continue;
        }
        verbatimEnd = undefined;
        if (commentStart < 0) blocks.push({ start: verbatimStart, end });
      } else if (text.startsWith('verbatim', a) && (b - a === 8 || text.charCodeAt(a + 8) === 0x20)) {
        verbatimEnd = `end${text.slice(a, b)}`;
        verbatimStart = start;
      }
      kind = BLOCK;
    } else {
      if (verbatimEnd !== undefined) {
        if (outside) masks.push2(start, end);
        continue;
      }
      kind = opener === 0x7b /* { */ ? VARIABLE : COMMENT;
    }
    // The parser's view: {% comment %} skips every token up to the exact {% endcomment %}.
    if (commentStart >= 0) {
      if (kind !== BLOCK || !isContent(text, a, b, 'endcomment')) continue;
      masks.push2(commentStart, end);
      blocks.push({ start: commentStart, end });
      commentStart = -1;
    } else if (kind === BLOCK && verbatimEnd === undefined && isFirstWord(text, a, b, 'comment')) {
      commentStart = start;
    } else if (kind === COMMENT) {
      blocks.push({ start, end });
    }
    tokens.push5(start, end, Math.min(a, end - 2), b, kind);
    // A token masks its own text; a comment block is masked whole instead.
    if (outside && commentStart < 0) masks.push2(start, end);
  }
  // Unclosed blocks: Django raises; we ignore to the end of the text.
  const clean = commentStart < 0 && verbatimEnd === undefined;
  if (commentStart >= 0) {
    masks.push2(commentStart, text.length);
    blocks.push({ start: commentStart, end: text.length });
  } else if (verbatimEnd !== undefined) {
    blocks.push({ start: verbatimStart, end: text.length });
  }
  blocks.sort((a, b) => a.start - b.start);
  // The table is the scan's own; the masks are read before the next scan reuses them.
  const table = new TemplateTokens(text, tokens.view());
  TOKEN_OWNER = table;
  return { tokens: table, masks: masks.view(), blocks, clean };
}

/** A growable list of integers over one array reused from scan to scan. */
class IntList {
  private data: Int32Array;
  private length = 0;
  constructor(private readonly initial: number) {
    this.data = new Int32Array(initial);
  }
  clear(): this {
    this.length = 0;
    // One huge template does not keep a huge array.
    if (this.data.length > 64 * this.initial) this.data = new Int32Array(this.initial);
    return this;
  }
  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) this.grow();
    this.data[this.length] = a;
    this.data[this.length + 1] = b;
    this.length += 2;
  }
  push5(a: number, b: number, c: number, d: number, e: number): void {
    if (this.length + 5 > this.data.length) this.grow();
    const data = this.data;
    const n = this.length;
    data[n] = a;
    data[n + 1] = b;
    data[n + 2] = c;
    data[n + 3] = d;
    data[n + 4] = e;
    this.length = n + 5;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
  private grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}

const TOKEN_SCRATCH = new IntList(5 * 4096);
/** The table whose numbers are in TOKEN_SCRATCH. */
let TOKEN_OWNER: TemplateTokens | undefined;
const MASK_SCRATCH = new IntList(2 * 4096);

/** An indexOf result, with text.length for "not found". */
const found = (index: number, text: string) => (index < 0 ? text.length : index);

/** The first word of text[a, b). */
function firstWord(text: string, a: number, b: number): string {
  let i = a;
  while (i < b && !isTrimmed(text.charCodeAt(i))) i++;
  return text.slice(a, i);
}

/** Whether the first word of text[a, b) is `word`. */
function isFirstWord(text: string, a: number, b: number, word: string): boolean {
  return b - a >= word.length && text.startsWith(word, a) && (b - a === word.length || isTrimmed(text.charCodeAt(a + word.length)));
}

/** Whether text[a, b) is `content`. */
function isContent(text: string, a: number, b: number, content: string): boolean {
  return b - a === content.length && text.startsWith(content, a);
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
/** What String.prototype.trim() removes (and what `\s` matches). */
export const isTrimmed = (c: number) => c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x0a || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)) || c === 0x1680;

/**
 * Same-length filler for each mask. Spaces everywhere (text, between attributes, inside quoted
 * values: never a quote or '>'), except where a token continues or starts an unquoted value or
 * a name (`src={% static 'x' %}`, `src=/static/{{ v }}`, `data-{{ k }}=`): there '_' keeps it
 * one value. Line breaks inside masked comment blocks are kept. Looking back for the '=' never
 * crosses a line break, so a line's masking depends on that line alone.
 * The filler is written into a UTF-16 copy of the text: one native copy each way.
 */
function maskTemplate(text: string, masks: Int32Array): Uint16Array {
  const units = unitsFor(text.length);
  Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(text, 0, 'utf16le');
  const hasCarriageReturn = text.indexOf('\r') >= 0;
  let newline = -1; // the first "\n" at or after the last mask start looked from (text.length: none)
  let last = 0;
  let previousEnd = -1;
  let previousFill = SPACE;
  for (let m = 0; m < masks.length; m += 2) {
    const start = masks[m];
    const end = masks[m + 1];
    let fill = SPACE;
    if (start === previousEnd) fill = previousFill;
    else if (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (!isSpace(c)) {
        // Inside an unquoted value when an '=' comes before any space, quote, '<' or '>'.
        let i = start - 1;
        const stop = Math.max(last, start - 2048);
        for (; i >= stop; i--) {
          const d = text.charCodeAt(i);
          if (d === 0x3d /* = */) {
            fill = UNDERSCORE;
            break;
          }
          if (isSpace(d) || d === 0x22 || d === 0x27 || d === 0x3c || d === 0x3e) break;
        }
        if (i < last && last === previousEnd) fill = previousFill;
      } else {
        let i = start - 1;
        while (i >= last && isBlank(text.charCodeAt(i))) i--;
        if (i >= last && text.charCodeAt(i) === 0x3d /* = */) fill = UNDERSCORE;
      }
    }
    if (newline < start) newline = found(text.indexOf('\n', start), text);
    if (hasCarriageReturn || end - start > 512 || newline < end) {
      // A comment block (or a token holding a carriage return): keep its line breaks.
      for (let i = start; i < end; i++) {
        const c = units[i];
        if (c !== 0x0a && c !== 0x0d) units[i] = fill;
      }
    } else if (end - start < 64) {
      for (let i = start; i < end; i++) units[i] = fill; // a token: cheaper than a native call
    } else {
      units.fill(fill, start, end);
    }
    last = end;
    previousEnd = end;
    previousFill = fill;
  }
  return units;
}

// The masked text is written into one reused array: nothing a scan returns refers to it.
// Longer texts get their own, so that one huge file does not keep a huge buffer alive.
const SCRATCH_LIMIT = 1 << 20;
let scratch = new Uint16Array(1 << 15);

function unitsFor(length: number): Uint16Array {
  if (length > SCRATCH_LIMIT) return new Uint16Array(length);
  if (scratch.length < length) scratch = new Uint16Array(Math.min(SCRATCH_LIMIT, Math.max(length, scratch.length * 2)));
  return scratch.subarray(0, length);
}

const SPACE = 0x20;
const UNDERSCORE = 0x5f;
/** Spaces and tabs: what may sit between '=' and a value on one line. */
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c;

interface HtmlScan {
  tags: HtmlTag[];
  css: Span[];
  scripts: Span[];
  comments: Span[];
  clean: boolean;
}

/**
 * Which of `names` (lowercase ASCII) units[start, end) is, in any ASCII case: its index, or -1.
 * Read on the masked text: a name that holds a template token is masked there, and is none of
 * these names in the text either. The name found is the text's name lowercased, already made.
 */
function indexOfName(names: readonly string[], units: Uint16Array, start: number, end: number): number {
  const length = end - start;
  next: for (let n = 0; n < names.length; n++) {
    const name = names[n];
    if (name.length !== length) continue;
    for (let k = 0; k < length; k++) {
      const c = units[start + k];
      const lower = name.charCodeAt(k);
      if (c !== lower && !(c === lower - 0x20 && lower >= 0x61 && lower <= 0x7a)) continue next;
    }
    return n;
  }
  return -1;
}

const isOneOf = (names: readonly string[], units: Uint16Array, start: number, end: number) => indexOfName(names, units, start, end) >= 0;

/** `<` followed by this starts a tag, an end tag or a declaration. */
const isTagStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2f || c === 0x21;

const UTF16 = new TextDecoder('utf-16le');
/** units[start, end) as a string (for the rare checks that need a regular expression). */
function unitsText(units: Uint16Array, start: number, end: number): string {
  return UTF16.decode(units.subarray(start, end));
}

const STYLE = ['style'];
const SCRIPT = ['script'];

function scanHtml(text: string, masked: Uint16Array, masks: Int32Array, blocks: Span[], keep: readonly string[] | undefined, keepAttributes: readonly string[] | undefined): HtmlScan {
  const tags: HtmlTag[] = [];
  const css: Span[] = [];
  const scripts: Span[] = [];
  const comments: Span[] = [];
  // The start tag being read: from tagStart ('<', -1 when none), its name at [nameStart, nameEnd).
  let tagStart = -1;
  let nameStart = 0;
  let nameEnd = 0;
  // Its HtmlTag: made at once for a tag kept whole, at its first style attribute for others.
  let tag: HtmlTag | undefined;
  let keepTag = true; // whether the open tag is wanted whole (else only its style attribute)
  let cursor = 0; // where the open tag's last name or value ended
  let openAttr: HtmlAttribute | undefined; // the attribute being read
  let openHasData = false;
  let raw: Span[] | undefined; // inside <style> or <script>
  let restartAt = -1;
  let base = 0; // offset of the current tokenizer's input in the text
  let tokenizer: HtmlTokenizer;

  let keptName: string | undefined; // the open tag's name from `keep`, when it is one of them
  const newTag = (): HtmlTag => ({ name: keptName ?? text.slice(nameStart, nameEnd).toLowerCase(), start: tagStart, end: masked.length, attributes: [] });
  /** Whether the tag named at [nameStart, nameEnd) is wanted whole; its name when `keep` has it. */
  const keepName = () => {
    const i = keep ? indexOfName(keep, masked, nameStart, nameEnd) : -1;
    keptName = i >= 0 ? keep![i] : undefined;
    return !keep || i >= 0;
  };
  /** The lowercase name of a wanted attribute at [start, end) of the open tag, else undefined. */
  const wantedAttribute = (start: number, end: number): string | undefined => {
    if (keepTag) {
      if (!keepAttributes) return text.slice(start, end).toLowerCase();
      const i = indexOfName(keepAttributes, masked, start, end);
      if (i >= 0) return keepAttributes[i];
    }
    return isOneOf(STYLE, masked, start, end) ? 'style' : undefined;
  };
  const finishTag = (end: number) => {
    if (tagStart < 0) return;
    if (tag && !inside(blocks, tag.start)) {
      tag.end = end;
      tags.push(tag);
      for (const a of tag.attributes) if (a.name === 'style' && a.valueStart >= 0) css.push({ start: a.valueStart, end: a.valueEnd });
    }
    tag = undefined;
    tagStart = -1;
    openAttr = undefined;
  };
  const finishAttribute = (attr: HtmlAttribute) => {
    if (attr === SKIPPED) return;
    if (attr.valueStart >= 0) {
      attr.value = text.slice(attr.valueStart, attr.valueEnd);
      if (overlapsFlat(masks, attr.valueStart, attr.valueEnd) || (attr.quote === '' && startsAtFlat(masks, attr.valueEnd))) attr.dynamic = true;
    }
    if (overlapsFlat(masks, attr.nameStart, attr.nameEnd)) attr.dynamic = true;
  };
  /** Stops this tokenizer; the next one starts at `at` (half-typed markup recovery). */
  const restart = (at: number) => {
    restartAt = at;
    tokenizer.pause();
  };

  const callbacks = {
    onopentagname(start: number, end: number) {
      if (restartAt >= 0) return;
      start += base;
      end += base;
      tagStart = start - 1;
      nameStart = start;
      nameEnd = end;
      keepTag = keepName();
      tag = keepTag ? newTag() : undefined;
      cursor = end;
    },
    onattribname(start: number, end: number) {
      if (restartAt >= 0) return;
      start += base;
      end += base;
      if (tagStart < 0) return;
      // `<img src="a.png"` then a new line starting with a tag: the first tag was never closed.
      if (masked[start] === 0x3c /* < */ && isTagStart(masked[start + 1]) && masked.lastIndexOf(0x0a, start) > tagStart) {
        let end = start;
        while (end > tagStart && isSpace(masked[end - 1])) end--;
        finishTag(end);
        restart(start);
        return;
      }
      let attr: HtmlAttribute;
      const name = wantedAttribute(start, end);
      if (name !== undefined) {
        attr = { name, nameStart: start, nameEnd: end, value: undefined, valueStart: -1, valueEnd: -1, quote: '', dynamic: false };
        (tag ??= newTag()).attributes.push(attr);
      } else {
        // An attribute nobody asked for: followed (a runaway value still cuts the tag), not kept.
        attr = SKIPPED;
        attr.nameStart = start;
        attr.nameEnd = end;
        attr.valueStart = attr.valueEnd = -1;
        attr.quote = '';
        attr.dynamic = false;
      }
      openAttr = attr;
      openHasData = false;
      cursor = end;
    },
    onattribdata(start: number, end: number) {
      if (restartAt >= 0) return;
      if (!openAttr) return;
      if (!openHasData) {
        openAttr.valueStart = start + base;
        openHasData = true;
      }
      openAttr.valueEnd = end + base;
    },
    onattribend(quote: number, end: number) {
      if (restartAt >= 0) return;
      end += base;
      if (!openAttr || tagStart < 0) return;
      cursor = end;
      const attr = openAttr;
      openAttr = undefined;
      if (quote === NO_VALUE) return finishAttribute(attr);
      if (quote === DOUBLE || quote === SINGLE) {
        attr.quote = quote === DOUBLE ? '"' : "'";
        if (attr.valueStart < 0) attr.valueStart = attr.valueEnd = end - 1; // empty value
        if (recoverRunaway(attr)) return;
      } else if (attr.valueStart < 0) {
        attr.valueStart = attr.valueEnd = end;
      }
      finishAttribute(attr);
    },
    onopentagend(end: number) {
      if (restartAt >= 0) return;
      end += base;
      const style = tagStart >= 0 && isOneOf(STYLE, masked, nameStart, nameEnd);
      const script = !style && tagStart >= 0 && isOneOf(SCRIPT, masked, nameStart, nameEnd);
      finishTag(end + 1);
      if (style) raw = css;
      else if (script) raw = scripts;
    },
    onselfclosingtag(end: number) {
      if (restartAt >= 0) return;
      finishTag(end + base + 1);
    },
    onclosetag() {
      if (restartAt >= 0) return;
      raw = undefined;
    },
    ontext(start: number, end: number) {
      if (restartAt >= 0) return;
      if (!raw) return;
      start += base;
      end += base;
      if (inside(blocks, start)) return;
      const previous = raw[raw.length - 1];
      if (previous && previous.end === start) previous.end = end;
      else if (end > start) raw.push({ start, end });
    },
    oncomment(start: number, end: number, endOffset: number) {
      if (restartAt >= 0) return;
      start += base;
      end += base;
      const opener = start >= 4 && masked[start - 4] === 0x3c && masked[start - 3] === 0x21 && masked[start - 2] === 0x2d && masked[start - 1] === 0x2d ? start - 4 : start - 2;
      comments.push({ start: Math.max(opener, 0), end: endOffset === 0 && end >= masked.length ? masked.length : end + 1 });
    },
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      if (restartAt >= 0) return;
      if (tagStart < 0 && !raw) {
        // `<im` at the end: the tokenizer never reports a tag name still being read.
        const lt = masked.lastIndexOf(0x3c);
        const lastComment = comments[comments.length - 1];
        if (lt >= base && /^<[a-zA-Z][^\s/>]*$/.test(unitsText(masked, lt, masked.length)) && !(lastComment && lastComment.end > lt)) {
          tagStart = lt;
          nameStart = lt + 1;
          nameEnd = masked.length;
          keepTag = keepName();
          tag = keepTag ? newTag() : undefined;
        }
      }
      if (tagStart < 0) return;
      if (openAttr) {
        // The text ends inside an attribute: an unterminated quoted value is still being typed.
        const attr = openAttr;
        openAttr = undefined;
        locateValue(attr);
        if (attr.quote !== '' && recoverRunaway(attr)) return;
        if (attr.valueStart >= 0) {
          attr.valueEnd = masked.length;
          if (attr.quote !== '') attr.dynamic = true;
        }
        finishAttribute(attr);
      } else {
        // `<img src="/a.png" alt` at the end: the tokenizer never reports a name still being read.
        const m = /^[\s/]*([^\s/>="'<]+)\s*$/.exec(unitsText(masked, cursor, masked.length));
        if (m) {
          const start = masked.length - m[0].length + m[0].indexOf(m[1]);
          const end = start + m[1].length;
          const name = wantedAttribute(start, end);
          if (name !== undefined) {
            const attr: HtmlAttribute = { name, nameStart: start, nameEnd: end, value: undefined, valueStart: -1, valueEnd: -1, quote: '', dynamic: false };
            finishAttribute(attr);
            (tag ??= newTag()).attributes.push(attr);
          }
        }
      }
      finishTag(masked.length);
    },
  };

  /** An attribute still open at the end of the text: where its value starts, from the masked text. */
  function locateValue(attr: HtmlAttribute) {
    let i = attr.nameEnd;
    while (i < masked.length && isSpace(masked[i])) i++;
    if (masked[i] !== 0x3d /* = */) return;
    i++;
    while (i < masked.length && isSpace(masked[i])) i++;
    const c = masked[i];
    if (c === 0x22 || c === 0x27) {
      attr.quote = c === 0x22 ? '"' : "'";
      attr.valueStart = i + 1;
    } else {
      attr.valueStart = i;
    }
    attr.valueEnd = masked.length;
  }

  /** A quoted value running over a line break into a new tag: cut it there and read on from the '<'. */
  function recoverRunaway(attr: HtmlAttribute): boolean {
    if (tagStart < 0 || attr.valueStart < 0) return false;
    let newline = attr.valueStart;
    while (newline < attr.valueEnd && masked[newline] !== 0x0a) newline++;
    if (newline >= attr.valueEnd) return false;
    const m = runawayValue(unitsText(masked, attr.valueStart, attr.valueEnd));
    if (!m) return false;
    const cut = attr.valueStart + m.index;
    const lt = attr.valueStart + m.lt;
    attr.valueEnd = cut;
    finishAttribute(attr);
    attr.dynamic = true;
    finishTag(cut);
    restart(lt);
    return true;
  }

  let from = 0;
  let clean = false;
  for (;;) {
    restartAt = -1;
    base = from;
    tag = undefined;
    tagStart = -1;
    openAttr = undefined;
    raw = undefined;
    tokenizer = new HtmlTokenizer(callbacks);
    tokenizer.write(from === 0 ? masked : masked.subarray(from));
    if (restartAt < 0) {
      clean = tokenizer.atRest() && tagStart < 0 && !openAttr && !raw;
      tokenizer.end();
      break;
    }
    from = restartAt > from ? restartAt : from + 1; // always make progress
    if (from >= masked.length) break;
  }
  return { tags, css, scripts, comments, clean };
}

/** The attribute object reused for attributes of tags a scan does not keep. */
const SKIPPED: HtmlAttribute = { name: '', nameStart: -1, nameEnd: -1, value: undefined, valueStart: -1, valueEnd: -1, quote: '', dynamic: false };

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a span (sorted, disjoint) contains `offset`. */
function inside(spans: Span[], offset: number): boolean {
  const i = firstEndingAfter(spans, offset);
  return i < spans.length && spans[i].start <= offset && offset < spans[i].end;
}

/** Index (in pairs) of the first span of flat, sorted, disjoint `spans` that ends after `offset`. */
function firstPairEndingAfter(spans: Int32Array, offset: number): number {
  let lo = 0;
  let hi = spans.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) overlaps a span of flat, sorted, disjoint `spans`. */
function overlapsFlat(spans: Int32Array, start: number, end: number): boolean {
  if (end <= start) return false;
  const i = firstPairEndingAfter(spans, start);
  return 2 * i < spans.length && spans[2 * i] < end;
}

/** Whether a span of flat, sorted, disjoint `spans` starts at `offset`. */
function startsAtFlat(spans: Int32Array, offset: number): boolean {
  const i = firstPairEndingAfter(spans, offset);
  return 2 * i < spans.length && spans[2 * i] === offset;
}

/** Sorted, with overlapping or touching spans merged. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** `spans` with the parts inside `holes` (sorted, merged) removed. */
function cutAround(spans: Span[], holes: Span[]): Span[] {
  if (holes.length === 0) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let first = 0; // holes before this one end before every remaining span starts
  for (const s of sorted) {
    while (first < holes.length && holes[first].end <= s.start) first++;
    let start = s.start;
    for (let k = first; k < holes.length && holes[k].start < s.end; k++) {
      const h = holes[k];
      if (h.start > start) out.push({ start, end: h.start });
      start = Math.max(start, h.end);
    }
    if (start < s.end) out.push({ start, end: s.end });
  }
  return out;
}

/** The template token (if any) that contains `offset`. */
export function tokenAt(scan: TemplateScan, offset: number): TemplateToken | undefined {
  const table = scan.tokenTable;
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.end(mid) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < table.count && table.start(lo) <= offset && offset < table.end(lo) ? table.at(lo) : undefined;
}

/** Whether nothing may be flagged at `offset` (comments, verbatim). */
export function isIgnored(scan: TemplateScan, offset: number): boolean {
  return inside(scan.ignored, offset);
}
