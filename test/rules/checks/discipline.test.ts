import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/discipline.js';
import { outcomes, runRow, testRuleSet } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = {
  field: 'dis',
  institution: { field: 't', values: ['事业单位'] },
  sanctions: [
    { label: { zh: '警告', en: 'warning' }, words: ['警告'], months: 6, bars: false },
    { label: { zh: '记过', en: 'demerit' }, words: ['记过'], months: 12, bars: true },
    { label: { zh: '开除', en: 'dismissal' }, words: ['开除'], months: null, bars: true },
  ],
  negations: ['未受'],
};
const run = { ruleSet: testRuleSet({ round: { ...testRuleSet().round, referenceDate: '2030-06-30' } }) };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['none', { dis: '无', t: '事业单位' }, []],
    ['blank', { dis: '', t: '事业单位' }, [['blank', 'dis']]],
    ['记过 in force, 事业单位', { dis: '2030年1月记过', t: '事业单位' }, [['in-force', 'dis']]],
    ['记过 in force, not 事业单位', { dis: '2030年1月记过', t: '企业' }, [['in-force-other', 'dis']]],
    ['记过 ended', { dis: '2029年1月1日记过', t: '事业单位' }, [['expired', 'dis']]],
    ['警告 in force does not bar', { dis: '2030年3月1日警告', t: '事业单位' }, [['in-force-minor', 'dis']]],
    ['开除 never ends', { dis: '2001年5月开除', t: '事业单位' }, [['in-force', 'dis']]],
    ['no date', { dis: '记过', t: '事业单位' }, [['no-date', 'dis']]],
    ['unrecognised', { dis: '被通报批评', t: '事业单位' }, [['unrecognized', 'dis']]],
    ['a negation', { dis: '未受记过处分', t: '事业单位' }, []],
    ['each part on its own', { dis: '2029年1月1日记过；2030年3月1日警告', t: '事业单位' }, [['expired', 'dis'], ['in-force-minor', 'dis']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row, run)).toEqual(expected);
  });

  it('counts a month-only date from its last day', () => {
    const data = runRow(kind, params, { dis: '2030年1月记过', t: '事业单位' }, run)[0]?.data;
    expect(data).toMatchObject({ sanction: '记过', sanctionEn: 'demerit', date: '2030-01', until: '2031-01-31', basis: '，按当月最后一日2030-01-31起算' });
  });
});
