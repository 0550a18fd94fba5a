// Child process for fuzz.test.ts: feeds mutated copies of sample rosters to the BUILT reader
// (dist/), one at a time, and reports each iteration before and after over IPC, so the parent can
// kill a hang and name the mutation. A child process, not a worker thread: a V8 out-of-memory in
// a worker takes the whole test process down. Plain JS; run `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mutate, prng } from './fuzz-mutate.mjs';

const { openRosterFile } = await import(new URL('../../dist/io/open-roster-file.js', import.meta.url).href);
const { UserError } = await import(new URL('../../dist/core/user-error.js', import.meta.url).href);

const send = (m) => new Promise((resolve) => process.send(m, resolve));
const { seed, runs, samples } = await new Promise((resolve) => process.once('message', resolve));
const dir = mkdtempSync(path.join(tmpdir(), 'rs-fuzz-'));
const rnd = prng(seed);
try {
  for (let i = 0; i < runs; i++) {
    const s = samples[i % samples.length];
    const [bytes, desc] = mutate(rnd, s.bytes, s.ext !== '.csv');
    const file = path.join(dir, `fuzz-${i}${s.ext}`);
    writeFileSync(file, bytes);
    await send({ type: 'start', i, desc: `${s.name}: ${desc}`, file });
    let outcome;
    try {
      const wb = await openRosterFile(file);
      let rows = 0;
      for (let k = 0; k < wb.sheets.length; k++) {
        await wb.readRows(k, (r) => {
          rows++;
          if (!Number.isFinite(r.row) || !Array.isArray(r.cells)) throw new Error(`bad row ${r.row}`);
        });
      }
      outcome = `read ${rows} rows`;
    } catch (err) {
      if (err instanceof UserError) outcome = `refused: ${err.code}`;
      else {
        const e = err instanceof Error ? err : new Error(String(err));
        outcome = `CRASH ${e.name}: ${e.message.slice(0, 200)}`;
      }
    }
    rmSync(file, { force: true });
    await send({ type: 'done', i, outcome });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
await send({ type: 'end' });
process.disconnect();
