// The split fixture (mysite/settings/base.py + production.py with `from .base import *` + dev.py):
// an unsaved edit in base.py reaches the diagnostics of production.py, which imports it.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeActions, codes, find, fixtureFolder, openDocument, rangeOf, restore, waitForDiagnostics } from './helpers';

export function registerSplitSuite(): void {
  suite('split: base.py imported by production.py', () => {
    let production: vscode.Uri;
    let base: vscode.Uri;
    let baseDoc: vscode.TextDocument | undefined;
    let baseOriginal = '';

    suiteSetup(async () => {
      await activateExtension();
      const root = fixtureFolder('split');
      production = vscode.Uri.joinPath(root, 'mysite/settings/production.py');
      base = vscode.Uri.joinPath(root, 'mysite/settings/base.py');
    });

    suiteTeardown(async () => {
      if (baseDoc) await restore(baseDoc, baseOriginal);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('production.py reports what it inherits from base.py at the import', async () => {
      const doc = await openDocument(production);
      await waitForDiagnostics(production, (cs) => cs.includes('security.W004') && cs.includes('security.W009') && cs.includes('security.W016'), 'W004, W009, W016 in production.py');
      assert.ok(!codes(production).includes('security.W018'), 'production.py sets DEBUG = False');
      const w004 = find(production, 'security.W004');
      assert.equal(w004.range.start.line, rangeOf(doc, 'from .base import *').start.line, 'W004 at the `from .base import *` line');
    });

    test('"Ignore security.W016 on this line" writes the comment and the finding goes; undo brings it back', async () => {
      const doc = await openDocument(production);
      const original = doc.getText();
      await waitForDiagnostics(production, (cs) => cs.includes('security.W016'), 'W016 in production.py');
      const w016 = find(production, 'security.W016');
      const actions = await codeActions(production, w016.range, vscode.CodeActionKind.QuickFix.value);
      const ignore = actions.find((a) => a.title === 'Ignore security.W016 on this line');
      assert.ok(ignore?.edit, actions.map((a) => a.title).join(' | '));
      assert.equal(await vscode.workspace.applyEdit(ignore.edit), true);
      assert.match(doc.lineAt(w016.range.start.line).text, /# django-deploy: ignore\[security\.W016\]$/);
      await waitForDiagnostics(production, (cs) => !cs.includes('security.W016') && cs.includes('security.W004'), 'W016 ignored, W004 still there');
      await restore(doc, original);
      await waitForDiagnostics(production, (cs) => cs.includes('security.W016'), 'W016 back after the comment is gone');
    });

    test('adding SECURE_HSTS_SECONDS to base.py (unsaved) clears W004 in production.py', async () => {
      baseDoc = await openDocument(base);
      baseOriginal = baseDoc.getText();
      await waitForDiagnostics(production, (cs) => cs.includes('security.W004'), 'W004 in production.py before the edit');

      const edit = new vscode.WorkspaceEdit();
      edit.insert(base, rangeOf(baseDoc, 'ALLOWED_HOSTS = []').start, 'SECURE_HSTS_SECONDS = 3600\n\n');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.equal(baseDoc.isDirty, true, 'the edit is not saved');
      await waitForDiagnostics(production, (cs) => !cs.includes('security.W004') && cs.includes('security.W016'), 'W004 gone from production.py, W016 still there');

      await restore(baseDoc, baseOriginal);
      await waitForDiagnostics(production, (cs) => cs.includes('security.W004'), 'W004 back in production.py after undoing the edit');
    });
  });
}
