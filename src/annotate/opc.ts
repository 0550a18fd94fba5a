import { parseRels } from '../ooxml/relationships.js';
import { escapeXml, XML_DECL } from '../ooxml/xml-text.js';
import { findElement, getAttr, scanChildren } from './xml.js';
import { PackageError } from '../ooxml/package-error.js';

// Open Packaging Conventions as the annotated copy patches them: relationships added and removed,
// content types. Reading and resolving relationships is the package layer's (src/ooxml).

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  worksheet: `${REL_NS}/worksheet`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  styles: `${REL_NS}/styles`,
  customProps: `${REL_NS}/custom-properties`,
};

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  customProps: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
};

export function emptyRels(): string {
  return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** Adds a relationship; returns the new XML and the id given. */
export function addRel(xml: string | null, type: string, target: string): { xml: string; id: string } {
  let doc = xml ?? emptyRels();
  const used = new Set(parseRels(doc).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = findElement(doc, 'Relationships');
  if (!root) throw new PackageError('relationships part without <Relationships>');
  const el = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  if (root.selfClosing) {
    doc = `${doc.slice(0, root.start)}${root.openTag.slice(0, -2)}>${el}</Relationships>${doc.slice(root.end)}`;
  } else {
    const close = doc.lastIndexOf('</', root.end - 1);
    doc = doc.slice(0, close) + el + doc.slice(close);
  }
  return { xml: doc, id };
}

/** Removes the relationships with these ids. */
export function removeRels(xml: string, ids: ReadonlySet<string>): string {
  const root = findElement(xml, 'Relationships');
  if (!root || ids.size === 0) return xml;
  let out = xml;
  for (const e of scanChildren(xml, root.openEnd, root.end).reverse()) {
    if (e.local === 'Relationship' && ids.has(getAttr(e.openTag, 'Id') ?? '')) out = out.slice(0, e.start) + out.slice(e.end);
  }
  return out;
}

/** Content types: overrides added and removed, defaults ensured. */
export class ContentTypes {
  constructor(public xml: string) {}

  private children() {
    const root = findElement(this.xml, 'Types');
    if (!root || root.selfClosing) throw new PackageError('[Content_Types].xml without <Types>');
    return { root, kids: scanChildren(this.xml, root.openEnd, root.end) };
  }

  private insert(el: string): void {
    const { root } = this.children();
    const close = this.xml.lastIndexOf('</', root.end - 1);
    this.xml = this.xml.slice(0, close) + el + this.xml.slice(close);
  }

  override(part: string, contentType: string): void {
    this.removeOverride(part);
    this.insert(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  removeOverride(part: string): void {
    const want = `/${part}`.toLowerCase();
    const { kids } = this.children();
    for (const e of kids.reverse()) {
      if (e.local === 'Override' && (getAttr(e.openTag, 'PartName') ?? '').toLowerCase() === want) {
        this.xml = this.xml.slice(0, e.start) + this.xml.slice(e.end);
      }
    }
  }

  ensureDefault(ext: string, contentType: string): void {
    const { kids } = this.children();
    const has = kids.some((e) => e.local === 'Default' && (getAttr(e.openTag, 'Extension') ?? '').toLowerCase() === ext);
    if (!has) {
      // Defaults conventionally come first.
      const first = kids[0];
      const el = `<Default Extension="${ext}" ContentType="${contentType}"/>`;
      if (first) this.xml = this.xml.slice(0, first.start) + el + this.xml.slice(first.start);
      else this.insert(el);
    }
  }

  /** The content type a part gets (override, else default by extension). */
  typeOf(part: string): string | undefined {
    const { kids } = this.children();
    const want = `/${part}`.toLowerCase();
    for (const e of kids) {
      if (e.local === 'Override' && (getAttr(e.openTag, 'PartName') ?? '').toLowerCase() === want) return getAttr(e.openTag, 'ContentType');
    }
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const e of kids) {
      if (e.local === 'Default' && (getAttr(e.openTag, 'Extension') ?? '').toLowerCase() === ext) return getAttr(e.openTag, 'ContentType');
    }
    return undefined;
  }
}

