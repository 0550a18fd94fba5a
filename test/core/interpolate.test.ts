import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/core/interpolate.js';

describe('interpolate', () => {
  it('fills placeholders anywhere, numbers as text, the same key twice', () => {
    expect(interpolate('{a}-{b}：{a}', { a: 'x', b: 2 })).toBe('x-2：x');
    expect(interpolate('{a}{b}', { a: '甲', b: '乙' })).toBe('甲乙');
    expect(interpolate('无占位', { a: 'x' })).toBe('无占位');
  });

  it('keeps unknown placeholders and malformed braces visible', () => {
    expect(interpolate('值{missing}，{a}', { a: 1 })).toBe('值{missing}，1');
    expect(interpolate('{ a } {a-b} {', { a: 1 })).toBe('{ a } {a-b} {');
  });

  it('treats filled values literally (no second pass over them)', () => {
    expect(interpolate('{a}|{b}', { a: '{b}', b: '$&' })).toBe('{b}|$&');
  });

  it('gives the same text when a template is filled again with other data', () => {
    const t = '第{row}行与第{other}行重复';
    expect(interpolate(t, { row: 3, other: 9 })).toBe('第3行与第9行重复');
    expect(interpolate(t, { row: 4 })).toBe('第4行与第{other}行重复');
  });
});
