import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/hours-split.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { years: [{ year: 2030, publicField: 'pub', proField: 'pro' }], minPublic: 30, minPro: 60 };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['both reach their minima', { pub: 30, pro: 60 }, []],
    ['both short (professional first)', { pub: 20, pro: 50 }, [['pro-short', 'pro'], ['public-short', 'pub']]],
    ['blank split says nothing', { pub: '', pro: '' }, []],
    ['not a number', { pub: '三十' }, [['unreadable', 'pub']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('gives the gap', () => {
    expect(runRow(kind, params, { pro: 50 })[0]?.data).toEqual({ year: 2030, hours: '50', min: '60', gap: '10' });
  });
});
