// The bench's target table judges issue 20's --out-dir figures from the medians it measured.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the bench, without types
import { targets } from '../../scripts/bench/results.mjs';

interface Target {
  target: string;
  figure: string;
  status: string;
}

const run = (wallMs: number, rssMiB: number) => ({ ok: true, wallMs, rssKiB: rssMiB * 1024, cpuMs: wallMs, stealPct: 0, error: null });
const measured = (scenario: string, tool: string, rows: number, ...runs: ReturnType<typeof run>[]) => ({ scenario, tool, rows, runs });

function judged(outDir10k: [number, number], outDir100kMiB: number): Target[] {
  return targets({
    measured: [
      measured('10000 rows', 'screen --out-dir', 10_000, run(outDir10k[0], outDir10k[1])),
      measured('10000 rows', 'floor', 10_000, run(1000, 120)),
      measured('100000 rows', 'screen --out-dir', 100_000, run(20_000, outDir100kMiB - 20), run(21_000, outDir100kMiB), run(22_000, outDir100kMiB + 300)),
    ],
  }) as Target[];
}

const find = (list: Target[], part: string) => list.find((t) => t.target.includes(part))!;

describe('bench targets of issue 20', () => {
  it('meets 10 000 rows --out-dir only within 3 × the floor and 300 MiB', () => {
    expect(find(judged([2900, 290], 390), '10 000 rows, --out-dir: wall ≤ 3').status).toBe('met');
    expect(find(judged([3100, 290], 390), '10 000 rows, --out-dir: wall ≤ 3').status).toBe('NOT met');
    expect(find(judged([2900, 310], 390), '10 000 rows, --out-dir: wall ≤ 3').status).toBe('NOT met');
    expect(find(judged([2900, 290], 390), '10 000 rows, --out-dir: wall ≤ 3').figure).toContain('2.90×');
  });

  it('judges 100 000 rows --out-dir by the median peak RSS against 400 MiB', () => {
    const met = find(judged([2900, 290], 395), '100 000 rows, --out-dir: peak RSS');
    expect(met).toMatchObject({ status: 'met', figure: '395 MiB' });
    expect(find(judged([2900, 290], 405), '100 000 rows, --out-dir: peak RSS').status).toBe('NOT met');
  });
});
