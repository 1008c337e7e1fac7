// Entry point of the integration suite that runs INSIDE a VS Code extension host, loaded as
// `extensionTestsPath` by both launchers (test/editor/launchers/desktop.mjs through
// @vscode/test-electron, test/editor/launchers/browser.mjs through code-server's workbench URL
// payload). VS Code calls run(); a rejection marks the run failed (exit code 1).
//
// The suite files are imported here so that esbuild bundles them into this one file; they are
// named *.suite.ts so that `node --test` (which runs *.test.js) never picks them up on their own.
// They register their suites through functions, called after Mocha's `pre-require` has set up the
// tdd globals (suite, test, suiteSetup...).
//
// When DJANGO_DEPLOY_TEST_LOG names a file, the reporter's output is also appended there: the
// browser launcher reads it back, since a remote extension host's console is not always forwarded.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
import { registerStartprojectSuite } from './startproject.suite';
import { registerSplitSuite } from './split.suite';
import { registerTemplatesSuite } from './templates.suite';
import { registerDeploySuite } from './deploy.suite';
import { registerChecklistViewSuite } from './checklistView.suite';

export function run(): Promise<void> {
  const logFile = process.env.DJANGO_DEPLOY_TEST_LOG;
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = Base.consoleLog;
  if (logFile) {
    Base.consoleLog = (...args: unknown[]) => {
      originalLog(...args);
      try {
        appendFileSync(logFile, `${format(...args)}\n`);
      } catch {
        /* the log is a convenience; never fail the run because of it */
      }
    };
  }

  const mocha = new Mocha({ ui: 'tdd', timeout: 20_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'django-deploy-integration', mocha);
  registerStartprojectSuite();
  registerSplitSuite();
  registerTemplatesSuite();
  registerDeploySuite();
  registerChecklistViewSuite();

  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        Base.consoleLog = originalLog;
        if (logFile) appendFileSync(logFile, `integration suite finished: ${failures} failure(s)\n`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      Base.consoleLog = originalLog;
      reject(err);
    }
  });
}
