// Calls of functions the project defines, in the settings module or in a helper module it
// imports: `def env_bool(name, default=False): return os.getenv(name, str(default)).lower() in
// ("1", "true")`, `get_list(text)`, lambdas.
//
// The body runs in the head like the module does, with the arguments given: assignments, `if`s
// (both sides followed when the test cannot be decided, each path to its own `return`), `for`
// over known items, `try`, `return` and `raise`. What the function returns is the `oneOf` of the
// paths' returns. Depth (LIMITS.callDepth), paths (LIMITS.options) and steps are bounded; past a
// bound, or on a statement this reader does not follow, the call is `unknown`.

import type { SyntaxNode } from '@lezer/common';
import { type Value, type FunctionValue, UNKNOWN, NONE, unknown, raising, truthy } from './values';
import { LIMITS } from './budget';
import { oneOf } from './alternatives';
import { type EvalContext, evaluate, significantChildren, text, operand, bindTarget, iterate, applyOperator, deriveContext, withLocals } from './evaluate';
import type { CallArgs } from './calls';
import { ifArms, tryParts, forParts, catches } from './syntax';
import { MUTATING_METHODS, inPlace, setIn, updateIn } from './mutation';
import { NamespaceWrites, namespaceRead, namespaceOpaque } from './namespace';

interface Path {
  locals: Map<string, Value>;
  /** What this path wrote into the module's namespace (namespace.ts). */
  writes: NamespaceWrites;
}

type Outcome = { kind: 'return'; value: Value; writes: NamespaceWrites } | { kind: 'raise'; value: Value } | { kind: 'break' | 'continue'; path: Path };

class GiveUp extends Error {}

