import type { ApplicantResult, Finding, Lang } from '../core/types.js';
import type { RunResult } from '../report/run-result.js';
import { groupByEmployer, type EmployerGroup } from './employer-groups.js';
import { addExceptionsSheet } from './exceptions-sheet.js';
import { SEVERITY_LABEL, STATUS_LABEL, withRuleName } from './labels.js';
import { ruleNamer } from '../format/rule-names.js';
import { fileNamer, withoutLocalPaths } from './file-names.js';
import { TableSheet, writeXlsxFile, xlsxBytes, type Column, type ListWorkbook } from './sheet-kit.js';
import { sheetLabel } from '../report/sheet-label.js';
import { maskApplicant, maskFreeText, maskText } from '../report/mask.js';

export interface ReturnListOptions {
  lang: Lang;
  /**
   * The run's masking. 退回清单 goes back to every employer on it, so ID numbers (and any number in
   * its texts) are masked as in the reports unless --no-mask; only 推荐名单 shows them in full.
   */
  mask: boolean;
  /** Progress: table rows written so far. */
  onRows?: (rows: number) => void;
}

const T = {
  zh: {
    sheet: '退回清单',
    title: (run: RunResult) => `${run.ruleSet.title.zh}预审退回清单`,
    info: (run: RunResult) => `核验日期：${run.asOf}　依据：${run.ruleSet.notice}`,
    count: (fail: number, review: number) => `需退回 ${fail + review} 人（不通过 ${fail} 人，待复核 ${review} 人）`,
    columns: [
      { header: '序号', width: 5, align: 'center' },
      { header: '姓名', width: 9, align: 'center' },
      { header: '身份证号', width: 20, align: 'center' },
      { header: '结论', width: 8, align: 'center' },
      { header: '花名册位置', width: 12, align: 'center' },
      { header: '单元格', width: 7, align: 'center' },
      { header: '列', width: 14 },
      { header: '填写内容', width: 16 },
      { header: '问题及修改要求', width: 44 },
      { header: '依据', width: 22 },
      { header: '问题级别', width: 8, align: 'center' },
    ] satisfies Column[],
    band: (g: EmployerGroup, files: string[], fail: number, review: number) => `${g.unit}（${files.join('、')}）：不通过 ${fail} 人，待复核 ${review} 人`,
    row: (n: number) => `第${n}行`,
    unreadable: '文件无法读取',
    none: '（无需退回的人员）',
    closing: '请各单位按"问题及修改要求"逐项核对修改；"待复核"事项请核实后说明情况。修改后重新报送。',
    summary: {
      sheet: '按单位汇总',
      title: '预审结果按单位汇总',
      columns: ['序号', '工作单位', '来源文件', '申报人数', '通过', '待复核', '不通过', '需退回'],
      total: '合计',
      files: (n: number, unreadable: number) => `${n} 个文件${unreadable ? `（${unreadable} 个无法读取）` : ''}`,
    },
  },
  en: {
    sheet: 'Return list',
    title: (run: RunResult) => `${run.ruleSet.title.en}: pre-screening return list`,
    info: (run: RunResult) => `As of ${run.asOf} · per ${run.ruleSet.notice}`,
    count: (fail: number, review: number) => `${fail + review} to return (${fail} fail, ${review} for review)`,
    columns: [
      { header: 'No.', width: 5, align: 'center' },
      { header: 'Name', width: 9, align: 'center' },
      { header: 'ID number', width: 20, align: 'center' },
      { header: 'Verdict', width: 8, align: 'center' },
      { header: 'Roster row', width: 12, align: 'center' },
      { header: 'Cell', width: 7, align: 'center' },
      { header: 'Column', width: 14 },
      { header: 'Value', width: 16 },
      { header: 'Problem and what to fix', width: 44 },
      { header: 'Source', width: 22 },
      { header: 'Finding level', width: 8, align: 'center' },
    ] satisfies Column[],
    band: (g: EmployerGroup, files: string[], fail: number, review: number) => `${g.unit} (${files.join(', ')}): ${fail} fail, ${review} for review`,
    row: (n: number) => `row ${n}`,
    unreadable: 'File could not be read',
    none: '(nobody to return)',
    closing: 'Please fix each item under "Problem and what to fix"; for items "for review", check and explain. Then submit again.',
    summary: {
      sheet: 'By employer',
      title: 'Pre-screening results by employer',
      columns: ['No.', 'Employer', 'Files', 'Applicants', 'Pass', 'Review', 'Fail', 'To return'],
      total: 'Total',
      files: (n: number, unreadable: number) => `${n} ${n === 1 ? 'file' : 'files'}${unreadable ? ` (${unreadable} unreadable)` : ''}`,
    },
  },
};

const SEVERITY_ORDER = { error: 0, warn: 1, info: 2 } as const;

/** 退回清单.xlsx as bytes: the 不通过 and 待复核 applicants by employer, one row per reason with the cell to fix. */
export async function buildReturnList(run: RunResult, opts: ReturnListOptions): Promise<Buffer> {
  return xlsxBytes((wb) => addReturnSheets(wb, run, opts));
}

/** 退回清单.xlsx streamed to `target` (temp file, then renamed into place). */
export async function writeReturnList(target: string, run: RunResult, opts: ReturnListOptions): Promise<void> {
  await writeXlsxFile(target, (wb) => addReturnSheets(wb, run, opts), opts.onRows);
}

