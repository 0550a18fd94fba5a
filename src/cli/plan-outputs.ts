import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/user-error.js';

// Roster extensions we read, and what a copy of ours adds to a name: ".screened", or
// ".screened (2)" when that one is taken (re-screening a copy, two employers' 花名册.xls and 花名册.xlsx).
const ROSTER_EXT = /\.(xlsx|xlsm|csv|xls|et|ods|xlsb)$/i;
const OUR_SUFFIX = /\.screened(?: \(\d+\)|-\d+)?$/;

/**
 * What is already at a candidate path: nothing, or a file — with the name of the workbook it
 * was made from when it is a copy of ours (our marker's `source`; `''` for our copies made
 * before it was recorded), else null (not ours, or unreadable).
 */
export type ExistingFile = { exists: false } | { exists: true; ourSourceFile: string | null };
export type ExistingProbe = (file: string) => Promise<ExistingFile>;

/**
 * Where each roster's annotated copy goes: beside it, or in --out-dir. A name never stacks
 * (`花名册.screened.xlsx` screened again gives `花名册.screened (2).xlsx`), never lands on an input,
 * and never on another copy of the same run.
 *
 * An existing file is replaced only when it is our own copy of the same original: screening
 * `花名册.xlsx` again replaces the `花名册.screened.xlsx` it wrote before (our marker names
 * `花名册.xlsx` as its source). Any other file — not ours, a copy saved by a program that dropped
 * our marker, a copy made from another file — is kept, and the copy gets the first free number.
 * Re-screening a copy (`花名册.screened.xlsx`, `花名册.screened (2).xlsx`) never replaces an existing
 * file: the user may have edited it.
 */
export async function annotatedPaths(files: string[], outDir: string | undefined, probe: ExistingProbe = probeExisting): Promise<string[]> {
  const inputs = new Set(files.map((f) => path.resolve(f)));
  const taken = new Set<string>();
  const out: string[] = [];
  for (const file of files) {
    const stem = path.basename(file).replace(ROSTER_EXT, '');
    const base = stem.replace(OUR_SUFFIX, '');
    const rescreen = base !== stem;
    const dir = outDir ?? path.dirname(file);
    const free = async (target: string, n: number): Promise<boolean> => {
      const abs = path.resolve(target);
      if (taken.has(abs) || inputs.has(abs)) return false;
      const existing = await probe(abs);
      if (!existing.exists) return true;
      if (rescreen || existing.ourSourceFile === null) return false;
      // Our copy of this very file (or, from before the source was recorded, our plain .screened copy).
      return existing.ourSourceFile === path.basename(file) || (existing.ourSourceFile === '' && n === 1);
    };
    let target = path.join(dir, `${base}.screened.xlsx`);
    for (let n = 1; !(await free(target, n)); ) target = path.join(dir, `${base}.screened (${++n}).xlsx`);
    taken.add(path.resolve(target));
    out.push(target);
  }
  return out;
}

/** Reads a file at a candidate path: whether it is there, and whose copy it is (see ExistingFile). */
async function probeExisting(file: string): Promise<ExistingFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A folder of that name cannot be written over: the write then fails, naming it and --out-dir.
    return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' ? { exists: false } : { exists: true, ourSourceFile: null };
  }
  try {
    const { PackageReader } = await import('../annotate/package-reader.js');
    const { readPackageMarker } = await import('../annotate/marker.js');
    const { marker } = await readPackageMarker(new PackageReader(file, bytes));
    return { exists: true, ourSourceFile: marker ? (marker.source ?? '') : null };
  } catch {
    return { exists: true, ourSourceFile: null };
  }
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
