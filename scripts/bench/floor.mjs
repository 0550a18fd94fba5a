// The floor: the least any xlsx reader must do. Unzip with fflate (streaming inflate), one SAX pass
// (saxes) over the shared strings, then one over the sheet, resolving shared strings into row
// arrays — nothing else (no styles, no dates, no rules, no output).
//
//   node scripts/bench/floor.mjs roster.xlsx   → prints {"rows":…,"cells":…} on stdout
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inflate } from 'fflate';
import { SaxesParser } from 'saxes';

/** Central directory of a (non-zip64) zip: name → { method, offset of data, compressed size }. */
function zipEntries(buf) {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const entries = new Map();
  const dec = new TextDecoder();
  for (let n = 0; n < count; n++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = dec.decode(buf.subarray(p + 46, p + 46 + nameLen));
    const data = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    entries.set(name, { method, data, csize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Streams one entry's text into a SAX parser (UTF-8 decoded across chunk boundaries). */
function parseEntry(buf, entry, parser) {
  const dec = new TextDecoder('utf-8');
  const feed = (chunk) => {
    const text = dec.decode(chunk, { stream: true });
    if (text) parser.write(text);
  };
  const data = buf.subarray(entry.data, entry.data + entry.csize);
  if (entry.method === 0) feed(data);
  else {
    const inflate = new Inflate((chunk) => feed(chunk));
    const STEP = 64 * 1024;
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
  }
  const rest = dec.decode();
  if (rest) parser.write(rest);
  parser.close();
}

function colIndex(ref) {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

export function floor(file) {
  const buf = readFileSync(file);
  const entries = zipEntries(buf);
  // The generated rosters have one sheet at the usual path.
  const sheetPart = 'xl/worksheets/sheet1.xml';

  const sst = [];
  const ssEntry = entries.get('xl/sharedStrings.xml');
  if (ssEntry) {
    const p = new SaxesParser({ xmlns: false, position: false });
    let cur = null;
    let inT = false;
    let inRph = 0;
    p.on('opentag', (t) => {
      if (t.name === 'si') cur = '';
      else if (t.name === 't' && !inRph) inT = true;
      else if (t.name === 'rPh') inRph++;
    });
    p.on('text', (x) => {
      if (inT) cur += x;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inT = false;
      else if (t.name === 'rPh') inRph--;
      else if (t.name === 'si') sst.push(cur);
    });
    parseEntry(buf, ssEntry, p);
  }

  let rows = 0;
  let cells = 0;
  let chars = 0;
  const p = new SaxesParser({ xmlns: false, position: false });
  let row = null;
  let col = -1;
  let type = '';
  let val = '';
  let inV = false;
  p.on('opentag', (t) => {
    switch (t.name) {
      case 'row':
        row = [];
        break;
      case 'c':
        col = t.attributes.r ? colIndex(t.attributes.r) : row.length;
        type = t.attributes.t ?? 'n';
        val = '';
        break;
      case 'v':
      case 't':
        inV = true;
        break;
    }
  });
  p.on('text', (x) => {
    if (inV) val += x;
  });
  p.on('closetag', (t) => {
    switch (t.name) {
      case 'v':
      case 't':
        inV = false;
        break;
      case 'c': {
        let v;
        if (type === 's') v = sst[Number(val)];
        else if (type === 'str' || type === 'inlineStr') v = val;
        else if (type === 'b') v = val === '1';
        else v = val === '' ? undefined : Number(val);
        if (v !== undefined) {
          row[col] = v;
          cells++;
          if (typeof v === 'string') chars += v.length;
        }
        break;
      }
      case 'row':
        rows++;
        row = null;
        break;
    }
  });
  parseEntry(buf, entries.get(sheetPart), p);
  return { rows, cells, chars, sharedStrings: sst.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(floor(process.argv[2]))}\n`);
}
