import { fileCorrupt, fileDocx, fileXlsb } from '../errors.js';
import { parseRels, resolveTarget, relsPathFor, type Relationship } from '../../ooxml/relationships.js';
import { localName } from '../../ooxml/xml-tokenizer.js';
import type { ZipDirectory } from '../../ooxml/zip/zip-directory.js';
import { guardXml, readPartText, scanPart } from './small-part.js';

// The package skeleton: where the workbook part is, its sheets (names, visibility, part
// paths), the 1904 flag, and where shared strings and styles live. Paths come from the
// relationship parts rather than being assumed, since writers differ.

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** Zip entry name of the sheet part, or null when the relationship is missing. */
  part: string | null;
}

export interface WorkbookParts {
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

export async function readWorkbookParts(dir: ZipDirectory): Promise<WorkbookParts> {
  const workbookPath = await findWorkbookPath(dir);
  const rels = await readRels(dir, relsPathFor(workbookPath));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const resolve = (r: Relationship | undefined): string | null => (r && !r.external ? resolveTarget(workbookPath, r.target) : null);
  const ofType = (suffix: string): string | null => resolve(rels.find((r) => r.type.endsWith(suffix)));

  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const entry = dir.get(workbookPath);
  if (!entry) throw fileCorrupt(dir.file, `${workbookPath} is missing`);
  await scanPart(dir, entry, {
    open(tag, _selfClosing, attr, attrNames) {
      const name = localName(tag);
      if (name === 'sheet') {
        // The r:id attribute; its prefix is whatever the writer bound to the relationships namespace.
        let rid: string | undefined;
        for (const key of attrNames()) if (key.endsWith(':id')) rid = attr(key);
        const state = attr('state') ?? 'visible';
        sheets.push({ name: attr('name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', part: resolve(rid === undefined ? undefined : byId.get(rid)) });
      } else if (name === 'workbookPr') {
        const v = attr('date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
  });

  return {
    sheets,
    date1904,
    sharedStrings: ofType('/sharedStrings') ?? existing(dir, 'xl/sharedStrings.xml'),
    styles: ofType('/styles') ?? existing(dir, 'xl/styles.xml'),
  };
}

/** The officeDocument target of `_rels/.rels`; a zip without a workbook is refused as not-a-workbook. */
async function findWorkbookPath(dir: ZipDirectory): Promise<string> {
  const root = dir.has('_rels/.rels') ? await readRels(dir, '_rels/.rels') : [];
  const office = root.find((r) => r.type.endsWith('/officeDocument') && !r.external);
  const candidate = office ? resolveTarget('', office.target) : null;
  if (candidate && dir.has(candidate) && /workbook[^/]*\.xml$/i.test(candidate)) return candidate;
  if (dir.has('xl/workbook.xml')) return 'xl/workbook.xml';
  if (dir.has('xl/workbook.bin') || /\.bin$/i.test(candidate ?? '')) throw fileXlsb(dir.file);
  const names = dir.entries.map((e) => e.name.toLowerCase());
  const hint = names.some((n) => n.startsWith('word/')) ? 'word' : names.some((n) => n.startsWith('ppt/')) ? 'powerpoint' : 'other';
  throw fileDocx(dir.file, hint);
}

async function readRels(dir: ZipDirectory, path: string): Promise<Relationship[]> {
  const entry = dir.get(path);
  if (!entry) return [];
  const text = await readPartText(dir, entry);
  return guardXml(dir.file, entry.name, async () => parseRels(text));
}

function existing(dir: ZipDirectory, path: string): string | null {
  return dir.has(path) ? path : null;
}
