import { z } from 'zod';
import { defineCheck, type IntegrityRecord } from '../check-kind.js';
import { idOf } from '../field-access.js';
import { addYears } from '../../normalize/iso-date.js';
import { toHalfWidth } from '../../normalize/text.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    idField: doc(z.string().min(1), COMMON.idField),
    /** A record without its own end date runs this many years from its decision date. */
    years: doc(z.number().int().positive(), {
      zh: '无截止日期的诚信记录自决定之日起有效的年数',
      en: 'years an integrity record without an end date runs from its decision',
    }),
  })
  .strict();
type P = z.output<typeof Params>;

const idKey = (s: string) => toHalfWidth(s).trim().toUpperCase();

function indexOf(list: IntegrityRecord[]): Map<string, IntegrityRecord[]> {
  const index = new Map<string, IntegrityRecord[]>();
  for (const r of list) {
    const k = idKey(r.idNumber);
    const rows = index.get(k);
    if (rows) rows.push(r);
    else index.set(k, [r]);
  }
  return index;
}

// 职称评审诚信档案: an ID on the --integrity list whose record has not ended on the reference date.
// The record ends on its own end date, else `years` after the decision (that day included); one decided
// after the reference date was not in force then (a warning). Without a list (env.integrity null) the
// rule is listed as not checked.
export default defineCheck({
  type: 'row',
  kind: 'integrity-record',
  unavailable: (_p: P, env) =>
    env.integrity === null
      ? { zh: '未提供诚信档案名单（--integrity 文件），未核验', en: 'no integrity-record list given (--integrity FILE); not checked' }
      : null,
  description: 'The ID number is not on the integrity-record list with a record in force on the reference date',
  params: Params,
  outcomes: ['on-record', 'decided-later'],
  reads: (p: P) => ({ required: [p.idField], optional: [], types: { [p.idField]: 'id' } }),
  create(p: P) {
    // The list comes with the run (env), not the rule: indexed by ID number on first use.
    let indexed: { list: IntegrityRecord[]; index: Map<string, IntegrityRecord[]> } | undefined;
    return (app, ctx) => {
      const list = ctx.env.integrity;
      if (list === null || list.length === 0) return;
      const raw = idOf(app, p.idField);
      if (raw.text === '') return;
      if (indexed?.list !== list) indexed = { list, index: indexOf(list) };
      const records = indexed.index.get(idKey(raw.text));
      if (records === undefined) return;
      const on = ctx.env.ruleSet.round.referenceDate;
      for (const r of records) {
        // Decided after the reference date: not in force on it, so no bar the notice states; still a
        // record of this applicant, for a person to weigh.
        if (r.decisionDate !== undefined && r.decisionDate > on) {
          ctx.report('decided-later', { field: p.idField, data: { reason: r.reason, listedName: r.name, decision: r.decisionDate, on } });
          continue;
        }
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
    };
  },
});
