// Preloaded by `profile.mjs --mem`: a worker thread samples the process's RSS (/proc/self/status)
// every 50 ms with a monotonic timestamp (µs, the clock of V8's CPU profile) — a worker, so samples
// keep coming while the main thread is busy in one long synchronous call — and the samples are
// written to $BENCH_MEM_FILE at exit, so the summary can say which phase the memory peak is in.
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const out = process.env.BENCH_MEM_FILE;
delete process.env.BENCH_MEM_FILE;
if (out) {
  const shared = new SharedArrayBuffer(8 * 2 * 200_000);
  const buf = new Float64Array(shared);
  const count = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { readFileSync } = require('node:fs');
     const buf = new Float64Array(workerData.shared);
     const count = new Int32Array(workerData.count);
     setInterval(() => {
       const n = Atomics.load(count, 0);
       if (2 * n + 1 >= buf.length) return;
       const m = /VmRSS:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
       buf[2 * n] = Number(process.hrtime.bigint() / 1000n);
       buf[2 * n + 1] = m ? Number(m[1]) * 1024 : 0;
       Atomics.store(count, 0, n + 1);
     }, 50);`,
    { eval: true, workerData: { shared, count: count.buffer } },
  );
  worker.unref();
  process.on('exit', () => {
    const n = Atomics.load(count, 0);
    const samples = [];
    for (let i = 0; i < n; i++) samples.push([buf[2 * i], buf[2 * i + 1]]);
    writeFileSync(out, JSON.stringify(samples));
  });
}
