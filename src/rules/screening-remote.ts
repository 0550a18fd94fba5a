import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Applicant, ApplicantResult, Finding, RosterLayout } from '../core/types.js';
import type { CheckEnv } from './check-kind.js';
import { assembleResults, MessagePool, Screening, type ScreenResult } from './engine.js';
import type { ExceptionEntry } from './exceptions.js';
import { sharedString } from '../io/own-string.js';
import { encodeApplicant, IN_FLIGHT, STATE, STATE_FAILED, STATE_SERVING, type FromWorker, type RowBatch, type ToWorker, type WorkerInit } from './screening-protocol.js';

// A screening whose row checks run on a worker thread (screening-worker.ts), so a big roster is read
// on one core and screened on the other. The main thread posts applicants in batches and keeps the
// results; it runs the cross checks itself (cheap per row, but their state grows with the run and
// belongs beside the results, not copied into a second heap). The outcome is exactly what an
// in-thread Screening gives (engine.ts).

/** Applicants per message: large enough that posting is cheap, small enough to overlap well. */
const BATCH = 256;
/** Batches queued at the worker before the reader waits (memory stays small when rules are slower). */
const MAX_IN_FLIGHT = 8;
/** A worker that screens nothing for this long has stopped (it takes milliseconds a batch). */
const STALL_MS = 60_000;

/**
 * Rosters smaller than this (all inputs together) are screened in-thread: starting the worker
 * costs ~100 ms, more than it saves below ~5 000 applicants (1 000 rows: +80 ms, 10 000: −230 ms,
 * 100 000: −3 s, measured at ~215 bytes a row).
 */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

/**
 * The worker entry to screen these files with, or null to screen in-thread. The environment
 * variable ROSTER_SCREEN_RULES_WORKER=on|off overrides the size rule (tests, benchmarks).
 */
export function screeningWorkerFor(files: readonly string[]): string | null {
  const mode = process.env.ROSTER_SCREEN_RULES_WORKER;
  if (mode === 'off') return null;
  const entry = screeningWorkerEntry();
  if (entry === null || mode === 'on') return entry;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // Unreadable: reading it reports that in its turn.
    }
  }
  return bytes >= WORKER_MIN_BYTES ? entry : null;
}

/** The worker's entry: in the bundle, bin/screening-worker.js; unbundled, the compiled module beside this one. */
export function screeningWorkerEntry(): string | null {
  const here = import.meta.url;
  const entry = fileURLToPath(new URL(here.endsWith('.cjs') ? '../../bin/screening-worker.js' : './screening-worker-main.js', here));
  return existsSync(entry) ? entry : null;
}

export class RemoteScreening {
  private readonly worker: Worker;
  private readonly sync: Int32Array;
  private readonly layouts: RosterLayout[] = [];
  private readonly results: ApplicantResult[] = [];
  private readonly messages = new MessagePool();
  /** Per input, each field's position in its layout (the batch's field numbers). */
  private readonly fieldIndex: Map<string, number>[] = [];
  private batch: RowBatch = [];
  private batchRows = 0;
  private failure: Error | undefined;
  private readonly ended: Promise<void>;

  /**
   * Starts the worker, then prepares the cross checks here while it boots. `env` must hold the
   * official calendar and divisions: the worker uses those.
   */
  static async start(entry: string, init: Omit<WorkerInit, 'sync'>, env: Omit<CheckEnv, 'asOf' | 'ruleSet'>, exceptions: ExceptionEntry[]): Promise<RemoteScreening> {
    const remote = new RemoteScreening(entry, init, exceptions);
    try {
      remote.cross = await Screening.create(init.ruleSet, { asOf: init.asOf, strictColumns: init.strictColumns, env, part: 'cross' });
    } catch (err) {
      await remote.close();
      throw err;
    }
    return remote;
  }

  /** The cross checks' part, run here. */
  private cross!: Screening;

