// Issue 8, part 2: an internal error exits 2 with a short message that contains no applicant data.
// In-process through main(): the terminal formatter is made to throw errors that carry the run's
// personal data (as a careless message or a cause chain would), in three shapes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import type { RunResult } from '../../src/report/run-result.js';
import { buildXlsx, rosterSheetData } from './build.js';
import { tempDir } from './cli.js';
import { outputText } from '../helpers/output-text.js';
import { validApplicant } from '../helpers/screen-rows.js';

const mode = vi.hoisted((): { kind: 'none' | 'type-error' | 'string' | 'cause'; annotate: boolean } => ({ kind: 'none', annotate: false }));

// The annotated-copy writer, made to fail the way a programming error inside it would.
vi.mock('../../src/annotate/annotate-xlsx.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/annotate/annotate-xlsx.js')>();
  return {
    ...real,
    annotateXlsx: (...args: Parameters<typeof real.annotateXlsx>) => {
      if (!mode.annotate) return real.annotateXlsx(...args);
      const a = args[0].applicants[0]!;
      throw new TypeError(`Cannot read properties of undefined (reading '${a.name} ${a.idNumber}')`);
    },
  };
});

vi.mock('../../src/format/terminal.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/format/terminal.js')>();
  return {
    ...real,
    formatTerminal: (run: RunResult, options: Parameters<typeof real.formatTerminal>[1]) => {
      const a = run.applicants[0]!;
      const data = `${a.name} ${a.idNumber} ${a.unit} 13812345678`;
      if (mode.kind === 'type-error') throw new TypeError(`Cannot read properties of undefined (reading '${data}')`);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown string is the case under test
      if (mode.kind === 'string') throw `failed on ${data}`;
      if (mode.kind === 'cause') throw new Error('render failed', { cause: new Error(data) });
      return real.formatTerminal(run, options);
    },
  };
});

function capture(): Output & { outText: () => string; errText: () => string } {
  const out = outputText();
  let err = '';
  return { out: (t) => out.write(t), err: (t) => void (err += t), stdoutIsTTY: false, stderrIsTTY: false, color: false, outText: () => out.text(), errText: () => err };
}

let file: string;
const SECRETS = ['张三', '330106197102114319', '杭州某某科技有限公司', '13812345678', '4319'];

beforeAll(() => {
  const dir = tempDir();
  file = path.join(dir, '花名册.xlsx');
  writeFileSync(file, buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: [{ ...validApplicant }] }).xml }] }));
});

afterEach(() => {
  mode.kind = 'none';
  mode.annotate = false;
  process.exitCode = undefined;
});

describe('internal errors', () => {
  it('the mock is transparent when not throwing (sanity)', async () => {
    const io = capture();
    expect(await main(['node', 'screen', file, '--no-write', '--as-of', '2024-03-25'], io)).toBe(0);
    expect(io.outText()).toContain('共 1 人');
  });

  it.each(['type-error', 'string', 'cause'] as const)('%s: exit 2, a short message, no applicant data, nothing on stdout', async (kind) => {
    mode.kind = kind;
    const saved = process.env.ROSTER_SCREEN_DEBUG;
    delete process.env.ROSTER_SCREEN_DEBUG;
    try {
      for (const lang of ['zh', 'en'] as const) {
        const io = capture();
        const code = await main(['node', 'screen', file, '--no-write', '--as-of', '2024-03-25', '--lang', lang], io);
        expect(code).toBe(2);
        expect(io.outText()).toBe('');
        const err = io.errText();
        expect(err).toMatch(lang === 'zh' ? /^内部错误（\w+）/ : /^Internal error \(\w+\)/);
        expect(err.length).toBeLessThan(200);
        expect(err.split('\n').filter(Boolean)).toHaveLength(1);
        for (const s of SECRETS) expect(err).not.toContain(s);
        expect(err).not.toMatch(/\bat .+:\d+:\d+/);
      }
    } finally {
      if (saved !== undefined) process.env.ROSTER_SCREEN_DEBUG = saved;
    }
  });

  // Was a bug (fixed): annotate/write-annotated.ts turned every non-file-system error of the writer into
  // annotateFailed(file, err) — a UserError that prints err.message (here: a name and an ID) and
  // blames the user's file ("open it in Excel and save it again") for what is our bug. Expected: a
  // real internal error — "内部错误（TypeError）…", no data. Only known, data-free conditions of
  // the package (missing parts, unparseable XML) should become annotate-failed.
  it('a programming error inside the annotated-copy writer: no applicant data in the message', async () => {
    mode.annotate = true;
    const io = capture();
    const code = await main(['node', 'screen', file, '--out-dir', path.join(tempDir(), 'out'), '--as-of', '2024-03-25'], io);
    expect(code).toBe(2);
    const err = io.errText();
    for (const s of SECRETS) expect(err).not.toContain(s);
  });
});
