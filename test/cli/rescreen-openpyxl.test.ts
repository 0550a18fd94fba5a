// Issue 20 item 4: an annotated copy re-saved by openpyxl (which drops docProps/custom.xml, where our
// marker lives) is still recognised by our sheets' content: our columns and sheets are replaced, not
// added twice, as the notes say. Without our sheets either, the notes do not claim an update.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const PYTHON = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0);

/** Loads and saves with openpyxl (dropping `drop` sheets); returns the sheet names and the roster's header row. */
function py(script: string, ...args: string[]): string {
  const r = spawnSync(PYTHON!, ['-c', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}
const RESAVE = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for name in sys.argv[3:]:
    del wb[name]
wb.save(sys.argv[2])
`;
const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({'sheets': wb.sheetnames, 'header': [c.value for c in ws[1]]}, ensure_ascii=False))
`;
const read = (file: string) => JSON.parse(py(READ, file)) as { sheets: string[]; header: (string | null)[] };

async function screenedThenResaved(drop: string[]): Promise<{ dir: string; resaved: string; width: number }> {
  const dir = makeTempDir('rs-openpyxl-');
  const roster = path.join(dir, '花名册.xlsx');
  writeFileSync(roster, await makeRosterBuffer({ rows: [applicant(), applicant({ name: '李四', idNumber: '33010619800307431X', birthDate: '1980-03', cpd2022: 72 })] }));
  runCli([roster, '--as-of', '2024-03-01']);
  const width = read(path.join(dir, '花名册.screened.xlsx')).header.length;
  const resaved = path.join(dir, '改过.xlsx');
  py(RESAVE, path.join(dir, '花名册.screened.xlsx'), resaved, ...drop);
  return { dir, resaved, width };
}

describe.skipIf(!PYTHON)('a copy re-saved by openpyxl [needs python3 + openpyxl]', () => {
  it('is recognised by our sheets: columns and sheets replaced, and the notes say so', async () => {
    const { dir, resaved, width } = await screenedThenResaved([]);
    const r = runCli([resaved, '--as-of', '2024-03-01']);
    expect(r.stdout).toContain('标注副本中会更新');
    expect(r.stdout).toContain('标注副本中会重新生成');
    const again = read(path.join(dir, '改过.screened.xlsx'));
    expect(again.header).toHaveLength(width);
    expect(again.header.filter((h) => h === '预审结论')).toHaveLength(1);
    expect(again.sheets).toEqual(['花名册', '预审汇总', '预审规则']);
  });

  it('without our sheets either, the columns titled like ours are kept as the user’s, and the notes say that', async () => {
    const { dir, resaved, width } = await screenedThenResaved(['预审汇总', '预审规则']);
    const r = runCli([resaved, '--as-of', '2024-03-01']);
    expect(r.stdout).not.toContain('标注副本中会更新');
    expect(r.stdout).toContain('按您自己的列保留');
    const again = read(path.join(dir, '改过.screened.xlsx'));
    expect(again.header).toHaveLength(width + 2);
    expect(again.sheets).toEqual(['花名册', '预审汇总', '预审规则']);
  });

  it('a sheet merely named 预审汇总 is the user’s: kept, and the notes say so', async () => {
    const dir = makeTempDir('rs-openpyxl-');
    const roster = path.join(dir, '花名册.xlsx');
    writeFileSync(roster, await makeRosterBuffer({ rows: [applicant()] }));
    py(`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.create_sheet('预审汇总')['A1'] = '本单位预审汇总（人事处）'
wb.save(sys.argv[1])
`, roster);
    const r = runCli([roster, '--as-of', '2024-03-01']);
    expect(r.stdout).not.toContain('会重新生成');
    expect(r.stdout).toContain('按您自己的工作表保留');
    expect(read(path.join(dir, '花名册.screened.xlsx')).sheets).toEqual(['花名册', '预审汇总', '预审汇总 (2)', '预审规则']);
  });
});
