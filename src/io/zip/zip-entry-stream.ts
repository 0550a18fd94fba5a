import { Inflate } from 'fflate';
import { UserError } from '../../core/user-error.js';
import { fileCorrupt, fileTooLarge } from '../errors.js';
import { crc32 } from './crc32.js';
import type { ZipDirectory, ZipEntry } from './zip-directory.js';
import { checkEntrySize } from './zip-limits.js';

/** Receives inflated bytes in order. Return `false` to stop inflating (no CRC check then). */
export type ChunkSink = (chunk: Uint8Array) => void | false;

// 32 KiB of deflate input inflates to at most ~33 MB (deflate tops out near 1032:1), which
// bounds the memory a single push can take before the limits below get to look at it.
const INPUT_CHUNK = 32 * 1024;
// Yield to the event loop now and then so a long sheet does not freeze timers / Ctrl-C.
const PUSHES_PER_YIELD = 64;

const STOP = Symbol('stop');

/**
 * Streams the uncompressed bytes of one entry to `sink`, enforcing the zip limits on the
 * actual output, and verifies size and CRC at the end. Damage becomes `file-corrupt`.
 */
export async function streamEntry(dir: ZipDirectory, entry: ZipEntry, sink: ChunkSink): Promise<void> {
  const data = dir.dataOf(entry);
  const file = dir.file;
  let out = 0;
  let crc = 0;
  let sinkError: unknown = undefined;

  const take = (chunk: Uint8Array): void => {
    if (chunk.length === 0) return;
    out += chunk.length;
    // A header that understates the size is a lie: stop at once instead of trusting it. With
    // this, the declared sizes (checked against the limits when the directory was read) bound
    // the real output too.
    if (out > entry.uncompressedSize) throw fileCorrupt(file, `${entry.name} is larger than its header says`);
    const violation = checkEntrySize(dir.limits, out, entry.compressedSize);
    if (violation) throw fileTooLarge(file, `${entry.name}: ${violation}`);
    crc = crc32(chunk, crc);
    let r: void | false;
    try {
      r = sink(chunk);
    } catch (err) {
      sinkError = err;
      throw err;
    }
    if (r === false) throw STOP;
  };

  try {
    if (entry.method === 0) {
      for (let i = 0, n = 0; i < data.length; i += 1024 * 1024, n++) {
        take(data.subarray(i, Math.min(i + 1024 * 1024, data.length)));
        if (n % 16 === 15) await yieldToLoop();
      }
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk) => take(chunk));
      let pushes = 0;
      for (let i = 0; i < data.length || i === 0; i += INPUT_CHUNK) {
        const end = Math.min(i + INPUT_CHUNK, data.length);
        inflate.push(data.subarray(i, end), end >= data.length);
        if (++pushes % PUSHES_PER_YIELD === 0) await yieldToLoop();
        if (end >= data.length) break;
      }
    } else {
      throw fileCorrupt(file, `${entry.name} uses unsupported zip compression method ${entry.method}`);
    }
  } catch (err) {
    if (err === STOP) return;
    if (err === sinkError || err instanceof UserError) throw err;
    // fflate throws plain errors ("invalid block type", "unexpected EOF", …) on damaged data.
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
  for (const p of parts) (all.set(p, at), (at += p.length));
  return all;
}

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
