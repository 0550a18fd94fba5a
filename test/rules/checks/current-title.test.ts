import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/current-title.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = {
  field: 'title',
  specialtyField: 'tsp',
  pogeField: 'pg',
  required: { values: ['高级工程师', '高工'] },
  already: { values: ['正高级工程师'] },
  below: { values: ['工程师'], contains: ['中级'] },
  otherSeries: { values: ['高级经济师'] },
  vague: { values: ['副高'] },
  seriesWords: ['工程'],
  seniorQualifications: { contains: ['信息系统项目管理师', '系统分析师'] },
};

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['the required title', { title: '高级工程师' }, []],
    ['a spelling of it', { title: '高工' }, []],
    ['already there', { title: '正高级工程师' }, [['already', 'title']]],
    ['below', { title: '工程师' }, [['below', 'title']]],
    ['below by substring', { title: '中级职称' }, [['below', 'title']]],
    ['below, 破格', { title: '工程师', pg: '是' }, [['below-poge', 'title']]],
    ['another series', { title: '高级经济师' }, [['other-series', 'title']]],
    ['vague, engineering specialty', { title: '副高', tsp: '机械工程' }, []],
    ['vague, other specialty', { title: '副高', tsp: '会计' }, [['series-unclear', 'title']]],
    ['unknown', { title: '教授' }, [['unknown', 'title']]],
    ['blank', { title: '' }, [['blank', 'title']]],
    ['软考高级: check the appointment', { title: '信息系统项目管理师' }, [['senior-qualification', 'title']]],
    ['软考高级 written with 高级 (not another series)', { title: '高级系统分析师' }, [['senior-qualification', 'title']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('says the title specialty, or that it is blank', () => {
    expect(runRow(kind, params, { title: '副高', tsp: '' })[0]?.data).toEqual({ titleSpecialty: '未填写', titleSpecialtyEn: 'blank' });
  });

  it('without seniorQualifications the outcome is neither reported nor required', () => {
    const { seniorQualifications: _, ...rest } = params;
    expect(outcomes(kind, rest, { title: '信息系统项目管理师' })).toEqual([['unknown', 'title']]);
    expect(kind.outcomesFor?.(kind.params.parse(rest))).toEqual([]);
    expect(kind.outcomesFor?.(kind.params.parse(params))).toEqual(['senior-qualification']);
  });
});
