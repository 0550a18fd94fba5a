import type { ZipDirectory } from '../zip/zip-directory.js';
import { createXmlParser, localName, parseEntry } from './xml-stream.js';
import { decodeXString } from './xstring.js';

// The shared string table, held whole (one string per <si>). Rich-text runs are joined;
// phonetic guides (<rPh>, e.g. furigana/pinyin) are not part of the cell text and are skipped.

export async function readSharedStrings(dir: ZipDirectory, part: string | null): Promise<string[]> {
  const entry = part ? dir.get(part) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let cur = '';
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  const parser = createXmlParser();
  parser.on('opentag', (tag) => {
    const n = localName(tag.name);
    if (n === 't') inT = inSi && phonetic === 0 && !tag.isSelfClosing;
    else if (n === 'si') (inSi = true), (cur = '');
    else if (n === 'rPh') phonetic++;
  });
  parser.on('closetag', (tag) => {
    const n = localName(tag.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') phonetic--;
    else if (n === 'si') {
      strings.push(decodeXString(cur));
      inSi = false;
      cur = '';
    }
  });
  // Text is kept as written, whatever xml:space says: Excel only writes surrounding spaces
  // with xml:space="preserve", and callers normalise whitespace themselves.
  const onText = (text: string): void => {
    if (inT) cur += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  await parseEntry(dir, entry, parser);
  return strings;
}
