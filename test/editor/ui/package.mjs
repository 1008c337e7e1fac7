// The package test: builds the .vsix like `npm run package` (esbuild --production options from
// scripts/build.mjs, then vsce package) in a temp staging folder, so the repo's dist/ (which other
// tests use concurrently) is never touched. Then:
//   1. the .vsix holds only what users need (bundles, manifest, README/CHANGELOG/LICENSE, icon,
//      README picture, grammar, snippets, language configuration) and nothing else: no .ts, no
//      .map, no test/, no node_modules/; and it is under 1 MB;
//   2. installed into code-server the way a user does (`code-server --install-extension x.vsix`,
//      temp extensions folder) and code-server started WITHOUT extensionDevelopmentPath on a temp
//      copy of examples/mysite, the extension activates and diagnoses: a squiggle under DEBUG in
//      mysite/settings/production.py and a security.W018 row in the Problems panel.
// Exit 0 pass, 77 skip (code-server/chromium cannot be installed; step 1 has run and passed by
// then), 1 fail. Screenshots: test-output/ui/package-*.png.
//
//   node test/editor/ui/package.mjs [--contents-only] [--keep-vsix PATH]
//   --contents-only: stop after step 1 (no code-server, never skips); --keep-vsix: copy the .vsix to PATH
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { startCodeServer, launchChromium, workbenchUrl, quietSettings, codeServerCli } from '../../../scripts/editor/code-server.mjs';
import {
  repoRoot, runMain, makeLog, requireEditorTools, tempDir, copyExample, onCleanup, recordConsole, SHIPPED,
  openWorkbench, openFile, lineAndWord, squigglesOnLine, waitFor, problemRows, shot, extensionLogs, uiSettings,
} from './common.mjs';

const log = makeLog('package');
const MAX_BYTES = 1024 * 1024;
const SETTINGS = 'mysite/settings/production.py';
const CODE = 'security.W018';
const DEBUG_LINE = /^\s*DEBUG\s*=/;

/** Every path a user's .vsix may hold; each `required` one must be there. */
const ALLOWED = [
  { re: /^\[Content_Types\]\.xml$/, required: '[Content_Types].xml' },
  { re: /^extension\.vsixmanifest$/, required: 'extension.vsixmanifest' },
  { re: /^extension\/package\.json$/, required: 'extension/package.json' },
  { re: /^extension\/dist\/client\.js$/, required: 'extension/dist/client.js' },
  { re: /^extension\/dist\/server\.js$/, required: 'extension/dist/server.js' },
  { re: /^extension\/dist\/cli\.js$/, required: 'extension/dist/cli.js' },
  { re: /^extension\/readme\.md$/i, required: 'extension/README.md' },
  { re: /^extension\/changelog\.md$/i, required: 'extension/CHANGELOG.md' },
  { re: /^extension\/license(\.txt|\.md)?$/i, required: 'extension/LICENSE' },
  { re: /^extension\/images\/icon\.png$/, required: 'extension/images/icon.png' },
  { re: /^extension\/images\/screenshot-quickfix\.png$/, required: 'extension/images/screenshot-quickfix.png' },
  { re: /^extension\/images\/screenshot-checklist\.png$/, required: 'extension/images/screenshot-checklist.png' },
  { re: /^extension\/images\/screenshot-compare\.png$/, required: 'extension/images/screenshot-compare.png' },
  { re: /^extension\/images\/screenshot-template\.png$/, required: 'extension/images/screenshot-template.png' },
  { re: /^extension\/syntaxes\/[\w.-]+\.json$/, required: 'extension/syntaxes/*.json' },
  { re: /^extension\/snippets\/[\w.-]+\.json$/, required: 'extension/snippets/*.json' },
  { re: /^extension\/language-configuration\/[\w.-]+\.json$/, required: 'extension/language-configuration/*.json' },
];
const FORBIDDEN = [/\.ts$/, /\.map$/, /(^|\/)test\//, /(^|\/)node_modules\//, /(^|\/)src\//, /(^|\/)\.cache\//, /(^|\/)out\//, /(^|\/)examples\//, /\.vsix$/];

/** The file names in a zip (a .vsix), read from its central directory; no unzip needed. */
function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** esbuild with the options of `node scripts/build.mjs --production`, into <staging>/dist. */
async function buildProduction(staging) {
  const common = {
    bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, minify: true,
    logLevel: 'warning', mainFields: ['module', 'main'], absWorkingDir: repoRoot,
  };
  const outdir = join(staging, 'dist');
  const entries = { client: 'client/src/extension.ts', server: 'server/src/lsp/main.ts', cli: 'server/src/cli.ts' };
  for (const f of Object.values(entries)) if (!existsSync(join(repoRoot, f))) throw new Error(`entry point ${f} is missing`);
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { client: entries.client }, outdir, external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: { server: entries.server, cli: entries.cli }, outdir }),
  ]);
  return readdirSync(outdir);
}

