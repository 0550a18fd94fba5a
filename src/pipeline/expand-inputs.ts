import { promises as fs, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { isUserError } from '../core/user-error.js';
import { folderUnreadable, linkLoop } from '../io/errors.js';
import { fsPath, fsReason, mapFsError, registerRawPath } from '../io/read-file.js';
import type { Problem } from '../report/run-result.js';

// Files a regional office's folder may hold that are not rosters: our own outputs and Office lock files.
const OUR_OUTPUTS = /\.screened(?:[- ]\(?\d+\)?)?\.xlsx$|^(推荐名单|退回清单|预审报告)\.|^findings\.csv$|^report\.json$|^summary\.md$/;
// Every spreadsheet kind an office may keep: each is read, or named as not read (never skipped silently).
const ROSTER_EXT = /\.(xlsx|xlsm|csv|xls|et|ods|xlsb)$/i;

interface Walk {
  skipDir: string | null;
  skipped: string[];
  problems: Problem[];
  out: string[];
}

/**
 * Turns the command-line paths into roster files: directories are searched (recursively, following
 * links once), files pass as given. The same file named twice (`a.csv ./a.csv /abs/a.csv`, or a
 * link to it) is kept once. Files in a folder that look like our own outputs are left out and listed
 * in `skipped`; folders that cannot be read and link loops are added to `problems`.
 */
export async function expandInputs(paths: string[], outDir?: string, skipped: string[] = [], problems: Problem[] = []): Promise<string[]> {
  const walk: Walk = { skipDir: outDir ? path.resolve(outDir) : null, skipped, problems, out: [] };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) await listDir(p, null, new Set([await realKey(p, stat)]), walk);
    else walk.out.push(p);
  }
  return uniqueFiles(walk.out);
}

/**
 * One entry per file on disk, by device+inode (or real path where the file system has no inodes);
 * of a file and a link to it, the file itself is named.
 */
async function uniqueFiles(files: string[]): Promise<string[]> {
  const seen = new Map<string, { index: number; link: boolean }>();
  const out: string[] = [];
  for (const f of files) {
    const stat = await fs.stat(fsPath(f)).catch(() => null);
    // A file that cannot be stat'ed is kept: reading it reports why.
    const key = stat ? await realKey(fsPath(f), stat) : `?${path.resolve(f)}`;
    const link = (await fs.lstat(fsPath(f)).catch(() => null))?.isSymbolicLink() ?? false;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { index: out.push(f) - 1, link });
    } else if (first.link && !link) {
      out[first.index] = f;
      seen.set(key, { index: first.index, link });
    }
  }
  return out;
}

async function realKey(p: string | Buffer, stat: Stats): Promise<string> {
  if (stat.ino) return `${stat.dev}:${stat.ino}`;
  return (await fs.realpath(p).catch(() => path.resolve(p.toString()))).toString();
}

/** `raw`: the folder's path as bytes when its shown name is not exactly its name on disk, else null. */
async function listDir(shown: string, raw: Buffer | null, ancestors: Set<string>, walk: Walk): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await fs.readdir(raw ?? shown, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    walk.problems.push(problemOf(folderUnreadable(shown, fsReason(err), err), shown));
    return;
  }
  const named = entries.map((e) => ({ e, name: displayName(e.name) }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { e, name } of named) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const shownFull = path.join(shown, name);
    const exact = raw === null && Buffer.from(name).equals(e.name);
    const rawFull = exact ? null : Buffer.concat([raw ?? Buffer.from(shown), Buffer.from(path.sep), e.name]);
    if (rawFull) registerRawPath(shownFull, rawFull);
    const full = rawFull ?? shownFull;
    let stat: Stats | null = null;
    if (e.isSymbolicLink()) {
      try {
        stat = await fs.stat(full);
      } catch (err) {
        // A dangling link that looks like a roster is named as unreadable; others stay unmentioned.
        if (ROSTER_EXT.test(name)) walk.problems.push(problemOf(mapFsError(shownFull, err), shownFull));
        continue;
      }
    }
    const isDir = stat ? stat.isDirectory() : e.isDirectory();
    const isFile = stat ? stat.isFile() : e.isFile();
    if (isDir) {
      if (name === '预审结果' || (walk.skipDir && path.resolve(shownFull) === walk.skipDir)) continue;
      const key = await realKey(full, stat ?? (await fs.stat(full)));
      if (ancestors.has(key)) {
        walk.problems.push(problemOf(linkLoop(shownFull), shownFull));
        continue;
      }
      await listDir(shownFull, rawFull, new Set([...ancestors, key]), walk);
    } else if (isFile && ROSTER_EXT.test(name)) {
      if (OUR_OUTPUTS.test(name)) walk.skipped.push(shownFull);
      else walk.out.push(shownFull);
    }
  }
}

/**
 * A file name as a person reads it: UTF-8, or else GB18030 (names from a Chinese Windows zip)
 * where that decodes cleanly, or else UTF-8 with replacement characters.
 */
export function displayName(raw: Buffer): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(raw);
    } catch {
      // try the next encoding
    }
  }
  return new TextDecoder('utf-8').decode(raw);
}

function problemOf(err: Error, file: string): Problem {
  const message = isUserError(err) ? err.text : { zh: err.message, en: err.message };
  // A loop is a note (its files are screened by their real path); anything else was not read.
  return { file, message, unreadable: !(isUserError(err) && err.code === 'link-loop') };
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
