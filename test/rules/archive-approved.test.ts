import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'archive-approved';

describe(RULE, () => {
  it.each<[string, RowInput['archiveApproved'], [string, string][]]>([
    ['是', '是', []],
    ['√', '√', []],
    ['Y', 'Y', []],
    ['已审核', '已审核', []],
    ['boolean TRUE', true, []],
    ['否 → error', '否', [['no', 'error']]],
    ['× → error', '×', [['no', 'error']]],
    ['N → error', 'N', [['no', 'error']]],
    ['blank → warn', '', [['blank', 'warn']]],
    ['unreadable → warn', '审核中', [['unreadable', 'warn']]],
  ])('%s', async (_name, archiveApproved, expected) => {
    expect(outcomesOf(await screenOne({ archiveApproved }), RULE)).toEqual(expected);
  });

  it('says the archive must be approved first (zh and en)', async () => {
    const f = (await screenOne({ archiveApproved: '否' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('业绩档案审核为"否"；须先建立个人业绩档案库并经所在单位审查通过方可申报');
    expect(f?.message.en).toContain('approved by the employer before applying');
    const g = (await screenOne({ archiveApproved: '审核中' })).findings.find((x) => x.ruleId === RULE);
    expect(g?.message.zh).toContain('"审核中"（是/否）');
  });

  it('is listed as not checked when the roster has no 业绩档案审核 column', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'archiveApproved');
    const result = await screenRows([validApplicant], { columns });
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
