// The `djangoDeploy` settings as the client sends them → the engine's configuration. Values of
// the wrong shape are dropped with a log line rather than reaching the engine.

import type { EngineConfig } from '../engine/project/project';
import type { SeveritySetting } from '../engine/findings';

export const SECTION = 'djangoDeploy';

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);
const DEVELOPMENT_SEVERITIES = new Set<EngineConfig['developmentSeverity']>(['hint', 'information', 'off']);

export function engineConfig(raw: unknown, log: (message: string) => void): Partial<EngineConfig> {
  const out: Partial<EngineConfig> = {};
  if (raw === null || raw === undefined) return out;
  if (typeof raw !== 'object') {
    log(`Ignored the ${SECTION} settings: expected an object, got ${typeof raw}.`);
    return out;
  }
  const s = raw as Record<string, unknown>;

  if (Array.isArray(s.productionSettings)) {
    out.productionSettings = s.productionSettings.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  } else if (s.productionSettings !== undefined) {
    log(`Ignored ${SECTION}.productionSettings: expected a list of module names or paths.`);
  }

  if (typeof s.djangoVersion === 'string') out.djangoVersion = s.djangoVersion.trim();
  else if (s.djangoVersion !== undefined && s.djangoVersion !== null) log(`Ignored ${SECTION}.djangoVersion: expected a version such as "4.2".`);

  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    const rules: Record<string, SeveritySetting> = {};
    for (const [code, severity] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity as SeveritySetting)) rules[code] = severity as SeveritySetting;
      else log(`Ignored ${SECTION}.rules["${code}"]: expected one of ${[...SEVERITIES].join(', ')}.`);
    }
    out.rules = rules;
  } else if (s.rules !== undefined && s.rules !== null) {
    log(`Ignored ${SECTION}.rules: expected an object such as {"security.W004": "off"}.`);
  }

  const templates = s.templates as { extraGlobs?: unknown } | undefined;
  if (templates && Array.isArray(templates.extraGlobs)) out.templateGlobs = templates.extraGlobs.filter((g): g is string => typeof g === 'string' && g.length > 0);
  else if (templates?.extraGlobs !== undefined && templates?.extraGlobs !== null) log(`Ignored ${SECTION}.templates.extraGlobs: expected a list of glob patterns.`);

  if (typeof s.developmentSeverity === 'string' && DEVELOPMENT_SEVERITIES.has(s.developmentSeverity as EngineConfig['developmentSeverity'])) {
    out.developmentSeverity = s.developmentSeverity as EngineConfig['developmentSeverity'];
  } else if (s.developmentSeverity !== undefined && s.developmentSeverity !== null) {
    log(`Ignored ${SECTION}.developmentSeverity: expected hint, information or off.`);
  }
  return out;
}
