// What a project's dependency files require: requirements*.txt and requirements/*.txt (with their
// `-r` / `-c` includes), constraints*.txt, pyproject.toml (PEP 621 lists, Poetry tables),
// setup.cfg and setup.py install_requires, Pipfile, and the lock files (Pipfile.lock, poetry.lock,
// uv.lock, pdm.lock). One reader for the Django version and the deployment facts.
//
// Every scan is a single pass with indexOf and character tests: a hostile file (one 512 KB line,
// a run of spaces after a name) costs time in proportion to its length.

import * as posix from 'node:path/posix';

export interface Requirement {
  /** Normalised package name (PEP 503: lower case, runs of `-_.` as `-`). */
  name: string;
  /** The version specifier as written (`>=4.2,<5`, `==4.2.11`, `^4.2`), empty when unpinned. */
  spec: string;
  /** 1-based line. */
  line: number;
  /** Offsets of the package name in the file. */
  start: number;
  end: number;
  /** The line, trimmed. */
  label: string;
  /** A resolved version from a lock file. */
  locked?: boolean;
}

/** Whether a path is a dependency file this reader understands. */
export function isDependencyFile(path: string): boolean {
  const base = posix.basename(path).toLowerCase();
  if (/^(requirements|constraints)[\w.-]*\.(txt|in)$/.test(base)) return true;
  if (base === 'pyproject.toml' || base === 'setup.cfg' || base === 'setup.py' || base === 'pipfile' || base === 'pipfile.lock' || base === 'poetry.lock' || base === 'uv.lock' || base === 'pdm.lock') return true;
  const folder = posix.basename(posix.dirname(path)).toLowerCase();
  return (folder === 'requirements' || folder === 'reqs' || folder === 'requirements.d') && /\.(txt|in)$/.test(base);
}

export function isLockFile(path: string): boolean {
  return /(^|\/)(pipfile\.lock|poetry\.lock|uv\.lock|pdm\.lock)$/i.test(path);
}

function isRequirementsFormat(path: string): boolean {
  return /\.(txt|in)$/i.test(path);
}

export function normalisePackage(name: string): string {
  let out = '';
  let sep = false;
  for (const c of name.toLowerCase()) {
    if (c === '-' || c === '_' || c === '.') sep = true;
    else {
      if (sep && out) out += '-';
      sep = false;
      out += c;
    }
  }
  return out;
}

const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
const isNameChar = (c: string) => isNameStart(c) || c === '.' || c === '_' || c === '-';
const isSpace = (c: string) => c === ' ' || c === '\t';

/**
 * A PEP 508 requirement at `from` in `s` (up to `to`): the name, the specifier up to a marker
 * (`;`), a URL (`@`) or a comment. Undefined when no name starts there.
 */
function parseRequirement(s: string, from: number, to: number): { name: string; nameEnd: number; spec: string } | undefined {
  let i = from;
  while (i < to && isSpace(s[i])) i++;
  if (i >= to || !isNameStart(s[i])) return undefined;
  const nameStart = i;
  while (i < to && isNameChar(s[i])) i++;
  const nameEnd = i;
  while (i < to && isSpace(s[i])) i++;
  if (s[i] === '[') {
    const close = s.indexOf(']', i);
    if (close < 0 || close >= to) return undefined;
    i = close + 1;
    while (i < to && isSpace(s[i])) i++;
  }
  let end = i;
  while (end < to && s[end] !== ';' && s[end] !== '#' && s[end] !== '@') end++;
  const spec = s.slice(i, end).trim();
  // After the name only a specifier, a marker, a URL or nothing may follow.
  if (spec && !'<>=!~^'.includes(spec[0]) && !/^\d/.test(spec)) return undefined;
  return { name: s.slice(nameStart, nameEnd), nameEnd, spec };
}

/**
 * Every requirement a dependency file names, in order. `path` decides the format; a file reached
 * through `-r` / `-c` (`included`) is in pip's requirements format whatever its name (`common.pip`).
 */
export function requirementsIn(path: string, text: string, included = false): Requirement[] {
  const base = posix.basename(path).toLowerCase();
  if (included || isRequirementsFormat(base)) return requirementsTxt(text);
  if (base === 'pipfile.lock') return pipfileLock(text);
  if (isLockFile(base)) return tomlLock(text);
  return quotedAndTables(base, text);
}

/** Each line of a text with its offset and 1-based number, without building an array of lines. */
function* lines(text: string): Generator<{ line: string; start: number; number: number }> {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    yield { line, start, number };
    if (end >= text.length) break;
    start = end + 1;
    number++;
  }
}

