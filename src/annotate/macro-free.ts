import { isRelType, parseRels, relsPathFor, resolveTarget } from '../ooxml/relationships.js';
import { removeRels, type ContentTypes } from './opc.js';
import type { PackageReader } from './package-reader.js';

// A macro-enabled roster (.xlsm) gets a real .xlsx copy: the workbook's content type becomes the
// plain one and the VBA project (with its signature parts) is left out. Excel refuses an .xlsx
// whose content is macro-enabled, and the copy is for reading the verdicts, not for running the
// employer's macros — a macro-free copy also opens without a security prompt. The user's own
// .xlsm, macros and all, is never touched.

const MACRO_MAIN = /^application\/vnd\.ms-excel\.(?:sheet|template)\.macroEnabled\.main\+xml$/i;
const PLAIN_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Makes the package macro-free if it is macro-enabled; returns the workbook's relationships. */
export async function dropMacros(
  pkg: PackageReader,
  ct: ContentTypes,
  wbPart: string,
  wbRels: string | null,
  removed: { add(name: string): unknown },
): Promise<string | null> {
  if (!MACRO_MAIN.test(ct.typeOf(wbPart) ?? '')) return wbRels;
  ct.override(wbPart, PLAIN_MAIN);
  const vba = parseRels(wbRels).filter((r) => isRelType(r.type, 'vbaProject'));
  for (const r of vba) {
    const part = resolveTarget(wbPart, r.target);
    const rels = relsPathFor(part);
    // The project's own parts (its digital signatures) go with it.
    for (const sub of parseRels(await pkg.text(rels))) drop(resolveTarget(part, sub.target));
    if (pkg.get(rels)) removed.add(rels);
    drop(part);
  }
  return vba.length ? removeRels(wbRels ?? '', new Set(vba.map((r) => r.id))) : wbRels;

  function drop(part: string): void {
    if (pkg.get(part)) removed.add(part);
    ct.removeOverride(part);
  }
}
