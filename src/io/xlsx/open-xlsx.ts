import type { MergeRange, RawRow } from '../../core/types.js';
import { fileCorrupt } from '../errors.js';
import type { ZipDirectory } from '../../ooxml/zip/zip-directory.js';
import { readSheet, type SheetContext } from './sheet-stream.js';
import { readSharedStrings } from './shared-strings.js';
import { readDateStyles } from './styles.js';
import { readWorkbookParts, type WorkbookParts } from './workbook-parts.js';

export interface XlsxWorkbook {
  parts: WorkbookParts;
  readRows(index: number, onRow: (row: RawRow) => void | false): Promise<MergeRange[]>;
}

/**
 * Reads the package skeleton now; shared strings and styles on the first readRows (header
 * search and the full read share them).
 */
export async function openXlsx(dir: ZipDirectory): Promise<XlsxWorkbook> {
  const parts = await readWorkbookParts(dir);
  let context: Promise<SheetContext> | undefined;
  const loadContext = (): Promise<SheetContext> =>
    (context ??= (async () => ({
      sharedStrings: await readSharedStrings(dir, parts.sharedStrings),
      dateStyles: await readDateStyles(dir, parts.styles),
      date1904: parts.date1904,
    }))());

  return {
    parts,
    async readRows(index, onRow) {
      const sheet = parts.sheets[index];
      if (!sheet) throw new RangeError(`sheet index ${index} out of range (0..${parts.sheets.length - 1})`);
      if (!sheet.part) throw fileCorrupt(dir.file, `sheet "${sheet.name}" has no part`);
      const ctx = await loadContext();
      return readSheet(dir, sheet.part, ctx, onRow);
    },
  };
}
