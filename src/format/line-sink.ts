/**
 * Lines written as `lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'` would make them
 * (one blank line at most between blocks, none at the end), without holding them: the whitespace
 * at the end of what came so far is held back until more text follows it.
 */
export class LineSink {
  private held = '';
  private first = true;

  constructor(private readonly write: (chunk: string) => void) {}

  push(...lines: string[]): void {
    for (const line of lines) {
      const text = this.first ? line : `\n${line}`;
      this.first = false;
      let end = text.length;
      while (end > 0 && /\s/.test(text[end - 1]!)) end--;
      if (end === 0) {
        this.held += text;
        continue;
      }
      this.write(`${this.held}${text.slice(0, end)}`.replace(/\n{3,}/g, '\n\n'));
      this.held = text.slice(end);
    }
  }

  end(): void {
    this.write('\n');
  }
}
