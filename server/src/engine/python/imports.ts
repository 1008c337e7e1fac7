// Import statements and django-split-settings `include()`. Project modules come through the run's
// callbacks and their names are bound here (`from .base import *`); included files run in place,
// in the module's own scope. Free functions over the ModuleRun (execute.ts).

import type { SyntaxNode } from '@lezer/common';
import { significantChildren } from './evaluate';
import { type Value, unknown, isSequence, sameValue } from './values';
import { LIMITS } from './budget';
import { Scope, LazyBinding, fieldsOf, type SettingBinding, type BindingFields } from './scope';
import { globMatch } from '../glob';
import { lazySymbolic } from './lazy';
import type { ModuleRun, ModuleImport, ImportedModule } from './execute';

/** Modules whose names the evaluator knows without the project. */
const KNOWN_MODULES = new Set(['os', 'os.path', 'os.environ', 'pathlib', 'environ', 'decouple', 'sys', 'json', 'environs', 'dj_database_url', 'dotenv', 'split_settings', 'split_settings.tools', 'configurations', 'configurations.values']);
/** Standard library modules: importing them never fails. */
const STDLIB = new Set(['os', 'sys', 'json', 'pathlib', 're', 'logging', 'socket', 'datetime', 'collections', 'typing', 'ast', 'warnings', 'platform', 'glob', 'tempfile', 'urllib', 'base64', 'secrets', 'string', 'itertools', 'functools', 'decimal', 'ssl', 'getpass', 'shutil', 'subprocess', 'importlib', 'copy', 'io', 'textwrap', 'inspect', 'uuid', 'hashlib', 'random', 'math', 'time', 'email', 'mimetypes', 'locale', 'gettext', 'django', 'configparser', 'distutils', 'enum', 'contextlib', 'dataclasses', 'traceback']);

// -------------------------------------------------------------------------------------------
// Imports

