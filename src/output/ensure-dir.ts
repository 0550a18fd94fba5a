import { promises as fs } from 'node:fs';
import { UserError } from '../core/user-error.js';

/** Creates an output directory (and parents); failure is a UserError saying what to do. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError('output-dir', {
      zh: `无法创建输出目录 "${dir}"（${code}）。请检查权限或用 --out-dir 换一个目录。`,
      en: `Cannot create the output directory "${dir}" (${code}). Check permissions or choose another directory with --out-dir.`,
    });
  }
}
