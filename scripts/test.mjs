// The README's test command: builds everything, then runs every suite with Node's test runner.
// Suites: test/unit (engine, strings in), test/protocol (the built server over stdio),
// test/cli (the built CLI, and the cross-check against real Django when it is installed),
// test/neovim (the server in headless Neovim), test/editor (the extension in desktop VS Code and
// in code-server, the user's-eye UI flow, the .vsix). Editor suites skip, with their reason,
// where their tools are missing; the end of the output lists what ran and what was skipped.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, readFileSync, mkdirSync } from 'node:fs';
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
mkdirSync('test-output', { recursive: true });
const tap = 'test-output/results.tap';
const status = run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);

// What ran where: the editor and launcher tests, with the reason of each skip.
let results = '';
try {
  results = readFileSync(tap, 'utf8');
} catch {
  process.exit(status);
}
const editorTests = [];
for (const m of results.matchAll(/^\s*(not ok|ok) \d+ - (.*?)(?: # SKIP(?: (.*))?)?$/gm)) {
  const [, verdict, name, reason] = m;
  if (/VS Code|code-server|Neovim|vsix|browser|desktop/i.test(name)) {
    editorTests.push(`  ${reason !== undefined ? 'skipped' : verdict === 'ok' ? 'passed ' : 'FAILED '}  ${name}${reason ? ` — ${reason}` : ''}`);
  }
}
if (editorTests.length) console.log(`\nEditors and launchers:\n${[...new Set(editorTests)].join('\n')}`);
const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(results)?.[1] ?? 0);
console.log(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
process.exit(status);
