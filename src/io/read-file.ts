import { readFile, stat } from 'node:fs/promises';
import { fileMissing, fileNotFile, fileTooLarge, fileUnreadable } from './errors.js';
import { formatBytes } from '../ooxml/zip/zip-limits.js';

// Rosters are at most a few tens of MB; anything far beyond is not a roster.
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The whole file, or a UserError saying why it cannot be had. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw fileNotFile(file);
    size = st.size;
  } catch (err) {
    throw mapFsError(file, err);
  }
  if (size > MAX_FILE_BYTES) throw fileTooLarge(file, `${formatBytes(size)} on disk`);
  try {
    const buf = await readFile(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw mapFsError(file, err);
  }
}

function mapFsError(file: string, err: unknown): Error {
  if (err instanceof Error && err.name === 'UserError') return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileMissing(file);
  if (code === 'EISDIR') return fileNotFile(file);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied / 没有权限' : code === 'EBUSY' ? 'file is locked / 文件被占用' : (code ?? String(err));
  return fileUnreadable(file, reason, err);
}
