// What a module's evaluations gave, kept from one analysis to the next, so that a keystroke costs
// the statements it can change and not the whole module.
//
// Every binding has a token. An evaluation records the tokens of the bindings it read (by name,
// in its module; or a name of another module, through a project function or a module attribute).
// Its result is stored under the statement's text with those reads. When the module runs again,
// a statement with the same text whose reads still give the same tokens gets the stored result
// and the stored token: evaluation is a pure function of the text and what it reads (the
// analysis environment and the file listing are the same for the whole memo; the project clears
// it when either changes). Bindings whose inputs are known when they are created (definitions,
// merges of branches, imports) get a token derived from those inputs, so a dependant's record
// stays valid across runs.

import type { Evaluated } from './scope';

export type Token = number;

let NEXT_TOKEN = 1;
/** A token no earlier evaluation can have seen. */
export function freshToken(): Token {
  return NEXT_TOKEN++;
}

/** A read: a module-level name of the module being run, or a name of another module's scope. */
export type Read = { name: string; token: Token } | { file: string; name: string; token: Token };

export interface MemoEntry {
  reads: Read[];
  evaluated: Evaluated;
  token: Token;
}

/** Where an evaluation is stored: its kind, its source range in a text, and numbers that qualify it (tokens of its parts). */
export interface MemoKey {
  kind: string;
  text: string;
  from: number;
  to: number;
  extra?: readonly number[];
}

interface StoredEntry extends MemoEntry {
  kind: string;
  source: string;
  extra: readonly number[];
  /** The last run that stored or reused it. */
  run: number;
}

/** A 53-bit hash of a key, computed over the text in place (no copy of it). */
function hashKey(key: MemoKey): number {
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 33) ^ c) | 0;
  };
  for (let i = 0; i < key.kind.length; i++) mix(key.kind.charCodeAt(i));
  mix(0);
  for (let i = key.from; i < key.to; i++) mix(key.text.charCodeAt(i));
  for (const n of key.extra ?? []) {
    mix(0xffff);
    mix(n & 0xffff);
    mix(n >>> 16);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

function sameKey(e: StoredEntry, key: MemoKey): boolean {
  if (e.kind !== key.kind || e.source.length !== key.to - key.from || !key.text.startsWith(e.source, key.from)) return false;
  const extra = key.extra ?? [];
  return e.extra.length === extra.length && e.extra.every((n, i) => n === extra[i]);
}

/** The reads of one evaluation. */
export class ReadLog {
  reads: Read[] = [];
  private seen = new Set<string>();
  /** Something was read that cannot be checked again (a class attribute, a file on disk, a bound hit). */
  unmemoizable = false;

  name(name: string, token: Token): void {
    if (this.seen.has(name)) return;
    this.seen.add(name);
    this.reads.push({ name, token });
  }

  global(file: string, name: string, token: Token): void {
    const key = `${file}\0${name}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.reads.push({ file, name, token });
  }
}

/** Entries kept per module at most; past it the memo starts again empty. */
const MAX_ENTRIES = 40_000;
/** Entries kept per statement text (the same text in several places, with different reads). */
const PER_KEY = 4;
/**
 * Runs an entry survives without being used. A stored value holds the run that computed it (its
 * lazy parts read that run's bindings): entries nobody reuses must go, or every keystroke's run
 * stays alive until the memo fills.
 */
const UNUSED_RUNS = 2;

export class ModuleMemo {
  private entries = new Map<number, StoredEntry[]>();
  private derived = new Map<string, Token>();
  private size = 0;
  private run = 0;

  /** Hits and misses, for the bench and tests. */
  stats = { hits: 0, misses: 0, stale: 0 };

  /** A stored result for `key` whose reads all still give their tokens. */
  find(key: MemoKey, current: (read: Read) => Token): MemoEntry | undefined {
    const list = this.entries.get(hashKey(key));
    let sameText = false;
    if (list) {
      for (const e of list) {
        if (!sameKey(e, key)) continue;
        sameText = true;
        if (e.reads.every((r) => current(r) === r.token)) {
          this.stats.hits++;
          e.run = this.run;
          return e;
        }
      }
    }
    if (sameText) this.stats.stale++;
    else this.stats.misses++;
    return undefined;
  }

  store(key: MemoKey, entry: MemoEntry): void {
    if (this.size >= MAX_ENTRIES) this.clear();
    const hash = hashKey(key);
    const list = this.entries.get(hash) ?? [];
    list.unshift({ ...entry, kind: key.kind, source: key.text.slice(key.from, key.to), extra: [...(key.extra ?? [])], run: this.run });
    if (list.length > PER_KEY) list.pop();
    else this.size++;
    this.entries.set(hash, list);
  }

  /**
   * A run of the module starts: entries no run used in the last UNUSED_RUNS are dropped (linear
   * in the entries, like the run itself).
   */
  startRun(): void {
    this.run++;
    if (this.run <= UNUSED_RUNS) return;
    const oldest = this.run - UNUSED_RUNS;
    this.size = 0;
    for (const [hash, list] of this.entries) {
      const kept = list.filter((e) => e.run >= oldest);
      if (kept.length === 0) this.entries.delete(hash);
      else {
        if (kept.length !== list.length) this.entries.set(hash, kept);
        this.size += kept.length;
      }
    }
  }

  /** The same token for the same description of a binding's inputs. */
  derive(description: string): Token {
    let t = this.derived.get(description);
    if (t === undefined) {
      if (this.derived.size >= MAX_ENTRIES) this.derived.clear();
      this.derived.set(description, (t = freshToken()));
    }
    return t;
  }

  clear(): void {
    this.entries.clear();
    this.derived.clear();
    this.size = 0;
  }
}
