// Hostile and odd roster files, built in code (issue 8). Hand-made packages give full control of
// the XML and of the zip structure itself; exceljs-made ones stand for "normal" workbooks.
import { crc32, deflateRawSync, constants as zconst } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import { validApplicant, type RowInput } from '../helpers/screen-rows.js';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = NS_R;

let labels: Map<string, string> | undefined;
/** The rule set's standard header text of a field (parsed once: the rule set is big). */
export function labelOf(id: string): string {
  labels ??= new Map(loadBundledRuleSet().ruleSet.columns.map((c) => [c.id, c.label.zh]));
  return labels.get(id) ?? id;
}

/** Every field of the valid applicant, in the order make-roster uses. */
export const ALL_COLUMNS = Object.keys(validApplicant);

/** Distinct valid ID numbers of men born in 1970 (check digit right), one per index < 147 840. */
export function idNumberFor(i: number): string {
  const month = 1 + (i % 12);
  const day = 1 + (Math.floor(i / 12) % 28);
  const seq = String(101 + 2 * (Math.floor(i / 336) % 440)); // odd: male, like the base applicant
  const body = `3301061970${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  return body + checkDigit(body);
}

export function checkDigit(body17: string): string {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * W[i]!;
  return '10X98765432'[s % 11]!;
}

// ---------------------------------------------------------------- XML pieces

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export { colLetters };

/** An inline-string cell; `raw` text is put in as is (already XML), otherwise escaped. */
export function strCell(ref: string, text: string, raw = false): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${raw ? text : esc(text)}</t></is></c>`;
}

