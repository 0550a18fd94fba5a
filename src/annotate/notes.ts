import { colLetters, parseA1 } from '../ooxml/cell-ref.js';
import { elementText, findElement, findElements, findElementsByName, findOpenTag, findOpenTags, firstTag, getAttr, parseAttrs, prefixOf, scanChildren, setAttr, spliceElements, textOfRuns } from './xml.js';
import { XML_DECL, escapeText, escapeXml } from '../ooxml/xml-text.js';
import { EXCEL_CELL_LIMIT } from '../ooxml/cell-text.js';
import { NOTE_MARKERS, OUR_AUTHORS } from './texts.js';
import { PackageError } from '../ooxml/package-error.js';

// Notes (legacy comments): the comments part holds the text, a VML drawing holds the boxes.
// Notes already in the workbook are kept. Where a cell already has one, our text is added as
// runs after theirs, starting with a marker (【预审】), so a later run can take ours out again.

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface NoteInput {
  row: number;
  col: number;
  ref: string;
  text: string;
}

export interface NotesResult {
  comments: string;
  vml: string;
  /** Number of comments in the part after the edit. */
  count: number;
}

/**
 * The same parts as pieces of text, in order, made as they are taken: a big roster's notes are
 * never one string, nor all their XML at once. Each may be iterated once.
 */
export interface NotesParts {
  comments: Iterable<string>;
  vml: Iterable<string>;
  count: number;
}

interface Existing {
  ref: string;
  /** The whole <comment> element, with any earlier text of ours cut off; null for a new one of ours. */
  xml: string | null;
  /** Our note, for a new comment (its XML is made when the part is written). */
  note?: NoteInput;
}

/**
 * Merges our notes into an existing comments part (or none) and the sheet's VML drawing (or
 * none). `idBlock` is the VML id block to use for a new drawing.
 */
export function mergeNotes(
  commentsXml: string | null,
  vmlXml: string | null,
  notes: readonly NoteInput[],
  author: string,
  marker: string,
  idBlock: number,
): NotesResult {
  const parts = mergeNotesParts(commentsXml, vmlXml, notes, author, marker, idBlock);
  return { comments: [...parts.comments].join(''), vml: [...parts.vml].join(''), count: parts.count };
}

/**
 * mergeNotes, handing out each part as pieces (one per comment and note box), so that joining
 * them, and the copies string edits make, never hold a big roster's notes two or three times.
 */
