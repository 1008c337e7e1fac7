// Runs one of the editor scripts in test/editor/ui/ as a separate Node process (ESM, so it can use
// import.meta; the bundled CJS test files cannot import it) and maps its exit code onto node:test:
// 0 = pass, 77 = skip (the script's last "SKIP: reason" line becomes the skip reason), else fail
// with the tail of the output.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestContext } from 'node:test';

/** The repository root: the compiled tests sit in out/test/editor/. */
export const repoRoot = resolve(__dirname, '../../..');

export const SKIP_CODE = 77;

export async function runEditorScript(t: TestContext, script: string, args: string[] = [], timeoutMs = 240_000): Promise<void> {
  const started = Date.now();
  const child = spawn(process.execPath, [resolve(repoRoot, script), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  const collect = (chunk: Buffer) => { output += chunk.toString(); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // the script stops its own code-server and chromium on SIGTERM; SIGKILL if it hangs
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  }, timeoutMs);
  const code: number | null = await new Promise((r) => child.once('close', (c) => r(c)));
  clearTimeout(timer);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const tail = output.split('\n').slice(-60).join('\n');
  if (code === SKIP_CODE) {
    const reason = [...output.matchAll(/^SKIP: (.*)$/gm)].pop()?.[1] ?? 'skipped by the script';
    t.diagnostic(`${script}: skipped after ${seconds}s`);
    t.skip(reason);
    return;
  }
  if (code !== 0 || timedOut) {
    throw new Error(`${script} ${timedOut ? `timed out after ${timeoutMs / 1000}s` : `exited with ${code}`} after ${seconds}s; output tail:\n${tail}`);
  }
  t.diagnostic(`${script}: passed in ${seconds}s`);
  if (process.env.EDITOR_TEST_VERBOSE) console.log(output);
}
