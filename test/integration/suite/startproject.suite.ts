// The startproject fixture (a fresh `django-admin startproject` settings.py) in a real editor:
// activation, diagnostics with Django's codes on the right names, a quick fix, fix-all and a
// configuration change, all through the `vscode` API.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeActions, codeOf, codes, find, fixtureFolder, note, openDocument, ours, rangeOf, restore, setText, waitFor, waitForDiagnostics } from './helpers';

const STARTPROJECT_CODES = ['security.W004', 'security.W008', 'security.W009', 'security.W012', 'security.W016', 'security.W018', 'security.W020', 'DJD101'];

export function registerStartprojectSuite(): void {
  suite('startproject: mysite/settings.py', () => {
    let uri: vscode.Uri;
    let doc: vscode.TextDocument;
    let original: string;

    suiteSetup(async () => {
      uri = vscode.Uri.joinPath(fixtureFolder('startproject'), 'mysite/settings.py');
    });

    teardown(async () => {
      if (doc) await restore(doc, original);
    });

    suiteTeardown(async () => {
      await vscode.workspace.getConfiguration('djangoDeploy').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('the extension activates and its language client becomes ready', async () => {
      await activateExtension();
    });

    test("opening settings.py shows Django's deployment warnings on the right names", async () => {
      doc = await openDocument(uri);
      original = doc.getText();
      assert.equal(doc.languageId, 'python');
      await waitForDiagnostics(uri, (cs) => STARTPROJECT_CODES.every((c) => cs.includes(c)), `${STARTPROJECT_CODES.join(', ')}`);

      const w018 = find(uri, 'security.W018');
      const debug = rangeOf(doc, 'DEBUG = True');
      assert.deepEqual(
        [w018.range.start.line, w018.range.start.character, w018.range.end.line, w018.range.end.character],
        [debug.start.line, 0, debug.start.line, 5],
        'W018 underlines the DEBUG name',
      );
      assert.equal(doc.getText(w018.range), 'DEBUG');
      assert.equal(w018.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(w018.source, 'Django Deploy');
      assert.ok(typeof w018.code === 'object' && /^https:\/\/docs\.djangoproject\.com\//.test(w018.code.target.toString(true)), 'W018 links to the Django documentation');

      assert.equal(doc.getText(find(uri, 'security.W009').range), 'SECRET_KEY');
      assert.equal(doc.getText(find(uri, 'security.W020').range), 'ALLOWED_HOSTS');
      assert.equal(doc.getText(find(uri, 'security.W004').range), "'django.middleware.security.SecurityMiddleware'");
      assert.equal(find(uri, 'DJD101').range.start.line, rangeOf(doc, "STATIC_URL = '/static/'").start.line, 'DJD101 sits on STATIC_URL');
    });

    test('the W018 quick fix edits DEBUG and the warning goes away', async () => {
      doc = await openDocument(uri);
      const w018 = find(uri, 'security.W018');
      const actions = await codeActions(uri, w018.range, vscode.CodeActionKind.QuickFix.value);
      const describe = (a: vscode.CodeAction) => `${a.title} [${a.kind?.value}; diagnostics: ${(a.diagnostics ?? []).map(codeOf).join(', ') || 'none'}]`;
      // vscode.executeCodeActionProvider does not copy an action's `diagnostics` into the
      // CodeAction it returns (VS Code 1.100), so the fix is recognised by its title as well
      const fix = actions.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'security.W018'))
        ?? actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred && /\bDEBUG\b/.test(a.title));
      assert.ok(fix, `a quick fix for W018 among: ${actions.map(describe).join(' | ') || 'none'}`);
      note(`      (W018 quick fix: ${describe(fix)})`);
      assert.equal(fix.kind?.value, 'quickfix');
      assert.equal(fix.isPreferred, true);
      assert.ok(fix.edit, `the quick fix "${fix.title}" carries an edit`);

      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      const text = doc.getText();
      assert.notEqual(text, original);
      assert.match(text, /^DEBUG = os\.environ/m, 'DEBUG is read from the environment');
      assert.doesNotMatch(text, /^DEBUG = True$/m);
      assert.match(text, /^import os$/m, 'os is imported');
      await waitForDiagnostics(uri, (cs) => !cs.includes('security.W018') && cs.includes('security.W009'), 'W018 gone, W009 still there');

      await setText(doc, original);
      await waitForDiagnostics(uri, (cs) => cs.includes('security.W018'), 'W018 back after undoing the fix');
    });

    test('fix-all (source.fixAll.djangoDeploy) applies the safe fixes: DJD101 and W018 disappear', async () => {
      doc = await openDocument(uri);
      await waitForDiagnostics(uri, (cs) => cs.includes('DJD101'), 'DJD101 before fix-all');
      const before = codes(uri).length;
      const start = new vscode.Range(0, 0, 0, 0);
      const actions = await codeActions(uri, start, 'source.fixAll.djangoDeploy');
      const all = actions.find((a) => a.kind?.value === 'source.fixAll.djangoDeploy');
      assert.ok(all, `a source.fixAll.djangoDeploy action among: ${actions.map((a) => `${a.title} [${a.kind?.value}]`).join(' | ') || 'none'}`);
      assert.ok(all.edit, 'fix-all carries an edit');
      // also offered under the generic kind VS Code asks for on save (editor.codeActionsOnSave)
      const generic = await codeActions(uri, start, 'source.fixAll');
      assert.ok(generic.some((a) => a.kind?.value === 'source.fixAll.djangoDeploy'), 'offered for source.fixAll too');

      assert.equal(await vscode.workspace.applyEdit(all.edit), true);
      assert.match(doc.getText(), /^STATIC_ROOT = /m, 'STATIC_ROOT added');
      const after = await waitForDiagnostics(uri, (cs) => !cs.includes('DJD101') && !cs.includes('security.W018'), 'DJD101 and W018 gone');
      assert.ok(after.length < before, `fewer findings after fix-all (${before} → ${after.length})`);
      assert.ok(codes(uri).includes('security.W009'), 'the unsafe SECRET_KEY fix is left to the user');
    });

    test('turning security.W020 off in the configuration removes it without a reload, and back', async () => {
      doc = await openDocument(uri);
      await waitForDiagnostics(uri, (cs) => cs.includes('security.W020'), 'W020 before the configuration change');
      const config = vscode.workspace.getConfiguration('djangoDeploy');
      try {
        await config.update('rules', { 'security.W020': 'off' }, vscode.ConfigurationTarget.Workspace);
        await waitForDiagnostics(uri, (cs) => !cs.includes('security.W020') && cs.includes('security.W018'), 'W020 gone, W018 still there');
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForDiagnostics(uri, (cs) => cs.includes('security.W020'), 'W020 back once the rule is restored');
    });

    test("a rule's configured severity applies without a reload", async () => {
      doc = await openDocument(uri);
      const severityOf = (code: string) => ours(uri).find((d) => codeOf(d) === code)?.severity;
      await waitFor(() => severityOf('security.W020') === vscode.DiagnosticSeverity.Warning, 10_000, 'W020 as a warning');
      const config = vscode.workspace.getConfiguration('djangoDeploy');
      try {
        await config.update('rules', { 'security.W020': 'error' }, vscode.ConfigurationTarget.Workspace);
        await waitFor(() => severityOf('security.W020') === vscode.DiagnosticSeverity.Error, 10_000, 'W020 as an error');
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor(() => severityOf('security.W020') === vscode.DiagnosticSeverity.Warning, 10_000, 'W020 a warning again');
    });

    test('SILENCED_SYSTEM_CHECKS typed into the settings silences the check at once', async () => {
      doc = await openDocument(uri);
      await waitForDiagnostics(uri, (cs) => cs.includes('security.W020'), 'W020 before silencing');
      const before = doc.getText();
      try {
        await setText(doc, `${before}\nSILENCED_SYSTEM_CHECKS = ['security.W020']\n`);
        await waitForDiagnostics(uri, (cs) => !cs.includes('security.W020') && cs.includes('security.W009'), 'W020 silenced, W009 still there');
      } finally {
        await restore(doc, before);
      }
      await waitForDiagnostics(uri, (cs) => cs.includes('security.W020'), 'W020 back once the line is gone');
    });
  });
}
