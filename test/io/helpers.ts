import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll } from 'vitest';
import type { RawRow } from '../../src/core/types.js';
import type { OpenedWorkbook } from '../../src/io/open-roster-file.js';

// Hand-built xlsx packages: full control over the XML (rows without r=, inline strings,
// rPh, escapes, CJK numFmt ids…), which exceljs-written files never exercise.

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** Inner XML of <sheetData>. */
  rows: string;
  /** XML after </sheetData>, e.g. <mergeCells>. */
  after?: string;
  state?: 'hidden' | 'veryHidden';
  /** Override the whole sheet XML. */
  xml?: string;
}

export interface XlsxSpec {
  sheets: SheetSpec[];
  /** <si> elements. */
  sharedStrings?: string[];
  /** Custom numFmts as [id, code]. */
  numFmts?: [number, string][];
  /** numFmtId of each cellXfs entry (s=0 is the first). */
  xfs?: number[];
  date1904?: boolean;
  /** Sheet targets: 'relative' (worksheets/sheetN.xml), 'absolute' (/xl/worksheets/…). */
  targets?: 'relative' | 'absolute';
  extra?: Record<string, string | Uint8Array>;
  /** Compression level (0 = stored). */
  level?: 0 | 1 | 6 | 9;
}

export function buildXlsx(spec: XlsxSpec): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, body: string | Uint8Array): void => {
    files[name] = typeof body === 'string' ? strToU8(body) : body;
  };
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  put('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheetEls = spec.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheetEls}</sheets></workbook>`,
  );
  const n = spec.sheets.length;
  const rels = spec.sheets
    .map((_, i) => {
      const target = spec.targets === 'absolute' ? `/xl/worksheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
      return `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target}"/>`;
    })
    .join('');
  put(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  spec.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`);
  });
  const sst = spec.sharedStrings ?? [];
  put('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}" count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</sst>`);
  const numFmts = spec.numFmts ?? [];
  const xfs = spec.xfs ?? [0];
  put(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : '') +
      `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`,
  );
  for (const [name, body] of Object.entries(spec.extra ?? {})) put(name, body);
  return zipSync(files, { level: spec.level ?? 6 });
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Shared-string <si> with plain text. */
export function si(text: string): string {
  return `<si><t xml:space="preserve">${esc(text)}</t></si>`;
}

let tmp: string | undefined;
export function tempDir(): string {
  tmp ??= mkdtempSync(path.join(tmpdir(), 'roster-io-'));
  return tmp;
}

// Registered while the importing test file is collected: one temp dir per file, removed after it.
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

export function writeTemp(name: string, bytes: Uint8Array | string): string {
  const p = path.join(tempDir(), name);
  writeFileSync(p, bytes);
  return p;
}

export async function readAll(wb: OpenedWorkbook, index = 0): Promise<{ rows: RawRow[]; merges: import('../../src/core/types.js').MergeRange[] }> {
  const rows: RawRow[] = [];
  const { merges } = await wb.readRows(index, (r) => {
    rows.push(r);
  });
  return { rows, merges };
}

/** A row's cells as compact plain values for assertions. */
export function plain(row: RawRow): unknown[] {
  return Array.from({ length: row.cells.length }, (_, i) => {
    const c = row.cells[i];
    if (!c) return null;
    switch (c.kind) {
      case 'string':
        return c.text;
      case 'number':
        return c.value;
      case 'boolean':
        return c.value;
      case 'error':
        return `!${c.code}`;
      case 'date':
        return `D:${c.iso}`;
    }
  });
}
