import type { CellValue, MergeRange, RawRow } from '../../core/types.js';
import { fileCorrupt } from '../errors.js';
import type { ZipDirectory } from '../../ooxml/zip/zip-directory.js';
import { streamEntry } from '../../ooxml/zip/entry-stream.js';
import { columnAt, MAX_COL, rowNumber } from '../../ooxml/cell-ref.js';
import { mergeRangeOf, MergeScanner } from './merge-scan.js';
import { parseIsoCell, serialToIso } from './serial-date.js';
import { localName, XmlScanner, type ScanHandler } from '../../ooxml/xml-tokenizer.js';
import { guardXml } from './small-part.js';
import { decodeXString } from '../../ooxml/xstring.js';

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
  private type: CellType = CellType.Number;
  private style = 0;
  private vText = ''; // <v> text
  private inline = ''; // <is><t> text
  private hasInline = false;
  private hasFormula = false;
  private hasV = false;
  private hidden = false;
  private uncomputed: number[] | undefined;
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
        // r, t and s are read straight from the buffer: no substring per cell.
        const buf = sc.buffer;
        const ri = sc.attrIndex('r');
        const c = ri < 0 ? -1 : columnAt(buf, sc.valueStart(ri), sc.valueEnd(ri));
        this.col = c >= 0 ? c : this.col + 1;
        // Excel's grid ends at XFD: padding the row up to a made-up column would exhaust memory.
        if (this.col > MAX_COL) throw fileCorrupt(this.file, `${this.part}: cell reference beyond column XFD`);
        const ti = sc.attrIndex('t');
        this.type = ti < 0 ? CellType.Number : cellTypeAt(buf, sc.valueStart(ti), sc.valueEnd(ti));
        const si = sc.attrIndex('s');
        this.style = si < 0 ? 0 : uintAt(buf, sc.valueStart(si), sc.valueEnd(si));
        this.vText = '';
        this.inline = '';
        this.hasInline = false;
        this.hasFormula = false;
        this.hasV = false;
        return;
      }
      case 'v':
        this.inV = !selfClosing;
        this.hasV = true;
        break;
      case 'f':
        if (this.inSheetData) this.hasFormula = true;
        return;
      case 'row': {
        if (!this.inSheetData) return;
        const num = rowNumber(sc.attr('r'));
        this.rowNum = num > 0 ? num : this.rowNum + 1;
        if (this.rowNum > MAX_ROW) throw fileCorrupt(this.file, `${this.part}: row number beyond 1 048 576`);
        this.cells = [];
        this.hasValue = false;
        this.col = -1;
        // Folded away or filtered out: still an applicant, flagged so it is not passed unnoticed.
        this.hidden = isTrue(sc.attr('hidden'));
        this.uncomputed = undefined;
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
        this.phonetic++; // close() is called for an empty <rPh/> too
        break;
      case 'sheetData':
        this.inSheetData = !selfClosing;
        break;
      case 'mergeCell': {
        const range = mergeRangeOf(sc.attr('ref') ?? '');
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
    // Excel holds at most 32 767 characters per cell; far more is not a roster (and would grow
    // without bound). The margin leaves room for _xHHHH_ escapes and entities.
    if (this.vText.length > MAX_CELL_CHARS || this.inline.length > MAX_CELL_CHARS) {
      throw fileCorrupt(this.file, `${this.part}: a cell holds more than Excel's 32 767 characters`);
    }
  }

  private endRow(): void {
    let r: void | false;
    try {
      const row: RawRow = { row: this.rowNum, cells: this.cells };
      if (this.hidden) row.hidden = true;
      if (this.uncomputed) row.uncomputed = this.uncomputed;
      r = this.onRow(row);
    } catch (err) {
      this.callerError = err;
      throw err;
    }
    if (r === false) this.stopped = true;
  }

  private endCell(): void {
    const v = this.cellValue();
    if (v === undefined) {
      // A formula written by a script and never calculated has no cached value: not a blank cell.
      // openpyxl writes an empty <v></v> beside it; only a text result (t="str") may be empty,
      // a formula that gives "".
      if (this.hasFormula && !this.hasInline && (!this.hasV || this.type !== CellType.String)) {
        (this.uncomputed ??= []).push(this.col);
        this.hasValue = true;
      }
      return;
    }
    const cells = this.cells;
    while (cells.length < this.col) cells.push(undefined);
    cells[this.col] = v;
    this.hasValue = true;
  }

  private cellValue(): CellValue | undefined {
    const text = this.vText;
    if (this.hasInline) return str(decodeXString(this.inline));
    switch (this.type) {
      case CellType.Shared: {
        if (text === '') return undefined;
        const s = this.sharedStrings[+text];
        if (s === undefined) throw fileCorrupt(this.file, `${this.part}: shared string ${text} does not exist`);
        return str(s);
      }
      case CellType.String:
        return str(decodeXString(text));
      case CellType.Boolean:
        return text === '' ? undefined : { kind: 'boolean', value: text === '1' || text === 'true' };
      case CellType.Error:
        return text === '' ? undefined : { kind: 'error', code: text };
      case CellType.Date: {
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

/** Last row of Excel's grid. */
const MAX_ROW = 1048576;
/** Text gathered for one cell before it is refused (Excel's limit is 32 767). */
const MAX_CELL_CHARS = 1 << 20;

const enum CellType {
  Number,
  Shared,
  String, // str (formula result) and inlineStr
  Boolean,
  Error,
  Date,
}

/** The t= attribute: s, str, inlineStr, b, e, d; n or anything unknown reads as a number. */
function cellTypeAt(buf: string, start: number, end: number): CellType {
  const len = end - start;
  const c = buf.charCodeAt(start);
  if (len === 1) {
    if (c === 115 /* s */) return CellType.Shared;
    if (c === 98 /* b */) return CellType.Boolean;
    if (c === 101 /* e */) return CellType.Error;
    if (c === 100 /* d */) return CellType.Date;
    return CellType.Number;
  }
  if ((len === 3 && buf.startsWith('str', start)) || (len === 9 && buf.startsWith('inlineStr', start))) return CellType.String;
  return CellType.Number;
}

/** A non-negative integer attribute (the style index); 0 when malformed. */
function uintAt(buf: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

function isTrue(attr: string | undefined): boolean {
  return attr === '1' || attr === 'true';
}

function str(text: string): CellValue | undefined {
  return text === '' ? undefined : { kind: 'string', text };
}
