import type { ApplicantResult, Lang, Severity, Status } from '../core/types.js';
import type { RosterInput, RunResult } from '../report/run-result.js';
import { colLetters } from '../ooxml/cell-ref.js';
import { LABELS } from './texts.js';
import { XML_DECL, escapeText } from '../ooxml/xml-text.js';
import { ruleNamer } from '../format/rule-names.js';
import { confidenceLabel, confidenceText } from '../format/rules-list.js';
import { SEVERITY_LABEL } from '../regional/labels.js';
import { rowHeightFor } from '../format/text-height.js';
import { printableHeight, printSetupXml, rowBreaksXml } from '../format/page-footer.js';
import { layOutPages, type PagedTable } from './summary-pages.js';

// The two sheets we add: 预审汇总 (counts, unchecked rules, provenance) and 预审规则 (every rule).
// Written as plain worksheet XML with inline strings, print-ready: A4 landscape fitted to the page
// width, page numbers in the footer, and wrapped rows as high as their measured text (the header
// row repeats on every page through a Print_Titles name, see print-titles.ts).

export interface SummaryStyles {
  text: number;
  header: number;
  wrap: number;
  title: number;
  /** Counts, and the headers over them: centred, so a number stands under its own header. */
  num: number;
  headerNum: number;
}

type Style = keyof SummaryStyles;
/** `across`: the cell is merged over this many columns from its own (its text wraps in their width). */
type Cell = string | number | null | { v: string | number; s: Style; across?: number };
type Row = Cell[];

const T = {
  zh: {
    title: '预审汇总',
    ruleSet: '规则集',
    notice: '通知',
    asOf: '核验基准日',
    pastRound: '往年规则集',
    tool: '工具版本',
    file: '输入文件',
    rebuiltLabel: '说明',
    rebuilt: '原文件不是 .xlsx（如旧版 .xls、网页或 XML 格式），本副本按其内容重新生成：数值、合并单元格和工作表均已保留，原有格式（字体、颜色、边框、列宽、公式）以及批注、数据有效性、筛选和行的隐藏未保留（原来隐藏的行在本副本中可见）。',
    sheet: '工作表',
    sha: 'SHA-256',
    byVerdict: '结论',
    people: '人数',
    total: '合计',
    bySpecialty: '申报专业',
    byUnit: '工作单位',
    blank: '（空）',
    none: '（无）',
    rule: '规则',
    what: '核验内容',
    failCount: '不通过人数',
    reviewCount: '待复核人数',
    infoCount: '提示人数',
    unchecked: '未核验项',
    missing: '缺少的列',
    why: '说明',
    failingRules: '各规则标记人数',
    severity: '最高级别',
    source: '依据',
    confidence: '可信度',
    flagged: '本表标记人数',
    checked: '本次核验',
    yes: '已核验',
    no: '未核验（缺列）',
    partly: '部分未核验（缺列）',
    continued: '（续）',
  },
  en: {
    title: 'Screening summary',
    ruleSet: 'Rule set',
    notice: 'Notice',
    asOf: 'As of',
    pastRound: 'Past round',
    tool: 'Tool',
    file: 'Input file',
    rebuiltLabel: 'Note',
    rebuilt: 'The original is not an .xlsx (e.g. old .xls, a web page or XML); this copy was made anew from its content: values, merged cells and sheets are kept, its formatting (fonts, colours, borders, widths, formulas), comments, data validation, filters and hidden rows were not carried over (rows hidden in the original show in this copy).',
    sheet: 'Sheet',
    sha: 'SHA-256',
    byVerdict: 'Verdict',
    people: 'Applicants',
    total: 'Total',
    bySpecialty: 'Specialty',
    byUnit: 'Unit',
    blank: '(blank)',
    none: '(none)',
    rule: 'Rule',
    what: 'What it checks',
    failCount: 'Fail',
    reviewCount: 'Review',
    infoCount: 'Note',
    unchecked: 'Not checked',
    missing: 'Missing columns',
    why: 'Why',
    failingRules: 'Applicants flagged per rule',
    severity: 'Max severity',
    source: 'Source',
    confidence: 'Confidence',
    flagged: 'Flagged in this roster',
    checked: 'Checked',
    yes: 'checked',
    no: 'not checked (missing column)',
    partly: 'partly not checked (missing column)',
    continued: ' (continued)',
  },
};

