// Settings analysis in-process, for `npm run bench`: for each settings file given, a fresh
// DjangoProject reads it whole (parse, execute, every rule) — as a server does when a module it
// never parsed is opened — after warm-up runs, and prints the median time and the heap it used.
//   node settingsEngine.js RUNS FILE...   → one JSON line per file

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DjangoProject } from '../../server/src/engine/project/project';

const [runs, ...files] = process.argv.slice(2);
const RUNS = Number(runs) || 5;
const WARMUP = 2;

function analyse(file: string, text: string) {
  const root = path.dirname(path.dirname(file));
  const p = new DjangoProject(root);
  p.setConfig({ djangoVersion: '4.2' });
  p.setFile(path.join(root, 'manage.py'), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
  p.setFile(path.join(root, 'shop/__init__.py'), '');
  p.setFile(file, text);
  return p.findingsFor(file).length;
}

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const times: number[] = [];
  let findings = 0;
  let heap = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    findings = analyse(file, text);
    const ms = performance.now() - t0;
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    if (i >= WARMUP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ file, bytes: text.length, lines: text.split('\n').length, medianMs: times[Math.floor(times.length / 2)], findings, heapMb: heap / 1024 / 1024 }));
}
