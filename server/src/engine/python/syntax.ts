// The shape of compound statements in lezer's Python tree, read once for the module executor and
// the function interpreter: the arms of an `if`, the parts of a `try`, the parts of a `for`.

import type { SyntaxNode } from '@lezer/common';
import { significantChildren } from './evaluate';

export interface IfArm {
  /** Undefined for `else`. */
  test?: SyntaxNode;
  body: SyntaxNode;
  keyword: 'if' | 'elif' | 'else';
}

/** `if a: … elif b: … else: …` as its arms, in order. */
export function ifArms(node: SyntaxNode): IfArm[] {
  const arms: IfArm[] = [];
  let test: SyntaxNode | undefined;
  let keyword: IfArm['keyword'] = 'if';
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'if' || c.name === 'elif' || c.name === 'else') {
      keyword = c.name;
      test = undefined;
    } else if (c.name === 'Body') arms.push({ test: keyword === 'else' ? undefined : test, body: c, keyword });
    else if (!c.type.isError && c.name !== 'Comment') test = c;
  }
  return arms;
}

export interface TryParts {
  body: SyntaxNode;
  handlers: { types?: SyntaxNode; body: SyntaxNode }[];
  orElse?: SyntaxNode;
  finallyBody?: SyntaxNode;
}

/** `try: … except X: … else: … finally: …` as its parts. */
export function tryParts(node: SyntaxNode): TryParts | undefined {
  let body: SyntaxNode | undefined;
  const handlers: TryParts['handlers'] = [];
  let orElse: SyntaxNode | undefined;
  let finallyBody: SyntaxNode | undefined;
  let keyword = 'try';
  let types: SyntaxNode | undefined;
  let afterAs = false;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'try' || c.name === 'except' || c.name === 'else' || c.name === 'finally') {
      keyword = c.name;
      types = undefined;
      afterAs = false;
    } else if (c.name === 'as') afterAs = true;
    else if (c.name === 'Body') {
      if (keyword === 'try') body = c;
      else if (keyword === 'except') handlers.push({ types, body: c });
      else if (keyword === 'else') orElse = c;
      else finallyBody = c;
    } else if (keyword === 'except' && !afterAs && !c.type.isError && c.name !== 'Comment' && c.name !== '*') types = c;
  }
  return body ? { body, handlers, orElse, finallyBody } : undefined;
}

/** Whether an `except` clause catches `name` (a bare `except:` and `Exception` catch everything). */
export function catches(types: SyntaxNode | undefined, name: string, text: string): boolean {
  if (!types) return true;
  const names = types.name === 'TupleExpression' || types.name === 'ParenthesizedExpression' ? significantChildren(types) : [types];
  return names.some((n) => catchesType(text.slice(n.from, n.to).replace(/^.*\./, ''), name));
}

/** Whether a handler of `written` (an exception class name) catches `name`. */
export function catchesType(written: string, name: string): boolean {
  return written === name || written === 'Exception' || written === 'BaseException' || !!PARENTS[name]?.includes(written);
}

/** The built-in exceptions a handler of another one catches (the ones settings raise). */
const PARENTS: Record<string, string[]> = {
  ModuleNotFoundError: ['ImportError'],
  FileNotFoundError: ['OSError', 'IOError', 'EnvironmentError'],
  PermissionError: ['OSError', 'IOError', 'EnvironmentError'],
  IsADirectoryError: ['OSError', 'IOError', 'EnvironmentError'],
  KeyError: ['LookupError'],
  IndexError: ['LookupError'],
  UnicodeDecodeError: ['ValueError'],
};

export interface ForParts {
  targets: SyntaxNode[];
  iterable: SyntaxNode;
  body: SyntaxNode;
  orElse?: SyntaxNode;
}

/** `for a, b in items: … else: …` as its parts. */
export function forParts(node: SyntaxNode): ForParts | undefined {
  const targets: SyntaxNode[] = [];
  let iterable: SyntaxNode | undefined;
  let body: SyntaxNode | undefined;
  let orElse: SyntaxNode | undefined;
  let seenIn = false;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.type.isError || c.name === 'Comment' || c.name === ',' || c.name === 'for' || c.name === 'async') continue;
    if (c.name === 'in') seenIn = true;
    else if (c.name === 'Body') {
      if (!body) body = c;
      else orElse = c;
    } else if (c.name === 'else') continue;
    else if (!seenIn) targets.push(c);
    else if (!iterable) iterable = c;
  }
  return iterable && body && targets.length ? { targets, iterable, body, orElse } : undefined;
}
