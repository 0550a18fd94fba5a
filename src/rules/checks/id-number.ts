import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { ID_SEPARATORS, idNoteOf, validateIdNumber } from '../../normalize/id-number.js';
import { toHalfWidth } from '../../normalize/text.js';
import { formatPartial } from '../../normalize/date-text.js';
import { dateOf, idOf, textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    idField: doc(z.string().default('idNumber'), COMMON.idField),
    sexField: doc(z.string().default('sex'), COMMON.sexField),
    birthField: doc(z.string().default('birthDate'), COMMON.birthField),
  })
  .strict();
type P = z.output<typeof Params>;

const sexWords: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', m: 'male', f: 'female', male: 'male', female: 'female' };

// GB 11643: 18 characters, a real birth date, the check digit; and 性别/出生年月 must agree with it.
export default defineCheck({
  type: 'row',
  kind: 'id-number',
  description: 'ID number format, birth date and check digit (GB 11643); sex and birth date agree with it',
  params: Params,
  outcomes: ['blank', 'unreadable', 'numeric', 'length', 'chars', 'birth', 'checksum', 'separators', 'note', 'invisible', 'sex-mismatch', 'birth-mismatch'],
  reads: (p: P) => ({
    required: [p.idField],
    optional: [p.sexField, p.birthField],
    types: { [p.idField]: 'id', [p.sexField]: 'text', [p.birthField]: 'date' },
  }),
  create: (p: P) => (app, ctx) => {
    const raw = idOf(app, p.idField);
    if (raw.text === '') return ctx.report('blank', { field: p.idField });
    // The cell shows a formula's error value: nothing to judge, the formula must be fixed (as an
    // error value in an hours or date cell is unreadable, never a 不通过 by itself).
    if (raw.error) return ctx.report('unreadable', { field: p.idField });
    if (raw.numeric && raw.precisionLost) return ctx.report('numeric', { field: p.idField, value: raw.text });
    const id = validateIdNumber(raw.text);
    if (!id.ok) return ctx.report(id.reason, { field: p.idField, data: { expected: id.expected ?? '' } });
    // A note after the ID (…（已核）) is named as typed; its own spaces are no separators.
    const at = idNoteOf(raw.text) === null ? -1 : raw.text.search(/[(（[［【]/);
    const idPart = toHalfWidth(at < 0 ? raw.text : raw.text.slice(0, at)).trim();
    if (at >= 0) ctx.report('note', { field: p.idField, data: { note: raw.text.slice(at).trim() } });
    if (idPart.replace(ID_SEPARATORS, '') !== idPart) ctx.report('separators', { field: p.idField });
    // Read without them (the ID is right), but they would go wherever the ID is copied to.
    if (raw.formatChars.length > 0) ctx.report('invisible', { field: p.idField, data: { chars: raw.formatChars.join(', ') } });

    const sex = sexWords[textOf(app, p.sexField).toLowerCase()];
    if (sex && sex !== id.sex) {
      ctx.report('sex-mismatch', {
        field: p.sexField,
        data: { idSex: id.sex === 'male' ? '男' : '女', idSexEn: id.sex },
      });
    }
    const birth = dateOf(app, p.birthField);
    if (birth.state === 'date' && (id.birth < birth.first || id.birth > birth.last)) {
      ctx.report('birth-mismatch', { field: p.birthField, data: { given: formatPartial(birth.date), idBirth: id.birth } });
    }
  },
});
