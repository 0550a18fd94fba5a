import type { ZipDirectory } from '../zip/zip-directory.js';
import { isDateFormat } from './date-formats.js';
import { createXmlParser, localName, parseEntry } from './xml-stream.js';

/**
 * For each cell style index (`<c s="…">`, an index into cellXfs): does it display a date?
 * Read once per workbook; the sheet reader then needs one array lookup per number cell.
 */
export async function readDateStyles(dir: ZipDirectory, part: string | null): Promise<boolean[]> {
  const entry = part ? dir.get(part) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const parser = createXmlParser();
  parser.on('opentag', (tag) => {
    const n = localName(tag.name);
    const a = tag.attributes;
    if (n === 'numFmt') {
      const id = Number(a.numFmtId);
      if (Number.isInteger(id)) custom.set(id, a.formatCode ?? '');
    } else if (n === 'cellXfs') {
      inCellXfs = !tag.isSelfClosing;
    } else if (n === 'xf' && inCellXfs) {
      // cellStyleXfs also holds <xf>s; only cellXfs is what `s` indexes.
      xfFormats.push(Number(a.numFmtId ?? 0) || 0);
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  await parseEntry(dir, entry, parser);
  return xfFormats.map((id) => isDateFormat(id, custom));
}
