import type { Lang } from '../core/types.js';
import { EXIT_ERROR } from './exit-codes.js';

// The CLI's only door to the terminal: results to stdout, messages to stderr.
export interface Output {
  /** Text, or UTF-8 bytes written as they are (a report file copied to stdout, never decoded). */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Colour only on a TTY and when NO_COLOR is unset. */
  color: boolean;
}

export function processOutput(lang: Lang = 'zh'): Output {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  // A report that cannot be written whole must not end as 0 or 1 (CI would trust it): a failed
  // write to stdout ends the run with 2. A reader that stopped early (`| head -1`, EPIPE) wants
  // no more output, so that case says nothing; any other failure gets one line.
  const stdoutFailed = (err: unknown): never => {
    const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
    if (code !== 'EPIPE') {
      try {
        process.stderr.write(lang === 'zh' ? `错误: 无法写出到标准输出（${code}），结果不完整。\n` : `Error: cannot write to standard output (${code}); the report is incomplete.\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left
      }
    }
    process.exit(EXIT_ERROR);
  };
  process.stdout.on('error', stdoutFailed);
  return {
    out: (t) => {
      try {
        process.stdout.write(t);
      } catch (err) {
        stdoutFailed(err);
      }
    },
    err: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: !noColor && Boolean(process.stdout.isTTY),
  };
}
