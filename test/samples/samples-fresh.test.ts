// The committed samples are what scripts/make-samples.mjs makes today: regenerate them into a temp
// folder and compare byte for byte (the script is deterministic: fixed dates, fixed zip times).
// When this fails after a change to the template or the rule set, run `npm run samples`, check the
// golden test, and commit samples/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

const SAMPLES = path.join(ROOT, 'samples');

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(rel, e.name);
    return e.isDirectory() ? filesUnder(dir, p) : [p];
  });
}

/** What differs between two xlsx packages: the names of the parts whose content differs. */
function differingParts(a: Buffer, b: Buffer): string[] {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  const names = [...new Set([...Object.keys(pa), ...Object.keys(pb)])];
  return names.filter((n) => !pa[n] || !pb[n] || strFromU8(pa[n]) !== strFromU8(pb[n]));
}

let out: string;
let log: string;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'samples-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/make-samples.mjs'), out], { cwd: ROOT, encoding: 'utf8' });
  log = `${r.stdout}\n${r.stderr}`;
  expect(r.status, log).toBe(0);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('samples/ is up to date with scripts/make-samples.mjs', () => {
  it('the script writes the same set of rosters and lists as is committed', () => {
    // (annotated copies a user may have made by screening a sample in place, or a copy of one as the
    // README shows, `.screened (2).xlsx`, are not samples: .gitignore's `*.screened*.xlsx`)
    const committed = filesUnder(SAMPLES).filter((f) => /\.(xlsx|csv)$/.test(f) && !/\.screened[^/\\]*\.xlsx$/.test(f)).sort();
    expect(filesUnder(out).sort()).toEqual(committed);
  });

  it('every sample file is byte-identical to a fresh run (else: npm run samples)', () => {
    for (const f of filesUnder(out)) {
      const fresh = readFileSync(path.join(out, f));
      const committed = readFileSync(path.join(SAMPLES, f));
      if (fresh.equals(committed)) continue;
      const detail = f.endsWith('.xlsx') ? `parts differing: ${differingParts(fresh, committed).join(', ')}` : 'content differs';
      expect.fail(`samples/${f} is stale (${detail}); run \`npm run samples\` and commit samples/`);
    }
  });

  it('the regional CSV is GB18030, as Chinese Excel saves it (no BOM, not UTF-8)', () => {
    const csv = readFileSync(path.join(SAMPLES, 'regional', '温州某某研究院-花名册.csv'));
    expect([...csv.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(csv)).toThrow();
    expect(new TextDecoder('gb18030').decode(csv).split('\r\n')[0]).toMatch(/^序号,姓名,性别,身份证号,/);
  });
});
