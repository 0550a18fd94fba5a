import type { CellValue, RawRow } from '../../core/types.js';
import { UserError } from '../../core/user-error.js';

// RFC 4180 parsing over the whole decoded text, one record at a time. Every value stays a
// string: an 18-digit ID number or "0571" must survive exactly as written.

export type Delimiter = ',' | '\t' | ';';

/**
 * Comma, unless the first line has none but has tabs or semicolons. An Excel `sep=X` first
 * line names the delimiter and is not a record.
 */
export function detectDelimiter(text: string): { delimiter: Delimiter; skip: number } {
  const sep = /^sep=([,;\t])\r?\n/.exec(text);
  if (sep) return { delimiter: sep[1] as Delimiter, skip: sep[0].length };
  let commas = 0;
  let tabs = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 || c === 13) break;
    else if (c === 44) commas++;
    else if (c === 9) tabs++;
    else if (c === 59) semis++;
  }
  if (commas === 0 && (tabs > 0 || semis > 0)) return { delimiter: tabs >= semis ? '\t' : ';', skip: 0 };
  return { delimiter: ',', skip: 0 };
}

/**
 * Calls `onRow` per record; `row` counts records from 1 (a quoted field with line breaks is one
 * record). Records with no non-empty field are skipped but counted. CRLF, LF and lone CR end
 * records. A quote inside an unquoted field, or text after a closing quote, is kept literally.
 * A field `="…"` is the text inside (see `textFormula`).
 * A quote never closed would swallow every later line into one field, and one closed only by a
 * later stray quote the lines in between: both are refused, naming the line where the quote
 * opens (`file` names the file in the message).
 */
export function parseCsv(text: string, onRow: (row: RawRow) => void | false, file = 'CSV'): void {
  const { delimiter, skip } = detectDelimiter(text);
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = skip;
  let row = 0;
  while (i < n) {
    row++;
    const cells: (CellValue | undefined)[] = [];
    let hasValue = false;
    let col = 0;
    // One record.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        // Quoted field: "" is a quote; anything up to the next delimiter/EOL after the closing quote is appended.
        const start = i;
        let out = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw unclosedQuote(file, lineAt(text, start));
          out += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            from = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const end = fieldEnd(text, i, delim);
        // Text after the closing quote of a field that spans lines: the quote that opened it was
        // a stray one, which swallowed the lines in between (an Excel export never writes this).
        if (end > i && /[\r\n]/.test(out)) throw unclosedQuote(file, lineAt(text, start));
        value = out + text.slice(i, end);
        i = end;
      } else {
        const end = fieldEnd(text, i, delim);
        value = text.slice(i, end);
        i = end;
      }
      // `="0571"`: Excel's text-forcing formula (web platforms export IDs, dates and numbers so).
      if (value.charCodeAt(0) === 61) value = textFormula(value);
      if (value !== '') {
        while (cells.length < col) cells.push(undefined);
        cells[col] = { kind: 'string', text: value };
        hasValue = true;
      }
      col++;
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === delim) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, CR or end of text.
      if (c === 13) i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      else if (c === 10) i++;
      break;
    }
    if (hasValue && onRow({ row, cells }) === false) return;
  }
}

// A formula that is one string literal (`""` inside it a quote): the whole field, nothing around it.
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/;

/**
 * `="330106…"` as the text inside, which is what Excel shows on opening the file: web platforms
 * export IDs (and dates, numbers) this way so Excel keeps them as text. In a quoted field the
 * formula's quotes are doubled (`"=""330106…"""`); the field is already unquoted here. Any other
 * formula is kept as written.
 */
function textFormula(value: string): string {
  const m = TEXT_FORMULA.exec(value);
  return m ? (m[1] ?? '').replace(/""/g, '"') : value;
}

/** Index of the next delimiter, CR, LF, or the end. */
function fieldEnd(text: string, from: number, delim: number): number {
  let j = from;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === delim || c === 10 || c === 13) break;
    j++;
  }
  return j;
}

/** 1-based line of offset `at`, counting CRLF, LF and lone CR as one line end each. */
export function lineAt(text: string, at: number): number {
  let line = 1;
  for (let j = 0; j < at; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++;
  }
  return line;
}

function unclosedQuote(file: string, line: number): UserError {
  return new UserError('csv-unclosed-quote', {
    zh: `CSV 文件 "${file}" 第 ${line} 行有一个没有配对的双引号（"），其后的所有行都会被读成同一个单元格，因此拒绝读取。请在 Excel 中打开该文件检查这一行，删去多余的引号或补上配对的引号后另存。`,
    en: `CSV file "${file}" has a quote (") on line ${line} that is never closed, so every later line would be read as one cell; the file is refused. Open it in Excel, check that line, remove the stray quote or close it, and save again.`,
  });
}
