// The output transaction across two threads (src/regional/combined-aside.ts): a worker writes its
// files into a scratch folder the main thread made, hands its staged writes over, and they land
// with the main thread's transaction, or go with it. Both sides run here in one thread, as the
// functions do not care which thread calls them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abandonOutputsSync, adoptStaged, inOutputTransaction, putTempsIn, scratchFolderIn, stagedWrites, writeFileAtomic, writeTextAtomic } from '../../src/output/atomic-write.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** What the worker does: its writes staged in `scratch`, handed over. */
async function workerWrites(scratch: string, write: () => Promise<void>) {
  putTempsIn(scratch);
  try {
    return (await stagedWrites(write)).staged;
  } finally {
    putTempsIn(null);
  }
}

describe('writes staged by another thread', () => {
  it('go to the scratch folder, reach their targets only when the transaction commits, and the folder goes', async () => {
    const dir = makeTempDir();
    const a = path.join(dir, '推荐名单.xlsx');
    const b = path.join(dir, 'report.json');
    let scratch = '';
    await inOutputTransaction(async () => {
      scratch = scratchFolderIn(dir);
      const staged = await workerWrites(scratch, async () => {
        await writeFileAtomic(a, 'list');
        await writeTextAtomic(b, (write) => write('{}'));
      });
      expect(staged.map((s) => s.target)).toEqual([a, b]);
      expect(staged.every((s) => path.dirname(s.tmp) === scratch)).toBe(true);
      expect(readdirSync(scratch)).toHaveLength(2);
      adoptStaged(staged);
      expect(existsSync(a) || existsSync(b)).toBe(false);
    });
    expect(readFileSync(a, 'utf8')).toBe('list');
    expect(readFileSync(b, 'utf8')).toBe('{}');
    expect(existsSync(scratch)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['report.json', '推荐名单.xlsx']);
  });

  it('that fail are removed by the worker, and a failed run removes the scratch folder and what was adopted', async () => {
    const dir = makeTempDir();
    let scratch = '';
    await expect(
      inOutputTransaction(async () => {
        scratch = scratchFolderIn(dir);
        await expect(
          workerWrites(scratch, async () => {
            await writeFileAtomic(path.join(dir, 'a.txt'), 'a');
            throw new Error('the second file failed');
          }),
        ).rejects.toThrow('the second file failed');
        expect(readdirSync(scratch)).toEqual([]);
        adoptStaged(await workerWrites(scratch, () => writeFileAtomic(path.join(dir, 'b.txt'), 'b')));
        throw new Error('the annotated copy failed');
      }),
    ).rejects.toThrow('the annotated copy failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('on Ctrl-C: the scratch folder goes with the files in it', async () => {
    const dir = makeTempDir();
    const pending = inOutputTransaction(async () => {
      const scratch = scratchFolderIn(dir);
      await workerWrites(scratch, () => writeFileAtomic(path.join(dir, 'a.txt'), 'a'));
      expect(readdirSync(scratch)).toHaveLength(1);
      abandonOutputsSync(); // what the signal handler does before exiting
      expect(readdirSync(dir)).toEqual([]);
    });
    await pending;
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a scratch folder needs an open transaction', () => {
    expect(() => scratchFolderIn(makeTempDir())).toThrow('transaction');
  });
});
