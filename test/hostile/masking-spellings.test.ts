// Issue 18, item 12: an ID number or a phone number, however it is typed, never appears in full in
// a masked output — the terminal, report.json, summary.md, findings.csv, the HTML report — nor in
// an error message. The annotated copy and the lists show IDs in full by design; --no-mask too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_COLUMNS, applicants, buildXlsx, idNumberFor } from './build.js';
import { put, screen, tempDir } from './cli.js';
import { csvRoster } from './written.js';

const full = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const half = (s: string) => s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const ID = Array.from({ length: 8 }, (_, i) => idNumberFor(500 + i));
/** [how it is typed, the secret digits (birth date and sequence) that must not show]. */
const SPELLINGS: [string, string][] = [
  [`${ID[0]!.slice(0, 6)} ${ID[0]!.slice(6, 14)} ${ID[0]!.slice(14)}`, ID[0]!.slice(6, 17)],
  [`${ID[1]!.slice(0, 6)}-${ID[1]!.slice(6, 14)}-${ID[1]!.slice(14)}`, ID[1]!.slice(6, 17)],
  [`ID${ID[2]}`, ID[2]!.slice(6, 17)],
  [`${ID[3]}abc`, ID[3]!.slice(6, 17)],
  [full(ID[4]!.slice(0, 17)), ID[4]!.slice(6, 17)],
  [`${ID[5]![0]}.${ID[5]!.slice(1, 15)}E+17`, ID[5]!.slice(6, 15)],
];
const PHONES: [string, string][] = [
  ['138 5710 0115', '13857100115'],
  ['0571-87650116', '057187650116'],
];
const NOTE_SECRET = ID[7]!.slice(6, 17);

/** The text as a reader would search it: half-width digits, no spaces or hyphens between them. */
function digitsOf(text: string): string {
  return half(text).replace(/(?<=\d)[ \-\u3000]+(?=\d)/g, '');
}

function expectNoSecret(where: string, text: string, secrets: string[]): void {
  const t = digitsOf(text);
  for (const s of secrets) expect(t.includes(s), `${where} shows ${s}`).toBe(false);
}

describe('every spelling through every masked output', () => {
  let dir: string;
  let out: string;
  let stdout: string;
  let stderr: string;
  let status: number | null;

  beforeAll(() => {
    dir = tempDir();
    const rows = applicants(8, (i) => ({
      name: `申报人${i + 1}`,
      ...(i < SPELLINGS.length ? { idNumber: SPELLINGS[i]![0] } : { idNumber: ID[i]! }),
      ...(i === 6 ? { unit: `杭州某公司（电话${PHONES[0]![0]}，座机${PHONES[1]![0]}）`, cpd2022: 10 } : {}),
      ...(i === 7 ? { cpd2022: 10 } : {}),
    }));
    const roster = put(dir, '花名册.csv', csvRoster(rows, ALL_COLUMNS));
    const exceptions = put(
      dir,
      '例外.csv',
      `身份证号,规则,复核人,日期,说明\r\n${ID[7]},cpd-hours,王审核,2024-03-20,已电话核实 ${PHONES[0]![0]}；身份证 ${ID[7]!.slice(0, 6)} ${ID[7]!.slice(6, 14)} ${ID[7]!.slice(14)}\r\n`,
    );
    out = path.join(dir, 'out');
    const r = screen([roster], ['--out-dir', out, '--exceptions', exceptions, '--include-review']);
    ({ stdout, stderr, status } = r);
  });

  it('the run lists every applicant (so each output has something to leak)', () => {
    expect(status, stderr).toBe(1);
    for (let i = 1; i <= 6; i++) expect(stdout).toContain(`申报人${i}`);
  });

  it('terminal, report.json, summary.md, findings.csv and the HTML report show none of the secret digits', () => {
    const secrets = [...SPELLINGS.map(([, s]) => s), ...PHONES.map(([, s]) => s), NOTE_SECRET];
    expectNoSecret('terminal', stdout + stderr, secrets);
    for (const name of ['report.json', 'summary.md', 'findings.csv', '预审报告.html']) {
      expectNoSecret(name, readFileSync(path.join(out, name), 'utf8'), secrets);
    }
  });

  it('dates and hours are not masked', () => {
    const json = readFileSync(path.join(out, 'report.json'), 'utf8');
    expect(json).toContain('2024-03-25');
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('2024-03-25');
  });

  it('--no-mask shows them (the test above could fail)', () => {
    const d = tempDir();
    const rows = applicants(1, () => ({ idNumber: SPELLINGS[0]![0] }));
    const r = screen([put(d, 'r.csv', csvRoster(rows, ALL_COLUMNS))], ['--no-mask', '--format', 'json', '--no-write']);
    expect(digitsOf(r.stdout)).toContain(SPELLINGS[0]![1]);
  });
});

describe('error messages', () => {
  it('an --integrity list row with an ID it refuses: the message names the cell, not the full ID', () => {
    const dir = tempDir();
    const roster = put(dir, 'r.csv', csvRoster(applicants(1), ALL_COLUMNS));
    const bad = `${ID[6]!.slice(0, 6)} ${ID[6]!.slice(6, 14)} ${ID[6]!.slice(14)}`; // typed with spaces: refused
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>决定日期</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${bad}</t></is></c><c r="B2" t="inlineStr"><is><t>2023-01-01</t></is></c></row>`;
    const list = put(dir, '诚信.xlsx', buildXlsx({ sheets: [{ name: 'Sheet1', rows }] }));
    const r = screen([roster], ['--integrity', list, '--no-write']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('A2');
    expectNoSecret('stderr', r.stderr, [ID[6]!.slice(6, 17)]);
  });
});
