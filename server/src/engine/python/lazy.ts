// Evaluated values shared by the statement runners (execute.ts and the files it hands statements
// to): the two evaluation modes, and bindings whose symbolic value is computed on first read.

import type { Value } from './values';
import type { Evaluated } from './scope';

export type Mode = 'symbolic' | 'concrete';

/**
 * A binding's values where the concrete one (what rules read) is computed now and the symbolic
 * one (every possibility, for hovers) on first read: joining the branches of hundreds of `if`s
 * is then paid only by whoever asks.
 */
export function lazySymbolic(symbolic: () => Value, concreteValue: Value | undefined, envVariables: string[] | undefined): Evaluated {
  let value: Value | undefined;
  return {
    get value() {
      return (value ??= symbolic());
    },
    concreteValue,
    envVariables,
  };
}

export function pick(e: Evaluated, mode: Mode): Value {
  return mode === 'concrete' ? (e.concreteValue ?? e.value) : e.value;
}

export function once<T>(f: () => T): () => T {
  let cached: { v: T } | undefined;
  return () => (cached ??= { v: f() }).v;
}
