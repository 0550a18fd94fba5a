import { folderOf, normalisePartName } from './part-name.js';
import { localName, scanOpenTags } from './xml-tokenizer.js';

// Open Packaging Conventions relationships: the one parser and the one target resolver that the
// reader and the annotated-copy writer share, so both find the same sheet.

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** True when a relationship type (transitional or strict namespace) ends in `/kind`. */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathFor(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The relationships of a `.rels` part's text (none for null or an empty part). */
export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  const rels: Relationship[] = [];
  scanOpenTags(xml, (name, attr) => {
    if (localName(name) !== 'Relationship') return;
    rels.push({ id: attr('Id') ?? '', type: attr('Type') ?? '', target: attr('Target') ?? '', external: attr('TargetMode') === 'External' });
  });
  return rels;
}

/**
 * The part name (no leading slash) that a relationship of part `source` points to. Targets are
 * URIs: percent-encoded (`sheet%201.xml`), relative to the source's folder (`../x.xml`) or
 * absolute (`/xl/x.xml`); some writers use backslashes. `..` never climbs above the root.
 */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // a stray '%': keep it as written
  }
  t = t.replace(/\\/g, '/');
  const path = t.startsWith('/') ? t : folderOf(normalisePartName(source)) + t;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** A relative Target from `source` to `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
