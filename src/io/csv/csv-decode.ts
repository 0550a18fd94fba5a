import { UserError } from '../../core/user-error.js';
import { utf16Bom } from '../sniff.js';
import { lineAt } from './csv-parse.js';

// Chinese Excel and WPS save "CSV" in the ANSI code page, i.e. GBK; GB18030 is its superset.
// UTF-8 (with or without BOM) comes from newer Excel ("CSV UTF-8") and most systems;
// UTF-16LE with BOM from Excel's "Unicode text".

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * The text of a CSV file. UTF-8 with a few invalid bytes among much valid non-ASCII text is a
 * damaged UTF-8 file, not GBK (decoding it as GBK would garble every Chinese character): it is
 * refused naming the first bad line, so the user can fix that line (`file` names the file).
 */
export function decodeText(bytes: Uint8Array, file = 'CSV'): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }; // strips the BOM
  try {
    // Fatal: any invalid sequence means it is not UTF-8 (GBK text is virtually never valid
    // UTF-8). `stream` so that a file cut inside its last character still counts as UTF-8.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { text, encoding: 'utf-8' };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes, { stream: true });
    const firstBad = mostlyUtf8(loose);
    if (firstBad >= 0) throw invalidText(file, lineAt(loose, firstBad));
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * Index of the first U+FFFD when there is at most 1 for 4 good non-ASCII characters (GBK read as UTF-8
 * gives mostly U+FFFD: few GBK byte pairs happen to be valid UTF-8), else -1.
 */
function mostlyUtf8(loose: string): number {
  let bad = 0;
  let good = 0;
  let first = -1;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) {
      if (first < 0) first = i;
      bad++;
    } else good++;
  }
  return good > 0 && bad * 4 <= good ? first : -1;
}

function invalidText(file: string, line: number): UserError {
  return new UserError('csv-invalid-text', {
    zh: `CSV 文件 "${file}" 第 ${line} 行含有无法识别的字符（不是有效的 UTF-8 文字），为避免读错而拒绝读取。请在 Excel 或记事本中打开该文件，重新输入这一行中显示为乱码的文字后另存为"CSV UTF-8"。`,
    en: `CSV file "${file}" has bytes on line ${line} that are not valid UTF-8 text; the file is refused rather than misread. Open it, retype the garbled text on that line and save as "CSV UTF-8".`,
  });
}

/** Share of U+FFFD in the first characters: high means the bytes were not text at all. */
export function replacementRatio(text: string, sample = 65_536): number {
  const n = Math.min(text.length, sample);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / n;
}
