import type { Severity, Status } from '../core/types.js';
import { findElement, findOpenTag, firstTag, getAttr, parseAttrs, prefixOf, scanChildren, setAttr, tagsOnly, withContent, type XmlElement } from './xml.js';
import { XML_DECL } from '../ooxml/xml-text.js';
import { PackageError } from '../ooxml/package-error.js';

// Patches styles.xml: our fills and fonts are appended to <fills>/<fonts>, and cell formats
// (xf) are cloned from the cell's own xf with only the fill (or alignment) changed, so a flagged
// cell keeps its font, border and number format. Existing entries are never changed or moved.
// Where our fill covers the user's own fill, our fill carries a tag (its background colour, unseen
// under a solid pattern) and the marker keeps the user's fill under that tag: a re-screen puts it
// back even when Excel or WPS renumbered the styles on saving.

/** Our colours. A solid fill in one of these marks an xf we made (used when re-screening). */
export const FILL_RGB = {
  error: 'FFFFC9C9',
  warn: 'FFFFE3A3',
  pass: 'FFCFEFD0',
  header: 'FFEDEDED',
} as const;
export type FillKind = keyof typeof FILL_RGB;
const OUR_RGBS = new Set<string>([FILL_RGB.error, FILL_RGB.warn, FILL_RGB.pass]);

export function fillForSeverity(s: Severity): FillKind | null {
  return s === 'error' ? 'error' : s === 'warn' ? 'warn' : null;
}

export function fillForStatus(s: Status): FillKind {
  return s === 'fail' ? 'error' : s === 'review' ? 'warn' : 'pass';
}

