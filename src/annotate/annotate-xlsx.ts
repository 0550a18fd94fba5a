import path from 'node:path';
import type { ApplicantResult, Lang } from '../core/types.js';
import type { RosterInput, RunResult } from '../report/run-result.js';
import { a1, colLetters, type RangePos } from '../ooxml/cell-ref.js';
import { readPackageMarker, writeMarker, type Marker } from './marker.js';
import { mergeNotesParts, vmlIdBlocks, type NoteInput } from './notes.js';
import { dropMacros } from './macro-free.js';
import { withoutBadChars } from '../ooxml/cell-text.js';
import { addRel, ContentTypes, CT, REL, removeRels } from './opc.js';
import { partKey } from '../ooxml/part-name.js';
import { isRelType, parseRels, relativeTarget, relsPathFor, resolveTarget, type Relationship } from '../ooxml/relationships.js';
import { PackageReader } from './package-reader.js';
import { earlierScreening } from './earlier-copy.js';
import { openRosterFile } from '../io/open-roster-file.js';
import { buildPlan, type Plan } from './plan.js';
import { prepareRosterSheet, writeRosterSheet, type PreparedSheet } from './roster-sheet.js';
import { REASONS_WIDTH } from './row-edit.js';
import { StylesPatch } from './styles.js';
import { CoveredLookup } from './covered-cells.js';
import { rulesSheetXml, summarySheetXml } from './summary-sheets.js';
import { LABELS, noteText, ourSheetRole } from './texts.js';
import { ruleNamer } from '../format/rule-names.js';
import { withPrintTitles } from './print-titles.js';
import { findElement, getAttr, parseAttrs, prefixFor, prefixOf, replaceElements, scanChildren, setAttr } from './xml.js';
import { escapeXml } from '../ooxml/xml-text.js';
import { compressPart, compressPieces, ZipFileWriter, type RawEntry } from '../ooxml/zip/zip-writer.js';
import { UserError } from '../core/user-error.js';
import type { PackageError } from '../ooxml/package-error.js';

// Annotates an .xlsx by patching its package: the roster sheet is transformed as a stream,
// styles/workbook/rels/content types get small splices, notes and our two sheets are added,
// and every other part is copied over compressed bytes and all.

export interface AnnotateArgs {
  /** The file's first roster sheet (the summary sheet's file, sheet and hash). */
  input: RosterInput;
  /** Every roster sheet of the file screened in the run (default: `input` alone). */
  sheets?: RosterInput[];
  bytes: Uint8Array;
  /** The file's applicants, of every roster sheet. */
  applicants: ApplicantResult[];
  run: RunResult;
  lang: Lang;
  /** Progress: rows of the roster sheets done so far (each sheet is read twice; a row counts once both are done). */
  onRows?(rows: number): void;
}

/** Parts we write, keyed as the package layer compares part names (case-insensitively). */
class PartMap extends Map<string, RawEntry> {
  put(name: string, xml: string): this {
    return super.set(partKey(name), compressPart(name, xml));
  }

  putPieces(name: string, pieces: Iterable<string>): this {
    return super.set(partKey(name), compressPieces(name, pieces));
  }
}

/** Names of parts dropped from the copy, compared as part names. */
class PartSet extends Set<string> {
  override add(name: string): this {
    return super.add(partKey(name));
  }

  override has(name: string): boolean {
    return super.has(partKey(name));
  }
}

/** One roster sheet of the copy: its verdict columns, notes and fills. */
interface RosterPatch {
  input: RosterInput;
  entry: SheetEntry;
  part: string;
  prep: PreparedSheet;
  legacyDrawingRid: string | null;
}

interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  part: string | null;
  openTag: string;
}