export function mergeNotesParts(
  commentsXml: string | null,
  vmlXml: string | null,
  notes: readonly NoteInput[],
  author: string,
  marker: string,
  idBlock: number,
): NotesParts {
  const doc = commentsXml ?? `${XML_DECL}<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
  const root = findElement(doc, 'comments');
  if (!root || root.selfClosing) throw new PackageError('comments part without <comments>');
  const p = prefixOf(root.name);
  const authorsEl = findElement(doc, 'authors', root.openEnd);
  const listEl = findElement(doc, 'commentList', root.openEnd);

  const authors = authorsEl && !authorsEl.selfClosing
    ? scanChildren(doc, authorsEl.openEnd, authorsEl.end).filter((e) => e.local === 'author').map((e) => doc.slice(e.start, e.end))
    : [];
  let ourAuthor = authors.findIndex((a) => textOfRuns(a, 'author') === author);
  if (ourAuthor < 0) {
    authors.push(`<${p}author>${escapeXml(author)}</${p}author>`);
    ourAuthor = authors.length - 1;
  }

  // Their comments, with any earlier run of ours cut off; comments that were only ours dropped.
  const kept = new Map<string, Existing>();
  const order: string[] = [];
  if (listEl && !listEl.selfClosing) {
    for (const c of scanChildren(doc, listEl.openEnd, listEl.end)) {
      if (c.local !== 'comment') continue;
      const ref = (getAttr(c.openTag, 'ref') ?? '').toUpperCase();
      const cut = cutOurText(doc.slice(c.start, c.end), p);
      if (cut === null) continue;
      kept.set(ref, { ref, xml: cut });
      order.push(ref);
    }
  }

  const ourRuns = (text: string, lead: boolean): string =>
    `<${p}r><${p}rPr><${p}b/><${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr><${p}t xml:space="preserve">${lead ? '\n' : ''}${escapeXml(marker)}</${p}t></${p}r>` +
    `<${p}r><${p}rPr><${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr><${p}t xml:space="preserve">${escapeText(`\n${text}`, EXCEL_CELL_LIMIT - marker.length - (lead ? 1 : 0))}</${p}t></${p}r>`;

  const ourComment = (ref: string, n: NoteInput, authorId = ourAuthor): string =>
    `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${ourRuns(n.text, false)}</${p}text></${p}comment>`;

  const added: NoteInput[] = [];
  for (const n of notes) {
    const ref = n.ref.toUpperCase();
    const theirs = kept.get(ref);
    // A second note of ours on one cell: the first one's comment is made now, to append to.
    if (theirs && theirs.xml === null) theirs.xml = ourComment(ref, theirs.note!);
    if (theirs) {
      theirs.xml = appendRuns(theirs.xml!, ourRuns(n.text, true), p);
    } else {
      kept.set(ref, { ref, xml: null, note: n });
      order.push(ref);
      added.push(n);
    }
  }

  // Our author entries from another language or run that no comment uses any more go; ids shift.
  const used = new Set<number>();
  for (const r of order) {
    const xml = kept.get(r)!.xml;
    used.add(xml === null ? ourAuthor : Number(getAttr(xml, 'authorId') ?? 0));
  }
  const ourNames = new Set(OUR_AUTHORS);
  const remap = new Map<number, number>();
  const finalAuthors: string[] = [];
  authors.forEach((a, i) => {
    if (!used.has(i) && ourNames.has(textOfRuns(a, 'author'))) return;
    remap.set(i, finalAuthors.length);
    finalAuthors.push(a);
  });
  const ourId = remap.get(ourAuthor) ?? ourAuthor;
  const commentXml = (e: Existing): string => {
    if (e.xml === null) return ourComment(e.ref, e.note!, ourId);
    const open = firstTag(e.xml)!.openTag;
    const id = Number(getAttr(open, 'authorId') ?? 0);
    const to = remap.get(id);
    return to === undefined || to === id ? e.xml : setAttr(open, 'authorId', String(to)) + e.xml.slice(open.length);
  };
  const authorsXml = `<${p}authors>${finalAuthors.join('')}</${p}authors>`;
  // The document edited with a placeholder for the list (a NUL, which XML cannot hold), then cut there.
  let out = doc;
  // Replace commentList first (it comes after authors), then authors.
  out = listEl ? out.slice(0, listEl.start) + LIST_HERE + out.slice(listEl.end) : insertBeforeClose(out, root.end, LIST_HERE);
  out = authorsEl
    ? out.slice(0, authorsEl.start) + authorsXml + out.slice(authorsEl.end)
    : out.slice(0, root.openEnd) + authorsXml + out.slice(root.openEnd);
  const at = out.indexOf(LIST_HERE);
  const comments = (function* () {
    yield out.slice(0, at);
    yield `<${p}commentList>`;
    for (const r of order) yield commentXml(kept.get(r)!);
    yield `</${p}commentList>`;
    yield out.slice(at + LIST_HERE.length);
  })();

  const finalRefs = new Set(order);
  return { comments, vml: mergeVml(vmlXml, finalRefs, added, idBlock), count: order.length };
}

const LIST_HERE = '\u0000';

/** `el` inserted before the close tag of the element ending at `end`. */
function insertBeforeClose(doc: string, end: number, el: string): string {
  const at = doc.lastIndexOf('</', end - 1);
  return doc.slice(0, at) + el + doc.slice(at);
}

/**
 * Cuts our part off a comment: from the run holding the marker on. Returns the comment without
 * it, the comment unchanged when it has none, or null when nothing of theirs is left.
 */
export function cutOurText(comment: string, p: string): string | null {
  const textEl = findElement(comment, 'text');
  if (!textEl || textEl.selfClosing) return comment;
  const inner = comment.slice(textEl.openEnd, comment.lastIndexOf('</', textEl.end - 1));
  if (!NOTE_MARKERS.some((m) => inner.includes(escapeXml(m)) || inner.includes(m))) return comment;
  const kids = scanChildren(inner);
  const keep: string[] = [];
  let found = false;
  for (const k of kids) {
    if (found) break;
    const xml = inner.slice(k.start, k.end);
    const text = textOfRuns(xml);
    const at = Math.min(...NOTE_MARKERS.map((m) => text.indexOf(m)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) {
      keep.push(xml);
      continue;
    }
    found = true;
    const before = text.slice(0, at).replace(/\n+$/, '');
    if (before) {
      const rPrEl = findElement(xml, 'rPr');
      const rPr = rPrEl ? xml.slice(rPrEl.start, rPrEl.end) : '';
      keep.push(k.local === 't' ? `<${p}t xml:space="preserve">${escapeXml(before)}</${p}t>` : `<${p}r>${rPr}<${p}t xml:space="preserve">${escapeXml(before)}</${p}t></${p}r>`);
    }
  }
  // A line break before our marker was ours too (other programs move it into their run).
  while (keep.length > 0) {
    const last = keep[keep.length - 1]!;
    const t = textOfRuns(last);
    if (!/\n$/.test(t)) break;
    if (t.trim() === '') {
      keep.pop();
      continue;
    }
    const tEl = findElements(last, 't').filter((e) => !e.selfClosing).at(-1);
    if (!tEl) break;
    const close = last.lastIndexOf('</', tEl.end - 1);
    const trimmed = last.slice(tEl.openEnd, close).replace(/(?:\n|&#10;|&#x0*a;)+$/i, '');
    keep[keep.length - 1] = last.slice(0, tEl.openEnd) + trimmed + last.slice(close);
    break;
  }
  if (!keep.some((k) => textOfRuns(k).trim() !== '')) return null;
  return comment.slice(0, textEl.openEnd) + keep.join('') + comment.slice(comment.lastIndexOf('</', textEl.end - 1));
}

/** Appends runs to a comment's <text>; a bare <t> is first turned into a run. */
function appendRuns(comment: string, runs: string, p: string): string {
  const textEl = findElement(comment, 'text');
  if (!textEl) return comment;
  if (textEl.selfClosing) return `${comment.slice(0, textEl.start)}<${p}text>${runs}</${p}text>${comment.slice(textEl.end)}`;
  const close = comment.lastIndexOf('</', textEl.end - 1);
  let inner = comment.slice(textEl.openEnd, close);
  // A bare <t> (not in a run) cannot stand beside runs: it becomes the first run.
  const first = scanChildren(inner)[0];
  if (first?.local === 't') {
    const r = `${prefixOf(first.name)}r`;
    inner = `${inner.slice(0, first.start)}<${r}>${inner.slice(first.start, first.end)}</${r}>${inner.slice(first.end)}`;
  }
  // Phonetic runs (rPh/phoneticPr) must stay last.
  const ph = scanChildren(inner).find((k) => k.local === 'rPh' || k.local === 'phoneticPr');
  inner = ph ? inner.slice(0, ph.start) + runs + inner.slice(ph.start) : inner + runs;
  return comment.slice(0, textEl.openEnd) + inner + comment.slice(close);
}

// ---------------------------------------------------------------- VML

const NS_V = 'urn:schemas-microsoft-com:vml';
const NS_O = 'urn:schemas-microsoft-com:office:office';
const NS_X = 'urn:schemas-microsoft-com:office:excel';

interface VmlPrefixes {
  v: string;
  o: string;
  x: string;
}

function shapetype(p: VmlPrefixes): string {
  return `<${p.v}:shapetype id="_x0000_t202" coordsize="21600,21600" ${p.o}:spt="202" path="m,l,21600r21600,l21600,xe"><${p.v}:stroke joinstyle="miter"/><${p.v}:path gradientshapeok="t" ${p.o}:connecttype="rect"/></${p.v}:shapetype>`;
}

function newVml(idBlock: number): string {
  const p = { v: 'v', o: 'o', x: 'x' };
  return (
    `<xml xmlns:v="${NS_V}" xmlns:o="${NS_O}" xmlns:x="${NS_X}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>${shapetype(p)}</xml>`
  );
}

/**
 * The prefixes the drawing binds to the VML namespaces (openpyxl writes ns0/ns1/ns2, Excel
 * v/o/x); missing declarations are added to the root element.
 */
function vmlPrefixes(doc: string): { doc: string; p: VmlPrefixes } {
  const root = findOpenTag(doc, 'xml');
  const decl = new Map<string, string>();
  if (root) for (const [name, uri] of parseAttrs(root.openTag)) if (name.startsWith('xmlns:')) decl.set(uri, name.slice(6));
  const p: VmlPrefixes = { v: decl.get(NS_V) ?? 'v', o: decl.get(NS_O) ?? 'o', x: decl.get(NS_X) ?? 'x' };
  let out = doc;
  if (root) {
    let tag = root.openTag;
    for (const [uri, key] of [[NS_V, 'v'], [NS_O, 'o'], [NS_X, 'x']] as const) {
      if (decl.has(uri)) continue;
      let name: string = key;
      while ([...decl.values()].includes(name)) name += key;
      decl.set(uri, name);
      p[key] = name;
      tag = setAttr(tag, `xmlns:${name}`, uri);
    }
    out = doc.slice(0, root.start) + tag + doc.slice(root.openEnd);
  }
  return { doc: out, p };
}

/** The id blocks (`<o:idmap data>`) a VML drawing uses. */
export function vmlIdBlocks(vml: string): number[] {
  const data = findOpenTags(vml, 'idmap')
    .map((t) => getAttr(t.openTag, 'data'))
    .find((d) => d !== undefined);
  return data !== undefined ? data.split(',').map(Number).filter(Number.isFinite) : [];
}

/** The cell a note box belongs to (its `<x:Row>`, `<x:Column>`), or null for another shape. */
function noteShapeRef(shape: string): string | null {
  if (!findOpenTags(shape, 'ClientData').some((t) => getAttr(t.openTag, 'ObjectType') === 'Note')) return null;
  const row = elementText(shape, 'Row', true)?.trim();
  const col = elementText(shape, 'Column', true)?.trim();
  if (!row || !col || !/^\d+$/.test(row) || !/^\d+$/.test(col)) return null;
  return `${colLetters(Number(col))}${Number(row) + 1}`;
}

/** Drops note boxes whose comment is gone, adds boxes for new comments; other shapes stay. */
function mergeVml(vml: string | null, finalRefs: ReadonlySet<string>, added: readonly NoteInput[], idBlock: number): Iterable<string> {
  const { doc: declared, p } = vmlPrefixes(vml ?? newVml(idBlock));
  const existing = new Set<string>();
  const doc = spliceElements(declared, findElementsByName(declared, `${p.v}:shape`), (_el, shape) => {
    const ref = noteShapeRef(shape);
    if (ref === null) return shape;
    if (!finalRefs.has(ref) || existing.has(ref)) return '';
    existing.add(ref);
    return shape;
  });
  let nextId = 0;
  for (const m of doc.matchAll(/_x0000_s(\d+)/g)) nextId = Math.max(nextId, Number(m[1]));
  const block = vmlIdBlocks(doc)[0] ?? idBlock;
  if (nextId === 0) nextId = block * 1024;
  const news = added.filter((n) => !existing.has(n.ref.toUpperCase()));
  if (news.length === 0) return [doc];
  const at = doc.lastIndexOf('</xml>');
  // Boxes are made as the part is written; joined by newlines inside <xml>, appended as they are after a broken one.
  return (function* () {
    yield at < 0 ? doc : doc.slice(0, at);
    let first = true;
    const sep = at < 0 ? '' : '\n';
    if (!doc.includes('"_x0000_t202"')) {
      yield shapetype(p);
      first = false;
    }
    for (const n of news) {
      if (!first) yield sep;
      first = false;
      yield noteShape(++nextId, n, p);
    }
    if (at >= 0) yield doc.slice(at);
  })();
}

function noteShape(id: number, n: NoteInput, p: VmlPrefixes): string {
  const pos = parseA1(n.ref) ?? { row: n.row, col: n.col };
  const r = pos.row - 1;
  const c = pos.col;
  const lines = n.text.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(l.length / 22)), 1);
  const rows = Math.min(24, Math.max(4, Math.ceil(lines * 0.9)));
  const top = Math.max(0, r - 1);
  const { v, o, x } = p;
  return (
    `<${v}:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:${rows * 14}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" ${o}:insetmode="auto">` +
    `<${v}:fill color2="#ffffe1"/><${v}:shadow on="t" color="black" obscured="t"/><${v}:path ${o}:connecttype="none"/>` +
    `<${v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${v}:textbox>` +
    `<${x}:ClientData ObjectType="Note"><${x}:MoveWithCells/><${x}:SizeWithCells/><${x}:Anchor>${c + 1}, 15, ${top}, 2, ${c + 4}, 15, ${top + rows}, 2</${x}:Anchor>` +
    `<${x}:AutoFill>False</${x}:AutoFill><${x}:Row>${r}</${x}:Row><${x}:Column>${c}</${x}:Column></${x}:ClientData></${v}:shape>`
  );
}
