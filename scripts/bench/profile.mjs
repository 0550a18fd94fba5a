// Profiles `screen` on a generated roster with V8's sampling CPU profiler and lists the hottest
// functions by self time (and by file), with dist/ positions mapped back to src/*.ts lines.
//
//   node scripts/bench/profile.mjs [--rows 100000] [--top 30] [--work DIR] [--interval µs] [--out-dir] [--mem] [--keep]
//     --mem: also sample RSS and print a memory timeline labelled with what the CPU was doing
//   node scripts/bench/profile.mjs --from FILE.cpuprofile      (summarise an existing profile)
//
// Mapping: dist/ has no source maps, so the sources are compiled once more with --sourceMap into
// a scratch directory; a dist file whose code matches that compilation is mapped, others are
// shown as dist positions.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: opt } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    top: { type: 'string', default: '30' },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
    interval: { type: 'string', default: '1000' },
    from: { type: 'string' },
    'out-dir': { type: 'boolean', default: false },
    mem: { type: 'boolean', default: false },
    'no-map': { type: 'boolean', default: false },
  },
});
const rows = Number(opt.rows);
const top = Number(opt.top);
const work = path.resolve(opt.work ?? path.join(os.tmpdir(), 'roster-screen-bench'));
const prof = path.join(work, `profile-${rows}-${process.pid}`);
mkdirSync(prof, { recursive: true });
const { file: profileFile, wall } = opt.from ? { file: path.resolve(opt.from), wall: null } : runProfiled();
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));

function runProfiled() {
  // ---- input: reuse the bench's cached roster when there is one
  const gens = existsSync(work) ? readdirSync(work).filter((d) => d.startsWith('gen-')) : [];
  let input = gens.map((g) => path.join(work, g, `roster-${rows}.xlsx`)).find((f) => existsSync(f));
  if (!input) {
    input = path.join(prof, `roster-${rows}.xlsx`);
    const g = spawnSync(process.execPath, ['--max-old-space-size=8192', path.join(ROOT, 'scripts/bench/make-roster.mjs'), '--rows', String(rows), '--out', input], { stdio: 'inherit' });
    if (g.status !== 0) process.exit(1);
  }

  // ---- run: the default path (annotated copy beside a copy of the roster), or with --out-dir
  const out = path.join(prof, 'out');
  mkdirSync(out, { recursive: true });
  const target = path.join(out, path.basename(input));
  copyFileSync(input, target);
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [...(opt.mem ? ['--import', pathToFileURL(path.join(ROOT, 'scripts/bench/mem-sampler.mjs')).href] : []), '--cpu-prof', '--cpu-prof-dir', prof, '--cpu-prof-interval', opt.interval, path.join(ROOT, 'scripts/bench/run-unbundled.mjs'), target, '--format', 'json', ...(opt['out-dir'] ? ['--out-dir', out] : []), '--no-progress', '--as-of', '2024-03-25'],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: out, env: { ...process.env, BENCH_MEM_FILE: path.join(prof, 'mem.json') } },
  );
  const wall = performance.now() - t0;
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`screen exited ${run.status}\n`);
    process.exit(1);
  }
  const file = readdirSync(prof).find((f) => f.endsWith('.cpuprofile'));
  if (!opt.keep) rmSync(out, { recursive: true, force: true });
  return { file: path.join(prof, file), wall };
}

// ---- self and total time per function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the gap to the next one
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
}
const totalUs = (profile.endTime - profile.startTime) || 1;

const mapper = opt['no-map'] ? null : sourceMapper();
const keyOf = (n) => {
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'}\t${f.url}\t${f.lineNumber}\t${f.columnNumber}`;
};
const funcs = new Map();
const fileSelf = new Map();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  const k = keyOf(n);
  const e = funcs.get(k) ?? { frame: n.callFrame, self: 0, total: 0 };
  e.self += us;
  funcs.set(k, e);
  const f = shortUrl(n.callFrame.url) || `(${n.callFrame.functionName})`;
  fileSelf.set(f, (fileSelf.get(f) ?? 0) + us);
}
// inclusive time: every function on the sample's stack, counted once per sample
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const k = keyOf(byId.get(x));
    if (seen.has(k)) continue;
    seen.add(k);
    const e = funcs.get(k) ?? { frame: byId.get(x).callFrame, self: 0, total: 0 };
    e.total += us;
    funcs.set(k, e);
  }
}

