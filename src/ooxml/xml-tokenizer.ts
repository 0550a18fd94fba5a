import { decodeEntities } from './xml-text.js';

// The one XML tokenizer for the parts we parse ourselves: a small, fast push scanner. On the
// big parts (88 MB of sheet XML for 100 000 rows × 25 columns) a validating SAX parser such as
// saxes, which checks every character against the grammar and builds an attribute object per
// tag, alone cost more CPU than the whole read does with this scanner. It only finds markup and
// is lenient with malformed input — acceptable because every entry is CRC-checked;
// test/ooxml/xml-tokenizer.test.ts checks it against saxes.
//
// Handles: start/end/empty tags with ' or " attributes (`>` allowed inside values); text with
// the five named entities and numeric references, CRLF read as LF as XML requires; CDATA;
// comments; processing instructions; a DOCTYPE (skipped, entity declarations not expanded).
// Text split across chunks is delivered in pieces; a tag or an entity split across chunks is
// carried over whole.

export interface ScanHandler {
  /** Called for start and empty-element tags; read attributes with `scanner.attr()`. */
  open(name: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Only called while `wantText` is true — skipping unwanted text avoids substring churn. */
  text(text: string): void;
  wantText: boolean;
}

/** Longest tag, comment, CDATA section or DOCTYPE accepted (Excel's are far shorter). */
const MAX_MARKUP = 1 << 20;
/** Longest entity reference carried over to the next chunk ("&#x10FFFF;" is 10). */
const MAX_REF = 12;

export class XmlScanner {
  private pending = '';
  /** The buffer the current tag lives in, and its attributes as [nameStart, nameEnd, valueStart, valueEnd]. */
  private buf = '';
  private spans: number[] = [];
  private count = 0;
  private closed = false;
  private stopped = false;
  /** Document offset of `buf[0]`, and how many characters were written so far. */
  private origin = 0;
  private fed = 0;
  /** The current tag's span in `buf`: its `<` and just after its `>`. */
  private start = 0;
  private end = 0;
  /** Names of the elements open now, outermost first. */
  private readonly openElements: string[] = [];

  /**
   * `fragment`: the text is a piece cut out of a part (the annotator's patches scan from an
   * element's content on), so it may end an element it did not open; nesting is still checked
   * inside it. `loose`: end tags are not matched with start tags at all, for VML, which Excel
   * writes like HTML (a `<br>` left unclosed inside a note's box).
   */
  constructor(
    private readonly h: ScanHandler,
    private readonly options: { fragment?: boolean; loose?: boolean } = {},
  ) {}

  /**
   * Value of attribute `name` on the tag being reported by `open`, or undefined. Attributes
   * are only sliced out of the buffer when asked for: most (spans, x14ac:dyDescent…) never are.
   */
  attr(name: string): string | undefined {
    const sp = this.spans;
    const len = name.length;
    for (let i = 0, k = 0; i < this.count; i++, k += 4) {
      const ns = sp[k]!;
      if (sp[k + 1]! - ns === len && this.buf.startsWith(name, ns)) {
        const raw = this.buf.slice(sp[k + 2], sp[k + 3]);
        return raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
      }
    }
    return undefined;
  }

  /** Names of the attributes on the tag being reported by `open`, in document order. */
  attrNames(): string[] {
    const names: string[] = [];
    for (let i = 0, k = 0; i < this.count; i++, k += 4) names.push(this.buf.slice(this.spans[k], this.spans[k + 1]));
    return names;
  }

  /**
   * Hot-path access without slicing: index of attribute `name` (or -1); its value is
   * `buffer` from `valueStart(i)` to `valueEnd(i)`, still entity-encoded.
   */
  attrIndex(name: string): number {
    const sp = this.spans;
    const len = name.length;
    for (let i = 0, k = 0; i < this.count; i++, k += 4) {
      const ns = sp[k]!;
      if (sp[k + 1]! - ns === len && this.buf.startsWith(name, ns)) return i;
    }
    return -1;
  }

  get buffer(): string {
    return this.buf;
  }

