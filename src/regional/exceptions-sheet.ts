import path from 'node:path';
import type { Lang } from '../core/types.js';
import { ruleNamer } from '../format/rule-names.js';
import type { RunResult } from '../report/run-result.js';
import { withoutLocalPaths } from './file-names.js';
import { TableSheet, type ListWorkbook } from './sheet-kit.js';

const T = {
  zh: {
    sheet: '例外说明',
    title: '已采纳的例外',
    info: (used: number) => `已采纳 ${used} 条`,
    columns: ['序号', '身份证号', '规则', '复核人', '复核日期', '说明', '来源', '匹配问题数'],
  },
  en: {
    sheet: 'Exceptions',
    title: 'Accepted exceptions',
    info: (used: number) => `${used} applied`,
    columns: ['No.', 'ID number', 'Rule', 'Reviewer', 'Date', 'Note', 'Origin', 'Findings matched'],
  },
};

const WIDTHS = [5, 21, 18, 10, 11, 36, 28, 10];

/**
 * The exceptions applied in the run, on a sheet of their own (none: no sheet). Those that matched
 * nothing are for the person running the tool (terminal, JSON, HTML report), not for the lists
 * sent on; the origin is named by its file name, never its local path. The ID number is in full,
 * as in the rest of the lists.
 */
export async function addExceptionsSheet(wb: ListWorkbook, run: RunResult, opts: { lang: Lang }): Promise<void> {
  const used = run.exceptions.filter((e) => e.matched > 0);
  if (used.length === 0) return;
  const t = T[opts.lang];
  const rule = ruleNamer(run.rules, opts.lang);
  const sheet = new TableSheet(
    wb,
    t.sheet,
    t.columns.map((header, i) => ({ header, width: WIDTHS[i] ?? 10, align: i === 0 || i === 7 ? 'center' : 'left' })),
    opts.lang,
  );
  sheet.title(t.title);
  sheet.info(t.info(used.length));
  sheet.header();
  for (const [i, e] of used.entries()) {
    sheet.row([i + 1, e.entry.idNumber, rule(e.entry.ruleId), e.entry.reviewer, e.entry.date, e.entry.note, withoutLocalPaths(e.entry.origin, [], (f) => path.basename(f)), e.matched]);
    await sheet.flush();
  }
  await sheet.finish();
}
