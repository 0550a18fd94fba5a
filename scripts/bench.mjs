#!/usr/bin/env node
// `npm run bench` (issue 16): generates rosters of the sizes users have, then measures, as whole
// processes and alternating within one run, `screen` end to end and the floor (bare SAX pass), plus a
// 30-row roster and a folder of 200 employer rosters; rosters of 1 000 rows or fewer are also
// screened without V8's code cache, to show what it buys. The peer (exceljs in memory) on request.
// Prints the table and writes bench/results.md. Speed is reported, never asserted.
//
//   node scripts/bench.mjs [--sizes 1000,10000,100000] [--runs 3] [--quick]
//                          [--results FILE] [--json FILE] [--work DIR]
//                          [--peer] [--skip-out-dir] [--skip-small] [--skip-many] [--peer-heap MB]
//
// --quick (trying it out, and the test): one 200-row size, one run, a 30-row roster and a folder of 3;
// results go only where --results / --json say. --render FILE.json rewrites the results from the
// measurements a run saved with --json, without measuring again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rosterColumns } from './bench/make-roster.mjs';
import { measure } from './bench/measure.mjs';
import { writeResults, formatTable } from './bench/results.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/screen.js');
const GEN = path.join(ROOT, 'scripts/bench/make-roster.mjs');
const FLOOR = path.join(ROOT, 'scripts/bench/floor.mjs');
const PEER = path.join(ROOT, 'scripts/bench/peer.mjs');
const WITHOUT_CACHE = path.join(ROOT, 'scripts/bench/run-without-cache.mjs');
const AS_OF = '2024-03-25';

const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    results: { type: 'string' },
    json: { type: 'string' },
    work: { type: 'string' },
    peer: { type: 'boolean', default: false },
    'skip-small': { type: 'boolean', default: false },
    'skip-many': { type: 'boolean', default: false },
    'skip-out-dir': { type: 'boolean', default: false },
    'peer-heap': { type: 'string', default: '6144' },
    render: { type: 'string' },
  },
  strict: true,
});

