// Turns the measurements into the printed table and bench/results.md. Everything above the notes
// marker is regenerated on every run; the notes below it (profiles, proposals) are kept.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NOTES_MARKER = '<!-- notes: everything below this line is kept when the bench rewrites this file -->';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Median figures of one measured scenario/tool; null figures when any run failed. */
export function stats(m) {
  const ok = m.runs.filter((r) => r.ok);
  const failed = m.runs.length - ok.length;
  const wallMs = failed ? null : median(ok.map((r) => r.wallMs));
  return {
    failed,
    error: m.runs.find((r) => !r.ok)?.error ?? null,
    wallMs,
    rssMiB: failed ? median(m.runs.map((r) => r.rssKiB).filter((x) => x != null)) / 1024 || null : median(ok.map((r) => r.rssKiB ?? 0)) / 1024,
    cpuMs: failed ? null : median(ok.map((r) => r.cpuMs ?? 0)),
    stealPct: median(m.runs.map((r) => r.stealPct).filter((x) => x != null)),
    rowsPerSec: wallMs ? m.rows / (wallMs / 1000) : null,
    /** Wall time until the first failed run ended. */
    failedAfterMs: m.runs.find((r) => !r.ok)?.wallMs ?? null,
  };
}

const fmtS = (ms) => (ms == null ? '—' : ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));
const fmtInt = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US').replace(/,/g, ' '));
const groupDigits = (s) => s.replace(/\d{4,}/g, (n) => fmtInt(Number(n)));
const fmtSize = (mib) => (mib >= 1 ? `${mib.toFixed(1)} MiB` : `${Math.round(mib * 1024)} KiB`);
const fmtRatio = (x) => (x == null ? '—' : `${x.toFixed(2)}×`);
const fmtPct = (x) => (x == null ? '—' : `${Math.round(x)} %`);

function rowsOf(summary) {
  const { measured } = summary;
  const find = (scenario, tool) => measured.find((m) => m.scenario === scenario && m.tool === tool);
  return measured.map((m) => {
    const st = stats(m);
    let vsFloor = null;
    let vsPeer = null;
    if (m.tool.startsWith('screen') && st.wallMs) {
      const f = find(m.scenario, 'floor');
      const p = find(m.scenario, 'peer');
      const fw = f && stats(f).wallMs;
      const pw = p && stats(p).wallMs;
      if (fw) vsFloor = st.wallMs / fw;
      if (pw) vsPeer = st.wallMs / pw;
    }
    return { m, st, vsFloor, vsPeer };
  });
}

export function formatTable(summary) {
  const head = '| input | tool | runs | median wall (s) | rows/s | peak RSS (MiB) | CPU (s) | steal | screen/floor | screen/peer |';
  const sep = '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rowsOf(summary).map(({ m, st, vsFloor, vsPeer }) => {
    const wall = st.failed ? `FAILED (${st.failed}/${m.runs.length})` : fmtS(st.wallMs);
    const tool = m.note ? `${m.tool} (${m.note})` : m.tool;
    return `| ${groupDigits(m.scenario)} (${fmtSize(m.fileMiB)}) | ${tool} | ${m.runs.length} | ${wall} | ${fmtInt(st.rowsPerSec)} | ${fmtInt(st.rssMiB)} | ${fmtS(st.cpuMs)} | ${fmtPct(st.stealPct)} | ${fmtRatio(vsFloor)} | ${fmtRatio(vsPeer)} |`;
  });
  return [head, sep, ...lines].join('\n');
}

/**
 * `--out-dir` before issue 16 (bench/results.md at c8386b1): wall time as a multiple of the floor
 * measured in the same run, and peak RSS. Issue 14 owns these targets; here they must not get worse.
 */
const OUT_DIR_BEFORE = {
  '10000 rows': { vsFloor: 3.48, rssMiB: 381 },
  '100000 rows': { vsFloor: 3.84, rssMiB: 1850 },
};

