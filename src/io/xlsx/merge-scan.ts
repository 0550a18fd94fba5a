import type { MergeRange } from '../../core/types.js';
import { parseRange } from '../../ooxml/cell-ref.js';
import { localName, scanOpenTags } from '../../ooxml/xml-tokenizer.js';

// After the caller stops a sheet early (header search), the rest of sheetData is no longer
// SAX-parsed — that is most of the cost — but <mergeCells>, which comes after it, is still
// wanted for two-row headers. So the remaining bytes are only searched for that element.
// A match is safe: "<" cannot appear raw in text or attribute values, so "<mergeCells"
// (optionally "<x:mergeCells") is markup.

const OPEN = ascii('mergeCells');
const CLOSE = ascii('mergeCells>');
const OVERLAP = 64; // a prefix + the marker, kept across chunk boundaries
const MAX_COLLECT = 64 * 1024 * 1024;

export class MergeScanner {
  private carry: Uint8Array = new Uint8Array(0);
  private collected: Uint8Array[] = [];
  private collectedBytes = 0;
  private state: 'seek' | 'collect' | 'done' = 'seek';
  private closeSearchFrom = 0;

  /** Feeds more sheet bytes; returns true once the element is complete (stop feeding). */
  push(chunk: Uint8Array): boolean {
    if (this.state === 'done') return true;
    if (this.state === 'seek') {
      const buf = concat(this.carry, chunk);
      let from = 0;
      for (;;) {
        const at = indexOf(buf, OPEN, from);
        if (at < 0) break;
        const lt = markupStart(buf, at);
        if (lt >= 0) {
          this.state = 'collect';
          const rest = buf.subarray(lt);
          this.collected.push(rest.slice());
          this.collectedBytes = rest.length;
          this.closeSearchFrom = at - lt + 1; // `<mergeCells>` itself ends in "mergeCells>"
          return this.checkClosed();
        }
        from = at + 1;
      }
      this.carry = buf.slice(Math.max(0, buf.length - OVERLAP));
      return false;
    }
    this.collected.push(chunk.slice());
    this.collectedBytes += chunk.length;
    return this.checkClosed();
  }

  /** The merges found (empty when the sheet has none). */
  result(): MergeRange[] {
    const text = new TextDecoder().decode(concatAll(this.collected));
    const merges: MergeRange[] = [];
    try {
      scanOpenTags(text, (name, attr) => {
        const r = localName(name) === 'mergeCell' ? mergeRangeOf(attr('ref') ?? '') : null;
        if (r) merges.push(r);
      });
    } catch {
      // A cut-off element (the collect limit was reached): the merges found so far stand.
    }
    return merges;
  }

  private checkClosed(): boolean {
    const all = concatAll(this.collected);
    this.collected = [all];
    const closeAt = indexOf(all, CLOSE, this.closeSearchFrom);
    const selfClosed = isSelfClosingOpenTag(all);
    if (closeAt >= 0 || selfClosed || this.collectedBytes > MAX_COLLECT) {
      if (closeAt >= 0) this.collected = [all.subarray(0, closeAt + CLOSE.length)];
      this.state = 'done';
      return true;
    }
    this.closeSearchFrom = Math.max(this.closeSearchFrom, all.length - CLOSE.length);
    return false;
  }
}

/** `<mergeCells count="0"/>`: the open tag ends with "/>". */
function isSelfClosingOpenTag(b: Uint8Array): boolean {
  const gt = b.indexOf(0x3e);
  return gt > 0 && b[gt - 1] === 0x2f;
}

/** Index of the "<" that opens the tag whose local name starts at `at`, or -1 if not markup. */
function markupStart(b: Uint8Array, at: number): number {
  let j = at - 1;
  if (b[j] === 0x3c) return j;
  if (b[j] !== 0x3a) return -1; // ':'
  j--;
  while (j >= 0 && isNameByte(b[j]!)) j--;
  return j >= 0 && b[j] === 0x3c && j < at - 2 ? j : -1;
}

function isNameByte(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(needle, from);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatAll(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function ascii(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** A merge's `ref` as the reader reports it (1-based rows and columns), null when malformed. */
export function mergeRangeOf(ref: string): MergeRange | null {
  const r = parseRange(ref);
  if (!r || r.top < 1) return null;
  return { top: r.top, left: r.left + 1, bottom: r.bottom, right: r.right + 1 };
}
