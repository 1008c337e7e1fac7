// safeWrite.replaceFile on real files in a scratch folder: a file is replaced with its mode and
// owner, or left byte for byte as it was, with the reason, and no temporary file stays behind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileIdentity, replaceFile } from '../../server/src/safeWrite';

// The modules themselves (the bundle's `import * as` copies are read-only): patched to step in mid-write.
const nodeFs = require('node:fs') as typeof import('node:fs');
const nodeCrypto = require('node:crypto') as typeof import('node:crypto');

const ORIGINAL = "DEBUG = True\r\nSTATIC_URL = 'static'\r\n";
const FIXED = "DEBUG = True\r\nSTATIC_URL = 'static/'\r\n";
const AS_ROOT = process.getuid?.() === 0 ? false : 'needs root (chown, seteuid)';
const OTHER_ID = 12345;

function scratch(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'django-deploy-safewrite-'));
  const file = join(dir, 'settings.py');
  writeFileSync(file, ORIGINAL);
  return { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const temporaries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** Replaces `object[name]` for the duration of `body`. */
function patched<T extends object, K extends keyof T>(object: T, name: K, replacement: T[K], body: () => void): void {
  const original = object[name];
  object[name] = replacement;
  try {
    body();
  } finally {
    object[name] = original;
  }
}

describe('replaceFile', () => {
  test('replaces the file: new bytes, same mode, a new inode, nothing left over', () => {
    const { dir, file, cleanup } = scratch();
    try {
      chmodSync(file, 0o640);
      const before = statSync(file);
      assert.deepEqual(replaceFile(file, ORIGINAL, FIXED), { ok: true });
      assert.equal(readFileSync(file, 'utf8'), FIXED);
      const after = statSync(file);
      assert.equal((after.mode & 0o7777).toString(8), '640');
      assert.equal(after.uid, before.uid);
      assert.equal(after.gid, before.gid);
      assert.notEqual(after.ino, before.ino, 'a rename, not an in-place write');
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('the expected original may be bytes, a string or an identity', () => {
    const { file, cleanup } = scratch();
    try {
      assert.deepEqual(replaceFile(file, Buffer.from(ORIGINAL), FIXED), { ok: true });
      assert.deepEqual(replaceFile(file, fileIdentity(file), Buffer.from(ORIGINAL)), { ok: true });
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      const bom = '\ufeff' + ORIGINAL;
      writeFileSync(file, bom);
      assert.deepEqual(replaceFile(file, bom, '\ufeff' + FIXED), { ok: true });
      assert.deepEqual(readFileSync(file).subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]), 'the byte-order mark is what the caller writes');
    } finally {
      cleanup();
    }
  });

  test('a file that is not what the fix was computed from is left unchanged', () => {
    const { dir, file, cleanup } = scratch();
    try {
      const identity = fileIdentity(file);
      // The user saved an edit after the file was read.
      const edited = ORIGINAL + 'SECRET_KEY = "edited while the fix was computed"\r\n';
      writeFileSync(file, edited);
      for (const expected of [ORIGINAL, Buffer.from(ORIGINAL), identity, { ...identity, size: Buffer.byteLength(edited) }]) {
        const result = replaceFile(file, expected, FIXED);
        assert.equal(result.ok, false);
        assert.match(!result.ok ? result.reason : '', /changed on disk since it was read/);
        assert.equal(readFileSync(file, 'utf8'), edited);
      }
      // Same size, different bytes: only the comparison of the bytes or hash sees it.
      writeFileSync(file, ORIGINAL.replace('True', 'Fals'));
      assert.equal(replaceFile(file, ORIGINAL, FIXED).ok, false);
      const sameSize = fileIdentity(file);
      assert.equal(replaceFile(file, { ...sameSize, hash: identity.hash }, FIXED).ok, false);
      // A touch (same bytes, another mtime) is a change for an identity.
      writeFileSync(file, ORIGINAL);
      const touched = fileIdentity(file);
      assert.equal(replaceFile(file, { ...touched, mtimeMs: touched.mtimeMs - 1000 }, FIXED).ok, false);
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('an edit saved while the new file is being written wins: checked again right before the rename', () => {
    const { dir, file, cleanup } = scratch();
    try {
      const edit = ORIGINAL + 'ALLOWED_HOSTS = ["example.com"]\r\n';
      const fsync = nodeFs.fsyncSync;
      let saved = false;
      patched(nodeFs, 'fsyncSync', (fd: number) => {
        if (!saved) {
          saved = true;
          writeFileSync(file, edit); // the editor saves in place
        }
        fsync(fd);
      }, () => {
        const result = replaceFile(file, ORIGINAL, FIXED);
        assert.equal(result.ok, false);
        assert.match(!result.ok ? result.reason : '', /changed on disk/);
      });
      assert.ok(saved, 'the temporary file was fsync\'ed');
      assert.equal(readFileSync(file, 'utf8'), edit);
      assert.deepEqual(temporaries(dir), []);

      // An editor that saves by renaming its own temporary file: another inode, same check.
      writeFileSync(file, ORIGINAL);
      saved = false;
      patched(nodeFs, 'fsyncSync', (fd: number) => {
        if (!saved) {
          saved = true;
          writeFileSync(join(dir, 'editor.swp'), ORIGINAL);
          nodeFs.renameSync(join(dir, 'editor.swp'), file);
        }
        fsync(fd);
      }, () => assert.equal(replaceFile(file, ORIGINAL, FIXED).ok, false));
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('the temporary file has an unpredictable name and is created exclusively', () => {
    const { dir, file, cleanup } = scratch();
    try {
      const opened: { name: string; flags: unknown; mode: unknown }[] = [];
      const open = nodeFs.openSync;
      patched(nodeFs, 'openSync', ((name: string, flags: unknown, mode: unknown) => {
        if (String(name).endsWith('.tmp')) opened.push({ name: String(name), flags, mode });
        return open(name, flags as string, mode as number);
      }) as typeof nodeFs.openSync, () => {
        assert.deepEqual(replaceFile(file, ORIGINAL, FIXED), { ok: true });
        assert.deepEqual(replaceFile(file, FIXED, ORIGINAL), { ok: true });
      });
      assert.equal(opened.length, 2);
      for (const o of opened) {
        assert.match(o.name.slice(dir.length + 1), /^\.settings\.py\.[0-9a-f]{16}\.django-deploy\.tmp$/);
        assert.equal(o.flags, 'wx', 'O_CREAT|O_EXCL');
        assert.equal(o.mode, 0o600, 'private until it has its owner and mode');
      }
      assert.notEqual(opened[0].name, opened[1].name);
    } finally {
      cleanup();
    }
  });

  test('a symlink planted at a temporary name is never written through', () => {
    const { dir, file, cleanup } = scratch();
    try {
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious\n');
      chmodSync(victim, 0o600);
      // The name the old writer used, and the very name the next random draw gives.
      const predictable = join(dir, `.settings.py.django-deploy-${process.pid}.tmp`);
      symlinkSync(victim, predictable);
      const drawn = Buffer.from('00112233aabbccdd', 'hex');
      const planted = join(dir, `.settings.py.${drawn.toString('hex')}.django-deploy.tmp`);
      symlinkSync(victim, planted);
      const randomBytes = nodeCrypto.randomBytes;
      let draws = 0;
      patched(nodeCrypto, 'randomBytes', ((size: number) => (draws++ === 0 ? Buffer.from(drawn) : randomBytes(size))) as typeof nodeCrypto.randomBytes, () => {
        assert.deepEqual(replaceFile(file, ORIGINAL, FIXED), { ok: true });
      });
      assert.equal(draws, 2, 'the taken name was refused (EEXIST) and another drawn');
      assert.equal(readFileSync(file, 'utf8'), FIXED);
      assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
      assert.equal((statSync(victim).mode & 0o777).toString(8), '600');
      for (const link of [predictable, planted]) {
        assert.ok(lstatSync(link).isSymbolicLink());
        assert.equal(readlinkSync(link), victim);
      }
      assert.deepEqual(temporaries(dir).sort(), [predictable, planted].map((p) => p.slice(dir.length + 1)).sort(), 'only the planted links');
    } finally {
      cleanup();
    }
  });

  test('a symlink is not written through: refused, naming the file it points to', () => {
    const { dir, file, cleanup } = scratch();
    try {
      mkdirSync(join(dir, 'real'));
      const real = join(dir, 'real', 'settings.py');
      nodeFs.renameSync(file, real);
      symlinkSync('real/settings.py', file);
      const result = replaceFile(file, ORIGINAL, FIXED);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.reason, `it is a symbolic link to ${real}; links are not written through, so it is left unchanged: fix ${real} itself`);
      assert.ok(lstatSync(file).isSymbolicLink());
      assert.equal(readFileSync(real, 'utf8'), ORIGINAL);
      assert.deepEqual(temporaries(dir), []);
      // The real file itself can be fixed.
      assert.deepEqual(replaceFile(real, ORIGINAL, FIXED), { ok: true });
      assert.equal(readFileSync(file, 'utf8'), FIXED);
    } finally {
      cleanup();
    }
  });

  test('a symlinked folder above the file is followed: the file is replaced in its real folder', () => {
    const { dir, file, cleanup } = scratch();
    try {
      symlinkSync(dir, join(dir, 'alias'));
      assert.deepEqual(replaceFile(join(dir, 'alias', 'settings.py'), ORIGINAL, FIXED), { ok: true });
      assert.equal(readFileSync(file, 'utf8'), FIXED);
      assert.ok(lstatSync(join(dir, 'alias')).isSymbolicLink());
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('a folder, a missing file and a missing folder are refused', () => {
    const { dir, cleanup } = scratch();
    try {
      mkdirSync(join(dir, 'settings'));
      assert.deepEqual(replaceFile(join(dir, 'settings'), '', FIXED), { ok: false, reason: 'not a regular file' });
      assert.deepEqual(replaceFile(join(dir, 'gone.py'), ORIGINAL, FIXED), { ok: false, reason: 'no such file or directory' });
      assert.deepEqual(replaceFile(join(dir, 'nowhere', 'gone.py'), ORIGINAL, FIXED), { ok: false, reason: 'cannot open its folder: no such file or directory' });
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('a read-only file is reported, not rewritten (even for root)', () => {
    const { dir, file, cleanup } = scratch();
    try {
      chmodSync(file, 0o444);
      const result = replaceFile(file, ORIGINAL, FIXED);
      assert.deepEqual(result, { ok: false, reason: 'it is read-only, so it is left unchanged: make it writable first' });
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      assert.equal((statSync(file).mode & 0o777).toString(8), '444');
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('a hard-linked file is refused: every name keeps the same text', () => {
    const { dir, file, cleanup } = scratch();
    try {
      const other = join(dir, 'settings_copy.py');
      linkSync(file, other);
      const result = replaceFile(file, ORIGINAL, FIXED);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.reason : '', /^it has 2 hard links; replacing it would leave the other name with the old text/);
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      assert.equal(statSync(file).ino, statSync(other).ino, 'still one file');
      assert.equal(statSync(file).nlink, 2);
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('owner and group are kept (root writing a file of another user)', { skip: AS_ROOT }, () => {
    const { dir, file, cleanup } = scratch();
    try {
      chownSync(file, OTHER_ID, OTHER_ID);
      chmodSync(file, 0o640);
      assert.deepEqual(replaceFile(file, ORIGINAL, FIXED), { ok: true });
      const after = statSync(file);
      assert.equal(after.uid, OTHER_ID);
      assert.equal(after.gid, OTHER_ID);
      assert.equal((after.mode & 0o7777).toString(8), '640');
      assert.equal(readFileSync(file, 'utf8'), FIXED);
    } finally {
      cleanup();
    }
  });

  test('a user who may not chown does not take the file over: refused', { skip: AS_ROOT }, () => {
    const { dir, file, cleanup } = scratch();
    try {
      chmodSync(dir, 0o777);
      chmodSync(file, 0o666); // root's file, writable by everyone
      const asOtherUser = (body: () => void) => {
        // Effective ids only (access(2) still answers for root): the read-only case for
        // another user is in test/cli/fixSafety.test.ts, with a process of that user.
        process.setegid!(OTHER_ID);
        process.seteuid!(OTHER_ID);
        try {
          body();
        } finally {
          process.seteuid!(0);
          process.setegid!(0);
        }
      };
      let result: ReturnType<typeof replaceFile> = { ok: true };
      asOtherUser(() => (result = replaceFile(file, ORIGINAL, FIXED)));
      assert.deepEqual(result, { ok: false, reason: `it belongs to user 0 and the rewritten file would belong to user ${OTHER_ID}, so it is left unchanged: run as its owner` });
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      assert.equal(statSync(file).uid, 0);
      assert.deepEqual(temporaries(dir), []);
    } finally {
      cleanup();
    }
  });

  test('a folder where no temporary file can be created: refused with the folder', { skip: AS_ROOT === false ? 'running as root: permissions do not stop writes' : false }, () => {
    const { dir, file, cleanup } = scratch();
    try {
      chmodSync(dir, 0o555);
      const result = replaceFile(file, ORIGINAL, FIXED);
      assert.deepEqual(result, { ok: false, reason: `cannot create a temporary file in ${dir}: permission denied` });
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
    } finally {
      chmodSync(dir, 0o755);
      cleanup();
    }
  });
});
