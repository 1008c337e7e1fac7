// The launcher files of platforms and process managers: Procfile (web / release), systemd units
// (ExecStart, Environment, EnvironmentFile), fly.toml / railway.toml / nixpacks.toml, app.json /
// railway.json, render.yaml / app.yaml, Elastic Beanstalk's .ebextensions. Each reader hands the
// commands it finds to the scan (launchers.ts).

import * as posix from 'node:path/posix';
import { LAUNCHER_LIMITS, placeOf, yamlCommand, yamlEnvironment, type CommandPlace, type Context, type LauncherFile, type Scan } from './launchers';
import { isVariableAssignment, simpleCommands } from './launchCommands';
import { flowClosed, quoted, readYaml, yamlGet, yamlString, type YamlNode } from './yaml';
import { logicalLines, oneLine, unquote } from './lines';



export function readProcfile(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  for (const { text, start, end, line } of logicalLines(file.text, '')) {
    const t = text.trim();
    if (!t || t.startsWith('#')) continue;
    const colon = t.indexOf(':');
    if (colon <= 0) continue;
    const process = t.slice(0, colon).trim();
    const command = t.slice(colon + 1).trim();
    const place = { file: file.path, start: start + text.indexOf(t[0]), end, line, label: oneLine(t) };
    const ctx: Context = { environment: fileEnv, settingsModule: undefined, via: `${posix.basename(file.path)} ${process}` };
    // web is the server; release runs on each deploy; workers and clocks start no web server.
    if (process === 'web' || process === 'release') scan.command(command, place, ctx);
  }
}

export function readSystemd(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  let section = '';
  const env = new Map<string, string>();
  const commands: { key: string; value: string; place: CommandPlace }[] = [];
  for (const { text, start, end, line } of logicalLines(file.text, '\\')) {
    const t = text.trim();
    if (!t || t[0] === '#' || t[0] === ';') continue;
    if (t[0] === '[') {
      section = t.slice(1, t.indexOf(']') < 0 ? t.length : t.indexOf(']'));
      continue;
    }
    if (section !== 'Service') continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const key = t.slice(0, eq).trim();
    const value = t.slice(eq + 1).trim();
    if (key === 'Environment') {
      // Environment="A=1" "B=two words" or Environment=A=1 B=2.
      for (const sc of simpleCommands(value)) {
        for (const [k, v] of sc.assignments) env.set(k, v);
        for (const w of sc.words) if (isVariableAssignment(w)) env.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
      }
    } else if (key === 'EnvironmentFile') {
      const settings = scan.envFileSettings(value.replace(/^-/, ''), file.path);
      if (settings && !env.has('DJANGO_SETTINGS_MODULE')) env.set('DJANGO_SETTINGS_MODULE', settings);
    } else if (key === 'ExecStart' || key === 'ExecStartPre' || key === 'ExecStartPost') {
      // Prefixes: - (failure ignored), @ (argv0), : + ! (privileges, no substitution).
      let v = value;
      while (v && '-@:+!'.includes(v[0])) v = v.slice(1);
      commands.push({ key, value: v, place: { file: file.path, start, end, line, label: oneLine(t) } });
    }
  }
  for (const c of commands) scan.command(c.value, c.place, { environment: fileEnv, settingsModule: env.get('DJANGO_SETTINGS_MODULE'), via: `${posix.basename(file.path)} ${c.key}` });
}

