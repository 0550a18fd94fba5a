import type { Lang, Localized } from './types.js';

/**
 * An error the user can act on: bad input, bad options, an unwritable output.
 * It carries its own text in both languages (what happened, where, what to do), so the CLI
 * prints it as is — never a stack trace — and exits 2. `code` is stable for tests.
 */
export class UserError extends Error {
  readonly code: string;
  readonly text: Localized;

  constructor(code: string, text: Localized, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = 'UserError';
    this.code = code;
    this.text = text;
  }

  render(lang: Lang): string {
    return this.text[lang];
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
