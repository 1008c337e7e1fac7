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

export class ModuleMemo {
  private entries = new Map<string, MemoEntry[]>();
  private derived = new Map<string, Token>();
  private size = 0;

  /** Hits and misses, for the bench and tests. */
  stats = { hits: 0, misses: 0, stale: 0 };

  /** A stored result for `key` whose reads all still give their tokens. */
  find(key: string, current: (read: Read) => Token): MemoEntry | undefined {
    const list = this.entries.get(key);
    if (!list) {
      this.stats.misses++;
      return undefined;
    }
    for (const e of list) {
      if (e.reads.every((r) => current(r) === r.token)) {
        this.stats.hits++;
        return e;
      }
    }
    this.stats.stale++;
    return undefined;
  }

  store(key: string, entry: MemoEntry): void {
    if (this.size >= MAX_ENTRIES) this.clear();
    const list = this.entries.get(key) ?? [];
    list.unshift(entry);
    if (list.length > PER_KEY) list.pop();
    else this.size++;
    this.entries.set(key, list);
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
