// The Django version a project pins, read from its dependency files.
//
// Where checks differ between versions we follow what pip would install: an exact pin is that
// version; a range with an upper bound (`<4.0`) is the newest release below it; an open range is
// the newest Django. Unknown means newest too.

import * as posix from 'node:path/posix';
import { followIncludes, includesOf, isDependencyFile, isLockFile, requirementsIn, type Requirement } from './requirements';
import { isIgnoredPath } from './layout';

export interface DjangoVersion {
  major: number;
  minor: number;
  /** Where it came from: `requirements.txt:3`, `setting`, or `newest (no pin found)`. */
  source: string;
}

/** The newest Django this engine knows the checks of. */
export const NEWEST: DjangoVersion = { major: 6, minor: 1, source: 'newest (no pin found)' };

/** Known feature releases, to turn `<5.0` into 4.2. */
const RELEASES: [number, number][] = [
  [1, 11], [2, 0], [2, 1], [2, 2], [3, 0], [3, 1], [3, 2], [4, 0], [4, 1], [4, 2], [5, 0], [5, 1], [5, 2], [6, 0], [6, 1],
];

export function atLeast(v: DjangoVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

export function formatVersion(v: DjangoVersion): string {
  return `${v.major}.${v.minor}`;
}

export function parseVersionSetting(value: string): DjangoVersion | undefined {
  const m = /^\s*(\d+)\.(\d+)/.exec(value);
  return m ? { major: Number(m[1]), minor: Number(m[2]), source: 'setting djangoDeploy.djangoVersion' } : undefined;
}

/**
 * Reads the Django requirement from one dependency file (`name` is its path or base name).
 * Returns undefined when the file does not mention Django.
 */
export function djangoPinFromFile(name: string, text: string): DjangoVersion | undefined {
  return djangoPin(requirementsIn(name, text), posix.basename(name));
}

/** The Django version the requirements of one file allow, with the file and line as its source. */
export function djangoPin(requirements: Requirement[], fileName: string): DjangoVersion | undefined {
  for (const r of requirements) {
    if (r.name !== 'django') continue;
    const source = `${fileName}:${r.line}`;
    if (!r.spec) return { ...NEWEST, source: `${source} (unpinned)` };
    const v = fromSpec(r.spec, source);
    if (v) return v;
  }
  return undefined;
}

/** What the version search reads of a project (a DjangoProject): dependency files, parsed once per text. */
export interface PinSource {
  readonly root: string;
  derive<T>(path: string, kind: string, from: (text: string) => T): T | undefined;
  relative(file: string): string;
}

/**
 * The Django version of a project: the `djangoDeploy.djangoVersion` setting, else the pin of its
 * dependency files among `files` (every file it knows or was handed).
 */
export function projectDjangoVersion(project: PinSource, setting: string, files: Iterable<string>): DjangoVersion {
  const fromSetting = setting ? parseVersionSetting(setting) : undefined;
  if (fromSetting) return fromSetting;
  const candidates = [...new Set(files)].filter((f) => isDependencyFile(f) && !isIgnoredPath(f.slice(project.root.length)));
  // Lock files first, then files named for production, then the rest; nearest to the root first.
  const rank = (f: string) => (isLockFile(f) ? 0 : /prod|deploy|live/i.test(posix.basename(f)) ? 1 : 2) * 1000 + f.split('/').length;
  let unpinned: DjangoVersion | undefined;
  for (const f of candidates.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))) {
    const v = pinFollowingIncludes(project, f, new Set());
    if (v && !v.source.endsWith('(unpinned)')) return v;
    unpinned ??= v;
  }
  return unpinned ?? NEWEST;
}

/**
 * The Django pin of a dependency file, or of the files it includes with `-r` / `-c` (relative to
 * the including file, each once, MAX_INCLUDED_FILES at most): its own exact or bounded pin first,
 * then the first pin an included file gives, else its own unpinned `django`.
 */
function pinFollowingIncludes(project: PinSource, file: string, seen: Set<string>): DjangoVersion | undefined {
  if (seen.has(file)) return undefined;
  let own: DjangoVersion | undefined;
  const reached = followIncludes(file, (f) => project.derive(f, 'includes', includesOf));
  for (const r of reached) {
    if (seen.has(r.file)) continue;
    seen.add(r.file);
    const requirements = project.derive(r.file, r.included ? 'requirements-included' : 'requirements', (text) => requirementsIn(r.file, text, r.included));
    if (!requirements) continue;
    const v = djangoPin(requirements, project.relative(r.file));
    // An unpinned `django` takes its version from an included constraints or requirements file.
    if (v && !v.source.endsWith('(unpinned)')) return v;
    own ??= v;
  }
  return own;
}

function fromSpec(spec: string, source: string): DjangoVersion | undefined {
  const clauses = spec.split(',').map((s) => s.trim()).filter(Boolean);
  let exact: [number, number] | undefined;
  let upper: [number, number, boolean] | undefined; // inclusive?
  let lower: [number, number] | undefined;
  for (const c of clauses) {
    const m = /^(==|===|~=|>=|<=|<|>|\^|~|!=)?\s*v?(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?/.exec(c);
    if (!m) continue;
    const op = m[1] ?? '==';
    const major = Number(m[2]);
    const minor = m[3] && m[3] !== '*' ? Number(m[3]) : 0;
    switch (op) {
      case '==':
      case '===':
        exact = [major, minor];
        break;
      case '~=':
        // ~=4.2.1 means >=4.2.1,<4.3; ~=4.2 means >=4.2,<5
        if (m[4] !== undefined) exact = [major, minor];
        else lower = [major, minor];
        break;
      case '^':
        lower = [major, minor];
        upper = [major + 1, 0, false];
        break;
      case '~':
        exact = [major, minor];
        break;
      case '>=':
      case '>':
        lower = [major, minor];
        break;
      case '<':
        upper = [major, minor, false];
        break;
      case '<=':
        upper = [major, minor, true];
        break;
    }
  }
  if (exact) return { major: exact[0], minor: exact[1], source };
  if (upper) {
    const candidates = RELEASES.filter(([a, b]) => (upper![2] ? a < upper![0] || (a === upper![0] && b <= upper![1]) : a < upper![0] || (a === upper![0] && b < upper![1])));
    const best = candidates[candidates.length - 1];
    if (best) return { major: best[0], minor: best[1], source };
  }
  if (lower) return { ...NEWEST, source: `${source} (newest allowed)` };
  return undefined;
}
