// The main thread's side of the combined outputs' worker (src/regional/combined-aside.ts), with a
// real worker started from the compiled modules (`npm test` builds first): progress, the staged
// files landing with the transaction, and a failure in the worker reaching the user as it is.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { inOutputTransaction } from '../../src/output/atomic-write.js';
import { ASIDE_MAX_APPLICANTS, beginCombinedOutputs } from '../../src/regional/combined-aside.js';
import { ROOT } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeRun } from './run-fixture.js';

// bin/combined-worker.js runs the bundle's combinedWorkerMain; this runs the compiled module's.
const BOOT = pathToFileURL(path.join(makeTempDir('rs-aside-boot-'), 'worker.mjs'));
writeFileSync(BOOT, `import { combinedWorkerMain } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/regional/combined-worker.js')).href)};\nawait combinedWorkerMain();\n`);
const SIX = ['findings.csv', 'report.json', 'summary.md', '推荐名单.xlsx', '退回清单.xlsx', '预审报告.html'];

describe('beginCombinedOutputs with a worker', () => {
  it('reports the parts done before finish when finish is called, then the rest, and the files land at commit', async () => {
    const out = makeTempDir('rs-aside-');
    const parts: number[] = [];
    const written = await inOutputTransaction(async () => {
      const job = beginCombinedOutputs(makeRun(), { outDir: out, lang: 'zh', mask: true, includeReview: false, ruleSet: null, onPart: (done) => parts.push(done) }, BOOT);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the annotated copies being written
      expect(parts).toEqual([]);
      const paths = await job.finish();
      // Staged in the scratch folder, not yet in place.
      expect(readdirSync(out)).toHaveLength(1);
      return paths;
    });
    expect(parts.at(-1)).toBe(6);
    expect(parts).toEqual([...parts].sort((a, b) => a - b));
    expect(written.map((p) => path.basename(p)).sort()).toEqual(SIX);
    expect(readdirSync(out).sort()).toEqual(SIX);
  }, 30_000);

  it('a write failing in the worker rejects with its UserError (code and text), and leaves nothing', async () => {
    const out = makeTempDir('rs-aside-');
    const err = await inOutputTransaction(async () => {
      const job = beginCombinedOutputs(makeRun(), { outDir: out, lang: 'zh', mask: true, includeReview: false, ruleSet: null }, BOOT);
      // Its scratch folder gone before the worker has started: every write of it fails.
      for (const name of readdirSync(out)) rmSync(path.join(out, name), { recursive: true });
      await job.finish();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.zh).toContain('推荐名单.xlsx');
    expect((err as UserError).text.en).toContain('推荐名单.xlsx');
    expect(readdirSync(out)).toEqual([]);
  }, 30_000);

  it('cancel stops the worker; the scratch folder goes with the failed run', async () => {
    const out = makeTempDir('rs-aside-');
    await expect(
      inOutputTransaction(async () => {
        const job = beginCombinedOutputs(makeRun(), { outDir: out, lang: 'zh', mask: true, includeReview: false, ruleSet: null }, BOOT);
        expect(readdirSync(out)).toHaveLength(1);
        await job.cancel();
        throw new Error('the annotated copy failed');
      }),
    ).rejects.toThrow('the annotated copy failed');
    expect(readdirSync(out)).toEqual([]);
  }, 30_000);

  it('without a worker to start (or above the size a copy of the run is worth), writes on this thread at finish', async () => {
    const out = makeTempDir('rs-aside-');
    const run = makeRun();
    for (const boot of [null, BOOT]) {
      const big = boot === null ? run : { ...run, applicants: Array.from({ length: ASIDE_MAX_APPLICANTS + 1 }, (_, i) => run.applicants[i % run.applicants.length]!) };
      const dir = path.join(out, boot === null ? 'no-worker' : 'big');
      mkdirSync(dir);
      await inOutputTransaction(async () => {
        const job = beginCombinedOutputs(big, { outDir: dir, lang: 'zh', mask: true, includeReview: false, ruleSet: null }, boot);
        expect(readdirSync(dir)).toEqual([]); // no scratch folder: no worker started
        await job.finish();
      });
      expect(readdirSync(dir).sort()).toEqual(SIX);
    }
  }, 60_000);
});
