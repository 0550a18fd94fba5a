import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyFormatCode, isDateFormat } from '../../src/io/xlsx/date-formats.js';
import { civilToSerial, parseIsoCell, serialToIso } from '../../src/io/xlsx/serial-date.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { buildXlsx, plain, readAll, writeTemp } from './helpers.js';

describe('serial → calendar date', () => {
  it('1900 system, including the Lotus leap-day bug', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBe('1900-02-29'); // the day that never was
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(43646, false)).toBe('2019-06-30');
    expect(serialToIso(43646.75, false)).toBe('2019-06-30'); // time dropped
    expect(serialToIso(43646.9999999999, false)).toBe('2019-07-01'); // float noise at midnight
    expect(serialToIso(2958465, false)).toBe('9999-12-31');
    expect(serialToIso(2958466, false)).toBeNull();
    expect(serialToIso(0, false)).toBeNull();
    expect(serialToIso(-1, false)).toBeNull();
    expect(serialToIso(Number.NaN, false)).toBeNull();
  });

  it('1904 system', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(42184, true)).toBe('2019-06-30');
    expect(serialToIso(1462, true)).toBe('1908-01-02');
  });

  it('agrees with a UTC oracle for every day from 1900-03-01 to 9999 (property)', () => {
    const base = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), fc.boolean(), (serial, is1904) => {
        const s = is1904 ? serial - 1462 : serial;
        if (is1904 && s < 0) return;
        const iso = new Date(base + serial * 86_400_000).toISOString().slice(0, 10);
        expect(serialToIso(s, is1904)).toBe(iso);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(civilToSerial(y, m, d, is1904)).toBe(s);
      }),
      { numRuns: 5000 },
    );
  });

  it('parses t="d" ISO values', () => {
    expect(parseIsoCell('2019-06-30T12:00:00Z', false)).toEqual({ iso: '2019-06-30', serial: 43646.5 });
    expect(parseIsoCell('1900-02-28', false)).toEqual({ iso: '1900-02-28', serial: 59 });
    expect(parseIsoCell('2019-02-30', false)).toBeNull();
    expect(parseIsoCell('x', false)).toBeNull();
  });

  it('src/io never uses local-time Date getters or Date parsing', () => {
    const root = path.resolve(__dirname, '../../src/io');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.ts')) files.push(path.join(d, e.name));
      }
    };
    walk(root);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/\.(getFullYear|getMonth|getDate|getDay|getHours|getTimezoneOffset)\(|new Date\(|Date\.parse\(/);
    }
  });
});

describe('date formats', () => {
  it('classifies custom format codes', () => {
    const cases: [string, 'date' | 'time' | 'other'][] = [
      ['yyyy"年"m"月"d"日"', 'date'],
      ['yyyy年m月d日', 'date'],
      ['[$-804]yyyy/m/d', 'date'],
      ['[$-F800]dddd, mmmm dd, yyyy', 'date'],
      ['yyyy/m/d;@', 'date'],
      ['yyyy-mm', 'date'],
      ['mmm-yy', 'date'],
      ['[DBNum1][$-804]yyyy"年"m"月"', 'date'],
      ['e"年"m"月"', 'date'],
      ['m/d/yy h:mm', 'date'],
      ['[Red]yyyy-mm-dd', 'date'],
      ['h:mm', 'time'],
      ['h:mm:ss AM/PM', 'time'],
      ['[h]:mm:ss', 'time'],
      ['[mm]:ss', 'time'],
      ['mm:ss.0', 'time'],
      ['h"时"mm"分"', 'time'],
      ['General', 'other'],
      ['0.00E+00', 'other'],
      ['#,##0.00_);[Red](#,##0.00)', 'other'],
      ['"yyyy"0', 'other'],
      ['\\d0', 'other'],
      ['0"天"', 'other'],
      ['@', 'other'],
      ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', 'other'],
      ['[$¥-804]#,##0.00', 'other'],
    ];
    for (const [code, kind] of cases) expect(classifyFormatCode(code), code).toBe(kind);
  });

  it('built-in ids: 14–17, 22, CJK 27–31, 36, 50–54, 57, 58 are dates; times and others are not', () => {
    const none = new Map<number, string>();
    for (const id of [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]) expect(isDateFormat(id, none), String(id)).toBe(true);
    for (const id of [0, 1, 2, 9, 10, 11, 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 49, 55, 56]) expect(isDateFormat(id, none), String(id)).toBe(false);
    // A custom code wins over the built-in meaning of its id.
    expect(isDateFormat(14, new Map([[14, '0.00']]))).toBe(false);
    expect(isDateFormat(200, new Map([[200, 'yyyy"年"m"月"']]))).toBe(true);
  });
});

