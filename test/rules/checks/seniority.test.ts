import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/seniority.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { field: 'since', pogeField: 'pg', years: 5, cutoff: '2030-12-31', altCutoff: '2031-06-30' };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['complete on the cut-off day', { since: '2025-12-31' }, []],
    ['complete only by the alternative cut-off', { since: '2026-03-01' }, [['late', 'since']]],
    ['short', { since: '2027-01-01' }, [['short', 'since']]],
    ['short, 破格', { since: '2027-01-01', pg: '是' }, [['short-poge', 'since']]],
    ['a month: every day of it late', { since: '2026-01' }, [['late', 'since']]],
    ['a year: some days late, some short', { since: '2026' }, [['imprecise', 'since']]],
    ['blank', { since: '' }, [['blank', 'since']]],
    ['not a date', { since: '很久以前' }, [['unreadable', 'since']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('gives the due dates', () => {
    expect(runRow(kind, params, { since: '2026' })[0]?.data).toEqual({
      date: '2026',
      years: 5,
      cutoff: '2030-12-31',
      altCutoff: '2031-06-30',
      due: '2031-12-31',
      earliestDue: '2031-01-01',
    });
  });

  it('refuses an alternative cut-off before the cut-off', () => {
    expect(kind.params.safeParse({ ...params, altCutoff: '2030-01-01' }).success).toBe(false);
  });
});
