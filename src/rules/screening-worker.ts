import { parentPort, workerData } from 'node:worker_threads';
import { Divisions } from '../calendar/divisions.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import type { ApplicantResult, RosterLayout } from '../core/types.js';
import { Screening } from './engine.js';
import { decodeApplicants, IN_FLIGHT, STATE, STATE_FAILED, STATE_SERVING, type FromWorker, type ToWorker, type WorkerInit } from './screening-protocol.js';

// The rules' side of a remote screening (screening-remote.ts): a detached Screening that takes
// applicants in batches and hands results back batch by batch, while the main thread reads on.

/** Runs in the worker: serves the main thread's messages until it ends the screening. */
export function serveScreening(): void {
  const port = parentPort;
  if (!port) throw new Error('serveScreening runs in a worker thread');
  const init = workerData as WorkerInit;
  const shared = new Int32Array(init.sync);
  const post = (m: FromWorker) => port.postMessage(m);
  let failed = false;
  // A failed worker must not leave the main thread waiting for room that never comes.
  const fail = (err: unknown) => {
    failed = true;
    Atomics.store(shared, STATE, STATE_FAILED);
    Atomics.notify(shared, IN_FLIGHT);
    const e = err instanceof Error ? err : new Error(String(err));
    post({ t: 'error', name: e.name, message: e.message, stack: e.stack ?? '' });
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const layouts: RosterLayout[] = [];
  const fieldIds: string[][] = [];
  const ready = Screening.create(init.ruleSet, {
    asOf: init.asOf,
    strictColumns: init.strictColumns,
    // The official calendar and divisions, as the CLI's own run has: data, not worth cloning.
    env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: init.integrity },
    keepListFields: init.keepListFields,
    part: 'rows',
  });
  // Messages are handled strictly in order, each after the screening is ready.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    queue = queue
      .then(async () => {
        if (!failed) handle(await ready, m);
      })
      .catch(fail);
  });
  Atomics.store(shared, STATE, STATE_SERVING);

  function handle(screening: Screening, m: ToWorker): void {
    switch (m.t) {
      case 'begin':
        layouts.push(m.layout);
        fieldIds.push([...m.layout.fields.keys()]);
        screening.beginInput(m.layout);
        return;
      case 'rows': {
        const results: ApplicantResult[] = [];
        decodeApplicants(m.rows, layouts, fieldIds, (app) => results.push(screening.add(app)!));
        post({ t: 'results', results });
        // Room for one more batch: the main thread blocks while too many are queued here.
        Atomics.sub(shared, IN_FLIGHT, 1);
        Atomics.notify(shared, IN_FLIGHT);
        return;
      }
      case 'finish':
        // Its unchecked rules and missing columns are the main thread's too, which runs the cross checks.
        post({ t: 'end' });
        return;
    }
  }
}
