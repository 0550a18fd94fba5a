import type { CellValue, MergeRange, RawRow } from '../../core/types.js';
import { fileCorrupt } from '../errors.js';
import type { ZipDirectory } from '../zip/zip-directory.js';
import { streamEntry } from '../zip/zip-entry-stream.js';
import { columnOfRef, parseRange } from './cell-ref.js';
import { MergeScanner } from './merge-scan.js';
import { parseIsoCell, serialToIso } from './serial-date.js';
import { XmlScanner, type ScanHandler } from './xml-scan.js';
import { guardXml, localName } from './xml-stream.js';
import { decodeXString } from './xstring.js';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export type RowSink = (row: RawRow) => void | false;

/**
 * Streams one worksheet part: only the current row is held. Rows and cells without `r=` take
 * the next position. Rows with no value are skipped. Empty strings count as empty cells.
 * After an early stop the rest is only searched for <mergeCells> (see merge-scan.ts).
 */
export async function readSheet(dir: ZipDirectory, part: string, ctx: SheetContext, onRow: RowSink): Promise<MergeRange[]> {
  const entry = dir.get(part);
  if (!entry) throw fileCorrupt(dir.file, `worksheet part ${part} is missing`);
  const handler = new SheetHandler(dir.file, part, ctx, onRow);
  const scanner = new XmlScanner(handler);
  handler.scanner = scanner;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let mergeScanner: MergeScanner | undefined;

  await guardXml(
    dir.file,
    part,
    async () => {
      await streamEntry(dir, entry, (chunk) => {
        if (mergeScanner) return mergeScanner.push(chunk) ? false : undefined;
        // Streaming decode: a character split between two chunks is completed by the next one.
        scanner.write(decoder.decode(chunk, { stream: true }));
        if (handler.stopped) {
          // Re-scan this very chunk: its tail may already hold <mergeCells>.
          mergeScanner = new MergeScanner();
          return mergeScanner.push(chunk) ? false : undefined;
        }
        return undefined;
      });
      if (!mergeScanner) {
        scanner.write(decoder.decode());
        scanner.close();
      }
    },
    (err) => err === handler.callerError,
  );
  return mergeScanner ? mergeScanner.result() : handler.merges;
}

/** The sheet's SAX state machine; a class so the hot callbacks stay monomorphic. */
class SheetHandler implements ScanHandler {
  scanner!: XmlScanner;
  wantText = false;
  stopped = false;
  callerError: unknown = undefined;
  readonly merges: MergeRange[] = [];

  private readonly sharedStrings: readonly string[];
  private readonly dateStyles: readonly boolean[];
  private readonly date1904: boolean;

  private inSheetData = false;
  private rowNum = 0;
  private cells: (CellValue | undefined)[] = [];
  private hasValue = false;
  private col = -1;
  private type: string | undefined = undefined;
  private style = 0;
  private vText = ''; // <v> text
  private inline = ''; // <is><t> text
  private hasInline = false;
  private inV = false;
  private inIs = false;
  private inT = false;
  private phonetic = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
    ctx: SheetContext,
    private readonly onRow: RowSink,
  ) {
    this.sharedStrings = ctx.sharedStrings;
    this.dateStyles = ctx.dateStyles;
    this.date1904 = ctx.date1904;
  }

  open(rawName: string, selfClosing: boolean): void {
    const name = rawName.length <= 2 ? rawName : localName(rawName);
    const sc = this.scanner;
    switch (name) {
      case 'c': {
        if (!this.inSheetData) return;
        const r = sc.attr('r');
        const c = r === undefined ? -1 : columnOfRef(r);
        this.col = c >= 0 ? c : this.col + 1;
        this.type = sc.attr('t');
        const s = sc.attr('s');
        this.style = s === undefined ? 0 : +s;
        this.vText = '';
        this.inline = '';
        this.hasInline = false;
        return;
      }
      case 'v':
        this.inV = !selfClosing;
        break;
      case 'row': {
        if (!this.inSheetData) return;
        const r = sc.attr('r');
        const num = r === undefined ? NaN : +r;
        this.rowNum = num > 0 ? num : this.rowNum + 1;
        this.cells = [];
        this.hasValue = false;
        this.col = -1;
        return;
      }
      case 'is':
        this.inIs = !selfClosing;
        this.hasInline = true;
        break;
      case 't':
        this.inT = this.inIs && this.phonetic === 0 && !selfClosing;
        break;
      case 'rPh':
        if (!selfClosing) this.phonetic++;
        break;
      case 'sheetData':
        this.inSheetData = !selfClosing;
        break;
      case 'mergeCell': {
        const range = parseRange(sc.attr('ref') ?? '');
        if (range) this.merges.push(range);
        return;
      }
      default:
        return;
    }
    this.wantText = this.inV || this.inT;
  }

  close(rawName: string): void {
    const name = rawName.length <= 2 ? rawName : localName(rawName);
    switch (name) {
      case 'v':
        this.inV = false;
        break;
      case 'c':
        if (this.inSheetData) this.endCell();
        return;
      case 't':
        this.inT = false;
        break;
      case 'row':
        if (this.inSheetData && this.hasValue && !this.stopped) this.endRow();
        return;
      case 'is':
        this.inIs = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'sheetData':
        this.inSheetData = false;
        return;
      default:
        return;
    }
    this.wantText = this.inV || this.inT;
  }

  text(t: string): void {
    if (this.inV) this.vText += t;
    else if (this.inT) this.inline += t;
  }

  private endRow(): void {
    let r: void | false;
    try {
      r = this.onRow({ row: this.rowNum, cells: this.cells });
    } catch (err) {
      this.callerError = err;
      throw err;
    }
    if (r === false) this.stopped = true;
  }

  private endCell(): void {
    const v = this.cellValue();
    if (v === undefined) return;
    const cells = this.cells;
    while (cells.length < this.col) cells.push(undefined);
    cells[this.col] = v;
    this.hasValue = true;
  }

  private cellValue(): CellValue | undefined {
    const text = this.vText;
    if (this.hasInline) return str(decodeXString(this.inline));
    switch (this.type) {
      case 's': {
        if (text === '') return undefined;
        const s = this.sharedStrings[+text];
        if (s === undefined) throw fileCorrupt(this.file, `${this.part}: shared string ${text} does not exist`);
        return str(s);
      }
      case 'str':
      case 'inlineStr':
        return str(decodeXString(text));
      case 'b':
        return text === '' ? undefined : { kind: 'boolean', value: text === '1' || text === 'true' };
      case 'e':
        return text === '' ? undefined : { kind: 'error', code: text };
      case 'd': {
        const d = parseIsoCell(text, this.date1904);
        return d ? { kind: 'date', iso: d.iso, serial: d.serial } : str(text);
      }
      default: {
        if (text === '') return undefined;
        const n = +text;
        if (Number.isNaN(n)) return str(text);
        if (this.dateStyles[this.style] === true) {
          const iso = serialToIso(n, this.date1904);
          if (iso !== null) return { kind: 'date', iso, serial: n };
        }
        return { kind: 'number', value: n };
      }
    }
  }
}

function str(text: string): CellValue | undefined {
  return text === '' ? undefined : { kind: 'string', text };
}
