import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { Divisions } from '../calendar/divisions.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { UserError } from '../core/user-error.js';
import { writeJson } from '../format/json.js';
import { formatTerminal } from '../format/terminal.js';
import { expandInputs, skippedOutputsProblem } from '../pipeline/expand-inputs.js';
import { screenFiles, type ScreenOutcome } from '../pipeline/screen-files.js';
import { buildRunResult } from '../report/build-run-result.js';
import type { Problem, RunResult } from '../report/run-result.js';
import { loadRuleSet, type LoadedRuleSet } from '../ruleset/load.js';
import { EXIT_ERROR, EXIT_FOUND, EXIT_OK } from './exit-codes.js';
import { BAD_DATE, ScreenOptionsSchema, type ScreenOptions } from './options.js';
import type { Output } from './output.js';
import { annotatedPaths, refuseOverwritingInputs } from './plan-outputs.js';
import { createProgress, type Progress } from './progress.js';
import { inOutputTransaction } from '../output/atomic-write.js';
import { textBatches } from '../output/text-batches.js';

export async function runScreen(paths: string[], rawOptions: Record<string, unknown>, io: Output): Promise<number> {
  const opts = parseOptions(rawOptions);
  // A user's rule set is fully checked (pointed file:line errors); the bundled one is trusted and loads fast.
  const rules = await loadRuleSet(opts.rules);
  const skipped: string[] = [];
  const found: Problem[] = [];
  const files = await expandInputs(paths, opts.outDir, skipped, found);
  if (files.length === 0 && found.some((p) => p.unreadable)) throw folderProblems(found);
  const progress = createProgress(io, opts.progress && io.stderrIsTTY, opts.lang, Date.now, progressDelayMs());
  const integrity = opts.integrity ? await (await import('../reference-lists/integrity-list.js')).loadIntegrityList(opts.integrity) : null;
  const exceptions = opts.exceptions ? await (await import('../reference-lists/exceptions-list.js')).loadExceptionsList(opts.exceptions, rules.ruleSet.rules.map((r) => r.id)) : undefined;
  try {
    const outcome: ScreenOutcome = await screenFiles({
      files,
      sheets: opts.sheet,
      asOf: opts.asOf,
      strictColumns: opts.strictColumns,
      rules,
      env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity },
      exceptions,
      onProgress: (event) => progress.update(event),
    });
    const skippedNote = skippedOutputsProblem(skipped);
    outcome.problems.unshift(...(skippedNote ? [skippedNote] : []), ...found);
    const run = buildRunResult(outcome, rules, opts.asOf);
    const { written, reportJson, failed } = opts.write ? await outputsOrFailure(() => writeOutputs(run, outcome, files, opts, rules, progress)) : { written: [] };
    // A JSON report going to a file can take seconds; on a shared terminal the line is cleared first.
    if (opts.format === 'json' && !io.stdoutIsTTY) progress.phase('report');
    else progress.done();
    if (opts.format === 'json') {
      // With an output folder the same report (same language, same masking) was just written as
      // report.json: it is copied to stdout, not built a second time (a second at 100 000 applicants).
      if (reportJson) copyToOut(io, reportJson);
      else writeJsonTo(io, run, opts);
    } else io.out(formatTerminal(run, { lang: opts.lang, mask: opts.mask, color: io.color, written }));
    // Shown after the verdicts, and the run exits 2 (main prints it): nothing was written.
    if (failed) throw failed;
    return exitCodeFor(run, opts.failOn);
  } finally {
    progress.done();
  }
}

/**
 * The outputs, or why they could not be written (a read-only folder, a full disk, a copy open in
 * Excel): the screening is done either way, so its verdicts are still shown before the error.
 */
async function outputsOrFailure(write: () => Promise<{ written: string[]; reportJson?: string }>): Promise<{ written: string[]; reportJson?: string; failed?: UserError }> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof UserError && OUTPUT_FAILURES.has(err.code)) return { written: [], failed: err };
    throw err;
  }
}

const OUTPUT_FAILURES = new Set(['output-write', 'output-dir', 'output-busy', 'annotate-failed', 'annotate-no-room']);

function writeJsonTo(io: Output, run: RunResult, opts: ScreenOptions): void {
  const out = textBatches((text) => io.out(text));
  writeJson(run, { lang: opts.lang, mask: opts.mask }, out.write);
  out.end();
}

