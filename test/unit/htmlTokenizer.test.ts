// Our HTML tokenizer against htmlparser2's own Tokenizer: on random markup, half-typed markup and
// real templates, both must report the same events with the same offsets, stop at the same
// event when paused, and agree on whether they ended at rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from 'htmlparser2';
import { HtmlTokenizer, type HtmlCallbacks } from '../../server/src/engine/templates/htmlTokenizer';
// @ts-expect-error: a plain .mjs module shared with the benchmark
import { template } from '../../scripts/bench/templates.mjs';

const EVENTS = ['onopentagname', 'onattribname', 'onattribdata', 'onattribend', 'onopentagend', 'onselfclosingtag', 'onclosetag', 'ontext', 'oncomment', 'oncdata', 'ondeclaration', 'onprocessinginstruction', 'onend'] as const;

interface Run {
  events: string[];
  rest: boolean;
}

/** Every event as one string; `pauseAt`: the tokenizer is paused inside that event. */
function recorder(events: string[], pause: () => void, pauseAt: number): HtmlCallbacks {
  const cbs: Record<string, (...args: number[]) => void> = {};
  for (const name of EVENTS) {
    cbs[name] = (...args: number[]) => {
      events.push(`${name}(${args.join(',')})`);
      if (events.length === pauseAt) pause();
    };
  }
  // htmlparser2 also reports entities; with decodeEntities off it never does, but it must not throw.
  cbs.onattribentity = cbs.ontextentity = () => events.push('entity');
  return cbs as unknown as HtmlCallbacks;
}

/** htmlparser2 keeps its state private: plain text, outside raw-text elements. */
function atRest(tokenizer: Tokenizer): boolean {
  const t = tokenizer as unknown as { state: unknown; isSpecial: unknown };
  const text = (new Tokenizer({}, {} as never) as unknown as { state: unknown }).state;
  assert.equal(typeof text, 'number', "htmlparser2's private state changed: update this probe");
  return t.state === text && t.isSpecial === false;
}

function theirs(text: string, pauseAt = -1): Run {
  const events: string[] = [];
  let t: Tokenizer | undefined;
  t = new Tokenizer({ decodeEntities: false }, recorder(events, () => t!.pause(), pauseAt) as never);
  t.write(text);
  const rest = atRest(t);
  t.end();
  return { events, rest };
}

function ours(text: string, pauseAt = -1): Run {
  const events: string[] = [];
  let t: HtmlTokenizer | undefined;
  t = new HtmlTokenizer(recorder(events, () => t!.pause(), pauseAt));
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  t.write(units);
  const rest = t.atRest();
  t.end();
  return { events, rest };
}

function same(text: string, pauseAt = -1) {
  const a = theirs(text, pauseAt);
  const b = ours(text, pauseAt);
  assert.deepEqual(b, a, `for ${JSON.stringify(text)}${pauseAt >= 0 ? ` paused at event ${pauseAt}` : ''}`);
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that steer the tokenizer through every state, case variants included.
const PIECES = [
  '<', '>', '/', '=', '"', "'", ' ', '\n', '\t', '\r', '\f', '!', '?', '-', '[', ']', '&', 'a', 'B', '1', 'é', '\u2014',
  '<img', '<IMG', '<a', '</a', '</', '</ ', '<!--', '-->', '--->', '<!-->', '<!', '<![CDATA[', ']]>', ']]]>', '<?xml', '<!DOCTYPE html>',
  '<script', '<SCRIPT', '</script', '</SCRIPT>', '<style', '</style>', '<title', '</title', '<textarea', '</textarea>', '<xmp', '</xmp', '<tmp', '<xitle',
  '<sc', '<st', '<s', '<t', '<x', ' src="/static/a.png"', " href='x'", ' alt', ' data-x=1', ' style="background:url(a.png)"', '/>', ' />', '<br/>',
  '<</script>', '</script/', '<!-x>', '<!x', '<![CDAT', '</1>', '</>', '< p>', 'x=y', '="', "='",
];

test('random markup: the same events as htmlparser2', () => {
  const next = random(42);
  for (let n = 0; n < 20000; n++) {
    const parts = 1 + Math.floor(next() * 14);
    let text = '';
    for (let k = 0; k < parts; k++) text += PIECES[Math.floor(next() * PIECES.length)];
    same(text);
  }
});

test('paused inside any event: the same events up to the pause', () => {
  const next = random(7);
  for (let n = 0; n < 5000; n++) {
    const parts = 2 + Math.floor(next() * 12);
    let text = '';
    for (let k = 0; k < parts; k++) text += PIECES[Math.floor(next() * PIECES.length)];
    const count = theirs(text).events.length;
    same(text, 1 + Math.floor(next() * count));
  }
});

test('edge cases: empty text, lone delimiters, unclosed constructs at the end', () => {
  for (const text of ['', '<', '>', '</', '<!', '<!-', '<!--', '<!---', '<![', '<![CDATA[x', '<?', '<a', '<a ', '<a b', '<a b=', '<a b="', "<a b='x", '<a b=x', '<a/', '</a', '</a ', '<script>', '<script>x</scr', '<script>x</script', '<title>a&amp;b</title>', '<textarea>x</textarea', '<style>a</style b>']) same(text);
});

test('real templates: the benchmark corpus and the fixture projects', () => {
  for (let i = 0; i < 40; i++) {
    const text: string = template(60 + i * 7, i + 1);
    same(text);
    // Every prefix of a template is half-typed markup somewhere.
    for (let cut = 0; cut < text.length; cut += 97) same(text.slice(0, cut));
  }
  const fixtures = 'test/fixtures';
  if (!existsSync(fixtures)) return;
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : /\.(html|txt|svg)$/.test(n) ? [join(dir, n)] : []));
  for (const file of walk(fixtures)) same(readFileSync(file, 'utf8'));
});
