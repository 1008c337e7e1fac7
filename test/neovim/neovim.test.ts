// Headless Neovim (built-in LSP client, 0.7+) drives the built server over stdio: proves that
// diagnostics and code actions reach an editor other than VS Code. Skipped when `nvim` is not on
// PATH. The Lua side is test/neovim/check.lua; it writes what Neovim received as JSON.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

/** The repository root, from out/test/neovim/*.js. */
const REPO_ROOT = resolve(__dirname, '../../..');
const SERVER_JS = join(REPO_ROOT, 'dist/server.js');
const CHECK_LUA = join(REPO_ROOT, 'test/neovim/check.lua');
const FIXTURE = join(REPO_ROOT, 'test/fixtures/startproject');
const KILL_AFTER_MS = 30_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

const NVIM = onPath('nvim');
/** [major, minor] of the nvim on PATH, e.g. [0, 7]. */
const NVIM_VERSION: [number, number] | undefined = (() => {
  if (!NVIM) return undefined;
  const m = /NVIM v(\d+)\.(\d+)/.exec(spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
})();
const atLeast08 = NVIM_VERSION !== undefined && (NVIM_VERSION[0] > 0 || NVIM_VERSION[1] >= 8);

interface NvimDiagnostic {
  code?: string;
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  severity: number;
  source?: string;
  message: string;
}
interface CheckResult {
  nvim: string;
  error?: string;
  diagnostics: NvimDiagnostic[];
  code_actions: { title: string; kind?: string; isPreferred?: boolean; has_edit: boolean }[];
  code_action_context?: number;
  timings: Record<string, number>;
}

/** Runs nvim with the given environment; kills it after KILL_AFTER_MS. */
function runNvim(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(NVIM!, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, killed });
    });
  });
}

