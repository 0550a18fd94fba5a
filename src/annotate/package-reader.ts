import { StringDecoder } from 'node:string_decoder';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from '../ooxml/zip/zip-directory.js';
import { readEntryBytes, streamEntry } from '../ooxml/zip/entry-stream.js';
import { DEFAULT_ZIP_LIMITS } from '../ooxml/zip/zip-limits.js';
import { fileCorrupt } from '../io/errors.js';

// Read access to the input package: whole small parts as text, big parts as a text stream, both
// through the package layer's one inflate path.

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
    // StringDecoder keeps a character split across chunks whole, and is faster than TextDecoder.
    const decoder = new StringDecoder('utf8');
    let stopped = false;
    await streamEntry(this.dir, e, async (chunk) => {
      const text = decoder.write(chunk);
      if (text && (await onText(text)) === false) return (stopped = true), false;
    });
    if (stopped) return;
    const rest = decoder.end();
    if (rest) await onText(rest);
  }
}
