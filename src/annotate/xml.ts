// Small XML helpers for patching OOXML parts in place. Elements and attributes are found by the one
// tokenizer (src/ooxml/xml-tokenizer.ts), which reports each tag's offsets; patches splice the text
// at those offsets instead of re-serialising a tree, so every byte we do not mean to change stays.

import { decodeEntities, escapeXml } from '../ooxml/xml-text.js';
import { localName, XmlScanner, type ScanHandler } from '../ooxml/xml-tokenizer.js';

/** An element found by `scanChildren`: offsets into the scanned string. */
export interface XmlElement {
  /** Qualified name as written, e.g. `x:row`. */
  name: string;
  /** Name without prefix. */
  local: string;
  start: number;
  /** Offset just after the open tag's `>`. */
  openEnd: number;
  /** Offset just after the element (its close tag, or the open tag when self-closing). */
  end: number;
  selfClosing: boolean;
  /** The open tag, `<name …>` or `<name …/>`. */
  openTag: string;
}

/** Markup whose end is a fixed string, not the first unquoted `>`. */
const DELIMITED = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
] as const;

/**
 * Offset of the `>` that ends the markup starting at `lt` (a tag, honouring quoted attribute
 * values; a comment, CDATA section or processing instruction, at its own end); -1 when it is not
 * complete yet. The streaming sheet splitter uses it on partial text, where the tokenizer would
 * wait for more.
 */
