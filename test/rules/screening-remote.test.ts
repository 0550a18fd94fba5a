// The rules on a worker thread (src/rules/screening-remote.ts) must give exactly what the in-thread
// engine gives: same results, findings, statuses, cross-check findings and exceptions.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import type { Applicant, CellValue, FieldColumn, RosterLayout } from '../../src/core/types.js';
import { Screening, type ScreenResult } from '../../src/rules/engine.js';
import type { ExceptionEntry } from '../../src/rules/exceptions.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { decodeApplicants, encodeApplicant, type RowBatch } from '../../src/rules/screening-protocol.js';
import { RemoteScreening } from '../../src/rules/screening-remote.js';
import type { RuleSet } from '../../src/rules/schema.js';
import { applicant } from '../helpers/make-roster.js';
import { toCell, type RowInput } from '../helpers/screen-rows.js';

// The compiled worker (npm test builds first): the thread runs dist/, this file runs src/.
const ENTRY = fileURLToPath(new URL('../../dist/rules/screening-worker-main.js', import.meta.url));
const ruleSet = loadBundledRuleSet().ruleSet;
const AS_OF = '2024-03-25';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'screening-remote-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function layoutOf(file: string, fields: string[]): RosterLayout {
  const map = new Map<string, FieldColumn>();
  fields.forEach((id, col) => map.set(id, { col, letter: String.fromCharCode(65 + (col % 26)) + (col >= 26 ? String(col) : ''), header: `h-${id}` }));
  return { file, sheet: '花名册', headerRow: 1, fields: map };
}

const cell = toCell;

interface Roster {
  layout: RosterLayout;
  rows: RowInput[];
}

/** Screens the rosters with either engine, feeding the same applicants in the same order. */
async function screen(rosters: Roster[], how: 'thread' | 'worker', extra: { exceptions?: ExceptionEntry[]; rules?: RuleSet; keepListFields?: boolean } = {}): Promise<ScreenResult> {
  const rules = extra.rules ?? ruleSet;
  const options = { asOf: AS_OF, strictColumns: false, keepListFields: extra.keepListFields ?? true };
  const env = { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null };
  const engine =
    how === 'thread'
      ? await Screening.create(rules, { ...options, env, exceptions: extra.exceptions })
      : await RemoteScreening.start(ENTRY, { ruleSet: rules, ...options, integrity: null }, env, extra.exceptions ?? []);
  try {
    for (const roster of rosters) {
      const input = engine.beginInput(roster.layout);
      roster.rows.forEach((r, i) => {
        const values = new Map<string, CellValue>();
        for (const id of roster.layout.fields.keys()) {
          const v = cell(r[id]);
          if (v) values.set(id, v);
        }
        engine.add({ input, layout: roster.layout, row: i + 2, values });
      });
    }
    return await engine.finish();
  } finally {
    if (engine instanceof RemoteScreening) await engine.close();
  }
}

// Deterministic variety: valid applicants with one field spoiled in turn, and repeated IDs.
function mixedRows(n: number, seed: number): RowInput[] {
  const spoil: RowInput[] = [
    {},
    { idNumber: '330106197102114318' },
    { cpd2021: 10 },
    { publicEnd: '2024-03-12' },
    { currentTitleDate: '2022-01-01' },
    { specialty: '烹饪' },
    { birthDate: '1950-01' },
    { unitRegion: '上海市' },
    { archiveApproved: '否' },
    { applyDate: '2025-01-01' },
    { cpd2022: '一百' },
    { birthDate: { kind: 'date', iso: '1971-02-11', serial: 26340 } },
    { discipline: { kind: 'error', code: '#N/A' } },
    { cpdRegistered: true },
  ];
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 7 + seed) % spoil.length;
    // Every 50th applicant reuses an earlier ID (the cross check), some across rosters.
    const id = i % 50 === 49 ? '330106197102114319' : undefined;
    return applicant({ name: `申报人${seed}-${i}`, ...spoil[k], ...(id ? { idNumber: id } : {}) });
  });
}

const ALL = Object.keys(applicant());