function shortUrl(url) {
  if (!url) return '';
  const p = url.startsWith('file://') ? fileURLToPath(url) : url;
  return p.startsWith(ROOT) ? p.slice(ROOT.length) : p.replace(/^.*node_modules\//, 'node_modules/');
}
function where(frame) {
  const u = shortUrl(frame.url);
  if (!u) return '';
  const mapped = mapper?.(frame);
  return mapped ?? `${u}:${frame.lineNumber + 1}`;
}
const pct = (us) => `${((100 * us) / totalUs).toFixed(1)} %`;
const ms = (us) => `${(us / 1000).toFixed(0)} ms`;

const lines = [];
lines.push(`${wall === null ? path.basename(profileFile) : `screen on ${rows} rows: wall ${(wall / 1000).toFixed(2)} s with the profiler`}; profile covers ${ms(totalUs)}`);
lines.push('', `Top ${top} functions by self time:`, '', '| self | % | total | function | where |', '|---:|---:|---:|---|---|');
for (const e of [...funcs.values()].sort((a, b) => b.self - a.self).slice(0, top)) {
  lines.push(`| ${ms(e.self)} | ${pct(e.self)} | ${ms(e.total)} | ${e.frame.functionName || '(anonymous)'} | ${where(e.frame)} |`);
}
lines.push('', 'Self time by file:', '', '| self | % | file |', '|---:|---:|---|');
for (const [f, us] of [...fileSelf].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${ms(us)} | ${pct(us)} | ${f} |`);
lines.push('', 'Top src/ functions by total (inclusive) time:', '', '| total | % | function | where |', '|---:|---:|---|---|');
for (const e of [...funcs.values()].filter((e) => e.frame.url.includes('/dist/')).sort((a, b) => b.total - a.total).slice(0, top)) {
  lines.push(`| ${ms(e.total)} | ${pct(e.total)} | ${e.frame.functionName || '(anonymous)'} | ${where(e.frame)} |`);
}
if (opt.mem && existsSync(path.join(prof, 'mem.json'))) lines.push('', ...memoryTimeline(JSON.parse(readFileSync(path.join(prof, 'mem.json'), 'utf8'))));
process.stdout.write(`${lines.join('\n')}\n`);

/** RSS over time in slices, each labelled with the outermost project frames the CPU was in most. */
function memoryTimeline(mem) {
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
  }
  const labelOf = new Map();
  const label = (id) => {
    if (labelOf.has(id)) return labelOf.get(id);
    const chain = [];
    for (let x = id; x !== undefined; x = parent.get(x)) chain.push(byId.get(x).callFrame);
    const ours = chain.reverse().filter((f) => f.url.includes('/dist/')).slice(0, 3).map((f) => f.functionName || '(anonymous)');
    const l = ours.length ? ours.join(' › ') : '(outside the project: start-up, GC, idle)';
    labelOf.set(id, l);
    return l;
  };
  const slices = 24;
  const t0 = Math.min(profile.startTime, mem[0]?.[0] ?? Infinity);
  const t1 = Math.max(profile.endTime, mem[mem.length - 1]?.[0] ?? 0);
  const width = (t1 - t0) / slices || 1;
  const out = ['Memory timeline (RSS sampled every 50 ms; label = outermost project frames most often on the CPU):', '', '| time (s) | max RSS (MiB) | busy with |', '|---:|---:|---|'];
  for (let k = 0; k < slices; k++) {
    const a = t0 + k * width;
    const b = a + width;
    const rss = mem.filter(([ts]) => ts >= a && ts < b).reduce((m, [, r]) => Math.max(m, r), 0);
    const counts = new Map();
    for (let i = 0; i < times.length; i++) if (times[i] >= a && times[i] < b) counts.set(label(profile.samples[i]), (counts.get(label(profile.samples[i])) ?? 0) + 1);
    const busy = [...counts].sort((x, y) => y[1] - x[1]).slice(0, 2).map(([l, n]) => `${l} (${Math.round((100 * n) / Math.max(1, [...counts.values()].reduce((s, v) => s + v, 0)))} %)`).join('; ');
    out.push(`| ${((a - t0) / 1e6).toFixed(1)} | ${rss ? (rss / 1048576).toFixed(0) : '—'} | ${busy || '—'} |`);
  }
  return out;
}
process.stderr.write(`profile: ${profileFile} (open in Chrome DevTools → Performance)\n`);

/** dist/x.js position → src/x.ts:line, using a scratch compilation with source maps. */
function sourceMapper() {
  const scratch = path.join(prof, 'mapped');
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--sourceMap', '--outDir', scratch], { stdio: 'ignore' });
  const maps = new Map();
  return (frame) => {
    const u = shortUrl(frame.url);
    if (!u.startsWith('dist/')) return null;
    const rel = u.slice('dist/'.length);
    if (!maps.has(rel)) {
      let m = null;
      try {
        const dist = readFileSync(path.join(ROOT, 'dist', rel), 'utf8');
        const mine = readFileSync(path.join(scratch, rel), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
        if (dist.trimEnd() === mine.trimEnd()) m = new SourceMap(JSON.parse(readFileSync(path.join(scratch, `${rel}.map`), 'utf8')));
      } catch {
        m = null;
      }
      maps.set(rel, m);
    }
    const m = maps.get(rel);
    if (!m) return `${u}:${frame.lineNumber + 1}`;
    const e = m.findEntry(frame.lineNumber, frame.columnNumber);
    if (!e || e.originalLine === undefined) return `${u}:${frame.lineNumber + 1}`;
    const src = e.originalSource ? shortUrl(e.originalSource.startsWith('file:') ? e.originalSource : path.resolve(path.dirname(path.join(scratch, rel)), e.originalSource)) : `src/${rel.replace(/\.js$/, '.ts')}`;
    return `${src}:${e.originalLine + 1}`;
  };
}