/** `key = "value"` / `key = ['a', "b"]` of a TOML file, with its table. */
function tomlValues(text: string): { table: string; key: string; value: string | string[]; start: number; end: number; line: number }[] {
  const out: { table: string; key: string; value: string | string[]; start: number; end: number; line: number }[] = [];
  let table = '';
  const lines = [...logicalLines(text, '')];
  for (let i = 0; i < lines.length; i++) {
    const { text: raw, start, end, line } = lines[i];
    const t = raw.trim();
    if (!t || t[0] === '#') continue;
    if (t[0] === '[') {
      let from = 0;
      while (t[from] === '[') from++;
      const close = t.indexOf(']', from);
      table = t.slice(from, close < 0 ? t.length : close).trim();
      continue;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const key = unquote(t.slice(0, eq).trim());
    let value = t.slice(eq + 1).trim();
    let valueEnd = end;
    if (value.startsWith('[')) {
      for (let guard = 0; guard < 200 && !flowClosed(value) && i + 1 < lines.length; guard++) {
        i++;
        value += ' ' + lines[i].text.trim();
        valueEnd = lines[i].end;
      }
      const items: string[] = [];
      for (let k = 1; k < value.length; k++) {
        const c = value[k];
        if (c === '"' || c === "'") {
          const q = quoted(value.slice(k));
          items.push(q.value);
          k += q.length - 1;
        } else if (c === ']') break;
      }
      out.push({ table, key, value: items, start, end: valueEnd, line });
    } else if (value[0] === '"' || value[0] === "'") {
      out.push({ table, key, value: quoted(value).value, start, end, line });
    }
  }
  return out;
}

export function readToml(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  const base = posix.basename(file.path).toLowerCase();
  const values = tomlValues(file.text);
  const settingsModule = values.find((v) => v.key === 'DJANGO_SETTINGS_MODULE' && typeof v.value === 'string')?.value as string | undefined;
  for (const v of values) {
    const place = { file: file.path, start: v.start, end: v.end, line: v.line, label: oneLine(file.text.slice(v.start, v.end)) };
    const ctx: Context = { environment: fileEnv, settingsModule, via: `${base} ${v.table ? `[${v.table}] ` : ''}${v.key}` };
    const run = (line: string | string[]) => scan.command(line, place, ctx);
    if (base === 'fly.toml') {
      if ((v.table === 'processes' && (v.key === 'app' || v.key === 'web')) || (v.table === 'deploy' && v.key === 'release_command') || (v.table === 'experimental' && (v.key === 'cmd' || v.key === 'entrypoint'))) run(v.value);
    } else if (base === 'railway.toml') {
      if (v.key === 'startCommand' || v.key === 'buildCommand' || v.key === 'preDeployCommand') run(v.value);
    } else if (base === 'nixpacks.toml') {
      if ((v.table === 'start' && v.key === 'cmd') || (v.table.startsWith('phases.') && v.key === 'cmds')) {
        for (const line of typeof v.value === 'string' ? [v.value] : v.value) run(line);
      }
    }
  }
}

export function readJson(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  let data: unknown;
  try {
    data = JSON.parse(file.text.length > LAUNCHER_LIMITS.chars ? '' : file.text);
  } catch {
    return;
  }
  if (!data || typeof data !== 'object') return;
  const base = posix.basename(file.path).toLowerCase();
  const object = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const entries: [string, unknown][] = [];
  const top = object(data)!;
  if (base === 'railway.json') {
    const deploy = object(top.deploy);
    const build = object(top.build);
    entries.push(['startCommand', deploy?.startCommand], ['preDeployCommand', deploy?.preDeployCommand], ['buildCommand', build?.buildCommand]);
  } else {
    // Heroku's app.json: scripts run around deploys (postdeploy, pr-predestroy…).
    for (const [k, v] of Object.entries(object(top.scripts) ?? {}).slice(0, 32)) entries.push([`scripts.${k}`, object(v)?.command ?? v]);
  }
  for (const [key, value] of entries) {
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((x) => typeof x === 'string'))) continue;
    const needle = JSON.stringify(typeof value === 'string' ? value : value[0]);
    let at = file.text.indexOf(needle);
    if (at < 0) at = 0;
    const end = at < 0 ? 0 : Math.min(file.text.length, at + needle.length);
    const line = lineOf(file.text, at);
    const place = { file: file.path, start: at, end, line, label: oneLine(file.text.slice(at, end)) };
    scan.command(value as string | string[], place, { environment: fileEnv, settingsModule: undefined, via: `${base} ${key}` });
  }
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** render.yaml, Google App Engine's and DigitalOcean's app.yaml. */
export function readPlatformYaml(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  const root = readYaml(file.text);
  const base = posix.basename(file.path).toLowerCase();
  const run = (node: YamlNode | undefined, key: string, settingsModule: string | undefined, via: string) => {
    const c = yamlCommand(node);
    if (c) scan.command(c.line, placeOf(file.path, file.text, c), { environment: fileEnv, settingsModule, via: `${base} ${via}${key}` });
  };
  if (base.startsWith('app.')) {
    const settings = yamlEnvironment(yamlGet(root, 'env_variables')).get('DJANGO_SETTINGS_MODULE');
    run(yamlGet(root, 'entrypoint'), 'entrypoint', settings, '');
  }
  const services = yamlGet(root, 'services');
  for (const s of services?.kind === 'seq' ? services.items.slice(0, LAUNCHER_LIMITS.perFile) : []) {
    const type = yamlString(yamlGet(s, 'type'));
    const name = yamlString(yamlGet(s, 'name')) ?? '';
    // Render: envVars: [{key, value}]; DigitalOcean: envs: [{key, value}].
    let settings: string | undefined;
    for (const list of [yamlGet(s, 'envVars'), yamlGet(s, 'envs')]) {
      for (const e of list?.kind === 'seq' ? list.items : []) if (yamlString(yamlGet(e, 'key')) === 'DJANGO_SETTINGS_MODULE') settings = yamlString(yamlGet(e, 'value'));
    }
    if (type && type !== 'web' && type !== 'pserv') continue;
    const via = name ? `service ${name} ` : '';
    for (const key of ['startCommand', 'buildCommand', 'preDeployCommand', 'run_command', 'build_command']) run(yamlGet(s, key), key, settings, via);
  }
}

