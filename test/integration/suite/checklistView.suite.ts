// The Deployment Checklist view, row commands, project choice and the task failure hint in the
// real extension host. The workspace has three Django folders (startproject, split, staticsite),
// so every command that acts on one project must ask; window.showQuickPick and
// window.showWarningMessage are replaced for a test (the suite shares the extension's API object)
// and put back after it.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, fixtureFolder, note, waitFor, type DjangoDeployApi } from './helpers';

interface Node {
  kind: string;
  project: { name: string; root: string };
  item?: { id: string; status: string; detail: string; command?: { id: string } };
}

interface ChecklistViewApi {
  refresh(): void;
  getChildren(node?: Node): Promise<Node[]>;
  getTreeItem(node: Node): vscode.TreeItem;
}

type Api = DjangoDeployApi & { checklistView(): ChecklistViewApi; interpreterHints(): readonly string[] };

const ICONS: Record<string, [string, string]> = {
  pass: ['pass', 'testing.iconPassed'],
  fail: ['error', 'testing.iconFailed'],
  warn: ['warning', 'problemsWarningIcon.foreground'],
  unknown: ['question', 'problemsInfoIcon.foreground'],
};

/** Replaces `window[name]` for one test; returns the calls seen and a restore function. */
function stubWindow<K extends 'showQuickPick' | 'showWarningMessage'>(name: K, answer: (...args: any[]) => unknown): { calls: any[][]; restore: () => void } {
  const w = vscode.window as any;
  const original = w[name];
  const calls: any[][] = [];
  w[name] = (...args: any[]) => {
    calls.push(args);
    return Promise.resolve(answer(...args));
  };
  return { calls, restore: () => (w[name] = original) };
}

async function rowsOf(view: ChecklistViewApi, folder: string): Promise<Node[]> {
  const roots = await view.getChildren();
  const project = roots.find((n) => n.kind === 'project' && n.project.name === folder);
  assert.ok(project, `a project node for ${folder} (roots: ${roots.map((n) => n.project.name).join(', ')})`);
  return view.getChildren(project);
}

