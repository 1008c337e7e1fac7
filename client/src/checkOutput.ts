// Django's system check output, made readable by a problem matcher. `manage.py check` prints
// messages under section headers ("ERRORS:", "WARNINGS:"…) and names no file for settings-level
// messages (`?: (security.W004) …`); this prefixes each message line with the file and line it
// is about and its severity, so that the `$django-check` problem matcher (package.json) maps it
// to the Problems panel. No vscode import: unit tests feed it lines.

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
