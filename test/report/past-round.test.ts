import { describe, expect, it } from 'vitest';
import { pastRoundNotice } from '../../src/report/past-round.js';
import { testRuleSet } from '../helpers/kind-tester.js';

describe('pastRoundNotice', () => {
  const rs = testRuleSet();
  const last = [...rs.round.deadlines.map((d) => d.date)].sort().at(-1)!;
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('says nothing up to the last deadline', () => {
    expect(pastRoundNotice(rs, last)).toBeNull();
  });

  it('the day after, names the round, --rules and rules init --year', () => {
    const n = pastRoundNotice(rs, dayAfter(last))!;
    expect(n.zh).toContain(`用于 ${rs.round.year} 年度评审，其截止时间已过`);
    expect(n.zh).toContain('roster-screen --rules');
    expect(n.zh).toContain(`roster-screen rules init --from ${rs.id} --year ${dayAfter(last).slice(0, 4)}`);
    expect(n.en).toContain(`is for the ${rs.round.year} round, whose deadlines have passed`);
  });

  it('points at the steps inside the file rules init writes, not at docs/ (the executable has none)', () => {
    const n = pastRoundNotice(rs, dayAfter(last))!;
    expect(n.zh).toContain('生成的文件开头写有逐步修改的说明');
    expect(n.en).toContain('the file it writes begins with the steps');
    expect(`${n.zh}${n.en}`).not.toContain('docs/');
  });
});
