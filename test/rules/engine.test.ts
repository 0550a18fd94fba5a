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

describe('a rule judging a list of years, one column each', () => {
  const findings = (r: ScreenResult, ruleId: string) => r.applicants[0]!.findings.filter((f) => f.ruleId === ruleId).map((f) => [f.outcome, f.column, f.severity]);

  it('judges the years whose columns the roster has when a core year column is missing, and names the missing one', async () => {
    const layout = layoutOf('no2023.xlsx', ALL.filter((f) => f !== 'cpd2023'));
    const r = await screen([{ layout, rows: [applicant({ cpd2021: 50 })] }]);
    expect(findings(r, 'cpd-hours')).toEqual([
      ['missing-column', '2023年继续教育学时', 'warn'],
      ['short', 'h-cpd2021', 'error'],
    ]);
    expect(r.applicants[0]!.status).toBe('fail');
    expect(r.missingCore).toEqual([{ file: 'no2023.xlsx', columns: ['2023年继续教育学时'] }]);
    // The year not checked is listed too, as a part of the rule (the rule ran on the others).
    expect(r.unchecked.find((u) => u.ruleId === 'cpd-hours')).toMatchObject({ columns: ['2023年继续教育学时'], files: ['no2023.xlsx'], partial: true });
  });

  it('without any year column the rule does not run, and each missing year is named', async () => {
    const layout = layoutOf('nocpd.xlsx', ALL.filter((f) => !/^cpd20/.test(f)));
    const r = await screen([{ layout, rows: [applicant()] }]);
    expect(findings(r, 'cpd-hours')).toEqual([
      ['missing-column', '2021年继续教育学时', 'warn'],
      ['missing-column', '2022年继续教育学时', 'warn'],
      ['missing-column', '2023年继续教育学时', 'warn'],
    ]);
    expect(r.unchecked.find((u) => u.ruleId === 'cpd-hours')).toBeUndefined();
  });

  it('lists a missing stage year column (年度考核) under 未核验项 and still judges the other years', async () => {
    const layout = layoutOf('no-assess.xlsx', ALL.filter((f) => f !== 'assessment2023'));
    const r = await screen([{ layout, rows: [applicant({ assessment2022: '基本合格' })] }]);
    expect(findings(r, 'annual-assessment')).toEqual([['concern', 'h-assessment2022', 'warn']]);
    expect(r.unchecked.find((u) => u.ruleId === 'annual-assessment')).toMatchObject({ columns: ['2023年度考核'], files: ['no-assess.xlsx'], partial: true });
    expect(r.missingCore).toEqual([]);
  });

  it('lists every missing year when no assessment column is there, as a rule not run', async () => {
    const layout = layoutOf('none.xlsx', ALL.filter((f) => !f.startsWith('assessment')));
    const r = await screen([{ layout, rows: [applicant()] }]);
    expect(findings(r, 'annual-assessment')).toEqual([]);
    const u = r.unchecked.find((x) => x.ruleId === 'annual-assessment');
    expect(u).toMatchObject({ columns: ['2021年度考核', '2022年度考核', '2023年度考核'] });
    expect(u?.partial).toBeFalsy();
  });

  it('keeps one entry per rule and missing part across rosters', async () => {
    const a = layoutOf('a.xlsx', ALL.filter((f) => f !== 'assessment2023'));
    const b = layoutOf('b.xlsx', ALL.filter((f) => f !== 'assessment2021'));
    const c = layoutOf('c.xlsx', ALL.filter((f) => f !== 'assessment2023'));
    const r = await screen([a, b, c].map((layout) => ({ layout, rows: [applicant()] })));
    expect(r.unchecked.filter((u) => u.ruleId === 'annual-assessment').map((u) => [u.columns, u.files])).toEqual([
      [['2023年度考核'], ['a.xlsx', 'c.xlsx']],
      [['2021年度考核'], ['b.xlsx']],
    ]);
  });
});
