// Command lines people copy into a shell: every word quoted for a POSIX shell (sh, dash, bash,
// zsh), and the characters no printed line may carry because the text shown would not be the
// command that runs. Facts: POSIX.1-2017 Shell Command Language §2.2.2 (single quotes), §2.9.1
// (assignments before a command); Unicode TR #9 (bidi controls), Trojan Source (CVE-2021-42574).

/** Words a shell reads literally without quotes: no expansion, globbing, splitting or operator. */
const SAFE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** A shell variable name (the part of `NAME=value` left bare). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `word` as one shell word: bare when every character is safe, otherwise in single quotes, inside
 * which nothing is special; an embedded `'` becomes `'\''` (close, escaped quote, reopen).
 */
export function shellQuote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `NAME=value command args…` for a POSIX shell. The name stays bare (a quoted `'NAME=…'` would be
 * run as a command); the value and every argument are quoted by `shellQuote`.
 */
export function shellLine(argv: readonly string[], env: readonly (readonly [string, string])[] = []): string {
  const assignments = env.map(([name, value]) => {
    if (!VARIABLE_NAME.test(name)) throw new Error(`not a shell variable name: ${name}`);
    return `${name}=${shellQuote(value)}`;
  });
  return [...assignments, ...argv.map(shellQuote)].join(' ');
}

/**
 * Characters a printed line must not carry: C0 and C1 controls and DEL (Cc), format characters
 * (Cf: the bidi controls U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069, zero-width characters,
 * U+FEFF…), line and paragraph separators, and lone surrogates.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

const HIDDEN_NAMES: Readonly<Record<number, string>> = {
  0x09: 'CHARACTER TABULATION',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` no printed line may carry, described (`U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control`); undefined when there is none. */
export function hiddenCharacter(text: string): string | undefined {
  const m = HIDDEN.exec(text);
  if (!m) return undefined;
  const c = m[0].codePointAt(0)!;
  const name = HIDDEN_NAMES[c];
  const kind = /\p{Cc}/u.test(m[0])
    ? 'a control character'
    : c === 0x061c || (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
      ? 'a bidirectional control'
      : /\p{Cs}/u.test(m[0])
        ? 'a lone surrogate'
        : /[\p{Zl}\p{Zp}]/u.test(m[0])
          ? 'a line break'
          : 'an invisible format character';
  return `${codePoint(c)}${name ? ` ${name}` : ''}, ${kind}`;
}

/** `text` with every hidden character written as `\u{…}`: safe to show in a message. */
export function visible(text: string): string {
  return text.replace(HIDDEN_ALL, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
