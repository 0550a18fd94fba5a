import { readBundledText } from '../core/bundled-files.js';
import { dayOfWeek, fromDayNumber, toDayNumber } from '../normalize/iso-date.js';

/** Shape of data/cn-holidays-2020-2026.json (only the fields used here). */
export interface HolidayData {
  years: Record<string, { days: { date: string; isOffDay: boolean; name?: string }[] }>;
}

let official: WorkingCalendar | undefined;

/** The State Council's working-day calendar (docs/rules.md §4). */
export class WorkingCalendar {
  /** The bundled schedules, read once on first use. */
  static official(): WorkingCalendar {
    if (official === undefined) {
      official = new WorkingCalendar(JSON.parse(readBundledText('data/cn-holidays-2020-2026.json')) as HolidayData);
    }
    return official;
  }

  readonly knownYears: number[];
  /** Listed dates → isOffDay (true = holiday, false = 调休 working weekend day). */
  private readonly listed = new Map<string, boolean>();

  constructor(data: HolidayData) {
    if (typeof data !== 'object' || data === null || typeof data.years !== 'object' || data.years === null) {
      throw new TypeError('holiday data: missing "years" object');
    }
    const years: number[] = [];
    for (const [year, entry] of Object.entries(data.years)) {
      if (!/^\d{4}$/.test(year) || !Array.isArray(entry?.days)) {
        throw new TypeError(`holiday data: bad year entry ${JSON.stringify(year)}`);
      }
      years.push(Number(year));
      for (const day of entry.days) {
        // A schedule may reach into the neighbouring year (2023's 元旦 starts 2022-12-31).
        toDayNumber(day.date); // throws on a malformed date
        const prev = this.listed.get(day.date);
        if (typeof day.isOffDay !== 'boolean' || (prev !== undefined && prev !== day.isOffDay)) {
          throw new TypeError(`holiday data: bad or conflicting day ${JSON.stringify(day)} in ${year}`);
        }
        this.listed.set(day.date, day.isOffDay);
      }
    }
    this.knownYears = years.sort((a, b) => a - b);
  }

  isKnownYear(y: number): boolean {
    return this.knownYears.includes(y);
  }

  /** Listed 调休 day → working; listed holiday → off; otherwise Monday–Friday. */
  isWorkingDay(iso: string): boolean {
    const off = this.listed.get(iso);
    if (off !== undefined) return !off;
    const dow = dayOfWeek(iso);
    return dow >= 1 && dow <= 5;
  }

  /** Working days in [start, end], both ends included; 0 when end < start. */
  countWorkingDays(startIso: string, endIso: string): { count: number; unknownYears: number[] } {
    const a = toDayNumber(startIso);
    const b = toDayNumber(endIso);
    let count = 0;
    for (let n = a; n <= b; n++) if (this.isWorkingDay(fromDayNumber(n))) count++;
    const unknownYears: number[] = [];
    if (b >= a) {
      const first = Number(startIso.slice(0, 4));
      const last = Number(endIso.slice(0, 4));
      for (let y = first; y <= last; y++) if (!this.isKnownYear(y)) unknownYears.push(y);
    }
    return { count, unknownYears };
  }

  /** The n-th working day from startIso, which is day 1 if it is itself a working day. */
  nthWorkingDay(startIso: string, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
    let day = toDayNumber(startIso);
    for (let seen = 0; ; day++) {
      const iso = fromDayNumber(day);
      if (this.isWorkingDay(iso) && ++seen === n) return iso;
    }
  }
}
