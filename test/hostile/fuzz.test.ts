// Issue 8: mutated copies of sample rosters fed to the reader for a bounded number of iterations
// with a deterministic seed. Every iteration must end with rows or a UserError — no other error, no
// crash (the worker has a bounded heap) and no hang (a watchdog kills the worker when one iteration
// takes too long and names the mutation). Runs the BUILT reader in a child process (see
// fuzz-child.mjs): only a separate process can be stopped in the middle of a sync loop, and a V8
// out-of-memory there does not take the test runner down.
//
// More: FUZZ_RUNS=5000 FUZZ_SEED=123 npx vitest run test/hostile/fuzz.test.ts
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { applicants, buildXlsx, rosterSheetData, rowXml, numCell } from './build.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 8);
const PER_ITERATION_MS = 10_000;

interface Sample {
  name: string;
  ext: string;
  bytes: Uint8Array;
}

async function samples(): Promise<Sample[]> {
  const rows = applicants(6);
  // Hand-made: title rows, a two-row merged header region, inline strings, a date style, a hidden sheet.
  const sd = rosterSheetData({ rows, headerRow: 3, cell: (f, ref) => (f === 'currentTitleDate' ? numCell(ref, 42368, 1) : undefined) });
  const handMade = buildXlsx({
    sheets: [
      { name: '花名册', rows: rowXml(1, ['2023年度正高级工程师申报人员花名册']) + rowXml(2, ['填报单位：杭州某某科技有限公司']) + sd.xml, after: '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>' },
      { name: '下拉', rows: rowXml(1, ['是', '否']), state: 'hidden' },
    ],
    sharedStrings: ['<t>是</t>', '<r><t>否</t></r><rPh><t>fou</t></rPh>'],
  });
  // exceljs: shared strings, styles, the usual package layout.
  const byExceljs = await makeRosterBuffer({ rows: [applicant(), applicant({ name: '李四', idNumber: '33010619800307431X', birthDate: '1980-03' })] });
  const csv = new TextEncoder().encode(`\uFEFF姓名,身份证号,性别,"工作
单位"\r\n张三,330106197102114319,男,"杭州""某某"""\r\n`);
  return [
    { name: 'hand-made', ext: '.xlsx', bytes: handMade },
    { name: 'exceljs', ext: '.xlsx', bytes: new Uint8Array(byExceljs) },
    { name: 'csv', ext: '.csv', bytes: csv },
  ];
}

interface Report {
  outcomes: { i: number; desc: string; outcome: string }[];
}

function fuzz(seed: number, runs: number, data: Sample[]): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./fuzz-child.mjs', import.meta.url)), [], {
      serialization: 'advanced',
      execArgv: ['--max-old-space-size=512'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    const outcomes: Report['outcomes'] = [];
    let current: { i: number; desc: string; file: string } | null = null;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      const first = stderr.split('\n').find((l) => /FATAL|Error/.test(l)) ?? '';
      reject(new Error(`${why} ${first} — iteration ${current?.i} (seed ${seed}): ${current?.desc}; the input is kept at ${current?.file}`));
    };
    child.on('message', (m: { type: string; i: number; desc: string; file: string; outcome: string }) => {
      if (m.type === 'start') {
        current = { i: m.i, desc: m.desc, file: m.file };
        timer = setTimeout(() => fail(`no answer within ${PER_ITERATION_MS / 1000} s`), PER_ITERATION_MS);
      } else if (m.type === 'done') {
        clearTimeout(timer);
        outcomes.push({ i: m.i, desc: current?.desc ?? '', outcome: m.outcome });
        current = null;
      } else if (m.type === 'end') {
        settled = true;
        resolve({ outcomes });
      }
    });
    child.on('error', (err) => fail(`child failed (${err.message})`));
    child.on('exit', (code, signal) => {
      if (!settled) fail(`child ended (code ${code}, signal ${signal})`);
    });
    child.send({ seed, runs, samples: data });
  });
}

describe('fuzz: the reader on mutated rosters', () => {
  it(`${RUNS} deterministic mutations (seed ${SEED}): rows or a UserError, never a crash or a hang`, async () => {
    const report = await fuzz(SEED, RUNS, await samples());
    expect(report.outcomes).toHaveLength(RUNS);
    const crashes = report.outcomes.filter((o) => o.outcome.startsWith('CRASH'));
    expect(crashes.map((c) => `#${c.i} ${c.desc} → ${c.outcome}`)).toEqual([]);
    // The mutations must reach the parsers, not only the checksum: both outcomes are common.
    const read = report.outcomes.filter((o) => o.outcome.startsWith('read')).length;
    const refused = report.outcomes.filter((o) => o.outcome.startsWith('refused')).length;
    expect(read).toBeGreaterThan(RUNS * 0.2);
    expect(refused).toBeGreaterThan(RUNS * 0.2);
  }, 300_000);
});
