// A run whose outputs cannot be written (a read-only folder, a full disk, --out-dir naming a file)
// has still screened everyone: the verdicts are shown, then the error, and the run exits 2.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { who, writeWorkbook } from '../helpers/office-workbook.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('outputs that cannot be written', () => {
  let dir: string;
  let file: string;
  let blocker: string;
  beforeAll(async () => {
    dir = makeTempDir();
    file = path.join(dir, '花名册.xlsx');
    await writeWorkbook(file, [{ name: '花名册', rows: [who('张三', 1), who('李四', 2, { specialty: null })] }]);
    // A file where the output folder should be: the folder cannot be made (also as root, unlike a read-only folder).
    blocker = path.join(dir, '预审结果');
    writeFileSync(blocker, 'not a folder');
  });

  it('terminal: the verdicts, then the error; exit 2', () => {
    const r = runCli([file, '--out-dir', blocker, '--as-of', '2024-03-01', '--no-progress']);
    expect(r.status).toBe(2);
    // 张三 passes (counted), 李四 fails (listed with the reason).
    expect(r.stdout).toMatch(/通过 1 · 待复核 0 · 不通过 1/);
    expect(r.stdout).toContain('李四');
    expect(r.stderr).toContain('错误');
    expect(r.stderr).toContain('同名的文件已存在');
    expect(existsSync(path.join(dir, '花名册.screened.xlsx'))).toBe(false);
  });

  it('JSON: the whole report on stdout, built for it (no report.json to copy); exit 2', () => {
    const r = runCli([file, '--out-dir', blocker, '--format', 'json', '--as-of', '2024-03-01', '--no-progress', '--lang', 'en']);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout) as { applicants: { status: string }[] };
    expect(doc.applicants.map((a) => a.status)).toEqual(['pass', 'fail']);
    expect(r.stderr).toContain('a file of that name exists');
  });
});
