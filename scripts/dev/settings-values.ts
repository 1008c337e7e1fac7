// Development aid: prints what the engine makes of each setting of a project's settings modules
// (symbolic and concrete values, where they were set), to compare with what real Django loads.
//   node scripts/dev/settings-values.mjs PROJECT_DIR [--production MODULE_FILE] [--env NAME=VALUE]... [NAME...]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';
import { pyRepr, type Value } from '../../server/src/engine/python/values';

const show = (v: Value) => (v.kind === 'unknown' ? `unknown(${v.reason ?? ''}${v.raises ? ', raises' : ''})` : pyRepr(v, 300));

const args = process.argv.slice(2);
const root = path.resolve(args.shift() ?? '.');
const environment: Record<string, string> = {};
const production: string[] = [];
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--env') {
    const [k, ...v] = args[++i].split('=');
    environment[k] = v.join('=');
  } else if (args[i] === '--production') production.push(path.resolve(args[++i]));
  else names.push(args[i]);
}
const project = new DjangoProject(root, { readFile: (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } } });
const files: string[] = [];
const dirs: string[] = [];
const walk = (d: string) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) { dirs.push(f); walk(f); } else files.push(f);
  }
};
walk(root);
project.setConfig({ environment, productionSettings: production });
project.addKnownFiles(files);
project.addDirectories(dirs);
for (const m of project.settingsModules()) {
  console.log(`== ${m.moduleName} (${m.role}: ${m.reason})`);
  const scope = project.scopeOf(m.file)!;
  if (scope.dynamic()) console.log(`(names not assigned may be set: ${scope.dynamic()})`);
  for (const [name, b] of scope) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name) || (names.length && !names.includes(name))) continue;
    const c = b.concreteValue;
    console.log(`${name} = ${show(b.value)}${c !== undefined ? `   [concrete: ${show(c)}]` : ''}   (${path.relative(root, b.origin.file)}${b.conditional ? `, under ${b.conditional}` : ''})`);
  }
}
