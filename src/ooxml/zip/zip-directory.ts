import { fileCorrupt, fileEncrypted, fileTooLarge } from '../../io/errors.js';
import { normalisePartName, partKey } from '../part-name.js';
import { checkEntrySize, formatBytes, type ZipLimits } from './zip-limits.js';

// Reads the zip central directory of a file held in memory. We parse it ourselves (it is
// small and simple) so that entries can be inflated one at a time, streamed, with limits.

export interface ZipEntry {
  /** Name as stored, normalised as a part name (`\` turned into `/`, no leading `/`). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

export class ZipDirectory {
  /** Keyed by lower-cased name: OPC part names are case-insensitive. */
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    readonly file: string,
    readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    readonly limits: ZipLimits,
  ) {
    for (const e of entries) {
      const key = partKey(e.name);
      // Two entries of one name: readers disagree on which is the part (a way to show Excel one
      // roster and us another), and the copy could not be written. Refused as damaged.
      if (this.byName.has(key)) throw fileCorrupt(file, `the zip holds two entries named ${JSON.stringify(e.name)}`);
      this.byName.set(key, e);
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(partKey(name));
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The compressed bytes of an entry (a view, no copy), after checking the local header. */
  dataOf(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > b.length || u32(b, at) !== SIG_LOCAL) {
      throw fileCorrupt(this.file, `bad local header for ${entry.name}`);
    }
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw fileCorrupt(this.file, `${entry.name} is truncated`);
    return b.subarray(start, end);
  }
}

export function readZipDirectory(file: string, bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  const b = bytes;
  const eocd = findEocd(b);
  if (eocd < 0) throw fileCorrupt(file, 'zip end-of-directory record not found — the file is probably truncated');

  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);

  // Zip64: the 32-bit fields are saturated and the real values live in the zip64 record.
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_EOCD64_LOCATOR) throw fileCorrupt(file, 'zip64 locator missing');
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== SIG_EOCD64) throw fileCorrupt(file, 'zip64 record missing');
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (cdOffset + cdSize > b.length) throw fileCorrupt(file, 'zip directory lies outside the file — truncated?');

  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  const cp437ish = new TextDecoder('latin1');
  let p = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw fileCorrupt(file, 'zip directory entry is damaged');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > b.length) throw fileCorrupt(file, 'zip directory entry is damaged');
    const rawName = b.subarray(p + 46, nameEnd);
    const name = normalisePartName(((flags & 0x800) !== 0 ? utf8 : cp437ish).decode(rawName));

    // Zip64 extra field: only the saturated values are present, in this order.
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      let q = nameEnd;
      const extraEnd = nameEnd + extraLen;
      while (q + 4 <= extraEnd) {
        const id = u16(b, q);
        const size = u16(b, q + 2);
        if (id === 0x0001) {
          let f = q + 4;
          if (uncompressedSize === U32_MAX) {
        uncompressedSize = u64(b, f);
        f += 8;
      }
          if (compressedSize === U32_MAX) {
        compressedSize = u64(b, f);
        f += 8;
      }
          if (localHeaderOffset === U32_MAX) localHeaderOffset = u64(b, f);
          break;
        }
        q += 4 + size;
      }
    }

    if ((flags & 1) !== 0) throw fileEncrypted(file);
    if (localHeaderOffset + 30 > b.length) throw fileCorrupt(file, `${name} lies outside the file — truncated?`);
    const violation = checkEntrySize(limits, uncompressedSize, compressedSize);
    if (violation) throw fileTooLarge(file, `${name}: ${violation}`);
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) {
      throw fileTooLarge(file, `contents expand beyond ${formatBytes(limits.maxTotalBytes)}`);
    }

    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
    p = nameEnd + extraLen + commentLen;
  }
  return new ZipDirectory(file, bytes, entries, limits);
}

/** Scans backwards for the end-of-central-directory record (it may be followed by a comment). */
function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      // The comment length must reach exactly to the end of the file (or the file was cut).
      if (i + 22 + u16(b, i + 20) <= b.length) return i;
    }
  }
  return -1;
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  // Beyond 2^53 it is garbage anyway; the bounds checks then refuse it.
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}
