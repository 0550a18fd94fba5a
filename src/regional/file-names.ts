import path from 'node:path';

// Documents sent on name no local path: a roster is named by its path relative to the folder
// given (the common folder of the run's inputs), so by its file name when it was given directly.

/** file → its name for documents: relative to the common folder of `files`, with `/`. */
export function fileNamer(files: readonly string[]): (file: string) => string {
  const dirs = files.map((f) => path.resolve(path.dirname(f)));
  let common = dirs[0] ?? '';
  for (const d of dirs) while (common && d !== common && !d.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
    const up = path.dirname(common);
    common = up === common ? '' : up;
  }
  const names = new Map<string, string>();
  return (file) => {
    let n = names.get(file);
    if (n === undefined) {
      n = common ? path.relative(common, path.resolve(file)).split(path.sep).join('/') : path.basename(file);
      names.set(file, n);
    }
    return n;
  };
}

// An absolute local path: `/home/…/x.xlsx` (a slash not after a letter, digit or dot, so `72/90`
// is no path), `C:\…\x.xlsx`, `\\server\…`; captured: its last part, the file name.
const ANY_PATH = /(?:(?<![\w.])\/|[A-Za-z]:[\\/]|\\\\)(?:[^\s\\/"'“”（）()、，,;；]+[\\/])*([^\s\\/"'“”（）()、，,;；]+)/g;

/**
 * Text with the local paths taken out: each of the run's `files` becomes its document name, any
 * other path (the exceptions file …) its file name.
 */
export function withoutLocalPaths(text: string, files: readonly string[], name: (file: string) => string): string {
  if (!/[\\/]/.test(text)) return text;
  let out = text;
  // Longest first, so that a path is not replaced inside a longer one.
  for (const f of [...files].sort((x, y) => y.length - x.length)) if (out.includes(f)) out = out.split(f).join(`\u0000${name(f)}\u0000`);
  return out
    .split('\u0000')
    .map((part, i) => (i % 2 ? part : part.replace(ANY_PATH, '$1')))
    .join('');
}
