import path from 'node:path';
import { UserError } from '../core/user-error.js';

/** Where each roster's annotated copy goes: beside it, or in --out-dir; never over an input. */
export function annotatedPaths(files: string[], outDir: string | undefined): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const base = path.basename(file).replace(/\.(xlsx|xlsm|csv)$/i, '');
    const dir = outDir ?? path.dirname(file);
    let target = path.join(dir, `${base}.screened.xlsx`);
    // Two employers' files with the same name in one --out-dir: keep both.
    for (let n = 2; taken.has(path.resolve(target)); n++) target = path.join(dir, `${base}.screened-${n}.xlsx`);
    refuseOverwritingInputs(files, [target]);
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
