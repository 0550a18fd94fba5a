import type { Lang } from '../core/types.js';
import type { Output } from './output.js';

export interface Progress {
  update(event: { filesDone: number; files: number; rows: number }): void;
  done(): void;
}

/** A one-line progress display on stderr; shown only on a TTY and only after about a second. */
export function createProgress(io: Output, enabled: boolean, lang: Lang): Progress {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  const start = Date.now();
  let shown = false;
  let last = 0;
  return {
    update({ filesDone, files, rows }) {
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      const text = lang === 'zh' ? `已读取 ${rows} 行 · 文件 ${filesDone}/${files}` : `${rows} rows read · files ${filesDone}/${files}`;
      io.err(`\r${text}\x1b[K`);
    },
    done() {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
