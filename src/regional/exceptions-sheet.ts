import path from 'node:path';
import type { Lang } from '../core/types.js';
import { ruleNamer } from '../format/rule-names.js';
import type { RunResult } from '../report/run-result.js';
import { maskId } from '../normalize/id-number.js';
import { maskText } from '../report/mask.js';
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
 * sent on; the origin is named by its file name, never its path. The ID number is as in the list
 * around it: in full in 推荐名单, masked in 退回清单 (unless --no-mask).
 */
export async function addExceptionsSheet(wb: ListWorkbook, run: RunResult, opts: { lang: Lang; maskIds: boolean }): Promise<void> {
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
    const id = opts.maskIds ? maskId(e.entry.idNumber) : e.entry.idNumber;
    const note = opts.maskIds ? maskText(e.entry.note) : e.entry.note;
    sheet.row([i + 1, id, rule(e.entry.ruleId), e.entry.reviewer, e.entry.date, note, originShown(e.entry.origin), e.matched]);
    await sheet.flush();
  }
  await sheet.finish();
}

/** `dir/例外.xlsx [例外]:2` → `例外.xlsx [例外]:2`: the file by its name, whether given relative or absolute. */
function originShown(origin: string): string {
  const m = /^(.*?)((?: \[[^\]]*\])?:\d+)$/.exec(origin);
  return m ? `${path.basename(m[1]!)}${m[2]}` : withoutLocalPaths(origin, [], (f) => path.basename(f));
}
