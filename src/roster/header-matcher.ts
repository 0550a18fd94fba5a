import type { FieldId } from '../core/types.js';
import { boundedMemo } from '../core/bounded-memo.js';
import { normalizeHeader } from '../normalize/text.js';
import type { ColumnDef } from '../rules/schema.js';

/** Maps header texts to field ids through the rule set's aliases (rules-2023.md §5). */
export class HeaderMatcher {
  private readonly byAlias = new Map<string, FieldId>();

  constructor(columns: readonly ColumnDef[]) {
    for (const c of columns) {
      for (const a of [c.label.zh, ...c.aliases]) {
        const key = normalizeHeader(a);
        if (key && !this.byAlias.has(key)) this.byAlias.set(key, c.id);
      }
    }
  }

  // Header search tries every cell of the first rows, and folders repeat the same headers in every
  // file: remember answers per text (bounded).
  readonly match: (header: string) => FieldId | null = boundedMemo((header) => this.lookup(header));

  private lookup(header: string): FieldId | null {
    const key = normalizeHeader(header);
    if (!key) return null;
    return this.byAlias.get(key) ?? this.byAlias.get(key.replace(/^\d+[.、]/, '')) ?? null;
  }
}
