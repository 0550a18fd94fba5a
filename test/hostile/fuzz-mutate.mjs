// Mutations for the fuzz test (fuzz.test.ts / fuzz-worker.mjs), deterministic given the PRNG.
import { strToU8, unzipSync, zipSync } from 'fflate';

/** mulberry32 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Tokens that XML, OOXML and our reader treat specially.
const TOKENS = [
  '<', '>', '&', ';', '"', "'", '/', '=', '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>', '&amp;', '&#x1F600;', '&#0;',
  '&#xD800;', '&#99999999;', '&bogus;', '_x0000_', '_x000D_', '_xD83D_', '\u0000', '\uFFFE', '😀', '\r\n', '<c>', '</c>', '<row>',
  '</row>', '<v>', '</v>', '<c r="A1" t="s"><v>999999</v></c>', '<c t="d"><v>2024-13-45T99:99</v></c>', '<c t="b"><v>x</v></c>',
  '<c r="AB7" t="e"><v>#N/A</v></c>', '<row r="0">', '<row r="-5">', '<row r="1e9">', 't="inlineStr"', 's="4294967296"', 's="-1"', '<is><t>',
  '</t></is>', '<rPh>', '</rPh>', '<mergeCell ref="A1:XFD1048576"/>', '<mergeCells>', 'r="A"', 'r="$B$2"', 'r="12"', 'date1904="1"',
  'state="hidden"', 'xmlns:x="', '<x:row>', '<sheetData/>', '</sheetData>', '<!DOCTYPE x [<!ENTITY e "eeeeeeeeee">]>', '&e;',
];

function pick(rnd, n) {
  return Math.floor(rnd() * n);
}

/** One mutation of `sample`: returns [bytes, description]. */
export function mutate(rnd, sample, isZip) {
  const kind = isZip ? pick(rnd, 10) : [0, 5, 6, 8, 9][pick(rnd, 5)];
  if (kind <= 4) {
    // Structure-aware: change the XML of one part, then zip it again with correct CRCs, so the
    // damage reaches the parsers instead of stopping at the checksum. (A CSV: its text.)
    const files = isZip ? unzipSync(sample) : { 'text.csv': sample };
    const names = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels') || n.endsWith('.csv'));
    // Bias towards the sheet and the workbook part.
    const weighted = [...names, ...names.filter((n) => /sheet1|workbook\.xml$|sharedStrings/.test(n)).flatMap((n) => [n, n, n])];
    const name = weighted[pick(rnd, weighted.length)];
    let text = new TextDecoder().decode(files[name]);
    const edits = 1 + pick(rnd, 4);
    const done = [];
    for (let e = 0; e < edits; e++) {
      const at = pick(rnd, text.length + 1);
      const op = pick(rnd, 5);
      if (op === 0) {
        const tok = TOKENS[pick(rnd, TOKENS.length)];
        text = text.slice(0, at) + tok + text.slice(at);
        done.push(`insert ${JSON.stringify(tok)}@${at}`);
      } else if (op === 1) {
        const len = 1 + pick(rnd, 40);
        text = text.slice(0, at) + text.slice(at + len);
        done.push(`delete ${len}@${at}`);
      } else if (op === 2) {
        const len = 1 + pick(rnd, 200);
        text = text.slice(0, at) + text.slice(at, at + len).repeat(2 + pick(rnd, 3)) + text.slice(at);
        done.push(`repeat ${len}@${at}`);
      } else if (op === 3) {
        const ch = String.fromCharCode(pick(rnd, 0x80));
        text = text.slice(0, at) + ch + text.slice(at + 1);
        done.push(`replace ${JSON.stringify(ch)}@${at}`);
      } else {
        // Swap a digit run for a big or odd number.
        const m = /\d+/g;
        m.lastIndex = at;
        const hit = m.exec(text);
        if (hit) {
          const nums = ['0', '-1', '4294967295', '99999999999999999999', '1e308', 'NaN', '16384', '1048577', '3.5'];
          const v = nums[pick(rnd, nums.length)];
          text = text.slice(0, hit.index) + v + text.slice(hit.index + hit[0].length);
          done.push(`number ${v}@${hit.index}`);
        }
      }
    }
    if (!isZip) return [strToU8(text), `text: ${done.join(', ')}`];
    files[name] = strToU8(text);
    const level = pick(rnd, 2) === 0 ? 0 : 6;
    return [zipSync(files, { level }), `xml ${name}: ${done.join(', ')}`];
  }
  const b = sample.slice();
  if (kind === 5) {
    const flips = 1 + pick(rnd, 8);
    const at = [];
    for (let f = 0; f < flips; f++) {
      const i = pick(rnd, b.length);
      b[i] ^= 1 << pick(rnd, 8);
      at.push(i);
    }
    return [b, `bit flips @${at.join(',')}`];
  }
  if (kind === 6) {
    const cut = pick(rnd, b.length);
    return [b.subarray(0, cut), `truncate to ${cut}`];
  }
  if (kind === 7) {
    // Zip directory fields: sizes, offsets, counts, method, flags, name length.
    const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    const dirs = [];
    for (let p = buf.indexOf('PK\u0001\u0002'); p >= 0; p = buf.indexOf('PK\u0001\u0002', p + 4)) dirs.push(p);
    const eocd = buf.lastIndexOf('PK\u0005\u0006');
    const fields = [
      [8, 2], [10, 2], [16, 4], [20, 4], [24, 4], [28, 2], [30, 2], [32, 2], [42, 4],
    ];
    const values = [0, 1, 0xffff, 0xffffffff, 0x7fffffff, 8, 12, 99];
    const p = dirs[pick(rnd, dirs.length)] ?? 0;
    if (pick(rnd, 4) === 0 && eocd >= 0) {
      const off = [8, 10, 12, 16, 20][pick(rnd, 5)];
      const v = values[pick(rnd, values.length)] & 0xffff;
      buf.writeUInt16LE(v, eocd + off);
      return [b, `eocd +${off} = ${v}`];
    }
    const [off, size] = fields[pick(rnd, fields.length)];
    const v = values[pick(rnd, values.length)];
    if (size === 2) buf.writeUInt16LE(v & 0xffff, p + off);
    else buf.writeUInt32LE(v >>> 0, p + off);
    return [b, `central dir @${p} +${off} = ${v}`];
  }
  if (kind === 8) {
    const at = pick(rnd, b.length);
    const len = 1 + pick(rnd, 64);
    for (let i = at; i < Math.min(b.length, at + len); i++) b[i] = pick(rnd, 256);
    return [b, `random bytes ${len}@${at}`];
  }
  // Splice: a chunk of the file copied elsewhere.
  const from = pick(rnd, b.length);
  const len = 1 + pick(rnd, 512);
  const to = pick(rnd, b.length);
  const out = new Uint8Array(b.length + len);
  out.set(b.subarray(0, to));
  out.set(b.subarray(from, from + len), to);
  out.set(b.subarray(to), to + Math.min(len, b.length - from));
  return [out.subarray(0, b.length + Math.min(len, b.length - from)), `splice ${len} from @${from} to @${to}`];
}

