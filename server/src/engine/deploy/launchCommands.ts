// The commands a launcher runs, as POSIX sh reads them: simple commands split at operators, words
// unquoted, wrappers seen through (env prefixes, exec, sh -c, tini, poetry run…), and what each
// command does for deployment (starts a server or runserver, runs collectstatic, a script).

import { LAUNCHED_SERVERS, type Interface, type LaunchedServer } from './servers';
import { LAUNCHER_LIMITS } from './launchers';
import * as posix from 'node:path/posix';

/** One simple command: its words (quotes removed) and the variables assigned before it. */
export interface SimpleCommand {
  words: string[];
  assignments: Map<string, string>;
}

/**
 * The simple commands of a shell command line: split at `&&`, `||`, `;`, `|`, `&`, newlines and
 * parentheses, words unquoted as POSIX sh does (single quotes literal, backslash escapes, double
 * quotes keep `$`). Substitutions stay in their word. Bounded by LAUNCHER_LIMITS.commandChars.
 */
export function simpleCommands(line: string): SimpleCommand[] {
  const s = line.length > LAUNCHER_LIMITS.commandChars ? line.slice(0, LAUNCHER_LIMITS.commandChars) : line;
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) out.push(withAssignments(words));
    words = [];
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? s.length : close;
      word += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1])) {
          if (s[i + 1] !== '\n') word += s[i + 1];
          i += 2;
        } else word += s[i++];
      }
      i++;
    } else if (c === '\\') {
      if (i + 1 < s.length && s[i + 1] !== '\n') {
        word += s[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of the line.
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
    } else if (c === ';' || c === '&' || c === '|' || c === '\n' || c === '(' || c === ')') {
      endCommand();
      i++;
    } else if (c === '$' && s[i + 1] === '(') {
      // $( … ) stays in its word, to the matching parenthesis.
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      word += s.slice(i, j + 1);
      inWord = true;
      i = j + 1;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return out;
}

export function withAssignments(words: string[]): SimpleCommand {
  const assignments = new Map<string, string>();
  let i = 0;
  for (; i < words.length; i++) {
    const eq = words[i].indexOf('=');
    if (eq <= 0 || !isVariableName(words[i].slice(0, eq))) break;
    assignments.set(words[i].slice(0, eq), words[i].slice(eq + 1));
  }
  return { words: words.slice(i), assignments };
}

export function isVariableName(s: string): boolean {
  if (!s || (s[0] >= '0' && s[0] <= '9')) return false;
  for (const c of s) if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_')) return false;
  return true;
}

/** Shell keywords and prefixes that run the words after them. */
const PREFIXES = new Set(['exec', 'command', 'nohup', 'time', 'then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', '{', 'builtin', 'eval']);
/** Programs that run the command after their options (`tini --`, `gosu app`, `ddtrace-run`). */
const RUNNERS = new Set(['tini', 'dumb-init', 'ddtrace-run', 'opentelemetry-instrument', 'sentry-run', 'nice', 'ionice', 'chpst', 'setpriv', 'catchsegv', 'xvfb-run']);
/** Tools whose `run` runs the command after it: `poetry run gunicorn`, `uv run`, `newrelic-admin run-program`. */
const RUN_SUBCOMMAND = new Map([['poetry', 'run'], ['pipenv', 'run'], ['pdm', 'run'], ['uv', 'run'], ['hatch', 'run'], ['rye', 'run'], ['doppler', 'run'], ['newrelic-admin', 'run-program'], ['infisical', 'run'], ['op', 'run'], ['aws-vault', 'exec'], ['heroku', 'local']]);

/** What one command does, for deployment. */
export type Effect =
  | { kind: 'server'; server: LaunchedServer; interface: Interface | undefined; application: string | undefined; workerClass: string | undefined; settingsModule: string | undefined }
  | { kind: 'runserver'; settingsModule: string | undefined }
  | { kind: 'collectstatic'; settingsModule: string | undefined }
  | { kind: 'script'; ref: string; args: string[]; settingsModule: string | undefined }
  | { kind: 'passArguments' };

/** What a simple command does, after the wrappers, environment and interpreters in front of it. */
export function effectOf(command: SimpleCommand, depth: number): Effect[] {
  let words = command.words;
  let settingsModule = command.assignments.get('DJANGO_SETTINGS_MODULE');
  for (let guard = 0; guard < 16 && words.length; guard++) {
    const first = words[0];
    const name = posix.basename(first);
    if (PREFIXES.has(first) || (first.endsWith(')') && !first.includes('('))) {
      words = words.slice(1);
    } else if (name === 'env') {
      let i = 1;
      for (; i < words.length; i++) {
        const w = words[i];
        if (w === '-i' || w === '-' || w === '--ignore-environment') continue;
        if (w === '-u' || w === '--unset') { i++; continue; }
        const eq = w.indexOf('=');
        if (eq > 0 && isVariableName(w.slice(0, eq))) {
          if (w.slice(0, eq) === 'DJANGO_SETTINGS_MODULE') settingsModule = w.slice(eq + 1);
          continue;
        }
        break;
      }
      words = words.slice(i);
    } else if (isVariableAssignment(first)) {
      const eq = first.indexOf('=');
      if (first.slice(0, eq) === 'DJANGO_SETTINGS_MODULE') settingsModule = first.slice(eq + 1);
      words = words.slice(1);
    } else if (['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh'].includes(name)) {
      const c = words.findIndex((w, i) => i > 0 && w.startsWith('-') && !w.startsWith('--') && w.includes('c'));
      if (c > 0 && words[c + 1] !== undefined) {
        if (depth >= LAUNCHER_LIMITS.depth) return [];
        return simpleCommands(words[c + 1]).flatMap((sc) => withSettings(effectOf(sc, depth + 1), settingsModule));
      }
      const script = words.findIndex((w, i) => i > 0 && !w.startsWith('-'));
      return script > 0 ? [{ kind: 'script', ref: words[script], args: words.slice(script + 1), settingsModule }] : [];
    } else if (RUNNERS.has(name)) {
      const dashes = words.indexOf('--');
      words = dashes > 0 ? words.slice(dashes + 1) : skipOptions(words.slice(1));
    } else if (name === 'gosu' || name === 'su-exec') {
      words = words.slice(2);
    } else if (name === 'wait-for-it' || name === 'wait-for-it.sh' || name === 'wait-for' || name === 'dockerize' || name === 'doppler' || name === 'infisical' || name === 'op') {
      const dashes = words.indexOf('--');
      if (dashes < 0) {
        if (RUN_SUBCOMMAND.get(name) && words[1] === RUN_SUBCOMMAND.get(name)) {
          words = skipOptions(words.slice(2));
          continue;
        }
        // dockerize -wait tcp://db:5432 gunicorn …: its options take one value each.
        let i = 1;
        while (i < words.length && words[i].startsWith('-')) i += words[i].includes('=') ? 1 : 2;
        words = words.slice(i);
        if (name !== 'dockerize') return [];
      } else words = words.slice(dashes + 1);
    } else if (RUN_SUBCOMMAND.has(name) && words[1] === RUN_SUBCOMMAND.get(name)) {
      words = skipOptions(words.slice(2));
    } else if (isPython(name)) {
      let i = 1;
      while (i < words.length && words[i].startsWith('-') && words[i] !== '-m' && words[i] !== '-c') i += words[i] === '-W' || words[i] === '-X' ? 2 : 1;
      if (words[i] === '-m' && words[i + 1]) {
        const module = words[i + 1];
        if (module === 'django') return manageEffect(words.slice(i + 2), settingsModule);
        const server = LAUNCHED_SERVERS.find((s) => s.modules.includes(module));
        return server ? [serverEffect(server, words.slice(i + 2), settingsModule)] : [];
      }
      if (words[i] === undefined || words[i] === '-c') return [];
      words = words.slice(i);
    } else if (name === 'manage.py' || name === 'django-admin' || name === 'django-admin.py') {
      return manageEffect(words.slice(1), settingsModule);
    } else {
      const server = LAUNCHED_SERVERS.find((s) => s.commands.includes(name));
      if (server) return [serverEffect(server, words.slice(1), settingsModule)];
      if (first === '"$@"' || first === '$@' || first === '"${@}"' || first === '$*') return [{ kind: 'passArguments' }];
      if (first.includes('/') || name.endsWith('.sh')) return [{ kind: 'script', ref: first, args: words.slice(1), settingsModule }];
      return [];
    }
  }
  return [];
}

function withSettings(effects: Effect[], settingsModule: string | undefined): Effect[] {
  if (!settingsModule) return effects;
  return effects.map((e) => ('settingsModule' in e && !e.settingsModule ? { ...e, settingsModule } : e));
}

export function isVariableAssignment(word: string): boolean {
  const eq = word.indexOf('=');
  return eq > 0 && isVariableName(word.slice(0, eq));
}

function skipOptions(words: string[]): string[] {
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) {
    if (words[i] === '--') return words.slice(i + 1);
    i++;
  }
  return words.slice(i);
}

function isPython(name: string): boolean {
  if (name === 'python' || name === 'python3' || name === 'python2' || name === 'pypy3' || name === 'pypy') return true;
  if (!name.startsWith('python3.')) return false;
  for (const c of name.slice(8)) if (c < '0' || c > '9') return false;
  return name.length > 8;
}

/** `manage.py runserver …`, `collectstatic`, `runmodwsgi`: Django's first argument is the subcommand. */
function manageEffect(args: string[], settingsModule: string | undefined): Effect[] {
  const settings = optionValue(args, '--settings') ?? settingsModule;
  const sub = args[0];
  if (sub === 'runserver' || sub === 'runserver_plus' || sub === 'runsslserver') return [{ kind: 'runserver', settingsModule: settings }];
  if (sub === 'collectstatic') return [{ kind: 'collectstatic', settingsModule: settings }];
  if (sub === 'runmodwsgi') {
    const modWsgi = LAUNCHED_SERVERS.find((s) => s.id === 'mod_wsgi')!;
    return [{ kind: 'server', server: modWsgi, interface: 'wsgi', application: undefined, workerClass: undefined, settingsModule: settings }];
  }
  return [];
}

/** `--name value` or `--name=value` among words. */
function optionValue(words: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    for (const n of names) {
      if (words[i] === n) return words[i + 1];
      if (words[i].startsWith(n + '=')) return words[i].slice(n.length + 1);
      // Short options glued to their value: -kuvicorn.workers.UvicornWorker.
      if (n.length === 2 && n[0] === '-' && n[1] !== '-' && words[i].startsWith(n) && words[i].length > 2 && words[i][2] !== '-') return words[i].slice(2);
    }
  }
  return undefined;
}

