import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from '../io/zip/zip-directory.js';
import { inflateSmall, readEntryBytes, SYNC_INFLATE_MAX } from '../io/zip/zip-entry-stream.js';
import { DEFAULT_ZIP_LIMITS } from '../io/zip/zip-limits.js';
import { fileCorrupt } from '../io/errors.js';

// Read access to the input package: whole small parts as text, big parts as a text stream.

// Inflating uses Node's native zlib (about ten times faster than a JavaScript inflate on sheet
// XML), fed 256 KiB at a time and handing on at most 64 KiB at a time. Small pieces matter for
// memory: text of 1 MiB is a large object that V8 promotes straight to the old generation while
// it is worked on, and a 100 000-row sheet read twice left ~400 MB of such garbage there (peak
// RSS 520 → 410 MiB at 100 000 rows with 64 KiB).
const INPUT_CHUNK = 256 * 1024;
const OUTPUT_CHUNK = 64 * 1024;

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
    // StringDecoder keeps a character split across chunks whole, and is faster than TextDecoder.
    const decoder = new StringDecoder('utf8');
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += INPUT_CHUNK * 4) {
        const end = Math.min(i + INPUT_CHUNK * 4, data.length);
        const text = decoder.write(Buffer.from(data.buffer, data.byteOffset + i, end - i)) + (end < data.length ? '' : decoder.end());
        if ((await onText(text)) === false) return;
      }
      return;
    }
    if (e.method !== 8) throw fileCorrupt(this.dir.file, `${name} uses unsupported compression method ${e.method}`);
    if (e.uncompressedSize <= SYNC_INFLATE_MAX) {
      let all: Buffer;
      try {
        all = inflateSmall(data, e.uncompressedSize, () => fileCorrupt(this.dir.file, `${name} is larger than its header says`));
      } catch (err) {
        throw this.damage(name, err);
      }
      for (let i = 0; i < all.length; i += OUTPUT_CHUNK) {
        const text = decoder.write(all.subarray(i, Math.min(i + OUTPUT_CHUNK, all.length)));
        if (text && (await onText(text)) === false) return;
      }
      const rest = decoder.end();
      if (rest) await onText(rest);
      return;
    }
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i += INPUT_CHUNK) yield data.subarray(i, Math.min(i + INPUT_CHUNK, data.length));
      })(),
      { objectMode: false },
    );
    const inflate = zlib.createInflateRaw({ chunkSize: OUTPUT_CHUNK });
    source.pipe(inflate);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        const text = decoder.write(chunk);
        if (text && (await onText(text)) === false) return;
      }
      const rest = decoder.end();
      if (rest) await onText(rest);
    } catch (err) {
      throw this.damage(name, err);
    } finally {
      source.destroy();
      inflate.destroy();
    }
  }

  /** zlib errors (Z_DATA_ERROR, …) mean damaged data; anything else (e.g. the handler's own) as it is. */
  private damage(name: string, err: unknown): unknown {
    if (/^Z_/.test(String((err as NodeJS.ErrnoException | undefined)?.code ?? ''))) {
      return fileCorrupt(this.dir.file, `${name}: ${(err as Error).message}`, err);
    }
    return err;
  }
}
