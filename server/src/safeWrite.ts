// Replacing a file on disk without losing a byte: what `check --fix` (and later the shared host
// layer) writes with. Plain Node `fs`, nothing from the engine.
//
// The new text goes to a temporary file in the same folder, created exclusively (O_CREAT|O_EXCL,
// which also refuses a symlink planted at that name) under a random name, written, given the
// original's owner and mode, fsync'ed, then renamed over the file. A file is left as it is, with
// the reason, when replacing it could lose something:
//
// - a symbolic link: renaming over it would replace the link, writing through it would change a
//   file elsewhere. The reason names the file it points to, which the user can fix instead.
//   Symlinked *folders* above the file are followed (macOS /tmp, a project reached through a
//   link): the file is replaced in its real folder and stays the same file.
// - not a regular file (a FIFO, a device).
// - more than one hard link: a rename gives this name a new file and leaves the other names with
//   the old text; rewriting in place would keep the links but lose the file on a crash mid-write.
//   Neither is safe, so it is refused.
// - read-only (no owner write bit, or no write access for this process).
// - changed since it was read: its bytes differ from the ones the new text was computed from,
//   checked before the temporary file is made and again right before the rename.
// - owned by someone else than the temporary file would be, when this process may not chown.
//
// What rename cannot keep and is not checked: extended attributes and ACLs. The window between
// the last check and the rename (microseconds) is the one left: Node has no renameat2/exchange.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file as it was read: what `replaceFile` compares the file on disk with. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
  dev: number;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

/**
 * What the new text was computed from: the bytes (a string is its UTF-8 bytes), or the identity
 * of the file when it was read. An identity whose size, mtime, inode or device differs counts as
 * changed without reading the file (a `touch` is a change); otherwise the hash decides.
 */
export type ExpectedOriginal = Buffer | string | FileIdentity;

export type ReplaceResult = { ok: true } | { ok: false; reason: string };

/** Unix permission and special bits kept on the new file. */
const MODE_BITS = 0o7777;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const TEMPORARY_SUFFIX = '.django-deploy.tmp';
const TEMPORARY_ATTEMPTS = 5;