/** A Python import path `pkg.module` or `pkg.module:callable` (callable may end in `()`). */
function looksLikeApplication(word: string): boolean {
  const colon = word.indexOf(':');
  const module = colon < 0 ? word : word.slice(0, colon);
  const callable = colon < 0 ? '' : word.slice(colon + 1).replace(/\(\)$/, '');
  const identifiers = (s: string) => s.split('.').every((p) => p.length > 0 && isVariableName(p));
  if (!identifiers(module)) return false;
  if (colon < 0) return module.includes('.') && /\.(wsgi|asgi)$/.test(module);
  return callable === '' ? false : identifiers(callable);
}

function serverEffect(server: LaunchedServer, args: string[], settingsModule: string | undefined): Effect {
  let application = server.appOptions.length ? optionValue(args, ...server.appOptions) : undefined;
  if (!application) {
    for (let i = 0; i < args.length; i++) {
      const w = args[i];
      if (w === '--') continue;
      if (w.startsWith('-')) {
        if (!w.includes('=') && !server.flags.includes(w) && !(w.length > 2 && w[1] !== '-')) i++;
        continue;
      }
      if (server.subcommands.includes(w)) continue;
      if (looksLikeApplication(w) || (server.pathApplication && w.endsWith('.py'))) {
        application = w;
        break;
      }
    }
  }
  // Options a server reads the environment from: gunicorn -e, uwsgi --env.
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '-e' || args[i] === '--env' ? args[i + 1] : args[i].startsWith('--env=') ? args[i].slice(6) : undefined;
    if (value?.startsWith('DJANGO_SETTINGS_MODULE=')) settingsModule = value.slice('DJANGO_SETTINGS_MODULE='.length);
  }
  let chosen = server;
  let iface = server.interface;
  const workerClass = server.id === 'gunicorn' ? optionValue(args, '-k', '--worker-class') : undefined;
  if (workerClass && /uvicorn/i.test(workerClass)) {
    chosen = LAUNCHED_SERVERS.find((s) => s.id === 'gunicorn-uvicorn') ?? server;
    iface = 'asgi';
  }
  if (server.id === 'granian') {
    const i = optionValue(args, '--interface');
    iface = i === 'asgi' || i === 'asginl' ? 'asgi' : i === 'wsgi' ? 'wsgi' : undefined;
  }
  return { kind: 'server', server: chosen, interface: iface, application, workerClass, settingsModule };
}

