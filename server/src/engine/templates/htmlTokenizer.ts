// An HTML tokenizer that reports exactly what htmlparser2's Tokenizer (10.x, HTML mode, entities
// not decoded) reports, for one whole text: the same callbacks, in the same order, with the same
// offsets, including its recovery from half-typed markup and its handling of <script>, <style>,
// <title>, <textarea> and <xmp>. It exists for speed: one loop with local state, and indexOf
// wherever htmlparser2 steps one character at a time towards a known one (text, quoted values,
// comments, raw text). test/unit/htmlTokenizer.test.ts replays random and real markup through
// both and requires identical event streams.

/** htmlparser2's QuoteType numbers. */
export const NO_VALUE = 0;
export const UNQUOTED = 1;
export const SINGLE = 2;
export const DOUBLE = 3;

export interface HtmlCallbacks {
  onopentagname(start: number, end: number): void;
  onattribname(start: number, end: number): void;
  onattribdata(start: number, end: number): void;
  onattribend(quote: number, end: number): void;
  onopentagend(end: number): void;
  onselfclosingtag(end: number): void;
  onclosetag(start: number, end: number): void;
  ontext(start: number, end: number): void;
  oncomment(start: number, end: number, endOffset: number): void;
  oncdata(start: number, end: number, endOffset: number): void;
  ondeclaration(start: number, end: number): void;
  onprocessinginstruction(start: number, end: number): void;
  onend(): void;
}

// States, named as htmlparser2 names them.
const TEXT = 1;
const BEFORE_TAG_NAME = 2;
const IN_TAG_NAME = 3;
const IN_SELF_CLOSING_TAG = 4;
const BEFORE_CLOSING_TAG_NAME = 5;
const IN_CLOSING_TAG_NAME = 6;
const AFTER_CLOSING_TAG_NAME = 7;
const BEFORE_ATTRIBUTE_NAME = 8;
const IN_ATTRIBUTE_NAME = 9;
const AFTER_ATTRIBUTE_NAME = 10;
const BEFORE_ATTRIBUTE_VALUE = 11;
const IN_ATTRIBUTE_VALUE_DQ = 12;
const IN_ATTRIBUTE_VALUE_SQ = 13;
const IN_ATTRIBUTE_VALUE_NQ = 14;
const BEFORE_DECLARATION = 15;
const IN_DECLARATION = 16;
const IN_PROCESSING_INSTRUCTION = 17;
const BEFORE_COMMENT = 18;
const CDATA_SEQUENCE = 19;
const IN_SPECIAL_COMMENT = 20;
const IN_COMMENT_LIKE = 21;
const BEFORE_SPECIAL_S = 22;
const BEFORE_SPECIAL_T = 23;
const SPECIAL_START_SEQUENCE = 24;
const IN_SPECIAL_TAG = 25;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const DASH = 0x2d;

// Sequences (lowercase); <script>, <style>… are matched against their end sequences from offset 4.
const CDATA = 'CDATA[';
const CDATA_END = ']]>';
const COMMENT_END = '-->';
const SCRIPT_END = '</script';
const STYLE_END = '</style';
const TITLE_END = '</title';
const TEXTAREA_END = '</textarea';
const XMP_END = '</xmp';

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isEndOfTagSection = (c: number) => c === SLASH || c === GT || isWhitespace(c);
const isAsciiAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

export class HtmlTokenizer {
  private state = TEXT;
  private sectionStart = 0;
  private index = 0;
  private isSpecial = false;
  private running = true;
  private sequence = '';
  private sequenceIndex = 0;
  private buffer: Uint16Array = new Uint16Array(0);

  constructor(private readonly cbs: HtmlCallbacks) {}

  /** Stops after the current character (callbacks already due for it still run). */
  pause(): void {
    this.running = false;
  }

  /** Plain text outside any tag, comment, declaration or raw-text element. */
  atRest(): boolean {
    return this.state === TEXT && !this.isSpecial;
  }

