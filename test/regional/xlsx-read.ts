// Opens a workbook built by the list builders and flattens it for assertions.
import ExcelJS from 'exceljs';

export async function openWorkbook(buf: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

/** Each row's cell texts (1-based columns → array index 0), trailing empties dropped. */
export function rowsOf(ws: ExcelJS.Worksheet): { row: number; cells: (string | number | null)[] }[] {
  const out: { row: number; cells: (string | number | null)[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      // Merged followers repeat the master's value in exceljs; show them as null.
      const v = cell.isMerged && cell.master !== cell ? null : cell.value;
      cells.push(v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));
    }
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    out.push({ row: n, cells });
  });
  return out;
}

/** Every cell that holds a formula (must be none). */
export function formulaCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.type === ExcelJS.ValueType.SharedString) out.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return out;
}
