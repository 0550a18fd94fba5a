import type { Applicant, FieldId } from '../../../core/types.js';
import { yesNoOf } from '../../field-access.js';

/** 破格 = 是 (only an explicit yes counts; blank, 否 or unreadable are ordinary applications). */
export function isPoge(app: Applicant, field: FieldId | undefined): boolean {
  return field !== undefined && yesNoOf(app, field) === true;
}
