import type { Lang } from '../core/types.js';
import { LIST_SIDE_MARGIN, printSetupXml, rowBreaksXml } from '../format/page-footer.js';
import { escapeXml, XML_DECL } from '../ooxml/xml-text.js';
import { ZipFileWriter, type EntryStream } from '../ooxml/zip/zip-writer.js';

// The package around the lists' sheets (推荐名单, 退回清单): workbook, styles, relationships and
// content types, written with our own zip writer. The lists use a handful of fixed cell formats
// (title, info line, header, band, data cells), so the styles part is written once, as text,
// instead of a style being registered per cell: exceljs's per-cell model cost ~0.75 s (~1.1 s of
// CPU) of a 10 000-applicant run (bench/results.md, session 5). Sheets are streamed one after
// another, row by row (see TableSheet), so a list of 100 000 applicants never stands whole in memory.

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The cell formats of the lists (index into cellXfs below). */
export const XF = {
  /** 黑体 16 bold, centred. */
  title: 1,
  /** 宋体 11, left (the info line's left half, the sign-and-stamp lines). */
  lineLeft: 2,
  /** 宋体 11, right (the info line's right half). */
  lineRight: 3,
  /** 宋体 10 bold, centred, grey, bordered. */
  header: 4,
  /** 宋体 11 bold, left, light grey, bordered. */
  band: 5,
  /** 宋体 10, left, bordered. */
  dataLeft: 6,
  /** 宋体 10, centred, bordered. */
  dataCenter: 7,
  /** 宋体 10, left, unbordered (notes under the table, values past its width). */
  plain: 8,
  /** Only a border (an empty cell inside the table). */
  borderOnly: 9,
} as const;

