// The CLI's only door to the terminal: results to stdout, messages to stderr.
export interface Output {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Colour only on a TTY and when NO_COLOR is unset. */
  color: boolean;
}

export function processOutput(): Output {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: !noColor && Boolean(process.stdout.isTTY),
  };
}
