// What the engine reports: findings with exact UTF-16 ranges and the edits that fix them.
// Shells (the language server, the CLI) translate these; nothing here knows about transport.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes are applied by fix-all and `--fix`; others are offered one at a time. */
  safe: boolean;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  start: number;
  end: number;
  docsUrl: string;
  /** The settings module (dotted) this finding was computed for. */
  settingsModule: string;
  /** Whether that module is (one of) the production settings. */
  production: boolean;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Set when the finding only holds while these environment variables are unset. */
  whenUnset?: string[];
  /** A copy shown at the import through which the settings module received the value. */
  inherited?: boolean;
  /** Said by the checklist only (an information about a setting left unset: no line of its own). */
  checklistOnly?: boolean;
  unnecessary?: boolean;
  deprecated?: boolean;
}

/**
 * A problem as every view counts it (the status bar, the checklist, the CLI's summary): an error
 * or a warning, counted where it is, not again at the import line that brings it in.
 */
export function countsAsProblem(f: Finding): boolean {
  return !f.inherited && (f.severity === 'error' || f.severity === 'warning');
}
