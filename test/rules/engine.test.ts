// The engine's one path over several rosters: row checks per applicant, the cross check
// (duplicate IDs) across rosters, missing columns per roster, then exceptions and statuses.
import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import type { CellValue, FieldColumn, RosterLayout } from '../../src/core/types.js';
import { Screening, type ScreenResult } from '../../src/rules/engine.js';
import type { ExceptionEntry } from '../../src/rules/exceptions.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import type { RuleSet } from '../../src/rules/schema.js';
import { applicant } from '../helpers/make-roster.js';
import { toCell, type RowInput } from '../helpers/screen-rows.js';

const ruleSet = loadBundledRuleSet().ruleSet;
const env = { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null };
const DUP_ID = '330106197102114319'; // the valid applicant's own

function layoutOf(file: string, fields: string[]): RosterLayout {
  const map = new Map<string, FieldColumn>();
  fields.forEach((id, col) => map.set(id, { col, letter: colLetters(col), header: `h-${id}` }));
  return { file, sheet: '花名册', headerRow: 1, fields: map };
}

async function screen(rosters: { layout: RosterLayout; rows: RowInput[] }[], exceptions: ExceptionEntry[] = [], rules: RuleSet = ruleSet): Promise<ScreenResult> {
  const screening = await Screening.create(rules, { asOf: '2024-03-25', strictColumns: false, env, exceptions });
  for (const { layout, rows } of rosters) {
    const input = screening.beginInput(layout);
    rows.forEach((r, i) => {
      const values = new Map<string, CellValue>();
      for (const id of layout.fields.keys()) {
        const v = toCell(r[id]);
        if (v) values.set(id, v);
      }
      screening.add({ input, layout, row: i + 2, values });
    });
  }
  return screening.finish();
}

const ALL = Object.keys(applicant());

describe('Screening', () => {
  const rosters = [
    { layout: layoutOf('a.xlsx', ALL), rows: [applicant({ name: '甲', idNumber: DUP_ID }), applicant({ name: '乙', idNumber: '330106197102114511' })] },
    // Without a stage column (sex) and a core one (unitType): each roster has its own plan.
    { layout: layoutOf('b.xlsx', ALL.filter((f) => f !== 'sex' && f !== 'unitType')), rows: [applicant({ name: '丙', idNumber: DUP_ID })] },
  ];

  it('finds duplicates across rosters, reports missing columns per roster, and sets statuses', async () => {
    const r = await screen(rosters);
    expect(r.applicants.map((a) => [a.file, a.row, a.name])).toEqual([
      ['a.xlsx', 2, '甲'],
      ['a.xlsx', 3, '乙'],
      ['b.xlsx', 2, '丙'],
    ]);
    const dup = (i: number) => r.applicants[i]!.findings.filter((f) => f.ruleId === 'duplicate').map((f) => f.outcome);
    expect([dup(0), dup(1), dup(2)]).toEqual([['same-id'], [], ['same-id']]);
    expect(r.applicants[0]!.status).toBe('fail');
    expect(r.applicants[1]!.status).toBe('pass');
    expect(r.missingCore).toEqual([{ file: 'b.xlsx', columns: ['单位性质'] }]);
    expect(r.applicants[2]!.findings.some((f) => f.outcome === 'missing-column' && f.column === '单位性质')).toBe(true);
    // A rule whose stage column neither roster has is listed once, naming both files.
    const entrusted = r.unchecked.find((u) => u.ruleId === 'ministry-entrusted');
    expect(entrusted).toMatchObject({ columns: ['主管部门委托'], files: ['a.xlsx', 'b.xlsx'] });
  });

  it('applies exceptions after the cross check: the duplicate becomes info with the reviewer note', async () => {
    const exception: ExceptionEntry = { idNumber: DUP_ID, ruleId: 'duplicate', reviewer: '王五', date: '2024-03-20', note: '已核实', origin: 'ex.xlsx:2' };
    const twice = { layout: layoutOf('c.xlsx', ALL), rows: [applicant({ name: '甲', idNumber: DUP_ID })] };
    const r = await screen([rosters[0]!, twice], [exception]);
    const found = r.applicants[0]!.findings.find((f) => f.ruleId === 'duplicate')!;
    expect(found.severity).toBe('info');
    expect(found.exception).toMatchObject({ reviewer: '王五', originalSeverity: 'error' });
    expect(r.exceptions).toEqual([{ entry: exception, matched: 2 }]);
    expect(r.applicants[0]!.status).toBe('pass');
  });

  it('refuses a rule set whose check kind does not exist', async () => {
    const bad = { ...ruleSet, rules: ruleSet.rules.map((r, i) => (i === 0 ? { ...r, check: 'no-such-check' } : r)) };
    await expect(screen([], [], bad)).rejects.toThrow(/no-such-check/);
  });

  it('refuses an applicant from a roster it was not told about', async () => {
    const screening = await Screening.create(ruleSet, { asOf: '2024-03-25', strictColumns: false, env });
    const layout = layoutOf('a.xlsx', ALL);
    expect(() => screening.add({ input: 0, layout, row: 2, values: new Map() })).toThrow(/undeclared input/);
  });
});
