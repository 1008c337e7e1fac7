// Django's system check output, made readable by a problem matcher. `manage.py check` prints
// messages under section headers ("ERRORS:", "WARNINGS:"…) and names no file for settings-level
// messages (`?: (security.W004) …`); this prefixes each message line with the file and line it
// is about and its severity, so that the `$django-check` problem matcher (package.json) maps it
// to the Problems panel. It also tells, from a failed run's output, when the interpreter is to blame
// (Python not found, Django not importable). No vscode import: unit tests feed it lines.

export type Severity = 'error' | 'warning' | 'info';

const SECTIONS: Record<string, Severity> = { CRITICALS: 'error', ERRORS: 'error', WARNINGS: 'warning', INFOS: 'info', DEBUGS: 'info' };

/** A message line: `obj: (app.W001) text`; obj is `?` for settings-level messages. */
const MESSAGE = /^(\S[^:]*?|\?): \(([\w.]+\.[A-Z]\d+)\) (.*)$/;

export interface Located {
  file: string;
  line: number;
}

/**
 * Returns a function that rewrites one output line. `locate(code)` says where a check id is
 * decided (our own finding's place), else `fallback` (the settings module) is used.
 */
export function checkOutputRewriter(locate: (code: string) => Located | undefined, fallback: Located): (line: string) => string {
  let severity: Severity = 'error';
  return (line: string) => {
    const header = /^([A-Z]+):\s*$/.exec(line);
    if (header && SECTIONS[header[1]]) {
      severity = SECTIONS[header[1]];
      return line;
    }
    const m = MESSAGE.exec(line);
    if (!m) return line;
    const at = locate(m[2]) ?? fallback;
    const subject = m[1] === '?' ? '' : `${m[1]}: `;
    return `${at.file}:${at.line}: ${severity}: (${m[2]}) ${subject}${m[3]}`;
  };
}

/** What a failed run's output says when the interpreter is the problem, first match wins. */
const INTERPRETER_PROBLEMS: [RegExp, (m: RegExpExecArray) => string][] = [
  // startproject's manage.py turns the ImportError into this sentence.
  [/Couldn't import Django/, () => 'Django is not installed for this interpreter'],
  [/No module named '?(django)\b/, () => 'Django is not installed for this interpreter'],
  [/ModuleNotFoundError: No module named '?([\w.]+)'?/, (m) => `the module ${m[1]} is not installed for this interpreter`],
  [/ModuleNotFoundError/, () => 'a module the project imports is not installed for this interpreter'],
  [/bad interpreter: No such file or directory/, () => 'the interpreter points to a Python that no longer exists'],
  [/command not found/, () => 'the interpreter was not found'],
];

/** A shell's or env's line about a missing Python: `sh: 1: python3: not found`, `/usr/bin/env: 'python3': No such file or directory`. */
const missingPythonLine = (line: string) => line.includes('python') && (line.endsWith(': not found') || (line.includes('env:') && line.endsWith(': No such file or directory')));

/**
 * Why a manage.py run failed when the cause is the interpreter (Python missing, or Django or a
 * module the project needs not importable), else undefined. `exitCode` 0 is never a problem;
 * `spawnError` is the error code of a process that could not start (ENOENT: no such program).
 */
export function interpreterProblem(exitCode: number | undefined, output: string, spawnError?: string): string | undefined {
  if (spawnError === 'ENOENT') return 'no such file or directory';
  if (spawnError === 'EACCES') return 'the file is not executable';
  if (spawnError) return `it could not start (${spawnError})`;
  if (!exitCode) return undefined;
  for (const [pattern, reason] of INTERPRETER_PROBLEMS) {
    const m = pattern.exec(output);
    if (m) return reason(m);
  }
  if (output.split('\n').some((line) => missingPythonLine(line.trimEnd()))) return 'the interpreter was not found';
  // 127: the shell found no such command; 126: found, not executable.
  if (exitCode === 127) return 'the interpreter was not found';
  if (exitCode === 126) return 'the interpreter is not executable';
  return undefined;
}
