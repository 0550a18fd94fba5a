// The recommendation list's columns are kept per applicant, so the combined outputs need not read the rosters again.
import { describe, expect, it } from 'vitest';
import { screenRows, validApplicant } from '../helpers/screen-rows.js';

describe('ApplicantResult.fields', () => {
  const rows = [{ ...validApplicant }, { ...validApplicant, name: '李四', sex: '' }];

  it('kept by default, as trimmed text ("" for a blank cell)', async () => {
    const r = await screenRows(rows);
    expect(r.applicants[0]!.fields?.sex).toBe(String(validApplicant.sex));
    expect(r.applicants[1]!.fields?.sex).toBe('');
  });

});
