import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/format/html/bar-chart.js';

const segments = [
  { key: 'pass', label: '通过', color: '#2e7d32' },
  { key: 'fail', label: '不通过', color: '#c62828' },
];

describe('barChart (inline SVG)', () => {
  it('draws one stacked bar per row with its total, widths proportional to the largest', () => {
    const svg = barChart({ name: 'x', title: '按单位', segments, rows: [{ label: '甲', values: { pass: 3, fail: 1 } }, { label: '乙', values: { pass: 2 } }] });
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*data-segment="(\w+)" data-value="(\d+)"/g)].map((m) => [m[2], Number(m[3]), Number(m[1])]);
    expect(widths.map((w) => w.slice(0, 2))).toEqual([['pass', 3], ['fail', 1], ['pass', 2]]);
    const unit = (widths[0]![2] as number) / 3;
    expect(widths[1]![2]).toBeCloseTo(unit, 0);
    expect(widths[2]![2]).toBeCloseTo(2 * unit, 0);
    expect(svg).toContain('<text class="t"');
    expect(svg).toContain('role="img" aria-label="按单位"');
    expect(svg).not.toContain('xmlns');
  });

  it('sums rows past the cap into one, shortens long labels and escapes them', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ label: `单位${i}<&>`.repeat(i === 0 ? 8 : 1), values: { pass: 1 } }));
    const svg = barChart({ name: 'x', title: 't', segments, rows, maxRows: 3, othersLabel: (n) => `其他 ${n} 项` });
    expect(svg.match(/<g data-label=/g)).toHaveLength(3);
    expect(svg).toContain('<g data-label="其他 3 项">');
    expect(svg).toContain('data-value="3"');
    expect(svg).toContain('…</text>');
    expect(svg).not.toMatch(/<&>/);
  });

  it('draws a dash when there is nothing to show', () => {
    expect(barChart({ name: 'x', title: 't', segments, rows: [] })).toContain('>—</text>');
  });
});
