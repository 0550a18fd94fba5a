import type { ZipDirectory } from '../../ooxml/zip/zip-directory.js';
import { localName } from '../../ooxml/xml-tokenizer.js';
import { isDateFormat } from './date-formats.js';
import { scanPart } from './small-part.js';

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
  await scanPart(dir, entry, {
    open(name, selfClosing, attr) {
      const n = localName(name);
      if (n === 'numFmt') {
        const id = Number(attr('numFmtId'));
        if (Number.isInteger(id)) custom.set(id, attr('formatCode') ?? '');
      } else if (n === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (n === 'xf' && inCellXfs) {
        // cellStyleXfs also holds <xf>s; only cellXfs is what `s` indexes.
        xfFormats.push(Number(attr('numFmtId') ?? 0) || 0);
      }
    },
    close(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => isDateFormat(id, custom));
}
