import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant } from '../helpers/screen-rows.js';
import type { IntegrityRecord } from '../../src/rules/check-kind.js';

const RULE = 'integrity-record';
const ID = String(validApplicant.idNumber);
const record = (r: Partial<IntegrityRecord>): IntegrityRecord => ({ idNumber: ID, name: '张三', reason: '提供虚假材料', ...r });

describe(RULE, () => {
  // Judged on round.referenceDate, 2024-03-08; a record lasts 3 years from its decision.
  it.each<[string, IntegrityRecord[], [string, string][]]>([
    ['empty list', [], []],
    ['other IDs only', [record({ idNumber: '33010619800101003X', decisionDate: '2023-01-01' })], []],
    ['decided 2022-01-01 → error', [record({ decisionDate: '2022-01-01' })], [['on-record', 'error']]],
    ['3 years end on the reference date → error', [record({ decisionDate: '2021-03-08' })], [['on-record', 'error']]],
    ['3 years ended the day before', [record({ decisionDate: '2021-03-07' })], []],
    ['own end date passed', [record({ decisionDate: '2023-01-01', endDate: '2024-03-01' })], []],
    ['own end date later → error', [record({ decisionDate: '2020-01-01', endDate: '2024-12-31' })], [['on-record', 'error']]],
    ['end date only → error', [record({ endDate: '2024-03-08' })], [['on-record', 'error']]],
    // Not in force on the reference date (the spec's test), so no bar; a person weighs it (the message says so).
    ['decided after the reference date → warn', [record({ decisionDate: '2024-04-01' })], [['decided-later', 'warn']]],
    ['one expired and one in force', [record({ decisionDate: '2019-01-01' }), record({ decisionDate: '2023-06-01', reason: '剽窃他人成果' })], [['on-record', 'error']]],
  ])('%s', async (_name, integrity, expected) => {
    expect(outcomesOf(await screenOne({}, { integrity }), RULE)).toEqual(expected);
  });

  it('matches a lower-case x in the roster to an upper-case X on the list', async () => {
    const id = '33010619800101003X';
    const r = await screenOne(
      { idNumber: id.toLowerCase(), birthDate: '1980-01', sex: '男' },
      { integrity: [record({ idNumber: id, decisionDate: '2023-01-01' })] },
    );
    expect(outcomesOf(r, RULE)).toEqual([['on-record', 'error']]);
  });

  it('names the reason and the end of the record (zh and en)', async () => {
    const r = await screenOne({}, { integrity: [record({ decisionDate: '2022-05-10' })] });
    const f = r.findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('身份证号在职称评审诚信档案名单中（张三，提供虚假材料；决定日期2022-05-10，记录至2025-05-10），2024-03-08仍在记录期内，不得申报');
    expect(f?.message.en).toContain('recorded until 2025-05-10');
    expect(r.status).toBe('fail');
  });

  it('reports nothing when no list is given (the run lists the rule as not checked)', async () => {
    const r = await screenOne({});
    expect(outcomesOf(r, RULE)).toEqual([]);
    expect(r.status).toBe('pass');
  });

  it('gives a missing-column warning when the roster has no ID column', async () => {
    const columns = Object.keys(validApplicant).filter((k) => k !== 'idNumber');
    expect(outcomesOf(await screenOne({}, { columns, integrity: [] }), RULE)).toEqual([['missing-column', 'warn']]);
  });
});
