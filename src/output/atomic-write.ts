import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/user-error.js';

/**
 * Writes to a temp file beside the target, then renames it into place: a failed run leaves no
 * partial output, and readers never see a half-written file.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(target, err);
  }
}

/** Like writeFileAtomic, but the content is produced by `write(tmpPath)` (e.g. a streaming writer). */
export async function writeViaTemp(target: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof UserError) throw err;
    throw writeError(target, err);
  }
}

export function writeError(target: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  const why: Record<string, [string, string]> = {
    EACCES: ['没有写入权限', 'permission denied'],
    EPERM: ['没有写入权限', 'permission denied'],
    EROFS: ['目录只读', 'the directory is read-only'],
    ENOENT: ['目录不存在', 'the directory does not exist'],
    ENOSPC: ['磁盘空间不足', 'the disk is full'],
    EISDIR: ['目标是一个目录', 'the target is a directory'],
  };
  const [zh, en] = why[code] ?? ['写入失败', 'write failed'];
  return new UserError('output-write', {
    zh: `无法写入 "${target}"：${zh}（${code}）。请换一个输出目录（--out-dir）后重试。`,
    en: `Cannot write "${target}": ${en} (${code}). Choose another output directory (--out-dir) and retry.`,
  });
}
