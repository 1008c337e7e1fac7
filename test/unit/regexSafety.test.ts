// Every regular expression literal in the server and the client is checked by recheck (a ReDoS
// analyser: it proves a pattern linear, or finds an input on which backtracking is polynomial or
// exponential). Patterns run on file text and settings values a repository controls, so none may
// backtrack more than linearly. Patterns built at run time (`new RegExp`) are listed below with
// why each is linear, so a new one fails this test until someone looks at it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { check } from 'recheck';

const ROOT = join(__dirname, '../../..');

/** `new RegExp(...)` sites, by file, and why each is linear. */
const BUILT_AT_RUN_TIME: Record<string, string> = {
  'server/src/engine/deploy/shell.ts': 'HIDDEN.source with the g flag: a character class',
  'server/src/engine/project/project.ts': '^class\\s+NAME\\s*\\(([^)]{0,500})\\)\\s*: with NAME an identifier: bounded, no neighbouring runs of one class',
  'server/src/engine/rules/settingsFixes.ts': 'one quote character, escaped',
  'server/src/engine/rules/staticfiles.ts': '(["\'])[^"\'\\n]*SEGMENT/?\\1: each start scans to the next quote at most',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

interface Literal {
  where: string;
  source: string;
  flags: string;
}

function literals(): { found: Literal[]; built: Set<string> } {
  const found: Literal[] = [];
  const built = new Set<string>();
  for (const file of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))]) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const name = relative(ROOT, file);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const slash = literal.lastIndexOf('/');
        found.push({ where: `${name}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      } else if (ts.isNewExpression(node) && node.expression.getText(sf) === 'RegExp') {
        built.add(name);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, built };
}

test('no regular expression of the server or the client backtracks more than linearly', { timeout: 600_000 }, async () => {
  const { found, built } = literals();
  assert.ok(found.length > 150, `found ${found.length} literals: the scan works`);
  const unsafe: string[] = [];
  // A few at a time: the analyser runs in a worker or an agent process.
  for (let i = 0; i < found.length; i += 8) {
    const batch = found.slice(i, i + 8);
    const results = await Promise.all(batch.map((l) => check(l.source, l.flags.replace(/[gy]/g, ''), { timeout: 10_000 })));
    results.forEach((r, j) => {
      if (r.status === 'safe') return;
      const attack = r.status === 'vulnerable' ? ` (${r.complexity.type}; attack ${JSON.stringify(r.attack.pattern)})` : ` (${r.status}${r.status === 'unknown' ? `: ${r.error.kind}` : ''})`;
      unsafe.push(`${batch[j].where} /${batch[j].source}/${batch[j].flags}${attack}`);
    });
  }
  assert.deepEqual(unsafe, []);
  assert.deepEqual([...built].sort(), Object.keys(BUILT_AT_RUN_TIME).sort(), 'every `new RegExp` site is listed with why it is linear');
});
