import { fileCorrupt, fileDocx, fileXlsb } from '../errors.js';
import type { ZipDirectory } from '../zip/zip-directory.js';
import { createXmlParser, localName, parseEntry } from './xml-stream.js';

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

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export async function readWorkbookParts(dir: ZipDirectory): Promise<WorkbookParts> {
  const workbookPath = await findWorkbookPath(dir);
  const rels = await readRels(dir, relsPathOf(workbookPath));
  const base = dirnameOf(workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const resolve = (r: Rel | undefined): string | null => (r && !r.external ? resolveTarget(base, r.target) : null);
  const ofType = (suffix: string): string | null => resolve(rels.find((r) => r.type.endsWith(suffix)));

  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const parser = createXmlParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const a = tag.attributes;
    if (name === 'sheet') {
      let rid: string | undefined;
      // The r:id attribute; its prefix is whatever the writer bound to the relationships namespace.
      for (const key in a) if (key.endsWith(':id')) rid = a[key];
      const state = a.state ?? 'visible';
      sheets.push({ name: a.name ?? '', hidden: state === 'hidden' || state === 'veryHidden', part: resolve(rid === undefined ? undefined : byId.get(rid)) });
    } else if (name === 'workbookPr') {
      const v = a.date1904;
      date1904 = v === '1' || v === 'true';
    }
  });
  const entry = dir.get(workbookPath);
  if (!entry) throw fileCorrupt(dir.file, `${workbookPath} is missing`);
  await parseEntry(dir, entry, parser);

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

async function readRels(dir: ZipDirectory, path: string): Promise<Rel[]> {
  const entry = dir.get(path);
  if (!entry) return [];
  const rels: Rel[] = [];
  const parser = createXmlParser();
  parser.on('opentag', (tag) => {
    if (localName(tag.name) !== 'Relationship') return;
    const a = tag.attributes;
    rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  });
  await parseEntry(dir, entry, parser);
  return rels;
}

function existing(dir: ZipDirectory, path: string): string | null {
  return dir.has(path) ? path : null;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirnameOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** Resolves a relationship target against the source part's folder ("/xl/x.xml", "../x.xml", "x.xml"). */
export function resolveTarget(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep it as written
  }
  t = t.replace(/\\/g, '/');
  const segments = t.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}
