import type { Applicant, ApplicantResult, CellValue, RosterLayout } from '../core/types.js';
import type { IntegrityRecord } from './check-kind.js';
import type { RuleSet } from './schema.js';

// Messages between the main thread and the screening worker (all structured-cloned).

export interface WorkerInit {
  ruleSet: RuleSet;
  asOf: string;
  strictColumns: boolean;
  integrity: IntegrityRecord[] | null;
  keepListFields: boolean | undefined;
  /** Two Int32s, at IN_FLIGHT and STATE: batches posted and not yet screened (the main thread waits while it is high), and the worker's state. */
  sync: SharedArrayBuffer;
}

export const IN_FLIGHT = 0;
export const STATE = 1;
/** STATE: 0 while the worker starts, then serving, or failed (and not serving any more). */
export const STATE_SERVING = 1;
export const STATE_FAILED = 2;

export type ToWorker =
  | { t: 'begin'; layout: RosterLayout }
  | { t: 'rows'; rows: RowBatch }
  | { t: 'finish' };

export type FromWorker =
  | { t: 'results'; results: ApplicantResult[] }
  | { t: 'end' }
  | { t: 'error'; name: string; message: string; stack: string };

/**
 * Applicants as one flat array: per applicant its input, row and number of values, then per value
 * the field's position in its layout, a kind code and the payload. Cloning a flat array of
 * primitives costs a fraction of cloning Maps of small objects (whose keys are written out for
 * every cell), on both threads.
 */
export type RowBatch = (string | number | boolean)[];

const KIND = { string: 0, number: 1, date: 2, boolean: 3, error: 4 } as const;

/** Appends one applicant to a batch; `fieldIndex` numbers its layout's fields in order. */
export function encodeApplicant(batch: RowBatch, app: Applicant, fieldIndex: ReadonlyMap<string, number>): void {
  batch.push(app.input, app.row, app.values.size);
  for (const [id, v] of app.values) {
    batch.push(fieldIndex.get(id)!, KIND[v.kind]);
    switch (v.kind) {
      case 'string':
        batch.push(v.text);
        break;
      case 'number':
      case 'boolean':
        batch.push(v.value);
        break;
      case 'date':
        batch.push(v.iso, v.serial);
        break;
      case 'error':
        batch.push(v.code);
        break;
    }
  }
}

/** Reads the applicants back, each with its layout; `fieldIds[input]` lists that layout's fields in order. */
export function decodeApplicants(batch: RowBatch, layouts: readonly RosterLayout[], fieldIds: readonly (readonly string[])[], each: (app: Applicant) => void): void {
  let i = 0;
  while (i < batch.length) {
    const input = batch[i++] as number;
    const row = batch[i++] as number;
    const n = batch[i++] as number;
    const ids = fieldIds[input]!;
    const values = new Map<string, CellValue>();
    for (let k = 0; k < n; k++) {
      const id = ids[batch[i++] as number]!;
      const kind = batch[i++] as number;
      // The same object shapes as the readers make, so the checks see what they see in-thread.
      let v: CellValue;
      if (kind === KIND.string) v = { kind: 'string', text: batch[i++] as string };
      else if (kind === KIND.number) v = { kind: 'number', value: batch[i++] as number };
      else if (kind === KIND.date) {
        const iso = batch[i++] as string;
        v = { kind: 'date', iso, serial: batch[i++] as number };
      } else if (kind === KIND.boolean) v = { kind: 'boolean', value: batch[i++] as boolean };
      else v = { kind: 'error', code: batch[i++] as string };
      values.set(id, v);
    }
    each({ input, layout: layouts[input]!, row, values });
  }
}