test('headless Neovim receives diagnostics and code actions for startproject settings.py', { skip: NVIM ? false : 'nvim not found: apt-get install neovim', timeout: KILL_AFTER_MS + 10_000 }, async () => {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} missing: run node scripts/build.mjs`);
  const tmp = mkdtempSync(join(tmpdir(), 'djd-neovim-'));
  try {
    const root = join(tmp, 'project');
    cpSync(FIXTURE, root, { recursive: true });
    const settings = join(root, 'mysite/settings.py');
    const out = join(tmp, 'result.json');
    const text = readFileSync(settings, 'utf8');
    const lines = text.split('\n');
    const lineOf = (prefix: string) => {
      const i = lines.findIndex((l) => l.startsWith(prefix));
      assert.ok(i >= 0, `fixture has a line starting with ${prefix}`);
      return i;
    };

    const started = Date.now();
    const run = await runNvim(
      ['--headless', '--clean', '-n', '-u', 'NONE', '-c', `luafile ${CHECK_LUA}`],
      { DJD_NODE: process.execPath, DJD_SERVER: SERVER_JS, DJD_ROOT: root, DJD_FILE: settings, DJD_OUT: out, DJD_WAIT_MS: '10000' },
      tmp,
    );
    const ms = Date.now() - started;
    const context = `nvim exit ${run.code}${run.signal ? ` (${run.signal})` : ''} after ${ms} ms${run.killed ? ', killed after 30 s' : ''}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;

    assert.ok(existsSync(out), `check.lua wrote no result.\n${context}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as CheckResult;
    const summary = `${context}\nresult: ${JSON.stringify({ ...result, diagnostics: result.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`) }, null, 1)}`;
    assert.equal(result.error, undefined, summary);
    assert.equal(run.code, 0, summary);

    const byCode = (code: string) => result.diagnostics.filter((d) => d.code === code);
    const w018 = byCode('security.W018');
    assert.equal(w018.length, 1, summary);
    assert.deepEqual({ line: w018[0].line, col: w018[0].col, end_line: w018[0].end_line, end_col: w018[0].end_col }, { line: lineOf('DEBUG = True'), col: 0, end_line: lineOf('DEBUG = True'), end_col: 'DEBUG'.length });
    assert.equal(w018[0].source, 'Django Deploy');
    assert.equal(byCode('security.W009')[0]?.line, lineOf('SECRET_KEY = '), summary);
    assert.equal(byCode('security.W020')[0]?.line, lineOf('ALLOWED_HOSTS = '), summary);

    // The request carried the line's diagnostics back (as vim.lsp.buf.code_action() does in 0.7).
    assert.ok((result.code_action_context ?? 0) >= 1, summary);
    const fix = result.code_actions.find((a) => a.title.startsWith('Read DEBUG from the environment'));
    assert.ok(fix, `no "Read DEBUG from the environment…" action among ${result.code_actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.ok(fix.has_edit, 'the quick fix carries its edit');
    assert.ok(ms < 15_000, `took ${ms} ms`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

/** The Lua blocks of the README's "Other editors" section. */
function readmeLuaBlocks(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Other editors');
  assert.ok(start >= 0, 'README has an "Other editors" section');
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Waits for W018 in the current buffer and reports the clients and diagnostics Neovim holds. */
const DUMP_LUA = `
vim.defer_fn(function() vim.cmd('cquit 2') end, 20000)
local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local ok = vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if code_of(d) == 'security.W018' then return true end end
  return false
end, 50)
local out = { clients = {}, codes = {} }
for _, c in ipairs(vim.lsp.get_active_clients()) do table.insert(out.clients, { name = c.name, root_dir = c.config.root_dir }) end
for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out.codes, code_of(d)) end
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.DJD_OUT)
vim.cmd(ok and 'qa!' or 'cquit 1')
`;

/** Runs a README config as init.lua, opening mysite/settings.py relative to the project root. */
async function runReadmeConfig(block: string): Promise<void> {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} missing: run node scripts/build.mjs`);
  const tmp = mkdtempSync(join(tmpdir(), 'djd-neovim-readme-'));
  try {
    const root = join(tmp, 'project');
    cpSync(FIXTURE, root, { recursive: true });
    const init = join(tmp, 'init.lua');
    const dump = join(tmp, 'dump.lua');
    const out = join(tmp, 'result.json');
    assert.ok(block.includes('/path/to/django-deploy/'), 'the README config names /path/to/django-deploy/');
    writeFileSync(init, block.split('/path/to/django-deploy/').join(`${REPO_ROOT}/`));
    writeFileSync(dump, DUMP_LUA);
    const started = Date.now();
    const run = await runNvim(['--headless', '--clean', '-n', '-u', init, 'mysite/settings.py', '-c', `luafile ${dump}`], { DJD_OUT: out, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` }, root);
    const context = `nvim exit ${run.code} after ${Date.now() - started} ms\nstdout: ${run.stdout}\nstderr: ${run.stderr}\nresult: ${existsSync(out) ? readFileSync(out, 'utf8') : '(none)'}`;
    assert.equal(run.code, 0, context);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { clients: { name: string; root_dir: string }[]; codes: string[] };
    assert.deepEqual(result.clients.map((c) => c.name), ['django-deploy'], context);
    assert.equal(result.clients[0].root_dir, realpathSync(root), `root_dir is the absolute project root\n${context}`);
    for (const code of ['security.W009', 'security.W018', 'security.W020']) assert.ok(result.codes.includes(code), `${code}\n${context}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

test('the README Neovim 0.7 config (vim.lsp.start_client) works', { skip: NVIM ? false : 'nvim not found: apt-get install neovim', timeout: KILL_AFTER_MS + 10_000 }, async () => {
  const block = readmeLuaBlocks().find((b) => b.includes('vim.lsp.start_client'));
  assert.ok(block, 'README "Other editors" has a Neovim 0.7 block using vim.lsp.start_client');
  await runReadmeConfig(block);
});

test('the README Neovim 0.8+ config (vim.lsp.start) works', { skip: !NVIM ? 'nvim not found: apt-get install neovim' : !atLeast08 ? `needs Neovim 0.8+ (found ${NVIM_VERSION?.join('.') ?? 'unknown'})` : false, timeout: KILL_AFTER_MS + 10_000 }, async () => {
  const block = readmeLuaBlocks().find((b) => b.includes('vim.lsp.start(') && !b.includes('vim.lsp.start_client'));
  assert.ok(block, 'README "Other editors" has a Neovim 0.8+ block using vim.lsp.start');
  await runReadmeConfig(block);
});
