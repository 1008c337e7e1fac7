// Every bound on reading one settings module, in one place. Whatever a file contains, reading it
// costs at most these many steps and this much memory: past a bound the value at hand becomes
// `unknown` with the reason, never a multi-gigabyte string, a native stack overflow or a hang.

import { unknown, type Value } from './values';

export const LIMITS = {
  /** Expression nodes evaluated while reading one module (its lazy values included). */
  steps: 3_000_000,
  /** Characters and items created while reading one module, all values together. */
  cells: 16_000_000,
  /** The longest string kept. */
  stringLength: 1_000_000,
  /** The most items a list, tuple, set or dict keeps. */
  collectionItems: 10_000,
  /** Nesting of one expression (`[[[[…]]]]`, `a + (b + (c …))`). */
  expressionDepth: 60,
  /** Nesting of statements (`if` inside `if` inside `for`…). */
  blockDepth: 64,
  /** Lazy values waiting on each other (`A2 = A1 + 1`, `A3 = A2 + 1`…) before the chain is cut. */
  forceDepth: 120,
  /** Settings modules importing each other (`from .prev import *`, split-settings `include`). */
  importDepth: 24,
  /** Calls of project functions inside each other (`env_bool` calling `get_env`…). */
  callDepth: 8,
  /** Iterations of one loop followed exactly (`for app in ["a", "b"]: …`). */
  loopIterations: 64,
  /** In-place changes of one name (`X.append(…)`) followed; past it the name is unknown. */
  changesPerName: 2_000,
  /** Values one name may have after undecidable branches, before they are merged into one. */
  options: 8,
  /** Candidates a `some` part of a list remembers (what its unlisted items may be); past it, anything. */
  someCandidates: 64,
  /** Text parsed again to recover lines swallowed by an open bracket, per character of the module. */
  recoveryFactor: 4,
  /**
   * Brackets open at once, or prefix operators in a row (`not not …`), that reach the parser
   * (CPython's tokenizer refuses more than 200 brackets: "too many nested parentheses"). Deeper
   * is blanked before parsing (parse.ts maskDeepNesting): lezer's tree building recurses once per
   * level (50,000 `(` overflowed the native stack) and crawls through long operator runs.
   */
  parseNesting: 200,
} as const;

/** What reading one module has used so far. Shared by the executor and every lazy value. */
export class Budget {
  steps = 0;
  cells = 0;
  /** Why evaluation stopped, once it has. */
  exhausted: string | undefined;
  forceDepth = 0;
  /** How many lazy chains were cut at LIMITS.forceDepth (results then depend on the order of reads). */
  cuts = 0;

  /** Counts one evaluation step; false once the module has used its steps. */
  step(): boolean {
    if (this.exhausted) return false;
    if (++this.steps > LIMITS.steps) {
      this.exhausted = `evaluation stopped after ${LIMITS.steps.toLocaleString('en')} steps`;
      return false;
    }
    return true;
  }

  /** Counts `n` characters or items about to be created; false when they would pass the bound. */
  allocate(n: number): boolean {
    if (this.exhausted) return false;
    this.cells += n;
    if (this.cells > LIMITS.cells) {
      this.exhausted = `evaluation stopped after creating ${LIMITS.cells.toLocaleString('en')} characters and items`;
      return false;
    }
    return true;
  }

  /** The value to use once a bound is hit. */
  stopped(reason?: string): Value {
    return unknown(reason ?? this.exhausted ?? 'too large');
  }
}

/** A string value within the bounds, or unknown. */
export function boundedString(budget: Budget, s: string): Value {
  if (s.length > LIMITS.stringLength) return unknown(`string longer than ${LIMITS.stringLength.toLocaleString('en')} characters`);
  if (!budget.allocate(s.length)) return budget.stopped();
  return { kind: 'str', value: s };
}

/** A sequence within the bounds, or unknown. */
export function boundedItems(budget: Budget, kind: 'list' | 'tuple' | 'set', items: Value[]): Value {
  if (items.length > LIMITS.collectionItems) return unknown(`more than ${LIMITS.collectionItems.toLocaleString('en')} items`);
  if (!budget.allocate(items.length + 1)) return budget.stopped();
  return { kind, items };
}
