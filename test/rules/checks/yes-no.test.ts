import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/yes-no.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['是', { ok: '是' }, []],
    ['YES', { ok: 'YES' }, []],
    ['true', { ok: true }, []],
    ['否', { ok: '否' }, [['no', 'ok']]],
    ['blank', { ok: '' }, [['blank', 'ok']]],
    ['something else', { ok: '也许' }, [['unreadable', 'ok']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, { field: 'ok' }, row)).toEqual(expected);
  });

  const when = { field: 'ok', when: { field: 't', values: ['事业单位'], except: ['参公'] } };
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['condition not met', { t: '企业', ok: '否' }, []],
    ['condition met', { t: '事业单位', ok: '否' }, [['no', 'ok']]],
    ['vetoed by except', { t: '事业单位（参公）', ok: '否' }, []],
    ['condition column blank', { t: '', ok: '否' }, []],
  ])('when: %s', (_name, row, expected) => {
    expect(outcomes(kind, when, row)).toEqual(expected);
  });

  it('puts the condition in the message data', () => {
    expect(runRow(kind, when, { t: '事业单位', ok: '' })[0]?.data).toEqual({ condition: '事业单位' });
  });
});
