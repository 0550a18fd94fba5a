import { Inflate } from 'fflate';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from '../io/zip/zip-directory.js';
import { readEntryBytes } from '../io/zip/zip-entry-stream.js';
import { DEFAULT_ZIP_LIMITS } from '../io/zip/zip-limits.js';
import { fileCorrupt } from '../io/errors.js';

// Read access to the input package: whole small parts as text, big parts as a text stream.

const INPUT_CHUNK = 64 * 1024;

export class PackageReader {
  readonly dir: ZipDirectory;

  constructor(file: string, bytes: Uint8Array) {
    // The reader has already accepted this file; the checks here only guard against misuse.
    this.dir = readZipDirectory(file, bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: Number.MAX_SAFE_INTEGER });
  }

  get entries(): readonly ZipEntry[] {
    return this.dir.entries;
  }

  /** The entry by part name (case-insensitive, with or without a leading `/`). */
  get(name: string): ZipEntry | undefined {
    return this.dir.get(name);
  }

  async text(name: string): Promise<string | null> {
    const e = this.get(name);
    if (!e) return null;
    return new TextDecoder('utf-8').decode(await readEntryBytes(this.dir, e));
  }

  /**
   * Streams an entry as text (UTF-8 decoded across chunk boundaries). `onText` may be async;
   * it is awaited before more is inflated. Returning `false` stops early.
   */
  async stream(name: string, onText: (text: string) => boolean | void | Promise<boolean | void>): Promise<void> {
    const e = this.get(name);
    if (!e) throw fileCorrupt(this.dir.file, `${name} is missing`);
    const data = this.dir.dataOf(e);
    const decoder = new TextDecoder('utf-8');
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += INPUT_CHUNK * 16) {
        const end = Math.min(i + INPUT_CHUNK * 16, data.length);
        const text = decoder.decode(data.subarray(i, end), { stream: end < data.length });
        if ((await onText(text)) === false) return;
      }
      return;
    }
    if (e.method !== 8) throw fileCorrupt(this.dir.file, `${name} uses unsupported compression method ${e.method}`);
    let text = '';
    const inflate = new Inflate((chunk) => {
      text += decoder.decode(chunk, { stream: true });
    });
    for (let i = 0; i < data.length || i === 0; i += INPUT_CHUNK) {
      const end = Math.min(i + INPUT_CHUNK, data.length);
      const final = end >= data.length;
      try {
        inflate.push(data.subarray(i, end), final);
      } catch (err) {
        throw fileCorrupt(this.dir.file, `${name}: ${(err as Error).message}`, err);
      }
      if (final) text += decoder.decode();
      const ready = text;
      text = '';
      if (ready && (await onText(ready)) === false) return;
      if (final) break;
    }
  }
}
