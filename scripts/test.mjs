// The README's test command: builds everything, then runs every suite with Node's test runner.
// Suites: test/unit (engine, strings in), test/protocol (the built server over stdio),
// test/cli (the built CLI, and the cross-check against real Django when it is installed).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...find(full));
    else if (name.endsWith('.test.js')) out.push(full);
  }
  return out;
}

const only = process.argv.slice(2);
const files = find('out/test').filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
process.exit(run(process.execPath, ['--test', '--test-reporter=spec', ...files]));