export function registerChecklistViewSuite(): void {
  suite('Deployment Checklist view, row commands, project choice', () => {
    let api: Api;
    let view: ChecklistViewApi;
    suiteSetup(async () => {
      api = (await activateExtension()) as Api;
      view = api.checklistView();
    });
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('one top-level node per Django folder; each row has its status icon in the theme colour, its detail, its places', async () => {
      view.refresh();
      const roots = await view.getChildren();
      assert.deepEqual(roots.map((n) => n.kind), ['project', 'project', 'project']);
      assert.deepEqual(roots.map((n) => n.project.name).sort(), ['split', 'startproject', 'staticsite']);
      const rows = await rowsOf(view, 'split');
      const shown = await vscode.commands.executeCommand<{ items: unknown[] } | undefined>('djangoDeploy.showChecklist', 'split');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(rows.length, shown?.items.length, 'one row per checklist item');
      for (const row of rows) {
        const item = view.getTreeItem(row);
        const icon = item.iconPath as vscode.ThemeIcon;
        assert.ok(icon instanceof vscode.ThemeIcon, `${row.item!.id}: a ThemeIcon`);
        assert.deepEqual([icon.id, (icon.color as unknown as { id?: string } | undefined)?.id], ICONS[row.item!.status], `${row.item!.id} (${row.item!.status})`);
        assert.equal(item.description, row.item!.detail);
        assert.ok(item.tooltip instanceof vscode.MarkdownString);
      }
      const status = (id: string) => rows.find((r) => r.item!.id === id)?.item!.status;
      assert.equal(status('debug'), 'pass');
      assert.equal(status('https'), 'fail');
      note(`    split rows: ${rows.map((r) => `${r.item!.id}=${r.item!.status}`).join(' ')}`);

      // A failing row with places: its children open them.
      const https = rows.find((r) => r.item!.id === 'https')!;
      assert.equal(view.getTreeItem(https).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      const places = await view.getChildren(https);
      assert.ok(places.length >= 1);
      const place = view.getTreeItem(places[0]);
      assert.equal(place.command?.command, 'vscode.open');
      assert.match(String(place.label), /production\.py:\d+$/);
      await vscode.commands.executeCommand(place.command!.command, ...(place.command!.arguments ?? []));
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/split/mysite/settings/production.py'), 10_000, 'production.py open');
    });

    test('clicking the collectstatic row runs its command on the row’s project: the collectstatic task starts', async () => {
      const rows = await rowsOf(view, 'split');
      const row = rows.find((r) => r.item!.id === 'collectstatic');
      assert.ok(row?.item?.command, 'the collectstatic row carries a command');
      const click = view.getTreeItem(row).command;
      assert.deepEqual([click?.command, click?.arguments], ['djangoDeploy.runCollectstatic', ['split']]);
      const folder = fixtureFolder('split');
      const started: vscode.TaskDefinition[] = [];
      const listener = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task.definition));
      // An interpreter that is not there: the task starts and fails at once, nothing is written.
      await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', '/nonexistent/bin/python3', vscode.ConfigurationTarget.WorkspaceFolder);
      const warnings = stubWindow('showWarningMessage', () => undefined);
      try {
        const exitCode = await vscode.commands.executeCommand<number | undefined>(click!.command, ...(click!.arguments ?? []));
        assert.notEqual(exitCode, 0);
        assert.deepEqual(started.map((d) => [d.type, d.command, d.folder]), [['django-deploy', 'collectstatic', 'split']]);
      } finally {
        listener.dispose();
        warnings.restore();
        await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
    });

    test('a task that cannot import Django says where to choose the interpreter, with a button to the setting', async () => {
      const folder = fixtureFolder('split');
      // A "Python" without Django: prints what Python prints and fails, like a venv that lacks it.
      const dir = mkdtempSync(join(tmpdir(), 'djd-py-'));
      const python = join(dir, 'python3');
      writeFileSync(python, `#!/bin/sh\necho "Traceback (most recent call last):" >&2\necho "ModuleNotFoundError: No module named 'django'" >&2\nexit 1\n`);
      chmodSync(python, 0o755);
      await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', python, vscode.ConfigurationTarget.WorkspaceFolder);
      const before = api.interpreterHints().length;
      const warnings = stubWindow('showWarningMessage', () => undefined);
      try {
        const exitCode = await vscode.commands.executeCommand<number | undefined>('djangoDeploy.runCheckDeploy', 'split');
        assert.equal(exitCode, 1);
        const hint = await waitFor(() => api.interpreterHints()[before], 5_000, 'the interpreter hint');
        assert.match(hint, /check --deploy could not run Django with .*python3 \(set in djangoDeploy\.python\): Django is not installed for this interpreter/);
        const shown = await waitFor(() => warnings.calls.find((c) => String(c[0]).includes('could not run Django')), 5_000, 'window.showWarningMessage called');
        const buttons = shown.slice(1);
        assert.ok(buttons.includes('Open Setting'), `buttons: ${buttons.join(', ')}`);
        // "Select Interpreter" only when the Python extension is installed.
        assert.equal(buttons.includes('Select Interpreter'), !!vscode.extensions.getExtension('ms-python.python'));
        note(`    hint: ${hint}`);
      } finally {
        warnings.restore();
        await vscode.workspace.getConfiguration('djangoDeploy', folder).update('python', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('with several Django projects, the commands that act on one project ask which', async () => {
      const picks = stubWindow('showQuickPick', (items: { label: string; project: { name: string } }[]) => items.find((i) => i.project.name === 'split'));
      try {
        const shown = await vscode.commands.executeCommand<{ name: string }[]>('djangoDeploy.compareServers');
        assert.equal(picks.calls.length, 1, 'Compare WSGI and ASGI asked');
        const [items, options] = picks.calls[0] as [{ label: string; project: { name: string } }[], vscode.QuickPickOptions];
        assert.deepEqual(items.map((i) => i.project.name).sort(), ['split', 'startproject', 'staticsite'], 'only the Django projects, each once');
        assert.match(String(options.title), /Compare WSGI and ASGI/);
        assert.deepEqual(shown.map((p) => p.name), ['split'], 'the view shows the chosen project');
        await waitFor(() => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'WSGI vs ASGI: split')), 10_000, 'the WSGI vs ASGI: split tab');

        for (const command of ['djangoDeploy.runCheckDeploy', 'djangoDeploy.runCollectstatic', 'djangoDeploy.generateNginxConfig', 'djangoDeploy.showChecklist', 'djangoDeploy.copyChecklist']) {
          const before: number = picks.calls.length;
          const answer = stubWindow('showQuickPick', () => undefined); // dismissed: nothing runs
          try {
            const started: string[] = [];
            const listener = vscode.tasks.onDidStartTask((e) => started.push(String(e.execution.task.definition.command)));
            const result = await vscode.commands.executeCommand(command);
            listener.dispose();
            assert.equal(answer.calls.length, 1, `${command} asked`);
            assert.equal(result ?? undefined, undefined, `${command}: nothing done when the list is dismissed`);
            assert.deepEqual(started, [], `${command}: no task`);
          } finally {
            answer.restore();
          }
          assert.equal(picks.calls.length, before);
        }
        // Given a folder (a checklist row, a keybinding), nothing is asked, and that project is used.
        const nginx = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('djangoDeploy.generateNginxConfig', 'split');
        assert.match(nginx?.getText() ?? '', /^# nginx config for mysite\.settings\.production,/, 'the split project’s config, not the first folder’s');
        const project = await vscode.commands.executeCommand<{ name: string } | undefined>('djangoDeploy.showChecklist', 'staticsite');
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.equal(project?.name, 'staticsite');
        assert.equal(picks.calls.length, 1);
      } finally {
        picks.restore();
      }
    });
  });
}
