import path from 'node:path';
import type { Lang } from '../core/types.js';
import { writeFindingsCsv } from '../format/findings-csv.js';
import { writeHtml } from '../format/html/report.js';
import { writeJson } from '../format/json.js';
import { writeMarkdown } from '../format/markdown.js';
import { writeTextAtomic } from '../output/atomic-write.js';
import type { RunResult } from '../report/run-result.js';
import type { RuleSet } from '../rules/schema.js';
import { writeRecommendationList } from './recommendation-list.js';
import { regionResolver } from './region-of.js';
import { writeReturnList } from './return-list.js';
import { ruleSetOfRun } from './run-rule-set.js';
import { ensureDir } from '../output/ensure-dir.js';
import { maskFreeText } from '../report/mask.js';

export interface CombinedOptions {
  outDir: string;
  lang: Lang;
  mask: boolean;
  includeReview: boolean;
  /** The run's rule set (for grouping specialties by committee); reloaded from the run's origin when absent. */
  ruleSet?: RuleSet | null;
  /** Progress: called as each of the files is written. */
  onPart?(done: number, total: number): void;
  /** Progress: rows of the list being written. */
  onRows?: (rows: number) => void;
}

/** File names of the combined outputs: Chinese in zh, English in en (the data files keep one name). */
export const COMBINED_NAMES: Record<Lang, { recommendation: string; returns: string; html: string; json: string; markdown: string; csv: string }> = {
  zh: { recommendation: '推荐名单.xlsx', returns: '退回清单.xlsx', html: '预审报告.html', json: 'report.json', markdown: 'summary.md', csv: 'findings.csv' },
  en: { recommendation: 'recommendation-list.xlsx', returns: 'return-list.xlsx', html: 'report.html', json: 'report.json', markdown: 'summary.md', csv: 'findings.csv' },
};

/**
 * The regional office's outputs over all rosters screened together; returns the paths written, in
 * a fixed order. The two lists are streamed to their files (a 100 000-applicant list is never
 * whole in memory), and so are the reports, in pieces. Each file is written to a temp file and
 * renamed into place.
 */
export async function writeCombinedOutputs(fullRun: RunResult, opts: CombinedOptions): Promise<string[]> {
  const ruleSet = opts.ruleSet === undefined ? ruleSetOfRun(fullRun) : opts.ruleSet;
  const fmt = { lang: opts.lang, mask: opts.mask, ruleSet, regionOf: regionResolver() };
  const names = COMBINED_NAMES[opts.lang];
  await ensureDir(opts.outDir);
  const target = (name: string) => path.join(opts.outDir, name);
  let parts = 0;
  const part = () => opts.onPart?.(++parts, 6);
  // The lists are the office's working documents: full ID numbers, as in the annotated copy.
  await writeRecommendationList(target(names.recommendation), fullRun, { ...fmt, includeReview: opts.includeReview, onRows: opts.onRows });
  part();
  await writeReturnList(target(names.returns), fullRun, { ...fmt, onRows: opts.onRows });
  part();
  // The JSON and CSV mask what they print themselves and grow with every finding (100 MB at
  // 100 000 applicants): written in pieces.
  await writeTextAtomic(target(names.json), (write) => writeJson(fullRun, fmt, write));
  part();
  await writeTextAtomic(target(names.csv), (write) => writeFindingsCsv(fullRun, fmt, write));
  part();
  // The HTML and Markdown group by names and units (charts, breakdowns): they get the run with those
  // masked (a copy only of the applicants with something to mask), made last so it is not held
  // while the bigger files above are written.
  const run = opts.mask ? maskFreeText(fullRun) : fullRun;
  await writeTextAtomic(target(names.html), (write) => writeHtml(run, fmt, write));
  part();
  await writeTextAtomic(target(names.markdown), (write) => writeMarkdown(run, fmt, write));
  part();
  return [names.recommendation, names.returns, names.html, names.json, names.markdown, names.csv].map(target);
}