  /**
   * Document offsets (characters from the start of everything written) of the tag being reported
   * by `open` or `close`: its `<`, and just after its `>`. An empty tag's `close` reports the same
   * span as its `open`. Patchers splice the original text at these offsets.
   */
  get tagStart(): number {
    return this.origin + this.start;
  }

  get tagEnd(): number {
    return this.origin + this.end;
  }

  /** Document offsets of attribute `i`'s name (from `attrIndex`) and just after its closing quote. */
  attrStart(i: number): number {
    return this.origin + this.spans[i * 4]!;
  }

  attrEnd(i: number): number {
    return this.origin + this.spans[i * 4 + 3]! + 1;
  }

  /** Ends the scan after the current handler call: the rest of the input is ignored. */
  stop(): void {
    this.stopped = true;
  }

  /** Ready for a new document (the annotator reads thousands of single tags with one scanner). */
  reset(): void {
    this.pending = '';
    this.count = 0;
    this.closed = false;
    this.stopped = false;
    this.origin = 0;
    this.fed = 0;
    this.openElements.length = 0;
  }

  valueStart(i: number): number {
    return this.spans[i * 4 + 2]!;
  }

  valueEnd(i: number): number {
    return this.spans[i * 4 + 3]!;
  }

  write(chunk: string): void {
    if (this.closed) throw new Error('write after close');
    if (this.stopped) return;
    const buf = this.pending.length > 0 ? this.pending + chunk : chunk;
    this.origin = this.fed - this.pending.length;
    this.fed += chunk.length;
    this.pending = '';
    const n = buf.length;
    const h = this.h;
    let pos = 0;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Trailing text: deliver it unless it may end inside an entity reference.
        // Only a short tail can be an unfinished reference: a long '&' run is plain (bad) text,
        // and carrying it over would rescan it with every chunk.
        const amp = buf.lastIndexOf('&');
        let cut = amp >= pos && n - amp <= MAX_REF && buf.indexOf(';', amp) < 0 ? amp : n;
        if (cut > pos && buf.charCodeAt(cut - 1) === 13) cut--; // a CR whose LF may come next
        if (cut > pos && h.wantText) h.text(textOf(buf.slice(pos, cut)));
        this.pending = buf.slice(cut);
        return;
      }
      if (lt > pos && h.wantText) h.text(textOf(buf.slice(pos, lt)));
      const end = this.markup(buf, lt);
      if (end < 0) {
        // Incomplete markup is carried over and rescanned with the next chunk: bound it, or a
        // huge attribute, tag or comment makes every chunk rescan all of it (quadratic time).
        if (n - lt > MAX_MARKUP) throw new Error('a tag, comment or CDATA section longer than 1 MiB');
        this.pending = buf.slice(lt);
        return;
      }
      pos = end;
      if (this.stopped) return;
    }
  }

  close(): void {
    if (this.stopped) {
      this.closed = true;
      return;
    }
    if (this.pending.trim().length > 0) throw new Error('unexpected end of XML');
    const open = this.openElements.at(-1);
    if (open !== undefined) throw new Error(`unexpected end of XML: <${open}> is not closed`);
    this.closed = true;
  }

  // Lenient as the scanner is, elements must nest: a mismatched or missing end tag means the
  // part is damaged, and reading on would silently lose or misplace rows.
  private closeElement(name: string): void {
    if (this.options.loose) return;
    const open = this.openElements.pop();
    if (open === undefined && this.options.fragment) return;
    if (open !== name) throw new Error(open === undefined ? `end tag </${name}> without a start tag` : `end tag </${name}> where </${open}> was expected`);
  }

  /** Processes the markup starting at `lt`; returns the index after it, or -1 if incomplete. */
  private markup(buf: string, lt: number): number {
    const c1 = buf.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      const gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      this.start = lt;
      this.end = gt + 1;
      const name = tagName(buf, lt + 2, gt);
      this.closeElement(name);
      this.h.close(name);
      return gt + 1;
    }
    if (c1 === 63 /* ? */) {
      const e = buf.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (c1 === 33 /* ! */) {
      if (buf.startsWith('<!--', lt)) {
        const e = buf.indexOf('-->', lt + 4);
        return e < 0 ? -1 : e + 3;
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        const e = buf.indexOf(']]>', lt + 9);
        if (e < 0) return -1;
        if (this.h.wantText) {
          const raw = buf.slice(lt + 9, e);
          this.h.text(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
        }
        return e + 3;
      }
      // <!DOCTYPE …> possibly with an internal subset in [ ].
      const gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      const br = buf.indexOf('[', lt + 2);
      if (br >= 0 && br < gt) {
        const e = buf.indexOf(']>', br);
        return e < 0 ? -1 : e + 2;
      }
      return gt + 1;
    }
    if (lt + 1 >= buf.length) return -1;
    return this.startTag(buf, lt);
  }

  private startTag(buf: string, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 62 || c === 47 || c <= 32) break;
      i++;
    }
    if (i >= n) return -1;
    const name = tagName(buf, lt + 1, i);
    this.buf = buf;
    const sp = this.spans;
    let count = 0;
    for (;;) {
      let c = buf.charCodeAt(i);
      while (c <= 32 && i < n) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c === 62 /* > */) {
        this.count = count;
        this.start = lt;
        this.end = i + 1;
        if (!this.options.loose) this.openElements.push(name);
        this.h.open(name, false);
        return i + 1;
      }
      if (c === 47 /* / */) {
        if (i + 1 >= n) return -1;
        this.count = count;
        this.start = lt;
        this.end = buf.charCodeAt(i + 1) === 62 ? i + 2 : i + 1;
        this.h.open(name, true);
        this.h.close(name);
        return this.end;
      }
      // Attribute name up to '='; a '>' first means a malformed tag: end it there, leniently.
      let eq = i;
      while (eq < n) {
        const d = buf.charCodeAt(eq);
        if (d === 61 /* = */ || d === 62) break;
        eq++;
      }
      if (eq >= n) return -1;
      if (buf.charCodeAt(eq) === 62) {
        this.count = count;
        this.start = lt;
        this.end = eq + 1;
        if (!this.options.loose) this.openElements.push(name);
        this.h.open(name, false);
        return eq + 1;
      }
      let nameEnd = eq;
      while (nameEnd > i && buf.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let q = eq + 1;
      while (q < n && buf.charCodeAt(q) <= 32) q++;
      if (q >= n) return -1;
      const close = buf.indexOf(buf[q]!, q + 1);
      if (close < 0) return -1;
      const k = count * 4;
      sp[k] = i;
      sp[k + 1] = nameEnd;
      sp[k + 2] = q + 1;
      sp[k + 3] = close;
      count++;
      i = close + 1;
    }
  }
}

// Interned names for the tags met millions of times, so they are not re-allocated per tag.
const ONE_CHAR = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

function tagName(buf: string, start: number, end: number): string {
  while (end > start && buf.charCodeAt(end - 1) <= 32) end--;
  const len = end - start;
  if (len === 1) {
    const c = buf.charCodeAt(start);
    if (c < 128) return ONE_CHAR[c]!;
  } else if (len === 3 && buf.startsWith('row', start)) return 'row';
  return buf.slice(start, end);
}

/** Character data as XML defines it: line ends normalised to LF, then references decoded. */
function textOf(raw: string): string {
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return s.indexOf('&') < 0 ? s : decodeEntities(s);
}

/** Tag name without its namespace prefix: some writers emit `<x:row>` everywhere. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Calls `onOpen` for every start or empty tag of a whole (small) part, with its attributes. */
export function scanOpenTags(xml: string, onOpen: (name: string, attr: (name: string) => string | undefined) => void): void {
  const attr = (name: string): string | undefined => scanner.attr(name);
  const scanner: XmlScanner = new XmlScanner({ wantText: false, text() {}, close() {}, open: (name) => onOpen(name, attr) });
  scanner.write(xml);
  scanner.close();
}
