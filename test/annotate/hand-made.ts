import { strToU8, zipSync, type Zippable } from 'fflate';

// Hand-written packages for the cases producers do not write: prefixed namespaces, rows and cells
// without r=, no styles part, no shared strings, two-row headers, data beyond the header.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandSheet {
  name: string;
  /** Full worksheet XML. */
  xml: string;
}

export interface HandPart {
  name: string;
  xml: string;
  /** Content type of an Override for the part; parts with a Default extension (vml) need none. */
  type?: string;
}

export function handPackage(opts: {
  sheets: HandSheet[];
  styles?: string | null;
  workbookExtra?: string;
  overrides?: boolean;
  /** More parts, e.g. a sheet's comments, VML drawing and relationships. */
  parts?: HandPart[];
}): Uint8Array {
  const files: Zippable = {};
  const put = (n: string, s: string) => (files[n] = strToU8(s));
  const ov = opts.overrides !== false;
  const sheetOverrides = opts.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${(opts.parts ?? [])
      .filter((x) => x.type)
      .map((x) => `<Override PartName="/${x.name}" ContentType="${x.type}"/>`)
      .join('')}${
      ov ? `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetOverrides}` : ''
    }${opts.styles && ov ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
  );
  put('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${opts.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets>${opts.workbookExtra ?? ''}</workbook>`,
  );
  const rels = opts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.styles) rels.push(`<Relationship Id="rId${opts.sheets.length + 1}" Type="${R}/styles" Target="styles.xml"/>`);
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  opts.sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, s.xml));
  if (opts.styles) put('xl/styles.xml', opts.styles);
  for (const x of opts.parts ?? []) put(x.name, x.xml);
  return zipSync(files);
}

export function sheetXml(rows: string, opts: { head?: string; tail?: string; prefix?: string } = {}): string {
  const p = opts.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns}>${opts.head ?? ''}<${p}sheetData>${rows}</${p}sheetData>${opts.tail ?? ''}</${p}worksheet>`;
}

export function istr(ref: string | null, text: string, p = '', s?: number): string {
  return `<${p}c${ref ? ` r="${ref}"` : ''}${s !== undefined ? ` s="${s}"` : ''} t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c>`;
}

export function num(ref: string | null, v: number, p = '', s?: number): string {
  return `<${p}c${ref ? ` r="${ref}"` : ''}${s !== undefined ? ` s="${s}"` : ''}><${p}v>${v}</${p}v></${p}c>`;
}

export const STYLES = (p = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}"><${p}fonts count="2"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font><${p}font><${p}b/><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts><${p}fills count="3"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFFFFF00"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill></${p}fills><${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="3"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><${p}xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></${p}cellXfs><${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`;
