import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { idOf as idCell, textOf } from '../field-access.js';
import { ID_SEPARATORS } from '../../normalize/id-number.js';
import { toHalfWidth } from '../../normalize/text.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    idField: doc(z.string().default('idNumber'), COMMON.idField),
    nameField: doc(z.string().default('name'), COMMON.nameField),
  })
  .strict();
type P = z.output<typeof Params>;

interface Seen {
  key: number;
  file: string;
  sheet: string;
  row: number;
  name: string;
  id: string;
}

// Same ID on several rows — within one roster or across all rosters screened together.
export default defineCheck({
  type: 'cross',
  kind: 'duplicate',
  description: 'The same ID number on more than one row (across all rosters screened together); same name with different IDs',
  params: Params,
  outcomes: ['same-id', 'same-name'],
  reads: (p: P) => ({ required: [p.idField], optional: [p.nameField], types: { [p.idField]: 'id', [p.nameField]: 'text' } }),
  create: (p: P) => (ctx) => {
    // Kept for the whole run, so compact: per applicant its key, row, file and ID in columns, and
    // its index in the two maps (a number; an array only once a value repeats) — about a third of
    // an object per applicant with a one-element array in each map.
    const keyOf: number[] = [];
    const rowOf: number[] = [];
    const fileOf: string[] = [];
    const sheetOf: string[] = [];
    const idOf: string[] = [];
    const byId = new Map<string, Group>();
    const byName = new Map<string, Group>();
    const files = new Set<string>();
    const places = new Set<string>();
    const seen = (i: number, name: string): Seen => ({ key: keyOf[i]!, file: fileOf[i]!, sheet: sheetOf[i]!, row: rowOf[i]!, name, id: idOf[i]! });
    return {
      add(app, key) {
        // The same person however the ID was typed: full-width digits, spaces, hyphens. An ID that
        // lost its last digits (stored as a number, or `3.30106E+17` in a CSV) names nobody: the ID
        // rule reports it, and it must not tie different people together; nor must a formula's
        // error value (#REF!) in the ID cell.
        const raw = idCell(app, p.idField);
        const id = raw.precisionLost || raw.error ? '' : toHalfWidth(raw.text.trim()).replace(ID_SEPARATORS, '').toUpperCase();
        const name = textOf(app, p.nameField);
        files.add(app.layout.file);
        places.add(`${app.layout.file}\n${app.layout.sheet}`);
        const i = keyOf.length;
        keyOf.push(key);
        rowOf.push(app.row);
        fileOf.push(app.layout.file);
        sheetOf.push(app.layout.sheet);
        idOf.push(id);
        if (id) add(byId, id, i);
        if (name) add(byName, name, i);
      },
      finish() {
        // File names appear only when several rosters are screened together, sheet names only when
        // a file gave several roster sheets.
        const sheets = places.size > files.size;
        const label = (s: Seen) => `${files.size > 1 ? `${s.file} ` : ''}${sheets ? `工作表"${s.sheet}"` : ''}第${s.row}行`;
        const labelEn = (s: Seen) => `${files.size > 1 ? `${s.file} ` : ''}${sheets ? `sheet "${s.sheet}" ` : ''}row ${s.row}`;
        for (const [id, group] of byId) {
          if (typeof group === 'number') continue;
          const rows = group.map((i) => seen(i, ''));
          for (const s of rows) {
            // Name a few other rows; thousands of copies of one ID must not make quadratic messages.
            const others: Seen[] = [];
            for (const o of rows) if (o !== s && others.push(o) >= MAX_NAMED) break;
            const more = rows.length - 1 - others.length;
            ctx.report(s.key, 'same-id', {
              field: p.idField,
              value: id,
              data: {
                others: others.map(label).join('、') + (more > 0 ? ` 等另${more}处` : ''),
                othersEn: others.map(labelEn).join(', ') + (more > 0 ? ` and ${more} more` : ''),
                count: rows.length,
              },
            });
          }
        }
        for (const [name, group] of byName) {
          if (typeof group === 'number') continue;
          const rows = group.map((i) => seen(i, name));
          const perId = new Map<string, number>();
          for (const r of rows) perId.set(r.id, (perId.get(r.id) ?? 0) + 1);
          if (perId.size < 2) continue;
          for (const s of rows) {
            // Linear per group: count others by ID, name only the first few.
            const others: Seen[] = [];
            for (const o of rows) if (o.id !== s.id && others.push(o) >= MAX_NAMED) break;
            const more = rows.length - (perId.get(s.id) ?? 0) - others.length;
            ctx.report(s.key, 'same-name', {
              field: p.nameField,
              value: s.name,
              data: {
                others: others.map(label).join('、') + (more > 0 ? ` 等另${more}处` : ''),
                othersEn: others.map(labelEn).join(', ') + (more > 0 ? ` and ${more} more` : ''),
              },
            });
          }
        }
      },
    };
  },
});

const MAX_NAMED = 5;

/** Indices of the applicants with one value: a single one as a number (most values are unique). */
type Group = number | number[];

function add(map: Map<string, Group>, value: string, i: number): void {
  const group = map.get(value);
  if (group === undefined) map.set(value, i);
  else if (typeof group === 'number') map.set(value, [group, i]);
  else group.push(i);
}
