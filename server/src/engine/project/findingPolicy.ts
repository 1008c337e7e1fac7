// How the rules' findings become the ones shown: `djangoDeploy.rules` severities (or off),
// SILENCED_SYSTEM_CHECKS, the development severity of production-only findings, inline
// `django-deploy:` comments, and one finding per place across settings modules.

import type { Finding, Severity } from '../findings';
import { runSettingsRules } from '../rules/settingsRules';
import { ignoredOnLine } from '../text';
import type { ExecutedModule, Scope } from '../python/execute';
import type { DjangoVersion } from './djangoVersion';
import type { DjangoProject, EngineConfig, SettingsModuleInfo } from './project';

/** The findings of one root settings module (`read`: the modules its execution read), as configured. */
export function findingsForRoot(project: DjangoProject, info: SettingsModuleInfo, m: ExecutedModule, version: DjangoVersion, read: ExecutedModule[]): Finding[] {
  const production = info.role === 'production';
  const config = project.getConfig();
  const raw = runSettingsRules({
    rootFile: info.file,
    moduleName: info.moduleName,
    production,
    scope: m.scope,
    version,
    environment: new Set(Object.keys(config.environment)),
    text: (f) => project.text(f) ?? '',
    directoryExists: (p) => project.directoryExists(p),
    classBases: (dotted) => project.classBases(dotted),
    relative: (f) => project.relative(f),
    loadFailures: read.flatMap((x) => x.loadFailures()),
  });
  const silenced = silencedChecks(m.scope);
  const out: Finding[] = [];
  for (const r of raw) {
    if (silenced.has(r.code)) continue;
    let severity: Severity | undefined = r.severity;
    if (!production && r.productionOnly) {
      if (config.developmentSeverity === 'off') continue;
      severity = config.developmentSeverity;
    }
    severity = configuredSeverity(config.rules, r.code, severity);
    if (!severity) continue;
    if (inlineSuppressed(project, r.file, r.start, r.code)) continue;
    const finding: Finding = { ...r, severity, settingsModule: info.moduleName, production };
    delete (finding as { productionOnly?: boolean }).productionOnly;
    delete (finding as { binding?: unknown }).binding;
    out.push(finding);
    // Shown where the value was set; in production also at the import that brought it in.
    if (production && r.file !== info.file && r.binding?.importedVia && r.binding.importedVia.file === info.file) {
      const via = r.binding.importedVia;
      if (inlineSuppressed(project, via.file, via.start, r.code)) continue;
      out.push({
        ...finding,
        file: via.file,
        start: via.start,
        end: via.end,
        message: `${r.message} (set in ${project.location(r.file, r.start)})`,
        related: [{ file: r.file, start: r.start, end: r.end, message: 'set here' }, ...r.related],
        fixes: finding.fixes,
        inherited: true,
      });
    }
  }
  return out;
}

function inlineSuppressed(project: DjangoProject, file: string, offset: number, code: string): boolean {
  const text = project.text(file);
  const state = project.files.get(file);
  if (!text || !state || !(state.suppressions ??= text.includes('django-deploy:'))) return false;
  return ignoredOnLine(text, offset, code, true);
}

export function silencedChecks(scope: Scope): Set<string> {
  const b = scope.get('SILENCED_SYSTEM_CHECKS');
  const out = new Set<string>();
  if (!b) return out;
  const v = b.concreteValue ?? b.value;
  if (v.kind === 'list' || v.kind === 'tuple' || v.kind === 'set') for (const i of v.items) if (i.kind === 'str') out.add(i.value);
  return out;
}

export function dedupe(findings: Finding[]): Finding[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.file}\0${f.start}\0${f.end}\0${f.code}`;
    const prev = best.get(key);
    // The same place judged for several settings modules: the most severe, then production's.
    if (!prev || order[f.severity] < order[prev.severity] || (order[f.severity] === order[prev.severity] && f.production && !prev.production)) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

/** The severity `djangoDeploy.rules` gives a code; undefined when it is turned off. */
function configuredSeverity(rules: EngineConfig['rules'], code: string, severity: Severity): Severity | undefined {
  const configured = rules[code];
  return configured === 'off' ? undefined : (configured ?? severity);
}

/** Template findings as configured: `djangoDeploy.rules` severities (or off), SILENCED_SYSTEM_CHECKS. */
export function templatePolicy(findings: Finding[], rules: EngineConfig['rules'], silenced: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (silenced.has(f.code)) continue;
    const severity = configuredSeverity(rules, f.code, f.severity);
    if (severity) out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