export function tagEnd(xml: string, lt: number): number {
  for (const [open, close] of DELIMITED) {
    if (!xml.startsWith(open, lt)) continue;
    const at = xml.indexOf(close, lt + open.length);
    return at < 0 ? -1 : at + close.length - 1;
  }
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

type TagHandler = Pick<ScanHandler, 'open'> & Partial<Pick<ScanHandler, 'close'>>;

/**
 * Runs the tokenizer over `xml` from `from` (its offsets count from there), tags only; `loose`
 * for look-ups that do not depend on nesting (open tags; VML, whose `<br>` Excel leaves unclosed).
 */
function scan(xml: string, from: number, handler: (scanner: XmlScanner) => TagHandler, loose = false): void {
  const h: ScanHandler = { wantText: false, text() {}, open() {}, close() {} };
  const scanner = new XmlScanner(h, { fragment: true, loose });
  Object.assign(h, handler(scanner));
  scanner.write(from === 0 ? xml : xml.slice(from));
}

/**
 * Collects elements from `from` on: `want` picks the open tags (at any depth when `deep`, else only
 * direct children) and each picked element is completed at its matching close tag. The scan ends
 * at a close tag of the level it started on, at `to`, or when `take` elements are complete; an
 * element left unclosed at the end of the text is not returned.
 */
function collect(xml: string, from: number, to: number, want: (local: string) => boolean, deep: boolean, take = Infinity): XmlElement[] {
  const out: XmlElement[] = [];
  let depth = 0;
  let current: { el: XmlElement; depth: number } | null = null;
  scan(xml, from, (scanner) => ({
    open(name, selfClosing) {
      const start = from + scanner.tagStart;
      if (start >= to) return scanner.stop();
      depth++;
      if (current || (!deep && depth > 1)) return;
      const local = localName(name);
      if (!want(local)) return;
      const openEnd = from + scanner.tagEnd;
      const openTag = xml.slice(start, openEnd);
      // The tokenizer reports an empty tag's close at once; `end` is set there.
      current = { el: { name, local, start, openEnd, end: openEnd, selfClosing, openTag }, depth };
    },
    close() {
      if (depth === 0) {
        // A close tag of the level the scan started on: the caller's range ends here.
        if (!deep) scanner.stop();
        return;
      }
      if (current && current.depth === depth) {
        current.el.end = from + scanner.tagEnd;
        out.push(current.el);
        current = null;
        if (out.length >= take) scanner.stop();
      }
      depth--;
    },
  }));
  return out;
}

/** The direct child elements between `from` and `to` (e.g. the content of a parent element). */
export function scanChildren(xml: string, from = 0, to = xml.length): XmlElement[] {
  return collect(xml, from, to, () => true, false);
}

/** Reads the element whose open tag starts at `lt`, finding its matching close tag. */
export function readElement(xml: string, lt: number): XmlElement | null {
  const el = collect(xml, lt, xml.length, () => true, false, 1)[0];
  return el?.start === lt ? el : null;
}

/** First element with this local name anywhere at or after `from` (any prefix). */
export function findElement(xml: string, local: string, from = 0): XmlElement | null {
  return collect(xml, from, xml.length, (l) => l === local, true, 1)[0] ?? null;
}

/** Every element with this local name (any prefix, not nested in another one found), in order. */
export function findElements(xml: string, local: string, from = 0): XmlElement[] {
  return collect(xml, from, xml.length, (l) => l === local, true);
}

/**
 * `xml` with every element of this local name (see `findElements`) replaced by what `edit` returns
 * for it (its text as found, to keep it).
 */
export function replaceElements(xml: string, local: string, edit: (el: XmlElement, text: string) => string): string {
  return spliceElements(xml, findElements(xml, local), edit);
}

/** `xml` with each of `els` (in document order, not overlapping) replaced by what `edit` returns for it, called in order. */
export function spliceElements(xml: string, els: readonly XmlElement[], edit: (el: XmlElement, text: string) => string): string {
  const out: string[] = [];
  let at = 0;
  for (const el of els) {
    out.push(xml.slice(at, el.start), edit(el, xml.slice(el.start, el.end)));
    at = el.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}

/**
 * Every element whose qualified name is `qname`, each ending at the next close tag of that name
 * rather than at its matching depth: for VML, where Excel leaves `<br>` unclosed inside a shape.
 */
export function findElementsByName(xml: string, qname: string): XmlElement[] {
  const out: XmlElement[] = [];
  let current: XmlElement | null = null;
  scan(xml, 0, (scanner) => ({
    open(name, selfClosing) {
      if (current || name !== qname) return;
      const start = scanner.tagStart;
      const openEnd = scanner.tagEnd;
      current = { name, local: localName(name), start, openEnd, end: openEnd, selfClosing, openTag: xml.slice(start, openEnd) };
    },
    close(name) {
      if (!current || name !== qname) return;
      current.end = scanner.tagEnd;
      out.push(current);
      current = null;
    },
  }), true);
  return out;
}

/** An open tag found on its own: its element may not be complete in the text (e.g. a sheet's head). */
export type OpenTag = Pick<XmlElement, 'name' | 'local' | 'start' | 'openEnd' | 'selfClosing' | 'openTag'>;

/** The open tags with this local name (any prefix, any depth) from `from` on, at most `take`. */
export function findOpenTags(xml: string, local: string, from = 0, take = Infinity): OpenTag[] {
  const out: OpenTag[] = [];
  scan(xml, from, (scanner) => ({
    open(name, selfClosing) {
      if (localName(name) !== local) return;
      const start = from + scanner.tagStart;
      const openEnd = from + scanner.tagEnd;
      out.push({ name, local, start, openEnd, selfClosing, openTag: xml.slice(start, openEnd) });
      if (out.length >= take) scanner.stop();
    },
  }), true);
  return out;
}

/** The first open tag with this local name at or after `from`, whether or not its element ends in the text. */
export function findOpenTag(xml: string, local: string, from = 0): OpenTag | null {
  return findOpenTags(xml, local, from, 1)[0] ?? null;
}

/** The first open tag of a fragment (e.g. an `<xf>` taken from styles.xml), or null. */
export function firstTag(fragment: string): OpenTag | null {
  let tag: OpenTag | null = null;
  scan(fragment, 0, (scanner) => ({
    open(name, selfClosing) {
      const start = scanner.tagStart;
      const openEnd = scanner.tagEnd;
      tag = { name, local: localName(name), start, openEnd, selfClosing, openTag: fragment.slice(start, openEnd) };
      scanner.stop();
    },
  }), true);
  return tag;
}

/** An empty element's tag `<a …/>` opened to hold `content`: `<a …>content</a>`. */
export function withContent(emptyTag: string, content: string): string {
  return `${emptyTag.slice(0, -2).trimEnd()}>${content}</${firstTag(emptyTag)?.name ?? ''}>`;
}

/** A close tag, with offsets as in `XmlElement`. */
export interface CloseTag {
  name: string;
  local: string;
  start: number;
  end: number;
}

/**
 * The close tags in a fragment that end elements opened before it, in order: for a worksheet's
 * tail, its `</sheetData>` (when the tail starts there) and `</worksheet>`.
 */
export function unmatchedCloseTags(xml: string): CloseTag[] {
  const out: CloseTag[] = [];
  let depth = 0;
  scan(xml, 0, (scanner) => ({
    open() {
      depth++;
    },
    close(name) {
      if (depth > 0) depth--;
      else out.push({ name, local: localName(name), start: scanner.tagStart, end: scanner.tagEnd });
    },
  }));
  return out;
}

/**
 * The tags of a fragment, concatenated, with the text and blanks between them left out: compares
 * element-only content (an xf's children) however it is indented.
 */
export function tagsOnly(fragment: string): string {
  const out: string[] = [];
  // An empty tag is reported as an open and a close with one span: it is kept once.
  let empty = false;
  scan(fragment, 0, (scanner) => ({
    open(_name, selfClosing) {
      out.push(fragment.slice(scanner.tagStart, scanner.tagEnd));
      empty = selfClosing;
    },
    close() {
      if (!empty) out.push(fragment.slice(scanner.tagStart, scanner.tagEnd));
      empty = false;
    },
  }));
  return out.join('');
}

/** Offset just after the open tag at `lt` (or -1): where an element's content begins. */
export function openTagEnd(xml: string, lt = 0): number {
  let end = -1;
  scan(xml, lt, (scanner) => ({
    open() {
      if (scanner.tagStart === 0) end = lt + scanner.tagEnd;
      scanner.stop();
    },
    close() {
      scanner.stop();
    },
  }));
  return end;
}

/**
 * Decoded text of the first element with this local name in a fragment, or undefined (e.g. a
 * cell's `<v>`); `loose` for VML (see `scan`).
 */
export function elementText(fragment: string, local: string, loose = false): string | undefined {
  let depth = 0;
  let text: string | undefined;
  const h: ScanHandler = {
    wantText: false,
    open(name, selfClosing) {
      if (depth > 0) depth++;
      else if (localName(name) === local) {
        text = '';
        if (selfClosing) scanner.stop();
        else depth = 1;
      }
      h.wantText = depth === 1;
    },
    close() {
      if (depth === 0) return;
      if (--depth === 0) scanner.stop();
      h.wantText = depth === 1;
    },
    text(t) {
      text += t;
    },
  };
  const scanner = new XmlScanner(h, { fragment: true, loose });
  scanner.write(fragment);
  return text;
}

// One scanner for single tags: getAttr/setAttr run for every edited cell of a roster.
let tagSeen = false;
const tagScanner: XmlScanner = new XmlScanner({
  wantText: false,
  text() {},
  close() {},
  open() {
    tagSeen = true;
    tagScanner.stop();
  },
});

/** Reads the first tag of `openTag` with the tokenizer; undefined when it has none. */
function withTag<T>(openTag: string, read: (scanner: XmlScanner) => T): T | undefined {
  tagSeen = false;
  tagScanner.reset();
  tagScanner.write(openTag);
  return tagSeen ? read(tagScanner) : undefined;
}

/** Attributes of an open tag, values unescaped. */
export function parseAttrs(openTag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  withTag(openTag, (sc) => {
    sc.attrNames().forEach((name, i) => attrs.set(name, decodeEntities(sc.buffer.slice(sc.valueStart(i), sc.valueEnd(i)))));
  });
  return attrs;
}

export function getAttr(openTag: string, name: string): string | undefined {
  const quick = plainAttr(openTag, name);
  if (quick === null) return undefined;
  if (quick !== undefined) {
    const raw = openTag.slice(quick[2], quick[3]);
    return raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
  }
  return withTag(openTag, (sc) => sc.attr(name));
}

/**
 * Where attribute `name` is in a plainly written tag, as the tokenizer would find it: [name start,
 * after its closing quote, value start, value end]; null when the tag has no such attribute;
 * undefined when the tag is written otherwise (single quotes, blanks other than one space before the
 * name or around '=', the name's letters earlier in the tag, '>' in a value) and the tokenizer must
 * read it. The annotated copy reads and sets a few attributes on every row of the roster: going
 * through the tokenizer each time was 3 % of a 10 000-row run (bench/results.md, session 6).
 */
export function plainAttr(tag: string, name: string): [number, number, number, number] | null | undefined {
  if (tag.length > 512 || tag.charCodeAt(0) !== 60 /* < */) return undefined;
  const gt = tag.indexOf('>');
  if (gt < 0) return undefined;
  const apos = tag.indexOf("'");
  if (apos >= 0 && apos < gt) return undefined;
  // An odd number of quotes before the first '>' means it is inside a value.
  let quotes = 0;
  for (let q = tag.indexOf('"'); q >= 0 && q < gt; q = tag.indexOf('"', q + 1)) quotes++;
  if (quotes % 2 !== 0) return undefined;
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0 || at > gt) {
    const any = tag.indexOf(name);
    return any >= 0 && any < gt ? undefined : null;
  }
  // The name's first appearance must be this one (not a duplicate after a tab, nor inside a value).
  if (tag.indexOf(name) !== at + 1) return undefined;
  quotes = 0;
  for (let q = tag.indexOf('"'); q >= 0 && q < at; q = tag.indexOf('"', q + 1)) quotes++;
  if (quotes % 2 !== 0) return undefined;
  const valueStart = at + key.length;
  const valueEnd = tag.indexOf('"', valueStart);
  return valueEnd < 0 || valueEnd > gt ? undefined : [at + 1, valueEnd + 1, valueStart, valueEnd];
}

/** Sets (or with `undefined`, removes) an attribute on an open tag, keeping everything else. */
export function setAttr(openTag: string, name: string, value: string | undefined): string {
  const quick = plainAttr(openTag, name);
  const span =
    quick !== undefined
      ? quick && [quick[0], quick[1]]
      : withTag(openTag, (sc) => {
          const i = sc.attrIndex(name);
          return i < 0 ? null : [sc.attrStart(i), sc.attrEnd(i)];
        });
  if (span) {
    // The attribute with the blank before it is replaced, as one ` name="value"`.
    const [from, to] = span as [number, number];
    return `${openTag.slice(0, from - 1)}${value === undefined ? '' : ` ${name}="${escapeXml(value)}"`}${openTag.slice(to)}`;
  }
  if (value === undefined) return openTag;
  const close = openTag.endsWith('/>') ? openTag.length - 2 : openTag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(openTag[at - 1]!)) at--;
  return `${openTag.slice(0, at)} ${name}="${escapeXml(value)}"${openTag.slice(at)}`;
}

