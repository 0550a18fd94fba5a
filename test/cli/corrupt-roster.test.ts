// A folder whose second roster is corrupt: the first is screened, the corrupt one is named as unreadable
// (exit 2), no stack trace, and nothing hangs on what the first roster started.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'corrupt-roster-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a corrupt roster part-way through a folder', () => {
  it('ends cleanly with exit 2 and names the file', () => {
    const dir = path.join(tmp, 'folder');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(ROOT, 'samples/regional/中电某某研究所-花名册.xlsx'), path.join(dir, 'a.xlsx'));
    writeFileSync(path.join(dir, 'b.xlsx'), Buffer.from('PK\u0003\u0004 not really a workbook'));
    const r = runCli([dir, '--no-write', '--format', 'json', '--as-of', '2024-03-25', '--no-progress']);
    // Issue 17: the other rosters are still screened; the unreadable one is a problem, and exit 2.
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|at .*\.cjs/);
    const report = JSON.parse(r.stdout) as { problems: { unreadable?: boolean; message: unknown }[]; applicants: { file: string }[] };
    const unreadable = report.problems.filter((p) => p.unreadable === true);
    expect(unreadable).toHaveLength(1);
    expect(JSON.stringify(unreadable[0])).toMatch(/b\.xlsx/);
    expect(report.applicants.length).toBeGreaterThan(0);
    expect(report.applicants.every((a) => a.file.endsWith('a.xlsx'))).toBe(true);
  });
});
