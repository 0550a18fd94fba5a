import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import type { Place } from '../../calendar/divisions.js';
import { doc } from '../param-doc.js';

const Params = z
  .object({
    field: doc(z.string().min(1).default('unitRegion'), { zh: '读取的列（列编号）', en: 'column read (column id)' }),
    /** Searched for a place name when the roster has no `field` column. */
    unitField: doc(z.string().min(1).default('unit'), {
      zh: '工作单位所在列（无所在地列时从单位名称识别地名）',
      en: 'employer column (place names are read from it when there is no location column)',
    }),
    /** The province the employer must be in, as data/admin-divisions.json names it. */
    province: doc(z.string().min(1), { zh: '单位须所在的省份', en: 'province the employer must be in' }),
  })
  .strict();
type P = z.output<typeof Params>;

function placeText(p: Place): string {
  return `${p.province}${p.city ?? ''}${p.county ?? ''}`;
}

// 单位所在地 must be in the province; without that column the unit name is searched for a place.
// Both columns are optional: with neither (or a unit name naming no place) nothing is reported.
export default defineCheck({
  type: 'row',
  kind: 'region',
  description: 'The employer is located in the province (单位所在地, else a place in the unit name)',
  params: Params,
  outcomes: ['other-province', 'blank', 'unknown', 'unit-other-province'],
  // Either column will do; with neither, the rule is listed as not checked rather than passing silently.
  reads: (p: P) => ({
    required: [],
    optional: [p.field, p.unitField],
    anyOf: [[p.field], [p.unitField]],
    types: { [p.field]: 'text', [p.unitField]: 'text' },
  }),
  create: (p: P) => (app, ctx) => {
    const divisions = ctx.env.divisions;
    if (ctx.has(p.field)) {
      const text = textOf(app, p.field);
      if (text === '') return ctx.report('blank', { field: p.field });
      const place = divisions.findPlace(text);
      if (place === null) return ctx.report('unknown', { field: p.field, data: { province: p.province } });
      if (place.province !== p.province) {
        ctx.report('other-province', { field: p.field, data: { province: place.province, required: p.province } });
      }
      return;
    }
    if (!ctx.has(p.unitField)) return;
    const unit = textOf(app, p.unitField);
    if (unit === '') return;
    const place = divisions.findPlace(unit);
    if (place !== null && place.province !== p.province) {
      ctx.report('unit-other-province', {
        field: p.unitField,
        data: { province: place.province, place: placeText(place), required: p.province },
      });
    }
  },
});
