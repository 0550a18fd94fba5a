import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSink } from '../../src/format/line-sink.js';

// What summary.md was before it was written in pieces: every line, joined, blank runs collapsed.
const joined = (lines: string[]) => `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;

function sunk(lines: string[], perCall: number): { text: string; chunks: number } {
  const chunks: string[] = [];
  const sink = new LineSink((c) => chunks.push(c));
  for (let i = 0; i < lines.length; i += perCall) sink.push(...lines.slice(i, i + perCall));
  sink.end();
  return { text: chunks.join(''), chunks: chunks.length };
}

describe('LineSink', () => {
  it('writes exactly what joining the lines and collapsing blank runs gives', () => {
    // Lines of blanks, spaces, ideographic spaces, newlines inside a line, and text.
    const line = fc.array(fc.constantFrom('', ' ', '\u3000', '\n', '\n\n', 'a', '表', '|', '\t'), { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (lines, perCall) => {
        expect(sunk(lines, perCall).text).toBe(joined(lines));
      }),
      { numRuns: 2000 },
    );
  });

  it('hands text on as it comes, not all at the end', () => {
    const lines = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? '' : `- 第${i}行`));
    const { text, chunks } = sunk(lines, 1);
    expect(text).toBe(joined(lines));
    expect(chunks).toBeGreaterThan(50);
  });

  it('gives a single newline for no text at all', () => {
    expect(sunk([], 1).text).toBe('\n');
    expect(sunk(['', ' ', ''], 2).text).toBe('\n');
  });
});
