import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bundledRetirementSchedule,
  retirementAge,
  type RetirementGroup,
} from '../../src/calendar/retirement-age.js';

interface TableRow {
  born: string;
  age: [number, number];
  retires: string;
}
const data = JSON.parse(
  readFileSync(new URL('../../data/statutory-retirement-age.json', import.meta.url), 'utf8'),
) as { tableRows: Record<RetirementGroup, TableRow[]> };

describe('statutory retirement age (2024 decision, gradual schedule)', () => {
  for (const group of ['male', 'female-55', 'female-50'] as const) {
    it.each(data.tableRows[group])(`${group}: born %o`, (row) => {
      const got = retirementAge(`${row.born}-15`, group);
      expect([got.years, got.months]).toEqual(row.age);
      expect(got.date.slice(0, 7)).toBe(row.retires);
    });
  }

  it('the issue example: a man born 1966-01-15 retires at 60 years 4 months, on 2026-05-15', () => {
    expect(retirementAge('1966-01-15', 'male')).toEqual({ years: 60, months: 4, date: '2026-05-15' });
  });

  it('each step covers exactly birthMonthsPerStep birth months (men: Jan–Apr 1965 one month, May–Aug two)', () => {
    expect(retirementAge('1965-04-30', 'male').months).toBe(1);
    expect(retirementAge('1965-05-01', 'male').months).toBe(2);
    expect(retirementAge('1965-08-31', 'male').months).toBe(2);
    expect(retirementAge('1965-09-01', 'male').months).toBe(3);
    // women in 50-posts: one month per two months of birth
    expect(retirementAge('1975-02-28', 'female-50').months).toBe(1);
    expect(retirementAge('1975-03-01', 'female-50').months).toBe(2);
  });

  it('stops at the final age (63 / 58 / 55) for everyone born later', () => {
    expect(retirementAge('1990-06-01', 'male')).toMatchObject({ years: 63, months: 0 });
    expect(retirementAge('1990-06-01', 'female-55')).toMatchObject({ years: 58, months: 0 });
    expect(retirementAge('1990-06-01', 'female-50')).toMatchObject({ years: 55, months: 0 });
  });

  it('before the first delayed cohort the old ages hold (the 2023 round: 60 / 55)', () => {
    expect(retirementAge('1963-05-20', 'male')).toEqual({ years: 60, months: 0, date: '2023-05-20' });
    expect(retirementAge('1968-07-01', 'female-55')).toEqual({ years: 55, months: 0, date: '2023-07-01' });
  });

  it('a birthday the target month lacks is reached the next day (02-29 → 03-01)', () => {
    expect(retirementAge('1964-02-29', 'male').date).toBe('2024-02-29');
    expect(retirementAge('1960-02-29', 'female-55').date).toBe('2015-03-01');
    expect(retirementAge('1965-11-30', 'male')).toEqual({ years: 60, months: 3, date: '2026-03-01' });
    expect(retirementAge('1966-01-31', 'male').date).toBe('2026-05-31');
  });

  it('names its source', () => {
    expect(bundledRetirementSchedule().source).toMatch(/渐进式延迟法定退休年龄的决定/);
  });
});