/** The identity of a file as it is now (for a later `replaceFile`). Throws Node's I/O errors. */
export function fileIdentity(file: string): FileIdentity {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
  try {
    const stat = fs.fstatSync(fd);
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, dev: stat.dev, hash: sha256(readAll(fd, stat.size)) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `newText` if it is still `expectedOriginal`, keeping its mode, owner and
 * group; or leaves it untouched and says why. Never throws for I/O: every failure is a reason.
 */
export function replaceFile(file: string, expectedOriginal: ExpectedOriginal, newText: Buffer | string): ReplaceResult {
  let folder: string;
  try {
    folder = fs.realpathSync(path.dirname(path.resolve(file)));
  } catch (error) {
    return refused(`cannot open its folder: ${describe(error)}`);
  }
  const target = path.join(folder, path.basename(file));

  const before = inspect(target, expectedOriginal);
  if (!before.ok) return before;
  const original = before.stat;

  const created = createTemporary(folder, path.basename(target));
  if (!created.ok) return created;
  const { temporary, fd } = created;
  let closed = false;
  try {
    const bytes = typeof newText === 'string' ? Buffer.from(newText, 'utf8') : newText;
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    const owner = keepOwner(fd, original);
    if (!owner.ok) return discard(temporary, fd, owner);
    // After chown, which clears set-user-ID and set-group-ID bits.
    fs.fchmodSync(fd, original.mode & MODE_BITS);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    closed = true;

    const now = inspect(target, expectedOriginal, original);
    if (!now.ok) return discard(temporary, undefined, now);
    fs.renameSync(temporary, target);
  } catch (error) {
    return discard(temporary, closed ? undefined : fd, refused(describe(error)));
  }
  syncFolder(folder);
  return { ok: true };
}

type Inspection = { ok: true; stat: fs.Stats } | { ok: false; reason: string };

/**
 * Whether `target` may be replaced: a regular file with one link, writable, still holding the
 * expected bytes. With `original` (the second look, right before the rename), it must also be
 * the same file with the same mode and owner.
 */
function inspect(target: string, expected: ExpectedOriginal, original?: fs.Stats): Inspection {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    return refused(describe(error));
  }
  if (stat.isSymbolicLink()) return refused(symlinkReason(target));
  if (!stat.isFile()) return refused('not a regular file');
  if (stat.nlink > 1) {
    return refused(`it has ${stat.nlink} hard links; replacing it would leave the other ${stat.nlink === 2 ? 'name' : 'names'} with the old text, so it is left unchanged: apply the fix by hand`);
  }
  if (original && (stat.ino !== original.ino || stat.dev !== original.dev || stat.mode !== original.mode || stat.uid !== original.uid || stat.gid !== original.gid)) {
    return refused(CHANGED);
  }
  if ((stat.mode & 0o200) === 0 || !writable(target)) return refused('it is read-only, so it is left unchanged: make it writable first');

  let fd: number;
  try {
    fd = fs.openSync(target, fs.constants.O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    return refused(`cannot read it: ${describe(error)}`);
  }
  try {
    const opened = fs.fstatSync(fd);
    // Replaced between the lstat and the open (an editor saving with its own rename).
    if (opened.ino !== stat.ino || opened.dev !== stat.dev) return refused(CHANGED);
    if (!matches(fd, opened, expected)) return refused(CHANGED);
  } catch (error) {
    return refused(`cannot read it: ${describe(error)}`);
  } finally {
    fs.closeSync(fd);
  }
  return { ok: true, stat };
}

const CHANGED = 'it changed on disk since it was read, so it is left unchanged: run the check again';

/** Whether the open file holds what the new text was computed from (size first, then bytes). */
function matches(fd: number, stat: fs.Stats, expected: ExpectedOriginal): boolean {
  if (typeof expected === 'string' || Buffer.isBuffer(expected)) {
    const bytes = typeof expected === 'string' ? Buffer.from(expected, 'utf8') : expected;
    if (stat.size !== bytes.length) return false;
    return readAll(fd, stat.size).equals(bytes);
  }
  if (stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs || stat.ino !== expected.ino || stat.dev !== expected.dev) return false;
  return sha256(readAll(fd, stat.size)) === expected.hash;
}

/** The file's bytes, read from the start; one byte more than `size` shows a file still growing. */
function readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - total, 0) + 1);
    const n = fs.readSync(fd, chunk, 0, chunk.length, total);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function symlinkReason(link: string): string {
  let pointsTo: string;
  try {
    pointsTo = fs.realpathSync(link);
  } catch {
    try {
      pointsTo = path.resolve(path.dirname(link), fs.readlinkSync(link));
    } catch {
      pointsTo = 'another file';
    }
  }
  return `it is a symbolic link to ${pointsTo}; links are not written through, so it is left unchanged: fix ${pointsTo} itself`;
}

/** `.settings.py.<16 random hex>.django-deploy.tmp` beside the file, created exclusively, private until done. */
function createTemporary(folder: string, name: string): { ok: true; temporary: string; fd: number } | { ok: false; reason: string } {
  // Room for the random part within a 255-byte file name.
  const stem = Buffer.byteLength(name) > 200 ? name.slice(0, 50) : name;
  for (let attempt = 1; ; attempt++) {
    const temporary = path.join(folder, `.${stem}.${crypto.randomBytes(8).toString('hex')}${TEMPORARY_SUFFIX}`);
    try {
      return { ok: true, temporary, fd: fs.openSync(temporary, 'wx', 0o600) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < TEMPORARY_ATTEMPTS) continue;
      return refused(`cannot create a temporary file in ${folder}: ${describe(error)}`);
    }
  }
}

/** Gives the temporary file the original's owner and group, or says why it cannot. */
function keepOwner(fd: number, original: fs.Stats): ReplaceResult {
  if (process.platform === 'win32') return { ok: true };
  const made = fs.fstatSync(fd);
  if (made.uid === original.uid && made.gid === original.gid) return { ok: true };
  try {
    fs.fchownSync(fd, original.uid, original.gid);
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EINVAL') throw error;
    const whose = made.uid === original.uid ? `group ${original.gid}` : `user ${original.uid}`;
    return refused(`it belongs to ${whose} and the rewritten file would belong to ${made.uid === original.uid ? `group ${made.gid}` : `user ${made.uid}`}, so it is left unchanged: run as its owner`);
  }
}

/** Removes the temporary file (best effort) and passes the failure on. */
function discard(temporary: string, fd: number | undefined, failure: { ok: false; reason: string }): ReplaceResult {
  if (fd !== undefined) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
  fs.rmSync(temporary, { force: true });
  return failure;
}

/** Makes the rename itself durable; not every platform can fsync a folder. */
function syncFolder(folder: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows, some network file systems
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function refused(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ?? (error as Error).message ?? String(error);
  }
}
