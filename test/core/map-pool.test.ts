import { describe, expect, it } from 'vitest';
import { mapPool } from '../../src/core/map-pool.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapPool', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
      peak = Math.max(peak, ++running);
      await tick(ms);
      running--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(peak).toBe(3);
  });

  it('on a failure starts nothing new and waits for the running calls before rethrowing the first error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapPool([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) {
        await tick(1);
        throw new Error('boom 1');
      }
      await tick(n === 0 ? 30 : 1);
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('boom 1');
    expect(finished).toContain(0); // still running when 1 failed, and waited for
    expect(started).not.toContain(5);
  });

  it('handles no items and a limit of one', async () => {
    expect(await mapPool([], 4, async () => 1)).toEqual([]);
    const order: number[] = [];
    await mapPool([3, 1, 2], 1, async (ms) => {
      order.push(ms);
      await tick(ms);
    });
    expect(order).toEqual([3, 1, 2]);
  });
});
