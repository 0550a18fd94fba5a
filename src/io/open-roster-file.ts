import { createHash } from 'node:crypto';
import path from 'node:path';
import type { MergeRange, RawRow } from '../core/types.js';
import { decodeText, replacementRatio } from './csv/csv-decode.js';
import { parseCsv } from './csv/csv-parse.js';
import { fileEmpty, fileEncrypted, fileNoSheets, fileUnknown } from './errors.js';
import type { LegacyFormat } from './legacy-reader.js';
import { readInputFile } from './read-file.js';
import { sniffBytes } from './sniff.js';
import { openXlsx } from './xlsx/open-xlsx.js';
import { readZipDirectory, type ZipDirectory } from '../ooxml/zip/zip-directory.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../ooxml/zip/zip-limits.js';

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface SheetExtras {
  merges: MergeRange[];
}

export interface OpenedWorkbook {
  /** 'legacy': read whole by SheetJS (.xls, HTML/XML "Excel", .ods, .xlsb, .et); its copy is made anew, like a CSV's. */
  kind: 'xlsx' | 'csv' | 'legacy';
  /** Path as given. */
  file: string;
  /** Hex SHA-256 of the file bytes. */
  sha256: string;
  /** The whole file (annotation reuses it). */
  bytes: Uint8Array;
  /** Workbook order; a CSV has one sheet named after the file (basename without extension). */
  sheets: SheetInfo[];
  date1904: boolean;
  /**
   * Streams the rows of sheet `index` in order. onRow returning `false` stops early (header
   * search); the merges are still complete then. Rows without any value are skipped, and an
   * empty string counts as an empty cell. Throws RangeError for a bad index.
   */
  readRows(index: number, onRow: (row: RawRow) => void | false): Promise<SheetExtras>;
}

export interface OpenOptions {
  /** For tests: tighter zip-bomb limits. */
  zipLimits?: ZipLimits;
  /** The file's bytes, already being read (readInputFile), e.g. while the previous roster is screened. */
  bytes?: Promise<Uint8Array>;
}

/** Opens a roster: .xlsx and CSV by our own readers, the older and foreign formats by SheetJS. Anything unreadable throws a UserError saying what to do. */
export async function openRosterFile(file: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const bytes = await (options.bytes ?? readInputFile(file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = sniffBytes(bytes);
  switch (kind) {
    case 'empty':
      throw fileEmpty(file);
    case 'ole2-encrypted':
      throw fileEncrypted(file);
    case 'ole2':
      return openLegacy(file, sha256, bytes, 'xls');
    case 'html':
      return openLegacy(file, sha256, bytes, 'html');
    case 'spreadsheetml':
      return openLegacy(file, sha256, bytes, 'spreadsheetml');
    case 'xml-other':
    case 'binary':
      throw fileUnknown(file);
    case 'zip': {
      const dir = readZipDirectory(file, bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
      const foreign = foreignZip(dir);
      if (foreign) return openLegacy(file, sha256, bytes, foreign);
      const xlsx = await openXlsx(dir);
      if (xlsx.parts.sheets.length === 0) throw fileNoSheets(file);
      return {
        kind: 'xlsx',
        file,
        sha256,
        bytes,
        sheets: xlsx.parts.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
        date1904: xlsx.parts.date1904,
        readRows: async (index, onRow) => ({ merges: await xlsx.readRows(index, onRow) }),
      };
    }
    case 'text': {
      const { text } = decodeText(bytes, file);
      if (replacementRatio(text) > 0.01) throw fileUnknown(file);
      return {
        kind: 'csv',
        file,
        sha256,
        bytes,
        sheets: [{ name: path.basename(file, path.extname(file)), hidden: false }],
        date1904: false,
        readRows: async (index, onRow) => {
          if (index !== 0) throw new RangeError(`sheet index ${index} out of range (a CSV has one sheet)`);
          parseCsv(text, onRow, file);
          return { merges: [] };
        },
      };
    }
  }
}

/** OpenDocument and Excel-binary packages are zips too, but not ours to read. */
function foreignZip(dir: ZipDirectory): LegacyFormat | null {
  if (dir.has('xl/workbook.bin')) return 'xlsb';
  if (dir.has('content.xml') && dir.has('META-INF/manifest.xml') && !dir.has('[Content_Types].xml')) return 'ods';
  return null;
}

async function openLegacy(file: string, sha256: string, bytes: Uint8Array, format: LegacyFormat): Promise<OpenedWorkbook> {
  // The reader (and SheetJS behind it) is loaded only when such a file comes.
  const { readLegacy } = await import('./legacy-reader.js');
  const book = readLegacy(file, bytes, format);
  return {
    kind: 'legacy',
    file,
    sha256,
    bytes,
    sheets: book.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    date1904: book.date1904,
    readRows: async (index, onRow) => {
      const sheet = book.sheets[index];
      if (!sheet) throw new RangeError(`sheet index ${index} out of range (0..${book.sheets.length - 1})`);
      for (const row of sheet.rows) if (onRow(row) === false) break;
      return { merges: sheet.merges };
    },
  };
}
