import { describe, expect, it } from 'vitest';
import { textBatches } from '../../src/output/text-batches.js';

describe('textBatches', () => {
  it('hands every piece on, in order, in batches just over 64 KiB, and the rest at the end', () => {
    const flushed: string[] = [];
    const out = textBatches((t) => flushed.push(t));
    const pieces = Array.from({ length: 20_000 }, (_, i) => `申报人${i},`);
    for (const p of pieces) out.write(p);
    expect(flushed.every((t) => t.length > 65_536 && t.length < 65_536 + 20)).toBe(true);
    const before = flushed.length;
    out.end();
    expect(flushed.length).toBe(before + 1);
    expect(flushed.join('')).toBe(pieces.join(''));
    expect(before).toBeGreaterThan(0);
  });
});
