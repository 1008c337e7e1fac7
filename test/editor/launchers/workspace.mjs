// The workspace both integration launchers open: temp copies of test/fixtures/startproject and
// test/fixtures/split (the repository's fixtures are never modified), side by side as the two
// folders of a multi-root .code-workspace. Two folders rather than one because both fixtures hold
// a `mysite` package, and the language server makes one project per workspace folder.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = ['startproject', 'split'];
/** The bundled suite (scripts/build.mjs compiles test/integration/suite/index.ts to it). */
export const suiteIndex = join(repoRoot, 'out/test/integration/suite/index.js');

/** @returns {{ dir: string, workspaceFile: string, remove: () => void }} */
export function makeWorkspace() {
  const dir = mkdtempSync('/tmp/djd-int-');
  for (const name of FIXTURES) {
    cpSync(join(repoRoot, 'test/fixtures', name), join(dir, name), { recursive: true });
  }
  const workspaceFile = join(dir, 'integration.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({
    folders: FIXTURES.map((name) => ({ path: name })),
    settings: {},
  }, null, 2) + '\n');
  return { dir, workspaceFile, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

/** Exit code of a launcher that could not run the suite at all (no editor available): skipped. */
export const EXIT_SKIPPED = 77;
