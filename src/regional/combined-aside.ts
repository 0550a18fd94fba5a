import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/user-error.js';
import { adoptStaged, scratchFolderIn } from '../output/atomic-write.js';
import type { RunResult } from '../report/run-result.js';
import type { CombinedMessage, CombinedJob } from './combined-worker.js';
import { writeCombinedOutputs, type CombinedOptions } from './write-combined.js';

export { COMBINED_NAMES } from './write-combined.js';

// The combined outputs (推荐名单, 退回清单, reports) take as long as the annotated copies; with two
// cores they are written on a second thread meanwhile: 10 000 applicants with --out-dir needed it
// to stay within 3 × the floor (issue 20, bench/results.md). The worker gets a copy of the run,
// ~16 MiB of heap at 10 000 applicants but ~200 MiB at 100 000, where the memory target matters
// more than the time: above ASIDE_MAX the outputs are written here, after the annotated copies.
// Either way writeCombinedOutputs does the writing; only the thread differs.
export const ASIDE_MAX_APPLICANTS = 20_000;

export interface CombinedOutputs {
  /** The paths written (staged in the open transaction); progress from here on goes to `onPart`. */
  finish(): Promise<string[]>;
  /** Stops the worker when the run fails before `finish` (its scratch folder goes with the transaction). */
  cancel(): Promise<void>;
}

/**
 * Starts the combined outputs inside the open output transaction: on a worker when the CLI runs
 * from its bundle and the run is small enough, else they are written when `finish` is called.
 * `boot` is the worker's script (tests give one that runs the compiled modules).
 */
export function beginCombinedOutputs(run: RunResult, opts: CombinedOptions, boot = workerBoot()): CombinedOutputs {
  if (boot === null || run.applicants.length > ASIDE_MAX_APPLICANTS) {
    return { finish: () => writeCombinedOutputs(run, opts), cancel: async () => undefined };
  }
  const { onPart, ...rest } = opts; // a function cannot cross to the worker
  const job: CombinedJob = { run, opts: rest, scratch: scratchFolderIn(opts.outDir) };
  // Sent as a message, not as workerData, which NODE_DEBUG=worker would print.
  const worker = new Worker(boot, { stdout: true });
  worker.postMessage(job);
  // Parts finished before `finish` (the annotated copies still being written) are told then.
  let lastPart: [number, number] | null = null;
  let finishing = false;
  const result = new Promise<string[]>((resolve, reject) => {
    worker.on('message', (m: CombinedMessage) => {
      if (m.kind === 'part') {
        lastPart = [m.done, m.total];
        if (finishing) onPart?.(m.done, m.total);
      } else if (m.kind === 'done') {
        adoptStaged(m.staged);
        resolve(m.written);
      } else reject(failure(m));
    });
    worker.on('error', (err) => reject(err));
    worker.on('exit', (code) => reject(Object.assign(new Error(`the combined outputs' worker ended (${code})`), { name: 'WorkerExit' })));
  });
  result.catch(() => undefined); // awaited in finish(); a run failing first cancels
  return {
    finish: async () => {
      finishing = true;
      if (lastPart) onPart?.(...lastPart);
      try {
        return await result;
      } finally {
        await worker.terminate();
      }
    },
    cancel: async () => {
      await worker.terminate();
    },
  };
}

function failure(m: Extract<CombinedMessage, { kind: 'failed' }>): Error {
  if (m.user) return new UserError(m.user.code, m.user.text);
  const err = new Error('the combined outputs failed in the worker');
  err.name = m.internal?.name ?? 'Error';
  if (m.internal?.stack) err.stack = m.internal.stack;
  return err;
}

/**
 * The worker's script, when there is one to start: bin/combined-worker.js beside the CLI bundle
 * (dist/bundle/main.cjs) that bin/screen.js loads, as `roster-screen` runs. Not from the compiled
 * modules (tests, profiles) nor in a single-file executable, whose bundle is an asset with no
 * script beside it: those write on this thread.
 */
function workerBoot(): URL | null {
  const self = import.meta.url;
  if (!self.endsWith('/dist/bundle/main.cjs')) return null;
  const script = new URL('../../bin/combined-worker.js', self);
  return existsSync(fileURLToPath(script)) ? script : null;
}
