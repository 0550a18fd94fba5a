// Side-list files written in the test: CSV text or an xlsx built with exceljs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeTempDir } from '../helpers/temp-dir.js';

const dir = makeTempDir('rs-lists-');
let n = 0;

export function csvFile(lines: string[], name = `list-${++n}.csv`): string {
  const file = path.join(dir, name);
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

export async function xlsxFile(rows: (string | number | Date | null)[][], name = `list-${++n}.xlsx`): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
