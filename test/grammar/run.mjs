// Runs the TextMate grammar tests (test/grammar/*.test.html) with vscode-tmgrammar-test and exits
// with its status. Our grammars come from package.json (contributes.grammars, including the
// injection's injectTo); VS Code's own HTML, CSS and JavaScript grammars, which the tests need
// as hosts, are vendored in test/grammar/grammars (see NOTICE.txt there).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve('vscode-tmgrammar-test/package.json'));
const bin = join(pkgDir, require('vscode-tmgrammar-test/package.json').bin['vscode-tmgrammar-test']);

const hostGrammars = readdirSync(join(here, 'grammars'))
  .filter((f) => f.endsWith('.tmLanguage.json'))
  .sort()
  .flatMap((f) => ['-g', join(here, 'grammars', f)]);
const tests = readdirSync(here).filter((f) => f.endsWith('.test.html')).sort().map((f) => join('test/grammar', f));

const result = spawnSync(process.execPath, [bin, '--config', join(root, 'package.json'), ...hostGrammars, ...tests], {
  cwd: root,
  stdio: 'inherit',
});
if (result.error) console.error(result.error);
process.exit(result.status ?? 1);
