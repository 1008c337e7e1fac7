// npm run docs: regenerates the rule tables and the command table in README.md.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = 'out/docs.cjs';
await build({ entryPoints: ['scripts/docs.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const { rewriteReadme, marketplaceReadme } = await import(pathToFileURL(out).href);
rmSync(out);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const before = readFileSync('README.md', 'utf8');
const after = rewriteReadme(before, manifest);
// `--marketplace FILE`: also write the extension page's README (npm run package uses it).
const at = process.argv.indexOf('--marketplace');
if (at >= 0) {
  const target = process.argv[at + 1];
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, marketplaceReadme(after));
  console.log(`${target} written`);
} else {
  if (after !== before) writeFileSync('README.md', after);
  console.log(after === before ? 'README.md generated parts are up to date' : 'README.md generated parts rewritten');
}
