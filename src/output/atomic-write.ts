import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/user-error.js';

/**
 * A set of outputs that lands all together or not at all: while a transaction is open, writes go to
 * temp files beside their targets and are renamed into place only at `commit`; `rollback` deletes
 * them. One `screen` run writes a dozen files; a failure on the last must not leave the others.
 */
export class OutputTransaction {
  private readonly staged: { tmp: string; target: string }[] = [];

  stage(tmp: string, target: string): void {
    this.staged.push({ tmp, target });
  }

  async commit(): Promise<void> {
    // Check every target first, so a late failure cannot leave some files renamed and others not.
    const stats = await Promise.all(this.staged.map(({ target }) => fs.stat(target).catch(() => null)));
    for (const [i, { target }] of this.staged.entries()) {
      if (stats[i]?.isDirectory()) {
        await this.rollback();
        const err = Object.assign(new Error('target is a directory'), { code: 'EISDIR' });
        throw writeError(target, err);
      }
    }
    for (const { tmp, target } of this.staged) {
      try {
        await fs.rename(tmp, target);
      } catch (err) {
        await this.rollback();
        throw writeError(target, err);
      }
    }
    this.staged.length = 0;
  }

  async rollback(): Promise<void> {
    await Promise.all(this.staged.map(({ tmp }) => fs.rm(tmp, { force: true }).catch(() => undefined)));
    this.staged.length = 0;
  }
}

let current: OutputTransaction | null = null;

/** Runs `work` with every write staged; commits when it succeeds, rolls back when it throws. */
export async function inOutputTransaction<T>(work: () => Promise<T>): Promise<T> {
  const tx = new OutputTransaction();
  current = tx;
  try {
    const result = await work();
    current = null;
    await tx.commit();
    return result;
  } catch (err) {
    current = null;
    await tx.rollback();
    throw err;
  }
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function place(tmp: string, target: string): Promise<void> {
  if (current) current.stage(tmp, target);
  else await fs.rename(tmp, target);
}

/**
 * Writes to a temp file beside the target, then renames it into place: a failed run leaves no
 * partial output, and readers never see a half-written file.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await fs.writeFile(tmp, data);
    await place(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(target, err);
  }
}

/** Like writeFileAtomic, but the content is produced by `write(tmpPath)` (e.g. a streaming writer). */
export async function writeViaTemp(target: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await write(tmp);
    await place(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    // Only file-system failures are the user's to fix; a programming error stays one (internal error).
    if (err instanceof UserError || !/^E[A-Z]+$/.test(String((err as NodeJS.ErrnoException | undefined)?.code ?? ''))) throw err;
    throw writeError(target, err);
  }
}

export function writeError(target: string, err: unknown): UserError {
  if (err instanceof UserError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  const why: Record<string, [string, string]> = {
    // Windows refuses to replace a file another program holds open (the last run's copy in Excel or WPS).
    EACCES: ['没有写入权限，或该文件正在 Excel、WPS 等程序中打开（请关闭后重试）', 'permission denied, or the file is open in Excel, WPS or another program (close it and retry)'],
    EPERM: ['没有写入权限，或该文件正在 Excel、WPS 等程序中打开（请关闭后重试）', 'permission denied, or the file is open in Excel, WPS or another program (close it and retry)'],
    EBUSY: ['该文件正在 Excel、WPS 等程序中打开（请关闭后重试）', 'the file is open in another program (close it and retry)'],
    EROFS: ['目录只读', 'the directory is read-only'],
    ENOENT: ['目录不存在', 'the directory does not exist'],
    ENOSPC: ['磁盘空间不足', 'the disk is full'],
    EISDIR: ['目标是一个目录', 'the target is a directory'],
    ENOTDIR: ['路径中有一部分不是目录', 'part of the path is not a directory'],
  };
  const [zh, en] = why[code] ?? ['写入失败', 'write failed'];
  return new UserError('output-write', {
    zh: `无法写入 "${target}"：${zh}（${code}）。请换一个输出位置（--out-dir 或 --out）后重试。`,
    en: `Cannot write "${target}": ${en} (${code}). Choose another output location (--out-dir or --out) and retry.`,
  });
}
