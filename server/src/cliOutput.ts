// What the CLI prints: findings as rows (Diagnostic), and the three formats — text for people and
// CI logs (one line per finding, nothing a file name can forge), JSON, SARIF 2.1.0 for code scanning.

import type { Severity } from './engine/findings';
import { SETTINGS_RULES } from './engine/rules/settingsRules';
import { TEMPLATE_RULES } from './engine/templates/templateRules';

const INFORMATION_URI = 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  settingsModule: string;
  docsUrl: string;
  fixable: boolean;
  whenUnset?: string[];
}

/**
 * A line for a terminal or a CI log, whatever a repository put in its file names and settings:
 * control, line-breaking and bidi characters are written as escapes (one finding stays one line,
 * and reads as it is), and a line never starts with `::` (a GitHub Actions workflow command).
 */
export function terminalLine(line: string): string {
  const escaped = line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return escaped.startsWith('::') ? `./${escaped}` : escaped;
}

const TEXT_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
export const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

const NOT_DJANGO = 'Not a Django project: no manage.py that runs Django, no Django in the requirements, no DJANGO_SETTINGS_MODULE, no Django settings module. Nothing to check.';

export function formatText(diagnostics: Diagnostic[], moduleCount: number, templateCount: number, unreadSettings = 0, unlisted = 0, notDjango = false): string {
  const lines = diagnostics.map((d) => terminalLine(`${d.file}:${d.line}:${d.column}: ${TEXT_SEVERITY[d.severity]} ${d.code} ${d.message}`));
  const checked = [moduleCount || !templateCount ? plural(moduleCount, 'settings module') : '', templateCount ? plural(templateCount, 'template') : ''].filter(Boolean).join(' and ');
  const unread = unreadSettings ? ` ${plural(unreadSettings, 'settings module')} could not be analysed (see above).` : '';
  if (moduleCount === 0 && templateCount === 0 && diagnostics.length === 0) {
    lines.push(unread ? unread.trim() : unlisted ? 'No Django settings modules found in what could be listed (see above).' : notDjango ? NOT_DJANGO : 'No Django settings modules found.');
  } else if (diagnostics.length === 0) {
    lines.push(`No deployment problems found in ${checked}.${unread}`);
  } else {
    const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
    const parts = [
      count('error') && plural(count('error'), 'error'),
      count('warning') && plural(count('warning'), 'warning'),
      count('information') && `${count('information')} info`,
      count('hint') && plural(count('hint'), 'hint'),
    ].filter(Boolean);
    lines.push(`${plural(diagnostics.length, 'problem')} (${parts.join(', ')}) in ${checked}${unread ? `.${unread}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** A file --fix left unchanged, and why. */
export interface NotWritten {
  file: string;
  reason: string;
}

/** Compact: it is for machines (`jq` pretty-prints it for people). `notWritten` only when --fix left files unchanged. */
export function formatJson(diagnostics: Diagnostic[], notWritten: NotWritten[]): string {
  return JSON.stringify(notWritten.length ? { diagnostics, notWritten } : { diagnostics }) + '\n';
}

const SARIF_LEVEL: Record<Severity | 'information', 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `run`: the tool's version and the folder result paths are relative to (%SRCROOT%). */
export function formatSarif(diagnostics: Diagnostic[], notWritten: NotWritten[], run: { version: string; srcRoot: string }): string {
  const rules = [...new Map(SETTINGS_RULES.map((r) => [r.code, r])).values()];
  const settingsDescriptors = rules.map((r) => ({
    id: r.code,
    name: r.code,
    shortDescription: { text: r.doc.title },
    fullDescription: { text: r.doc.what },
    help: { text: `${r.doc.what}\n\n${r.doc.why}\n\nExample:\n${r.doc.example}\n\nUse instead:\n${r.doc.instead}` },
    helpUri: r.doc.url,
    defaultConfiguration: { level: SARIF_LEVEL[r.level] },
    properties: { origin: r.origin, productionOnly: r.productionOnly } as Record<string, unknown>,
  }));
  // Template findings (DJD2xx) get descriptors too, so every result has a ruleIndex.
  const templateDescriptors = TEMPLATE_RULES.map((r) => ({
    id: r.code,
    name: r.code,
    shortDescription: { text: r.title },
    fullDescription: { text: r.why },
    help: { text: `${r.title}\n\n${r.why}` },
    helpUri: r.url,
    defaultConfiguration: { level: SARIF_LEVEL[r.level] },
    properties: { origin: 'template' } as Record<string, unknown>,
  }));
  const descriptors = [...settingsDescriptors, ...templateDescriptors];
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
  const uri = (file: string) => file.split('/').map(encodeURIComponent).join('/');
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Django Deploy',
            version: run.version,
            semanticVersion: run.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${run.srcRoot.split('/').map(encodeURIComponent).join('/')}/` } },
        // A fix that could not be written is a tool execution notification (SARIF 2.1.0 §3.20.21).
        ...(notWritten.length
          ? {
              invocations: [
                {
                  executionSuccessful: false,
                  toolExecutionNotifications: notWritten.map((n) => ({
                    level: 'error',
                    message: { text: `not fixed: ${n.reason}` },
                    locations: [{ physicalLocation: { artifactLocation: { uri: uri(n.file), uriBaseId: '%SRCROOT%' } } }],
                  })),
                },
              ],
            }
          : {}),
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
          properties: { settingsModule: d.settingsModule, fixable: d.fixable },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
