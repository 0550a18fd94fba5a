import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/user-error.js';

// One run at a time writes an output folder: two runs at once would leave a folder mixing both
// runs' files. The lock is a file holding the owner's pid, made with O_EXCL; a lock whose
// process is gone (killed, power cut) is taken over.

const LOCK_NAME = '.roster-screen.lock';
const POLL_MS = 200;

export interface DirLock {
  release(): void;
}

/** How long a second run waits for the folder (ROSTER_SCREEN_LOCK_WAIT_MS shortens it in tests). */
function waitMs(): number {
  const ms = Number(process.env.ROSTER_SCREEN_LOCK_WAIT_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 5000;
}

export async function acquireDirLock(dir: string): Promise<DirLock> {
  const file = path.join(dir, LOCK_NAME);
  const deadline = Date.now() + waitMs();
  for (;;) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      let held = true;
      return {
        release: () => {
          if (!held) return;
          held = false;
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(dir, err);
    }
    if (!ownerAlive(file)) {
      // A stale lock: its process is gone. Remove it and try again (another waiter may win).
      await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw folderBusy(dir);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function ownerAlive(file: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return true; // being written or removed right now: look again at the next poll
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

function folderBusy(dir: string): UserError {
  return new UserError('output-busy', {
    zh: `输出目录 "${dir}" 正被另一次预审写入。请等它结束后重试，或用 --out-dir 换一个目录。`,
    en: `The output folder "${dir}" is in use by another run. Wait for it to finish and retry, or choose another folder with --out-dir.`,
  });
}

function lockError(dir: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  return new UserError('output-dir', {
    zh: `无法在输出目录 "${dir}" 中写入（${code}）。请检查权限或用 --out-dir 换一个目录。`,
    en: `Cannot write in the output folder "${dir}" (${code}). Check permissions or choose another folder with --out-dir.`,
  });
}
