// npm run docs: regenerates the rule table in README.md from the rule catalogue.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const out = 'out/docs.cjs';
await build({ entryPoints: ['scripts/docs.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const { rewriteReadme } = await import(pathToFileURL(out).href);
const before = readFileSync('README.md', 'utf8');
const after = rewriteReadme(before);
if (after !== before) writeFileSync('README.md', after);
console.log(after === before ? 'README.md rule table is up to date' : 'README.md rule table rewritten');
rmSync(out);
