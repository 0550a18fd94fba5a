import type { Applicant, RosterLayout } from '../core/types.js';
import { isUserError, UserError } from '../core/user-error.js';
import { openRosterFile, type OpenedWorkbook } from '../io/open-roster-file.js';
import { readInputFile } from '../io/read-file.js';
import type { Problem, RosterInput } from '../report/run-result.js';
import { HeaderMatcher } from '../roster/header-matcher.js';
import { readRoster } from '../roster/read-roster.js';
import type { CheckEnv } from '../rules/check-kind.js';
import { Screening, type ScreenResult } from '../rules/engine.js';
import type { ExceptionEntry } from '../rules/exceptions.js';
import type { LoadedRuleSet } from '../ruleset/load.js';
import { commandName } from '../core/command-name.js';

export interface ScreenRequest {
  files: string[];
  /** `--sheet NAME`, repeatable: only these sheets; default every visible roster sheet. */
  sheets?: readonly string[];
  asOf: string;
  strictColumns: boolean;
  rules: LoadedRuleSet;
  env: Omit<CheckEnv, 'asOf' | 'ruleSet'>;
  exceptions?: ExceptionEntry[];
  onProgress?(event: { filesDone: number; files: number; rows: number }): void;
}

export interface ScreenOutcome {
  result: ScreenResult;
  inputs: RosterInput[];
  problems: Problem[];
  /** Each input's file bytes (shared by a file's sheets), for its annotated copy; not its reader, whose shared strings are big. */
  workbooks: Pick<OpenedWorkbook, 'bytes'>[];
}

/** Reads every roster and screens all applicants together (so duplicates are found across files). */
export async function screenFiles(req: ScreenRequest): Promise<ScreenOutcome> {
  if (req.files.length === 0) {
    throw new UserError('no-inputs', {
      zh: `没有找到要审核的花名册（.xlsx 或 .csv）。用法：${commandName()} 花名册.xlsx 或 ${commandName()} 文件夹/`,
      en: `No rosters (.xlsx or .csv) to screen. Usage: ${commandName()} roster.xlsx or ${commandName()} folder/`,
    });
  }
  const screening = await Screening.create(req.rules.ruleSet, {
    asOf: req.asOf,
    strictColumns: req.strictColumns,
    env: req.env,
    exceptions: req.exceptions,
  });
  const matcher = new HeaderMatcher(req.rules.ruleSet.columns);
  const inputs: RosterInput[] = [];
  const problems: Problem[] = [];
  const workbooks: ScreenOutcome['workbooks'] = [];
  const unreadable: UserError[] = [];
  let inputsDeclared = 0;
  let rowsBefore = 0;
  // The next roster is read from disk while this one is screened: a folder of small rosters spends
  // much of its time waiting on the file system. A failed read surfaces in its turn.
  const readAhead = (i: number): Promise<Uint8Array> | undefined => {
    const file = req.files[i];
    if (file === undefined) return undefined;
    const bytes = readInputFile(file);
    bytes.catch(() => undefined);
    return bytes;
  };
  let ahead = readAhead(0);
  for (const [i, file] of req.files.entries()) {
    const bytes = ahead;
    ahead = readAhead(i + 1);
    // A file that cannot be read is a problem of the run, not its end: the other rosters go on.
    // Its applicants reach the screening only once the whole file was read, so a file that fails
    // half-way leaves nothing behind. A lone roster streams straight in: if it fails the run
    // ends, and holding its applicants (cells and all) would double the memory of a big roster.
    const pending: { layouts: RosterLayout[]; applicants: Applicant[] } = { layouts: [], applicants: [] };
    const direct = req.files.length === 1;
    try {
      const wb = await openRosterFile(file, { bytes });
      const read = await readRoster(wb, {
        sheets: req.sheets,
        matcher,
        begin: (layout) => (direct ? screening.beginInput(layout) : inputsDeclared + pending.layouts.push(layout) - 1),
        onApplicant: (app) => void (direct ? screening.add(app) : pending.applicants.push(app)),
        onRows: (rows) => req.onProgress?.({ filesDone: i, files: req.files.length, rows: rowsBefore + rows }),
      });
      for (const layout of pending.layouts) screening.beginInput(layout);
      for (const app of pending.applicants) screening.add(app);
      inputsDeclared += pending.layouts.length;
      // Each roster sheet is an input of its own (its own header and columns).
      for (const input of read.inputs) {
        rowsBefore += input.applicants;
        inputs.push({ ...input, sha256: wb.sha256 });
        workbooks.push({ bytes: wb.bytes });
      }
      problems.push(...read.problems);
    } catch (err) {
      if (!isUserError(err)) throw err;
      unreadable.push(err);
      problems.push({ file, message: err.text, unreadable: true });
    }
    req.onProgress?.({ filesDone: i + 1, files: req.files.length, rows: rowsBefore });
  }
  if (inputs.length === 0 && unreadable.length > 0) throw nothingRead(unreadable);
  const result = screening.finish();
  if (result.applicants.length === 0) {
    throw new UserError('no-applicants', {
      zh: `花名册中没有申报人员（${req.files.join('、')}）：表头下方没有填写任何人员。请填写后再审核。`,
      en: `The roster has no applicants (${req.files.join(', ')}): nothing is filled in below the header. Fill it in and screen again.`,
    });
  }
  return { result, inputs, problems, workbooks };
}

/** No roster could be read: the one reason, or each file's. */
function nothingRead(errors: UserError[]): UserError {
  if (errors.length === 1) return errors[0]!;
  return new UserError('inputs-unreadable', {
    zh: `没有一个花名册能读取：\n${errors.map((e) => `  - ${e.text.zh}`).join('\n')}`,
    en: `None of the rosters could be read:\n${errors.map((e) => `  - ${e.text.en}`).join('\n')}`,
  });
}
