// Dockerfiles as Docker builds and runs them: stages, the last stage's CMD and ENTRYPOINT combined
// (exec and shell forms), ENV, RUN collectstatic in the stages the final one is built from, and
// COPY'd entry-point scripts mapped back to their project files.

import * as posix from 'node:path/posix';
import { Scan, type CommandPlace, type Context, type LauncherContext, type LauncherFile } from './launchers';
import { isVariableAssignment, isVariableName, simpleCommands } from './launchCommands';
import { firstSpace, logicalLines, oneLine, unquote } from './lines';

interface DockerStage {
  name: string | undefined;
  /** The image or earlier stage it starts from. */
  from: string;
  env: Map<string, string>;
  cmd: DockerCommand | undefined;
  entrypoint: DockerCommand | undefined;
  /** CMD set in this stage (an ENTRYPOINT then keeps it). */
  cmdSet: boolean;
  runs: { text: string; place: CommandPlace }[];
  /** Stages whose files COPY --from brings in. */
  copiesFrom: string[];
  /** COPY destinations → sources (relative to the build context). */
  copies: { sources: string[]; dest: string }[];
}

interface DockerCommand {
  /** Exec form: the argv; shell form: undefined. */
  exec: string[] | undefined;
  shell: string;
  place: CommandPlace;
}

/**
 * Docker's semantics (docs.docker.com/reference/dockerfile): a line ending in the escape
 * character (`\`, or the `# escape=` directive's) continues; comment lines inside an instruction
 * are dropped. Only the last stage is the image; it inherits ENV, CMD and ENTRYPOINT from the
 * stage it is built `FROM`. The last CMD wins. An exec-form ENTRYPOINT receives CMD as arguments
 * (CMD in shell form becomes `/bin/sh -c "…"`); a shell-form ENTRYPOINT ignores CMD. Setting
 * ENTRYPOINT clears a CMD inherited from the base image (not one set earlier in the same stage).
 * Exec form is a JSON array of strings; anything else is shell form.
 */
export function dockerStages(file: LauncherFile): DockerStage[] {
  const stages: DockerStage[] = [];
  let escape = '\\';
  // Parser directives come first: `# escape=`` ` (Windows images).
  for (const { text } of logicalLines(file.text.slice(0, 2000), '')) {
    const t = text.trim();
    if (!t.startsWith('#')) break;
    const body = t.slice(1).trim().toLowerCase();
    if (body.startsWith('escape') && body.includes('=')) {
      const value = body.slice(body.indexOf('=') + 1).trim();
      if (value === '`' || value === '\\') escape = value;
    }
  }
  let current: DockerStage | undefined;
  for (const { text, start, end, line } of dockerInstructions(file.text, escape)) {
    const t = text.trim();
    const space = firstSpace(t);
    const keyword = (space < 0 ? t : t.slice(0, space)).toUpperCase();
    const rest = space < 0 ? '' : t.slice(space + 1).trim();
    const place: CommandPlace = { file: file.path, start, end, line, label: oneLine(t) };
    if (keyword === 'FROM') {
      const words = rest.split(/[ \t]+/).filter((w) => !w.startsWith('--'));
      const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
      const parent = stages.find((s) => s.name !== undefined && s.name === words[0]?.toLowerCase());
      current = {
        name: asAt > 0 ? words[asAt + 1]?.toLowerCase() : undefined,
        from: words[0]?.toLowerCase() ?? '',
        env: new Map(parent?.env ?? []),
        cmd: parent?.cmd,
        entrypoint: parent?.entrypoint,
        cmdSet: false,
        runs: [],
        copiesFrom: parent?.name ? [parent.name] : [],
        copies: [...(parent?.copies ?? [])],
      };
      stages.push(current);
      continue;
    }
    if (!current) continue;
    if (keyword === 'ENV') for (const [k, v] of dockerEnv(rest)) current.env.set(k, v);
    else if (keyword === 'CMD') {
      current.cmd = dockerCommand(rest, place);
      current.cmdSet = true;
    } else if (keyword === 'ENTRYPOINT') {
      current.entrypoint = dockerCommand(rest, place);
      if (!current.cmdSet) current.cmd = undefined;
    } else if (keyword === 'RUN') {
      const command = dockerCommand(dropRunOptions(rest), place);
      current.runs.push({ text: command.exec ? command.exec.join(' ') : command.shell, place });
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const words = (jsonArray(rest) ?? rest.split(/[ \t]+/)).filter(Boolean);
      const from = words.find((w) => w.startsWith('--from='));
      if (from) current.copiesFrom.push(from.slice(7).toLowerCase());
      const paths = words.filter((w) => !w.startsWith('--'));
      if (!from && paths.length >= 2) current.copies.push({ sources: paths.slice(0, -1), dest: paths[paths.length - 1] });
    }
  }
  return stages;
}

function trimEndBlanks(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
}


/** Instructions: continued lines joined, comment lines inside them dropped, heredocs skipped. */
function* dockerInstructions(source: string, escape: string): Generator<{ text: string; start: number; end: number; line: number }> {
  const lines = [...logicalLines(source, '')];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    const t = first.text.trim();
    if (!t || t.startsWith('#')) {
      i++;
      continue;
    }
    let joined = '';
    let end = first.end;
    let text = first.text;
    for (;;) {
      const trimmedEnd = trimEndBlanks(text);
      if (trimmedEnd.endsWith(escape) && i + 1 < lines.length) {
        joined += trimmedEnd.slice(0, -escape.length) + ' ';
        i++;
        // Comment and empty lines inside a continued instruction are dropped.
        while (i < lines.length && (lines[i].text.trim().startsWith('#') || !lines[i].text.trim()) && i + 1 < lines.length) i++;
        text = lines[i].text;
        end = lines[i].end;
        continue;
      }
      joined += text;
      break;
    }
    i++;
    // RUN <<EOF … EOF: the heredoc body is part of the instruction.
    const heredoc = heredocMarker(joined);
    if (heredoc) {
      const body: string[] = [];
      while (i < lines.length && lines[i].text.trim() !== heredoc) body.push(lines[i++].text);
      if (i < lines.length) end = lines[i].end;
      i++;
      joined = `${joined.slice(0, joined.indexOf('<<'))}\n${body.join('\n')}`;
    }
    yield { text: joined, start: first.start, end, line: first.line };
  }
}

