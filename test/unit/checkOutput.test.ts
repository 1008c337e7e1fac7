// check --deploy output rewritten for the `$django-check` problem matcher: every message line
// gains the file and line it is about and its section's severity, and the matcher's own regular
// expression (read from package.json) parses the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkOutputRewriter, interpreterProblem } from '../../client/src/checkOutput';

// Django 3.2's output for the split fixture (manage.py check --deploy --settings mysite.settings.production), plus an error section.
const OUTPUT = `System check identified some issues:

ERRORS:
blog.Post: (models.E004) 'id' can only be used as a field name if the field also sets 'primary_key=True'.

WARNINGS:
?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting. If your entire site is served only over SSL, you may want to consider setting a value.
?: (security.W009) Your SECRET_KEY has less than 50 characters.
	HINT: Generate a long and random SECRET_KEY.

System check identified 3 issues (0 silenced).`;

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'django-check');
const pattern = new RegExp(matcher.pattern.regexp);

test('message lines gain file, line and severity; other lines pass through', () => {
  const settings = '/p/mysite/settings/production.py';
  const rewrite = checkOutputRewriter((code) => (code === 'security.W009' ? { file: settings, line: 12 } : undefined), { file: settings, line: 1 });
  const lines = OUTPUT.split('\n').map(rewrite);
  assert.equal(lines[0], 'System check identified some issues:');
  assert.equal(lines[3], `${settings}:1: error: (models.E004) blog.Post: 'id' can only be used as a field name if the field also sets 'primary_key=True'.`);
  assert.equal(lines[6], `${settings}:1: warning: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting. If your entire site is served only over SSL, you may want to consider setting a value.`);
  assert.equal(lines[7], `${settings}:12: warning: (security.W009) Your SECRET_KEY has less than 50 characters.`);
  assert.equal(lines[8], '\tHINT: Generate a long and random SECRET_KEY.');
  assert.equal(lines.at(-1), 'System check identified 3 issues (0 silenced).');
});

test("the package.json problem matcher reads every rewritten message and nothing else", () => {
  const rewrite = checkOutputRewriter(() => undefined, { file: '/p/settings.py', line: 1 });
  const matched = OUTPUT.split('\n').map(rewrite).map((l) => pattern.exec(l)).filter((m) => m !== null);
  assert.deepEqual(matched.map((m) => [m[matcher.pattern.file], m[matcher.pattern.line], m[matcher.pattern.severity], m[matcher.pattern.code]]), [
    ['/p/settings.py', '1', 'error', 'models.E004'],
    ['/p/settings.py', '1', 'warning', 'security.W004'],
    ['/p/settings.py', '1', 'warning', 'security.W009'],
  ]);
  assert.equal(matcher.fileLocation[0], 'absolute');
});

test('a failed run blames the interpreter when Python is missing or Django cannot be imported', () => {
  // startproject's manage.py under a Python without Django (the ImportError it raises, chained).
  const noDjango = `Traceback (most recent call last):
  File "/p/manage.py", line 11, in main
    from django.core.management import execute_from_command_line
ModuleNotFoundError: No module named 'django'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
ImportError: Couldn't import Django. Are you sure it's installed and available on your PYTHONPATH environment variable? Did you forget to activate a virtual environment?`;
  assert.equal(interpreterProblem(1, noDjango), 'Django is not installed for this interpreter');
  assert.equal(interpreterProblem(1, "ModuleNotFoundError: No module named 'django'"), 'Django is not installed for this interpreter');
  assert.equal(interpreterProblem(1, "ModuleNotFoundError: No module named 'environ'"), 'the module environ is not installed for this interpreter');
  assert.equal(interpreterProblem(undefined, '', 'ENOENT'), 'no such file or directory', 'djangoDeploy.python names no file');
  assert.equal(interpreterProblem(undefined, '', 'EACCES'), 'the file is not executable');
  assert.equal(interpreterProblem(127, 'bash: python3: command not found'), 'the interpreter was not found');
  assert.equal(interpreterProblem(127, 'sh: 1: python3.12: not found\n'), 'the interpreter was not found');
  assert.equal(interpreterProblem(1, "/usr/bin/env: 'python3': No such file or directory"), 'the interpreter was not found');
  assert.equal(interpreterProblem(126, '/p/.venv/bin/python: bad interpreter: No such file or directory'), 'the interpreter points to a Python that no longer exists');
});

test('other failures, and successes, do not blame the interpreter', () => {
  assert.equal(interpreterProblem(0, "ModuleNotFoundError: No module named 'django'"), undefined, 'exit 0 is never a problem');
  assert.equal(interpreterProblem(1, OUTPUT), undefined, 'check --deploy with errors');
  assert.equal(interpreterProblem(1, "/usr/bin/python3: can't open file '/p/manage.py': [Errno 2] No such file or directory"), undefined, 'manage.py is missing, not Python');
  assert.equal(interpreterProblem(1, "django.core.exceptions.ImproperlyConfigured: The STATIC_ROOT setting must not be empty"), undefined);
  assert.equal(interpreterProblem(1, "CommandError: Template not found"), undefined);
});
