import type { Applicant, CellValue, FieldId } from '../core/types.js';
import { cellText } from '../normalize/text.js';

export function valueOf(app: Applicant, field: FieldId): CellValue | undefined {
  return app.values.get(field);
}

/** The cell's display text, trimmed; '' when blank or absent. */
export function textOf(app: Applicant, field: FieldId): string {
  return cellText(app.values.get(field)).trim();
}
