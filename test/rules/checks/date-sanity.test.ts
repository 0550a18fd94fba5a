import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/date-sanity.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = {
  idField: 'id',
  birthField: 'born',
  gradField: 'grad',
  workField: 'work',
  titleField: 'title',
  minGradAge: 16,
  minWorkAge: 16,
  notAfterAsOf: ['grad', 'work'],
  reportUnreadable: ['born'],
};
const fine = { born: '1971-02', grad: '1993-07', work: '1993-08', title: '2010-01' };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['possible dates', fine, []],
    ['first job after the as-of date', { ...fine, work: '2025-01' }, [['future', 'work']]],
    ['title before graduation', { ...fine, title: '1990-01' }, [['title-before-grad', 'title']]],
    ['graduated at 9', { ...fine, grad: '1980-07' }, [['grad-too-young', 'grad']]],
    ['worked at 9', { ...fine, work: '1980' }, [['work-too-young', 'work']]],
    ['birth unreadable', { ...fine, born: '不详' }, [['unreadable', 'born']]],
    ['a month or year counts every day it covers', { ...fine, born: '1971', grad: '1987' }, []],
    ['the ID number’s birth date wins', { ...fine, id: '330106197102114319', born: '1990-01' }, []],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row, { asOf: '2024-03-25' })).toEqual(expected);
  });

  it('says where the birth date came from', () => {
    expect(runRow(kind, params, { ...fine, id: '330106197102114319', grad: '1980-07' })[0]?.data).toMatchObject({
      birth: '1971-02-11',
      birthSource: '身份证号',
      birthSourceEn: 'the ID number',
      min: 16,
    });
  });
});
