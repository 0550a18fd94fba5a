import { addDays as fnsAddDays, addMonths as fnsAddMonths, addYears as fnsAddYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, addYears, ageOn, compareIso, dayOfWeek, diffDays, fromDayNumber,
  isValidIso, todayIso, toDayNumber,
} from '../../src/normalize/iso-date.js';

describe('iso-date', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['1970-01-01', -1, '1969-12-31'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
  ])('addDays(%s, %i) = %s', (iso, n, want) => {
    expect(addDays(iso, n)).toBe(want);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-11-15', 2, '2024-01-15'],
    ['2024-01-15', -13, '2022-12-15'],
  ])('addMonths(%s, %i) = %s (clamped)', (iso, n, want) => {
    expect(addMonths(iso, n)).toBe(want);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2018-12-31', 5, '2023-12-31'],
    ['2019-03-08', 5, '2024-03-08'],
  ])('addYears(%s, %i) = %s', (iso, n, want) => {
    expect(addYears(iso, n)).toBe(want);
  });

  it('diffDays is b − a; compareIso orders', () => {
    expect(diffDays('2024-03-11', '2024-03-15')).toBe(4);
    expect(diffDays('2024-03-15', '2024-03-11')).toBe(-4);
    expect(diffDays('2023-01-01', '2024-01-01')).toBe(365);
    expect(compareIso('2024-03-08', '2024-03-09')).toBe(-1);
    expect(compareIso('2024-03-09', '2024-03-08')).toBe(1);
    expect(compareIso('2024-03-08', '2024-03-08')).toBe(0);
  });

  it.each([
    ['1970-01-01', 4],
    ['1969-12-28', 0],
    ['1900-01-01', 1],
    ['2024-03-08', 5],
    ['2024-02-18', 0],
    ['2024-04-28', 0],
  ])('dayOfWeek(%s) = %i', (iso, want) => {
    expect(dayOfWeek(iso)).toBe(want);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['2024-04-01T00:00', false],
    ['', false],
  ])('isValidIso(%j) = %s', (iso, want) => {
    expect(isValidIso(iso)).toBe(want);
  });

  it('throws on malformed input instead of guessing', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => dayOfWeek('20240301')).toThrow(RangeError);
  });

  it('todayIso is the date in Asia/Shanghai (UTC+8)', () => {
    expect(todayIso(Date.UTC(2024, 2, 7, 15, 59, 59, 999))).toBe('2024-03-07');
    expect(todayIso(Date.UTC(2024, 2, 7, 16, 0, 0))).toBe('2024-03-08');
    expect(todayIso(Date.UTC(2023, 11, 31, 16, 0, 0))).toBe('2024-01-01');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['1964-03-08', '2024-03-08', 60],
    ['1964-03-09', '2024-03-08', 59],
    ['1969-03-08', '2024-03-08', 55],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
  ])('ageOn(%s, %s) = %i', (birth, on, want) => {
    expect(ageOn(birth, on)).toBe(want);
  });

  // date-fns works in local time; both sides stay on calendar dates, so it is a fair oracle.
  const isoArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);
  const fmt = (d: Date) => format(d, 'yyyy-MM-dd');

  it('agrees with date-fns on addDays / addMonths / addYears / differenceInCalendarDays', () => {
    fc.assert(
      fc.property(isoArb, isoArb, fc.integer({ min: -400, max: 400 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(fmt(fnsAddDays(parseISO(a), n)));
        expect(addMonths(a, n)).toBe(fmt(fnsAddMonths(parseISO(a), n)));
        expect(addYears(a, n % 50)).toBe(fmt(fnsAddYears(parseISO(a), n % 50)));
        expect(diffDays(a, b)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
      }),
    );
  });

  it('day numbers round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }));
  });
});
