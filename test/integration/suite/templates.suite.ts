// Django templates in a real editor, on the `staticsite` folder the launchers add (startproject +
// STATICFILES_DIRS = [BASE_DIR / 'assets'], assets/css/site.css, assets/img/logo.png and
// mysite/templates/*.html; see test/editor/launchers/workspace.mjs): DJD201 on a raw /static/ path
// and its {% static %} quick fix, DJD203 and its {% load static %} fix, completion inside
// {% static '…' %} and document links to the file that serves a path — all through the `vscode` API.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeActions, codeOf, codes, find, fixtureFolder, note, openDocument, rangeOf, restore, setText, waitFor, waitForDiagnostics } from './helpers';

const describe = (a: vscode.CodeAction) => `${a.title} [${a.kind?.value}; diagnostics: ${(a.diagnostics ?? []).map(codeOf).join(', ') || 'none'}]`;
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

export function registerTemplatesSuite(): void {
  suite('templates: staticsite/mysite/templates', () => {
    let root: vscode.Uri;
    /** Documents a test changed, with their text on disk, put back in teardown. */
    let touched: { doc: vscode.TextDocument; text: string }[] = [];

    /** Opens a template as django-html and remembers its text for teardown. */
    async function openTemplate(name: string): Promise<vscode.TextDocument> {
      const uri = vscode.Uri.joinPath(root, 'mysite/templates', name);
      let doc = await openDocument(uri);
      if (doc.languageId !== 'django-html') doc = await vscode.languages.setTextDocumentLanguage(doc, 'django-html');
      await vscode.window.showTextDocument(doc, { preview: false });
      touched.push({ doc, text: doc.getText() });
      return doc;
    }

    suiteSetup(async () => {
      await activateExtension();
      root = fixtureFolder('staticsite');
    });

    teardown(async () => {
      for (const { doc, text } of touched.reverse()) await restore(doc, text);
      touched = [];
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a raw /static/ path shows DJD201 on the attribute value', async () => {
      const doc = await openTemplate('page.html');
      assert.equal(doc.languageId, 'django-html');
      await waitForDiagnostics(doc.uri, (cs) => cs.includes('DJD201'), 'DJD201 in page.html');
      const d = find(doc.uri, 'DJD201');
      const value = rangeOf(doc, '/static/css/site.css');
      assert.deepEqual(
        [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
        [value.start.line, value.start.character, value.end.line, value.end.character],
        'DJD201 underlines the href value, without its quotes',
      );
      assert.equal(doc.getText(d.range), '/static/css/site.css');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(d.message, /\{% static 'css\/site\.css' %\}/);
      assert.deepEqual(codes(doc.uri), ['DJD201'], 'the only finding in page.html');
    });

    test("the {% static %} quick fix rewrites the path, loads static after {% extends %}, and DJD201 goes away", async () => {
      const doc = await openTemplate('page.html');
      const d = (await waitForDiagnostics(doc.uri, (cs) => cs.includes('DJD201'), 'DJD201 before the fix')).find((x) => codeOf(x) === 'DJD201')!;
      const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === "Use {% static 'css/site.css' %}");
      assert.ok(fix, `a "Use {% static 'css/site.css' %}" quick fix among: ${actions.map(describe).join(' | ') || 'none'}`);
      note(`      (DJD201 quick fix: ${describe(fix)})`);
      assert.equal(fix.kind?.value, 'quickfix');
      assert.ok(fix.edit, 'the quick fix carries an edit');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.equal(
        doc.getText(),
        '{% extends "base.html" %}\n{% load static %}\n{% block content %}\n<link rel="stylesheet" href="{% static \'css/site.css\' %}">\n<p>Hello</p>\n{% endblock %}\n',
        'the href uses {% static %} and {% load static %} follows {% extends %}',
      );
      await waitForDiagnostics(doc.uri, (cs) => cs.length === 0, 'no findings after the fix');
    });

    test('{% static %} without {% load static %} is DJD203 (an error), fixed by inserting the load', async () => {
      const doc = await openTemplate('noload.html');
      await waitForDiagnostics(doc.uri, (cs) => cs.includes('DJD203'), 'DJD203 in noload.html');
      const d = find(doc.uri, 'DJD203');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(doc.getText(d.range), "{% static 'img/logo.png' %}", 'DJD203 covers the {% static %} tag');
      const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Add {% load static %}');
      assert.ok(fix?.edit, `an "Add {% load static %}" quick fix with an edit among: ${actions.map(describe).join(' | ') || 'none'}`);
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      const text = doc.getText();
      assert.equal((text.match(/\{% load static %\}/g) ?? []).length, 1, 'one {% load static %}');
      assert.ok(text.indexOf('{% load static %}') < text.indexOf("{% static 'img/logo.png' %}"), `the load comes before the use:\n${text}`);
      assert.ok(text.endsWith('<!doctype html>\n<img src="{% static \'img/logo.png\' %}" alt="">\n'), `the rest of the template is unchanged:\n${text}`);
      await waitForDiagnostics(doc.uri, (cs) => cs.length === 0, 'no findings after the load is inserted');
    });

    test("completion inside {% static 'css/ offers site.css", async () => {
      const doc = await openTemplate('linked.html');
      const before = doc.getText();
      const typed = `${before}<link rel="stylesheet" href="{% static 'css/`;
      await setText(doc, typed);
      const position = doc.positionAt(typed.length);
      // the server walks the workspace in the background: completion knows the files once it is done
      const labels = await waitFor(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '/');
        const ls = (list?.items ?? []).map(labelOf);
        return ls.includes('site.css') ? ls : undefined;
      }, 15_000, "site.css among the completions after {% static 'css/");
      note(`      (completions after {% static 'css/: ${labels.filter((l) => !l.includes(' ')).slice(0, 12).join(', ')})`);
      assert.ok(!labels.includes('logo.png'), 'only the files of css/');

      // and at the top level: the folders
      const top = doc.positionAt(typed.length - 'css/'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, top, "'");
      const folders = (list?.items ?? []).map(labelOf);
      assert.ok(folders.includes('css/') && folders.includes('img/'), `css/ and img/ at the top level: ${folders.slice(0, 20).join(', ')}`);
    });

    test('document links on {% static %} paths point at the files that serve them', async () => {
      const doc = await openTemplate('linked.html');
      await waitForDiagnostics(doc.uri, (cs) => cs.length === 0, 'linked.html is clean');
      const siteCss = vscode.Uri.joinPath(root, 'assets/css/site.css');
      const links = await waitFor(async () => {
        const ls = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 10);
        return ls?.some((l) => l.target?.fsPath === siteCss.fsPath) ? ls : undefined;
      }, 15_000, () => 'a link to assets/css/site.css');
      const css = links.find((l) => l.target?.fsPath === siteCss.fsPath)!;
      assert.equal(doc.getText(css.range), 'css/site.css', 'the link covers the path inside the quotes');
      const logo = links.find((l) => doc.getText(l.range) === 'img/logo.png');
      assert.ok(logo, `a link on img/logo.png among: ${links.map((l) => `${doc.getText(l.range)} → ${l.target?.toString(true)}`).join(', ')}`);
      assert.equal(logo.target?.fsPath, vscode.Uri.joinPath(root, 'assets/img/logo.png').fsPath);
    });
  });
}
