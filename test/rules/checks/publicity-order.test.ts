import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/publicity-order.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { startField: 's', endField: 'e', periodField: 'p', recommendField: 'rec', applyField: 'app' };
const period = { s: '2024-03-11', e: '2024-03-15' };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['in order', { ...period, rec: '2024-03-18', app: '2024-03-01' }, []],
    ['recommended on the last day', { ...period, rec: '2024-03-15' }, [['recommended-last-day', 'rec']]],
    ['recommended the day before the last', { ...period, rec: '2024-03-14' }, [['recommended-early', 'rec']]],
    ['recommended in a month that may be after', { ...period, rec: '2024-03' }, [['recommended-early-unclear', 'rec']]],
    ['publicity before the application', { ...period, app: '2024-03-12' }, [['started-before-apply', 's']]],
    ['from the period cell', { p: '2024年3月11日至3月15日', rec: '2024-03-14' }, [['recommended-early', 'rec']]],
    ['blank and unreadable cells are left to other kinds', { s: '', e: '', rec: '不详', app: '' }, []],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('says the first day it could have been', () => {
    expect(runRow(kind, params, { ...period, rec: '2024-03-15' })[0]?.data).toEqual({ recommend: '2024-03-15', end: '2024-03-15', after: '2024-03-16' });
  });
});
