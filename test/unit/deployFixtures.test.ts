// Deployment facts, checklist, comparison and nginx config on every fixture project and the
// bundled example, read from disk as the CLI reads them: nothing throws, every place lies inside
// its file, every item says something, and each command line names the project's module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';
import { projectFacts } from '../../server/src/engine/deploy/facts';
import { deploymentChecklist } from '../../server/src/engine/deploy/checklist';
import { compareServers } from '../../server/src/engine/deploy/comparison';
import { nginxConfig } from '../../server/src/engine/deploy/nginx';

function load(root: string): DjangoProject {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(root);
  const p = new DjangoProject(root, { readFile: (f) => (/\.(png|jpe?g|gif|ico|woff2?)$/.test(f) ? undefined : readFileSync(f, 'utf8')) });
  p.addKnownFiles(files);
  p.addDirectories([root]);
  return p;
}

const roots = [...readdirSync('test/fixtures').filter((n) => statSync(join('test/fixtures', n)).isDirectory()).map((n) => resolve('test/fixtures', n)), resolve('examples/mysite')];

for (const root of roots) {
  test(`deployment views of ${root.split('/').slice(-2).join('/')}`, () => {
    const p = load(root);
    const facts = projectFacts(p);
    const items = deploymentChecklist(p.allFindings({ checklist: true }), facts, undefined);
    // Django's whole deployment checklist (the rows production.ts and knowledge.ts added: caches, databases, e-mail, media, sessions, connections, cached templates, logging, error e-mails, error pages).
    assert.equal(items.length, 23);
    for (const item of items) {
      assert.ok(item.detail.trim() && !item.detail.includes('\n'), `${item.id}: one line`);
      for (const place of item.places) {
        const text = p.text(place.file) ?? '';
        assert.ok(place.start >= 0 && place.end >= place.start && place.end <= text.length, `${item.id}: a place inside ${place.file}`);
      }
    }
    const comparison = compareServers(facts, root);
    for (const s of comparison.servers) {
      const module = s.interface === 'wsgi' ? facts.wsgi!.module : facts.asgi!.module;
      assert.ok(s.line.includes(`${module}:application`) || s.line.includes(s.interface === 'wsgi' ? facts.wsgi!.path : facts.asgi!.path), s.line);
    }
    assert.ok(comparison.recommendation.reasons.length > 0);
    const conf = nginxConfig({ settingsModule: facts.settings?.module ?? '', staticUrl: facts.staticUrl, staticRoot: facts.staticRoot, mediaUrl: facts.mediaUrl, mediaRoot: facts.mediaRoot, allowedHosts: facts.allowedHosts, upstream: '127.0.0.1:8000' });
    assert.equal((conf.match(/\{/g) ?? []).length, (conf.match(/\}/g) ?? []).length, 'balanced braces');
  });
}
