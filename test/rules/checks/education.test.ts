import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/education.js';
import { outcomes } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = {
  educationField: 'edu',
  degreeField: 'deg',
  pogeField: 'pg',
  education: { accept: { values: ['本科'] }, below: { values: ['大专'], contains: ['技'] }, review: { contains: ['预备技师'] } },
  degree: { accept: { values: ['学士'] }, none: { values: ['无'] } },
};

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['education passes', { edu: '本科', deg: '无' }, []],
    ['degree passes', { edu: '大专', deg: '学士' }, []],
    ['both below', { edu: '大专', deg: '无' }, [['below', 'edu']]],
    ['both below, 破格', { edu: '大专', deg: '无', pg: '是' }, [['below-poge', 'edu']]],
    ['both blank', { edu: '', deg: '' }, [['blank', 'edu']]],
    ['blank, no education column', { deg: '' }, [['blank', 'deg']]],
    ['unknown education', { edu: '小学', deg: '无' }, [['unknown', 'edu']]],
    ['unknown degree', { edu: '大专', deg: '博士后' }, [['unknown', 'deg']]],
    ['only a degree column, below', { deg: '无' }, [['below', 'deg']]],
    ['预备技师班: check the recognition, not below', { edu: '技工院校预备技师班', deg: '无' }, [['recognition', 'edu']]],
    ['预备技师班 with a degree passes', { edu: '预备技师（技师）班', deg: '学士' }, []],
    ['预备技师班, degree blank', { edu: '预备技师班', deg: '' }, [['recognition', 'edu']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });
});
