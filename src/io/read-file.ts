import { readFile, stat } from 'node:fs/promises';
import { fileMissing, fileNotFile, fileTooLarge, fileUnreadable } from './errors.js';
import { formatBytes } from '../ooxml/zip/zip-limits.js';

// Rosters are at most a few tens of MB; anything far beyond is not a roster.
const MAX_FILE_BYTES = 512 * 1024 * 1024;

// A file whose name is not valid UTF-8 (GBK names from a Chinese Windows zip) is shown by its
// decoded name but can only be opened by its raw bytes: the folder walk registers the pair here,
// so every other module keeps handling plain string paths.
const rawPaths = new Map<string, Buffer>();

/** Remembers that the file shown as `shown` is opened by the raw path `raw`. */
export function registerRawPath(shown: string, raw: Buffer): void {
  rawPaths.set(shown, raw);
}

/** The path to give the file system for a file shown as `file`. */
export function fsPath(file: string): string | Buffer {
  return rawPaths.get(file) ?? file;
}

/** The whole file, or a UserError saying why it cannot be had. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  const where = fsPath(file);
  let size: number;
  try {
    const st = await stat(where);
    if (!st.isFile()) throw fileNotFile(file);
    size = st.size;
  } catch (err) {
    throw mapFsError(file, err);
  }
  if (size > MAX_FILE_BYTES) throw fileTooLarge(file, `${formatBytes(size)} on disk`);
  try {
    const buf = await readFile(where);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw mapFsError(file, err);
  }
}

/** A file-system error on `file` as the UserError the user reads (missing, not a file, no permission…). */
export function mapFsError(file: string, err: unknown): Error {
  if (err instanceof Error && err.name === 'UserError') return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileMissing(file);
  if (code === 'EISDIR') return fileNotFile(file);
  return fileUnreadable(file, fsReason(err), err);
}

/** A short, bilingual reason for a file-system error code. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied / 没有权限';
  if (code === 'EBUSY') return 'file is locked / 文件被占用';
  if (code === 'ELOOP') return 'too many levels of links / 链接循环';
  return code ?? String(err);
}