export interface SummaryArgs {
  input: RosterInput;
  applicants: readonly ApplicantResult[];
  run: RunResult;
  lang: Lang;
}

const STATUSES: Status[] = ['pass', 'review', 'fail'];
// One collator for every comparison: localeCompare(x, 'zh') builds a new one on each call.
const ZH = new Intl.Collator('zh');

export function summarySheetXml(a: SummaryArgs, xf: SummaryStyles): string {
  const t = T[a.lang];
  const L = LABELS[a.lang];
  const h = (v: string): Cell => ({ v, s: 'header' });
  const hn = (v: string): Cell => ({ v, s: 'headerNum' });
  const rows: Row[] = [];
  rows.push([{ v: `${t.title} — ${a.run.ruleSet.title[a.lang]}`, s: 'title' }]);
  rows.push([h(t.ruleSet), a.run.ruleSet.id]);
  const issued = a.run.ruleSet.noticeIssued;
  rows.push([h(t.notice), issued ? (a.lang === 'zh' ? `${a.run.ruleSet.notice}（${issued}）` : `${a.run.ruleSet.notice} (${issued})`) : a.run.ruleSet.notice]);
  rows.push([h(t.asOf), a.run.asOf]);
  if (a.run.pastRound) rows.push([h(t.pastRound), { v: a.run.pastRound[a.lang], s: 'wrap' }]);
  rows.push([h(t.tool), `${a.run.tool.name} ${a.run.tool.version}`]);
  rows.push([h(t.file), a.input.file]);
  if (a.input.kind === 'legacy') rows.push([h(t.rebuiltLabel), t.rebuilt]);
  rows.push([h(t.sheet), a.input.sheet]);
  rows.push([h(t.sha), a.input.sha256]);

  const count = (list: readonly ApplicantResult[], s: Status) => list.filter((x) => x.status === s).length;
  const tables: PagedTable<Row>[] = [];
  tables.push({ header: [h(t.byVerdict), hn(t.people)], body: [...STATUSES.map((s) => [L.status[s], count(a.applicants, s)]), [t.total, a.applicants.length]] });

  for (const [label, key] of [
    [t.bySpecialty, 'specialty'],
    [t.byUnit, 'unit'],
  ] as const) {
    const groups = new Map<string, ApplicantResult[]>();
    for (const x of a.applicants) {
      const k = x[key].trim() || t.blank;
      let list = groups.get(k);
      if (!list) groups.set(k, (list = []));
      list.push(x);
    }
    const sorted = [...groups].sort((p, q) => q[1].length - p[1].length || ZH.compare(p[0], q[0]));
    const body: Row[] = sorted.map(([k, list]) => [k, list.length, ...STATUSES.map((s) => count(list, s))]);
    tables.push({ header: [h(label), hn(t.total), ...STATUSES.map((s) => hn(L.status[s]))], body: body.length ? body : [[t.none]] });
  }

  const perRule = ruleCounts(a.applicants);
  const described = new Map(a.run.rules.map((r) => [r.id, r.description[a.lang]]));
  const ruleRows = [...perRule].sort((p, q) => q[1].error - p[1].error || q[1].warn - p[1].warn || p[0].localeCompare(q[0]));
  const rule = ruleNamer(a.run.rules, a.lang);
  tables.push({
    header: [h(t.failingRules), h(t.what), hn(t.failCount), hn(t.reviewCount), hn(t.infoCount)],
    body: ruleRows.length ? ruleRows.map(([id, c]) => [rule(id), { v: described.get(id) ?? '', s: 'wrap' }, c.error, c.warn, c.info]) : [[t.none]],
  });

  // The reason (a sentence) goes in the wide column B; the missing columns (a few names) in C–E merged.
  const unchecked = uncheckedHere(a);
  tables.push({
    header: [h(t.unchecked), h(t.why), { v: t.missing, s: 'header', across: 3 }],
    body: unchecked.length
      ? unchecked.map((u) => [rule(u.ruleId), { v: u.reason[a.lang], s: 'wrap' }, { v: u.columns.join(a.lang === 'zh' ? '、' : ', '), s: 'wrap', across: 3 }])
      : [[t.none]],
  });

  const widths = [22, 44, 12, 12, 12];
  const page = printableHeight({ landscape: true, sideMargin: SIDE_MARGIN, widths });
  const laid = layOutPages(rows, tables, {
    // The repeated title (row 1) takes its share of every page.
    page: page * PAGE_FILL - TITLE_ROW_PT,
    gap: DEFAULT_ROW_PT,
    height: (r) => rowHeight(r, widths),
    continued: (header) => header.map((c, i) => (i === 0 && c !== null && typeof c === 'object' ? { ...c, v: `${c.v}${t.continued}` } : c)),
  });
  return sheetXml(laid.rows.map((r) => r ?? []), widths, xf, 0, a.lang, laid.breaksAfter);
}