export function importStatement(run: ModuleRun, node: SyntaxNode, conditional: string | undefined): void {
  const children = significantChildren(node);
  if (children[0]?.name === 'import') {
    // import a.b, c as d
    for (let i = 1; i < children.length; i++) {
      const first = children[i];
      if (first.name !== 'VariableName') continue;
      let dotted = run.src(first);
      // lezer gives `os.path` as VariableName . VariableName
      let j = i;
      while (run.text[children[j].to] === '.' && children[j + 1]?.name === 'VariableName') {
        j++;
        dotted += '.' + run.src(children[j]);
      }
      let alias: SyntaxNode | undefined;
      if (children[j + 1]?.name === 'as' && children[j + 2]) {
        alias = children[j + 2];
        j += 2;
      }
      const boundName = alias ? run.src(alias) : dotted.split('.')[0];
      const boundModule = alias ? dotted : dotted.split('.')[0];
      run.bind(boundName, { value: moduleValue(run, boundModule) }, alias ?? first, node, undefined, conditional, false, run.memo.derive(`I\0${boundModule}`));
      i = j;
    }
    return;
  }
  // from X import a, b as c / from X import *
  let i = 1;
  for (; i < children.length && children[i].name !== 'import'; i++);
  const fromNode = children[0];
  const importNode = children[i];
  if (!fromNode || !importNode) return;
  // significantChildren drops '.', so dots are counted from the raw text between `from` and `import`.
  const written = run.text.slice(fromNode.to, importNode.from).replace(/\s+/g, '');
  const dots = /^\.*/.exec(written)![0].length;
  const moduleName = written.slice(dots);
  const absolute = dots ? resolveRelative(run, dots, moduleName) : moduleName;
  const rest = children.slice(i + 1);
  const star = rest.some((c) => c.name === '*');
  const names: { name: string; alias: string; node: SyntaxNode }[] = [];
  for (let k = 0; k < rest.length; k++) {
    if (rest[k].name !== 'VariableName') continue;
    const name = run.src(rest[k]);
    if (rest[k + 1]?.name === 'as' && rest[k + 2]?.name === 'VariableName') {
      names.push({ name, alias: run.src(rest[k + 2]), node: rest[k + 2] });
      k += 2;
    } else names.push({ name, alias: name, node: rest[k] });
  }
  const record: ModuleImport = { module: '.'.repeat(dots) + moduleName, star, names: names.map((n) => n.name), range: run.range(node), conditional: !!conditional };
  run.imports.push(record);

  const depth = run.options.importDepth ?? 0;
  const project = absolute !== undefined && !KNOWN_MODULES.has(absolute) && depth < LIMITS.importDepth ? run.options.resolveModule(absolute) : undefined;
  if (project) {
    record.resolvedFile = project.file;
    if (star) {
      for (const [name, b] of project.scope) if (!name.startsWith('_')) importBinding(run, name, b, node, conditional);
      for (const d of project.scope.dynamicNames ?? []) run.markDynamic({ why: `from ${'.'.repeat(dots) + moduleName} import *: ${d.why}`, prefix: d.prefix });
    }
    for (const n of names) {
      const b = project.scope.get(n.name);
      const sub = absolute !== undefined ? run.options.resolveModule(`${absolute}.${n.name}`) : undefined;
      if (b) importBinding(run, n.alias, b, node, conditional, n.node);
      else if (sub) run.bind(n.alias, { value: projectModule(`${absolute}.${n.name}`, sub) }, n.node, node, undefined, conditional, false, run.memo.derive(`I\0${absolute}.${n.name}`));
      else run.bind(n.alias, { value: unknown(`${n.name} is not defined in ${absolute}`) }, n.node, node, undefined, conditional);
    }
    return;
  }
  if (absolute !== undefined && dots > 0 && !run.options.moduleExists(absolute)) {
    // A relative import of a module that is not there: Python raises ImportError.
    run.candidates.push({ range: run.range(node), importError: `ModuleNotFoundError: No module named '${absolute}'` });
  }
  for (const n of names) {
    const qualified = `${absolute ?? moduleName}.${n.name}`;
    run.bind(n.alias, { value: moduleValue(run, qualified) }, n.node, node, undefined, conditional, false, run.memo.derive(`I\0${qualified}`));
  }
  // `from unknown_module import *`: names it defines are invisible to us; nothing to bind.
  if (star) run.unlistedStarImport = true;
}

function importBinding(run: ModuleRun, name: string, b: SettingBinding, statement: SyntaxNode, conditional: string | undefined, aliasNode?: SyntaxNode) {
  const previous = run.scope.get(name);
  // Imported helpers (`from .env import env_bool`): lower-case names may be functions.
  if (aliasNode && !/^[A-Z0-9_]+$/.test(name)) run.functionNames.add(name);
  const fields: BindingFields = {
    ...fieldsOf(b),
    name,
    importedVia: run.range(aliasNode ?? statement),
    overrides: previous ?? b.overrides,
    conditional: conditional ?? b.conditional,
    seq: run.seq,
    prior: run.scope.raw(name),
    deleted: undefined,
  };
  // The same value as the binding it imports: the same token.
  run.scope.set(name, LazyBinding.create(fields, () => lazySymbolic(() => b.value, b.concreteValue, b.envVariables), run.budget, false, b.token));
}

function moduleValue(run: ModuleRun, qualified: string): Value {
  switch (qualified) {
    case 'os':
    case 'os.path':
    case 'os.environ':
    case 'environ':
    case 'decouple':
    case 'pathlib':
    case 'sys':
    case 'dj_database_url':
    case 'environs':
    case 'configurations.values':
    case 'importlib':
      return { kind: 'module', name: qualified };
    case 'environ.Env':
    case 'environs.Env':
      return { kind: 'callable', name: qualified };
    case 'decouple.config':
      return { kind: 'callable', name: 'decouple.config' };
    case 'sys.argv':
      return unknown('sys.argv');
  }
  if (/^(pathlib|os|os\.path|environ|decouple|dj_database_url|dotenv|split_settings\.tools|json|configurations|configurations\.values|importlib)\.[A-Za-z_]\w*$/.test(qualified)) return { kind: 'callable', name: qualified };
  const project = run.options.moduleExists(qualified) && (run.options.importDepth ?? 0) < LIMITS.importDepth ? run.options.resolveModule(qualified) : undefined;
  if (project) return projectModule(qualified, project);
  return unknown(`from ${qualified}`);
}