const quick = opt.quick;
const sizes = (opt.sizes ?? (quick ? '200' : '1000,10000,100000')).split(',').map((s) => Number(s.replace(/_/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes: whole numbers, e.g. 1000,10000 (got ${opt.sizes})`);
const runs = Number(opt.runs ?? (quick ? 1 : 3));
if (!Number.isInteger(runs) || runs < 1) fail(`--runs: a whole number ≥ 1 (got ${opt.runs})`);
const resultsFile = opt.results ?? (quick ? null : path.join(ROOT, 'bench/results.md'));
const work = path.resolve(opt.work ?? path.join(os.tmpdir(), 'roster-screen-bench'));
const many = quick ? { files: 3, rows: 30 } : { files: 200, rows: 30 };

if (opt.render) {
  const saved = JSON.parse(readFileSync(opt.render, 'utf8'));
  process.stdout.write(`${formatTable(saved)}\n`);
  if (resultsFile) writeResults(resultsFile, saved);
  process.exit(0);
}
if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) fail('dist/ is missing: run `npm run build` first (npm run bench does).');

function fail(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
}
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const secs = (ms) => (ms / 1000).toFixed(2);

// ---- inputs (cached by generator version: the generator is deterministic)
const genKey = createHash('sha1')
  .update(readFileSync(GEN))
  .update(JSON.stringify(rosterColumns()))
  .digest('hex')
  .slice(0, 10);
const genDir = path.join(work, `gen-${genKey}`);
mkdirSync(genDir, { recursive: true });

async function generate(args, target) {
  if (existsSync(target)) return;
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(`${partial}.flags.json`, { force: true });
  const r = await measure({ nodeArgs: ['--max-old-space-size=8192'], args: [GEN, ...args, '--out', partial] });
  if (r.code !== 0) throw new Error(`generator failed (${args.join(' ')}):\n${r.stderr}`);
  log(r.stderr.trim());
  if (existsSync(`${partial}.flags.json`)) renameSync(`${partial}.flags.json`, `${target}.flags.json`);
  renameSync(partial, target);
}
const rosterFile = (rows) => path.join(genDir, `roster-${rows}.xlsx`);
const fileMiB = (f) => statSync(f).size / 1048576;

// ---- the three measured commands
function outDirFor(name) {
  const d = path.join(work, 'out', name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return d;
}

/**
 * `screen` as a whole process. Default path (the issue's definition: read, every rule, annotated
 * copy, JSON report to a file): the roster is copied into a fresh directory and screened there, so
 * the annotated copy lands beside it as it does for a user. With `outDir: true` the brief's command
 * `--out-dir DIR` is used, which also writes the regional outputs (推荐名单, 退回清单, HTML, CSV, …);
 * a folder input always takes that path.
 */
async function runScreen(input, rows, { label, nodeArgs = [], timeoutMs, outDir = false, entry = BIN } = {}) {
  const base = outDirFor(label);
  const isDir = statSync(input).isDirectory();
  const useOutDir = outDir || isDir;
  let target = input;
  let copiesIn = path.join(base, 'files');
  if (!useOutDir) {
    target = path.join(base, path.basename(input));
    copyFileSync(input, target);
    copiesIn = base;
  }
  // stdout goes beside the out dir: with --out-dir, screen writes its own report.json there too.
  const report = path.join(base, 'stdout-report.json');
  const args = [entry, target, '--format', 'json', ...(useOutDir ? ['--out-dir', copiesIn] : []), '--no-progress', '--as-of', AS_OF];
  const r = await measure({ nodeArgs, args, stdoutFile: report, cwd: base, timeoutMs });
  return check(r, () => {
    // exit 0 = all pass, 1 = someone fails; 2 = the run itself failed
    if (r.code !== 0 && r.code !== 1) return `exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}: ${lastLines(r.stderr)}`;
    const got = reportedApplicants(report);
    if (got !== rows) return `report.json lists ${got} applicants, expected ${rows}`;
    const copies = readdirSync(copiesIn).filter((f) => f.endsWith('.screened.xlsx')).length;
    const expected = isDir ? readdirSync(input).filter((f) => f.endsWith('.xlsx')).length : 1;
    if (copies !== expected) return `${copies} annotated copies written, expected ${expected}`;
    if (useOutDir && !existsSync(path.join(copiesIn, 'report.json'))) return 'no regional outputs in --out-dir';
    return null;
  });
}

async function runFloor(input, rows) {
  const r = await measure({ args: [FLOOR, input] });
  return check(r, () => {
    if (r.code !== 0) return `exit ${r.code ?? r.signal}: ${lastLines(r.stderr)}`;
    const got = JSON.parse(r.stdout).rows;
    return got === rows + 2 ? null : `floor read ${got} rows, expected ${rows + 2}`;
  });
}

async function runPeer(input, rows) {
  const out = outDirFor('peer');
  const r = await measure({ nodeArgs: [`--max-old-space-size=${opt['peer-heap']}`], args: [PEER, input, path.join(out, 'peer.xlsx')] });
  return check(r, () => {
    if (r.code !== 0) return `exit ${r.code ?? r.signal}: ${lastLines(r.stderr)}`;
    const got = JSON.parse(r.stdout).rows;
    return got === rows + 2 ? null : `peer read ${got} rows, expected ${rows + 2}`;
  });
}

function check(r, verify) {
  let error;
  try {
    error = verify();
  } catch (err) {
    error = `${err.message} ${lastLines(r.stderr)}`;
  }
  return { wallMs: r.wallMs, rssKiB: r.rssKiB, cpuMs: r.cpuMs, stealPct: r.stealPct, ok: error === null, error };
}

/** Applicant count from the report's `inputs` (read from the head only: the report can be huge). */
function reportedApplicants(file) {
  const fd = readFileSync(file);
  const head = fd.subarray(0, Math.min(fd.length, 1 << 20)).toString('utf8');
  const inputs = /"inputs":\s*\[([\s\S]*?)\n {2}\]/.exec(head);
  if (!inputs) throw new Error(`report.json has no inputs (${fd.length} bytes)`);
  return [...inputs[1].matchAll(/"applicants":\s*(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
}

/** What went wrong, in one line: V8's out-of-memory and string-length failures by name, else the last message lines. */
function lastLines(stderr) {
  if (/heap out of memory|Reached heap limit/.test(stderr)) return 'out of memory (V8 heap limit reached)';
  if (/Invalid string length/.test(stderr)) return 'RangeError: Invalid string length (a string beyond V8\'s limit)';
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+: 0x|^=+|^<---|^-+ Native stack/.test(l));
  return lines.slice(-3).join(' / ').slice(0, 400) || 'no message';
}

// ---- the run
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit: gitCommit(),
  loadBefore: os.loadavg().map((x) => x.toFixed(2)).join(' '),
};

/**
 * Waits (up to 3 minutes; not with --quick) until the 1-minute load average is at most half the
 * cores, so the first measurements do not pay for the build, the generator or an earlier job.
 * On this machine, runs made right after a burst of CPU were up to twice as slow.
 */
async function settle() {
  if (quick) return;
  const limit = os.cpus().length / 2;
  const started = Date.now();
  while (os.loadavg()[0] > limit && Date.now() - started < 180_000) {
    log(`waiting for the load to settle (1-min load ${os.loadavg()[0].toFixed(2)} > ${limit})`);
    await new Promise((r) => setTimeout(r, 10_000));
  }
  machine.settledSeconds = Math.round((Date.now() - started) / 1000);
  machine.loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
}

function gitCommit() {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  // git itself, so that a worktree (whose .git is a file) or a packed ref is read right.
  const r = spawnSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : 'unknown';
}

const measured = []; // { scenario, rows, tool, runs: [{wallMs,rssKiB,cpuMs,ok,error}], fileMiB, note }
const record = (scenario, rows, tool, fileSize, extra = {}) => {
  const m = { scenario, rows, tool, fileMiB: fileSize, runs: [], ...extra };
  measured.push(m);
  return m;
};
const show = (m, r) => log(`${m.scenario} ${m.tool}: ${r.ok ? `${secs(r.wallMs)} s, ${((r.rssKiB ?? 0) / 1024).toFixed(0)} MiB` : `FAILED ${r.error}`}`);

log(`work dir ${work}; sizes ${sizes.join(', ')}; ${runs} run(s) each`);
for (const rows of sizes) await generate(['--rows', String(rows)], rosterFile(rows));
const smallRows = 30;
if (!opt['skip-small']) await generate(['--rows', String(smallRows), '--seed', '7'], rosterFile(smallRows));
const folder = path.join(genDir, `folder-${many.files}x${many.rows}`);
if (!opt['skip-many']) await generate(['--files', String(many.files), '--rows', String(many.rows)], folder);

// The build and the roster generation just kept both cores busy: measure from a quiet machine.
await settle();

for (const rows of sizes) {
  const file = rosterFile(rows);
  const size = fileMiB(file);
  const s = record(`${rows} rows`, rows, 'screen', size);
  // The code cache matters for start-up, so only where start-up is a good part of the time.
  const nc = rows <= 1000 ? record(`${rows} rows`, rows, 'screen, no code cache', size) : null;
  const so = opt['skip-out-dir'] ? null : record(`${rows} rows`, rows, 'screen --out-dir', size);
  const f = record(`${rows} rows`, rows, 'floor', size);
  const p = opt.peer ? record(`${rows} rows`, rows, 'peer', size) : null;
  // Runs of a second or less are the noisiest, and cheap: at least 5 of them. 10 000 rows, judged
  // against issue 20's ratio, spread ±25 % between runs on a 2-core VM: at least 7 (~70 s).
  const runsHere = quick ? runs : rows <= 1000 ? Math.max(runs, 5) : rows <= 10_000 ? Math.max(runs, 7) : runs;
  for (let i = 0; i < runsHere; i++) {
    log(`${rows} rows, run ${i + 1}/${runsHere}`);
    // Alternating, so drift in machine load touches all of them alike.
    const order = [
      [s, () => runScreen(file, rows, { label: `screen-${rows}` })],
      ...(nc ? [[nc, () => runScreen(file, rows, { label: `screen-nocache-${rows}`, entry: WITHOUT_CACHE })]] : []),
      ...(so ? [[so, () => runScreen(file, rows, { label: `screen-outdir-${rows}`, outDir: true })]] : []),
      [f, () => runFloor(file, rows)],
      ...(p ? [[p, () => runPeer(file, rows)]] : []),
    ];
    for (const [m, fn] of order) {
      const r = await fn();
      m.runs.push(r);
      show(m, r);
    }
  }
}

if (!opt['skip-small']) {
  const file = rosterFile(smallRows);
  const m = record(`${smallRows} rows`, smallRows, 'screen', fileMiB(file));
  const nc = record(`${smallRows} rows`, smallRows, 'screen, no code cache', fileMiB(file));
  for (let i = 0; i < Math.max(runs, quick ? 1 : 5); i++) {
    for (const [x, entry] of [[m, BIN], [nc, WITHOUT_CACHE]]) {
      const r = await runScreen(file, smallRows, { label: 'screen-small', entry });
      x.runs.push(r);
      show(x, r);
    }
  }
}

if (!opt['skip-many']) {
  const total = readdirSync(folder).reduce((s, f) => s + statSync(path.join(folder, f)).size, 0) / 1048576;
  const m = record(`folder ${many.files}×${many.rows}`, many.files * many.rows, 'screen', total, { files: many.files });
  for (let i = 0; i < runs; i++) {
    const r = await runScreen(folder, many.files * many.rows, { label: 'screen-folder' });
    m.runs.push(r);
    show(m, r);
  }
}

machine.loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const summary = { machine, runs, asOf: AS_OF, measured };
process.stdout.write(`${formatTable(summary)}\n`);
if (resultsFile) {
  writeResults(resultsFile, summary);
  log(`wrote ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
}
if (opt.json) {
  mkdirSync(path.dirname(path.resolve(opt.json)), { recursive: true });
  (await import('node:fs')).writeFileSync(opt.json, JSON.stringify(summary, null, 2));
}
// A failed measurement is a bench failure.
const broken = measured.filter((m) => m.runs.some((r) => !r.ok));
if (broken.length) {
  log(`failed: ${broken.map((m) => `${m.scenario} ${m.tool}`).join(', ')}`);
  process.exitCode = 1;
}
