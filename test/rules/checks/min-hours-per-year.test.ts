import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/min-hours-per-year.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { years: [{ year: 2029, field: 'h29' }, { year: 2030, field: 'h30' }], minHours: 90 };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['both years reach the minimum', { h29: 90, h30: '100' }, []],
    ['one short, one blank', { h29: 80, h30: '' }, [['short', 'h29'], ['blank', 'h30']]],
    ['not a number', { h29: '很多', h30: 90 }, [['unreadable', 'h29']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('judges the years whose columns the roster has; a missing column is the engine\'s to report, not a blank', () => {
    expect(outcomes(kind, params, { h29: 50 })).toEqual([['short', 'h29']]);
  });

  it('declares its years as fields judged each on its own', () => {
    expect(kind.reads(kind.params.parse(params))).toMatchObject({ required: [], each: ['h29', 'h30'] });
  });

  it('gives hours, minimum and gap without floating-point noise', () => {
    expect(runRow(kind, params, { h29: 72.3, h30: 90 })[0]?.data).toEqual({ year: 2029, hours: '72.3', min: '90', gap: '17.7' });
  });
});
