// The recommendation list's columns are kept per applicant only when a combined output needs them.
import { describe, expect, it } from 'vitest';
import { screenRows, validApplicant } from '../helpers/screen-rows.js';

describe('ApplicantResult.fields', () => {
  const rows = [{ ...validApplicant }, { ...validApplicant, name: '李四', sex: '' }];

  it('kept by default, as trimmed text ("" for a blank cell)', async () => {
    const r = await screenRows(rows);
    expect(r.applicants[0]!.fields?.sex).toBe(String(validApplicant.sex));
    expect(r.applicants[1]!.fields?.sex).toBe('');
  });

  it('left out with keepListFields: false, with the same verdicts and findings', async () => {
    const kept = await screenRows(rows);
    const lean = await screenRows(rows, { keepListFields: false });
    expect(lean.applicants.map((a) => a.fields)).toEqual([undefined, undefined]);
    expect(lean.applicants.map((a) => [a.status, a.findings])).toEqual(kept.applicants.map((a) => [a.status, a.findings]));
  });
});