  /** Reads the whole text (UTF-16 code units). Call once, then `end()`. */
  write(text: Uint16Array): void {
    this.buffer = text;
    const cbs = this.cbs;
    const len = text.length;
    let state = this.state;
    let sectionStart = this.sectionStart;
    let sequence = this.sequence;
    let sequenceIndex = this.sequenceIndex;
    let i = this.index;

    while (i < len && this.running) {
      let c = text[i];
      // `continue step` re-reads the same character in the new state, as htmlparser2 does by
      // calling the next state's function directly.
      step: for (;;) {
        switch (state) {
          case TEXT: {
            const j = c === LT ? i : text.indexOf(LT, i + 1);
            if (j < 0) {
              i = len - 1;
              break step;
            }
            i = j;
            if (i > sectionStart) cbs.ontext(sectionStart, i);
            state = BEFORE_TAG_NAME;
            sectionStart = i;
            break step;
          }
          case BEFORE_TAG_NAME: {
            if (c === 0x21 /* ! */) {
              state = BEFORE_DECLARATION;
              sectionStart = i + 1;
            } else if (c === 0x3f /* ? */) {
              state = IN_PROCESSING_INSTRUCTION;
              sectionStart = i + 1;
            } else if (isAsciiAlpha(c)) {
              const lower = c | 0x20;
              sectionStart = i;
              state = lower === 0x73 /* s */ ? BEFORE_SPECIAL_S : lower === 0x74 /* t */ || lower === 0x78 /* x */ ? BEFORE_SPECIAL_T : IN_TAG_NAME;
            } else if (c === SLASH) {
              state = BEFORE_CLOSING_TAG_NAME;
            } else {
              state = TEXT;
              continue step;
            }
            break step;
          }
          case IN_TAG_NAME: {
            while (!isEndOfTagSection(c)) {
              if (++i === len) {
                i = len - 1;
                break step;
              }
              c = text[i];
            }
            cbs.onopentagname(sectionStart, i);
            sectionStart = -1;
            state = BEFORE_ATTRIBUTE_NAME;
            continue step;
          }
          case BEFORE_ATTRIBUTE_NAME: {
            if (c === GT) {
              cbs.onopentagend(i);
              if (this.isSpecial) {
                state = IN_SPECIAL_TAG;
                sequenceIndex = 0;
              } else {
                state = TEXT;
              }
              sectionStart = i + 1;
            } else if (c === SLASH) {
              state = IN_SELF_CLOSING_TAG;
            } else if (!isWhitespace(c)) {
              state = IN_ATTRIBUTE_NAME;
              sectionStart = i;
            }
            break step;
          }
          case IN_SELF_CLOSING_TAG: {
            if (c === GT) {
              cbs.onselfclosingtag(i);
              state = TEXT;
              sectionStart = i + 1;
              this.isSpecial = false;
            } else if (!isWhitespace(c)) {
              state = BEFORE_ATTRIBUTE_NAME;
              continue step;
            }
            break step;
          }
          case IN_ATTRIBUTE_NAME: {
            while (c !== EQ && !isEndOfTagSection(c)) {
              if (++i === len) {
                i = len - 1;
                break step;
              }
              c = text[i];
            }
            cbs.onattribname(sectionStart, i);
            sectionStart = i;
            state = AFTER_ATTRIBUTE_NAME;
            continue step;
          }
          case AFTER_ATTRIBUTE_NAME: {
            if (c === EQ) {
              state = BEFORE_ATTRIBUTE_VALUE;
            } else if (c === SLASH || c === GT) {
              cbs.onattribend(NO_VALUE, sectionStart);
              sectionStart = -1;
              state = BEFORE_ATTRIBUTE_NAME;
              continue step;
            } else if (!isWhitespace(c)) {
              cbs.onattribend(NO_VALUE, sectionStart);
              state = IN_ATTRIBUTE_NAME;
              sectionStart = i;
            }
            break step;
          }
          case BEFORE_ATTRIBUTE_VALUE: {
            if (c === DQ) {
              state = IN_ATTRIBUTE_VALUE_DQ;
              sectionStart = i + 1;
            } else if (c === SQ) {
              state = IN_ATTRIBUTE_VALUE_SQ;
              sectionStart = i + 1;
            } else if (!isWhitespace(c)) {
              sectionStart = i;
              state = IN_ATTRIBUTE_VALUE_NQ;
              continue step;
            }
            break step;
          }
          case IN_ATTRIBUTE_VALUE_DQ:
          case IN_ATTRIBUTE_VALUE_SQ: {
            const quote = state === IN_ATTRIBUTE_VALUE_DQ ? DQ : SQ;
            const j = c === quote ? i : text.indexOf(quote, i + 1);
            if (j < 0) {
              i = len - 1;
              break step;
            }
            i = j;
            cbs.onattribdata(sectionStart, i);
            sectionStart = -1;
            cbs.onattribend(quote === DQ ? DOUBLE : SINGLE, i + 1);
            state = BEFORE_ATTRIBUTE_NAME;
            break step;
          }
          case IN_ATTRIBUTE_VALUE_NQ: {
            while (c !== GT && !isWhitespace(c)) {
              if (++i === len) {
                i = len - 1;
                break step;
              }
              c = text[i];
            }
            cbs.onattribdata(sectionStart, i);
            sectionStart = -1;
            cbs.onattribend(UNQUOTED, i);
            state = BEFORE_ATTRIBUTE_NAME;
            continue step;
          }
          case BEFORE_DECLARATION: {
            if (c === 0x5b /* [ */) {
              state = CDATA_SEQUENCE;
              sequenceIndex = 0;
            } else {
              state = c === DASH ? BEFORE_COMMENT : IN_DECLARATION;
            }
            break step;
          }
          case IN_DECLARATION:
          case IN_PROCESSING_INSTRUCTION:
          case IN_SPECIAL_COMMENT: {
            const j = c === GT ? i : text.indexOf(GT, i + 1);
            if (j < 0) {
              i = len - 1;
              break step;
            }
            i = j;
            if (state === IN_DECLARATION) cbs.ondeclaration(sectionStart, i);
            else if (state === IN_PROCESSING_INSTRUCTION) cbs.onprocessinginstruction(sectionStart, i);
            else cbs.oncomment(sectionStart, i, 0);
            state = TEXT;
            sectionStart = i + 1;
            break step;
          }
          case BEFORE_COMMENT: {
            if (c === DASH) {
              state = IN_COMMENT_LIKE;
              sequence = COMMENT_END;
              sequenceIndex = 2; // short comments: <!-->
              sectionStart = i + 1;
            } else {
              state = IN_DECLARATION;
            }
            break step;
          }
          case CDATA_SEQUENCE: {
            if (c === CDATA.charCodeAt(sequenceIndex)) {
              if (++sequenceIndex === CDATA.length) {
                state = IN_COMMENT_LIKE;
                sequence = CDATA_END;
                sequenceIndex = 0;
                sectionStart = i + 1;
              }
              break step;
            }
            sequenceIndex = 0;
            state = IN_DECLARATION;
            continue step;
          }
          case IN_COMMENT_LIKE: {
            if (c === sequence.charCodeAt(sequenceIndex)) {
              if (++sequenceIndex === sequence.length) {
                if (sequence === CDATA_END) cbs.oncdata(sectionStart, i, 2);
                else cbs.oncomment(sectionStart, i, 2);
                sequenceIndex = 0;
                sectionStart = i + 1;
                state = TEXT;
              }
            } else if (sequenceIndex === 0) {
              const j = text.indexOf(sequence.charCodeAt(0), i + 1);
              if (j < 0) {
                i = len - 1;
              } else {
                i = j;
                sequenceIndex = 1;
              }
            } else if (c !== sequence.charCodeAt(sequenceIndex - 1)) {
              sequenceIndex = 0; // long endings (--->, ]]]>) keep the count
            }
            break step;
          }
          case BEFORE_CLOSING_TAG_NAME: {
            if (c === GT) {
              state = TEXT;
            } else if (!isWhitespace(c)) {
              state = isAsciiAlpha(c) ? IN_CLOSING_TAG_NAME : IN_SPECIAL_COMMENT;
              sectionStart = i;
            }
            break step;
          }
          case IN_CLOSING_TAG_NAME: {
            while (c !== GT && !isWhitespace(c)) {
              if (++i === len) {
                i = len - 1;
                break step;
              }
              c = text[i];
            }
            cbs.onclosetag(sectionStart, i);
            sectionStart = -1;
            state = AFTER_CLOSING_TAG_NAME;
            continue step;
          }
          case AFTER_CLOSING_TAG_NAME: {
            const j = c === GT ? i : text.indexOf(GT, i + 1);
            if (j < 0) {
              i = len - 1;
              break step;
            }
            i = j;
            state = TEXT;
            sectionStart = i + 1;
            break step;
          }
          case BEFORE_SPECIAL_S: {
            const lower = c | 0x20;
            const end = lower === 0x63 /* c */ ? SCRIPT_END : lower === 0x74 /* t */ ? STYLE_END : undefined;
            if (end === undefined) {
              state = IN_TAG_NAME;
              continue step;
            }
            this.isSpecial = true;
            sequence = end;
            sequenceIndex = 4;
            state = SPECIAL_START_SEQUENCE;
            break step;
          }
          case BEFORE_SPECIAL_T: {
            const lower = c | 0x20;
            const end = lower === 0x69 /* i */ ? TITLE_END : lower === 0x65 /* e */ ? TEXTAREA_END : lower === 0x6d /* m */ ? XMP_END : undefined;
            if (end === undefined) {
              state = IN_TAG_NAME;
              continue step;
            }
            this.isSpecial = true;
            sequence = end;
            sequenceIndex = 4;
            state = SPECIAL_START_SEQUENCE;
            break step;
          }
          case SPECIAL_START_SEQUENCE: {
            const isEnd = sequenceIndex === sequence.length;
            const isMatch = isEnd ? isEndOfTagSection(c) : (c | 0x20) === sequence.charCodeAt(sequenceIndex);
            if (!isMatch) {
              this.isSpecial = false;
            } else if (!isEnd) {
              sequenceIndex++;
              break step;
            }
            sequenceIndex = 0;
            state = IN_TAG_NAME;
            continue step;
          }
          case IN_SPECIAL_TAG: {
            if (sequenceIndex === sequence.length) {
              if (c === GT || isWhitespace(c)) {
                const endOfText = i - sequence.length;
                if (sectionStart < endOfText) cbs.ontext(sectionStart, endOfText);
                this.isSpecial = false;
                sectionStart = endOfText + 2; // after '</'
                state = IN_CLOSING_TAG_NAME;
                continue step;
              }
              sequenceIndex = 0;
            }
            if ((c | 0x20) === sequence.charCodeAt(sequenceIndex)) {
              sequenceIndex++;
            } else if (sequenceIndex === 0) {
              // (htmlparser2 steps through <title> one character at a time to decode entities;
              // without decoding, that reaches the same '<'.)
              const j = text.indexOf(LT, i + 1);
              if (j < 0) {
                i = len - 1;
              } else {
                i = j;
                sequenceIndex = 1;
              }
            } else {
              sequenceIndex = c === LT ? 1 : 0; // `<</script>`
            }
            break step;
          }
          default:
            break step;
        }
      }
      i++;
    }

    // htmlparser2's cleanup(): what is pending in text or a value is reported now.
    if (this.running && sectionStart !== i) {
      if (state === TEXT || (state === IN_SPECIAL_TAG && sequenceIndex === 0)) {
        cbs.ontext(sectionStart, i);
        sectionStart = i;
      } else if (state === IN_ATTRIBUTE_VALUE_DQ || state === IN_ATTRIBUTE_VALUE_SQ || state === IN_ATTRIBUTE_VALUE_NQ) {
        cbs.onattribdata(sectionStart, i);
        sectionStart = i;
      }
    }
    this.state = state;
    this.sectionStart = sectionStart;
    this.sequence = sequence;
    this.sequenceIndex = sequenceIndex;
    this.index = i;
  }

  /** The end of the text: what is left is reported as htmlparser2's handleTrailingData() does. */
  end(): void {
    if (!this.running) return;
    const endIndex = this.buffer.length;
    const state = this.state;
    if (this.sectionStart < endIndex) {
      if (state === IN_COMMENT_LIKE) {
        if (this.sequence === CDATA_END) this.cbs.oncdata(this.sectionStart, endIndex, 0);
        else this.cbs.oncomment(this.sectionStart, endIndex, 0);
      } else if (
        state !== IN_TAG_NAME &&
        state !== BEFORE_ATTRIBUTE_NAME &&
        state !== BEFORE_ATTRIBUTE_VALUE &&
        state !== AFTER_ATTRIBUTE_NAME &&
        state !== IN_ATTRIBUTE_NAME &&
        state !== IN_ATTRIBUTE_VALUE_SQ &&
        state !== IN_ATTRIBUTE_VALUE_DQ &&
        state !== IN_ATTRIBUTE_VALUE_NQ &&
        state !== IN_CLOSING_TAG_NAME
      ) {
        // An open tag is dropped, as htmlparser2 drops it; anything else is text.
        this.cbs.ontext(this.sectionStart, endIndex);
      }
    }
    this.cbs.onend();
  }
}
