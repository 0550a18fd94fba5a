// GB 11643-1999 citizen ID numbers for the sample rosters, built deterministically: region code,
// birth date, a 3-digit sequence whose last digit is odd for men and even for women, check digit.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check digit of the first 17 characters. */
export function checkDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * makeId('330106', '1972-04-16', '男', 21) → an 18-character ID. `seq` (0–99) picks the
 * sequence; its sex digit is forced to the right parity.
 */
export function makeId(region, birthIso, sex, seq) {
  const sexDigit = sex === '男' ? 1 + (seq % 5) * 2 : (seq % 5) * 2;
  const sequence = String((seq % 100) * 10 + sexDigit).padStart(3, '0');
  const first17 = `${region}${birthIso.replace(/-/g, '')}${sequence}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad ID parts: ${first17}`);
  return first17 + checkDigit(first17);
}

/** The same ID with a wrong check digit (a typo in the last character). */
export function withWrongCheckDigit(id) {
  const right = id[17];
  const wrong = right === '1' ? '2' : right === 'X' ? '0' : right === '0' ? '1' : String((Number(right) + 1) % 10);
  return id.slice(0, 17) + wrong;
}
