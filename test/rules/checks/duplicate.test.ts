import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/duplicate.js';
import { runCross } from '../../helpers/kind-tester.js';

const params = { idField: 'id', nameField: 'nm' };

describe(kind.kind, () => {
  it('reports every row of a repeated ID (case-insensitive) and a name on different IDs', () => {
    const found = runCross(kind, params, [
      { id: 'A1', nm: '张三' },
      { id: 'a1', nm: '李四' },
      { id: 'B2', nm: '王五' },
      { id: 'C3', nm: '王五' },
      { id: 'D4', nm: '赵六' },
    ]);
    expect(found.map((f) => [f.outcome, f.row, f.field, f.value])).toEqual([
      ['same-id', 0, 'id', 'A1'],
      ['same-id', 1, 'id', 'A1'],
      ['same-name', 2, 'nm', '王五'],
      ['same-name', 3, 'nm', '王五'],
    ]);
    expect(found[0]?.data).toEqual({ others: '第3行', othersEn: 'row 3', count: 2 });
  });

  it('finds the same ID typed with spaces, hyphens or full-width digits', () => {
    const found = runCross(kind, params, [
      { id: '330106197102114319', nm: '张三' },
      { id: '330106 19710211 4319', nm: '张三' },
      { id: '３３０１０６-19710211-4319', nm: '张三' },
    ]);
    expect(found.map((f) => [f.outcome, f.row])).toEqual([
      ['same-id', 0],
      ['same-id', 1],
      ['same-id', 2],
    ]);
  });

  // An ID Excel kept as a number has lost its last digits (330106197102114000 for two people), and a
  // CSV saved by Excel shows it as 3.30106E+17: the ID rule reports each, and they tie nobody together.
  it('does not take IDs that lost their digits for the same person', () => {
    expect(
      runCross(kind, params, [
        { id: '3.30106E+17', nm: '张三' },
        { id: '3.30106E+17', nm: '李四' },
        { id: 330106197102114000, nm: '王五' },
        { id: 330106197102114000, nm: '赵六' },
      ]),
    ).toEqual([]);
    // The same digits typed as text are still the same person.
    expect(runCross(kind, params, [{ id: '330106197102114319', nm: '张三' }, { id: '330106197102114319', nm: '张三' }]).map((f) => f.outcome)).toEqual(['same-id', 'same-id']);
  });

  it('does not take formula error values in the ID cell (#REF!, #N/A) for the same person', () => {
    const err = (code: string) => ({ kind: 'error' as const, code });
    expect(runCross(kind, params, [{ id: err('#REF!'), nm: '张三' }, { id: err('#REF!'), nm: '李四' }, { id: err('#N/A'), nm: '王五' }, { id: err('#N/A') }])).toEqual([]);
  });

  it('says nothing for a name repeated on the same ID only, or for blank IDs', () => {
    expect(runCross(kind, params, [{ id: 'A1', nm: '张三' }, { id: '', nm: '李四' }, { id: '', nm: '王五' }])).toEqual([]);
  });

  it('names at most five other rows', () => {
    const found = runCross(kind, params, Array.from({ length: 8 }, () => ({ id: 'X' })));
    expect(found).toHaveLength(8);
    expect(found[0]?.data?.['othersEn']).toBe('row 3, row 4, row 5, row 6, row 7 and 2 more');
  });
});
