// The peer: what an exceljs-based tool does. In-memory read of the whole workbook, a fill on one
// cell of every flagged row (the generator's defect rows), a verdict column added, in-memory write.
//
//   node --max-old-space-size=6144 scripts/bench/peer.mjs roster.xlsx out.xlsx
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

export async function peer(file, out) {
  const flagsFile = `${file}.flags.json`;
  const flags = existsSync(flagsFile) ? JSON.parse(readFileSync(flagsFile, 'utf8')) : { firstDataRow: 2, defects: [] };
  const flagged = new Set(flags.defects);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const col = ws.columnCount + 1;
  const headerRow = flags.firstDataRow - 1;
  ws.getCell(headerRow, col).value = '预审结论';
  let marked = 0;
  for (let r = flags.firstDataRow; r <= ws.rowCount; r++) {
    const bad = flagged.has(r);
    ws.getCell(r, col).value = bad ? '不通过' : '通过';
    if (bad) {
      ws.getCell(r, 2).fill = RED;
      marked++;
    }
  }
  await wb.xlsx.writeFile(out);
  return { rows: ws.rowCount, marked };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await peer(process.argv[2], process.argv[3]);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
