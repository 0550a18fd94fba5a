import { readBundledText } from '../core/bundled-files.js';
import { addDays, addMonths, ymdOf } from '../normalize/iso-date.js';

/** The groups of the statutory retirement schedule (data/statutory-retirement-age.json). */
export type RetirementGroup = 'male' | 'female-55' | 'female-50';

interface GroupRule {
  baseAge: number;
  /** YYYY-MM: the first birth month whose retirement is delayed. */
  firstBirthMonth: string;
  birthMonthsPerStep: number;
  maxDelayMonths: number;
}

export interface RetirementSchedule {
  source: string;
  groups: Record<RetirementGroup, GroupRule>;
}

export interface RetirementAge {
  years: number;
  months: number;
  /** ISO date on which that age is reached. */
  date: string;
}

let bundled: RetirementSchedule | undefined;

/** The bundled schedule of the 2024 decision on the gradual rise of the retirement age, read once. */
export function bundledRetirementSchedule(): RetirementSchedule {
  bundled ??= JSON.parse(readBundledText('data/statutory-retirement-age.json')) as RetirementSchedule;
  return bundled;
}

function monthIndex(yearMonth: string): number {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** The statutory retirement age of someone born on `birth` (ISO) in `group`, and the day it is reached. */
export function retirementAge(
  birth: string,
  group: RetirementGroup,
  schedule: RetirementSchedule = bundledRetirementSchedule(),
): RetirementAge {
  const rule = schedule.groups[group];
  const [y, m] = ymdOf(birth);
  const monthsAfterFirst = y * 12 + (m - 1) - monthIndex(rule.firstBirthMonth);
  const delay =
    monthsAfterFirst < 0
      ? 0
      : Math.min(rule.maxDelayMonths, Math.floor(monthsAfterFirst / rule.birthMonthsPerStep) + 1);
  const total = rule.baseAge * 12 + delay;
  // A birthday missing from the target month (29-31) is reached the day after its month ends, as the
  // retirement-age check has always counted a 02-29 birthday in a common year (03-01).
  let date = addMonths(birth, total);
  if (ymdOf(date)[2] < ymdOf(birth)[2]) date = addDays(date, 1);
  return { years: Math.floor(total / 12), months: total % 12, date };
}
