// Small string-level XML helpers for patching OOXML parts in place. We splice text instead of
// parsing to a tree and re-serialising, so every byte we do not mean to change stays as it was.

import { decodeEntities, escapeXml } from '../ooxml/xml-text.js';

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

/** Offset of the `>` that ends the tag starting at `lt`, honouring quoted attribute values. */
export function tagEnd(xml: string, lt: number): number {
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

function skipSpecial(xml: string, i: number): number {
  if (xml.startsWith('<!--', i)) {
    const e = xml.indexOf('-->', i + 4);
    return e < 0 ? xml.length : e + 3;
  }
  if (xml.startsWith('<![CDATA[', i)) {
    const e = xml.indexOf(']]>', i + 9);
    return e < 0 ? xml.length : e + 3;
  }
  if (xml.startsWith('<?', i)) {
    const e = xml.indexOf('?>', i + 2);
    return e < 0 ? xml.length : e + 2;
  }
  if (xml.startsWith('<!', i)) {
    const e = tagEnd(xml, i);
    return e < 0 ? xml.length : e + 1;
  }
  return -1;
}

/** The direct child elements between `from` and `to` (e.g. the content of a parent element). */
export function scanChildren(xml: string, from = 0, to = xml.length): XmlElement[] {
  const out: XmlElement[] = [];
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const special = skipSpecial(xml, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    if (xml[lt + 1] === '/') {
      // A close tag at our level: the caller's range ends here.
      break;
    }
    const el = readElement(xml, lt);
    if (!el) break;
    out.push(el);
    i = el.end;
  }
  return out;
}

/** Reads the element whose open tag starts at `lt`, finding its matching close tag. */
export function readElement(xml: string, lt: number): XmlElement | null {
  const gt = tagEnd(xml, lt);
  if (gt < 0) return null;
  const openTag = xml.slice(lt, gt + 1);
  const m = /^<([^\s/>]+)/.exec(openTag);
  if (!m) return null;
  const name = m[1]!;
  const local = name.slice(name.indexOf(':') + 1);
  if (openTag.endsWith('/>')) {
    return { name, local, start: lt, openEnd: gt + 1, end: gt + 1, selfClosing: true, openTag };
  }
  // Walk forward counting nested elements of any name.
  let depth = 1;
  let i = gt + 1;
  while (i < xml.length) {
    const next = xml.indexOf('<', i);
    if (next < 0) return null;
    const special = skipSpecial(xml, next);
    if (special >= 0) {
      i = special;
      continue;
    }
    const e = tagEnd(xml, next);
    if (e < 0) return null;
    if (xml[next + 1] === '/') {
      depth--;
      if (depth === 0) return { name, local, start: lt, openEnd: gt + 1, end: e + 1, selfClosing: false, openTag };
    } else if (xml[e - 1] !== '/') depth++;
    i = e + 1;
  }
  return null;
}

/** First element with this local name anywhere at or after `from` (any prefix). */
export function findElement(xml: string, local: string, from = 0): XmlElement | null {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  return readElement(xml, m.index);
}

/** Attributes of an open tag, values unescaped. */
export function parseAttrs(openTag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=<>/"']+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const body = openTag.replace(/^<[^\s/>]+/, '');
  for (let m = re.exec(body); m; m = re.exec(body)) attrs.set(m[1]!, decodeEntities(m[3] ?? m[4] ?? ''));
  return attrs;
}

const attrRes = new Map<string, RegExp>();

export function getAttr(openTag: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrRes.set(name, re);
  }
  const m = re.exec(openTag);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : undefined;
}

/** Sets (or with `undefined`, removes) an attribute on an open tag, keeping everything else. */
const setRes = new Map<string, RegExp>();

export function setAttr(openTag: string, name: string, value: string | undefined): string {
  let re = setRes.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
    setRes.set(name, re);
  }
  if (re.test(openTag)) {
    return openTag.replace(re, value === undefined ? '' : ` ${name}="${escapeXml(value)}"`);
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

/** The prefix of a qualified element name, with its colon (`x:` for `x:row`, '' for `row`). */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** Concatenated text of every `<t>` in a fragment (rich-text runs), skipping phonetic `<rPh>`. */
export function textOfRuns(fragment: string): string {
  const noPh = fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(noPh); m; m = re.exec(noPh)) out += decodeEntities(m[1] ?? '');
  return out.replace(/_x000[dD]_/g, '\r');
}

