// Long work off the request path. Whole-project passes (every template, every module scanned for
// async views) run as many small units, in slices of a few milliseconds; between slices the
// event loop reads messages, a document being typed in gets its diagnostics first, and a
// cancelled request stops. Progress is shown for passes long enough to notice.

import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** Work done between two looks at the event loop. */
export const SLICE_MS = 12;
/** From how many units a pass shows progress. */
export const PROGRESS_UNITS = 300;

export interface SliceOptions {
  /** The request's token: cancelling it ends the pass with RequestCancelled. */
  token?: CancellationToken;
  /** Another way to cancel (the editor's progress notification). */
  cancelled?: () => boolean;
  /** Something more urgent is waiting (a typed document's diagnostics): yield until it is done. */
  urgent?: () => boolean;
  /** Stop without an error (the server is shutting down). */
  stopped?: () => boolean;
}

/**
 * The next turn of the event loop, after pending I/O. setImmediate, not setTimeout: a chain of
 * zero-delay timers whose callbacks take a millisecond or more runs within one timers phase,
 * so the loop never polls and no message is read until the chain ends.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The error a cancelled request answers with. (Not a subclass: ResponseError resets its prototype.) */
const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

export function isCancelled(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
}

/**
 * Runs every unit, a slice at a time. Throws RequestCancelled when `token` is cancelled; returns false
 * when stopped, true when every unit ran.
 */
export async function inSlices(units: readonly (() => void)[], options: SliceOptions & { progress?: (done: number, total: number) => void } = {}): Promise<boolean> {
  let sliceStart = performance.now();
  // Progress every 5 % of the units: a steady count whatever the machine's speed.
  const step = Math.max(1, Math.ceil(units.length / 20));
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && i % step === 0) options.progress?.(i, units.length);
    if (performance.now() - sliceStart >= SLICE_MS) {
      do await nextTurn();
      while (options.urgent?.());
      if (options.token?.isCancellationRequested || options.cancelled?.()) throw cancelled();
      if (options.stopped?.()) return false;
      sliceStart = performance.now();
    }
    units[i]();
  }
  return true;
}

/**
 * inSlices with work-done progress in the editor when there are PROGRESS_UNITS units or more;
 * the progress can be cancelled from the editor too.
 */
export async function withProgress(connection: Connection, title: string, units: readonly (() => void)[], options: SliceOptions = {}): Promise<boolean> {
  let reporter: WorkDoneProgressServerReporter | undefined;
  if (units.length >= PROGRESS_UNITS) reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
  reporter?.begin(title, 0, `${units.length.toLocaleString('en')} files`, true);
  try {
    return await inSlices(units, {
      ...options,
      cancelled: () => !!reporter?.token.isCancellationRequested || !!options.cancelled?.(),
      progress: (done, total) => reporter?.report(Math.round((done / total) * 100), `${done.toLocaleString('en')} of ${total.toLocaleString('en')} files`),
    });
  } finally {
    reporter?.done();
  }
}
