import path from 'node:path';
import type { Lang } from '../core/types.js';
import { formatFindingsCsv } from '../format/findings-csv.js';
import { formatHtmlReport } from '../format/html/report.js';
import { formatJson } from '../format/json.js';
import { formatMarkdown } from '../format/markdown.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import type { RunResult } from '../report/run-result.js';
import type { RuleSet } from '../rules/schema.js';
import { buildRecommendationList } from './recommendation-list.js';
import { regionResolver } from './region-of.js';
import { buildReturnList } from './return-list.js';
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
}

/** File names of the combined outputs: Chinese in zh, English in en (the data files keep one name). */
export const COMBINED_NAMES: Record<Lang, { recommendation: string; returns: string; html: string; json: string; markdown: string; csv: string }> = {
  zh: { recommendation: '推荐名单.xlsx', returns: '退回清单.xlsx', html: '预审报告.html', json: 'report.json', markdown: 'summary.md', csv: 'findings.csv' },
  en: { recommendation: 'recommendation-list.xlsx', returns: 'return-list.xlsx', html: 'report.html', json: 'report.json', markdown: 'summary.md', csv: 'findings.csv' },
};

/**
 * The regional office's outputs over all rosters screened together. Everything is built in memory
 * first, then each file is written atomically; returns the paths written, in a fixed order.
 */
export async function writeCombinedOutputs(fullRun: RunResult, opts: CombinedOptions): Promise<string[]> {
  const run = opts.mask ? maskFreeText(fullRun) : fullRun;
  const ruleSet = opts.ruleSet === undefined ? ruleSetOfRun(run) : opts.ruleSet;
  const fmt = { lang: opts.lang, mask: opts.mask, ruleSet, regionOf: regionResolver() };
  const names = COMBINED_NAMES[opts.lang];
  const files: [string, string | Uint8Array][] = [
    [names.recommendation, await buildRecommendationList(run, { ...fmt, includeReview: opts.includeReview })],
    [names.returns, await buildReturnList(run, fmt)],
    [names.html, formatHtmlReport(run, fmt)],
    [names.json, formatJson(run, fmt)],
    [names.markdown, formatMarkdown(run, fmt)],
    [names.csv, formatFindingsCsv(run, fmt)],
  ];
  await ensureDir(opts.outDir);
  const written: string[] = [];
  for (const [name, data] of files) {
    const target = path.join(opts.outDir, name);
    await writeFileAtomic(target, data);
    written.push(target);
  }
  return written;
}