function copyToOut(io: Output, file: string): void {
  const fd = openSync(file, 'r');
  try {
    // A fresh buffer per read: stdout may still hold the last one (pipes are asynchronous on Windows).
    for (;;) {
      const buffer = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, buffer);
      if (n <= 0) break;
      io.out(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

// About a second before the progress line appears; the end-to-end test of the line sets it to 0.
function progressDelayMs(): number {
  const ms = Number(process.env.ROSTER_SCREEN_PROGRESS_DELAY_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 1000;
}

function exitCodeFor(run: RunResult, failOn: ScreenOptions['failOn']): number {
  // Some input could not be read: the run is incomplete, whatever the verdicts (CI must notice).
  if (run.problems.some((p) => p.unreadable)) return EXIT_ERROR;
  if (failOn === 'never') return EXIT_OK;
  const hit = failOn === 'fail' ? run.summary.fail > 0 : run.summary.fail + run.summary.review > 0;
  return hit ? EXIT_FOUND : EXIT_OK;
}

// Several rosters, or an output folder, get the combined outputs (推荐名单, 退回清单, report …).
function writesCombinedOutputs(files: string[], opts: ScreenOptions): boolean {
  return files.length > 1 || opts.outDir !== undefined;
}

// Every output of the run lands together or not at all (a transaction over temp files).
async function writeOutputs(run: RunResult, outcome: ScreenOutcome, files: string[], opts: ScreenOptions, rules: LoadedRuleSet, progress: Progress): Promise<{ written: string[]; reportJson?: string }> {
  // One annotated copy per file, carrying every roster sheet of it.
  const inputs = [...new Set(outcome.inputs.map((i) => i.file))];
  const targets = await annotatedPaths(inputs, opts.outDir);
  const combined = writesCombinedOutputs(files, opts);
  const outDir = opts.outDir ?? '预审结果';
  const regional = combined ? await import('../regional/write-combined.js') : null;
  if (regional) refuseOverwritingInputs(inputs, Object.values(regional.COMBINED_NAMES[opts.lang]).map((n) => path.join(outDir, n)));
  if (opts.html) refuseOverwritingInputs(inputs, [opts.html]);
  const { writeAnnotatedCopy } = await import('../annotate/write-annotated.js');
  // The output folder is created and locked inside the transaction: a failed run removes what it
  // made, and a second run writing the same folder at once waits, then stops.
  const lockDir = opts.outDir ?? (combined ? outDir : undefined);
  return inOutputTransaction(async () => {
    progress.phase('annotate', outcome.inputs.length);
    const written: string[] = [];
    for (const [i, file] of inputs.entries()) {
      const indexes = outcome.inputs.flatMap((input, k) => (input.file === file ? [k] : []));
      const sheets = indexes.map((k) => outcome.inputs[k]!);
      await writeAnnotatedCopy({
        input: sheets[0]!,
        sheets,
        bytes: outcome.workbooks[indexes[0]!]!.bytes,
        applicants: run.applicants.filter((a) => indexes.includes(a.input)),
        run,
        outPath: targets[i]!,
        lang: opts.lang,
        onRows: (rows) => progress.partRows(rows),
      });
      written.push(targets[i]!);
      progress.partDone(i + 1);
    }
    // The rosters' bytes (20 MB at 100 000 rows) are not needed past their annotated copies.
    outcome.workbooks.length = 0;
    if (opts.html) {
      await (await import('./write-html-report.js')).writeHtmlReport(opts.html, run, { lang: opts.lang, mask: opts.mask, ruleSet: rules.ruleSet });
      written.push(opts.html);
    }
    if (!regional) return { written };
    progress.phase('regional', 6);
    written.push(
      ...(await regional.writeCombinedOutputs(run, {
        outDir,
        lang: opts.lang,
        mask: opts.mask,
        includeReview: opts.includeReview,
        ruleSet: rules.ruleSet,
        onPart: (done, total) => progress.partDone(done, total),
        onRows: (rows) => progress.partRows(rows),
      })),
    );
    return { written, reportJson: path.join(outDir, regional.COMBINED_NAMES[opts.lang].json) };
  }, { option: '--out-dir', lockDir });
}

// Nothing to screen because the folders given could not be read: say which, and why.
function folderProblems(found: Problem[]): UserError {
  const list = (lang: 'zh' | 'en') => found.map((p) => p.message[lang]).join('\n');
  return new UserError('inputs-unreadable', { zh: list('zh'), en: list('en') });
}

function parseOptions(raw: Record<string, unknown>): ScreenOptions {
  const parsed = ScreenOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const opt = `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const date = issue.message === BAD_DATE;
  throw new UserError('bad-option', {
    zh: `选项 ${opt} 的值无效：${date ? '应为 YYYY-MM-DD 格式的日期，如 2024-03-25' : issue.message}`,
    en: `Invalid value for ${opt}: ${date ? 'it must be a date YYYY-MM-DD, such as 2024-03-25' : issue.message}`,
  });
}

export { EXIT_ERROR };