async function addReturnSheets(wb: ListWorkbook, given: RunResult, opts: ReturnListOptions): Promise<void> {
  // Numbers inside names and employers (a phone typed into 工作单位) are masked on every sheet.
  const run = opts.mask ? maskFreeText(given) : given;
  wb.creator = `${run.tool.name} ${run.tool.version}`;
  const files = [...run.inputs.map((i) => i.file), ...run.problems.filter((p) => p.unreadable).map((p) => p.file)];
  const name = fileNamer(files);
  await addReturnSheet(wb, run, opts, files, name);
  await addSummarySheet(wb, run, opts, name);
  await addExceptionsSheet(wb, run, { lang: opts.lang, maskIds: opts.mask });
}

/** The reasons to send back: errors then warnings (info notes and accepted exceptions are not). */
export function reasonsOf(a: ApplicantResult): Finding[] {
  return a.findings.filter((f) => f.severity !== 'info').sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
}

// Sent back to the employers: ID numbers masked (unless --no-mask); the other file of a duplicate
// is named as in the band, never by its local path.
async function addReturnSheet(wb: ListWorkbook, run: RunResult, opts: ReturnListOptions, files: string[], name: (file: string) => string): Promise<void> {
  const t = T[opts.lang];
  const sheet = new TableSheet(wb, t.sheet, t.columns, opts.lang);
  sheet.title(t.title(run));
  sheet.info(t.info(run), t.count(run.summary.fail, run.summary.review));
  sheet.header();
  const returned = run.applicants.filter((a) => a.status !== 'pass');
  const groups = groupByEmployer(returned, opts.lang);
  const text = (s: string) => (opts.mask ? maskText : (x: string) => x)(withoutLocalPaths(s, files, name));
  const rule = ruleNamer(run.rules, opts.lang);
  // Files that could not be read come first: their applicants are missing from everything below.
  const unreadable = run.problems.filter((p) => p.unreadable);
  if (unreadable.length) sheet.band(t.unreadable);
  for (const p of unreadable) sheet.row([null, null, null, t.unreadable, name(p.file), '—', '', '', text(p.message[opts.lang]), '', SEVERITY_LABEL[opts.lang].error]);
  for (const [gi, g] of groups.entries()) {
    const fail = g.applicants.filter((a) => a.status === 'fail').length;
    sheet.band(t.band(g, g.files.map(name), fail, g.applicants.length - fail), { pageBreakBefore: gi > 0 });
    const manyFiles = g.files.length > 1;
    for (const [i, given] of g.applicants.entries()) {
      const a = opts.mask ? maskApplicant(given) : given;
      const where = `${manyFiles ? `${name(a.file)} ` : ''}${sheetLabel(run.inputs, a)}${t.row(a.row)}`;
      const reasons = reasonsOf(a);
      let first = 0;
      reasons.forEach((f, k) => {
        const r = sheet.row([
          k === 0 ? i + 1 : null,
          k === 0 ? a.name : null,
          k === 0 ? a.idNumber : null,
          k === 0 ? STATUS_LABEL[opts.lang][a.status] : null,
          k === 0 ? where : null,
          f.cell ?? '—',
          f.column ?? '',
          f.value ?? '',
          withRuleName(opts.lang, rule(f.ruleId), text(f.message[opts.lang])),
          f.source[opts.lang],
          SEVERITY_LABEL[opts.lang][f.severity],
        ]);
        if (k === 0) first = r;
        if (k === reasons.length - 1) for (let c = 1; c <= 5; c++) sheet.mergeDown(c, first, r);
      });
      await sheet.flush();
    }
  }
  if (groups.length === 0) sheet.note(t.none);
  else sheet.note(t.closing);
  sheet.signBlock();
  await sheet.finish();
}

async function addSummarySheet(wb: ListWorkbook, run: RunResult, opts: ReturnListOptions, name: (file: string) => string): Promise<void> {
  const t = T[opts.lang].summary;
  const widths = [5, 30, 28, 9, 7, 8, 8, 8];
  const sheet = new TableSheet(
    wb,
    t.sheet,
    t.columns.map((header, i) => ({ header, width: widths[i] ?? 10, align: i === 1 || i === 2 ? 'left' : 'center' })),
    opts.lang,
  );
  sheet.title(t.title);
  sheet.info(T[opts.lang].info(run), T[opts.lang].count(run.summary.fail, run.summary.review));
  sheet.header();
  // The counts of each employer and their sums (合计): applicants, pass, review, fail, to return.
  const sums = [0, 0, 0, 0, 0];
  const groups = groupByEmployer(run.applicants, opts.lang);
  for (const [i, g] of groups.entries()) {
    const n = (s: string) => g.applicants.filter((a) => a.status === s).length;
    const counts = [g.applicants.length, n('pass'), n('review'), n('fail'), n('review') + n('fail')];
    for (let k = 0; k < counts.length; k++) sums[k]! += counts[k]!;
    sheet.row([i + 1, g.unit, g.files.map(name).join('\n'), ...counts]);
    await sheet.flush();
  }
  // Files that could not be read have no counts, but are listed, so every file given is accounted for.
  const unreadable = [...new Set(run.problems.filter((p) => p.unreadable).map((p) => p.file))];
  for (const [i, file] of unreadable.entries()) {
    sheet.row([groups.length + i + 1, T[opts.lang].unreadable, name(file), '—', '—', '—', '—', '—']);
    await sheet.flush();
  }
  // Files, not inputs: a workbook with two roster sheets is two inputs. A file read but for a part
  // (a second table beside the first) is counted once, as read.
  const read = new Set(run.inputs.map((i) => i.file));
  const whole = unreadable.filter((f) => !read.has(f)).length;
  sheet.row([null, t.total, t.files(read.size + whole, whole), ...sums]);
  await sheet.finish();
}
