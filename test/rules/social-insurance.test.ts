import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'social-insurance';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['same employer', {}, []],
    ['spaces ignored', { insuranceUnit: '杭州某某 科技有限公司' }, []],
    ['full-width vs half-width brackets', { unit: '某某（杭州）科技有限公司', insuranceUnit: '某某(杭州)科技有限公司' }, []],
    ['brackets dropped', { unit: '某某（杭州）科技有限公司', insuranceUnit: '某某杭州科技有限公司' }, []],
    ['full-width Latin letters and case', { unit: 'ABC科技有限公司', insuranceUnit: 'ａｂｃ科技有限公司' }, []],
    ['different employer → warn', { insuranceUnit: '杭州某某人力资源有限公司' }, [['different', 'warn']]],
    ['blank 社保缴纳单位', { insuranceUnit: '' }, []],
    ['blank 工作单位', { unit: '' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names both employers (zh and en)', async () => {
    const f = (await screenOne({ insuranceUnit: '杭州某某人力资源有限公司' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('社保缴纳单位"杭州某某人力资源有限公司"与工作单位"杭州某某科技有限公司"不一致');
    expect(f?.message.en).toContain('social insurance is paid by "杭州某某人力资源有限公司", not the employer "杭州某某科技有限公司"');
  });

  it.each(['insuranceUnit', 'unit'])('is listed as not checked without the %s column', async (col) => {
    const row = Object.fromEntries(Object.entries(validApplicant).filter(([k]) => k !== col));
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
