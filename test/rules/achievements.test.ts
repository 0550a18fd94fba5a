import { describe, expect, it } from 'vitest';
import { outcomesOf, screenRows, screenOne, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'achievements';
const messageOf = async (overrides: RowInput, columns?: string[]) =>
  (await screenOne(overrides, columns ? { columns } : {})).findings.find((x) => x.ruleId === RULE)?.message;

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['achievements given', {}, [['note', 'info']]],
    ['achievements blank', { achievements: '' }, [['blank', 'info']]],
    ['specialty without a condition document', { specialty: '建筑工程' }, [['note-unknown-specialty', 'info']]],
    ['blank specialty and blank achievements', { specialty: '', achievements: '' }, [['blank-unknown-specialty', 'info']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it.each([
    ['信息技术', '浙经信人事〔2019〕144号'],
    ['机电制造', '浙经信人事〔2019〕144号'],
    ['能源', '浙经信人事〔2020〕166号'],
    ['石油化工', '浙经信人事〔2020〕166号'],
    ['人工智能', '浙经信人事〔2023〕240号'],
  ])('names the condition document for %s', async (specialty, doc) => {
    expect((await messageOf({ specialty }))?.zh).toContain(`（${doc}）评审`);
  });

  it('words the note (zh and en)', async () => {
    expect(await messageOf({})).toEqual({
      zh: '业绩成果由评审委员会对照信息技术专业评价条件（浙经信人事〔2019〕144号）评审，本工具未作判断',
      en: 'achievements are judged by the committee against the 信息技术 conditions (浙经信人事〔2019〕144号); not checked by this tool',
    });
    expect((await messageOf({ achievements: '' }))?.zh).toMatch(/^未填写主要业绩成果；/);
  });

  it('is listed as not checked (docs/rules.md §2, stage column) when the roster has no 主要业绩成果 column', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'achievements');
    const result = await screenRows([validApplicant], { columns });
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
