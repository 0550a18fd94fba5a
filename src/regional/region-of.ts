import type { ApplicantResult } from '../core/types.js';
import { Divisions } from '../calendar/divisions.js';

/**
 * The employer's region for the regional chart: the Zhejiang city (杭州市 …), or another province,
 * from 单位所在地 when the roster has it, else from the unit name. null when nothing is recognised.
 */
export function regionResolver(divisions: Divisions = Divisions.zhejiang()): (a: ApplicantResult) => string | null {
  const cache = new Map<string, string | null>();
  const find = (text: string): string | null => {
    if (!text) return null;
    let hit = cache.get(text);
    if (hit === undefined) {
      const place = divisions.findPlace(text);
      hit = place ? (place.city ?? place.province) : null;
      cache.set(text, hit);
    }
    return hit;
  };
  return (a) => find(a.fields?.['unitRegion'] ?? '') ?? find(a.unit);
}
