// The shape of a settings rule: a stable code, its documentation (what hovers, the README table
// and `codeDescription` links are generated from) and a check over a settings module's values.

import type { SettingBinding, SourceRange, LoadFailure } from '../python/execute';
import type { Fix } from '../findings';
import type { DjangoVersion } from '../project/djangoVersion';
import type { SettingsView } from './settingsView';
import type { SettingsFixes } from './settingsFixes';

export type RuleLevel = 'error' | 'warning' | 'information';

export interface RuleDoc {
  /** One line, used as the rule's title in the README and the checklist. */
  title: string;
  /** What it checks. */
  what: string;
  /** What happens in production. */
  why: string;
  example: string;
  instead: string;
  /** Django documentation for the setting or check. */
  url: string;
}

export interface SettingsRule {
  code: string;
  level: RuleLevel;
  /** Shown at full severity only in production settings; as hints in development-only modules. */
  productionOnly: boolean;
  /** `django`: Django's own check id. `django-deploy`: a trap Django does not report. */
  origin: 'django' | 'django-deploy';
  /** Django versions that have this behaviour: [major, minor], `until` exclusive. */
  since?: [number, number];
  until?: [number, number];
  doc: RuleDoc;
  check(ctx: RuleContext): void;
}

export interface Report {
  message: string;
  /** The binding at fault: the squiggle goes on its name. */
  binding?: SettingBinding;
  /** An exact range instead (a list item, a dict key…). */
  at?: SourceRange;
  /**
   * Where a finding about a missing setting goes, tried in order: a setting's name, or a string
   * item inside a list setting (the middleware that enables the check).
   */
  near?: (string | { setting: string; item: string })[];
  whenUnset?: string[];
  fixes?: Fix[];
  unnecessary?: boolean;
  deprecated?: boolean;
}

export interface RuleContext {
  s: SettingsView;
  version: DjangoVersion;
  production: boolean;
  rootFile: string;
  text(file: string): string;
  directoryExists(path: string): boolean | undefined;
  /** The bases of a class the project defines, as written (`FileSystemFinder`, `finders.BaseFinder`); undefined outside the project. */
  classBases(dotted: string): string[] | undefined;
  relative(file: string): string;
  /** Statements that stop the module (or a module it imports) from loading in the analysis environment. */
  loadFailures: LoadFailure[];
  fixes: SettingsFixes;
  report(r: Report): void;
}

export function versionApplies(rule: SettingsRule, v: DjangoVersion): boolean {
  const at = v.major * 100 + v.minor;
  if (rule.since && at < rule.since[0] * 100 + rule.since[1]) return false;
  if (rule.until && at >= rule.until[0] * 100 + rule.until[1]) return false;
  return true;
}

export const DOCS = 'https://docs.djangoproject.com/en/stable';
export const settingUrl = (name: string) => `${DOCS}/ref/settings/#${name.toLowerCase().replace(/_/g, '-')}`;
export const checksUrl = (section: string) => `${DOCS}/ref/checks/#${section}`;
