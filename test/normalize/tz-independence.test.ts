import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { parseDateRange, parseDateValue } from '../../src/normalize/date-text.js';
import { validateIdNumber } from '../../src/normalize/id-number.js';
import { addDays, addMonths, ageOn, dayOfWeek, diffDays, fromDayNumber, todayIso, toDayNumber } from '../../src/normalize/iso-date.js';

const SRC_DIRS = ['src/normalize', 'src/calendar'].map((d) => new URL(`../../${d}/`, import.meta.url));

describe('time-zone independence', () => {
  it('source uses no local-time Date API', () => {
    const banned = [
      /\.(?:get|set)(?:FullYear|Year|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\s*\(/,
      /getTimezoneOffset|toLocale\w*String|Date\.parse\b/,
      /new Date\([^)]*,/, // multi-argument constructor = local time
      /from 'date-fns'/, // date-fns computes in local time
    ];
    const files = SRC_DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => new URL(f, dir)));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const re of banned) expect(text, `${file.pathname} matches ${re}`).not.toMatch(re);
    }
  });

  // Values that would shift by a day if any code read local time.
  function battery() {
    const cal = WorkingCalendar.official();
    return {
      serials: [1, 59, 61, 43646, 45359, 45359.99].map((n) => parseDateValue({ kind: 'number', value: n })),
      date: parseDateValue({ kind: 'date', iso: '2024-03-10', serial: 45361 }),
      range: parseDateRange('2024年3月11日至3月15日'),
      arith: [addDays('2024-03-10', 1), addMonths('2024-01-31', 1), diffDays('2024-03-09', '2024-03-11'), dayOfWeek('2024-03-10')],
      days: [toDayNumber('2024-03-10'), fromDayNumber(19792)],
      today: [todayIso(Date.UTC(2024, 2, 7, 16)), todayIso(Date.UTC(2024, 2, 7, 15, 59))],
      age: ageOn('1964-03-08', '2024-03-08'),
      id: validateIdNumber('11010519491231002X'),
      fifth: ['2024-02-08', '2024-04-28', '2025-01-24'].map((s) => cal.nthWorkingDay(s, 5)),
      count: cal.countWorkingDays('2024-03-09', '2024-03-17'),
    };
  }

  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same results under any TZ', () => {
    process.env.TZ = 'UTC';
    const reference = battery();
    const offsets = new Set<number>();
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London']) {
      process.env.TZ = tz;
      offsets.add(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset());
      expect(battery(), tz).toEqual(reference);
    }
    // Node applies TZ changes at run time; make sure the zones really differed.
    expect(offsets.size).toBeGreaterThanOrEqual(4);
  });
});