export function callFunction(fn: FunctionValue, args: CallArgs, ctx: EvalContext, depth: number): Value {
  if (ctx.callDepth >= LIMITS.callDepth) return unknown('calls nested too deeply');
  if (args.unknownSpread) return unknown(`${fn.name}(*…)`);
  if (fn.bound) args = { ...args, positional: [fn.bound, ...args.positional] };
  const def = fn.def;
  const isLambda = def.node.name === 'LambdaExpression';
  const params = def.node.getChild('ParamList');
  const locals = new Map<string, Value>();
  const fctx = functionContext(ctx, fn, locals);
  if (!bindParameters(params, args, locals, fctx, depth)) return unknown(`${fn.name}() called with arguments it does not take`);
  try {
    if (isLambda) {
      const parts = significantChildren(def.node);
      const body = parts[parts.length - 1];
      return body && body.name !== 'ParamList' && body.name !== 'lambda' ? evaluate(body, fctx, depth + 1) : UNKNOWN;
    }
    const body = def.node.getChild('Body');
    if (!body) return UNKNOWN;
    const run = new FunctionRun(fctx, depth);
    const { outcomes, live } = run.block(body, [{ locals, writes: new NamespaceWrites(ctx.namespaceWrites) }]);
    const results: Value[] = outcomes.map((o) => (o.kind === 'return' || o.kind === 'raise' ? o.value : UNKNOWN));
    if (live.length) results.push(NONE);
    mergeWrites(ctx, [...outcomes.flatMap((o) => (o.kind === 'return' ? [o.writes] : [])), ...live.map((p) => p.writes)]);
    return oneOf(results);
  } catch (e) {
    // A function that may write the module's namespace and could not be followed: what it
    // wrote nobody can list.
    if (ctx.namespaceWrites && (args.positional.some((a) => a.kind === 'namespace') || /\b(globals|exec)\s*\(/.test(def.text.slice(def.node.from, def.node.to)))) namespaceOpaque(ctx, `${fn.name}()`);
    if (e instanceof GiveUp) return unknown(`${fn.name}(): ${e.message}`);
    return UNKNOWN;
  }
}

/** The caller sees what the function's finished paths wrote: a name written on some paths only may keep its value. */
function mergeWrites(ctx: EvalContext, finished: NamespaceWrites[]) {
  const into = ctx.namespaceWrites;
  if (!into || !finished.length) return;
  for (const w of finished) for (const d of w.opaque) into.addOpaque(d.why, d.prefix);
  const names = new Set<string>();
  for (const w of finished) for (const k of w.names.keys()) names.add(k);
  for (const name of names) {
    const before = namespaceRead(name, ctx);
    into.write(name, oneOf(finished.map((w) => w.names.get(name) ?? before)));
  }
}

/** The function's own names first, then its module's names as they are at the call. */
function functionContext(ctx: EvalContext, fn: FunctionValue, locals: Map<string, Value>): EvalContext {
  // Python reads a function's globals when it runs: a function of the module being run sees its
  // names as they are at the statement that calls it; one of another module, that module's names.
  const def = fn.def;
  // A lambda or a nested function (no module) reads through the lookup of the place it was made.
  const globals =
    def.module === ctx.moduleFile
      ? ctx.moduleLookup
      : def.module === ''
        ? def.globals
        : (name: string) => {
          const b = def.globals(name);
          ctx.reads?.global(def.module, name, b?.token ?? 0);
          return b;
        };
  return deriveContext(ctx, {
    text: def.text,
    file: def.file,
    lookup: (name) => {
      const v = locals.get(name);
      return v !== undefined ? { value: v } : globals(name);
    },
    callDepth: ctx.callDepth + 1,
    method: def.owner && fn.bound ? { owner: def.owner, self: fn.bound } : undefined,
    namespaceModule: def.module || undefined,
  });
}

/** Binds positional and keyword arguments and defaults; false when the call cannot match. */
function bindParameters(params: SyntaxNode | null, args: CallArgs, locals: Map<string, Value>, fctx: EvalContext, depth: number): boolean {
  if (!params) return args.positional.length === 0 && args.keywords.size === 0;
  const children = significantChildren(params);
  const names: { name: string; defaultNode?: SyntaxNode; star?: '*' | '**'; keywordOnly: boolean }[] = [];
  let keywordOnly = false;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === '*' || c.name === '**') {
      const next = children[i + 1];
      if (next?.name === 'VariableName') {
        names.push({ name: text(next, fctx), star: c.name, keywordOnly });
        i++;
      }
      if (c.name === '*') keywordOnly = true;
      continue;
    }
    if (c.name === '/') continue;
    if (c.name !== 'VariableName') continue;
    const param = { name: text(c, fctx), keywordOnly, defaultNode: undefined as SyntaxNode | undefined };
    if (children[i + 1]?.name === 'TypeDef') i++;
    if (children[i + 1]?.name === 'AssignOp') {
      param.defaultNode = children[i + 2];
      i += 2;
    }
    names.push(param);
  }
  let next = 0;
  const used = new Set<string>();
  for (const p of names) {
    if (p.star === '*') {
      locals.set(p.name, { kind: 'tuple', items: args.positional.slice(next) });
      next = args.positional.length;
      continue;
    }
    if (p.star === '**') {
      const entries = [...args.keywords].filter(([k]) => !used.has(k)).map(([k, v]) => ({ key: { kind: 'str', value: k } as Value, value: v }));
      locals.set(p.name, { kind: 'dict', entries, open: false });
      continue;
    }
    let v: Value | undefined;
    if (!p.keywordOnly && next < args.positional.length) v = args.positional[next++];
    if (args.keywords.has(p.name)) {
      if (v) return false;
      v = args.keywords.get(p.name);
      used.add(p.name);
    }
    if (!v && p.defaultNode) v = evaluate(p.defaultNode, fctx, depth + 1);
    if (!v) return false;
    locals.set(p.name, v);
  }
  if (next < args.positional.length) return false;
  for (const k of args.keywords.keys()) if (!used.has(k) && !names.some((p) => p.star === '**')) return false;
  return true;
}

class FunctionRun {
  constructor(
    private ctx: EvalContext,
    private depth: number,
  ) {}

  /** Runs statements on every live path; returns the paths still running and what the others did. */
  block(body: SyntaxNode, paths: Path[]): { outcomes: Outcome[]; live: Path[] } {
    const outcomes: Outcome[] = [];
    let live = paths;
    for (let c = body.firstChild; c && live.length; c = c.nextSibling) {
      if (c.name === ':' || c.name === 'Comment' || c.type.isError) continue;
      const next: Path[] = [];
      for (const path of live) {
        const r = this.statement(c, path);
        outcomes.push(...r.outcomes);
        next.push(...r.live);
      }
      if (next.length > LIMITS.options) throw new GiveUp('too many paths');
      live = next;
    }
    return { outcomes, live };
  }

