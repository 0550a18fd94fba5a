import type { Document, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { IssuePath } from './issues.js';

/** A stretch of the parsed text that came from one file (the bundled set appends part files). */
export interface Segment {
  file: string;
  /** 1-based line in the parsed text where the segment starts. */
  startLine: number;
  /** Line in `file` that `startLine` corresponds to. */
  fileLine: number;
  /** Lines the loader removed from the file at `removedAt` (its own `rules:` header). */
  removed?: { atLine: number; lines: number };
}

export interface Place {
  file: string;
  line: number;
  col: number;
  offset?: number;
}

/**
 * Maps a data path (`rules[7].params.minHours`) to where it is written. YAML and JSON both parse into
 * the same node tree with offsets, so one walker serves both. A path that is missing from the file
 * (a required field left out) lands on the nearest enclosing node that is there.
 */
export class SourceLocator {
  private readonly lineStarts: number[] = [0];

  constructor(
    text: string,
    private readonly doc: Document | undefined,
    private readonly segments: Segment[],
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Line and column of a character offset in the parsed text, mapped to its own file. */
  placeOffset(offset: number): Place {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { ...this.placeLine(lo + 1, offset - this.lineStarts[lo]! + 1), offset };
  }

  /** Maps a line of the parsed text to the file it came from. */
  placeLine(line: number, col: number): Place {
    let seg = this.segments[0]!;
    for (const s of this.segments) if (s.startLine <= line) seg = s;
    let fileLine = seg.fileLine + (line - seg.startLine);
    if (seg.removed && fileLine >= seg.removed.atLine) fileLine += seg.removed.lines;
    return { file: seg.file, line: fileLine, col };
  }

  /** Where `path` is written: the key of the deepest field found along it. */
  place(path: IssuePath): Place | undefined {
    const contents = this.doc?.contents;
    if (!contents) return undefined;
    let node: unknown = contents;
    let offset = (contents).range?.[0];
    const { isAlias, isMap, isPair, isSeq } = yamlLib();
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(seg));
        if (!pair) break;
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) offset = keyRange[0];
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        if (item.range) offset = item.range[0];
        node = item;
      } else {
        break;
      }
    }
    return offset === undefined ? undefined : this.placeOffset(offset);
  }
}

function keyOf(key: unknown): string | undefined {
  if (yamlLib().isScalar(key)) return String(key.value);
  return undefined;
}
