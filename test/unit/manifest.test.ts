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
const registered = new Set([...clientSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]));
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