describe('RemoteScreening', () => {
  it('has the compiled worker to test (npm test builds first)', () => {
    expect(existsSync(ENTRY)).toBe(true);
  });

  it('gives exactly the in-thread results across rosters, cross checks, missing columns and exceptions', async () => {
    const rosters: Roster[] = [
      { layout: layoutOf('a.xlsx', ALL), rows: mixedRows(3000, 1) },
      // A roster without a stage column and without a core one: plans differ per input.
      { layout: layoutOf('b.xlsx', ALL.filter((f) => f !== 'publicEnd' && f !== 'cpd2023')), rows: mixedRows(120, 5) },
      { layout: layoutOf('c.xlsx', ALL), rows: mixedRows(40, 9) },
    ];
    const exceptions: ExceptionEntry[] = [
      { idNumber: '330106197102114319', ruleId: ruleSet.rules[0]!.id, reviewer: '王五', date: '2024-03-20', note: '已核实', origin: 'ex.xlsx:2' },
    ];
    const local = await screen(rosters, 'thread', { exceptions });
    const remote = await screen(rosters, 'worker', { exceptions });
    expect(remote.applicants).toHaveLength(3160);
    // The checks did find things: duplicates across rosters, failures and reviews.
    const ruleIds = new Set(local.applicants.flatMap((a) => a.findings.map((f) => f.ruleId)));
    expect(ruleIds.size).toBeGreaterThan(8);
    expect(local.applicants.some((a) => a.status === 'fail')).toBe(true);
    expect(local.missingCore.length + local.unchecked.length).toBeGreaterThan(0);
    expect(remote).toEqual(local);
  });

  it('without the list columns, as the default path runs', async () => {
    const rosters: Roster[] = [{ layout: layoutOf('a.xlsx', ALL), rows: mixedRows(300, 3) }];
    const local = await screen(rosters, 'thread', { keepListFields: false });
    const remote = await screen(rosters, 'worker', { keepListFields: false });
    expect(remote.applicants[0]!.fields).toBeUndefined();
    expect(remote).toEqual(local);
  });

  it('shares repeated texts again, as the in-thread results do', async () => {
    const rosters: Roster[] = [{ layout: layoutOf('a.xlsx', ALL), rows: mixedRows(600, 2) }];
    const remote = await screen(rosters, 'worker');
    const messages = new Set(remote.applicants.flatMap((a) => a.findings.map((f) => f.message)));
    const texts = new Set(remote.applicants.flatMap((a) => a.findings.map((f) => `${f.message.zh}\u0000${f.message.en}`)));
    // One object per distinct message, not one per finding.
    expect(messages.size).toBe(texts.size);
  });

  it('fails cleanly when the worker cannot start, without blocking the reader', async () => {
    const broken = path.join(scratch, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("worker entry broke");\n');
    const rosters: Roster[] = [{ layout: layoutOf('a.xlsx', ALL), rows: mixedRows(3000, 4) }];
    const run = (async () => {
      const env = { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null };
      const engine = await RemoteScreening.start(broken, { ruleSet, asOf: AS_OF, strictColumns: false, integrity: null, keepListFields: false }, env, []);
      try {
        const input = engine.beginInput(rosters[0]!.layout);
        for (const [i, r] of rosters[0]!.rows.entries()) {
          engine.add({ input, layout: rosters[0]!.layout, row: i + 2, values: new Map([['name', cell(r.name)!]]) });
        }
        return await engine.finish();
      } finally {
        await engine.close();
      }
    })();
    await expect(run).rejects.toThrow(/worker entry broke|screening worker/);
  });

  it('fails cleanly when the rules fail in the worker', async () => {
    // A worker whose rules throw on the first batch: the error comes back, the reader is not held up.
    const throwing = path.join(scratch, 'throwing-worker.mjs');
    writeFileSync(
      throwing,
      `import { parentPort } from 'node:worker_threads';
       import { serveScreening } from ${JSON.stringify(ENTRY.replace('screening-worker-main.js', 'screening-worker.js'))};
       import { Screening } from ${JSON.stringify(ENTRY.replace('screening-worker-main.js', 'engine.js'))};
       Screening.prototype.add = () => { throw new Error('a check broke'); };
       serveScreening();
`,
    );
    const rosters: Roster[] = [{ layout: layoutOf('a.xlsx', ALL), rows: mixedRows(3000, 6) }];
    const env = { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null };
    const engine = await RemoteScreening.start(throwing, { ruleSet, asOf: AS_OF, strictColumns: false, integrity: null, keepListFields: false }, env, []);
    const run = (async () => {
      try {
        const input = engine.beginInput(rosters[0]!.layout);
        for (const [i, r] of rosters[0]!.rows.entries()) {
          engine.add({ input, layout: rosters[0]!.layout, row: i + 2, values: new Map([['name', cell(r.name)!]]) });
          // The reader yields now and then, as the real one does between chunks.
          if (i % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return await engine.finish();
      } finally {
        await engine.close();
      }
    })();
    await expect(run).rejects.toThrow(/a check broke|screening worker failed/);
  });

  it('a rule set the main thread cannot prepare stops the worker it started', async () => {
    const bad: RuleSet = { ...ruleSet, rules: ruleSet.rules.map((r, i) => (i === 0 ? { ...r, check: 'no-such-check' } : r)) } as RuleSet;
    const env = { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null };
    await expect(RemoteScreening.start(ENTRY, { ruleSet: bad, asOf: AS_OF, strictColumns: false, integrity: null, keepListFields: false }, env, [])).rejects.toThrow(/no-such-check/);
  });
});

describe('the worker batch encoding', () => {
  it('round-trips every kind of cell value, field ids and rows', () => {
    const layouts = [layoutOf('x.xlsx', ['name', 'idNumber', 'cpd2021', 'birthDate']), layoutOf('y.csv', ['idNumber', 'name', 'discipline', 'cpdRegistered'])];
    const fieldIds = layouts.map((l) => [...l.fields.keys()]);
    const index = fieldIds.map((ids) => new Map(ids.map((id, i) => [id, i])));
    const odd = ['', ' ', '\u0000', '\ud800', '😀', '<c r="A1">', 'x'.repeat(5000), '0', 'true'];
    const apps: Applicant[] = [];
    for (let i = 0; i < 200; i++) {
      const input = i % 2;
      const layout = layouts[input]!;
      const ids = fieldIds[input]!;
      const values = new Map<string, CellValue>();
      const kinds: CellValue[] = [
        { kind: 'string', text: odd[i % odd.length]! },
        { kind: 'number', value: [0, -0, 1.5, -3e300, Number.MAX_SAFE_INTEGER, NaN][i % 6]! },
        { kind: 'date', iso: `2023-0${1 + (i % 9)}-15`, serial: 44941 + i },
        i % 3 === 0 ? { kind: 'boolean', value: i % 2 === 0 } : { kind: 'error', code: '#DIV/0!' },
      ];
      // Values in varying order and number, as a Map holds them.
      for (let k = 0; k < ids.length; k++) if ((i + k) % 5 !== 0) values.set(ids[(k + i) % ids.length]!, kinds[k]!);
      apps.push({ input, layout, row: 3 + i * 2, values });
    }
    const batch: RowBatch = [];
    for (const app of apps) encodeApplicant(batch, app, index[app.input]!);
    const cloned = structuredClone(batch);
    const back: Applicant[] = [];
    decodeApplicants(cloned, layouts, fieldIds, (app) => back.push(app));
    expect(back).toHaveLength(apps.length);
    for (const [i, app] of apps.entries()) {
      expect(back[i]!.layout).toBe(app.layout);
      expect([...back[i]!.values]).toEqual([...app.values]);
      expect({ ...back[i]!, values: null }).toEqual({ ...app, values: null });
    }
    // -0 and NaN survive as themselves.
    const numbers = back.flatMap((a) => [...a.values.values()]).filter((v) => v.kind === 'number').map((v) => (v as { value: number }).value);
    expect(numbers.some((n) => Object.is(n, -0))).toBe(true);
    expect(numbers.some((n) => Number.isNaN(n))).toBe(true);
  });
});
