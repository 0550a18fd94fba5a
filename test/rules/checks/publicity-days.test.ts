import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/publicity-days.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { startField: 's', endField: 'e', periodField: 'p', minWorkingDays: 5, earliestStart: '2024-01-01' };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['Monday to Friday', { s: '2024-03-11', e: '2024-03-15' }, []],
    ['one working day short', { s: '2024-03-11', e: '2024-03-14' }, [['short', 's']]],
    ['the Qingming holiday does not count', { s: '2024-04-01', e: '2024-04-05' }, [['short', 's']]],
    ['ends before it starts', { s: '2024-03-15', e: '2024-03-11' }, [['reversed', 'e']]],
    ['starts before the round', { s: '2023-12-25', e: '2023-12-29' }, [['early-start', 's']]],
    ['one period cell', { p: '2024年3月11日至3月15日' }, []],
    ['the pair wins over the period cell', { s: '2024-03-11', e: '2024-03-15', p: '2024年3月11日至3月12日' }, []],
    ['pair blank', { s: '', e: '' }, [['blank', 's']]],
    ['start given to the month only', { s: '2024-03', e: '2024-03-15' }, [['unreadable', 's']]],
    ['period cell unreadable', { p: '三月中旬' }, [['unreadable', 'p']]],
    ['a year without a calendar', { s: '2041-03-11', e: '2041-03-15' }, [['no-calendar', 's']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('gives the count and the day it would have been long enough', () => {
    expect(runRow(kind, params, { s: '2024-03-11', e: '2024-03-14' })[0]?.data).toEqual({
      start: '2024-03-11',
      end: '2024-03-14',
      count: 4,
      min: 5,
      needEnd: '2024-03-15',
    });
  });
});
