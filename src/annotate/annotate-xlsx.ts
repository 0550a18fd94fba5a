import type { ApplicantResult, Lang } from '../core/types.js';
import type { RosterInput, RunResult } from '../report/run-result.js';
import { a1, colLetters, type RangePos } from '../ooxml/cell-ref.js';
import { readMarker, writeMarker, type Marker } from './marker.js';
import { mergeNotesParts, vmlIdBlocks, type NoteInput } from './notes.js';
import { dropMacros } from './macro-free.js';
import { withoutBadChars } from '../ooxml/cell-text.js';
import { addRel, ContentTypes, CT, REL, removeRels } from './opc.js';
import { partKey } from '../ooxml/part-name.js';
import { isRelType, parseRels, relativeTarget, relsPathFor, resolveTarget, type Relationship } from '../ooxml/relationships.js';
import { PackageReader } from './package-reader.js';
import { buildPlan } from './plan.js';
import { prepareRosterSheet, writeRosterSheet } from './roster-sheet.js';
import { StylesPatch } from './styles.js';
import { rulesSheetXml, summarySheetXml } from './summary-sheets.js';
import { LABELS, noteText, OUR_SHEET_NAMES } from './texts.js';
import { findElement, getAttr, prefixFor, scanChildren, setAttr } from './xml.js';
import { decodeEntities, escapeXml } from '../ooxml/xml-text.js';
import { compressPart, compressPieces, ZipFileWriter, type RawEntry } from '../ooxml/zip/zip-writer.js';
import { UserError } from '../core/user-error.js';
import type { PackageError } from '../ooxml/package-error.js';

// Annotates an .xlsx by patching its package: the roster sheet is transformed as a stream,
// styles/workbook/rels/content types get small splices, notes and our two sheets are added,
// and every other part is copied over compressed bytes and all.

export interface AnnotateArgs {
  input: RosterInput;
  bytes: Uint8Array;
  applicants: ApplicantResult[];
  run: RunResult;
  lang: Lang;
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
  const roster = sheets.find((s) => s.name === input.sheet) ?? sheets[input.sheetIndex];
  if (!roster?.part || !pkg.get(roster.part)) throw broken(file, `sheet "${input.sheet}" not found`);
  const rosterPart = roster.part;

  const customRel = rootRelList.find((r) => isRelType(r.type, 'custom-properties'));
  const customPart = customRel ? resolveTarget('', customRel.target) : 'docProps/custom.xml';
  const customXml = customRel ? await pkg.text(customPart) : null;
  const marker = readMarker(customXml);

  const stylesRel = wbRelList.find((r) => isRelType(r.type, 'styles'));
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : 'xl/styles.xml';
  const styles = new StylesPatch(stylesRel ? await pkg.text(stylesPart) : null);
  const ssRel = wbRelList.find((r) => isRelType(r.type, 'sharedStrings'));

  const plan = buildPlan(args.applicants, lang);
  const prep = await prepareRosterSheet({
    reader: pkg,
    part: rosterPart,
    sharedStrings: ssRel ? resolveTarget(wbPart, ssRel.target) : null,
    plan,
    styles,
    headerTop: input.headerTop,
    headerRow: input.headerRow,
    width: input.width,
    recorded: marker ? new Map(marker.xf) : null,
    ourCols: marker?.roster === roster.name ? marker.cols : null,
    file: input.file,
  });
  const S = prep.ctx.start;