  private evaluate(node: SyntaxNode | null | undefined, path: Path): Value {
    if (!this.ctx.budget.step()) throw new GiveUp(this.ctx.budget.exhausted ?? 'budget');
    // The path's locals are the function's locals: point the context's lookups at them.
    return evaluate(node, deriveContext(withLocals(this.ctx, path.locals), { namespaceWrites: path.writes }), this.depth + 1);
  }

  private statement(node: SyntaxNode, path: Path): { outcomes: Outcome[]; live: Path[] } {
    const done = (o: Outcome) => ({ outcomes: [o], live: [] });
    const fallThrough = { outcomes: [], live: [path] };
    switch (node.name) {
      case 'PassStatement':
      case 'ScopeStatement':
      case 'AssertStatement':
      case 'ImportStatement':
        return fallThrough;
      case 'ExpressionStatement': {
        const expr = node.firstChild;
        if (!expr || expr.name === 'String' || expr.name === 'ContinuedString') return fallThrough;
        const changed = this.inPlaceCall(expr, path);
        if (changed) return changed.kind === 'unknown' && changed.raises ? done({ kind: 'raise', value: changed }) : fallThrough;
        const v = this.evaluate(expr, path);
        return v.kind === 'unknown' && v.raises ? done({ kind: 'raise', value: v }) : fallThrough;
      }
      case 'ReturnStatement': {
        const parts = significantChildren(node).filter((c) => c.name !== 'return');
        return done({ kind: 'return', value: parts.length ? this.evaluate(parts[0], path) : NONE, writes: path.writes });
      }
      case 'RaiseStatement': {
        const parts = significantChildren(node).filter((c) => c.name !== 'raise');
        const written = parts.length ? this.ctx.text.slice(parts[0].from, parts[0].to).slice(0, 80) : 'an exception';
        return done({ kind: 'raise', value: raising(`raises ${written}`, this.pendingVariable) });
      }
      case 'BreakStatement':
        return done({ kind: 'break', path });
      case 'ContinueStatement':
        return done({ kind: 'continue', path });
      case 'AssignStatement':
        return this.assign(node, path);
      case 'UpdateStatement': {
        const children = significantChildren(node);
        const target = children[0];
        const op = node.getChild('UpdateOp');
        if (target?.name !== 'VariableName' || !op) throw new GiveUp('an update it does not follow');
        const name = text(target, this.ctx);
        const right = this.evaluate(children[children.length - 1], path);
        const old = path.locals.get(name) ?? this.evaluate(target, path);
        const v = applyOperator(text(op, this.ctx).slice(0, -1), operand(old), operand(right), this.ctx);
        if (v.kind === 'unknown' && v.raises) return done({ kind: 'raise', value: v });
        path.locals.set(name, v);
        return fallThrough;
      }
      case 'IfStatement':
        return this.ifStatement(node, path);
      case 'ForStatement':
        return this.forStatement(node, path);
      case 'TryStatement':
        return this.tryStatement(node, path);
      case 'WithStatement':
        return this.withStatement(node, path);
      case 'FunctionDefinition': {
        const name = node.getChild('VariableName');
        if (name) path.locals.set(text(name, this.ctx), { kind: 'function', name: text(name, this.ctx), def: { node, text: this.ctx.text, file: this.ctx.file, module: '', globals: this.ctx.lookup } });
        return fallThrough;
      }
      default:
        throw new GiveUp(`${node.name} is not followed`);
    }
  }