/** Writes the annotated package to `tmpPath` (the caller renames it into place). */
export async function annotateXlsx(args: AnnotateArgs, tmpPath: string, tool: string): Promise<void> {
  const { input, lang } = args;
  const L = LABELS[lang];
  const pkg = new PackageReader(input.file, args.bytes);
  const file = input.file;

  const ctXml = await pkg.text('[Content_Types].xml');
  if (!ctXml) throw broken(file, '[Content_Types].xml is missing');
  const ct = new ContentTypes(ctXml);
  let rootRels = await pkg.text('_rels/.rels');
  const rootRelList = parseRels(rootRels);
  const wbPart = resolveTarget('', rootRelList.find((r) => isRelType(r.type, 'officeDocument'))?.target ?? 'xl/workbook.xml');
  let wbXml = await pkg.text(wbPart);
  if (!wbXml) throw broken(file, `${wbPart} is missing`);
  const wbRelsPart = relsPathFor(wbPart);
  let wbRels = await pkg.text(wbRelsPart);
  const wbRelList = parseRels(wbRels);
  const relById = new Map(wbRelList.map((r) => [r.id, r]));

  const sheets = parseSheets(wbXml, wbPart, relById);
  const rosterInputs = args.sheets?.length ? args.sheets : [input];
  const rosterEntries = rosterInputs.map((ri) => {
    const entry = sheets.find((s) => s.name === ri.sheet) ?? sheets[ri.sheetIndex];
    if (!entry?.part || !pkg.get(entry.part)) throw broken(file, `sheet "${ri.sheet}" not found`);
    return entry;
  });
  const roster = rosterEntries[0]!;

  const { customPart, customXml, marker } = await readPackageMarker(pkg);
  // Without our marker (a program such as openpyxl dropped it), our sheets by their content.
  const byContent =
    marker || !sheets.some((s) => ourSheetRole(s.name) !== null) ? [] : (await earlierScreening(await openRosterFile(file, { bytes: Promise.resolve(args.bytes) }))).sheets;

  const stylesRel = wbRelList.find((r) => isRelType(r.type, 'styles'));
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : 'xl/styles.xml';
  const styles = new StylesPatch(stylesRel ? await pkg.text(stylesPart) : null);
  if (marker?.fills) styles.useRecordedFills(new Map(marker.fills));
  const ssRel = wbRelList.find((r) => isRelType(r.type, 'sharedStrings'));

  // Parts we write, compressed as soon as they are final (notes of a big roster are large).
  const changed = new PartMap();
  const added = new PartMap();
  const removed = new PartSet();
  // Each roster sheet gets its own plan, dry run and notes; styles are shared (frozen after all).
  const rosters: RosterPatch[] = [];
  let nextIdBlock = 1;
  let passRows = 0;
  const onRow = args.onRows ? () => void (++passRows % 2000 === 0 && args.onRows!(passRows / 2)) : undefined;
  for (const [i, ri] of rosterInputs.entries()) {
    const entry = rosterEntries[i]!;
    const own = rosterInputs.length === 1 ? args.applicants : args.applicants.filter((a) => a.sheet === ri.sheet);
    const plan = buildPlan(own, lang, ruleNamer(args.run.rules, lang));
    const prep = await prepareRosterSheet({
      reader: pkg,
      part: entry.part!,
      sharedStrings: ssRel ? resolveTarget(wbPart, ssRel.target) : null,
      plan,
      styles,
      headerTop: ri.headerTop,
      headerRow: ri.headerRow,
      width: ri.width,
      recorded: marker ? new Map(marker.xf) : null,
      coveredAt: marker?.cells ? new CoveredLookup(marker.cells, entry.name, new Map(marker.fills ?? [])) : null,
      // Recognised by content: our columns are the right-most pair titled as ours (as in old copies).
      ourCols: marker || byContent.length === 0 ? ourColumns(marker, entry.name) : undefined,
      file: ri.file,
      onRow,
    });
    const notesDone = await writeNotes({ pkg, part: entry.part!, prep, plan, lang, changed, added, ct, idBlockFrom: nextIdBlock });
    nextIdBlock = notesDone.nextIdBlock;
    rosters.push({ input: ri, entry, part: entry.part!, prep, legacyDrawingRid: notesDone.legacyDrawingRid });
  }
  const rosterParts = new Map(rosters.map((r) => [partKey(r.part), r]));

  // ---- our sheets
  const xfs = styles.summaryXfs();
  // The summary counts every roster sheet of the file; its sheet line names them all.
  const summaryArgs = rosters.length > 1 ? { ...args, input: { ...input, sheet: rosters.map((r) => r.input.sheet).join('、') } } : args;
  const wanted = [
    { key: 'summary', name: L.summarySheet, xml: summarySheetXml(summaryArgs, xfs) },
    { key: 'rules', name: L.rulesSheet, xml: rulesSheetXml(args, xfs) },
  ];
  const ourNames = new Set(marker ? marker.sheets : byContent);
  const previous = sheets.filter((s) => !rosterEntries.includes(s) && ourNames.has(s.name) && s.part);
  const usedNames = new Set(sheets.filter((s) => !previous.includes(s)).map((s) => s.name.toLowerCase()));
  const wbRoot = findElement(wbXml, 'workbook');
  if (!wbRoot) throw broken(file, 'workbook.xml has no <workbook>');
  let relPrefix = prefixFor(wbRoot.openTag, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships');
  if (relPrefix === null || relPrefix === '') {
    const tag = setAttr(wbRoot.openTag, 'xmlns:r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships');
    wbXml = wbXml.slice(0, wbRoot.start) + tag + wbXml.slice(wbRoot.start + wbRoot.openTag.length);
    relPrefix = 'r:';
  }
  const finalNames: string[] = [];
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const newSheetEls: string[] = [];
  const renames = new Map<string, string>();
  for (const w of wanted) {
    let name: string = w.name;
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${w.name} (${n})`;
    usedNames.add(name.toLowerCase());
    finalNames.push(name);
    // Reuse an earlier sheet of ours in the same role, where the user may have moved it.
    const prev = previous.find((s) => ourSheetRole(s.name) === w.key) ?? previous.find((s) => ourSheetRole(s.name) === null);
    if (prev?.part) {
      previous.splice(previous.indexOf(prev), 1);
      changed.put(prev.part, w.xml);
      if (pkg.get(relsPathFor(prev.part))) removed.add(relsPathFor(prev.part));
      if (prev.name !== name) renames.set(prev.openTag, setAttr(prev.openTag, 'name', name));
      continue;
    }
    const part = freeName(pkg, 'xl/worksheets/sheet', '.xml', [...added.keys()]);
    added.put(part, w.xml);
    ct.override(part, CT.worksheet);
    const r = addRel(wbRels, REL.worksheet, relativeTarget(wbPart, part));
    wbRels = r.xml;
    newSheetEls.push(`<sheet name="${escapeXml(name)}" sheetId="${nextSheetId++}" ${relPrefix}id="${r.id}"/>`);
  }
  // Earlier sheets of ours with no role left (e.g. a duplicate) are dropped.
  for (const s of [...previous].reverse()) {
    wbXml = dropSheet(wbXml, s, sheets);
    wbRels = removeRels(wbRels ?? '', new Set([s.rid]));
    removed.add(s.part!);
    ct.removeOverride(s.part!);
    if (pkg.get(relsPathFor(s.part!))) removed.add(relsPathFor(s.part!));
  }
  for (const [from, to] of renames) wbXml = wbXml.replace(from, to);
  if (newSheetEls.length) {
    const sheetsEl = findElement(wbXml, 'sheets')!;
    const close = wbXml.lastIndexOf('</', sheetsEl.end - 1);
    const p = prefixOf(sheetsEl.name);
    wbXml = wbXml.slice(0, close) + newSheetEls.map((e) => `<${p}${e.slice(1)}`).join('') + wbXml.slice(close);
  }
  // A copy we rebuilt (CSV, .xls, .ods …) has no print set-up of the user's to keep: its roster
  // sheets print like our other sheets, their header rows repeated on every page.
  const rebuilt = input.kind !== 'xlsx';
  const rosterTitles = rebuilt ? rosters.map((r) => ({ sheet: r.entry.name, top: r.input.headerTop, rows: r.input.headerRow })) : [];
  wbXml = withPrintTitles(wbXml, [...rosterTitles, ...finalNames.map((sheet) => ({ sheet, rows: 1 }))]);

  // ---- styles (final now: the dry run asked for every style the sheet will use)
  styles.freeze();
  if (styles.created) {
    const r = addRel(wbRels, REL.styles, relativeTarget(wbPart, stylesPart));
    wbRels = r.xml;
    ct.override(stylesPart, CT.styles);
    added.put(stylesPart, styles.toXml());
  } else if (styles.changed) changed.put(stylesPart, styles.toXml());

  // ---- marker
  const newMarker: Marker = {
    v: 1,
    tool,
    roster: roster.name,
    sheets: finalNames,
    xf: [...styles.clones].sort((a, b) => a[0] - b[0]),
    ...(styles.coveredFills.size ? { fills: [...styles.coveredFills] } : {}),
    ...(rosters.some((r) => r.prep.ctx.covered?.entries(r.entry.name).length) ? { cells: rosters.flatMap((r) => r.prep.ctx.covered?.entries(r.entry.name) ?? []) } : {}),
    cols: rosters.map((r): [string, number, number] => [r.entry.name, r.prep.ctx.start, r.prep.ctx.start + 1]),
    source: path.basename(file),
  };
  const customOut = writeMarker(customXml, newMarker);
  if (customXml !== null && pkg.get(customPart)) changed.put(customPart, customOut);
  else {
    added.put(customPart, customOut);
    rootRels = addRel(rootRels, REL.customProps, customPart).xml;
    ct.override(customPart, CT.customProps);
    (pkg.get('_rels/.rels') ? changed : added).put('_rels/.rels', rootRels);
  }

  for (const r of rosters) {
    const rosterIndex = sheets.indexOf(r.entry) - previous.filter((s) => sheets.indexOf(s) < sheets.indexOf(r.entry)).length;
    wbXml = updateFilterDatabase(wbXml, rosterIndex, r.prep.autoFilter);
  }
  changed.put(wbPart, wbXml);
  wbRels = await dropMacros(pkg, ct, wbPart, wbRels, removed); // an .xlsm's copy is a real .xlsx
  if (wbRels !== null) (pkg.get(wbRelsPart) ? changed : added).put(wbRelsPart, wbRels);
  changed.put('[Content_Types].xml', ct.xml);

  // ---- write, in the original order; new parts at the end.
  const zip = await ZipFileWriter.create(tmpPath);
  try {
    for (const e of pkg.entries) {
      const name = e.name;
      if (removed.has(name)) continue;
      const part = changed.get(partKey(name));
      const rosterSheet = rosterParts.get(partKey(name));
      if (rosterSheet) {
        const opts = { widths: [10, REASONS_WIDTH] as [number, number], legacyDrawingRid: rosterSheet.legacyDrawingRid, printSetupLang: rebuilt ? lang : undefined };
        await zip.addStream(name, (push) => writeRosterSheet(rosterSheet.prep, opts, (text) => push(withoutBadChars(text))));
      } else if (part !== undefined) {
        await zip.addRaw({ ...part, name });
      } else {
        await zip.addRaw({ ...e, data: pkg.dir.dataOf(e) });
      }
    }
    for (const part of added.values()) await zip.addRaw(part);
    await zip.close();
  } catch (err) {
    await zip.abort();
    throw err;
  }
}

interface NotesArgs {
  pkg: PackageReader;
  /** The roster sheet's part. */
  part: string;
  prep: PreparedSheet;
  plan: Plan;
  lang: Lang;
  changed: PartMap;
  added: PartMap;
  ct: ContentTypes;
  /** The VML id block a new drawing of this run may start from (each sheet's drawing has its own). */
  idBlockFrom: number;
}

/** One roster sheet's notes: its comments and VML parts merged with ours, and its rels. */
async function writeNotes(n: NotesArgs): Promise<{ legacyDrawingRid: string | null; nextIdBlock: number }> {
  const { pkg, part: rosterPart, prep, plan, lang } = n;
  const L = LABELS[lang];
  const S = prep.ctx.start;
  const notes: NoteInput[] = [];
  for (const [row, rp] of plan.rows) {
    for (const [col, mark] of rp.marks) {
      if (col === S || col === S + 1) continue;
      notes.push({ row, col, ref: a1(row, col), text: noteText(mark.findings, lang, plan.ruleName) });
    }
    if (rp.rowFindings.length > 0 && plan.applicants[row]) {
      notes.push({ row, col: S + 1, ref: a1(row, S + 1), text: noteText(rp.rowFindings, lang, plan.ruleName) });
    }
  }
  notes.sort((a, b) => a.row - b.row || a.col - b.col);

  const sheetRelsPart = relsPathFor(rosterPart);
  let sheetRels = await pkg.text(sheetRelsPart);
  const sheetRelList = parseRels(sheetRels);
  const commentsRel = sheetRelList.find((r) => isRelType(r.type, 'comments'));
  const vmlRel =
    (prep.legacyRid ? sheetRelList.find((r) => r.id === prep.legacyRid) : undefined) ??
    sheetRelList.find((r) => isRelType(r.type, 'vmlDrawing'));
  let legacyDrawingRid: string | null = null;
  let idBlock = n.idBlockFrom;
  if (notes.length > 0 || commentsRel) {
    const taken = [...n.added.keys()];
    const commentsPart = commentsRel ? resolveTarget(rosterPart, commentsRel.target) : freeName(pkg, 'xl/comments', '.xml', taken);
    const vmlPart = vmlRel ? resolveTarget(rosterPart, vmlRel.target) : freeName(pkg, 'xl/drawings/vmlDrawing', '.vml', taken);
    for (const e of pkg.entries) {
      if (!e.name.toLowerCase().endsWith('.vml') || partKey(e.name) === partKey(vmlPart)) continue;
      idBlock = Math.max(idBlock, ...vmlIdBlocks((await pkg.text(e.name)) ?? '').map((b) => b + 1));
    }
    const merged = mergeNotesParts(
      commentsRel ? await pkg.text(commentsPart) : null,
      vmlRel ? await pkg.text(vmlPart) : null,
      notes,
      L.author,
      L.noteMarker,
      idBlock,
    );
    notes.length = 0;
    // Made and compressed piece by piece: a big roster's notes are tens of MB of XML.
    (commentsRel && pkg.get(commentsPart) ? n.changed : n.added).putPieces(commentsPart, merged.comments);
    (vmlRel && pkg.get(vmlPart) ? n.changed : n.added).putPieces(vmlPart, merged.vml);
    if (!commentsRel) {
      sheetRels = addRel(sheetRels, REL.comments, relativeTarget(rosterPart, commentsPart)).xml;
      n.ct.override(commentsPart, CT.comments);
    }
    if (!vmlRel) {
      const r = addRel(sheetRels, REL.vmlDrawing, relativeTarget(rosterPart, vmlPart));
      sheetRels = r.xml;
      legacyDrawingRid = r.id;
      n.ct.ensureDefault('vml', CT.vml);
    } else if (!prep.legacyRid) legacyDrawingRid = vmlRel.id;
    if (sheetRels !== null) (pkg.get(sheetRelsPart) ? n.changed : n.added).put(sheetRelsPart, sheetRels);
    idBlock++;
  }
  return { legacyDrawingRid, nextIdBlock: idBlock };
}

/**
 * The workbook could not be patched: a known condition of the package. Its message is written
 * by us and holds no cell content; any other error is a bug and must not reach the user's text.
 */
export function annotateFailed(file: string, err: PackageError): UserError {
  const e = broken(file, err.message);
  (e as { cause?: unknown }).cause = err;
  return e;
}

function broken(file: string, detail: string): UserError {
  return new UserError('annotate-failed', {
    zh: `无法在 "${file}" 的副本中写入预审结果（${detail}）。请用 Excel 或 WPS 打开后另存为新的 .xlsx 再重试。`,
    en: `Cannot write the screening results into a copy of "${file}" (${detail}). Open it in Excel or WPS, save it as a new .xlsx and try again.`,
  });
}

function parseSheets(wbXml: string, wbPart: string, rels: Map<string, Relationship>): SheetEntry[] {
  const el = findElement(wbXml, 'sheets');
  if (!el || el.selfClosing) return [];
  return scanChildren(wbXml, el.openEnd, el.end)
    .filter((e) => e.local === 'sheet')
    .map((e) => {
      const rid = relIdOf(e.openTag);
      const rel = rels.get(rid);
      return {
        name: getAttr(e.openTag, 'name') ?? '',
        sheetId: Number(getAttr(e.openTag, 'sheetId') ?? 0),
        rid,
        part: rel && !rel.external ? resolveTarget(wbPart, rel.target) : null,
        openTag: wbXml.slice(e.start, e.end),
      };
    });
}

/** Removes a <sheet> and shifts sheet-local defined names and the active tab past it. */
function dropSheet(wbXml: string, s: SheetEntry, all: SheetEntry[]): string {
  const index = all.indexOf(s);
  let xml = replaceElements(wbXml, 'sheet', (el, text) => (relIdOf(el.openTag) === s.rid ? '' : text));
  xml = replaceElements(xml, 'definedName', (el, dn) => {
    const local = getAttr(el.openTag, 'localSheetId');
    if (local === undefined) return dn;
    const n = Number(local);
    if (n === index) return '';
    return n > index ? setAttr(el.openTag, 'localSheetId', String(n - 1)) + dn.slice(el.openTag.length) : dn;
  });
  xml = replaceElements(xml, 'workbookView', (el, text) => {
    let t = el.openTag;
    for (const a of ['activeTab', 'firstSheet']) {
      const v = getAttr(t, a);
      if (v !== undefined && Number(v) >= index) t = setAttr(t, a, String(Math.max(0, Number(v) - (Number(v) > index ? 1 : 0))));
    }
    return t + text.slice(el.openTag.length);
  });
  return xml;
}

/** Widens the roster's `_xlnm._FilterDatabase` to the widened autoFilter. */
function updateFilterDatabase(wbXml: string, rosterIndex: number, af: RangePos | null): string {
  if (!af) return wbXml;
  return replaceElements(wbXml, 'definedName', (el, dn) => {
    const tag = el.openTag;
    if (el.selfClosing || getAttr(tag, 'name') !== '_xlnm._FilterDatabase' || getAttr(tag, 'localSheetId') !== String(rosterIndex)) return dn;
    const bodyEnd = dn.lastIndexOf('</');
    const body = dn.slice(tag.length, bodyEnd);
    const bang = body.lastIndexOf('!');
    if (bang < 0) return dn;
    const ref = `$${colLetters(af.left)}$${af.top}:$${colLetters(af.right)}$${af.bottom}`;
    return `${tag}${body.slice(0, bang + 1)}${ref}${dn.slice(bodyEnd)}`;
  });
}

/** The relationship id of a <sheet> (its `r:id`, whatever the prefix is called). */
function relIdOf(openTag: string): string {
  for (const [name, value] of parseAttrs(openTag)) if (/^[\w.-]+:id$/.test(name)) return value;
  return '';
}

/** `${prefix}${n}${suffix}` with the smallest n not used by any part. */
function freeName(pkg: PackageReader, prefix: string, suffix: string, also: string[] = []): string {
  const taken = new Set([...pkg.entries.map((e) => e.name.toLowerCase()), ...also.map((a) => a.toLowerCase())]);
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Our two columns on a roster sheet, as the copy's marker recorded them (none in older copies). */
function ourColumns(marker: Marker | null, sheet: string): [number, number] | null {
  const c = marker?.cols?.find((x) => x[0] === sheet);
  return c ? [c[1], c[2]] : null;
}
