import { randomBytes } from 'node:crypto';
import { closeSync, promises as fs, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/user-error.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';
import { ensureDir, recordCreatedDirs } from './ensure-dir.js';
import { textBatches } from './text-batches.js';

/**
 * A set of outputs that lands all together or not at all: while a transaction is open, writes go to
 * temp files beside their targets and are renamed into place only at `commit`; `rollback` deletes
 * them, and the output folders the transaction created. One `screen` run writes a dozen files; a
 * failure on the last must not leave the others.
 */
export class OutputTransaction {
  private readonly staged: { tmp: string; target: string }[] = [];
  /** Folders this transaction created, parents first. */
  readonly createdDirs: string[] = [];
  lock: DirLock | null = null;

  constructor(readonly option?: string) {}

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
        throw writeError(target, err, this.option);
      }
    }
    for (const { tmp, target } of this.staged) {
      try {
        await fs.rename(tmp, target);
        liveTemps.delete(tmp);
      } catch (err) {
        await this.rollback();
        throw writeError(target, err, this.option);
      }
    }
    this.staged.length = 0;
    this.lock?.release();
    this.lock = null;
  }

  async rollback(): Promise<void> {
    await Promise.all(this.staged.map(({ tmp }) => fs.rm(tmp, { force: true }).catch(() => undefined)));
    for (const { tmp } of this.staged) liveTemps.delete(tmp);
    this.staged.length = 0;
    this.abandonSync();
  }

  /** Releases the lock and removes the (now empty) folders we made; safe to call twice. */
  abandonSync(): void {
    this.lock?.release();
    this.lock = null;
    for (const dir of this.createdDirs.splice(0).reverse()) {
      try {
        rmdirSync(dir); // only if empty: never a file the user put there meanwhile
      } catch {
        // not empty or gone: leave it
      }
    }
  }
}

let current: OutputTransaction | null = null;
/** Every temp file that exists now (written, not yet renamed or removed): removed on a signal. */
const liveTemps = new Set<string>();

export interface TransactionOptions {
  /** The option that chooses the output location, suggested when a write fails. */
  option?: string;
  /** A folder to create and lock for the transaction (a second run writing it waits, then stops). */
  lockDir?: string;
}

/** Runs `work` with every write staged; commits when it succeeds, rolls back when it throws. */
export async function inOutputTransaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const tx = new OutputTransaction(options.option);
  current = tx;
  recordCreatedDirs((dirs) => tx.createdDirs.push(...dirs));
  try {
    if (options.lockDir !== undefined) {
      await ensureDir(options.lockDir);
      tx.lock = await acquireDirLock(options.lockDir);
    }
    const result = await work();
    current = null;
    recordCreatedDirs(null);
    await tx.commit();
    return result;
  } catch (err) {
    current = null;
    recordCreatedDirs(null);
    await tx.rollback();
    throw err;
  }
}

/**
 * On Ctrl-C or SIGTERM: removes every temp file and the open transaction's lock and new folders,
 * synchronously (the process exits right after).
 */
export function abandonOutputsSync(): void {
  for (const tmp of liveTemps) rmSync(tmp, { force: true });
  liveTemps.clear();
  current?.abandonSync();
}

// Short and fixed-length: a temp name built from a long target name (80 Chinese characters are
// 240 bytes) would exceed the file system's 255-byte limit on names.
function tempPathFor(target: string): string {
  const tmp = path.join(path.dirname(target), `.rs-${randomBytes(6).toString('hex')}.tmp`);
  liveTemps.add(tmp);
  return tmp;
}

async function place(tmp: string, target: string): Promise<void> {
  if (current) current.stage(tmp, target);
  else {
    await fs.rename(tmp, target);
    liveTemps.delete(tmp);
  }
}

async function removeTemp(tmp: string): Promise<void> {
  await fs.rm(tmp, { force: true }).catch(() => undefined);
  liveTemps.delete(tmp);
}

/**
 * Writes to a temp file beside the target, then renames it into place: a failed run leaves no
 * partial output, and readers never see a half-written file. `option` names the option that
 * chose the target (suggested when the write fails), when no transaction gives one.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, option?: string): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await fs.writeFile(tmp, data);
    await place(tmp, target);
  } catch (err) {
    await removeTemp(tmp);
    throw writeError(target, err, option);
  }
}

/**
 * A text produced in pieces (a report over 100 000 applicants is tens of MB: never one string),
 * written in ~64 KiB synchronous writes (textBatches) to a temp file renamed into place.
 */
export async function writeTextAtomic(target: string, produce: (write: (chunk: string) => void) => void): Promise<void> {
  await writeViaTemp(target, async (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      const out = textBatches((text) => writeSync(fd, text));
      produce(out.write);
      out.end();
    } finally {
      closeSync(fd);
    }
  });
}

/** Like writeFileAtomic, but the content is produced by `write(tmpPath)` (e.g. a streaming writer). */
export async function writeViaTemp(target: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await write(tmp);
    await place(tmp, target);
  } catch (err) {
    await removeTemp(tmp);
    // Only file-system failures are the user's to fix; a programming error stays one (internal error).
    if (err instanceof UserError || !/^E[A-Z]+$/.test(String((err as NodeJS.ErrnoException | undefined)?.code ?? ''))) throw err;
    throw writeError(target, err);
  }
}

/**
 * The user's message for a failed write. It suggests `option` (or the open transaction's) only
 * when there is one: `screen` has --out-dir, `template` and `rules init` have --out.
 */
export function writeError(target: string, err: unknown, option = current?.option): UserError {
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
    ENAMETOOLONG: ['文件名过长', 'the file name is too long'],
  };
  const [zh, en] = why[code] ?? ['写入失败', 'write failed'];
  return new UserError('output-write', {
    zh: `无法写入 "${target}"：${zh}（${code}）。${option ? `请用 ${option} 换一个输出位置后重试。` : '请检查该位置后重试。'}`,
    en: `Cannot write "${target}": ${en} (${code}). ${option ? `Choose another output location with ${option} and retry.` : 'Check that location and retry.'}`,
  });
}
