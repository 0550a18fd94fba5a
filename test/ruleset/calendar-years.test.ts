// `rules check` says when a rule set's dates reach a year the holiday calendar lacks (counted Mon–Fri).
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { validateRuleSetText } from '../../src/ruleset/validate.js';
import { edit, lineOf, miniText } from './helpers.js';

describe('calendar-year lint', () => {
  it('is quiet when every date is in the calendar', async () => {
    const v = await validateRuleSetText(miniText(), 'mini.yaml');
    expect(v.warnings.map((w) => w.code)).not.toContain('calendar-year');
  });

  it('warns once per missing year, at the first date in it, with the line', async () => {
    const missing = Math.max(...WorkingCalendar.official().knownYears) + 1;
    let text = edit(miniText(), 'date: "2024-03-21"', `date: "${missing}-03-21"`);
    text = edit(text, 'referenceDate: "2024-03-08"', `referenceDate: "${missing}-03-08"`);
    const v = await validateRuleSetText(text, 'mini.yaml');
    const w = v.warnings.filter((x) => x.code === 'calendar-year');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(lineOf(text, `referenceDate: "${missing}-03-08"`));
    expect(w[0]!.message.zh).toContain(`节假日日历没有 ${missing} 年`);
    expect(w[0]!.message.zh).toContain('按周一至周五计算');
    expect(v.errors).toEqual([]);
  });
});
