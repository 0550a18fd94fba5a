import { parentPort } from 'node:worker_threads';
import { isUserError } from '../core/user-error.js';
import { putTempsIn, stagedWrites } from '../output/atomic-write.js';
import type { RunResult } from '../report/run-result.js';
import { writeCombinedOutputs, type CombinedOptions } from './write-combined.js';

// The worker's half of combined-aside.ts: writes the combined outputs into the main thread's
// scratch folder and reports what it staged, each part's progress, or what went wrong.

/** What the main thread sends (a structured-clone copy of the run). */
export interface CombinedJob {
  run: RunResult;
  opts: Omit<CombinedOptions, 'onPart'>;
  scratch: string;
}

/** What the worker answers, in order: any number of `part`, then one `done` or `failed`. */
export type CombinedMessage =
  | { kind: 'part'; done: number; total: number }
  | { kind: 'done'; written: string[]; staged: { tmp: string; target: string }[] }
  | { kind: 'failed'; user?: { code: string; text: { zh: string; en: string } }; internal?: { name: string; stack?: string } };

/** Runs in the worker thread (the CLI bundle's `combinedWorkerMain`). */
export async function combinedWorkerMain(): Promise<void> {
  const port = parentPort!;
  const job = await new Promise<CombinedJob>((resolve) => port.once('message', resolve));
  const post = (m: CombinedMessage) => port.postMessage(m);
  putTempsIn(job.scratch);
  try {
    const onPart = (done: number, total: number) => post({ kind: 'part', done, total });
    const { value, staged } = await stagedWrites(() => writeCombinedOutputs(job.run, { ...job.opts, onPart }));
    post({ kind: 'done', written: value, staged });
  } catch (err) {
    // A user's error crosses as its code and text; anything else only by name (its message may hold data).
    if (isUserError(err)) post({ kind: 'failed', user: { code: err.code, text: err.text } });
    else post({ kind: 'failed', internal: { name: err instanceof Error ? err.name : 'Error', stack: process.env.ROSTER_SCREEN_DEBUG && err instanceof Error ? err.stack : undefined } });
  }
}
