import { readBundledText } from '../core/bundled-files.js';
import { toHalfWidth } from '../normalize/text.js';

/** Shape of data/admin-divisions.json: Zhejiang city → county-level units, and all provinces. */
export interface DivisionData {
  zhejiang: Record<string, string[]>;
  provinces: string[];
}

export interface Place {
  /** '浙江省' or another provincial-level division's full name. */
  province: string;
  city?: string;
  county?: string;
}

const ZHEJIANG = '浙江省';

// A name without its suffix is dropped when a street word follows: 北京路 / 杭州路 exist in many cities.
const STREET_AFTER = /^(?:[东南西北中]?路(?!桥)|大道|大街|街|巷|弄)/; // 路桥 is not a street: 江苏路桥集团
// Suffix-less names that begin common words or other places' names (三门峡 is in 河南; 路桥 is
// "roads and bridges" in countless company names).
const FALSE_FRIENDS: Record<string, RegExp> = {
  三门: /^峡/,
  路桥: /^(?:建设|工程|集团|公司|有限|股份|养护|设计|施工|科技|桥梁|隧道)/,
};

interface Term {
  name: string;
  /** The official name was shortened (suffix dropped): guard against street and word collisions. */
  short: boolean;
  kind: 'province' | 'city' | 'county';
  place: Place;
}

/** 广西壮族自治区 → 广西, 黑龙江省 → 黑龙江, 上海市 → 上海: provincial short names are 2 chars, or 3. */
function provinceShortName(full: string): string {
  return full.startsWith('黑龙江') || full.startsWith('内蒙古') ? full.slice(0, 3) : full.slice(0, 2);
}

/** 西湖区 → 西湖, 建德市 → 建德, 景宁畲族自治县 → 景宁; null when the rest would be under 2 chars. */
function countyShortName(full: string): string | null {
  // Autonomous counties: place name (2 chars) + ethnic group + 自治县.
  const short = /族自治县$/.test(full) ? full.slice(0, 2) : full.replace(/[市区县]$/, '');
  return short.length >= 2 && short !== full ? short : null;
}

let zhejiang: Divisions | undefined;

/** Finds the province (and Zhejiang city/county) a free-text place or unit name refers to. */
export class Divisions {
  /** The bundled division list, read once on first use. */
  static zhejiang(): Divisions {
    if (zhejiang === undefined) {
      zhejiang = new Divisions(JSON.parse(readBundledText('data/admin-divisions.json')) as DivisionData);
    }
    return zhejiang;
  }

  /** Terms by first character, longest first, for left-to-right longest-match scanning. */
  private readonly byFirst = new Map<string, Term[]>();

  constructor(data: DivisionData) {
    if (typeof data?.zhejiang !== 'object' || !Array.isArray(data.provinces)) {
      throw new TypeError('division data: need "zhejiang" and "provinces"');
    }
    for (const full of data.provinces) {
      const kind = 'province';
      this.add({ name: full, short: false, kind, place: { province: full } });
      const short = provinceShortName(full);
      if (short !== full) this.add({ name: short, short: true, kind, place: { province: full } });
    }
    for (const [city, counties] of Object.entries(data.zhejiang)) {
      const place = { province: ZHEJIANG, city };
      this.add({ name: city, short: false, kind: 'city', place });
      this.add({ name: city.replace(/市$/, ''), short: true, kind: 'city', place });
      for (const county of counties) {
        const cplace = { province: ZHEJIANG, city, county };
        this.add({ name: county, short: false, kind: 'county', place: cplace });
        const short = countyShortName(county);
        if (short !== null) this.add({ name: short, short: true, kind: 'county', place: cplace });
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  private add(term: Term): void {
    const first = term.name[0] ?? '';
    const list = this.byFirst.get(first) ?? [];
    // First definition wins on a clash (a county never shadows a province name).
    if (!list.some((t) => t.name === term.name)) list.push(term);
    this.byFirst.set(first, list);
  }

  /** Place names in text order; a longer name starting at the same place wins (浙江省 over 浙江). */
  private scan(text: string): Term[] {
    const found: Term[] = [];
    for (let i = 0; i < text.length; ) {
      const term = (this.byFirst.get(text[i] ?? '') ?? []).find((t) => {
        if (!text.startsWith(t.name, i)) return false;
        if (!t.short) return true;
        const after = text.slice(i + t.name.length);
        return !STREET_AFTER.test(after) && !(FALSE_FRIENDS[t.name]?.test(after) ?? false);
      });
      if (term === undefined) {
        i++;
      } else {
        found.push(term);
        i += term.name.length;
      }
    }
    return found;
  }

  /**
   * Another province named explicitly beats a Zhejiang city or county (上海市普陀区 → 上海市); when
   * 浙江 itself and another province both appear, the first in the text wins.
   */
  findPlace(text: string): Place | null {
    const found = this.scan(toHalfWidth(text).replace(/\s+/g, ''));
    if (found.length === 0) return null;
    const other = found.find((t) => t.kind === 'province' && t.place.province !== ZHEJIANG);
    const zjIndex = found.findIndex((t) => t.kind === 'province' && t.place.province === ZHEJIANG);
    if (other !== undefined && (zjIndex < 0 || found.indexOf(other) < zjIndex)) return { province: other.place.province };
    // Zhejiang: the first city named explicitly, else the first county's city; the county if it fits.
    const city = found.find((t) => t.kind === 'city')?.place.city ?? found.find((t) => t.kind === 'county')?.place.city;
    const county = found.find((t) => t.kind === 'county' && t.place.city === city)?.place.county;
    const place: Place = { province: ZHEJIANG };
    if (city !== undefined) place.city = city;
    if (county !== undefined) place.county = county;
    return place;
  }
}