export function rulesSheetXml(a: SummaryArgs, xf: SummaryStyles): string {
  const t = T[a.lang];
  const h = (v: string): Cell => ({ v, s: 'header' });
  const perRule = ruleCounts(a.applicants);
  const rows: Row[] = [[h(t.rule), h(t.severity), h(t.what), h(t.source), h(t.confidence), { v: t.flagged, s: 'headerNum' }, h(t.checked)]];
  const rule = ruleNamer(a.run.rules, a.lang);
  // This file's own columns decide (a regional run's other rosters may lack columns this one has).
  const here = uncheckedHere(a);
  const unchecked = new Set(here.filter((u) => !u.partial).map((u) => u.ruleId));
  // A rule the run could not check at all (e.g. no --integrity list): its own reason, not "missing column".
  const unavailable = new Map(here.filter((u) => u.columns.length === 0).map((u) => [u.ruleId, u.reason[a.lang]]));
  const partly = new Set(here.filter((u) => u.partial).map((u) => u.ruleId));
  for (const r of a.run.rules) {
    const c = perRule.get(r.id);
    rows.push([
      { v: rule(r.id), s: 'wrap' },
      SEVERITY_LABEL[a.lang][r.severity],
      { v: r.description[a.lang], s: 'wrap' },
      { v: r.source[a.lang], s: 'wrap' },
      confidenceLabel(r.confidence, a.lang),
      c ? c.applicants : 0,
      unavailable.has(r.id) ? { v: unavailable.get(r.id)!, s: 'wrap' } : unchecked.has(r.id) ? t.no : partly.has(r.id) ? t.partly : t.yes,
    ]);
  }
  rows.push([]);
  rows.push([`${t.confidence}${a.lang === 'zh' ? '：' : ': '}${confidenceText[a.lang]}`]);
  return sheetXml(rows, [18, 10, 50, 40, 11, 12, 14], xf, 1, a.lang);
}

/** The rules not run on this copy's file (a missing stage column). */
function uncheckedHere(a: SummaryArgs) {
  return a.run.unchecked.filter((u) => u.files.length === 0 || u.files.includes(a.input.file));
}

function ruleCounts(applicants: readonly ApplicantResult[]) {
  const out = new Map<string, { error: number; warn: number; info: number; applicants: number }>();
  for (const x of applicants) {
    const worst = new Map<string, Severity>();
    for (const f of x.findings) {
      const w = worst.get(f.ruleId);
      if (!w || f.severity === 'error' || (f.severity === 'warn' && w === 'info')) worst.set(f.ruleId, f.severity);
    }
    for (const [id, sev] of worst) {
      const c = out.get(id) ?? { error: 0, warn: 0, info: 0, applicants: 0 };
      c[sev] += 1;
      c.applicants += 1;
      out.set(id, c);
    }
  }
  return out;
}

/** Font size of our sheets' text: the workbook's default font, 11 pt in Excel and WPS. */
const FONT_PT = 11;
const DEFAULT_ROW_PT = 15;
/** Share of a page the layout fills: room for a renderer drawing rows a little taller than their height. */
const PAGE_FILL = 0.95;
const SIDE_MARGIN = 0.5;
/** The title's row, for its 14 pt font. */
const TITLE_ROW_PT = 22;