  private assign(node: SyntaxNode, path: Path): { outcomes: Outcome[]; live: Path[] } {
    const segments: SyntaxNode[][] = [[]];
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.type.isError || c.name === 'Comment') continue;
      if (c.name === 'AssignOp') segments.push([]);
      else if (c.name !== ',' && c.name !== 'TypeDef') segments[segments.length - 1].push(c);
    }
    const valueNodes = segments.pop()!;
    if (!segments.length || valueNodes.length !== 1) throw new GiveUp('an assignment it does not follow');
    const v = this.evaluate(valueNodes[0], path);
    if (v.kind === 'unknown' && v.raises) return { outcomes: [{ kind: 'raise', value: v }], live: [] };
    for (const targets of segments) {
      if (targets.length === 1 && targets[0].name === 'MemberExpression' && targets[0].lastChild?.name === 'PropertyName') {
        // `self.name = value` on an instance being built: its attribute.
        const objectNode = targets[0].firstChild;
        const obj = objectNode?.name === 'VariableName' ? path.locals.get(text(objectNode, this.ctx)) : undefined;
        if (obj?.kind !== 'instance' || !obj.attributes || obj.after) throw new GiveUp('an attribute assignment');
        obj.attributes.set(text(targets[0].lastChild, this.ctx), v);
        continue;
      }
      if (targets.length === 1 && targets[0].name === 'MemberExpression') {
        // `d["k"] = v` on a local: a copy with the item set.
        const item = this.localItem(targets[0], path);
        if (!item) throw new GiveUp('an item assignment');
        const root = path.locals.get(item.root)!;
        if (root.kind === 'namespace') {
          // `context[name] = value` where context is globals().
          const [key, ...rest] = item.keys;
          if (root.module !== this.ctx.moduleFile) continue;
          if (rest.length || key.kind !== 'str') path.writes.addOpaque('an item assignment of globals()');
          else path.writes.write(key.value, v);
          continue;
        }
        const updated = setIn(path.locals.get(item.root)!, item.keys, v);
        if (updated.kind === 'unknown' && updated.raises) return { outcomes: [{ kind: 'raise', value: updated }], live: [] };
        path.locals.set(item.root, updated);
        continue;
      }
      if (targets.some((t) => t.name !== 'VariableName' && t.name !== 'TupleExpression' && t.name !== 'ParenthesizedExpression')) throw new GiveUp('an item assignment');
      bindTarget(targets, v, path.locals, this.ctx);
    }
    return { outcomes: [], live: [path] };
  }

  private ifStatement(node: SyntaxNode, path: Path): { outcomes: Outcome[]; live: Path[] } {
    const outcomes: Outcome[] = [];
    const live: Path[] = [];
    for (const arm of ifArms(node)) {
      const t = arm.test ? truthy(operand(this.evaluate(arm.test, path))) : true;
      if (t === false) continue;
      // Taken for sure: this arm ends the statement. Undecided: this arm on a copy, the next ones on the path.
      const r = this.block(arm.body, [copy(path)]);
      outcomes.push(...r.outcomes);
      live.push(...r.live);
      if (t === true) return { outcomes, live };
    }
    // No arm ran: the path goes on as it was.
    live.push(path);
    return { outcomes, live };
  }

  private forStatement(node: SyntaxNode, path: Path): { outcomes: Outcome[]; live: Path[] } {
    const parts = forParts(node);
    if (!parts) throw new GiveUp('a loop it does not follow');
    const items = iterate(operand(this.evaluate(parts.iterable, path)), this.ctx);
    if (!items || items.length > LIMITS.loopIterations || items.some((i) => i.kind === 'some')) throw new GiveUp('a loop over items it cannot list');
    const outcomes: Outcome[] = [];
    let live: Path[] = [path];
    for (const item of items) {
      const next: Path[] = [];
      for (const p of live) {
        bindTarget(parts.targets, item, p.locals, this.ctx);
        const r = this.block(parts.body, [p]);
        for (const o of r.outcomes) {
          if (o.kind === 'continue') next.push(o.path);
          else if (o.kind === 'break') throw new GiveUp('break');
          else outcomes.push(o);
        }
        next.push(...r.live);
      }
      live = next;
      if (!live.length) break;
    }
    if (parts.orElse && live.length) {
      const r = this.block(parts.orElse, live);
      return { outcomes: [...outcomes, ...r.outcomes], live: r.live };
    }
    return { outcomes, live };
  }

  /** `with open(f) as fh: …`: a context manager that raises raises here; the `as` name is unknown. */
  private withStatement(node: SyntaxNode, path: Path): { outcomes: Outcome[]; live: Path[] } {
    const body = node.getChild('Body');
    if (!body) throw new GiveUp('a with-statement it does not follow');
    const parts = significantChildren(node).filter((c) => c.name !== 'Body' && c.name !== 'with' && c.name !== 'as' && c.name !== ',');
    for (const c of parts) {
      if (c.prevSibling?.name === 'as') {
        if (c.name === 'VariableName') path.locals.set(text(c, this.ctx), unknown('a with-statement target'));
        continue;
      }
      const v = this.evaluate(c, path);
      if (v.kind === 'unknown' && v.raises) return { outcomes: [{ kind: 'raise', value: v }], live: [] };
    }
    return this.block(body, [path]);
  }

  private tryStatement(node: SyntaxNode, path: Path): { outcomes: Outcome[]; live: Path[] } {
    const parts = tryParts(node);
    if (!parts) return { outcomes: [], live: [path] };
    const attempt = this.block(parts.body, [copy(path)]);
    const raised = attempt.outcomes.filter((o): o is { kind: 'raise'; value: Value } => o.kind === 'raise');
    let result = attempt;
    if (parts.orElse && attempt.live.length) {
      const r = this.block(parts.orElse, attempt.live);
      result = { outcomes: [...attempt.outcomes, ...r.outcomes], live: r.live };
    }
    if (raised.length) {
      // A path raised: the handler that catches it runs instead, from the path as it was.
      const error = raised[0].value;
      const kind = error.kind === 'unknown' && error.raises ? error.raises.message.split(':')[0] : 'Exception';
      const handler = parts.handlers.find((h) => catches(h.types, kind, this.ctx.text));
      if (handler) {
        const saved = this.pendingVariable;
        this.pendingVariable = error.kind === 'unknown' ? error.raises?.variable : undefined;
        try {
          const r = this.block(handler.body, [copy(path)]);
          result = { outcomes: [...result.outcomes.filter((o) => o.kind !== 'raise'), ...r.outcomes], live: [...result.live, ...r.live] };
        } finally {
          this.pendingVariable = saved;
        }
      }
    }
    if (parts.finallyBody && result.live.length) {
      const r = this.block(parts.finallyBody, result.live);
      result = { outcomes: [...result.outcomes, ...r.outcomes], live: r.live };
    }
    return result;
  }

  /**
   * `apps.append("x")`, `m.insert(0, …)`, `d.update(…)`, `d["k"].append(…)` on a local: the local
   * becomes the changed copy. The new value, or undefined when the statement is not one.
   */
  private inPlaceCall(expr: SyntaxNode, path: Path): Value | undefined {
    if (expr.name !== 'CallExpression') return undefined;
    const callee = expr.firstChild;
    if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName' || !callee.firstChild) return undefined;
    const method = text(callee.lastChild, this.ctx);
    if (!MUTATING_METHODS.has(method)) return undefined;
    const objectNode = callee.firstChild;
    const item = objectNode.name === 'VariableName' ? (path.locals.has(text(objectNode, this.ctx)) ? { root: text(objectNode, this.ctx), keys: [] as Value[] } : undefined) : this.localItem(objectNode, path);
    if (!item || path.locals.get(item.root)?.kind === 'namespace') return undefined;
    const argList = expr.getChild('ArgList');
    const argNodes = argList ? significantChildren(argList) : [];
    if (argNodes.some((a) => a.name === 'AssignOp' || a.name === '*' || a.name === '**' || a.name === 'for')) return undefined;
    const args = argNodes.map((a) => operand(this.evaluate(a, path)));
    const updated = updateIn(path.locals.get(item.root)!, item.keys, (old) => inPlace(old, method, args, this.ctx.budget));
    if (!(updated.kind === 'unknown' && updated.raises)) path.locals.set(item.root, updated);
    return updated;
  }

  /** `name["a"][0]` where `name` is a local: the local and the keys. */
  private localItem(node: SyntaxNode, path: Path): { root: string; keys: Value[] } | undefined {
    const keys: Value[] = [];
    let n: SyntaxNode | null = node;
    while (n?.name === 'MemberExpression' && n.getChild('[')) {
      const parts = significantChildren(n);
      if (parts.length !== 2) return undefined;
      keys.unshift(operand(this.evaluate(parts[1], path)));
      n = parts[0];
    }
    if (n?.name !== 'VariableName' || !keys.length) return undefined;
    const root = text(n, this.ctx);
    return path.locals.has(root) ? { root, keys } : undefined;
  }

  /** Inside an `except` handler: the variable whose absence raised, for the handler's own `raise`. */
  private pendingVariable: string | undefined;
}

function copy(path: Path): Path {
  return { locals: new Map(path.locals), writes: path.writes.copy() };
}

