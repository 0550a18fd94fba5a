import { UserError } from '../../core/user-error.js';
import { fileCorrupt } from '../errors.js';
import { XmlScanner } from '../../ooxml/xml-tokenizer.js';
import type { ZipDirectory, ZipEntry } from '../../ooxml/zip/zip-directory.js';
import { readEntryBytes } from '../../ooxml/zip/entry-stream.js';

// The small parts (workbook, relationships, styles): read whole, then tokenized. Damage of the
// XML or its encoding becomes `file-corrupt` naming the part.

/** The part's text: UTF-8 in practice; a UTF-16 BOM is honoured if a writer used one. */
export async function readPartText(dir: ZipDirectory, entry: ZipEntry): Promise<string> {
  return guardXml(dir.file, entry.name, async () => {
    const b = await readEntryBytes(dir, entry);
    const enc = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : 'utf-8';
    return new TextDecoder(enc, { fatal: true }).decode(b);
  });
}

export interface TagHandler {
  /** A start or empty tag; `attr` reads its attributes (entities decoded). */
  open(name: string, selfClosing: boolean, attr: (name: string) => string | undefined, attrNames: () => string[]): void;
  close?(name: string): void;
}

/** Tokenizes a whole small part. */
export async function scanPart(dir: ZipDirectory, entry: ZipEntry, h: TagHandler): Promise<void> {
  const text = await readPartText(dir, entry);
  await guardXml(dir.file, entry.name, async () => {
    const attr = (name: string): string | undefined => scanner.attr(name);
    const attrNames = (): string[] => scanner.attrNames();
    const scanner: XmlScanner = new XmlScanner({
      wantText: false,
      text() {},
      open: (name, selfClosing) => h.open(name, selfClosing, attr, attrNames),
      close: (name) => h.close?.(name),
    });
    scanner.write(text);
    scanner.close();
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
