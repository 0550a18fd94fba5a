// Calendar dates as ISO `YYYY-MM-DD` strings. All arithmetic goes through integer day numbers
// (days since 1970-01-01) built with Date.UTC, so no result depends on the machine's time zone.

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

export function isValidIso(iso: string): boolean {
  const m = ISO_RE.exec(iso);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoFromYmd(y: number, m: number, d: number): string {
  // Hot (every date of every row): the common case without padStart's allocations.
  const ys = y >= 1000 && y <= 9999 ? String(y) : String(y).padStart(4, '0');
  return `${ys}-${pad2(m)}-${pad2(d)}`;
}

function pad2(n: number): string {
  return n >= 0 && n < 10 && Number.isInteger(n) ? `0${n}` : String(n).padStart(2, '0');
}

/** [year, month, day] of a valid ISO date; throws RangeError otherwise. */
export function ymdOf(iso: string): [number, number, number] {
  // Hot: read the digits directly; anything unusual falls through to the checked, regex path.
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0 && isValidYmd(y, m, d)) return [y, m, d];
  }
  const m = ISO_RE.exec(iso);
  if (m === null || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`not an ISO calendar date: ${JSON.stringify(iso)}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The ASCII digits s[from, to) as a number, or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(iso: string): number {
  const [y, m, d] = ymdOf(iso);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear avoids that quirk.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): string {
  const t = new Date(n * MS_PER_DAY);
  return isoFromYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Like date-fns addMonths: the day is clamped to the target month's length (01-31 + 1 → 02-28/29). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = ymdOf(iso);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return isoFromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Feb 29 + 1 year → Feb 28, like date-fns addYears. */
export function addYears(iso: string, n: number): string {
  return addMonths(iso, n * 12);
}

/** b − a in days. */
export function diffDays(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function compareIso(a: string, b: string): -1 | 0 | 1 {
  const d = diffDays(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Today's date in Asia/Shanghai (UTC+8 all year, no DST), whatever the machine's zone. */
export function todayIso(nowMs: number = Date.now()): string {
  return fromDayNumber(Math.floor((nowMs + 8 * 3_600_000) / MS_PER_DAY));
}

/** Whole years from birth to `on`; a 02-29 birthday is reached on 03-01 in common years. */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = ymdOf(birthIso);
  const [oy, om, od] = ymdOf(onIso);
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}
