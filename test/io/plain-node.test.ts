import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// vitest resolves modules more leniently than Node: compile src/io with tsc and run it under
// plain `node` (ESM interop with fflate/saxes), in child processes with different TZ values.

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.join(root, 'test/.output/io-plain');
const fixture = path.join(root, 'test/fixtures/io/libreoffice-roster.xlsx');

describe('compiled reader under plain node', () => {
  it('reads the same dates whatever TZ the process runs in', { timeout: 120_000 }, () => {
    rmSync(out, { recursive: true, force: true });
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '--outDir', out, '--rootDir', path.join(root, 'src'), '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck', '--types', 'node', path.join(root, 'src/io/open-roster-file.ts')], { cwd: root, stdio: 'pipe' });
    const entry = pathToFileURL(path.join(out, 'io/open-roster-file.js')).href;
    const script = `const { openRosterFile } = await import(${JSON.stringify(entry)});
      const wb = await openRosterFile(${JSON.stringify(fixture)});
      const rows = [];
      await wb.readRows(0, (r) => { rows.push(r); });
      process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2019, 5, 30)).getTimezoneOffset(), rows }));`;
    const results = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      return JSON.parse(stdout) as { offset: number; rows: { cells: ({ kind: string; iso?: string } | null)[] }[] };
    });
    expect(new Set(results.map((r) => r.offset)).size).toBe(4);
    for (const r of results) expect(r.rows).toEqual(results[0]!.rows);
    expect(results[0]!.rows[2]!.cells[4]).toEqual({ kind: 'date', iso: '2019-06-30', serial: 43646 });
  });
});
