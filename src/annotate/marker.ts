import { findElement, getAttr, prefixFor, prefixOf, scanChildren, setAttr, textOfRuns, withContent } from './xml.js';
import { XML_DECL, escapeXml } from '../ooxml/xml-text.js';
import { PackageError } from '../ooxml/package-error.js';
import { isRelType, parseRels, resolveTarget } from '../ooxml/relationships.js';
import type { PackageReader } from './package-reader.js';
import type { CoveredEntry } from './covered-cells.js';

// What an earlier run left, recorded as a custom document property ("RosterScreen") so that a
// re-screen can recognise and replace it: our sheets, which cell styles are our clones of which
// original style, and the user's own fills our fills covered (to restore them). Excel, WPS and LibreOffice keep custom properties when they save.

export const MARKER_PROPERTY = 'RosterScreen';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

export interface Marker {
  v: 1;
  tool: string;
  /** Roster sheet name. */
  roster: string;
  /** Names of the sheets we added. */
  sheets: string[];
  /** [clone xf, original xf] pairs. */
  xf: [number, number][];
  /** [tag, the user's fill XML] pairs: fills our tagged fills cover (see styles.ts). */
  fills?: [string, string][];
  /**
   * Our 预审结论 and 预审意见 columns on each roster sheet ([sheet name, 0-based 预审结论, 预审意见]):
   * only these are replaced by a re-screen, never a column of the user's that bears the same title.
   * Absent in copies made before it was recorded.
   */
  cols?: [string, number, number][];
  /**
   * [sheet, tag, cells] triples: the cells whose user fill (under `fills`' tag) our fill covered,
   * as column runs ("Y4 Z7:Z9"); used when a program dropped the tag (see covered-cells.ts).
   */
  cells?: CoveredEntry[];
  /**
   * The file name (no folder) of the workbook this copy was made from: screening that file again
   * may replace this copy (see plan-outputs.ts). Absent in copies made before it was recorded.
   */
  source?: string;
}

/** Where the package keeps its custom properties, their XML (null: none) and our marker in them. */
export async function readPackageMarker(pkg: PackageReader): Promise<{ customPart: string; customXml: string | null; marker: Marker | null; hasRel: boolean }> {
  const rel = parseRels(await pkg.text('_rels/.rels')).find((r) => isRelType(r.type, 'custom-properties'));
  const customPart = rel ? resolveTarget('', rel.target) : 'docProps/custom.xml';
  const customXml = rel ? await pkg.text(customPart) : null;
  return { customPart, customXml, marker: readMarker(customXml), hasRel: rel !== undefined };
}

export function readMarker(xml: string | null): Marker | null {
  if (!xml) return null;
  const root = findElement(xml, 'Properties');
  if (!root || root.selfClosing) return null;
  for (const p of scanChildren(xml, root.openEnd, root.end)) {
    if (p.local !== 'property' || getAttr(p.openTag, 'name') !== MARKER_PROPERTY) continue;
    const body = xml.slice(p.openEnd, p.end);
    const text = textOfRuns(body, 'lpwstr');
    try {
      const m = JSON.parse(text) as Partial<Marker>;
      if (m && m.v === 1 && Array.isArray(m.sheets) && Array.isArray(m.xf)) {
        return {
          v: 1,
          tool: String(m.tool ?? ''),
          roster: String(m.roster ?? ''),
          sheets: m.sheets.filter((s): s is string => typeof s === 'string'),
          xf: m.xf.filter((x): x is [number, number] => Array.isArray(x) && x.length === 2 && x.every(Number.isInteger)),
          ...(Array.isArray(m.fills) && m.fills.length > 0
            ? { fills: m.fills.filter((x): x is [string, string] => Array.isArray(x) && x.length === 2 && x.every((s) => typeof s === 'string')) }
            : {}),
          ...(Array.isArray(m.cols) ? { cols: m.cols.filter(isSheetCols) } : {}),
          ...(Array.isArray(m.cells) ? { cells: m.cells.filter((x): x is CoveredEntry => Array.isArray(x) && x.length === 3 && x.every((v) => typeof v === 'string')) } : {}),
          ...(typeof m.source === 'string' ? { source: m.source } : {}),
        };
      }
    } catch {
      return null;
    }
  }
  return null;
}

/** Sets our property in custom.xml (created when `xml` is null), keeping every other property. */
export function writeMarker(xml: string | null, m: Marker): string {
  const doc = xml ?? `${XML_DECL}<Properties xmlns="${NS}" xmlns:vt="${VT}"></Properties>`;
  const root = findElement(doc, 'Properties');
  if (!root) throw new PackageError('custom.xml without <Properties>');
  const p = prefixOf(root.name);
  const vtPrefix = prefixFor(root.openTag, VT)?.slice(0, -1) || undefined;
  let out: string;
  let rootTag = root.openTag;
  let vt = vtPrefix;
  if (!vt) {
    vt = 'vt';
    rootTag = setAttr(rootTag, 'xmlns:vt', VT);
  }
  const kids = root.selfClosing ? [] : scanChildren(doc, root.openEnd, root.end);
  let pid = 1;
  let existing: { start: number; end: number; pid: string } | null = null;
  for (const k of kids) {
    if (k.local !== 'property') continue;
    const n = Number(getAttr(k.openTag, 'pid') ?? 0);
    if (getAttr(k.openTag, 'name') === MARKER_PROPERTY) existing = { start: k.start, end: k.end, pid: String(n) };
    else pid = Math.max(pid, n);
  }
  const value = escapeXml(JSON.stringify(m));
  const prop = (id: string) => `<${p}property fmtid="${FMTID}" pid="${id}" name="${MARKER_PROPERTY}"><${vt}:lpwstr>${value}</${vt}:lpwstr></${p}property>`;
  if (existing) {
    out = doc.slice(0, existing.start) + prop(existing.pid) + doc.slice(existing.end);
  } else if (root.selfClosing) {
    out = `${doc.slice(0, root.start)}${withContent(rootTag, prop(String(pid + 1)))}${doc.slice(root.end)}`;
    return out;
  } else {
    const close = doc.lastIndexOf('</', root.end - 1);
    out = doc.slice(0, close) + prop(String(pid + 1)) + doc.slice(close);
  }
  if (rootTag !== root.openTag) out = out.slice(0, root.start) + rootTag + out.slice(root.start + root.openTag.length);
  return out;
}

function isSheetCols(x: unknown): x is [string, number, number] {
  return Array.isArray(x) && x.length === 3 && typeof x[0] === 'string' && Number.isInteger(x[1]) && Number.isInteger(x[2]);
}
