// The one walker of both shells (server/src/host/walk.ts): the skip policy, its bounds, and the
// trees a hostile repository can hold — links that loop, names that are not UTF-8, a newline or
// a backslash in a name, a FIFO, trees deeper than the bound. The synchronous driver (the CLI)
// and the asynchronous one (the server) give the same listing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathTreatment, walkAsync, walkSync, WALK_LIMITS, type Listing, type WalkOptions } from '../../server/src/host/walk';
import { isIgnoredPath } from '../../server/src/engine/project/layout';

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'django-deploy-walk-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const project: WalkOptions = { maxEntries: WALK_LIMITS.projectEntries, maxDepth: WALK_LIMITS.projectDepth };
const rel = (root: string, paths: string[]) => paths.map((p) => p.slice(root.length + 1)).filter(Boolean).sort();

async function both(root: string, options = project): Promise<Listing> {
  const sync = walkSync(root, options);
  const async = await walkAsync(root, options);
  assert.deepEqual({ ...async, files: [...async.files].sort(), directories: [...async.directories].sort() }, { ...sync, files: [...sync.files].sort(), directories: [...sync.directories].sort() }, 'the CLI and the server list the same');
  return sync;
}

test('the skip policy: dependencies and caches known but not entered, build output listed for folders only, a virtualenv of any name skipped', async () => {
  const { dir, done } = scratch();
  try {
    for (const d of ['app/templates', 'node_modules/pkg/dist', '.git/objects', 'frontend/build/static/css', 'myenv/lib/python3.11/site-packages/django', '__pycache__']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'app/templates/a.html'), '');
    writeFileSync(join(dir, 'app/views.py'), '');
    writeFileSync(join(dir, 'node_modules/pkg/index.js'), '');
    writeFileSync(join(dir, 'frontend/build/static/css/site.css'), '');
    writeFileSync(join(dir, 'myenv/pyvenv.cfg'), 'home = /usr/bin\n');
    writeFileSync(join(dir, 'myenv/lib/python3.11/site-packages/django/__init__.py'), '');
    const listing = await both(dir);
    assert.deepEqual(rel(dir, listing.files), ['app/templates/a.html', 'app/views.py']);
    assert.deepEqual(rel(dir, listing.directories), ['.git', '__pycache__', 'app', 'app/templates', 'frontend', 'frontend/build', 'frontend/build/static', 'frontend/build/static/css', 'myenv', 'node_modules']);
    assert.equal(listing.complete, true);
    assert.equal(pathTreatment(dir, join(dir, 'app/views.py')), 'walk');
    assert.equal(pathTreatment(dir, join(dir, 'frontend/build/static/css/site.css')), 'list');
    assert.equal(pathTreatment(dir, join(dir, 'build/node_modules/pkg/index.js')), 'skip');
    assert.equal(isIgnoredPath('/frontend/build/static'), true);
    assert.equal(isIgnoredPath('/app/templates'), false);
  } finally {
    done();
  }
});

test('hostile names and links: a loop of links, a link to /, a newline, a backslash, a name that is not UTF-8, a FIFO named settings.py', async () => {
  const { dir, done } = scratch();
  try {
    mkdirSync(join(dir, 'pkg'));
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    symlinkSync('/', join(dir, 'root'));
    symlinkSync(join(dir, 'pkg'), join(dir, 'pkg/self'));
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling.py'));
    mkdirSync(join(dir, 'back\\slash'));
    writeFileSync(join(dir, 'back\\slash/settings.py'), 'DEBUG = True\n');
    writeFileSync(join(dir, 'pkg/new\nline.py'), '');
    mkdirSync(Buffer.concat([Buffer.from(join(dir, 'pkg') + '/'), Buffer.from([0x66, 0xff, 0xfe])]));
    execFileSync('mkfifo', [join(dir, 'pkg/settings.py')]);
    execFileSync('mkfifo', [join(dir, 'pkg/pipe.css')]);
    const listing = await both(dir);
    assert.deepEqual(rel(dir, listing.files), ['back\\slash/settings.py', 'pkg/new\nline.py', 'pkg/settings.py']);
    // Links to folders exist but are not entered; the loop and the dangling link are left out.
    assert.deepEqual(rel(dir, listing.directories), ['back\\slash', 'pkg', 'pkg/self', 'root']);
    assert.deepEqual(listing.notes, ['left out 1 entry whose name is not valid UTF-8']);
  } finally {
    done();
  }
});

test('bounds: entries and depth stop the walk and say so; breadth first keeps the top of the tree', async () => {
  const { dir, done } = scratch();
  try {
    let deep = dir;
    for (let i = 0; i < 60; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(dir, 'settings.py'), '');
    const depth = await both(dir);
    assert.equal(depth.complete, false);
    assert.equal(depth.directories.length, WALK_LIMITS.projectDepth + 2, "the root, the folders entered, and the first folder not entered");
    assert.deepEqual(depth.notes, [`did not enter 1 folder more than ${WALK_LIMITS.projectDepth} levels below ${dir}`]);

    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `f${i}.txt`), '');
    const capped = await both(dir, { maxEntries: 20, maxDepth: 10 });
    assert.equal(capped.complete, false);
    assert.equal(capped.entries, 21);
    assert.match(capped.notes[0], /^listed only the first 20 entries of /);
  } finally {
    done();
  }
});

test('a folder of more entries than one folder may hold: its folders and modules first, the rest of the tree still listed, the folder named as incomplete', async () => {
  const { dir, done } = scratch();
  try {
    mkdirSync(join(dir, 'uploads'));
    for (let i = 0; i < WALK_LIMITS.folderEntries + 500; i++) writeFileSync(join(dir, `uploads/${i}.jpg`), '');
    writeFileSync(join(dir, 'uploads/zz_settings.py'), '');
    mkdirSync(join(dir, 'uploads/zz_package'));
    mkdirSync(join(dir, 'shop'));
    writeFileSync(join(dir, 'shop/settings.py'), '');
    const listing = await both(dir);
    assert.ok(listing.files.includes(join(dir, 'shop/settings.py')), 'the folder queued after the crowded one is listed');
    assert.ok(listing.files.includes(join(dir, 'uploads/zz_settings.py')), 'modules come first');
    assert.ok(listing.directories.includes(join(dir, 'uploads/zz_package')), 'folders come first');
    assert.equal(listing.files.filter((f) => f.startsWith(join(dir, 'uploads/'))).length, WALK_LIMITS.folderEntries - 1);
    assert.deepEqual(listing.incomplete, [join(dir, 'uploads')]);
    assert.match(listing.notes[0], /^listed part of 1 folder holding more than 20,000 entries: .*uploads \(20,502 entries\)$/);
  } finally {
    done();
  }
});

test('an unreadable folder makes the listing incomplete and is named', { skip: process.getuid?.() === 0 ? 'root reads every folder' : false }, async () => {
  const { dir, done } = scratch();
  try {
    mkdirSync(join(dir, 'locked'));
    execFileSync('chmod', ['000', join(dir, 'locked')]);
    const listing = await both(dir);
    assert.equal(listing.complete, false);
    assert.match(listing.notes[0], /could not list 1 folder: .*locked \(EACCES\)/);
  } finally {
    execFileSync('chmod', ['755', join(dir, 'locked')]);
    done();
  }
});
