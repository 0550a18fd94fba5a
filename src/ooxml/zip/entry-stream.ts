import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { UserError } from '../../core/user-error.js';
import { fileCorrupt, fileTooLarge } from '../../io/errors.js';
import type { ZipDirectory, ZipEntry } from './zip-directory.js';
import { checkEntrySize } from './zip-limits.js';

/**
 * Receives inflated bytes in order. Return `false` to stop inflating (no CRC check then); a
 * promise is awaited before more is inflated (the annotated-copy writer's back-pressure).
 */
export type ChunkSink = (chunk: Uint8Array) => void | false | Promise<void | false>;

// Deflate runs in Node's native zlib rather than fflate's JavaScript Inflate: on a 100 000-row
// × 25-column roster fflate was about a quarter of the read's CPU (measured 3.7 s → 2.6 s CPU,
// 11.0 s → 5.8 s wall on a busy 2-core machine, since inflating now overlaps with parsing).
// The limits are checked on every output chunk, so at most OUTPUT_CHUNK bytes exist before a
// bomb is stopped; piping keeps memory bounded. 64 KiB pieces decode to strings small enough to
// die young; bigger ones are large objects that V8 promotes to the old generation while they are
// scanned, which grows the heap (peak RSS 520 → 410 MiB at 100 000 rows read twice with 64 KiB
// pieces instead of 1 MiB ones).
const INPUT_CHUNK = 256 * 1024;
const OUTPUT_CHUNK = 64 * 1024;
/**
 * Entries up to this size (as declared, and so checked against the limits) are inflated in one
 * synchronous call: a stream's set-up and thread-pool hops cost more than they overlap on the parts
 * of a small roster (styles, rels, a 30-row sheet), and a folder of rosters reads thousands.
 */
export const SYNC_INFLATE_MAX = 1024 * 1024;

// Thrown through the inflate pipeline when the sink asks to stop early; caught below, never escapes.
class StopReading extends Error {}
const STOP = new StopReading('stop');

/**
 * Streams the uncompressed bytes of one entry to `sink`, enforcing the zip limits on the
 * actual output, and verifies size and CRC at the end. Damage becomes `file-corrupt`. This is
 * the one inflate path: the reader and the annotated-copy writer both read entries through it.
 */
export async function streamEntry(dir: ZipDirectory, entry: ZipEntry, sink: ChunkSink): Promise<void> {
  const data = dir.dataOf(entry);
  const file = dir.file;
  let out = 0;
  let crc = 0;
  let sinkError: unknown = undefined;

  const take = async (chunk: Uint8Array): Promise<void> => {
    if (chunk.length === 0) return;
    out += chunk.length;
    // A header that understates the size is a lie: stop at once instead of trusting it. With
    // this, the declared sizes (checked against the limits when the directory was read) bound
    // the real output too.
    if (out > entry.uncompressedSize) throw fileCorrupt(file, `${entry.name} is larger than its header says`);
    const violation = checkEntrySize(dir.limits, out, entry.compressedSize);
    if (violation) throw fileTooLarge(file, `${entry.name}: ${violation}`);
    crc = zlib.crc32(chunk, crc);
    let r: void | false | Promise<void | false>;
    try {
      r = sink(chunk);
      if (r instanceof Promise) r = await r;
    } catch (err) {
      sinkError = err;
      throw err;
    }
    if (r === false) throw STOP;
  };

  try {
    if (entry.method === 0) {
      for (let i = 0, n = 0; i < data.length; i += 1024 * 1024, n++) {
        await take(data.subarray(i, Math.min(i + 1024 * 1024, data.length)));
        if (n % 16 === 15) await yieldToLoop();
      }
    } else if (entry.method === 8 && entry.uncompressedSize <= SYNC_INFLATE_MAX) {
      const all = inflateSmall(data, entry.uncompressedSize, () => fileCorrupt(file, `${entry.name} is larger than its header says`));
      for (let i = 0; i < all.length; i += OUTPUT_CHUNK) await take(all.subarray(i, Math.min(i + OUTPUT_CHUNK, all.length)));
    } else if (entry.method === 8) {
      // Native zlib on the libuv thread pool: it inflates while this thread scans XML.
      const source = Readable.from(inputChunks(data), { objectMode: false });
      const inflate = zlib.createInflateRaw({ chunkSize: OUTPUT_CHUNK });
      source.pipe(inflate);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) await take(chunk);
      } finally {
        source.destroy();
        inflate.destroy();
      }
    } else {
      throw fileCorrupt(file, `${entry.name} uses unsupported zip compression method ${entry.method}`);
    }
  } catch (err) {
    if (err === STOP) return;
    if (err === sinkError || err instanceof UserError) throw err;
    // zlib fails with Z_DATA_ERROR / Z_BUF_ERROR ("unexpected end of file") on damaged data.
    throw fileCorrupt(file, `${entry.name}: ${(err as Error)?.message ?? String(err)}`, err);
  }

  if (out !== entry.uncompressedSize) {
    throw fileCorrupt(file, `${entry.name} has ${out} bytes, header says ${entry.uncompressedSize}`);
  }
  if (crc !== entry.crc) throw fileCorrupt(file, `${entry.name} fails its checksum`);
}

/** Whole entry as one byte array — for the small parts (workbook, rels, styles). */
export async function readEntryBytes(dir: ZipDirectory, entry: ZipEntry): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  await streamEntry(dir, entry, (c) => {
    parts.push(c.slice());
    size += c.length;
  });
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * A small deflated entry in one call, never more than its declared size (`tooLarge` when the data
 * holds more). zlib's own errors (damaged data) are thrown as they are.
 */
function inflateSmall(data: Uint8Array, declaredSize: number, tooLarge: () => Error): Buffer {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, declaredSize) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw err;
  }
}

function* inputChunks(data: Uint8Array): Generator<Buffer> {
  for (let i = 0; i < data.length; i += INPUT_CHUNK) {
    yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(INPUT_CHUNK, data.length - i));
  }
}

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
