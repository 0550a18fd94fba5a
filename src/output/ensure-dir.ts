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
    const [zh, en] = WHY[code] ?? [code, code];
    throw new UserError('output-dir', {
      zh: `无法创建输出目录 "${dir}"：${zh}。请用 --out-dir 换一个目录。`,
      en: `Cannot create the output directory "${dir}": ${en}. Choose another directory with --out-dir.`,
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

// Why mkdir failed, in words: `--out-dir 花名册.xlsx` (a file) said only "EEXIST".
const WHY: Record<string, [string, string]> = {
  EEXIST: ['同名的文件已存在，它不是目录', 'a file of that name exists, and it is not a folder'],
  ENOTDIR: ['路径中有一部分是文件，不是目录', 'part of the path is a file, not a folder'],
  EACCES: ['没有在该位置创建目录的权限', 'no permission to create a folder there'],
  EPERM: ['没有在该位置创建目录的权限', 'no permission to create a folder there'],
  EROFS: ['该位置只读', 'the location is read-only'],
  ENOSPC: ['磁盘空间不足', 'the disk is full'],
};

let recorder: ((dirs: string[]) => void) | null = null;

/** While set (by the open output transaction), every folder ensureDir creates is passed to `record`, parents first. */
export function recordCreatedDirs(record: ((dirs: string[]) => void) | null): void {
  recorder = record;
}
