import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import type { Divisions, Place } from '../../calendar/divisions.js';
import { boundedMemo } from '../../core/bounded-memo.js';

const Params = z
  .object({
    field: z.string().min(1).default('unitRegion'),
    /** Searched for a place name when the roster has no `field` column. */
    unitField: z.string().min(1).default('unit'),
    /** The province the employer must be in, as data/admin-divisions.json names it. */
    province: z.string().min(1),
  })
  .strict();
type P = z.output<typeof Params>;

const finders = new WeakMap<Divisions, (text: string) => Place | null>();
function findPlace(divisions: Divisions, text: string): Place | null {
  let find = finders.get(divisions);
  if (find === undefined) finders.set(divisions, (find = boundedMemo((t) => divisions.findPlace(t))));
  return find(text);
}

function placeText(p: Place): string {
  return `${p.province}${p.city ?? ''}${p.county ?? ''}`;
}

// 单位所在地 must be in the province; without that column the unit name is searched for a place.
// Both columns are optional: with neither (or a unit name naming no place) nothing is reported.
export default defineCheck<P>({
  type: 'row',
  kind: 'region',
  description: 'The employer is located in the province (单位所在地, else a place in the unit name)',
  params: Params,
  outcomes: ['other-province', 'blank', 'unknown', 'unit-other-province'],
  // Either column will do; with neither, the rule is listed as not checked rather than passing silently.
  reads: (p) => ({ required: [], optional: [p.field, p.unitField], anyOf: [[p.field], [p.unitField]] }),
  check(app, p, ctx) {
    const divisions = ctx.env.divisions;
    if (ctx.has(p.field)) {
      const text = textOf(app, p.field);
      if (text === '') return ctx.report('blank', { field: p.field });
      const place = findPlace(divisions, text);
      if (place === null) return ctx.report('unknown', { field: p.field, data: { province: p.province } });
      if (place.province !== p.province) {
        ctx.report('other-province', { field: p.field, data: { province: place.province, required: p.province } });
      }
      return;
    }
    if (!ctx.has(p.unitField)) return;
    const unit = textOf(app, p.unitField);
    if (unit === '') return;
    const place = findPlace(divisions, unit);
    if (place !== null && place.province !== p.province) {
      ctx.report('unit-other-province', {
        field: p.unitField,
        data: { province: place.province, place: placeText(place), required: p.province },
      });
    }
  },
});
