import { z } from 'zod';
import { defineCheck, type IntegrityRecord } from '../check-kind.js';
import { idFromCell } from '../../normalize/id-number.js';
import { addYears } from '../../normalize/iso-date.js';
import { toHalfWidth } from '../../normalize/text.js';

const Params = z
  .object({
    idField: z.string().min(1),
    /** A record without its own end date runs this many years from its decision date. */
    years: z.number().int().positive(),
  })
  .strict();
type P = z.output<typeof Params>;

const idKey = (s: string) => toHalfWidth(s).trim().toUpperCase();

// The list is loaded once per run; index it by ID number on first use.
const indexes = new WeakMap<IntegrityRecord[], Map<string, IntegrityRecord[]>>();
function indexOf(list: IntegrityRecord[]): Map<string, IntegrityRecord[]> {
  let index = indexes.get(list);
  if (index === undefined) {
    index = new Map();
    for (const r of list) {
      const k = idKey(r.idNumber);
      const rows = index.get(k);
      if (rows) rows.push(r);
      else index.set(k, [r]);
    }
    indexes.set(list, index);
  }
  return index;
}

// 职称评审诚信档案: an ID on the --integrity list whose record has not ended on the reference date.
// The record ends on its own end date, else `years` after the decision (that day included). Without a
// list (env.integrity null) the rule is listed as not checked.
export default defineCheck<P>({
  type: 'row',
  kind: 'integrity-record',
  unavailable: (_p, env) =>
    env.integrity === null
      ? { zh: '未提供诚信档案名单（--integrity 文件），未核验', en: 'no integrity-record list given (--integrity FILE); not checked' }
      : null,
  description: 'The ID number is not on the integrity-record list with a record in force on the reference date',
  params: Params,
  outcomes: ['on-record'],
  reads: (p) => ({ required: [p.idField], optional: [] }),
  check(app, p, ctx) {
    const list = ctx.env.integrity;
    if (list === null || list.length === 0) return;
    const raw = idFromCell(app.values.get(p.idField));
    if (raw.text === '') return;
    const records = indexOf(list).get(idKey(raw.text));
    if (records === undefined) return;
    const on = ctx.env.ruleSet.round.referenceDate;
    for (const r of records) {
      const until = r.endDate ?? (r.decisionDate !== undefined ? addYears(r.decisionDate, p.years) : undefined);
      // A record with neither date cannot be dated: it counts as in force.
      if (until !== undefined && until < on) continue;
      ctx.report('on-record', {
        field: p.idField,
        data: {
          reason: r.reason,
          listedName: r.name,
          decision: r.decisionDate ?? '—',
          until: until ?? '—',
          on,
        },
      });
    }
  },
});