function heredocMarker(instruction: string): string | undefined {
  const at = instruction.indexOf('<<');
  if (at < 0) return undefined;
  let word = instruction.slice(at + 2).trim();
  if (word.startsWith('-')) word = word.slice(1);
  word = unquote(word.split(/[ \t]/)[0] ?? '');
  return isVariableName(word) ? word : undefined;
}

function dropRunOptions(rest: string): string {
  let r = rest;
  while (r.startsWith('--')) {
    const space = firstSpace(r);
    r = space < 0 ? '' : r.slice(space + 1).trimStart();
  }
  return r;
}

function dockerCommand(rest: string, place: CommandPlace): DockerCommand {
  const exec = jsonArray(rest);
  return { exec, shell: exec ? '' : rest, place };
}

/** A JSON array of strings (Docker's exec form), or undefined. */
function jsonArray(s: string): string[] | undefined {
  const t = s.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** `ENV A=1 B="two words"` or the legacy `ENV A value with spaces`. */
function dockerEnv(rest: string): [string, string][] {
  const space = firstSpace(rest);
  const firstWord = space < 0 ? rest : rest.slice(0, space);
  if (!firstWord.includes('=')) return space < 0 ? [] : [[firstWord, unquote(rest.slice(space + 1).trim())]];
  const out: [string, string][] = [];
  for (const sc of simpleCommands(rest)) {
    for (const [k, v] of sc.assignments) out.push([k, v]);
    for (const w of sc.words) if (isVariableAssignment(w)) out.push([w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
  }
  return out;
}

/** The stages the image needs: the last one, the stages it is built from and copies from. */
function finalStages(stages: DockerStage[]): DockerStage[] {
  const last = stages[stages.length - 1];
  if (!last) return [];
  const out = new Set<DockerStage>([last]);
  const queue = [last];
  for (let guard = 0; queue.length && guard < 256; guard++) {
    const s = queue.shift()!;
    for (const name of [s.from, ...s.copiesFrom]) {
      const byName = stages.find((x) => x.name === name) ?? (/^\d+$/.test(name) ? stages[Number(name)] : undefined);
      if (byName && !out.has(byName)) {
        out.add(byName);
        queue.push(byName);
      }
    }
  }
  return stages.filter((s) => out.has(s));
}

export function readDockerfile(scan: Scan, file: LauncherFile, fileEnv: Context['environment'], context: LauncherContext): void {
  const stages = dockerStages(file);
  const image = stages[stages.length - 1];
  if (!image) return;
  const settingsModule = image.env.get('DJANGO_SETTINGS_MODULE');
  const ctx: Context = { environment: fileEnv, settingsModule, via: `${posix.basename(file.path)} RUN` };
  for (const stage of finalStages(stages)) for (const run of stage.runs) scan.command(run.text, run.place, { ...ctx, settingsModule: stage.env.get('DJANGO_SETTINGS_MODULE') ?? settingsModule });
  // Scripts copied into the image: `COPY ./compose/production/django/start /start`.
  const copied = (ref: string): LauncherFile | undefined => {
    for (const c of image.copies) {
      for (const source of c.sources) {
        const target = c.dest.endsWith('/') ? posix.join(c.dest, posix.basename(source)) : c.dest;
        if (target === ref || posix.normalize(target) === posix.normalize(ref)) return context.resolve(source, file.path);
      }
    }
    return undefined;
  };
  const resolving: LauncherContext = { ...context, resolve: (ref, from) => (from === file.path ? copied(ref) : undefined) ?? context.resolve(ref, from) };
  const inner = new Scan(resolving);
  const { entrypoint, cmd } = image;
  const cmdWords = cmd ? (cmd.exec ?? ['/bin/sh', '-c', cmd.shell]) : [];
  if (entrypoint) {
    const runCtx = { ...ctx, via: `${posix.basename(file.path)} ENTRYPOINT` };
    if (entrypoint.exec) {
      const cmdCtx = { ...ctx, via: `${posix.basename(file.path)} CMD` };
      // The entry point's argv, then CMD's. A script that ends in `exec "$@"` runs CMD.
      const ran = inner.command(entrypoint.exec, entrypoint.place, runCtx, cmdWords);
      if (!ran && cmd && entrypoint.exec.length && !isScript(entrypoint.exec)) inner.command(cmdWords, cmd.place, cmdCtx);
    } else inner.command(entrypoint.shell, entrypoint.place, runCtx);
  } else if (cmd) {
    const cmdCtx = { ...ctx, via: `${posix.basename(file.path)} CMD` };
    if (cmd.exec) inner.command(cmd.exec, cmd.place, cmdCtx);
    else inner.command(cmd.shell, cmd.place, cmdCtx);
  }
  scan.out.launches.push(...inner.out.launches);
  scan.out.collectstatic.push(...inner.out.collectstatic);
}

function isScript(argv: string[]): boolean {
  const first = argv[0] ?? '';
  return first.includes('/') || first.endsWith('.sh');
}

