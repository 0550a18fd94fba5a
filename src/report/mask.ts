import type { ApplicantResult, Finding, Localized } from '../core/types.js';
import type { RunResult } from './run-result.js';
import { maskId, maskSensitiveText } from '../normalize/id-number.js';

// Also catches malformed IDs (15–17 digits) that maskSensitiveText's exact 18-char pattern misses.
const LONG_DIGITS = /(?<![0-9A-Za-z])\d{14,}[\dXx]?(?![0-9A-Za-z])/g;

/** Masks ID and phone numbers inside any text we print (terminal, HTML, Markdown, CSV, JSON). */
export function maskText(s: string): string {
  // Fast path: without a run of 7 digits (half- or full-width) there is no ID or phone to mask.
  if (!SEVEN_DIGITS.test(s)) return s;
  return maskSensitiveText(s).replace(LONG_DIGITS, (m) => maskId(m));
}

const SEVEN_DIGITS = /[0-9\uFF10-\uFF19]{7}/;

function maskLocalized(l: Localized): Localized {
  return { zh: maskText(l.zh), en: maskText(l.en) };
}

function maskFinding(f: Finding): Finding {
  return { ...f, value: f.value === null ? null : maskText(f.value), message: maskLocalized(f.message) };
}

/** A copy of the applicant with ID numbers and phones masked wherever they appear (any field). */
export function maskApplicant(a: ApplicantResult): ApplicantResult {
  return {
    ...a,
    name: maskText(a.name),
    idNumber: a.idNumber ? maskId(a.idNumber) : '',
    unit: maskText(a.unit),
    specialty: maskText(a.specialty),
    findings: a.findings.map(maskFinding),
    ...(a.fields ? { fields: Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, maskText(v)])) } : {}),
  };
}

/**
 * The run with numbers masked inside free-text fields (name, unit, specialty, list fields) — for
 * outputs such as charts that group by those fields. The ID field itself is left for each formatter
 * to mask, since some derive sex and birth date from it first.
 */
export function maskFreeText(run: RunResult): RunResult {
  return {
    ...run,
    applicants: run.applicants.map((a) => ({
      ...a,
      name: maskText(a.name),
      unit: maskText(a.unit),
      specialty: maskText(a.specialty),
      ...(a.fields ? { fields: Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, maskText(v)])) } : {}),
    })),
  };
}
