import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/annual-assessment.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = {
  years: [{ year: 2029, field: 'a29' }, { year: 2030, field: 'a30' }],
  pass: ['合格', '优秀'],
  concern: ['基本合格'],
  suffixes: ['等次'],
};

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['both pass (a suffix is ignored)', { a29: '优秀等次', a30: '合格' }, []],
    ['a concern', { a29: '基本合格', a30: '合格' }, [['concern', 'a29']]],
    ['unrecognised', { a29: '合格', a30: '不知道' }, [['unrecognized', 'a30']]],
    ['blank', { a29: '', a30: '合格' }, [['blank', 'a29']]],
    ['a year whose column is absent is not judged', { a30: '基本合格' }, [['concern', 'a30']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('declares its years as fields judged each on its own, so a missing year is reported (not skipped silently)', () => {
    expect(kind.reads(kind.params.parse(params))).toMatchObject({ required: [], optional: [], each: ['a29', 'a30'] });
  });

  it('names the year', () => {
    expect(runRow(kind, params, { a29: '合格', a30: '' })[0]?.data).toEqual({ year: 2030 });
  });
});
