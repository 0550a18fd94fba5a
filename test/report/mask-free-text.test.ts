// maskFreeText: the run for outputs that group by names and units, numbers inside them masked.
// Applicants with nothing to mask are shared, not copied (a copy of each cost ~40 MB at 100 000).
import { describe, expect, it } from 'vitest';
import { maskFreeText } from '../../src/report/mask.js';
import { makeRun } from '../regional/run-fixture.js';

describe('maskFreeText', () => {
  it('masks a phone in a unit or a list field, and shares the applicants with nothing to mask', () => {
    const base = makeRun();
    const [first, second, ...rest] = base.applicants;
    const run = { ...base, applicants: [{ ...first!, unit: '杭州甲科技有限公司 13857105972' }, { ...second!, fields: { ...second!.fields, unitRegion: '杭州市 0571-87650116' } }, ...rest] };
    const masked = maskFreeText(run);
    expect(masked.applicants[0]!.unit).not.toContain('13857105972');
    expect(masked.applicants[0]!.unit).toContain('杭州甲科技有限公司');
    expect(masked.applicants[1]!.fields!['unitRegion']).not.toContain('87650116');
    expect(masked.applicants[0]).not.toBe(run.applicants[0]);
    rest.forEach((a, i) => expect(masked.applicants[i + 2]).toBe(a));
    // The input is left as it was.
    expect(run.applicants[0]!.unit).toContain('13857105972');
  });
});
