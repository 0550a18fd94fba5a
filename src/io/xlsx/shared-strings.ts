import type { ZipDirectory } from '../zip/zip-directory.js';
import { streamEntry } from '../zip/zip-entry-stream.js';
import { XmlScanner, type ScanHandler } from './xml-scan.js';
import { guardXml, localName } from './xml-stream.js';
import { decodeXString } from './xstring.js';

// The shared string table, held whole (one string per <si>). Rich-text runs are joined;
// phonetic guides (<rPh>, e.g. furigana/pinyin) are not part of the cell text and are skipped.
// Text is kept as written whatever xml:space says: Excel writes surrounding spaces only with
// xml:space="preserve", and callers normalise whitespace themselves.
// Excel keeps every text cell here, so on a real roster this part is big: it uses the fast
// scanner, like the sheet.

export async function readSharedStrings(dir: ZipDirectory, part: string | null): Promise<string[]> {
  const entry = part ? dir.get(part) : undefined;
  if (!entry) return [];
  const h = new SharedStringsHandler();
  const scanner = new XmlScanner(h);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  await guardXml(dir.file, entry.name, async () => {
    await streamEntry(dir, entry, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })));
    scanner.write(decoder.decode());
    scanner.close();
  });
  return h.strings;
}

class SharedStringsHandler implements ScanHandler {
  readonly strings: string[] = [];
  wantText = false;
  private cur = '';
  private inSi = false;
  private phonetic = 0;

  open(rawName: string, selfClosing: boolean): void {
    const n = rawName.length <= 2 ? rawName : localName(rawName);
    if (n === 't') this.wantText = this.inSi && this.phonetic === 0 && !selfClosing;
    else if (n === 'si') (this.inSi = !selfClosing), (this.cur = '');
    else if (n === 'rPh') this.phonetic++;
  }

  close(rawName: string): void {
    const n = rawName.length <= 2 ? rawName : localName(rawName);
    if (n === 't') this.wantText = false;
    else if (n === 'rPh') this.phonetic--;
    else if (n === 'si') {
      this.strings.push(decodeXString(this.cur));
      this.inSi = false;
      this.cur = '';
    }
  }

  text(t: string): void {
    this.cur += t;
  }
}
