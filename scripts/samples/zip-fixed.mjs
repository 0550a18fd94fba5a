// exceljs stamps every zip entry with the current time, so the same workbook differs byte for byte
// from run to run. Re-packing the entries with a fixed time makes the committed samples reproducible.
import { unzipSync, zipSync } from 'fflate';

// fflate reads the local-time fields of the Date, so build it from local fields: same bytes in every TZ.
const FIXED_MTIME = new Date(2024, 2, 20, 9, 0, 0);

/** The same xlsx package with every entry re-compressed and dated FIXED_MTIME, entry order kept. */
export function repackFixed(bytes) {
  const entries = unzipSync(new Uint8Array(bytes));
  const out = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime: FIXED_MTIME, level: 6 }];
  return Buffer.from(zipSync(out));
}
