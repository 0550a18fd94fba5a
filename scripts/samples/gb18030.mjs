// A GB18030 encoder for the sample CSV. Node can decode GB18030 (TextDecoder) but not encode it, and
// no encoding library is installed; the two-byte part of GB18030 (= GBK, which holds every character
// the sample uses) is inverted from the decoder once. Characters outside it are refused.

let table = null;

function buildTable() {
  const map = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch;
      try {
        ch = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

/** Encodes text as GB18030 (ASCII as is, everything else from the two-byte table). */
export function encodeGb18030(text) {
  table ??= buildTable();
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`no two-byte GB18030 code for ${JSON.stringify(ch)} (U+${cp.toString(16)})`);
    out.push(...bytes);
  }
  const buf = Uint8Array.from(out);
  // Round trip: what we wrote must decode back to the same text.
  if (new TextDecoder('gb18030').decode(buf) !== text) throw new Error('GB18030 round trip failed');
  return buf;
}
