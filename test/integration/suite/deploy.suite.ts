// The deployment commands in the real extension host: the checklist (Quick Pick and Markdown on
// the clipboard), the WSGI vs ASGI webview, the nginx config in an untitled editor, and the
// status bar item that opens the checklist.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activateExtension, fixtureFolder, waitFor, type DjangoDeployApi } from './helpers';

interface ChecklistProject {
  name: string;
  settingsModule?: string;
  items: { id: string; status: string; detail: string }[];
  markdown: string;
}

export function registerDeploySuite(): void {
  suite('deployment commands', () => {
    let api: DjangoDeployApi;
    suiteSetup(async () => {
      api = await activateExtension();
      fixtureFolder('split');
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('Show Deployment Checklist: the split project, DEBUG fine in production, HSTS failing', async () => {
      const project = await vscode.commands.executeCommand<ChecklistProject | undefined>('djangoDeploy.showChecklist', 'split');
      assert.ok(project, 'the command returns the project it shows');
      assert.equal(project.settingsModule, 'mysite.settings.production');
      const status = (id: string) => project.items.find((i) => i.id === id)?.status;
      assert.equal(status('debug'), 'pass', 'production.py sets DEBUG = False');
      assert.equal(status('https'), 'fail', 'no HSTS in the split fixture');
      // Django's checklist and the serving items; the server may add items, never drop these.
      for (const id of ['debug', 'allowed-hosts', 'secret-key', 'https', 'cookies', 'collectstatic']) assert.ok(status(id), `${id} among ${project.items.map((i) => i.id).join(', ')}`);
      assert.ok(project.items.length >= 13, `${project.items.length} items`);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    });

    test('Copy Deployment Checklist as Markdown: the clipboard holds one line per item', async () => {
      const markdown = await vscode.commands.executeCommand<string | undefined>('djangoDeploy.copyChecklist', 'split');
      assert.ok(markdown);
      assert.equal(await vscode.env.clipboard.readText(), markdown);
      assert.match(markdown, /^### Deployment checklist: mysite\.settings\.production/);
      const project = await vscode.commands.executeCommand<ChecklistProject | undefined>('djangoDeploy.showChecklist', 'split');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(markdown.split('\n').filter((l) => l.startsWith("- [")).length, project?.items.length);
    });

    test('Compare WSGI and ASGI: a webview with the recommendation and the command lines of the project', async () => {
      const projects = await vscode.commands.executeCommand<{ name: string; recommendation: { interface: string }; servers: { id: string; line: string }[] }[]>('djangoDeploy.compareServers', 'split');
      assert.deepEqual(projects.map((p) => p.name), ['split'], 'the project named (the workspace has several: without a name it asks)');
      const split = projects.find((p) => p.name === 'split');
      assert.ok(split);
      assert.equal(split.recommendation.interface, 'wsgi');
      assert.equal(split.servers.find((s) => s.id === 'gunicorn')?.line, 'gunicorn mysite.wsgi:application --bind 127.0.0.1:8000');
      await waitFor(() => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'WSGI vs ASGI: split')), 10_000, 'the WSGI vs ASGI: split tab');
    });

    test('the WSGI vs ASGI view refreshes when a view becomes async on disk', async () => {
      const folder = fixtureFolder('split');
      const views = vscode.Uri.joinPath(folder, 'mysite/views.py');
      const asyncCount = () => api.compareView()?.data.find((p) => p.name === 'split')?.asyncViews.length;
      await vscode.commands.executeCommand('djangoDeploy.compareServers', 'split');
      assert.equal(asyncCount(), 0);
      try {
        await vscode.workspace.fs.writeFile(views, Buffer.from('from django.http import HttpResponse\n\nasync def live(request):\n    return HttpResponse("live")\n'));
        await waitFor(() => asyncCount() === 1, 15_000, () => `the view counts the new async view (now ${asyncCount()})`);
        assert.match(api.compareView()!.html, /Recommended: ASGI/);
      } finally {
        await vscode.workspace.fs.delete(views).then(undefined, () => undefined);
      }
      await waitFor(() => asyncCount() === 0, 15_000, 'the view forgets the deleted file');
    });

    test('the status bar shows the production problem count and opens the checklist', async () => {
      // A settled count: no spinner (templates still being read) after it.
      const bar = await waitFor(() => (/^\$\(rocket\) \d+$/.test(api.statusBar().text) ? api.statusBar() : undefined), 15_000, () => `a count in the status bar (${api.statusBar().text})`);
      assert.match(bar.text, /^\$\(rocket\) \d+$/);
      assert.match(bar.tooltip, /\d+ problems? \(\d+ errors?, \d+ warnings?/);
      // One truth: the checklist counts the same problems.
      const checklist = await api.client!.sendRequest<{ projects: { problems: { errors: number; warnings: number } }[] }>('djangoDeploy/checklist', {});
      const counted = checklist.projects.reduce((n: number, p: { problems: { errors: number; warnings: number } }) => n + p.problems.errors + p.problems.warnings, 0);
      assert.equal(bar.text, `$(rocket) ${counted}`);
    });

    test('Run check --deploy: a task with Django’s own output, mapped to the Problems panel on production.py', async function () {
      const python = '/usr/bin/python3';
      if (!existsSync(python) || spawnSync(python, ['-c', 'import django'], { encoding: 'utf8' }).status !== 0) this.skip();
      const folder = fixtureFolder('split');
      await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', python, vscode.ConfigurationTarget.WorkspaceFolder);
      try {
        assert.equal(vscode.workspace.isTrusted, true, 'the test workspace is trusted');
        const exitCode = await vscode.commands.executeCommand<number | undefined>('djangoDeploy.runCheckDeploy', 'split');
        assert.equal(exitCode, 0, 'check --deploy exits 0 (warnings only)');
        const production = vscode.Uri.joinPath(folder, 'mysite/settings/production.py');
        const fromDjango = () => vscode.languages.getDiagnostics(production).filter((d) => d.source === 'manage.py check');
        await waitFor(() => fromDjango().length >= 3, 10_000, () => `Django's messages on production.py: ${fromDjango().map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).join(', ')}`);
        const ids = fromDjango().map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();
        assert.deepEqual(ids, ['security.W004', 'security.W009', 'security.W016']);
        assert.ok(fromDjango().every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
      } finally {
        await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
    });

    test('Run collectstatic: the task fills STATIC_ROOT (production settings), and the checklist then says so', async function () {
      const python = '/usr/bin/python3';
      if (!existsSync(python) || spawnSync(python, ['-c', 'import django'], { encoding: 'utf8' }).status !== 0) this.skip();
      const folder = fixtureFolder('split');
      await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', python, vscode.ConfigurationTarget.WorkspaceFolder);
      const staticRoot = vscode.Uri.joinPath(folder, 'staticfiles');
      try {
        const before = await vscode.commands.executeCommand<ChecklistProject | undefined>('djangoDeploy.showChecklist', 'split');
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.equal(before?.items.find((i) => i.id === 'collectstatic')?.status, 'fail', 'STATIC_ROOT does not exist yet');
        const exitCode = await vscode.commands.executeCommand<number | undefined>('djangoDeploy.runCollectstatic', 'split');
        assert.equal(exitCode, 0, 'collectstatic exits 0');
        const base = vscode.Uri.joinPath(staticRoot, 'admin/css/base.css');
        await vscode.workspace.fs.stat(base); // throws when collectstatic did not copy the admin's files
        const after = await vscode.commands.executeCommand<ChecklistProject | undefined>('djangoDeploy.showChecklist', 'split');
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        const item = after?.items.find((i) => i.id === 'collectstatic');
        assert.equal(item?.status, 'pass', item?.detail);
        assert.match(item!.detail, /STATIC_ROOT holds \d+ files/);
      } finally {
        await vscode.workspace.fs.delete(staticRoot, { recursive: true }).then(undefined, () => undefined);
        await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
    });

    test('Generate nginx Config for Static Files: an untitled editor with the server block', async () => {
      const before = vscode.workspace.textDocuments.length;
      await vscode.commands.executeCommand('djangoDeploy.generateNginxConfig', 'startproject');
      const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().includes('upstream ')), 10_000, 'the nginx document');
      assert.ok(vscode.workspace.textDocuments.length > before);
      assert.match(doc.getText(), /proxy_pass http:\/\/\w+_app;/);
    });
  });
}
