import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/user-error.js';

/**
 * Creates an output directory (and parents); failure is a UserError saying what to do. Inside an
 * output transaction, the folders it creates are removed again if the transaction fails.
 */
export async function ensureDir(dir: string): Promise<void> {
  let first: string | undefined;
  try {
    first = await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError('output-dir', {
      zh: `无法创建输出目录 "${dir}"（${code}）。请检查权限或用 --out-dir 换一个目录。`,
      en: `Cannot create the output directory "${dir}" (${code}). Check permissions or choose another directory with --out-dir.`,
    });
  }
  if (first === undefined || recorder === null) return;
  // mkdir gives the first folder it made: record it and each one below it down to `dir`.
  const made: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    made.unshift(d);
    if (d === path.resolve(first) || d === path.dirname(d)) break;
  }
  recorder(made);
}

let recorder: ((dirs: string[]) => void) | null = null;

/** While set (by the open output transaction), every folder ensureDir creates is passed to `record`, parents first. */
export function recordCreatedDirs(record: ((dirs: string[]) => void) | null): void {
  recorder = record;
}
