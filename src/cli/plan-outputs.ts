import path from 'node:path';
import { UserError } from '../core/user-error.js';

// Roster extensions we read, and what a copy of ours adds to a name: ".screened", or
// ".screened (2)" when that one is taken (re-screening a copy, two employers' 花名册.xls and 花名册.xlsx).
const ROSTER_EXT = /\.(xlsx|xlsm|csv|xls|et|ods|xlsb)$/i;
const OUR_SUFFIX = /\.screened(?: \(\d+\)|-\d+)?$/;

/**
 * Where each roster's annotated copy goes: beside it, or in --out-dir. A name never stacks
 * (`花名册.screened.xlsx` screened again gives `花名册.screened (2).xlsx`, the first free number),
 * never lands on an input, and never on another copy of the same run.
 */
export function annotatedPaths(files: string[], outDir: string | undefined): string[] {
  const inputs = new Set(files.map((f) => path.resolve(f)));
  const taken = new Set<string>();
  return files.map((file) => {
    const base = path.basename(file).replace(ROSTER_EXT, '').replace(OUR_SUFFIX, '');
    const dir = outDir ?? path.dirname(file);
    let target = path.join(dir, `${base}.screened.xlsx`);
    for (let n = 2; taken.has(path.resolve(target)) || inputs.has(path.resolve(target)); n++) target = path.join(dir, `${base}.screened (${n}).xlsx`);
    taken.add(path.resolve(target));
    return target;
  });
}

/** Stops before writing when any output path is one of the inputs (e.g. a roster named 推荐名单.xlsx). */
export function refuseOverwritingInputs(inputs: string[], outputs: string[]): void {
  const resolved = new Set(inputs.map((f) => path.resolve(f)));
  for (const target of outputs) {
    if (!resolved.has(path.resolve(target))) continue;
    throw new UserError('output-is-input', {
      zh: `输出文件 "${target}" 与输入文件相同，为避免覆盖原文件已停止。请用 --out-dir 指定其他目录，或将该输入文件改名。`,
      en: `The output "${target}" is one of the input files; stopped so the input is not overwritten. Use --out-dir to pick another directory, or rename that input.`,
    });
  }
}