function sheetXml(rows: Row[], widths: number[], xf: SummaryStyles, freezeRows: number, lang: Lang, breaksAfter: readonly number[] = []): string {
  const merges: string[] = [];
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      if (cells.length === 0) return '';
      const ht = rowHeight(cells, widths);
      const cs = cells
        .map((cell, c) => {
          if (cell === null || cell === undefined) return '';
          const { v, s } = typeof cell === 'object' ? cell : { v: cell, s: (typeof cell === 'number' ? 'num' : 'text') as Style };
          const ref = `${colLetters(c)}${r}`;
          const sAttr = xf[s] ? ` s="${xf[s]}"` : '';
          // A merged cell's followers carry its style (a header's fill prints across the merge).
          const across = typeof cell === 'object' ? (cell.across ?? 1) : 1;
          let followers = '';
          for (let k = 1; k < across; k++) followers += `<c r="${colLetters(c + k)}${r}"${sAttr}/>`;
          if (across > 1) merges.push(`${ref}:${colLetters(c + across - 1)}${r}`);
          if (typeof v === 'number') return `<c r="${ref}"${sAttr}><v>${v}</v></c>${followers}`;
          return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>${followers}`;
        })
        .join('');
      return ht > DEFAULT_ROW_PT ? `<row r="${r}" ht="${ht}" customHeight="1">${cs}</row>` : `<row r="${r}">${cs}</row>`;
    })
    .join('');
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const pane = freezeRows
    ? `<pane ySplit="${freezeRows}" topLeftCell="A${freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const last = Math.max(1, ...rows.map((r) => r.reduce<number>((n, c) => n + (c !== null && typeof c === 'object' ? (c.across ?? 1) : 1), 0)));
  const merged = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    `${XML_DECL}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${colLetters(last - 1)}${Math.max(1, rows.length)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${body}</sheetData>${merged}` +
    `${printSetupXml({ landscape: true, sideMargin: SIDE_MARGIN, lang })}${rowBreaksXml(breaksAfter)}</worksheet>`
  );
}

/** Height of a row whose wrapped cells need more than one line; plain cells never wrap. */
function rowHeight(cells: Row, widths: number[]): number {
  if (cells.some((c) => c !== null && typeof c === 'object' && c.s === 'title')) return TITLE_ROW_PT;
  const wrapped: { text: string; width: number }[] = [];
  let c = 0;
  for (const cell of cells) {
    const across = cell !== null && typeof cell === 'object' ? (cell.across ?? 1) : 1;
    let width = 0;
    for (let k = 0; k < across; k++) width += widths[c + k] ?? 10;
    if (cell && typeof cell === 'object' && (cell.s === 'wrap' || cell.s === 'header' || cell.s === 'headerNum')) wrapped.push({ text: String(cell.v), width });
    c += across;
  }
  return wrapped.length ? rowHeightFor(wrapped, FONT_PT, DEFAULT_ROW_PT) : DEFAULT_ROW_PT;
}

/**
 * Which of our sheets these first rows (cell texts) show, in either language, by content: the
 * summary's title line, tool and SHA-256 rows; the rules sheet's header row. Used to recognise an
 * earlier copy of ours whose marker another program dropped (openpyxl does).
 */
export function ourSheetByContent(rows: readonly (readonly string[])[]): 'summary' | 'rules' | null {
  for (const t of [T.zh, T.en]) {
    const first = rows[0] ?? [];
    const row = (label: string) => rows.find((r) => r[0] === label);
    const sha = row(t.sha)?.[1] ?? '';
    if ((first[0] ?? '').startsWith(`${t.title} — `) && (row(t.tool)?.[1] ?? '') !== '' && /^[0-9a-f]{64}$/.test(sha)) return 'summary';
    const head = [t.rule, t.severity, t.what, t.source, t.confidence, t.flagged, t.checked];
    if (head.every((h, i) => first[i] === h)) return 'rules';
  }
  return null;
}