function resolveRelative(run: ModuleRun, dots: number, moduleName: string): string | undefined {
  const parts = run.options.moduleName.split('.');
  const packageParts = run.options.isPackage ? parts : parts.slice(0, -1);
  const up = dots - 1;
  if (up > packageParts.length) return undefined;
  const base = packageParts.slice(0, packageParts.length - up);
  if (moduleName) base.push(...moduleName.split('.'));
  return base.join('.');
}

/** Project modules a `try` body imports (relative, or absolute modules of the project). */
export function importsIn(run: ModuleRun, body: SyntaxNode): { project: string[]; thirdParty: string[] } {
  const project: string[] = [];
  const thirdParty: string[] = [];
  for (let c = body.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'ImportStatement') continue;
    const t = run.src(c);
    // One run of dots and names, split after: two neighbouring patterns that can match the same
    // characters backtrack quadratically on a long line.
    const m = /^(?:from\s+([.\w]+)\s+import|import\s+([\w.]+))/.exec(t);
    if (!m) continue;
    const dotted = m[1] ?? m[2];
    const dots = m[1] ? dotted.length - dotted.replace(/^\.+/, '').length : 0;
    const absolute = dots ? resolveRelative(run, dots, dotted.slice(dots)) : dotted;
    if (!absolute) continue;
    const top = absolute.split('.')[0];
    if (KNOWN_MODULES.has(absolute) || STDLIB.has(top)) continue;
    if (dots || run.options.moduleExists(absolute) || run.options.moduleExists(top)) project.push(absolute);
    else thirdParty.push(absolute);
  }
  return { project, thirdParty };
}

// -------------------------------------------------------------------------------------------
// django-split-settings

export function isInclude(run: ModuleRun, callee: SyntaxNode): boolean {
  const b = run.scope.get(run.src(callee));
  return !!b && !b.conditional && b.value.kind === 'callable' && b.value.name === 'split_settings.tools.include';
}

/**
 * `include('components/base.py', 'components/*.py', optional('local.py'), *extra)`: the files
 * run here, in order. A starred list that differs by environment (`names.append("prod.py")`
 * under `if os.environ...`) runs each of its versions as a branch, as an `if` would.
 */
export function include(run: ModuleRun, callNode: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
  const argList = callNode.getChild('ArgList');
  if (!argList) return;
  const children = significantChildren(argList);
  for (let i = 0; i < children.length; i++) {
    const arg = children[i];
    if (arg.name === '*') {
      const spread = children[++i];
      if (spread) includeSpread(run, spread, statement, conditional);
      continue;
    }
    if (arg.name === '**' || arg.name === 'AssignOp' || arg.name === 'VariableName' && arg.nextSibling?.name === 'AssignOp') {
      i++;
      continue;
    }
    let optional = false;
    let node = arg;
    if (arg.name === 'CallExpression' && arg.firstChild && run.src(arg.firstChild) === 'optional') {
      optional = true;
      node = significantChildren(arg.getChild('ArgList') ?? arg)[0] ?? arg;
    }
    includePattern(run, run.evaluateNow(node).value, optional, statement, conditional);
  }
}

