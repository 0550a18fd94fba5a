import type ExcelJS from 'exceljs';
import type { Lang } from '../core/types.js';
import { maskId } from '../normalize/id-number.js';
import { maskText } from '../report/mask.js';
import type { RunResult } from '../report/run-result.js';
import { TableSheet } from './sheet-kit.js';

const T = {
  zh: {
    sheet: '例外说明',
    title: '已采纳的例外（--exceptions）',
    info: (used: number, stale: number) => `已采纳 ${used} 条；未匹配任何问题 ${stale} 条（可能已过时，请核对）`,
    columns: ['序号', '身份证号', '规则', '复核人', '复核日期', '说明', '来源', '匹配问题数', '状态'],
    used: '已采纳',
    stale: '未匹配（可能已过时）',
    footer: '&C第 &P 页，共 &N 页',
  },
  en: {
    sheet: 'Exceptions',
    title: 'Accepted exceptions (--exceptions)',
    info: (used: number, stale: number) => `${used} applied; ${stale} matched nothing (may be stale: please check)`,
    columns: ['No.', 'ID number', 'Rule', 'Reviewer', 'Date', 'Note', 'Origin', 'Findings matched', 'State'],
    used: 'applied',
    stale: 'matched nothing (may be stale)',
    footer: '&CPage &P of &N',
  },
};

const WIDTHS = [5, 21, 18, 10, 11, 36, 28, 10, 18];

/** Every exception of the run — the ones applied and the stale ones — on a sheet of its own. */
export function addExceptionsSheet(wb: ExcelJS.Workbook, run: RunResult, opts: { lang: Lang; mask: boolean }): void {
  const t = T[opts.lang];
  const sheet = new TableSheet(
    wb,
    t.sheet,
    t.columns.map((header, i) => ({ header, width: WIDTHS[i] ?? 10, align: i === 0 || i === 7 ? 'center' : 'left' })),
  );
  sheet.title(t.title);
  const used = run.exceptions.filter((e) => e.matched > 0).length;
  sheet.info(t.info(used, run.exceptions.length - used));
  sheet.header();
  run.exceptions.forEach((e, i) => {
    sheet.row([
      i + 1,
      opts.mask ? maskId(e.entry.idNumber) : e.entry.idNumber,
      e.entry.ruleId,
      e.entry.reviewer,
      e.entry.date,
      opts.mask ? maskText(e.entry.note) : e.entry.note,
      e.entry.origin,
      e.matched,
      e.matched > 0 ? t.used : t.stale,
    ]);
  });
  sheet.printReady(t.footer);
}
