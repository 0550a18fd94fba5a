// Excel serial numbers ↔ calendar dates, in pure integer arithmetic. A serial is a count of
// calendar days with no time zone, so no `Date` object (and no local-time getter) is involved:
// the result is the same under any TZ.
//
// 1900 system: serial 1 = 1900-01-01, and serial 60 is 1900-02-29, a day that never existed
// (Lotus 1-2-3's leap-year bug, kept by Excel), so from 61 on serials are one day "ahead".
// 1904 system (workbookPr date1904): serial 0 = 1904-01-01, no bug.

const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last date Excel displays (1900 system). */
const MAX_SERIAL_1900 = 2_958_465;
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const EPOCH_1899_12_31 = daysFromCivil(1899, 12, 31);
const EPOCH_1899_12_30 = daysFromCivil(1899, 12, 30);
const EPOCH_1904_01_01 = daysFromCivil(1904, 1, 1);

/**
 * The calendar date (ISO `YYYY-MM-DD`) of an Excel serial, or null when Excel would not show a
 * date (negative, 0 in the 1900 system, beyond 9999-12-31, not finite). The time of day is dropped.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  // Round to the millisecond first, as Excel does, so 43646.99999999999 is still 2019-07-01.
  const day = Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
  if (date1904) {
    if (day < 0 || day > MAX_SERIAL_1904) return null;
    return format(civilFromDays(EPOCH_1904_01_01 + day));
  }
  if (day < 1 || day > MAX_SERIAL_1900) return null;
  if (day === 60) return '1900-02-29'; // what Excel shows for the fake leap day
  return format(civilFromDays((day < 60 ? EPOCH_1899_12_31 : EPOCH_1899_12_30) + day));
}

/** The serial of a calendar date (plus an optional day fraction). */
export function civilToSerial(y: number, m: number, d: number, date1904: boolean, fraction = 0): number {
  const days = daysFromCivil(y, m, d);
  if (date1904) return days - EPOCH_1904_01_01 + fraction;
  const serial = days < daysFromCivil(1900, 3, 1) ? days - EPOCH_1899_12_31 : days - EPOCH_1899_12_30;
  return serial + fraction;
}

/**
 * Parses the ISO 8601 value of a `t="d"` cell (`2019-06-30`, `2019-06-30T08:00:00`, optional
 * zone suffix ignored: the value is a wall-clock date). Null when it is not one.
 */
export function parseIsoCell(text: string, date1904: boolean): { iso: string; serial: number } | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0) + Number(`0.${m[7] ?? 0}`);
  return { iso: format({ y, m: mo, d }), serial: civilToSerial(y, mo, d, date1904, seconds / 86_400) };
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

function format({ y, m, d }: { y: number; m: number; d: number }): string {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