function packageVsix(staging, vsix) {
  const vsce = join(repoRoot, 'node_modules/.bin/vsce');
  if (!existsSync(vsce)) throw new Error(`${vsce} is missing: npm install first`);
  const r = spawnSync(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--readme-path', 'README.md', '-o', vsix],
    { cwd: staging, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

function checkContents(entries) {
  const names = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
  const problems = [];
  for (const n of names) {
    if (FORBIDDEN.some((re) => re.test(n))) problems.push(`must not ship: ${n}`);
    else if (!ALLOWED.some((a) => a.re.test(n))) problems.push(`not something users need: ${n}`);
  }
  for (const a of ALLOWED) if (!names.some((n) => a.re.test(n))) problems.push(`missing: ${a.required}`);
  if (problems.length) throw new Error(`the .vsix contents are wrong:\n  ${problems.join('\n  ')}\ncontents:\n  ${names.join('\n  ')}`);
  return names;
}

async function main() {
  const root = tempDir('ddp-');

  // ---------------------------------------------------------------- build and package
  const staging = join(root, 'stage');
  mkdirSync(staging);
  for (const name of [...SHIPPED, '.vscodeignore']) {
    const src = join(repoRoot, name);
    if (!existsSync(src)) throw new Error(`${name} is missing in the repository`);
    cpSync(src, join(staging, name), { recursive: true });
  }
  // The extension page's README: the repository's without its contributor parts (npm run package does the same).
  const marketplace = spawnSync(process.execPath, ['scripts/docs.mjs', '--marketplace', join(staging, 'README.md')], { cwd: repoRoot, encoding: 'utf8' });
  if (marketplace.status !== 0) throw new Error(`scripts/docs.mjs --marketplace failed:\n${marketplace.stdout}${marketplace.stderr}`);
  const readme = readFileSync(join(staging, 'README.md'), 'utf8');
  if (/npm (ci|test)/.test(readme) || !/^## Install/m.test(readme)) throw new Error('the packaged README is not the extension page README (contributor commands, or no Install section)');
  let t = Date.now();
  const built = await buildProduction(staging);
  log(`esbuild --production into the staging folder: dist/${built.sort().join(', dist/')} (${Date.now() - t} ms)`);
  const vsix = join(root, 'django-deploy.vsix');
  t = Date.now();
  packageVsix(staging, vsix);
  const size = statSync(vsix).size;
  log(`vsce package: ${vsix} (${(size / 1024).toFixed(1)} KB, ${Date.now() - t} ms)`);
  const keep = process.argv.indexOf('--keep-vsix');
  if (keep >= 0 && process.argv[keep + 1]) copyFileSync(vsix, process.argv[keep + 1]);

  // ---------------------------------------------------------------- contents and size
  const entries = zipEntries(vsix);
  const names = checkContents(entries);
  log(`contents OK (${names.length} files):\n${entries.filter((e) => !e.name.endsWith('/')).map((e) => `    ${String(e.size).padStart(8)}  ${e.name}`).join('\n')}`);
  if (size >= MAX_BYTES) throw new Error(`the .vsix is ${size} bytes, over the 1 MB budget`);
  log(`size OK: ${size} bytes < ${MAX_BYTES}`);

  if (process.argv.includes('--contents-only')) return;

  // ---------------------------------------------------------------- install it like a user
  requireEditorTools(log);
  const home = join(root, 'cs');
  const dirs = { userDataDir: join(home, 'u'), extensionsDir: join(home, 'e') };
  for (const d of ['u', 'e', 'c', 'd', 'k', 't']) mkdirSync(join(home, d), { recursive: true });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k)));
  Object.assign(env, { XDG_CONFIG_HOME: join(home, 'c'), XDG_DATA_HOME: join(home, 'd'), XDG_CACHE_HOME: join(home, 'k'), TMPDIR: join(home, 't') });
  t = Date.now();
  const out = codeServerCli({ ...dirs, env }, ['--install-extension', vsix]);
  const installed = readdirSync(dirs.extensionsDir).filter((n) => n.startsWith('django-deploy.django-deploy-'));
  if (!installed.length) throw new Error(`--install-extension did not put the extension into ${dirs.extensionsDir}:\n${out}`);
  log(`code-server --install-extension (${Date.now() - t} ms): ${out.trim().split('\n').pop()}; extensions dir holds ${installed.join(', ')}`);
  for (const f of ['package.json', 'dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(dirs.extensionsDir, installed[0], f))) throw new Error(`the installed extension lacks ${f}`);
  }

  // ---------------------------------------------------------------- a user opens a Django project
  const folder = copyExample(root);
  const lineNo = readFileSync(join(folder, SETTINGS), 'utf8').split('\n').findIndex((l) => DEBUG_LINE.test(l)) + 1;
  const server = await startCodeServer({ folder, ...dirs, settings: { ...quietSettings, ...uiSettings } });
  onCleanup('stop code-server', () => server.stop());
  log(`code-server ${server.url} (pid ${server.pid}), no extensionDevelopmentPath, extensions dir ${dirs.extensionsDir}`);
  const context = await launchChromium({ viewport: { width: 1400, height: 900 } });
  onCleanup('close chromium', () => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  recordConsole(page, 'package');
  const fail = async (step, message) => {
    await shot(page, `package-FAILED-${step}.png`, log);
    throw new Error(`${message}\n(screenshot test-output/ui/package-FAILED-${step}.png)\n${extensionLogs(server.userDataDir)}`);
  };
  const url = workbenchUrl({ url: server.url, folder });
  if (url.includes('payload')) throw new Error(`the workbench URL must not load a development extension: ${url}`);
  await openWorkbench(page, url);
  await shot(page, 'package-01-workbench.png', log);

  const editor = await openFile(page, SETTINGS, lineNo);
  log(`opened ${SETTINGS}`);
  const { line } = await lineAndWord(editor, DEBUG_LINE, 'DEBUG');
  await waitFor(async () => (await squigglesOnLine(editor, line)).length, {
    timeoutMs: 45_000, message: () => fail('02-squiggle', `the installed extension drew no squiggle under DEBUG on ${SETTINGS}:${lineNo} within 45 s`),
  });
  log('squiggle under DEBUG: the installed extension activated and diagnosed');
  let rows = [];
  await waitFor(async () => { rows = await problemRows(page, { open: rows.length === 0 }); return rows.some((r) => r.includes(CODE)); }, {
    timeoutMs: 15_000, message: () => fail('03-problems', `no Problems row with ${CODE}; rows:\n${rows.join('\n')}`),
  });
  log(`Problems panel: ${rows.length} rows, one with ${CODE}`);
  await shot(page, 'package-02-diagnosed.png', log);
}

runMain('package', main, { timeoutMs: 240_000 });
