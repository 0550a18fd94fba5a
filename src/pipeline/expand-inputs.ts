import { promises as fs } from 'node:fs';
import path from 'node:path';

// Files a regional office's folder may hold that are not rosters: our own outputs and Office lock files.
const OUR_OUTPUTS = /\.screened\.xlsx$|^(推荐名单|退回清单|预审报告)\.|^findings\.csv$|^report\.json$|^summary\.md$/;
const ROSTER_EXT = /\.(xlsx|xlsm|csv|xls|et)$/i;

/** Turns the command-line paths into roster files: directories are searched (recursively), files pass as given. */
export async function expandInputs(paths: string[], outDir?: string): Promise<string[]> {
  const out: string[] = [];
  const skipDir = outDir ? path.resolve(outDir) : null;
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) out.push(...(await listDir(p, skipDir)));
    else out.push(p);
  }
  return [...new Set(out)];
}

async function listDir(dir: string, skipDir: string | null): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    if (e.isDirectory()) {
      if (e.name === '预审结果' || (skipDir && path.resolve(full) === skipDir)) continue;
      out.push(...(await listDir(full, skipDir)));
    } else if (e.isFile() && ROSTER_EXT.test(e.name) && !OUR_OUTPUTS.test(e.name)) {
      out.push(full);
    }
  }
  return out;
}
