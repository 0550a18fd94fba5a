// Stage-aware blanks (issue 17): a stage column present but blank is "not yet" (info, status
// unchanged) on or before the deadline it waits for (columns[].waitsFor), and the rule's own blank
// outcome (a warning) after it.
import { describe, expect, it } from 'vitest';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { screenOne, validApplicant } from '../helpers/screen-rows.js';

const STAGES = { applyDate: '', publicStart: '', publicEnd: '', recommendDate: '', lowerLevelDate: '' };
const outcomes = (findings: { ruleId: string; outcome: string; severity: string }[]) =>
  findings.filter((f) => f.outcome === 'not-yet' || f.outcome === 'blank').map((f) => [f.ruleId, f.outcome, f.severity]);

describe('blank stage columns', () => {
  it.each<[string, string, [string, string, string][]]>([
    // Before the first deadline every stage is still to come.
    ['2024-01-15', 'pass', [['deadline-individual', 'not-yet', 'info'], ['deadline-employer', 'not-yet', 'info'], ['deadline-lower', 'not-yet', 'info'], ['publicity-days', 'not-yet', 'info']]],
    // On the deadline day the step is still on time.
    ['2024-03-08', 'pass', [['deadline-individual', 'not-yet', 'info'], ['deadline-employer', 'not-yet', 'info'], ['deadline-lower', 'not-yet', 'info'], ['publicity-days', 'not-yet', 'info']]],
    // The individual deadline has passed; the 公示 waits for the employer's deadline.
    ['2024-03-09', 'review', [['deadline-individual', 'blank', 'warn'], ['deadline-employer', 'not-yet', 'info'], ['deadline-lower', 'not-yet', 'info'], ['publicity-days', 'not-yet', 'info']]],
    ['2024-03-22', 'review', [['deadline-individual', 'blank', 'warn'], ['deadline-employer', 'blank', 'warn'], ['deadline-lower', 'not-yet', 'info'], ['publicity-days', 'blank', 'warn']]],
    ['2024-04-11', 'review', [['deadline-individual', 'blank', 'warn'], ['deadline-employer', 'blank', 'warn'], ['deadline-lower', 'blank', 'info'], ['publicity-days', 'blank', 'warn']]],
  ])('as of %s: %s', async (asOf, status, want) => {
    const r = await screenOne(STAGES, { asOf });
    expect(r.status).toBe(status);
    expect(outcomes(r.findings)).toEqual(want);
  });

  it('the note names the cell, the column and the deadline', async () => {
    const r = await screenOne(STAGES, { asOf: '2024-01-15' });
    const f = r.findings.find((x) => x.ruleId === 'deadline-employer')!;
    expect(f.cell).toMatch(/^[A-Z]+2$/);
    expect(f.column).toBe('单位推荐日期');
    expect(f.message.zh).toContain('2024-03-21');
    expect(f.message.en).toContain('employer recommendation deadline');
  });

  it('the one-cell 公示时间 waits the same way', async () => {
    const columns = [...Object.keys(validApplicant).filter((f) => f !== 'publicStart' && f !== 'publicEnd'), 'publicPeriod'];
    const r = await screenOne({ publicPeriod: '' }, { asOf: '2024-03-15', columns });
    expect(r.findings.find((x) => x.ruleId === 'publicity-days')?.column).toBe('公示时间');
    expect(outcomes(r.findings).filter(([id]) => id === 'publicity-days')).toEqual([['publicity-days', 'not-yet', 'info']]);
  });

  it('a rule set without the not-yet note keeps its blank outcomes', async () => {
    const rs = structuredClone(loadBundledRuleSet().ruleSet);
    delete rs.common['not-yet'];
    const r = await screenOne(STAGES, { asOf: '2024-01-15', ruleSet: rs });
    expect(r.status).toBe('review');
  });
});
