// The extension manifest against the client: every command the client registers is contributed
// (with the "Django Deploy" category) and every contributed command is registered; Workspace
// Trust and virtual workspaces are declared; the Python-running commands need trust; the task
// type and problem matcher the tasks use exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const clientSource = readdirSync('client/src').map((f) => readFileSync(join('client/src', f), 'utf8')).join('\n');
// extension.ts registers commands that act on one project through its onProject('id', …) helper.
const registered = new Set([...clientSource.matchAll(/(?:registerCommand|onProject)\('([^']+)'/g)].map((m) => m[1]));
const contributed: { command: string; title: string; category?: string; enablement?: string }[] = manifest.contributes.commands;

test('contributed commands and registered commands are the same set, all in the Django Deploy category', () => {
  assert.deepEqual(new Set(contributed.map((c) => c.command)), registered);
  for (const c of contributed) assert.equal(c.category, 'Django Deploy', c.command);
  for (const id of ['djangoDeploy.showChecklist', 'djangoDeploy.compareServers', 'djangoDeploy.runCheckDeploy', 'djangoDeploy.runCollectstatic', 'djangoDeploy.generateNginxConfig']) assert.ok(registered.has(id), id);
});

test('Workspace Trust and virtual workspaces are declared; commands that run Python need trust', () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  // Settings that run a program or change what is read from disk: a cloned repository's .vscode/settings.json must not set them.
  for (const key of ['djangoDeploy.python', 'djangoDeploy.templates.extraGlobs', 'djangoDeploy.productionSettings']) assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  for (const id of ['djangoDeploy.runCheckDeploy', 'djangoDeploy.runCollectstatic']) assert.equal(contributed.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
});

test('the task type and the $django-check problem matcher the tasks use are contributed', () => {
  const taskType = /TASK_TYPE = '([^']+)'/.exec(clientSource)?.[1];
  assert.ok(manifest.contributes.taskDefinitions.some((d: { type: string }) => d.type === taskType));
  assert.ok(clientSource.includes("'$django-check'"));
  assert.ok(manifest.contributes.problemMatchers.some((m: { name: string }) => m.name === 'django-check'));
});

test('the Deployment Checklist view: in the Explorer, created by the client, with its title and row actions', () => {
  const views: { id: string; name: string; when?: string }[] = manifest.contributes.views.explorer;
  const view = views.find((v) => v.id === 'djangoDeploy.checklist');
  assert.ok(view, 'contributed to the Explorer');
  assert.equal(view.name, 'Deployment Checklist');
  assert.match(clientSource, /CHECKLIST_VIEW = 'djangoDeploy\.checklist'/, 'the client creates the tree view with this id');
  // The context key the `when` clause reads is the one the client sets.
  const key = /HAS_PROJECT_CONTEXT = '([^']+)'/.exec(clientSource)?.[1];
  assert.equal(view.when, key);
  assert.ok(manifest.contributes.viewsWelcome.some((w: { view: string }) => w.view === view.id), 'a message when there is no project');
  const menus = manifest.contributes.menus;
  const titleCommands = menus['view/title'].filter((m: { when: string }) => m.when === `view == ${view.id}`).map((m: { command: string }) => m.command);
  assert.deepEqual(titleCommands, ['djangoDeploy.refreshChecklist', 'djangoDeploy.copyChecklist']);
  const inline = menus['view/item/context'].filter((m: { group: string }) => m.group === 'inline');
  assert.ok(inline.some((m: { command: string; when: string }) => m.command === 'djangoDeploy.openChecklistDoc' && m.when.includes('viewItem =~ /\\bdoc\\b/')), 'rows with a doc URL get the docs action');
  assert.match(clientSource, /docUrl\(item\) \? 'doc' : ''/, 'the client marks rows that have a doc URL with the word the menu reads');
  // Every command a menu names is contributed, and every command in a view menu has an icon.
  const contributedIds = new Set(contributed.map((c) => c.command));
  for (const [where, entries] of Object.entries(menus) as [string, { command: string }[]][]) {
    for (const entry of entries) {
      assert.ok(contributedIds.has(entry.command), `${where}: ${entry.command}`);
      if (where.startsWith('view/')) assert.ok((contributed.find((c) => c.command === entry.command) as { icon?: string }).icon, `${entry.command} has an icon`);
    }
  }
});