function requirementsTxt(text: string): Requirement[] {
  const out: Requirement[] = [];
  for (const { line, start, number } of lines(text)) {
    const trimmed = line.trimStart();
    if (!trimmed || trimmed[0] === '#' || trimmed[0] === '-') continue;
    const r = parseRequirement(line, 0, line.length);
    if (!r) continue;
    const at = start + line.indexOf(r.name);
    out.push({ name: normalisePackage(r.name), spec: r.spec, line: number, start: at, end: at + r.name.length, label: line.trim() });
  }
  return out;
}

/** `-r base.txt`, `--requirement=prod.txt`, `-c constraints.txt` in a requirements file: the paths as written. */
export function includesOf(text: string): { path: string; constraint: boolean }[] {
  const out: { path: string; constraint: boolean }[] = [];
  for (const { line } of lines(text)) {
    const t = line.trim();
    let rest: string | undefined;
    let constraint = false;
    for (const flag of ['--requirement', '--constraint', '-r', '-c']) {
      if (!t.startsWith(flag)) continue;
      const after = t.slice(flag.length);
      if (after[0] === '=' || isSpace(after[0] ?? '')) rest = after.slice(1).trim();
      else if (flag.length === 2 && after) rest = after.trim();
      constraint = flag === '--constraint' || flag === '-c';
      if (rest !== undefined) break;
    }
    if (!rest) continue;
    // A comment starts at `#` after whitespace (pip's COMMENT_RE).
    let hash = -1;
    for (let i = 1; i < rest.length && hash < 0; i++) if (rest[i] === '#' && isSpace(rest[i - 1])) hash = i;
    out.push({ path: (hash >= 0 ? rest.slice(0, hash) : rest).trim(), constraint });
  }
  return out;
}

/** Requirements files one file reaches through `-r` / `-c`, at most (cycles end earlier). */
export const MAX_INCLUDED_FILES = 64;

export interface IncludedFile {
  file: string;
  /** Reached only through `-c`: it constrains versions, installs nothing. */
  constraint: boolean;
  /** Read as pip's requirements format whatever its name (it was reached through `-r` / `-c`). */
  included: boolean;
}

/**
 * `file` and every requirements file it includes, depth first in the order pip reads them: each
 * `-r` / `-c` path is relative to the file that names it (pip's req_file.py joins it to that
 * file's folder), each file once (include cycles end), MAX_INCLUDED_FILES at most. URLs and
 * paths built from environment variables are left out. `includes(f)` is `includesOf` of f's text,
 * or undefined when f cannot be read.
 */
export function followIncludes(file: string, includes: (file: string) => { path: string; constraint: boolean }[] | undefined, limit = MAX_INCLUDED_FILES): IncludedFile[] {
  const out: IncludedFile[] = [];
  const seen = new Set<string>();
  // An explicit stack (no recursion): [file, constraint, included].
  const stack: IncludedFile[] = [{ file: posix.normalize(file), constraint: false, included: false }];
  while (stack.length && out.length < limit) {
    const next = stack.pop()!;
    if (seen.has(next.file)) continue;
    seen.add(next.file);
    out.push(next);
    if (!next.included && !isRequirementsFormat(next.file)) continue;
    const found = includes(next.file) ?? [];
    for (let i = found.length - 1; i >= 0; i--) {
      const path = found[i].path;
      if (!path || path.includes('://') || path.includes('$')) continue;
      const target = posix.normalize(path.startsWith('/') ? path : posix.join(posix.dirname(next.file), path));
      if (!seen.has(target)) stack.push({ file: target, constraint: next.constraint || found[i].constraint, included: true });
    }
  }
  return out;
}

/**
 * pyproject.toml, setup.cfg, setup.py and Pipfile: quoted PEP 508 strings (`"Django>=4.2"`),
 * `name = "spec"` / `name = { version = "spec" }` tables (Poetry, Pipfile), and setup.cfg's
 * indented install_requires lines.
 */
