// The zip writer's streamed entry is deflated in independent pieces joined into one stream; a
// reader that knows nothing of that (fflate, Python's zipfile via the producers tests) must see
// exactly the bytes that were pushed, with the right sizes and CRC.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFileWriter } from '../../src/ooxml/zip/zip-writer.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'zip-writer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Sheet-like XML with enough variety that deflate has real work, in a given number of bytes.
function xmlText(bytes: number): Uint8Array {
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1013}</v></c><c r="B${r}"><v>${(r * 104729) % 99991}</v></c></row>`;
    rows.push(row);
    size += row.length;
  }
  return new TextEncoder().encode(rows.join('')).subarray(0, bytes);
}

async function writeZip(file: string, content: Uint8Array, chunk: number): Promise<void> {
  const zip = await ZipFileWriter.create(file);
  await zip.addBytes('a.txt', new TextEncoder().encode('before '.repeat(100)));
  await zip.addStream('big.xml', async (push) => {
    for (let i = 0; i < content.length; i += chunk) await push(content.subarray(i, Math.min(i + chunk, content.length)));
  });
  await zip.addBytes('z.txt', new TextEncoder().encode('after '.repeat(100)));
  await zip.close();
}

describe('ZipFileWriter.addStream', () => {
  for (const [label, bytes, chunk] of [
    ['empty', 0, 1000],
    ['smaller than one piece', 300_000, 65_536],
    ['exactly one piece', 1 << 20, 1 << 20],
    ['many pieces, odd chunk sizes', 7_500_001, 99_991],
  ] as const) {
    it(`round-trips: ${label}`, async () => {
      const content = xmlText(bytes);
      const file = path.join(tmp, `${label}.zip`);
      await writeZip(file, content, chunk);
      const entries = unzipSync(readFileSync(file));
      expect(Object.keys(entries)).toEqual(['a.txt', 'big.xml', 'z.txt']);
      expect(Buffer.from(entries['big.xml']!).equals(Buffer.from(content))).toBe(true);
      expect(new TextDecoder().decode(entries['z.txt'])).toBe('after '.repeat(100));
    });
  }

  it('round-trips text pushed as strings, multi-byte characters across piece boundaries, mixed with bytes', async () => {
    // 3-byte (中) and 4-byte (𠀀) characters in runs whose sizes never line up with 1 MiB pieces.
    const texts: string[] = [];
    // Length kept as it grows: joining all texts on every step made this test take ~45 s.
    for (let i = 0, length = 0; length < 1_500_000; i++) {
      const text = `<c r="A${i}"><is><t>${'中文𠀀'.repeat(1 + (i % 37))}</t></is></c>`;
      texts.push(text);
      length += text.length;
    }
    texts.push('x'.repeat(3 << 20)); // one string longer than several pieces
    const bytes = new TextEncoder().encode('<tail>字节</tail>');
    const file = path.join(tmp, 'strings.zip');
    const zip = await ZipFileWriter.create(file);
    await zip.addStream('big.xml', async (push) => {
      for (let i = 0; i < texts.length; i += 101) await push(texts.slice(i, i + 101).join(''));
      await push(bytes);
    });
    await zip.close();
    const got = new TextDecoder().decode(unzipSync(readFileSync(file))['big.xml']);
    expect(got).toBe(texts.join('') + '<tail>字节</tail>');
  });

  it('compresses the pieces (not stored): sheet-like XML shrinks several times', async () => {
    const content = xmlText(4_000_000);
    const file = path.join(tmp, 'ratio.zip');
    await writeZip(file, content, 65_536);
    expect(readFileSync(file).length).toBeLessThan(content.length / 3);
  });

  it('keeps an entry opened with openStream until it ends: nothing else may be added meanwhile', async () => {
    const file = path.join(tmp, 'open.zip');
    const zip = await ZipFileWriter.create(file);
    const entry = zip.openStream('sheet.xml');
    await entry.push('<a>');
    expect(() => zip.openStream('other.xml')).toThrow(/still open/);
    await expect(zip.addBytes('x.txt', new Uint8Array(10))).rejects.toThrow(/still open/);
    await expect(zip.close()).rejects.toThrow(/still open/);
    await entry.push('</a>');
    await entry.end();
    await zip.addBytes('x.txt', new TextEncoder().encode('after'));
    await zip.close();
    const parts = unzipSync(readFileSync(file));
    expect(Object.keys(parts)).toEqual(['sheet.xml', 'x.txt']);
    expect(new TextDecoder().decode(parts['sheet.xml'])).toBe('<a></a>');
  });
});
