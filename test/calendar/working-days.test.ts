import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type HolidayData } from '../../src/calendar/working-days.js';
import { addDays, fromDayNumber, toDayNumber } from '../../src/normalize/iso-date.js';

const cal = WorkingCalendar.official();

describe('WorkingCalendar.official', () => {
  it('loads 2020–2026 once', () => {
    expect(cal.knownYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(WorkingCalendar.official()).toBe(cal);
    expect(cal.isKnownYear(2024)).toBe(true);
    expect(cal.isKnownYear(2019)).toBe(false);
    expect(cal.isKnownYear(2027)).toBe(false);
  });

  // docs/rules.md §4, verbatim: the 5th working day counting the start day as day 1.
  it.each([
    ['2024-01-02', '2024-01-08', 'ordinary weekend'],
    ['2024-02-05', '2024-02-09', '2024-02-09 (除夕) was a working day in 2024'],
    ['2024-02-08', '2024-02-20', '春节 10–17 off; Sunday 02-18 worked'],
    ['2024-03-15', '2024-03-21', 'latest start ending by the employer deadline'],
    ['2024-03-18', '2024-03-22', 'ends after the employer deadline'],
    ['2024-04-01', '2024-04-08', '清明 04-04…06 off; Sunday 04-07 worked'],
    ['2024-04-28', '2024-05-07', 'starts on a worked Sunday; 劳动节 05-01…05 off'],
    ['2023-12-29', '2024-01-05', 'crosses 元旦'],
    ['2025-01-24', '2025-02-06', '2025 rules: 除夕 is a holiday'],
  ])('§4: 5th working day from %s is %s (%s)', (start, fifth) => {
    expect(cal.nthWorkingDay(start, 5)).toBe(fifth);
    expect(cal.countWorkingDays(start, fifth)).toEqual({ count: 5, unknownYears: [] });
    expect(cal.countWorkingDays(start, addDays(fifth, -1)).count).toBe(4);
  });

  it.each([
    ['2024-03-11', '2024-03-14', 4],
    ['2024-03-11', '2024-03-15', 5],
    ['2024-03-11', '2024-03-17', 5],
    ['2024-03-16', '2024-03-17', 0],
    ['2024-03-11', '2024-03-11', 1],
    ['2024-03-15', '2024-03-11', 0],
    ['2024-02-08', '2024-02-20', 5],
    ['2024-09-29', '2024-10-08', 3], // 09-29 (Sun) and 10-12 worked; 10-01…07 off
    ['2024-01-01', '2024-12-31', 251],
    ['2023-01-01', '2023-12-31', 249],
  ])('countWorkingDays(%s, %s) = %i', (a, b, n) => {
    expect(cal.countWorkingDays(a, b)).toEqual({ count: n, unknownYears: [] });
  });

  it.each([
    ['2024-02-04', true], // Sunday, 调休上班
    ['2024-02-09', true], // 除夕 2024, a Friday that was worked
    ['2024-02-10', false],
    ['2024-02-18', true],
    ['2024-03-08', true],
    ['2024-03-09', false],
    ['2024-10-01', false],
    ['2025-01-28', false], // 除夕 2025
    ['2025-01-26', true],
    ['2027-01-01', true], // outside the data: Friday counts as working
    ['2019-10-01', true],
  ])('isWorkingDay(%s) = %s', (iso, want) => {
    expect(cal.isWorkingDay(iso)).toBe(want);
  });

  it('reports the years it had no schedule for', () => {
    expect(cal.countWorkingDays('2019-12-30', '2020-01-03')).toEqual({ count: 4, unknownYears: [2019] });
    expect(cal.countWorkingDays('2026-12-28', '2028-01-01')).toMatchObject({ unknownYears: [2027, 2028] });
    expect(cal.countWorkingDays('2027-03-08', '2027-03-12')).toEqual({ count: 5, unknownYears: [2027] });
    expect(cal.countWorkingDays('2027-03-12', '2027-03-08')).toEqual({ count: 0, unknownYears: [] });
  });

  it('refuses bad input', () => {
    expect(() => cal.nthWorkingDay('2024-03-11', 0)).toThrow(RangeError);
    expect(() => cal.nthWorkingDay('2024-03-11', 1.5)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2024-3-11')).toThrow(RangeError);
    expect(() => cal.countWorkingDays('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  it('nthWorkingDay: day 1 is the start when it is a working day, else the next one', () => {
    expect(cal.nthWorkingDay('2024-03-11', 1)).toBe('2024-03-11');
    expect(cal.nthWorkingDay('2024-03-09', 1)).toBe('2024-03-11');
    expect(cal.nthWorkingDay('2024-02-10', 1)).toBe('2024-02-18');
  });

  it('nthWorkingDay and countWorkingDays agree (property)', () => {
    const iso = fc.integer({ min: toDayNumber('2019-06-01'), max: toDayNumber('2027-06-30') }).map(fromDayNumber);
    fc.assert(
      fc.property(iso, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const r = cal.nthWorkingDay(start, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(cal.countWorkingDays(start, r).count).toBe(n);
      }),
    );
  });
});

describe('WorkingCalendar constructor', () => {
  it('uses the data given', () => {
    const data: HolidayData = {
      years: { '2030': { days: [{ date: '2030-01-01', isOffDay: true }, { date: '2030-01-05', isOffDay: false }] } },
    };
    const c = new WorkingCalendar(data);
    expect(c.knownYears).toEqual([2030]);
    expect(c.isWorkingDay('2030-01-01')).toBe(false); // Tuesday holiday
    expect(c.isWorkingDay('2030-01-05')).toBe(true); // Saturday worked
    expect(c.countWorkingDays('2030-01-01', '2030-01-06')).toEqual({ count: 4, unknownYears: [] });
  });

  it('accepts a schedule reaching into the previous year (2023 lists 2022-12-31)', () => {
    const c = new WorkingCalendar({ years: { '2023': { days: [{ date: '2022-12-30', isOffDay: true }] } } });
    expect(c.isWorkingDay('2022-12-30')).toBe(false);
    expect(c.knownYears).toEqual([2023]);
  });

  it.each([
    [{}],
    [{ years: { '2030': {} } }],
    [{ years: { x: { days: [] } } }],
    [{ years: { '2030': { days: [{ date: '2030-01-01', isOffDay: true }] }, '2031': { days: [{ date: '2030-01-01', isOffDay: false }] } } }],
    [{ years: { '2030': { days: [{ date: '2030-02-30', isOffDay: true }] } } }],
    [{ years: { '2030': { days: [{ date: '2030-01-01', isOffDay: 'yes' }] } } }],
  ])('rejects malformed data %j', (bad) => {
    expect(() => new WorkingCalendar(bad as unknown as HolidayData)).toThrow();
  });
});