/** The issue's targets, each with its figure and met / NOT met / not measured. */
export function targets(summary) {
  const rows = rowsOf(summary);
  const get = (scenario, tool = 'screen') => rows.find((r) => r.m.scenario === scenario && r.m.tool === tool);
  const out = [];
  // `figure` is only called when the scenario was measured.
  const add = (target, r, figure, met) =>
    out.push(r ? { target, figure: figure(), status: met() ? 'met' : 'NOT met' } : { target, figure: 'not measured in this run', status: 'not measured' });
  const wallOrFailure = (r) => (r.st.failed ? `failed after ${fmtS(r.st.failedAfterMs)} s: ${r.st.error}` : `${fmtS(r.st.wallMs)} s`);
  const vsFloor = (r, floor) =>
    r.vsFloor == null
      ? `failed: ${r.st.error ?? floor.st.error}`
      : `${fmtRatio(r.vsFloor)} (${fmtS(r.st.wallMs)} s vs ${fmtS(floor.st.wallMs)} s; CPU time ${fmtRatio(r.st.cpuMs / floor.st.cpuMs)})`;
  const small = get('30 rows');
  add('30-row roster: wall ≤ 0.5 s (with Node start-up)', small, () => wallOrFailure(small), () => !small.st.failed && small.st.wallMs <= 500);
  const k1 = get('1000 rows');
  add('1 000 rows: wall ≤ 1.0 s', k1, () => wallOrFailure(k1), () => !k1.st.failed && k1.st.wallMs <= 1000);
  const folder = rows.find((r) => r.m.scenario.startsWith('folder') && r.m.tool === 'screen' && r.m.files === 200);
  add('folder of 200 rosters × 30 rows: wall ≤ 8 s', folder, () => wallOrFailure(folder), () => !folder.st.failed && folder.st.wallMs <= 8000);
  const big = get('100000 rows');
  const bigFloor = get('100000 rows', 'floor');
  add('100 000 rows: wall ≤ 3 × the floor', big && bigFloor, () => vsFloor(big, bigFloor), () => big.vsFloor != null && big.vsFloor <= 3);
  add('100 000 rows: peak RSS ≤ 400 MiB', big, () => `${fmtInt(big.st.rssMiB)} MiB`, () => !big.st.failed && big.st.rssMiB <= 400);
  for (const [scenario, before] of Object.entries(OUT_DIR_BEFORE)) {
    const r = get(scenario, 'screen --out-dir');
    const floor = get(scenario, 'floor');
    add(
      `${groupDigits(scenario)}, --out-dir: no worse than before (${fmtRatio(before.vsFloor)} the floor, ${fmtInt(before.rssMiB)} MiB)`,
      r && floor,
      () => `${vsFloor(r, floor)}, peak RSS ${fmtInt(r.st.rssMiB)} MiB`,
      () => r.vsFloor != null && r.vsFloor <= before.vsFloor && r.st.rssMiB <= before.rssMiB,
    );
  }
  // Issue 20: the lists written as streams keep every output path small.
  const k10 = get('10000 rows', 'screen --out-dir');
  const k10Floor = get('10000 rows', 'floor');
  add(
    '10 000 rows, --out-dir: wall ≤ 3 × the floor, peak RSS ≤ 300 MiB (issue 20)',
    k10 && k10Floor,
    () => `${vsFloor(k10, k10Floor)}, peak RSS ${fmtInt(k10.st.rssMiB)} MiB`,
    () => k10.vsFloor != null && k10.vsFloor <= 3 && k10.st.rssMiB <= 300,
  );
  const bigOut = get('100000 rows', 'screen --out-dir');
  add('100 000 rows, --out-dir: peak RSS ≤ 400 MiB (issue 20)', bigOut, () => `${fmtInt(bigOut.st.rssMiB)} MiB`, () => !bigOut.st.failed && bigOut.st.rssMiB <= 400);
  return out;
}

/** Text safe inside a markdown table cell. */
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const busy = (mc) => Math.max(Number(mc.loadBefore.split(' ')[0]), Number((mc.loadAfter ?? '0').split(' ')[0])) > mc.cores;