export function numCell(ref: string, n: number | string, style?: number): string {
  return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><v>${n}</v></c>`;
}

/** A row of values from column 0 (strings inline, numbers as numbers). */
export function rowXml(row: number, values: (string | number | null | undefined)[], from = 0): string {
  const cells = values
    .map((v, i) => {
      if (v === null || v === undefined || v === '') return '';
      const ref = `${colLetters(from + i)}${row}`;
      return typeof v === 'number' ? numCell(ref, v) : strCell(ref, v);
    })
    .join('');
  return `<row r="${row}">${cells}</row>`;
}

export interface RosterXmlSpec {
  rows: RowInput[];
  columns?: string[];
  /** Excel row of the header (default 1). */
  headerRow?: number;
  headers?: Record<string, string>;
  /** Per-cell override: return XML for a cell (ref given) or undefined to use the default. */
  cell?: (field: string, ref: string, value: RowInput[string], rowIndex: number) => string | undefined;
}

/** sheetData inner XML for a roster: header row, then one row per applicant. */
export function rosterSheetData(spec: RosterXmlSpec): { xml: string; lastRow: number; columns: string[] } {
  const columns = spec.columns ?? ALL_COLUMNS;
  const h = spec.headerRow ?? 1;
  const parts = [rowXml(h, columns.map((c) => spec.headers?.[c] ?? labelOf(c)))];
  spec.rows.forEach((r, i) => {
    const rowNum = h + 1 + i;
    const cells = columns
      .map((c, col) => {
        const ref = `${colLetters(col)}${rowNum}`;
        const custom = spec.cell?.(c, ref, r[c], i);
        if (custom !== undefined) return custom;
        const v = r[c];
        if (v === null || v === undefined || v === '' || typeof v === 'object') return '';
        if (typeof v === 'number') return numCell(ref, v);
        return strCell(ref, String(v));
      })
      .join('');
    parts.push(`<row r="${rowNum}">${cells}</row>`);
  });
  return { xml: parts.join(''), lastRow: h + spec.rows.length, columns };
}

export interface SheetSpec {
  name: string;
  /** Inner XML of <sheetData>. */
  rows: string;
  /** XML between <worksheet> and <sheetData> (e.g. <dimension>). */
  head?: string;
  /** XML after </sheetData>. */
  after?: string;
  state?: 'hidden' | 'veryHidden';
  /** The whole sheet part, raw (string or bytes). */
  xml?: string | Uint8Array;
}

export interface XlsxSpec {
  sheets: SheetSpec[];
  /** <si> inner XML per shared string; omitted → no sharedStrings part. */
  sharedStrings?: string[];
  /** numFmtId per cellXfs entry; default [0, 14] (s="1" is a date). */
  xfs?: number[];
  numFmts?: [number, string][];
  date1904?: boolean;
  extra?: Record<string, string | Uint8Array>;
  level?: 0 | 1 | 6 | 9;
}

export function buildXlsx(spec: XlsxSpec): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, body: string | Uint8Array): void => {
    files[name] = typeof body === 'string' ? strToU8(body) : body;
  };
  const n = spec.sheets.length;
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      (spec.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
      `</Types>`,
  );
  put('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheetEls = spec.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<bookViews><workbookView/></bookViews><sheets>${sheetEls}</sheets></workbook>`,
  );
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  put(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
      (spec.sharedStrings ? `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  spec.sheets.forEach((s, i) => {
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      s.xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${s.head ?? ''}<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    );
  });
  if (spec.sharedStrings) {
    const sst = spec.sharedStrings;
    put('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((x) => `<si>${x}</si>`).join('')}</sst>`);
  }
  const xfs = spec.xfs ?? [0, 14];
  const numFmts = spec.numFmts ?? [];
  put(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : '') +
      `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  for (const [name, body] of Object.entries(spec.extra ?? {})) put(name, body);
  return zipSync(files, { level: spec.level ?? 6 });
}

/** A one-sheet roster workbook of `rows` (hand-made XML; strings inline). */
export function rosterXlsx(spec: RosterXmlSpec & { sheetName?: string; head?: string; after?: string; date1904?: boolean; xfs?: number[] }): Uint8Array {
  const { xml } = rosterSheetData(spec);
  return buildXlsx({ sheets: [{ name: spec.sheetName ?? '花名册', rows: xml, head: spec.head, after: spec.after }], date1904: spec.date1904, xfs: spec.xfs });
}

/** `n` distinct valid applicants (each passes every rule as of 2024-03-25). */
export function applicants(n: number, over: (i: number) => RowInput = () => ({})): RowInput[] {
  return Array.from({ length: n }, (_, i) => ({ ...validApplicant, name: `申报人${i + 1}`, idNumber: idNumberFor(i), birthDate: '1970-' + String(1 + (i % 12)).padStart(2, '0'), ...over(i) }));
}

// ---------------------------------------------------------------- zip surgery

export interface CentralEntry {
  /** Offset of the central directory header. */
  at: number;
  name: string;
  localHeaderOffset: number;
  compressedSize: number;
}

export function centralEntries(zip: Uint8Array): CentralEntry[] {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: CentralEntry[] = [];
  for (let p = b.indexOf('PK\u0001\u0002'); p >= 0; p = b.indexOf('PK\u0001\u0002', p + 4)) {
    const nameLen = b.readUInt16LE(p + 28);
    out.push({ at: p, name: b.toString('utf8', p + 46, p + 46 + nameLen), localHeaderOffset: b.readUInt32LE(p + 42), compressedSize: b.readUInt32LE(p + 20) });
  }
  return out;
}

/** A copy whose central directory (and local header) claims `size` uncompressed bytes for `name`. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const e = centralEntries(out).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  out.writeUInt32LE(size, e.at + 24);
  out.writeUInt32LE(size, e.localHeaderOffset + 22);
  return new Uint8Array(out);
}

/** Offset range of an entry's compressed data. */
export function entryDataRange(zip: Uint8Array, name: string): [number, number] {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const e = centralEntries(zip).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  const start = e.localHeaderOffset + 30 + b.readUInt16LE(e.localHeaderOffset + 26) + b.readUInt16LE(e.localHeaderOffset + 28);
  return [start, start + e.compressedSize];
}

export interface RawEntry {
  name: string;
  /** Raw deflate data (method 8) or stored bytes (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** Assembles a zip from entries whose compressed data is already made (sizes < 4 GiB). */
export function assembleZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.crc >>> 0, 14);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.crc >>> 0, 16);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, Buffer.from(e.data));
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** Every entry of an fflate-made package as a stored/deflated RawEntry, for re-assembly with changes. */
export function rawEntriesOf(files: Record<string, string | Uint8Array>): RawEntry[] {
  return Object.entries(files).map(([name, body]) => {
    const bytes = typeof body === 'string' ? strToU8(body) : body;
    return { name, data: deflateRawSync(bytes), method: 8 as const, crc: crc32(bytes, 0), size: bytes.length };
  });
}

/**
 * A deflate stream for `prefix + unit × repeats + suffix` built without ever holding the whole
 * text: the unit is compressed once (sync-flushed, so the pieces are byte-aligned) and the copies
 * are concatenated. Returns the entry, ready for assembleZip. The CRC is computed over the text
 * unless `crc: false` (then 0).
 */
export function repeatedEntry(name: string, prefix: string, unit: Uint8Array, repeats: number, suffix: string, options: { crc?: boolean } = {}): RawEntry {
  const flush = { finishFlush: zconst.Z_SYNC_FLUSH };
  const pre = strToU8(prefix);
  const suf = strToU8(suffix);
  const parts: Buffer[] = [deflateRawSync(pre, flush)];
  const unitZ = deflateRawSync(unit, flush);
  for (let i = 0; i < repeats; i++) parts.push(unitZ);
  parts.push(deflateRawSync(suf)); // final block
  // A bomb is refused long before its end, where the CRC would be checked: skip hashing GiBs.
  let crc = 0;
  if (options.crc !== false) {
    crc = crc32(pre, 0);
    for (let i = 0; i < repeats; i++) crc = crc32(unit, crc);
    crc = crc32(suf, crc);
  }
  return { name, data: new Uint8Array(Buffer.concat(parts)), method: 8, crc, size: pre.length + unit.length * repeats + suf.length };
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `bytes` of filler text for a sheet that deflates at roughly `ratio`:1 (runs of one letter with
 * a random letter now and then), so it passes the compression-ratio limit and still takes many
 * inflate chunks.
 */
export function fillerUnit(bytes: number, ratio: number, seed = 1): Uint8Array {
  const rnd = prng(seed);
  const out = new Uint8Array(bytes).fill(0x61);
  // ~1 random letter per `gap` bytes costs ~2–3 compressed bytes each.
  const gap = Math.max(4, Math.floor(ratio * 2.5));
  for (let i = 0; i < bytes; i += 1 + Math.floor(rnd() * gap * 2)) out[i] = 0x61 + Math.floor(rnd() * 26);
  return out;
}
