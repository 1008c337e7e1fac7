// Reading a file for the engine, the one way both shells (the CLI and the language server) do it.
// Only regular files are opened, and without blocking (a FIFO or a device named settings.py must
// never stall a read); the size is capped before and while reading; binary files are refused;
// the text is decoded the way Python decodes a source file (a UTF-8 byte order mark, a PEP 263
// coding declaration on one of the first two lines, UTF-8 otherwise). Nothing here throws: a
// file that cannot be read comes back with the reason.

import * as fs from 'node:fs';

/** Files larger than this are not analysed (a settings module never is). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A NUL byte in this many leading bytes marks a file as binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;

export interface SourceText {
  text: string;
  /** The file started with a UTF-8 byte order mark (dropped from `text`, as editors do). */
  bom: boolean;
  /** The encoding it was decoded with, as Python names it. */
  encoding: string;
}

/**
 * `unloadable`: Python could not load it either (NUL bytes, text its encoding cannot decode):
 * Django never runs it, so skipping it hides nothing. Otherwise the refusal is our own limit.
 */
export type ReadResult = ({ ok: true } & SourceText) | { ok: false; reason: string; unloadable?: boolean };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** One reusable read buffer (decoding copies into strings). */
let buffer = Buffer.allocUnsafe(1 << 20);

/** Reads a file as the engine sees it, or says why it cannot. `python`: honour coding declarations. */
export function readSource(path: string, python = path.endsWith('.py')): ReadResult {
  let fd = -1;
  let length = 0;
  try {
    // Before opening: opening a FIFO for reading blocks until a writer comes.
    const before = fs.statSync(path);
    const kind = nonRegularKind(before);
    if (kind) return { ok: false, reason: `not a regular file (${kind})` };
    if (before.size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge() };
    // O_NONBLOCK: should it have been swapped for a FIFO since, the open still returns at once.
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const after = fs.fstatSync(fd);
    const swapped = nonRegularKind(after);
    if (swapped) return { ok: false, reason: `not a regular file (${swapped})` };
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge() };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const wanted = buffer.length - length;
      const n = fs.readSync(fd, buffer, length, wanted, null);
      length += n;
      // A regular file reads short only at its end: no second read to learn that it is over.
      if (n < wanted) break;
    }
    if (length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge() };
  } catch (error) {
    return { ok: false, reason: ioReason(error) };
  } finally {
    if (fd >= 0) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
  return decodeSource(buffer.subarray(0, length), python);
}

/** Bytes → text the way Python reads a source file (or UTF-8 for other files). */
export function decodeSource(bytes: Uint8Array, python: boolean): ReadResult {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)', unloadable: true };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = python && !bom ? codingDeclaration(bytes) : undefined;
  const encoding = declared ? pythonEncodingName(declared) : 'utf-8';
  try {
    if (encoding === 'utf-8') return { ok: true, text: UTF8.decode(bom ? bytes.subarray(3) : bytes), bom, encoding };
    if (encoding === 'iso-8859-1') return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bom, encoding };
    if (encoding === 'ascii') {
      if (bytes.some((b) => b > 0x7f)) return { ok: false, reason: 'not ASCII text, as its coding declaration says', unloadable: true };
      return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bom, encoding };
    }
    if (encoding === 'windows-1252') return decodeWindows1252(bytes, bom);
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), bom, encoding };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: `unknown encoding '${declared}' in its coding declaration`, unloadable: true };
    return { ok: false, reason: declared ? `not ${declared} text, as its coding declaration says` : 'not UTF-8 text (and no coding declaration)', unloadable: true };
  }
}

/**
 * PEP 263: `# -*- coding: latin-1 -*-` (or `# vim: set fileencoding=…`) on line 1, or on line 2
 * when line 1 is a comment or blank. Read from bytes (ASCII), with no regular expression over
 * more than those two lines.
 */
function codingDeclaration(bytes: Uint8Array): string | undefined {
  let start = 0;
  for (let line = 0; line < 2 && start < bytes.length; line++) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d && end - start < 400) end++;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(text);
    if (m) return m[1];
    // Line 2 counts only after a comment-only or blank line 1.
    if (!/^[ \t\f]*(#.*)?$/.test(text)) return undefined;
    start = end;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
  }
  return undefined;
}

/** Python's normalisation of an encoding name (tokenizer.c get_normal_name), then WHATWG labels. */
function pythonEncodingName(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n.startsWith('utf-8-') || n === 'utf8') return 'utf-8';
  if (['latin-1', 'iso-8859-1', 'iso-latin-1', 'latin1', 'l1', 'iso8859-1', '8859', 'cp819', 'latin'].includes(n) || /^(latin-1|iso-8859-1|iso-latin-1)-/.test(n)) return 'iso-8859-1';
  if (n === 'ascii' || n === 'us-ascii' || n === '646') return 'ascii';
  if (/^cp125\d$/.test(n)) return `windows-${n.slice(2)}`;
  return n;
}

/** 0x80–0x9F of cp1252 (Node's TextDecoder decodes windows-1252 as ISO-8859-1); undefined bytes are errors, as in Python. */
const CP1252_HIGH = [0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178];

function decodeWindows1252(bytes: Uint8Array, bom: boolean): ReadResult {
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const part: number[] = [];
    for (const b of bytes.subarray(i, i + 4096)) {
      const c = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
      if (c < 0) return { ok: false, reason: 'not cp1252 text, as its coding declaration says', unloadable: true };
      part.push(c);
    }
    text += String.fromCharCode(...part);
  }
  return { ok: true, text, bom, encoding: 'windows-1252' };
}

function nonRegularKind(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/**
 * Why a text (an open document, not read from disk) is not analysed: the same bounds as a read,
 * or undefined when it is fine.
 */
export function unanalysableReason(text: string): string | undefined {
  // Two bytes per UTF-16 unit at most; a cheap upper bound before measuring exactly.
  if (text.length > MAX_FILE_BYTES || (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES)) return tooLarge();
  if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0')) return 'binary (contains NUL bytes)';
  return undefined;
}

/** A path with forward slashes: Windows separators converted; elsewhere a backslash is a character of a file name, kept. */
export function toPosix(path: string): string {
  return process.platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

function tooLarge(): string {
  return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
}

/** A short reason for an I/O error. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EAGAIN':
      return 'would block (not a regular file)';
    default:
      return code ?? (error as Error).message ?? String(error);
  }
}
