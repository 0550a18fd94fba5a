// Runs one command as a child `node` process and measures it as a whole: wall time around the
// spawn (start-up included), peak RSS and CPU time reported by the child itself at exit (see
// report-rss.mjs), with /proc sampling of VmHWM as a fallback when the child dies without exiting
// normally (e.g. out of memory). On Linux it also records the share of the machine's CPU time
// the hypervisor stole while the child ran (/proc/stat): on a shared VM that, not our code, is
// what makes the same run take 0.5 s one minute and 1 s the next.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPORT_RSS = pathToFileURL(fileURLToPath(new URL('./report-rss.mjs', import.meta.url))).href;
let serial = 0;

/**
 * @param {object} o
 * @param {string[]} o.args      node arguments after the preload (script and its arguments)
 * @param {string[]} [o.nodeArgs] node flags (e.g. --max-old-space-size=2048)
 * @param {string} [o.stdoutFile] send stdout to this file (else it is collected, up to 1 MiB)
 * @param {string} [o.cwd]
 * @param {number} [o.timeoutMs]
 * @returns {Promise<{wallMs:number, rssKiB:number|null, cpuMs:number|null, stealPct:number|null, code:number|null, signal:string|null, stdout:string, stderr:string, timedOut:boolean}>}
 */
export function measure(o) {
  const sideFile = path.join(tmpdir(), `roster-bench-rss-${process.pid}-${++serial}.json`);
  rmSync(sideFile, { force: true });
  const out = o.stdoutFile ? openSync(o.stdoutFile, 'w') : 'pipe';
  return new Promise((resolve, reject) => {
    const cpu0 = cpuTicks();
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', REPORT_RSS, ...o.args], {
      cwd: o.cwd,
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, BENCH_RSS_FILE: sideFile, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => {
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr = (stderr + d).slice(-64 * 1024);
    });
    // Fallback peak-RSS sampling, only read when the child did not report itself.
    let hwmKiB = null;
    const status = `/proc/${child.pid}/status`;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
        if (m) hwmKiB = Math.max(hwmKiB ?? 0, Number(m[1]));
      } catch {
        // gone, or no /proc
      }
    };
    const timer = setInterval(sample, 250);
    let timedOut = false;
    const killer = o.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, o.timeoutMs)
      : null;
    child.on('error', (err) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      if (typeof out === 'number') closeSync(out);
      reject(err);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      const stealPct = stealBetween(cpu0, cpuTicks());
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      if (typeof out === 'number') closeSync(out);
      let rssKiB = hwmKiB;
      let cpuMs = null;
      try {
        const r = JSON.parse(readFileSync(sideFile, 'utf8'));
        rssKiB = r.maxRSS;
        cpuMs = (r.userCPUTime + r.systemCPUTime) / 1000;
        rmSync(sideFile, { force: true });
      } catch {
        // the child did not reach its exit handler
      }
      resolve({ wallMs, rssKiB, cpuMs, stealPct, code, signal, stdout, stderr, timedOut });
    });
  });
}

/** The machine's CPU time so far as [steal, total] ticks (/proc/stat), or null off Linux. */
function cpuTicks() {
  try {
    const fields = /^cpu\s+(.*)$/m.exec(readFileSync('/proc/stat', 'utf8'))[1].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return [fields[7] ?? 0, total];
  } catch {
    return null;
  }
}

/** Stolen share of all CPU time between two readings, in %. */
export function stealBetween(a, b) {
  if (!a || !b || b[1] <= a[1]) return null;
  return (100 * (b[0] - a[0])) / (b[1] - a[1]);
}
