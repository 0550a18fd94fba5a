import type { Lang } from '../core/types.js';
import type { Output } from './output.js';

/** What the run is doing, for the progress line. */
export type ProgressPhase = 'read' | 'annotate' | 'regional' | 'report';

export interface Progress {
  /** Rows read and files done so far (reading phase). */
  update(event: { filesDone: number; files: number; rows: number }): void;
  /** The run moved on to writing an output; `parts` is how many files the phase writes. */
  phase(phase: ProgressPhase, parts?: number): void;
  /** Files of the current (writing) phase done so far. */
  partDone(done: number, parts?: number): void;
  /** Rows of the current (writing) phase's file done so far, so one big file's count moves too. */
  partRows(rows: number): void;
  /** Clears the line (if anything was shown) and stops the timer. */
  done(): void;
}

/** Calls `tick` about every second until cancelled; never keeps the process alive by itself. */
export type Ticker = (tick: () => void) => () => void;

const everySecond: Ticker = (tick) => {
  const t = setInterval(tick, 1000);
  t.unref();
  return () => clearInterval(t);
};

const PHASE: Record<Lang, Record<ProgressPhase, string>> = {
  zh: { read: '读取花名册', annotate: '写出批注副本', regional: '写出推荐名单等汇总', report: '写出报告' },
  en: { read: 'reading rosters', annotate: 'writing annotated copies', regional: 'writing the combined outputs', report: 'writing the report' },
};

const BAR_WIDTH = 20;

export interface ProgressState {
  phase: ProgressPhase;
  filesDone: number;
  files: number;
  rows: number;
  /** Writing phases: files written of `parts`, and rows of the file being written. */
  partsDone: number;
  parts: number;
  partRows?: number;
}

/**
 * A one-line progress display on stderr (`\r`-rewritten): phase, a bar of files done when there
 * are several, rows read or files written, seconds elapsed. Shown only on a TTY, only once the run
 * has taken about a second (a 30-row roster never flickers one), at most every 100 ms; a timer
 * redraws it every second so the elapsed time moves even while a phase reports nothing (a big
 * list being written).
 */
export function createProgress(
  io: Output,
  enabled: boolean,
  lang: Lang,
  clock: () => number = Date.now,
  delayMs = 1000,
  ticker: Ticker = everySecond,
): Progress {
  if (!enabled) return { update: () => undefined, phase: () => undefined, partDone: () => undefined, partRows: () => undefined, done: () => undefined };
  const start = clock();
  let shown = false;
  let last = -Infinity;
  let state: ProgressState = { phase: 'read', filesDone: 0, files: 1, rows: 0, partsDone: 0, parts: 0 };

  const render = (force: boolean): void => {
    const now = clock();
    if (now - start < delayMs || (!force && now - last < 100)) return;
    last = now;
    shown = true;
    io.err(`\r${progressLine(state, lang, Math.floor((now - start) / 1000))}\x1b[K`);
  };
  let stop: (() => void) | null = ticker(() => render(true));
  return {
    update({ filesDone, files, rows }) {
      state = { ...state, filesDone, files, rows };
      render(false);
    },
    phase(phase, parts = 0) {
      state = { ...state, phase, partsDone: 0, parts, partRows: 0 };
      render(true);
    },
    partDone(done, parts) {
      state = { ...state, partsDone: done, parts: parts ?? state.parts, partRows: 0 };
      render(false);
    },
    partRows(rows) {
      state = { ...state, partRows: rows };
      render(false);
    },
    done() {
      stop?.();
      stop = null;
      if (shown) io.err('\r\x1b[K');
      shown = false;
    },
  };
}

/** The text of the progress line (without the carriage return and erase). */
export function progressLine(s: Omit<ProgressState, 'partsDone' | 'parts'> & Partial<ProgressState>, lang: Lang, seconds: number): string {
  const parts = [PHASE[lang][s.phase]];
  const files = lang === 'zh' ? ' 个文件' : ' files';
  if (s.phase === 'read') {
    if (s.files > 1) parts.push(`${bar(s.filesDone / s.files)} ${s.filesDone}/${s.files}${files}`);
    const rows = s.rows.toLocaleString('en-US');
    parts.push(lang === 'zh' ? `已读 ${rows} 行` : `${rows} rows read`);
  } else if (s.parts) {
    const done = s.partsDone ?? 0;
    parts.push(`${s.parts > 1 ? `${bar(done / s.parts)} ` : ''}${lang === 'zh' ? `已写 ${done}/${s.parts}${files}` : `${done}/${s.parts}${files} written`}`);
    if (s.partRows) {
      const rows = s.partRows.toLocaleString('en-US');
      parts.push(lang === 'zh' ? `当前文件已处理 ${rows} 行` : `${rows} rows of this file done`);
    }
  }
  parts.push(`${seconds} s`);
  return parts.join(' · ');
}

function bar(fraction: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(fraction * BAR_WIDTH)));
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
}