export function formatResults(summary) {
  const { machine: mc, runs } = summary;
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench.mjs) on ${mc.date}, commit ${mc.commit}. Everything above the notes`,
    'marker is regenerated on each run; do not edit it by hand.',
    '',
    '## Machine',
    '',
    `- ${mc.cores} cores (${mc.cpu}), ${mc.memGiB} GiB RAM, ${mc.os}`,
    `- Node ${mc.node}`,
    `- load average (1, 5, 15 min) before: ${mc.loadBefore}; after: ${mc.loadAfter}${mc.settledSeconds ? ` (waited ${mc.settledSeconds} s for the load to settle first)` : ''}`,
    ...(busy(mc)
      ? ['', `> **The machine was busy during this run** (load average above ${mc.cores}, the core count): wall times are`, '> inflated by waiting for a CPU; the CPU-time column is the steadier figure. Re-run on an idle machine.']
      : []),
    '',
    `## Results (median of ${runs} run${runs > 1 ? 's' : ''}, at least 5 for 1 000 rows and fewer, 7 for 10 000)`,
    '',
    'Each figure is a whole process, Node start-up included, measured from outside: wall time around the',
    'spawn, peak RSS (`getrusage` maxRSS reported by the child at exit) and CPU time (user + system).',
    '**steal** is the share of the whole machine\'s CPU time the hypervisor took while the run went on',
    '(`/proc/stat`, median over the runs): this VM\'s neighbours, not our code; runs with much steal are slower.',
    '',
    '- **screen**: the default path, as the issue defines it (read, every rule, annotated copy, JSON report to a file):',
    '  the roster is copied into a fresh directory, then `node bin/screen.js DIR/ROSTER --format json --no-progress',
    "  --as-of " + summary.asOf + " > DIR/report.json`; the annotated copy lands beside the roster, as for a user.",
    '- **screen --out-dir**: the same with `--out-dir DIR`, which also writes the regional outputs (推荐名单.xlsx,',
    '  退回清单.xlsx, 预审报告.html, report.json, summary.md, findings.csv). The folder case always takes this path.',
    '- **screen, no code cache**: the same bundle compiled from source instead of from V8\'s code cache',
    '  (`scripts/bench/run-without-cache.mjs`), to show what the cache (`bin/load-bundle.js`) buys.',
    '- **floor**: `scripts/bench/floor.mjs` — fflate streaming inflate + one saxes pass over the shared strings and the',
    '  sheet, shared strings resolved into row arrays, nothing else.',
    '- **peer** (only with `--peer`): `scripts/bench/peer.mjs` — exceljs in-memory `readFile`, a fill on one cell per',
    '  flagged row, a verdict column, `writeFile` (run with `--max-old-space-size=6144`).',
    '',
    'Ratios are median wall times: this row / the floor (or the peer) on the same roster.',
    '',
    formatTable(summary),
    '',
    '## Targets (issues 16 and 20)',
    '',
    '| target | figure | status |',
    '|---|---|---|',
    ...targets(summary).map((t) => `| ${t.target} | ${cell(t.figure)} | ${t.status === 'NOT met' ? '**NOT met**' : t.status} |`),
    '',
    '## Inputs',
    '',
    'Generated by `scripts/bench/make-roster.mjs` (seeded, deterministic): one sheet with a merged title row, the header',
    'from the rule set (`label.zh` of every column but 公示时间), text in shared strings, hours as numbers (3 % as',
    '`96学时`), dates as serials with numFmtId 14 (20 % of title dates as text), birth/graduation months as text,',
    'ID numbers as text with valid GB 11643 check digits; about 10 % of rows carry one defect (CPD below 90 or blank,',
    'bad check digit or length, late application/recommendation, 机关 unit, title too recent, 大专, short 公示,',
    'duplicate ID, 工程师, a unit outside Zhejiang, sex mismatch, 基本合格). Parts in Excel\'s order: the sheet before',
    'the shared strings. The folder case holds one employer per file.',
    '',
    '## All runs',
    '',
    ...summary.measured.map((m) => {
      const steal = (r) => (r.stealPct == null ? '' : `, steal ${fmtPct(r.stealPct)}`);
      const rs = m.runs.map((r) => (r.ok ? `${fmtS(r.wallMs)} s / ${fmtInt((r.rssKiB ?? 0) / 1024)} MiB${steal(r)}` : `failed after ${fmtS(r.wallMs)} s (peak RSS ${fmtInt((r.rssKiB ?? 0) / 1024)} MiB): ${r.error}`));
      return `- ${groupDigits(m.scenario)}, ${m.tool}: ${rs.join('; ')}`;
    }),
    '',
  ];
  return lines.join('\n');
}

export function writeResults(file, summary) {
  let notes = `${NOTES_MARKER}\n`;
  if (existsSync(file)) {
    const old = readFileSync(file, 'utf8');
    const i = old.indexOf(NOTES_MARKER);
    if (i >= 0) notes = old.slice(i);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${formatResults(summary)}\n${notes}`);
}