/** .ebextensions/*.config: container_commands, WSGIPath (Elastic Beanstalk runs Gunicorn on it). */
export function readEbextensions(scan: Scan, file: LauncherFile, fileEnv: Context['environment']): void {
  const root = readYaml(file.text);
  const options = yamlGet(root, 'option_settings');
  let settings: string | undefined;
  let wsgiPath: YamlNode | undefined;
  const visit = (namespace: string, key: string, value: YamlNode) => {
    if (key === 'DJANGO_SETTINGS_MODULE') settings = yamlString(value);
    if (key === 'WSGIPath' && namespace.includes('container:python')) wsgiPath = value;
  };
  if (options?.kind === 'map') for (const ns of options.entries) if (ns.value.kind === 'map') for (const e of ns.value.entries) visit(ns.key, e.key, e.value);
  if (options?.kind === 'seq') {
    for (const o of options.items) {
      const ns = yamlString(yamlGet(o, 'namespace')) ?? '';
      const name = yamlString(yamlGet(o, 'option_name'));
      const value = yamlGet(o, 'value');
      if (name && value) visit(ns, name, value);
    }
  }
  const commands = yamlGet(root, 'container_commands');
  for (const e of commands?.kind === 'map' ? commands.entries.slice(0, LAUNCHER_LIMITS.perFile) : []) {
    const c = yamlCommand(yamlGet(e.value, 'command'));
    if (c) scan.command(c.line, placeOf(file.path, file.text, c), { environment: fileEnv, settingsModule: settings, via: `${posix.basename(file.path)} container_commands ${e.key}` });
  }
  if (wsgiPath?.kind === 'scalar' && wsgiPath.value) {
    const app = wsgiPath.value;
    const application = app.endsWith('.py') ? `${app.slice(0, -3).split('/').join('.')}:application` : app.includes(':') ? app : `${app}:application`;
    const place = placeOf(file.path, file.text, { start: wsgiPath.start, end: wsgiPath.end, lineNo: wsgiPath.line });
    scan.command(['gunicorn', application], place, { environment: fileEnv, settingsModule: settings, via: `${posix.basename(file.path)} WSGIPath (Elastic Beanstalk runs Gunicorn)` });
  }
}

