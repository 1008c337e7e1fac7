// Runs the integration suite (out/test/integration/suite/index.js) inside desktop VS Code through
// @vscode/test-electron, on temp copies of the startproject and split fixtures (see workspace.mjs).
//
//   node test/editor/launchers/desktop.mjs      (after `node scripts/build.mjs`)
//   VSCODE_EXECUTABLE=/path/to/code node test/editor/launchers/desktop.mjs
//
// VS Code comes from VSCODE_EXECUTABLE (or VSCODE_EXECUTABLE_PATH) when set, else it is downloaded
// into .cache/vscode-test (stable; VSCODE_VERSION picks another). On Linux without a display, run
// it under xvfb-run.
// Exit codes: the suite's (0 passed, 1 failed); 0 with one `SKIP: why` line when VS Code can
// neither be found nor downloaded (skipped, not passed: the wrapper reports it as a skip); 1 on
// any other failure.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { stageExtension } from '../../../scripts/editor/code-server.mjs';
import { makeWorkspace, repoRoot, suiteIndex } from './workspace.mjs';

for (const file of [join(repoRoot, 'dist/client.js'), join(repoRoot, 'dist/server.js'), suiteIndex]) {
  if (!existsSync(file)) {
    console.log(`desktop launcher: ${file} is missing; run node scripts/build.mjs first`);
    process.exit(1);
  }
}

const oneLine = (err) => String(err?.message ?? err).split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? 'unknown error';

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || process.env.VSCODE_EXECUTABLE_PATH || '';
if (vscodeExecutablePath) {
  if (!existsSync(vscodeExecutablePath)) {
    // a configured path that does not exist is a mistake, not a reason to skip
    console.log(`desktop launcher: VSCODE_EXECUTABLE ${vscodeExecutablePath} does not exist`);
    process.exit(1);
  }
} else {
  try {
    // test-electron's progress output would be noise when the download fails at once
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: join(repoRoot, '.cache/vscode-test'),
      timeout: 60_000,
      reporter: { report() {}, error() {} },
    });
  } catch (err) {
    console.log(`SKIP: desktop VS Code is not available: no VSCODE_EXECUTABLE set and the download failed (${oneLine(err)})`);
    process.exit(0); // skipped, not failed: the one SKIP line above says why
  }
}

const ws = makeWorkspace();
// dist/ and out/ copied, so that a rebuild by someone else during the run cannot break it
const ext = stageExtension(repoRoot, { copy: ['dist', 'out'] });
let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ext.path,
    extensionTestsPath: join(ext.path, 'out/test/integration/suite/index.js'),
    extensionTestsEnv: { DJANGO_DEPLOY_TEST_LOG: '' },
    launchArgs: [
      ws.workspaceFile,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir', join(ws.dir, 'user'),
      '--extensions-dir', join(ws.dir, 'extensions'),
    ],
  });
} catch (err) {
  // TestRunFailedError: the suite failed (its report is above) or VS Code could not start
  console.log(`desktop launcher: ${oneLine(err)}`);
  exitCode = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
} finally {
  ws.remove();
  ext.remove();
}
process.exit(exitCode);
