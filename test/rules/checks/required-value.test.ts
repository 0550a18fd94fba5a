import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/required-value.js';
import { outcomes } from '../../helpers/kind-tester.js';

describe(kind.kind, () => {
  it.each<[string, Record<string, string>, [string, string | undefined][]]>([
    ['filled', { name: '张三', unit: '某公司' }, []],
    ['blank', { name: '', unit: '某公司' }, [['blank', 'name']]],
    ['spaces only', { name: '　 ', unit: '某公司' }, [['blank', 'name']]],
  ])('%s', (_n, row, expected) => {
    expect(outcomes(kind, { field: 'name' }, row)).toEqual(expected);
  });

  it('needs its column', () => {
    expect(kind.reads(kind.params.parse({ field: 'name' })).required).toEqual(['name']);
  });
});
