import { findElement, getAttr, prefixOf, replaceElements, scanChildren } from './xml.js';
import { escapeXml } from '../ooxml/xml-text.js';

// Rows repeated at the top of every printed page are a workbook-level defined name,
// `_xlnm.Print_Titles`, local to the sheet (localSheetId = its position in <sheets>).

const NAME = '_xlnm.Print_Titles';

/** Sets `sheet`'s print titles to rows `top` (default 1)..`rows` (replacing any), for each sheet named. */
export function withPrintTitles(wbXml: string, titles: readonly { sheet: string; top?: number; rows: number }[]): string {
  const sheetsEl = findElement(wbXml, 'sheets');
  const root = findElement(wbXml, 'workbook');
  if (!sheetsEl || sheetsEl.selfClosing || !root) return wbXml;
  const order = scanChildren(wbXml, sheetsEl.openEnd, sheetsEl.end)
    .filter((e) => e.local === 'sheet')
    .map((e) => getAttr(e.openTag, 'name') ?? '');
  const wanted = new Map<string, string>();
  for (const t of titles) {
    const at = order.indexOf(t.sheet);
    if (at >= 0 && t.rows >= 1) wanted.set(String(at), `'${t.sheet.replace(/'/g, "''")}'!$${Math.max(1, t.top ?? 1)}:$${t.rows}`);
  }
  if (wanted.size === 0) return wbXml;
  const p = prefixOf(root.name);
  // Drop earlier print titles of these sheets (a re-screen reuses our sheets).
  const xml = replaceElements(wbXml, 'definedName', (el, dn) =>
    getAttr(el.openTag, 'name') === NAME && wanted.has(getAttr(el.openTag, 'localSheetId') ?? '') ? '' : dn,
  );
  const names = [...wanted].map(([id, ref]) => `<${p}definedName name="${NAME}" localSheetId="${id}">${escapeXml(ref)}</${p}definedName>`).join('');
  const dns = findElement(xml, 'definedNames');
  if (dns && !dns.selfClosing) {
    const close = xml.lastIndexOf('</', dns.end - 1);
    return xml.slice(0, close) + names + xml.slice(close);
  }
  if (dns) return xml.slice(0, dns.start) + `<${p}definedNames>${names}</${p}definedNames>` + xml.slice(dns.end);
  // <definedNames> follows <sheets> (and <functionGroups>, <externalReferences> when present).
  const after = findElement(xml, 'externalReferences') ?? findElement(xml, 'functionGroups') ?? findElement(xml, 'sheets')!;
  return xml.slice(0, after.end) + `<${p}definedNames>${names}</${p}definedNames>` + xml.slice(after.end);
}
