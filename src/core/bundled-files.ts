import { readFileSync, readdirSync } from 'node:fs';
import { getAsset, isSea } from 'node:sea';

// The files the tool ships with (rules/, data/, dist/rule-sets/, package.json), named relative to the
// project root. Run with node they are read from disk: this module sits two levels below the root
// as src/core/*.ts, dist/core/*.js and dist/bundle/main.cjs alike. Inside the single-file
// executable they are its assets, stored under the same names (scripts/dist.mjs).
const root = new URL('../../', import.meta.url);

/** The asset listing every bundled file's name: an executable cannot list its own assets. */
export const BUNDLED_FILES_INDEX = 'bundled-files.json';

/** A bundled file's text, by project-relative name (`data/admin-divisions.json`). */
export function readBundledText(name: string): string {
  return isSea() ? getAsset(name, 'utf8') : readFileSync(new URL(name, root), 'utf8');
}

/** Names of the files directly in a bundled folder (`rules/`), sorted. */
export function listBundledFolder(dir: string): string[] {
  if (!isSea()) return readdirSync(new URL(dir, root)).sort();
  const names = JSON.parse(getAsset(BUNDLED_FILES_INDEX, 'utf8')) as string[];
  return names
    .filter((n) => n.startsWith(dir) && !n.slice(dir.length).includes('/'))
    .map((n) => n.slice(dir.length))
    .sort();
}
