import * as zlib from 'node:zlib';

// zlib.crc32 is native (Node ≥ 20.15); older Node 20 gets a table-driven fallback.

type Crc32 = (data: Uint8Array, value: number) => number;

let table: Int32Array | undefined;

function crc32Js(data: Uint8Array, value: number): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  const t = table;
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

export const crc32: Crc32 = native ? (data, value) => native(data, value) : crc32Js;
export { crc32Js as crc32Fallback };