describe('dates in workbooks', () => {
  const rows =
    '<row r="1">' +
    '<c r="A1" s="1"><v>43646</v></c>' + // 14
    '<c r="B1" s="2"><v>43646</v></c>' + // 31 yyyy"年"m"月"d"日"
    '<c r="C1" s="3"><v>43646</v></c>' + // 57
    '<c r="D1" s="4"><v>43646.5</v></c>' + // custom yyyy"年"m"月"d"日"
    '<c r="E1" s="5"><v>43646</v></c>' + // custom [$-804]yyyy/m/d
    '<c r="F1" s="6"><v>0.5</v></c>' + // h:mm
    '<c r="G1" s="7"><v>1.25</v></c>' + // [h]:mm
    '<c r="H1" s="0"><v>43646</v></c>' + // General
    '<c r="I1" s="8"><v>43646</v></c>' + // 27
    '<c r="J1" s="9"><v>43646</v></c>' + // 36
    '<c r="K1" s="1"><v>0</v></c>' + // date format, serial 0 → no date
    '<c r="L1" s="1"><v>60</v></c>' +
    '</row>';
  const spec = (date1904: boolean) =>
    buildXlsx({
      date1904,
      sheets: [{ name: 'S', rows }],
      numFmts: [
        [176, 'yyyy"年"m"月"d"日"'],
        [177, '[$-804]yyyy/m/d'],
        [178, '[h]:mm'],
      ],
      xfs: [0, 14, 31, 57, 176, 177, 20, 178, 27, 36],
    });

  it('turns numbers in date formats into calendar dates (1900 system)', async () => {
    const wb = await openRosterFile(writeTemp('dates.xlsx', spec(false)));
    const { rows: out } = await readAll(wb);
    expect(plain(out[0]!)).toEqual(['D:2019-06-30', 'D:2019-06-30', 'D:2019-06-30', 'D:2019-06-30', 'D:2019-06-30', 0.5, 1.25, 43646, 'D:2019-06-30', 'D:2019-06-30', 0, 'D:1900-02-29']);
    expect(out[0]!.cells[3]).toEqual({ kind: 'date', iso: '2019-06-30', serial: 43646.5 });
  });

  it('honours the 1904 flag', async () => {
    const wb = await openRosterFile(writeTemp('dates1904.xlsx', spec(true)));
    expect(wb.date1904).toBe(true);
    const { rows: out } = await readAll(wb);
    expect(out[0]!.cells[0]).toEqual({ kind: 'date', iso: '2023-07-01', serial: 43646 });
  });

  it('gives the same dates under any TZ', async () => {
    const file = writeTemp('dates-tz.xlsx', spec(false));
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz; // Node re-reads TZ when it is assigned
        results.push(`${new Date(0).getTimezoneOffset()}`);
        const { rows: out } = await readAll(await openRosterFile(file));
        results.push(JSON.stringify(out));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    const offsets = results.filter((_, i) => i % 2 === 0);
    expect(new Set(offsets).size).toBeGreaterThan(1); // the TZ change really took effect
    const outputs = results.filter((_, i) => i % 2 === 1);
    expect(new Set(outputs).size).toBe(1);
  });
});
