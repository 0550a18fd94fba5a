import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../report/run-result.js';

// Files a regional office's folder may hold that are not rosters: our own outputs and Office lock files.
const OUR_OUTPUTS = /\.screened\.xlsx$|^(推荐名单|退回清单|预审报告)\.|^findings\.csv$|^report\.json$|^summary\.md$/;
const ROSTER_EXT = /\.(xlsx|xlsm|csv|xls|et)$/i;

/**
 * Turns the command-line paths into roster files: directories are searched (recursively), files pass
 * as given. Files in a folder that look like our own outputs are left out and listed in `skipped`,
 * so the run can say so.
 */
export async function expandInputs(paths: string[], outDir?: string, skipped: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const skipDir = outDir ? path.resolve(outDir) : null;
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) out.push(...(await listDir(p, skipDir, skipped)));
    else out.push(p);
  }
  return [...new Set(out)];
}

async function listDir(dir: string, skipDir: string | null, skipped: string[]): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    if (e.isDirectory()) {
      if (e.name === '预审结果' || (skipDir && path.resolve(full) === skipDir)) continue;
      out.push(...(await listDir(full, skipDir, skipped)));
    } else if (e.isFile() && ROSTER_EXT.test(e.name)) {
      if (OUR_OUTPUTS.test(e.name)) skipped.push(full);
      else out.push(full);
    }
  }
  return out;
}

const LISTED = 5;

/** The note a run gives about folder files it left out as our own outputs (null if none). */
export function skippedOutputsProblem(skipped: readonly string[]): Problem | null {
  if (skipped.length === 0) return null;
  const names = skipped.slice(0, LISTED).map((f) => path.basename(f));
  const more = skipped.length - names.length;
  return {
    file: path.dirname(skipped[0]!),
    message: {
      zh: `跳过了 ${skipped.length} 个本工具生成的文件（${names.join('、')}${more ? ` 等` : ''}），未作为花名册审核。若其中有花名册，请改名后再审核。`,
      en: `Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} made by this tool (${names.join(', ')}${more ? ', …' : ''}); not screened as rosters. Rename any that is a roster and screen again.`,
    },
  };
}