function includePattern(run: ModuleRun, pattern: Value, optional: boolean, statement: SyntaxNode, conditional: string | undefined) {
  if (pattern.kind !== 'str') return;
  const folder = run.current.file.slice(0, run.current.file.lastIndexOf('/'));
  const files = includedFiles(run, folder, pattern.value);
  if (!files.length && !optional) {
    run.candidates.push({ range: run.range(statement), importError: `OSError: No such file: ${pattern.value}` });
    return;
  }
  for (const file of files) runIncluded(run, file, statement, conditional);
}

/** `include(*names)`: one list, or one branch per version of the list. */
function includeSpread(run: ModuleRun, node: SyntaxNode, statement: SyntaxNode, conditional: string | undefined) {
  const evaluated = run.evaluateNow(node);
  const patterns = (v: Value): Value[] | undefined => (isSequence(v) && v.items.every((i) => i.kind === 'str') ? v.items : undefined);
  const single = patterns(evaluated.value);
  if (single) {
    for (const p of single) includePattern(run, p, false, statement, conditional);
    return;
  }
  if (evaluated.value.kind !== 'oneOf') return;
  const versions = evaluated.value.options.map(patterns);
  if (versions.some((v) => !v)) return;
  const lists = versions as Value[][];
  const names = (list: Value[]) => list.map((p) => (p as { value: string }).value);
  // What every version includes first runs once, unconditionally.
  let shared = 0;
  while (lists.every((l) => l.length > shared && sameValue(l[shared], lists[0][shared]))) shared++;
  for (const p of lists[0].slice(0, shared)) includePattern(run, p, false, statement, conditional);
  const concrete = evaluated.concreteValue ? patterns(evaluated.concreteValue) : undefined;
  const concreteIndex = concrete ? lists.findIndex((l) => l.length === concrete.length && l.every((p, j) => sameValue(p, concrete[j]))) : -1;
  const forks = lists.map((list) => {
    const rest = list.slice(shared);
    const label = conditional ?? `include(${names(list).join(', ')})`;
    const fork = new Scope(run.scope);
    const saved = run.scope;
    run.scope = fork;
    try {
      for (const p of rest) includePattern(run, p, false, statement, label);
    } finally {
      run.scope = saved;
    }
    return fork;
  });
  run.merge(forks, concreteIndex >= 0 ? concreteIndex : undefined, conditional ?? `include(*${run.src(node)})`);
}

function includedFiles(run: ModuleRun, folder: string, pattern: string): string[] {
  const full = pattern.startsWith('/') ? pattern : `${folder}/${pattern}`;
  const parts = full.split('/');
  const normalized: string[] = [];
  for (const p of parts) {
    if (p === '..') normalized.pop();
    else if (p !== '.' && p !== '') normalized.push(p);
  }
  const path = '/' + normalized.join('/');
  const dir = path.slice(0, path.lastIndexOf('/'));
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!/[*?[]/.test(name)) return run.host.parse?.(path) ? [path] : [];
  // glob.glob's order is the file system's; sorted is the common case and the only stable one.
  return (run.host.filesIn?.(dir) ?? []).filter((f) => globMatch(name, f.slice(f.lastIndexOf('/') + 1))).sort();
}

function runIncluded(run: ModuleRun, file: string, statement: SyntaxNode, conditional: string | undefined) {
  if (run.includeDepth + (run.options.importDepth ?? 0) >= LIMITS.importDepth) return;
  const parsed = run.host.parse?.(file);
  if (!parsed) return;
  run.imports.push({ module: file, star: true, names: [], range: run.range(statement), resolvedFile: file, conditional: !!conditional, included: true });
  const saved = run.current;
  run.current = { parsed, file };
  run.includeDepth++;
  try {
    run.block(parsed.tree.topNode, conditional, 0);
  } finally {
    run.current = saved;
    run.includeDepth--;
  }
}

/** A module of the project as a value: its names are attributes. */
export function projectModule(name: string, module: ImportedModule): Value {
  return { kind: 'module', name, file: module.file, members: (attr: string) => module.scope.get(attr), names: () => [...module.scope.keys()] };
}
