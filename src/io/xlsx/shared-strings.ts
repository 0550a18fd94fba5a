import { fileCorrupt, fileTooLarge } from '../errors.js';
import type { ZipDirectory } from '../../ooxml/zip/zip-directory.js';
import { streamEntry } from '../../ooxml/zip/entry-stream.js';
import { localName, XmlScanner, type ScanHandler } from '../../ooxml/xml-tokenizer.js';
import { guardXml } from './small-part.js';
import { decodeXString } from '../../ooxml/xstring.js';

// The shared string table, held whole (one string per <si>). Rich-text runs are joined;
// phonetic guides (<rPh>, e.g. furigana/pinyin) are not part of the cell text and are skipped.
// Text is kept as written whatever xml:space says: Excel writes surrounding spaces only with
// xml:space="preserve", and callers normalise whitespace themselves.
// Excel keeps every text cell here, so on a real roster this part is big: it uses the fast
// scanner, like the sheet.

export async function readSharedStrings(dir: ZipDirectory, part: string | null, maxStrings = MAX_SHARED_STRINGS): Promise<string[]> {
  const entry = part ? dir.get(part) : undefined;
  if (!entry) return [];
  const h = new SharedStringsHandler(dir.file, entry.name, maxStrings);
  const scanner = new XmlScanner(h);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  await guardXml(dir.file, entry.name, async () => {
    await streamEntry(dir, entry, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })));
    scanner.write(decoder.decode());
    scanner.close();
  });
  return h.strings;
}

/**
 * Most entries the table may hold. Each costs an array slot and a string header even when tiny,
 * so an 8 MB file of ~60 million one-letter strings would exhaust memory within the zip limits;
 * a 100 000-row roster of 25 text columns needs at most 2.5 million.
 */
export const MAX_SHARED_STRINGS = 5_000_000;
/** Text gathered for one entry before it is refused (Excel's limit is 32 767 characters). */
const MAX_ENTRY_CHARS = 1 << 20;

class SharedStringsHandler implements ScanHandler {
  readonly strings: string[] = [];
  wantText = false;
  private cur = '';
  private inSi = false;
  private phonetic = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly maxStrings = MAX_SHARED_STRINGS,
  ) {}

  open(rawName: string, selfClosing: boolean): void {
    const n = rawName.length <= 2 ? rawName : localName(rawName);
    if (n === 't') this.wantText = this.inSi && this.phonetic === 0 && !selfClosing;
    else if (n === 'si') {
      this.inSi = !selfClosing;
      this.cur = '';
    }
    else if (n === 'rPh') this.phonetic++;
  }

  close(rawName: string): void {
    const n = rawName.length <= 2 ? rawName : localName(rawName);
    if (n === 't') this.wantText = false;
    else if (n === 'rPh') this.phonetic--;
    else if (n === 'si') {
      if (this.strings.length >= this.maxStrings) {
        throw fileTooLarge(this.file, `${this.part}: more than ${this.maxStrings.toLocaleString('en-US')} shared strings`);
      }
      this.strings.push(decodeXString(this.cur));
      this.inSi = false;
      this.cur = '';
    }
  }

  text(t: string): void {
    this.cur += t;
    if (this.cur.length > MAX_ENTRY_CHARS) throw fileCorrupt(this.file, `${this.part}: a string holds more than Excel's 32 767 characters`);
  }
}
