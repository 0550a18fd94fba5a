import { utf16Bom } from '../sniff.js';

// Chinese Excel and WPS save "CSV" in the ANSI code page, i.e. GBK; GB18030 is its superset.
// UTF-8 (with or without BOM) comes from newer Excel ("CSV UTF-8") and most systems;
// UTF-16LE with BOM from Excel's "Unicode text".

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }; // strips the BOM
  try {
    // Fatal: any invalid sequence means it is not UTF-8 (GBK text is virtually never valid
    // UTF-8). `stream` so that a file cut inside its last character still counts as UTF-8.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Share of U+FFFD in the first characters: high means the bytes were not text at all. */
export function replacementRatio(text: string, sample = 65_536): number {
  const n = Math.min(text.length, sample);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / n;
}
