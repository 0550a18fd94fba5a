import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/types.js';
import { screenOne, validApplicant } from '../helpers/screen-rows.js';

// Cells the bundled rule set cannot judge as written — a formula's error value, invisible Unicode
// format characters (category Cf) — are a warning to a person, never a 不通过 on their own.
const ID = String(validApplicant.idNumber);
const error = (code: string): CellValue => ({ kind: 'error', code });
const nonInfo = (r: Awaited<ReturnType<typeof screenOne>>) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => [f.ruleId, f.outcome, f.severity, f.cell]);

describe('a formula error value in a cell', () => {
  it.each(['#REF!', '#N/A', '#VALUE!', '#NAME?', '#DIV/0!'])('%s in the ID cell: the ID cannot be read (待复核), like in an hours or date cell', async (code) => {
    const r = await screenOne({ idNumber: error(code) });
    expect(r.status).toBe('review');
    expect(nonInfo(r)).toEqual([['id-number', 'unreadable', 'warn', expect.any(String)]]);
    expect(r.findings[0]?.message.zh).toContain(code);
    expect(r.findings[0]?.message.en).toContain(code);
  });

  it('the same error in an hours and a date cell stays 待复核 (unchanged)', async () => {
    const r = await screenOne({ cpd2022: error('#N/A'), currentTitleDate: error('#VALUE!') });
    expect(r.status).toBe('review');
    expect(r.findings.some((f) => f.severity === 'error')).toBe(false);
  });
});

describe('invisible format characters (Unicode Cf)', () => {
  // U+200B zero-width space, U+200E left-to-right mark, U+2060 word joiner, U+00AD soft hyphen,
  // U+FEFF inside the text, U+202C pop directional formatting, U+180E Mongolian vowel separator.
  it.each([
    ['U+200B', '\u200B'],
    ['U+200E', '\u200E'],
    ['U+2060', '\u2060'],
    ['U+00AD', '\u00AD'],
    ['U+FEFF', '\uFEFF'],
    ['U+202C', '\u202C'],
    ['U+180E', '\u180E'],
  ])('%s inside the ID: read through, asked to remove it, named by code point', async (point, ch) => {
    const r = await screenOne({ idNumber: ID.slice(0, 9) + ch + ID.slice(9) });
    expect(r.status).toBe('review');
    expect(nonInfo(r)).toEqual([['id-number', 'invisible', 'warn', expect.any(String)]]);
    expect(r.findings[0]?.message.zh).toContain(point);
    expect(r.findings[0]?.message.en).toContain(point);
    // The ID shows masked as its 18 characters, as a clean one does.
    expect(r.idNumber).toBe(ID);
    expect(r.findings[0]?.value).toBe(ID);
  });

  it('several kinds in one ID: each named once', async () => {
    const r = await screenOne({ idNumber: `\u200E${ID.slice(0, 6)}\u200B${ID.slice(6, 12)}\u200B${ID.slice(12)}\u00AD` });
    expect(nonInfo(r)).toEqual([['id-number', 'invisible', 'warn', expect.any(String)]]);
    expect(r.findings[0]?.message.en).toContain('U+200E, U+200B, U+00AD');
  });

  it('an invisible character does not hide a real error', async () => {
    const r = await screenOne({ idNumber: `${ID.slice(0, 9)}\u200B${ID.slice(9, 17)}8` });
    expect(nonInfo(r)).toEqual([['id-number', 'checksum', 'error', expect.any(String)]]);
  });

  it('dates, hours, yes/no, names and listed words read through them', async () => {
    const r = await screenOne({
      name: '张\u200B三',
      sex: '男\u200E',
      birthDate: '1971-\u200B02',
      currentTitleDate: '\u20602015-12-30',
      publicStart: '2024-03-11\u00AD',
      cpd2021: '96\u200B',
      cpd2022: '\u200E100',
      cpd2023: '9\u00AD2',
      cpdRegistered: '是\u200B',
      education: '大学\u200B本科',
      assessment2023: '合格\u2060',
    });
    expect(nonInfo(r)).toEqual([]);
    expect(r.status).toBe('pass');
    expect(r.name).toBe('张三');
  });
});
