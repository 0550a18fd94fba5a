import path from 'node:path';
import { writeHtml } from '../format/html/report.js';
import type { Lang } from '../core/types.js';
import { writeTextAtomic } from '../output/atomic-write.js';
import { ensureDir } from '../output/ensure-dir.js';
import { regionResolver } from '../regional/region-of.js';
import { maskFreeText } from '../report/mask.js';
import type { RunResult } from '../report/run-result.js';
import type { RuleSet } from '../rules/schema.js';

/** `--html <file>`: the run's HTML report (as in the 预审结果 folder) written to one file, masked unless --no-mask. */
export async function writeHtmlReport(target: string, run: RunResult, opts: { lang: Lang; mask: boolean; ruleSet: RuleSet }): Promise<void> {
  await ensureDir(path.dirname(target));
  const shown = opts.mask ? maskFreeText(run) : run;
  await writeTextAtomic(target, (write) => writeHtml(shown, { ...opts, regionOf: regionResolver() }, write));
}
