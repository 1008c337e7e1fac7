// Glob patterns (`*`, `?`, `[abc]`, `**` across folders) matched without regular expressions or
// backtracking: a pattern of p characters against a name of n characters costs at most p·n steps,
// whatever the pattern (a regular expression built from `**a**a**a…!` can take minutes).

/** Whether a whole path (folders separated by `/`) matches a glob; `**` matches any number of folders. */
export function globMatch(pattern: string, path: string): boolean {
  const p = pattern.replace(/^\.\//, '').split('/');
  const s = path.split('/');
  // reach[j]: pattern segments so far can match exactly the first j path segments.
  let reach = new Uint8Array(s.length + 1);
  reach[0] = 1;
  for (const seg of p) {
    const next = new Uint8Array(s.length + 1);
    if (seg === '**') {
      let any = 0;
      for (let j = 0; j <= s.length; j++) {
        any ||= reach[j];
        next[j] = any;
      }
    } else {
      for (let j = 0; j < s.length; j++) if (reach[j] && segmentMatch(seg, s[j])) next[j + 1] = 1;
    }
    reach = next;
  }
  return reach[s.length] === 1;
}

/**
 * One path segment against one name: `*` (any run), `?` (one character), `[…]` (a class, `!` or
 * `^` negates). The classic two-pointer match: on a mismatch, only the last `*` is retried.
 */
export function segmentMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      while (p < pattern.length && pattern[p] === '*') p++;
      starP = p;
      starN = n;
      continue;
    }
    if (p < pattern.length) {
      const step = matchOne(pattern, p, name[n]);
      if (step > 0) {
        p += step;
        n++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP;
    n = ++starN;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** How many pattern characters match `c` at `p` (0: no match). */
function matchOne(pattern: string, p: number, c: string): number {
  const ch = pattern[p];
  if (ch === '?') return 1;
  if (ch === '[') {
    const close = pattern.indexOf(']', p + 2);
    if (close > 0) {
      let i = p + 1;
      const negate = pattern[i] === '!' || pattern[i] === '^';
      if (negate) i++;
      let found = false;
      for (; i < close; i++) {
        if (pattern[i + 1] === '-' && i + 2 < close) {
          if (c >= pattern[i] && c <= pattern[i + 2]) found = true;
          i += 2;
        } else if (pattern[i] === c) found = true;
      }
      return found !== negate ? close - p + 1 : 0;
    }
  }
  return ch === c ? 1 : 0;
}