function quotedAndTables(base: string, text: string): Requirement[] {
  const out: Requirement[] = [];
  const setupCfg = base === 'setup.cfg';
  const tableStyle = base === 'pyproject.toml' || base === 'pipfile';
  for (const { line, start, number } of lines(text)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed[0] === '#' || trimmed[0] === ';') continue;
    // Quoted requirement strings anywhere on the line.
    let i = 0;
    while (i < line.length) {
      const dq = line.indexOf('"', i);
      const sq = line.indexOf("'", i);
      const open = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
      if (open < 0) break;
      const close = line.indexOf(line[open], open + 1);
      if (close < 0) break;
      const r = parseRequirement(line, open + 1, close);
      if (r && (r.spec || r.nameEnd === close)) out.push({ name: normalisePackage(r.name), spec: r.spec, line: number, start: start + open + 1 + (line.slice(open + 1).indexOf(r.name)), end: start + open + 1 + line.slice(open + 1).indexOf(r.name) + r.name.length, label: trimmed });
      i = close + 1;
    }
    // `django = "^4.2"`, `django = { version = "^4.2" }` (Poetry, Pipfile).
    if (tableStyle) {
      const eq = line.indexOf('=');
      if (eq > 0) {
        const key = line.slice(0, eq).trim().replace(/^["']|["']$/g, '');
        if (key && [...key].every(isNameChar) && isNameStart(key[0]) && key !== 'version' && key !== 'name' && key !== 'python') {
          const value = line.slice(eq + 1).trim();
          let spec: string | undefined;
          if (value[0] === '"' || value[0] === "'") spec = value.slice(1, value.indexOf(value[0], 1));
          else if (value[0] === '{') {
            const v = value.indexOf('version');
            if (v >= 0) {
              const q1 = value.slice(v).search(/["']/);
              if (q1 >= 0) {
                const qc = value[v + q1];
                const end = value.indexOf(qc, v + q1 + 1);
                if (end > 0) spec = value.slice(v + q1 + 1, end);
              }
            } else spec = '';
          }
          if (spec !== undefined && !out.some((r) => r.line === number)) {
            const at = start + line.indexOf(key);
            out.push({ name: normalisePackage(key), spec: spec === '*' ? '' : spec, line: number, start: at, end: at + key.length, label: trimmed });
          }
        }
      }
    }
    // setup.cfg: `install_requires =` followed by indented requirement lines (or one on the same line).
    if (setupCfg && !trimmed.includes('"') && !trimmed.includes("'")) {
      const body = trimmed.startsWith('install_requires') ? trimmed.slice(trimmed.indexOf('=') + 1).trim() : isSpace(line[0] ?? '') ? trimmed : '';
      if (body) {
        const r = parseRequirement(body, 0, body.length);
        if (r) {
          const at = start + line.indexOf(r.name);
          out.push({ name: normalisePackage(r.name), spec: r.spec, line: number, start: at, end: at + r.name.length, label: trimmed });
        }
      }
    }
  }
  return out;
}

/** poetry.lock, uv.lock, pdm.lock: `name = "django"` followed by `version = "4.2.11"`. */
function tomlLock(text: string): Requirement[] {
  const out: Requirement[] = [];
  let pending: { name: string; start: number; line: number; label: string } | undefined;
  for (const { line, start, number } of lines(text)) {
    const t = line.trim();
    if (t.startsWith('[')) pending = undefined;
    const value = (key: string) => (t.startsWith(key) && /^\s*=\s*"/.test(t.slice(key.length)) ? t.slice(t.indexOf('"') + 1, t.lastIndexOf('"')) : undefined);
    const name = value('name');
    if (name !== undefined) {
      pending = { name, start: start + line.indexOf(name), line: number, label: t };
      continue;
    }
    const version = value('version');
    if (version !== undefined && pending) {
      out.push({ name: normalisePackage(pending.name), spec: `==${version}`, line: number, start: pending.start, end: pending.start + pending.name.length, label: pending.label, locked: true });
      pending = undefined;
    }
  }
  return out;
}

/** Pipfile.lock: `"django": {` … `"version": "==4.2.11"`. */
function pipfileLock(text: string): Requirement[] {
  const out: Requirement[] = [];
  let pending: { name: string; start: number; label: string } | undefined;
  for (const { line, start, number } of lines(text)) {
    const t = line.trim();
    if (t.endsWith('{') && t.startsWith('"')) {
      const name = t.slice(1, t.indexOf('"', 1));
      pending = name ? { name, start: start + line.indexOf(name), label: t } : undefined;
      continue;
    }
    if (pending && t.startsWith('"version"')) {
      const v = t.slice(t.indexOf(':') + 1).trim().replace(/^"|",?$/g, '');
      out.push({ name: normalisePackage(pending.name), spec: v, line: number, start: pending.start, end: pending.start + pending.name.length, label: pending.label, locked: true });
      pending = undefined;
    }
  }
  return out;
}
