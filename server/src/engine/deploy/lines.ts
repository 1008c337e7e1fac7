// Launcher files read line by line: logical lines joined where they end in an escape, a command
// as a one-line label, quotes removed. Bounded by LAUNCHER_LIMITS.

import { LAUNCHER_LIMITS } from './launchers';

/**
 * Lines joined where they end in `escape` (`\` for shells and Dockerfiles; '' for none), with the
 * offsets of the whole logical line. Bounded by LAUNCHER_LIMITS.lines / chars.
 */
export function* logicalLines(source: string, escape: string): Generator<{ text: string; start: number; end: number; line: number }> {
  const text = source.length > LAUNCHER_LIMITS.chars ? source.slice(0, LAUNCHER_LIMITS.chars) : source;
  let pos = 0;
  let number = 1;
  let count = 0;
  while (pos <= text.length && count < LAUNCHER_LIMITS.lines) {
    const startLine = number;
    const start = pos;
    let joined = '';
    let end = pos;
    for (;;) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      let line = text.slice(pos, nl);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      end = pos + line.length;
      pos = nl + 1;
      number++;
      count++;
      if (escape && line.endsWith(escape) && pos <= text.length && count < LAUNCHER_LIMITS.lines) {
        joined += line.slice(0, -escape.length) + ' ';
        continue;
      }
      joined += line;
      break;
    }
    yield { text: joined, start, end, line: startLine };
    if (pos > text.length) break;
  }
}

export function oneLine(s: string): string {
  let out = '';
  let space = false;
  for (const c of s.length > 400 ? s.slice(0, 400) : s) {
    if (c === '\n' || c === '\r' || c === '\t' || c === ' ' || c === '\\') space = out.length > 0;
    else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return s.length > 400 ? `${out}…` : out;
}

export function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

export function firstSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (s[i] === ' ' || s[i] === '\t') return i;
  return -1;
}