  private constructor(
    entry: string,
    init: Omit<WorkerInit, 'sync'>,
    private readonly exceptions: ExceptionEntry[],
  ) {
    const shared = new SharedArrayBuffer(8);
    this.sync = new Int32Array(shared);
    this.worker = new Worker(entry, { workerData: { ...init, sync: shared } satisfies WorkerInit });
    this.ended = new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        this.failure ??= err;
        reject(this.failure);
      };
      this.worker.on('message', (m: FromWorker) => {
        if (m.t === 'results') this.receive(m.results);
        else if (m.t === 'end') resolve();
        else fail(Object.assign(new Error(m.message), { name: m.name, stack: m.stack }));
      });
      this.worker.on('error', fail);
      // After `end` this settles nothing.
      this.worker.on('exit', (code) => fail(new Error(`the screening worker stopped (exit code ${code})`)));
    });
    this.ended.catch(() => undefined);
  }

  /** Declares the next roster; returns its input index for `Applicant.input`. */
  beginInput(layout: RosterLayout): number {
    this.throwIfFailed();
    this.layouts.push(layout);
    this.cross.beginInput(layout);
    this.fieldIndex.push(new Map([...layout.fields.keys()].map((id, i) => [id, i])));
    this.post({ t: 'begin', layout: { file: layout.file, sheet: layout.sheet, headerRow: layout.headerRow, fields: layout.fields } });
    return this.layouts.length - 1;
  }

  add(app: Applicant): void {
    this.cross.add(app);
    encodeApplicant(this.batch, app, this.fieldIndex[app.input]!);
    if (++this.batchRows >= BATCH) this.flush();
  }

  async finish(): Promise<ScreenResult> {
    this.flush();
    this.post({ t: 'finish' });
    // This thread's part knows the unchecked rules and missing columns too, and has the cross findings.
    const crossEnd = this.cross.finishDetached();
    await this.ended;
    return assembleResults(this.results, crossEnd, this.exceptions);
  }

  /** Stops the worker (after `finish`, or when the run failed part-way). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private flush(): void {
    if (this.batchRows === 0) return;
    this.throwIfFailed();
    this.waitForRoom();
    Atomics.add(this.sync, IN_FLIGHT, 1);
    this.post({ t: 'rows', rows: this.batch });
    this.batch = [];
    this.batchRows = 0;
  }

  // Blocks this thread while the worker is behind: reading on would only queue rows in memory. Only
  // once the worker is serving: until then (or if it never starts) nothing would wake this thread.
  private waitForRoom(): void {
    let last = Atomics.load(this.sync, IN_FLIGHT);
    let since = Date.now();
    for (;;) {
      const state = Atomics.load(this.sync, STATE);
      if (state === STATE_FAILED) throw new Error('the screening worker failed');
      if (state !== STATE_SERVING || last < MAX_IN_FLIGHT) return;
      Atomics.wait(this.sync, IN_FLIGHT, last, 1000);
      const now = Atomics.load(this.sync, IN_FLIGHT);
      if (now !== last) since = Date.now();
      else if (Date.now() - since > STALL_MS) throw new Error('the screening worker stopped responding');
      last = now;
    }
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  // Copies arrive with every string and message of their own (a rule id once per finding): they
  // are shared again, as an in-thread run has them, or the results would take half again as much.
  private receive(results: ApplicantResult[]): void {
    for (const r of results) {
      const layout = this.layouts[r.input]!;
      r.file = layout.file;
      r.sheet = layout.sheet;
      r.unit = sharedString(r.unit);
      r.specialty = sharedString(r.specialty);
      const fields = r.fields;
      if (fields) for (const k in fields) fields[k] = sharedString(fields[k]!);
      for (const f of r.findings) this.shareFinding(f);
      this.results.push(r);
    }
  }

  private shareFinding(f: Finding): void {
    f.ruleId = sharedString(f.ruleId);
    f.outcome = sharedString(f.outcome);
    f.severity = sharedString(f.severity) as Finding['severity'];
    if (f.column !== null) f.column = sharedString(f.column);
    if (f.value !== null) f.value = sharedString(f.value);
    f.message = this.messages.get(f.message.zh, f.message.en);
    f.source = this.messages.get(f.source.zh, f.source.en);
  }
}
