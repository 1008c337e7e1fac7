// Bundles settings-values.ts with esbuild and runs it (see that file).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'settings-values-')), 'run.js');
await build({ entryPoints: [new URL('./settings-values.ts', import.meta.url).pathname], bundle: true, platform: 'node', outfile: out, logLevel: 'error' });
process.exitCode = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1;