  // ---- notes
  // Parts we write, compressed as soon as they are final (notes of a big roster are large).
  const changed = new PartMap();
  const added = new PartMap();
  const removed = new PartSet();
  const notes: NoteInput[] = [];
  for (const [row, rp] of plan.rows) {
    for (const [col, mark] of rp.marks) {
      if (col === S || col === S + 1) continue;
      notes.push({ row, col, ref: a1(row, col), text: noteText(mark.findings, lang) });
    }
    if (rp.rowFindings.length > 0 && plan.applicants[row]) {
      notes.push({ row, col: S + 1, ref: a1(row, S + 1), text: noteText(rp.rowFindings, lang) });
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
  if (notes.length > 0 || commentsRel) {
    const commentsPart = commentsRel ? resolveTarget(rosterPart, commentsRel.target) : freeName(pkg, 'xl/comments', '.xml');
    const vmlPart = vmlRel ? resolveTarget(rosterPart, vmlRel.target) : freeName(pkg, 'xl/drawings/vmlDrawing', '.vml');
    let idBlock = 1;
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
    (commentsRel && pkg.get(commentsPart) ? changed : added).putPieces(commentsPart, merged.comments);
    (vmlRel && pkg.get(vmlPart) ? changed : added).putPieces(vmlPart, merged.vml);
    if (!commentsRel) {
      sheetRels = addRel(sheetRels, REL.comments, relativeTarget(rosterPart, commentsPart)).xml;
      ct.override(commentsPart, CT.comments);
    }
    if (!vmlRel) {
      const r = addRel(sheetRels, REL.vmlDrawing, relativeTarget(rosterPart, vmlPart));
      sheetRels = r.xml;
      legacyDrawingRid = r.id;
      ct.ensureDefault('vml', CT.vml);
    } else if (!prep.legacyRid) legacyDrawingRid = vmlRel.id;
    if (sheetRels !== null) (pkg.get(sheetRelsPart) ? changed : added).put(sheetRelsPart, sheetRels);
  }

  // ---- our sheets
  const xfs = styles.summaryXfs();
  const wanted = [
    { key: 'summary', name: L.summarySheet, xml: summarySheetXml(args, xfs) },
    { key: 'rules', name: L.rulesSheet, xml: rulesSheetXml(args, xfs) },
  ];
  const ourNames = new Set(marker ? marker.sheets : prep.rescreen ? OUR_SHEET_NAMES : []);
  const previous = sheets.filter((s) => s !== roster && ourNames.has(s.name) && s.part);
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
    const prev = previous.find((s) => roleOf(s.name) === w.key) ?? previous.find((s) => roleOf(s.name) === null);
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
    const p = /^<((?:[\w.-]+:)?)/.exec(sheetsEl.openTag)?.[1] ?? '';
    wbXml = wbXml.slice(0, close) + newSheetEls.map((e) => e.replace(/^<sheet /, `<${p}sheet `)).join('') + wbXml.slice(close);
  }

  // ---- styles (final now: the dry run asked for every style the sheet will use)
  styles.freeze();
  if (styles.created) {
    const r = addRel(wbRels, REL.styles, relativeTarget(wbPart, stylesPart));
    wbRels = r.xml;
    ct.override(stylesPart, CT.styles);
    added.put(stylesPart, styles.toXml());
  } else if (styles.changed) changed.put(stylesPart, styles.toXml());

  // ---- marker
  const newMarker: Marker = { v: 1, tool, roster: roster.name, sheets: finalNames, xf: [...styles.clones].sort((a, b) => a[0] - b[0]), cols: [S, S + 1] };
  const customOut = writeMarker(customXml, newMarker);
  if (customXml !== null && pkg.get(customPart)) changed.put(customPart, customOut);
  else {
    added.put(customPart, customOut);
    rootRels = addRel(rootRels, REL.customProps, customPart).xml;
    ct.override(customPart, CT.customProps);
    (pkg.get('_rels/.rels') ? changed : added).put('_rels/.rels', rootRels);
  }

  const rosterIndex = sheets.indexOf(roster) - previous.filter((s) => sheets.indexOf(s) < sheets.indexOf(roster)).length;
  wbXml = updateFilterDatabase(wbXml, rosterIndex, prep.autoFilter);
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
      if (partKey(name) === partKey(rosterPart)) {
        await zip.addStream(name, (push) => writeRosterSheet(prep, { widths: [10, 60], legacyDrawingRid }, (text) => push(withoutBadChars(text))));
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
      const rid = decodeEntities(/\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(e.openTag)?.[1] ?? '');
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

function roleOf(name: string): 'summary' | 'rules' | null {
  const base = name.replace(/ \(\d+\)$/, '');
  if (base === LABELS.zh.summarySheet || base === LABELS.en.summarySheet) return 'summary';
  if (base === LABELS.zh.rulesSheet || base === LABELS.en.rulesSheet) return 'rules';
  return null;
}

/** Removes a <sheet> and shifts sheet-local defined names and the active tab past it. */
function dropSheet(wbXml: string, s: SheetEntry, all: SheetEntry[]): string {
  const index = all.indexOf(s);
  let xml = wbXml.replace(s.openTag, '');
  xml = xml.replace(/<((?:[\w.-]+:)?)definedName\b[^>]*>[\s\S]*?<\/\1definedName>/g, (dn) => {
    const tag = /^<[^>]*>/.exec(dn)![0];
    const local = getAttr(tag, 'localSheetId');
    if (local === undefined) return dn;
    const n = Number(local);
    if (n === index) return '';
    return n > index ? dn.replace(tag, setAttr(tag, 'localSheetId', String(n - 1))) : dn;
  });
  xml = xml.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (tag) => {
    let t = tag;
    for (const a of ['activeTab', 'firstSheet']) {
      const v = getAttr(t, a);
      if (v !== undefined && Number(v) >= index) t = setAttr(t, a, String(Math.max(0, Number(v) - (Number(v) > index ? 1 : 0))));
    }
    return t;
  });
  return xml;
}

/** Widens the roster's `_xlnm._FilterDatabase` to the widened autoFilter. */
function updateFilterDatabase(wbXml: string, rosterIndex: number, af: RangePos | null): string {
  if (!af) return wbXml;
  return wbXml.replace(/<((?:[\w.-]+:)?)definedName\b[^>]*>([\s\S]*?)<\/\1definedName>/g, (dn, _p: string, body: string) => {
    const tag = /^<[^>]*>/.exec(dn)![0];
    if (getAttr(tag, 'name') !== '_xlnm._FilterDatabase' || getAttr(tag, 'localSheetId') !== String(rosterIndex)) return dn;
    const bang = body.lastIndexOf('!');
    if (bang < 0) return dn;
    const ref = `$${colLetters(af.left)}$${af.top}:$${colLetters(af.right)}$${af.bottom}`;
    return dn.replace(`>${body}<`, `>${body.slice(0, bang + 1)}${ref}<`);
  });
}

/** `${prefix}${n}${suffix}` with the smallest n not used by any part. */
function freeName(pkg: PackageReader, prefix: string, suffix: string, also: string[] = []): string {
  const taken = new Set([...pkg.entries.map((e) => e.name.toLowerCase()), ...also.map((a) => a.toLowerCase())]);
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
