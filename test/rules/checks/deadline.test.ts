import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/deadline.js';
import { outcomes, runRow, testRuleSet } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const base = testRuleSet();
const ruleSet = testRuleSet({
  round: {
    ...base.round,
    deadlines: [
      { id: 'submit', label: { zh: '提交截止', en: 'Submission deadline' }, date: '2030-05-31' },
      { id: 'mid', label: { zh: '月中截止', en: 'Mid-month deadline' }, date: '2030-05-15' },
    ],
  },
});

describe(kind.kind, () => {
  it.each<[string, string, RowInput, [string, string | undefined][]]>([
    ['on the day', 'submit', { d: '2030-05-31' }, []],
    ['a day late', 'submit', { d: '2030-06-01' }, [['late', 'd']]],
    ['a month wholly before', 'submit', { d: '2030-05' }, []],
    ['a month wholly after', 'submit', { d: '2030-06' }, [['late', 'd']]],
    ['a month across the deadline', 'mid', { d: '2030-05' }, [['maybe-late', 'd']]],
    ['blank', 'submit', { d: '' }, [['blank', 'd']]],
    ['not a date', 'submit', { d: '五月底' }, [['unreadable', 'd']]],
  ])('%s', (_name, deadline, row, expected) => {
    expect(outcomes(kind, { field: 'd', deadline }, row, { ruleSet })).toEqual(expected);
  });

  it('counts the days late and writes the label mid-sentence', () => {
    expect(runRow(kind, { field: 'd', deadline: 'submit' }, { d: '2030-06-03' }, { ruleSet })[0]?.data).toEqual({
      deadline: '2030-05-31',
      deadlineLabel: '提交截止',
      deadlineLabelEn: 'submission deadline',
      date: '2030-06-03',
      daysLate: 3,
    });
  });

  it('refuses a deadline id the round does not have', () => {
    expect(kind.validate?.({ field: 'd', deadline: 'nope' }, ruleSet)).toBe('deadline "nope" is not one of round.deadlines (submit, mid)');
  });
});
