import { SaxesParser } from 'saxes';
import { UserError } from '../../core/user-error.js';
import { fileCorrupt } from '../errors.js';
import type { ZipDirectory, ZipEntry } from '../zip/zip-directory.js';
import { streamEntry } from '../zip/zip-entry-stream.js';

// Zip entry → bytes → text → SAX events. The TextDecoder runs in streaming mode so a
// multi-byte character split between two inflated chunks is joined, never turned into U+FFFD
// (exceljs's streaming reader garbles exactly these).

export type XmlParser = SaxesParser<{ xmlns: false; position: false }>;

export function createXmlParser(): XmlParser {
  // No namespace processing and no position tracking: both cost time on every tag.
  return new SaxesParser({ xmlns: false, position: false });
}

/** Tag name without its namespace prefix: some writers emit `<x:row>` everywhere. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An incremental bytes → parser feeder. */
export class XmlFeeder {
  private decoder: InstanceType<typeof TextDecoder> | undefined;

  constructor(private readonly parser: XmlParser) {}

  write(chunk: Uint8Array): void {
    if (!this.decoder) {
      // Parts are UTF-8 in practice; honour a UTF-16 BOM if a writer used one.
      const enc = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(enc, { fatal: true });
    }
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.parser.write(text);
  }

  end(): void {
    const rest = this.decoder ? this.decoder.decode() : '';
    if (rest.length > 0) this.parser.write(rest);
    this.parser.close();
  }
}

/** Streams a whole entry through `parser`; XML or encoding damage becomes `file-corrupt`. */
export async function parseEntry(dir: ZipDirectory, entry: ZipEntry, parser: XmlParser): Promise<void> {
  const feeder = new XmlFeeder(parser);
  await guardXml(dir.file, entry.name, async () => {
    await streamEntry(dir, entry, (chunk) => feeder.write(chunk));
    feeder.end();
  });
}

/**
 * Runs `work`, turning anything but a UserError (or an error `passThrough` claims, e.g. one
 * thrown by the caller's row callback) into `file-corrupt` naming the part.
 */
export async function guardXml<T>(
  file: string,
  part: string,
  work: () => Promise<T>,
  passThrough?: (err: unknown) => boolean,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UserError || passThrough?.(err)) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw fileCorrupt(file, `${part}: ${msg.split('\n')[0]}`, err);
  }
}
