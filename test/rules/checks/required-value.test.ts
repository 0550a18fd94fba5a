import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/required-value.js';
import { outcomes } from '../../helpers/kind-tester.js';

describe(kind.kind, () => {
  it.each<[string, Record<string, string>, [string, string | undefined][]]>([
    ['filled', { name: '张三', unit: '某公司' }, []],
    ['blank', { name: '', unit: '某公司' }, [['blank', 'name']]],
    ['spaces only', { name: '　 ', unit: '某公司' }, [['blank', 'name']]],
    ['combining marks only', { name: '\u0301\u0308\u0301', unit: '某公司' }, [['no-text', 'name']]],
    ['symbols only', { name: '？？', unit: '某公司' }, [['no-text', 'name']]],
    ['a name with a middle dot', { name: '阿卜杜·热合曼', unit: '某公司' }, []],
    ['a name with a combining mark on a letter', { name: 'Zoe\u0301', unit: '某公司' }, []],
  ])('%s', (_n, row, expected) => {
    expect(outcomes(kind, { field: 'name' }, row)).toEqual(expected);
  });

  it('needs its column', () => {
    expect(kind.reads(kind.params.parse({ field: 'name' })).required).toEqual(['name']);
  });
});
