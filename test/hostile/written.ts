// What a run wrote, checked as a reader would see it (issue 18): every XML part of every workbook
// parses with a real XML parser, and the texts of its cells and notes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { labelOf } from './build.js';
import type { RowInput } from '../helpers/screen-rows.js';

/** Every .xlsx under `dir` (recursively). */
export function workbooksUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The XML parts of a workbook (name → text). */
export function xmlParts(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) {
    if (/\.(xml|rels|vml)$/i.test(name)) out.set(name, new TextDecoder().decode(bytes));
  }
  return out;
}

/** Throws naming the workbook and part when any XML part is not well-formed. */
export function expectWellFormed(file: string): void {
  for (const [name, xml] of xmlParts(file)) {
    const p = new SaxesParser({ xmlns: true });
    let error: Error | null = null;
    p.on('error', (e) => {
      error ??= e;
    });
    p.write(xml).close();
    if (error) throw new Error(`${path.basename(file)} ${name}: ${(error as Error).message}`);
  }
}

/** The decoded text of every <t> and <v> (cells, shared strings, notes) of a workbook. */
export function textsOf(file: string): string[] {
  const out: string[] = [];
  for (const xml of xmlParts(file).values()) {
    for (const m of xml.matchAll(/<(?:\w+:)?[tv](?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?[tv]>/g)) {
      out.push(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
    }
  }
  return out;
}

/** A UTF-8 CSV roster: header of the standard labels, then one line per applicant. */
export function csvRoster(rows: RowInput[], columns: string[]): string {
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map((c) => cell(labelOf(c))), ...rows.map((r) => columns.map((c) => cell(r[c])))].map((l) => l.join(',')).join('\r\n') + '\r\n';
}