// Every text format wraps and centres vertically; fonts 1–5 and fills 2–3 are ours (font 0 and
// fills 0–1 are what every styles part begins with).
const STYLES_XML =
  `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="6">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="16"/><name val="黑体"/></font>' +
  '<font><sz val="11"/><name val="宋体"/></font>' +
  '<font><b/><sz val="10"/><name val="宋体"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/></font>' +
  '<font><sz val="10"/><name val="宋体"/></font>' +
  '</fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="10">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  xf(1, 0, 0, 'center') +
  xf(2, 0, 0, 'left') +
  xf(2, 0, 0, 'right') +
  xf(3, 2, 1, 'center') +
  xf(4, 3, 1, 'left') +
  xf(5, 0, 1, 'left') +
  xf(5, 0, 1, 'center') +
  xf(5, 0, 0, 'left') +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

function xf(font: number, fill: number, border: number, horizontal: 'left' | 'center' | 'right'): string {
  return (
    `<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyFont="1"` +
    `${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''} applyAlignment="1">` +
    `<alignment horizontal="${horizontal}" vertical="center" wrapText="1"/></xf>`
  );
}

/** How a sheet prints and shows: set when the sheet is added (its part begins with them). */
export interface SheetSetup {
  name: string;
  /** Column widths in Excel's units. */
  widths: readonly number[];
  landscape: boolean;
  /** Rows repeated at the top of every printed page, and frozen on screen (1-based, inclusive). */
  titleRows: { top: number; bottom: number };
  /** The language of the page footer (第x页 共y页). */
  lang: Lang;
}

/** A sheet's part being written: rows go in with `push`, in order. */
export interface SheetPart {
  push(xml: string): Promise<void>;
  /** Ends the rows and the sheet: its merged ranges and manual page breaks (rows a break follows). */
  end(merges: readonly string[], breaksAfter: readonly number[]): Promise<void>;
}

/** A list's workbook, written to a file as it is made. */
export class ListWorkbook {
  /** The document's author (docProps/core.xml). */
  creator = 'roster-screen';
  /** Called for each table row written (progress). */
  onRow?: () => void;
  private readonly sheets: SheetSetup[] = [];
  private open = false;

  private constructor(private readonly zip: ZipFileWriter) {}

  static async create(file: string): Promise<ListWorkbook> {
    return new ListWorkbook(await ZipFileWriter.create(file));
  }

  /** Starts the next sheet; the previous one must have ended. */
  addSheet(setup: SheetSetup): SheetPart {
    if (this.open) throw new Error(`ListWorkbook: sheet ${this.sheets[this.sheets.length - 1]!.name} has not ended`);
    // Excel refuses (repairs) a name over 31 characters or with []:*?/\, and names differing only in case.
    if (!/^[^[\]:*?/\\]{1,31}$/.test(setup.name)) throw new Error(`ListWorkbook: ${setup.name} is not a valid sheet name`);
    if (this.sheets.some((s) => s.name.toLowerCase() === setup.name.toLowerCase())) throw new Error(`ListWorkbook: two sheets named ${setup.name}`);
    this.sheets.push(setup);
    this.open = true;
    // Deflate level 1: the rows repeat the same cell markup, which level 1 still packs ~8 to 1, at a
    // fraction of level 5's time (the zip's pieces were the lists' bottleneck).
    const entry: EntryStream = this.zip.openStream(`xl/worksheets/sheet${this.sheets.length}.xml`, 1);
    const first = this.sheets.length === 1;
    let started = false;
    return {
      push: async (xml) => {
        if (!started) {
          started = true;
          await entry.push(sheetHead(setup, first));
        }
        await entry.push(xml);
      },
      end: async (merges, breaksAfter) => {
        if (!started) await entry.push(sheetHead(setup, first));
        await entry.push(sheetTail(setup, merges, breaksAfter));
        await entry.end();
        this.open = false;
      },
    };
  }

  /** Writes the package parts around the sheets and closes the file. */
  async commit(): Promise<void> {
    if (this.open) throw new Error('ListWorkbook: a sheet has not ended');
    if (this.sheets.length === 0) throw new Error('ListWorkbook: no sheet');
    const text = (name: string, xml: string) => this.zip.addBytes(name, Buffer.from(xml, 'utf8'));
    await text('xl/workbook.xml', workbookXml(this.sheets));
    await text('xl/_rels/workbook.xml.rels', workbookRels(this.sheets.length));
    await text('xl/styles.xml', STYLES_XML);
    await text('docProps/core.xml', coreXml(this.creator));
    await text('_rels/.rels', PACKAGE_RELS);
    await text('[Content_Types].xml', contentTypes(this.sheets.length));
    await this.zip.close();
  }

  /** Closes the file after a failure (the caller removes it). */
  async abort(): Promise<void> {
    await this.zip.abort();
  }
}

function sheetHead(s: SheetSetup, first: boolean): string {
  const { bottom } = s.titleRows;
  const cols = s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    `<pane ySplit="${bottom}" topLeftCell="A${bottom + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${bottom + 1}" sqref="A${bottom + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

function sheetTail(s: SheetSetup, merges: readonly string[], breaksAfter: readonly number[]): string {
  const merged = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    `</sheetData>${merged}${printSetupXml({ landscape: s.landscape, sideMargin: LIST_SIDE_MARGIN, lang: s.lang })}${rowBreaksXml(breaksAfter)}</worksheet>`
  );
}

function workbookXml(sheets: readonly SheetSetup[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Rows repeated on every printed page: a defined name local to each sheet.
  const titles = sheets
    .map((s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${s.name.replace(/'/g, "''")}'!$${s.titleRows.top}:$${s.titleRows.bottom}`)}</definedName>`)
    .join('');
  return (
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/>` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="12000" activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets><definedNames>${titles}</definedNames></workbook>`
  );
}

function workbookRels(n: number): string {
  const rels: string[] = [];
  for (let i = 1; i <= n; i++) rels.push(`<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  return `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}

const PACKAGE_RELS =
  `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

function coreXml(creator: string): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
    `<dc:creator>${escapeXml(creator)}</dc:creator></cp:coreProperties>`
  );
}

function contentTypes(n: number): string {
  const sheets: string[] = [];
  for (let i = 1; i <= n; i++) sheets.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'
  );
}
