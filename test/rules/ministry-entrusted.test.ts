import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'ministry-entrusted';
const MINISTRY = '部属在浙单位';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['部属 + 是', { unitType: MINISTRY, entrusted: '是' }, []],
    ['部属 + √', { unitType: MINISTRY, entrusted: '√' }, []],
    ['部属 + Y', { unitType: MINISTRY, entrusted: 'Y' }, []],
    ['部属 + 否 → error', { unitType: MINISTRY, entrusted: '否' }, [['no', 'error']]],
    ['部属 + × → error', { unitType: MINISTRY, entrusted: '×' }, [['no', 'error']]],
    ['部属 + blank → warn', { unitType: MINISTRY, entrusted: '' }, [['blank', 'warn']]],
    ['部属 + unreadable → warn', { unitType: MINISTRY, entrusted: '待定' }, [['unreadable', 'warn']]],
    ['中央部属企业 + 否 → error', { unitType: '中央部属企业', entrusted: '否' }, [['no', 'error']]],
    ['企业: not applied', { unitType: '企业', entrusted: '否' }, []],
    ['事业单位: not applied', { unitType: '事业单位', entrusted: '' }, []],
    ['blank 单位性质: not applied', { unitType: '', entrusted: '否' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('says entrustment is needed (zh and en)', async () => {
    const f = (await screenOne({ unitType: MINISTRY, entrusted: '否' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('单位性质为"部属在浙单位"，主管部门委托为"否"；在浙部属单位须经主管部门委托方可在本省申报');
    expect(f?.message.en).toContain('entrusted = "否"');
  });

  it('is listed as not checked when the roster has no 主管部门委托 column', async () => {
    const result = await screenRows([{ ...validApplicant, unitType: MINISTRY }]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });

  it('is not applied without a 单位性质 column (unit-type reports the missing column)', async () => {
    const columns = [...Object.keys(validApplicant).filter((c) => c !== 'unitType'), 'entrusted'];
    const result = await screenOne({ entrusted: '否' }, { columns });
    expect(outcomesOf(result, RULE)).toEqual([]);
    expect(outcomesOf(result, 'unit-type')).toEqual([['missing-column', 'warn']]);
  });
});