/** The namespace prefix (with colon, or '') bound to `uri` on an element's open tag. */
export function prefixFor(openTag: string, uri: string): string | null {
  for (const [k, v] of parseAttrs(openTag)) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return null;
}

/** The relationship id on an open tag: its `r:id`, whatever the prefix is called (the first prefixed `id`). */
export function relIdAttr(openTag: string): string | undefined {
  for (const [name, value] of parseAttrs(openTag)) if (name.includes(':') && localName(name) === 'id') return value;
  return undefined;
}

/** The prefix of a qualified element name, with its colon (`x:` for `x:row`, '' for `row`). */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/**
 * Concatenated text of every `<t>` in a fragment (rich-text runs), skipping phonetic `<rPh>`;
 * `textLocal` names another text element read the same way (`author`, a property's `lpwstr`).
 */
export function textOfRuns(fragment: string, textLocal = 't'): string {
  let out = '';
  let inT = 0;
  let inPh = 0;
  const h: ScanHandler = {
    wantText: false,
    open(name, selfClosing) {
      if (selfClosing) return;
      const local = localName(name);
      if (local === 'rPh') inPh++;
      else if (local === textLocal) inT++;
      h.wantText = inT > 0 && inPh === 0;
    },
    close(name) {
      const local = localName(name);
      if (local === 'rPh') inPh = Math.max(0, inPh - 1);
      else if (local === textLocal) inT = Math.max(0, inT - 1);
      h.wantText = inT > 0 && inPh === 0;
    },
    text(text) {
      out += text;
    },
  };
  const scanner = new XmlScanner(h, { fragment: true });
  scanner.write(fragment);
  return out.replace(/_x000[dD]_/g, '\r');
}