const MINIMAL_STYLES = `${XML_DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

interface Section {
  el: XmlElement | null;
  items: string[];
  added: string[];
}

/** Alignment changes our cells get: the verdict centred, the reasons wrapped. */
const ALIGN = {
  center: { horizontal: 'center' },
  // Top-aligned so the first (most severe) reason shows even when the user's row height is fixed.
  wrap: { wrapText: '1', vertical: 'top' },
} as const;
export type AlignKind = keyof typeof ALIGN;

export class StylesPatch {
  readonly created: boolean;
  private xml: string;
  private readonly p: string;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly xfs: Section;
  private readonly fillCache = new Map<string, number>();
  private readonly xfCache = new Map<string, number>();
  private readonly restoreCache = new Map<number, number>();
  private readonly deriveCache = new Map<string, number>();
  private frozen = false;
  /** Every clone handed out this run: clone xf → the xf it was made from. */
  readonly clones = new Map<number, number>();
  /** The users' fills our fills cover, by tag: recorded in the marker. */
  readonly coveredFills = new Map<string, string>();
  /** Covered fills recorded by an earlier run (from its marker). */
  private recordedFills: ReadonlyMap<string, string> = new Map();

  constructor(xml: string | null) {
    this.created = xml === null;
    this.xml = xml ?? MINIMAL_STYLES;
    const root = findElement(this.xml, 'styleSheet');
    if (!root) throw new PackageError('styles.xml has no <styleSheet>');
    this.p = prefixOf(root.name);
    this.fonts = this.section('fonts', 'font');
    this.fills = this.section('fills', 'fill');
    this.xfs = this.section('cellXfs', 'xf');
    if (this.xfs.items.length === 0) this.xfs.added.push(`<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  private section(name: string, item: string): Section {
    const el = findElement(this.xml, name);
    const items = el && !el.selfClosing ? scanChildren(this.xml, el.openEnd, el.end).filter((e) => e.local === item).map((e) => this.xml.slice(e.start, e.end)) : [];
    return { el, items, added: [] };
  }

  get xfCount(): number {
    return this.xfs.items.length + this.xfs.added.length;
  }

  xf(i: number): string | undefined {
    return i < this.xfs.items.length ? this.xfs.items[i] : this.xfs.added[i - this.xfs.items.length];
  }

  private fill(i: number): string | undefined {
    return i < this.fills.items.length ? this.fills.items[i] : this.fills.added[i - this.fills.items.length];
  }

  /** Whether a fill is one of ours (solid, in one of our colours). */
  private isOurFill(fillId: number): boolean {
    const f = this.fill(fillId);
    const pattern = f ? findOpenTag(f, 'patternFill') : null;
    if (!f || !pattern || getAttr(pattern.openTag, 'patternType') !== 'solid') return false;
    const fg = colorOf(f, 'fgColor');
    return fg !== undefined && OUR_RGBS.has(fg);
  }

  /** Whether xf `i` carries one of our fills (a clone we made, possibly in an earlier run). */
  isOurXf(i: number): boolean {
    const x = this.xf(i);
    return x !== undefined && this.isOurFill(Number(getAttr(x, 'fillId') ?? 0));
  }

  /** Fills an earlier run covered (its marker's record), used by restore(). */
  useRecordedFills(fills: ReadonlyMap<string, string>): void {
    this.recordedFills = fills;
  }

  /** Our fill of a kind; over a user's fill (`covers`), one tagged with it (see the top). */
  fillId(kind: FillKind, covers = 0): number {
    const original = covers > 1 ? this.fill(covers) : undefined;
    const tag = original !== undefined && !this.isOurFill(covers) ? this.tagFor(original) : null;
    const key = `${kind}|${tag ?? ''}`;
    const cached = this.fillCache.get(key);
    if (cached !== undefined) return cached;
    const p = this.p;
    const bg = tag ? `rgb="${tag}"` : 'indexed="64"';
    const xml = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${FILL_RGB[kind]}"/><${p}bgColor ${bg}/></${p}patternFill></${p}fill>`;
    let id = [...this.fills.items, ...this.fills.added].indexOf(xml);
    if (id < 0) {
      this.fills.added.push(xml);
      id = this.fills.items.length + this.fills.added.length - 1;
    }
    this.fillCache.set(key, id);
    return id;
  }

  /** The tag of a user's fill we cover: an ARGB value unique to that fill in this run. */
  private tagFor(fillXml: string): string {
    for (const [tag, xml] of this.coveredFills) if (xml === fillXml) return tag;
    const tag = `FE${(this.coveredFills.size + 1).toString(16).toUpperCase().padStart(6, '0')}`;
    this.coveredFills.set(tag, fillXml);
    return tag;
  }

  /** Index of a fill with exactly this XML: an existing one, else appended. */
  private fillIdOf(xml: string): number {
    const id = [...this.fills.items, ...this.fills.added].indexOf(xml);
    if (id >= 0) return id;
    this.fills.added.push(xml);
    return this.fills.items.length + this.fills.added.length - 1;
  }

  private fontId(xml: string): number {
    let id = [...this.fonts.items, ...this.fonts.added].indexOf(xml);
    if (id < 0) {
      this.fonts.added.push(xml);
      id = this.fonts.items.length + this.fonts.added.length - 1;
    }
    return id;
  }

  /** Index of an xf with exactly this XML: an existing one, else appended. */
  private xfId(xml: string): number {
    const cached = this.xfCache.get(xml);
    if (cached !== undefined) return cached;
    let id = this.xfs.items.indexOf(xml);
    if (id < 0) {
      const k = this.xfs.added.indexOf(xml);
      if (k >= 0) id = this.xfs.items.length + k;
    }
    if (id < 0) {
      if (this.frozen) throw new Error('internal: a cell style was not prepared before styles.xml was written');
      this.xfs.added.push(xml);
      id = this.xfCount - 1;
    }
    this.xfCache.set(xml, id);
    return id;
  }

  private base(i: number): string {
    return this.xf(i) ?? this.xf(0) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  /** A clone of xf `base` with a fill and/or alignment changes; cached, deduplicated. */
  derive(base: number, change: { fill?: FillKind; align?: AlignKind }): number {
    const key = `${base}|${change.fill ?? ''}|${change.align ?? ''}`;
    const known = this.deriveCache.get(key);
    if (known !== undefined) return known;
    const id = this.deriveNew(base, change);
    this.deriveCache.set(key, id);
    return id;
  }

  private deriveNew(base: number, change: { fill?: FillKind; align?: AlignKind }): number {
    let x = this.base(base);
    if (change.fill) {
      let open = firstTag(x)!.openTag;
      const rest = x.slice(open.length);
      const covers = Number(getAttr(open, 'fillId') ?? 0);
      open = setAttr(setAttr(open, 'fillId', String(this.fillId(change.fill, covers))), 'applyFill', '1');
      x = open + rest;
    }
    if (change.align) x = withAlignment(x, ALIGN[change.align]);
    const id = this.xfId(x);
    if (id !== base) this.clones.set(id, base);
    return id;
  }

  /**
   * Undoes our fill on a cell style found in the sheet (re-screening): the xf it was cloned
   * from, by the recorded mapping when it still fits, else an xf identical but for the fill.
   */
  restore(i: number, recorded: ReadonlyMap<number, number>): number {
    let r = this.restoreCache.get(i);
    if (r === undefined) {
      r = this.findOriginal(i, recorded);
      this.restoreCache.set(i, r);
    }
    return r;
  }

  private findOriginal(i: number, recorded: ReadonlyMap<number, number>): number {
    if (!this.isOurXf(i)) return i;
    const self = this.xf(i)!;
    const want = keyWithoutFill(self);
    // Our fill covered the user's: put theirs back. First, as it holds even when the styles were
    // renumbered since (the recorded xf pairs then point at the wrong styles).
    const covered = this.coveredFillOf(Number(getAttr(self, 'fillId') ?? 0));
    if (covered !== undefined) {
      const open = firstTag(self)!.openTag;
      return this.xfId(setAttr(setAttr(open, 'fillId', String(this.fillIdOf(covered))), 'applyFill', '1') + self.slice(open.length));
    }
    const mapped = recorded.get(i);
    if (mapped !== undefined && mapped !== i) {
      const m = this.xf(mapped);
      if (m && !this.isOurXf(mapped) && keyWithoutFill(m) === want) return mapped;
    }
    let best = -1;
    for (let j = 0; j < this.xfCount; j++) {
      const x = this.xf(j)!;
      if (j === i || this.isOurXf(j) || keyWithoutFill(x) !== want) continue;
      if (best < 0 || Number(getAttr(x, 'fillId') ?? 0) === 0) best = j;
      if (Number(getAttr(x, 'fillId') ?? 0) === 0) break;
    }
    if (best >= 0) return best;
    // The original is gone (the file was re-saved by another program): no fill then.
    const open = firstTag(self)!.openTag;
    return this.xfId(setAttr(setAttr(open, 'fillId', '0'), 'applyFill', undefined) + self.slice(open.length));
  }

  /**
   * Undoes our fill on a cell whose position the marker records over the user's fill `fillXml`
   * (see covered-cells.ts): our fill's own tag, when it still has one, wins; else the user's fill
   * is put back as recorded (a style with it is added as needed).
   */
  restoreCovered(i: number, fillXml: string, recorded: ReadonlyMap<number, number>): number {
    if (!this.isOurXf(i)) return i;
    const self = this.xf(i)!;
    if (this.coveredFillOf(Number(getAttr(self, 'fillId') ?? 0)) !== undefined) return this.restore(i, recorded);
    const key = `${i}|${fillXml}`;
    const known = this.deriveCache.get(key);
    if (known !== undefined) return known;
    const open = firstTag(self)!.openTag;
    const id = this.xfId(setAttr(setAttr(open, 'fillId', String(this.fillIdOf(fillXml))), 'applyFill', '1') + self.slice(open.length));
    this.deriveCache.set(key, id);
    return id;
  }

  /** The tag our fill takes over xf `base`'s fill: null when `base` has no fill of the user's. */
  coveredTag(base: number): string | null {
    const covers = Number(getAttr(this.base(base), 'fillId') ?? 0);
    const original = covers > 1 ? this.fill(covers) : undefined;
    return original !== undefined && !this.isOurFill(covers) ? this.tagFor(original) : null;
  }

  /** The user's fill recorded under the tag of our fill `fillId`, if it carries one. */
  private coveredFillOf(fillId: number): string | undefined {
    const f = this.fill(fillId);
    const bg = f ? colorOf(f, 'bgColor') : undefined;
    return bg ? this.recordedFills.get(bg) : undefined;
  }

  /** Styles for our summary sheets: plain, bold header with a grey fill, wrapped, title. */
  summaryXfs(): { text: number; header: number; wrap: number; title: number; num: number; headerNum: number } {
    const p = this.p;
    const font0 = this.fonts.items[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
    const bold = this.fontId(addFontChild(font0, `<${p}b/>`));
    const big = this.fontId(withSize(addFontChild(font0, `<${p}b/>`), '14'));
    const xf = (font: number, fill: number, align?: string) =>
      `<${p}xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${align ? ` applyAlignment="1"><${p}alignment ${align}/></${p}xf>` : '/>'}`;
    return {
      text: this.xfId(xf(0, 0, 'vertical="top"')),
      header: this.xfId(xf(bold, this.fillId('header'), 'vertical="top" wrapText="1"')),
      wrap: this.xfId(xf(0, 0, 'vertical="top" wrapText="1"')),
      title: this.xfId(xf(big, 0)),
      num: this.xfId(xf(0, 0, 'horizontal="center" vertical="top"')),
      headerNum: this.xfId(xf(bold, this.fillId('header'), 'horizontal="center" vertical="top" wrapText="1"')),
    };
  }

  /** After this, asking for a style that does not exist yet is a bug (styles.xml is written). */
  freeze(): void {
    this.frozen = true;
  }

  get changed(): boolean {
    return this.created || this.fonts.added.length + this.fills.added.length + this.xfs.added.length > 0;
  }

  toXml(): string {
    // Splice from the end so earlier offsets stay valid; sections appear in schema order.
    const edits: { sec: Section; local: string }[] = [
      { sec: this.xfs, local: 'cellXfs' },
      { sec: this.fills, local: 'fills' },
      { sec: this.fonts, local: 'fonts' },
    ];
    let xml = this.xml;
    for (const { sec, local } of edits) {
      if (sec.added.length === 0) continue;
      const count = sec.items.length + sec.added.length;
      const el = sec.el;
      if (!el) throw new PackageError(`styles.xml has no <${local}>`);
      const open = setAttr(el.openTag, 'count', String(count));
      if (el.selfClosing) {
        xml = `${xml.slice(0, el.start)}${withContent(open, sec.added.join(''))}${xml.slice(el.end)}`;
      } else {
        const close = xml.lastIndexOf('</', el.end - 1);
        xml = `${xml.slice(0, el.start)}${open}${xml.slice(el.openEnd, close)}${sec.added.join('')}${xml.slice(close)}`;
      }
    }
    return xml;
  }
}

/** The ARGB colour (upper case) of a fill's first `<fgColor>` or `<bgColor>`, when it has one. */
function colorOf(fill: string, local: 'fgColor' | 'bgColor'): string | undefined {
  const tag = findOpenTag(fill, local);
  const rgb = tag ? getAttr(tag.openTag, 'rgb') : undefined;
  return rgb !== undefined && /^[0-9A-Fa-f]{8}$/.test(rgb) ? rgb.toUpperCase() : undefined;
}

/** `child` (a `<b/>`) added to a font, unless the font is bold already. */
function addFontChild(font: string, child: string): string {
  if (findElement(font, 'b')) return font;
  const open = firstTag(font)!;
  if (open.selfClosing) return withContent(font, child);
  return font.slice(0, open.openEnd) + child + font.slice(open.openEnd);
}

/** A font with its first `<sz>` set to `size` points (a font without one is left as it is). */
function withSize(font: string, size: string): string {
  const sz = findElement(font, 'sz');
  if (!sz) return font;
  return `${font.slice(0, sz.start)}<${prefixOf(sz.name)}sz val="${size}"/>${font.slice(sz.end)}`;
}

/** Sets alignment attributes on an xf, adding the <alignment> child when missing. */
function withAlignment(xf: string, align: Readonly<Record<string, string>>): string {
  const xfTag = firstTag(xf)!;
  const p = prefixOf(xfTag.name);
  const out = setAttr(xfTag.openTag, 'applyAlignment', '1');
  if (xfTag.selfClosing) return withContent(out, alignmentTag(`<${p}alignment/>`, align));
  const rest = xf.slice(xfTag.openEnd);
  const tag = findOpenTag(rest, 'alignment');
  if (tag) return out + rest.slice(0, tag.start) + alignmentTag(tag.openTag, align) + rest.slice(tag.openEnd);
  return `${out}${alignmentTag(`<${p}alignment/>`, align)}${rest}`;
}

function alignmentTag(tag: string, align: Readonly<Record<string, string>>): string {
  let t = tag;
  for (const [k, v] of Object.entries(align)) t = setAttr(t, k, v);
  return t;
}

/** An xf's identity without its fill: sorted attributes (minus fillId/applyFill) and children. */
function keyWithoutFill(xf: string): string {
  const open = firstTag(xf)!.openTag;
  const attrs = [...parseAttrs(open)].filter(([k]) => k !== 'fillId' && k !== 'applyFill').sort(([a], [b]) => a.localeCompare(b));
  return `${JSON.stringify(attrs)}|${tagsOnly(xf.slice(open.length))}`;
}
