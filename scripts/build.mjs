// Bundles the extension client, the language server, the CLI and the test files with esbuild.
// Everything a user runs ends up in dist/ with no runtime node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) out.push(...testEntries(full));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const present = (entries) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file) || console.warn(`build: ${file} is missing, skipped`)));

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: present({ client: 'client/src/extension.ts' }), outdir: 'dist', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: present({ server: 'server/src/lsp/main.ts' }), outdir: 'dist' }),
  // The CLI is the package's `bin` (npx django-deploy, pre-commit): it starts with a shebang.
  esbuild.build({ ...common, entryPoints: present({ cli: 'server/src/cli.ts' }), outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
]);
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
if (!production) {
  rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: testEntries('test'),
    outdir: 'out/test',
    outbase: 'test',
    // Loaded from node_modules: recheck starts workers from its own files; typescript is large.
    external: ['vscode', 'mocha', 'recheck', 'typescript'],
  });
}
