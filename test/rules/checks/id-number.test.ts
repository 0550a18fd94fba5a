import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/id-number.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { idField: 'id', sexField: 'sx', birthField: 'born' };
const ID = '330106197102114319'; // male, born 1971-02-11

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['valid, sex and birth agree', { id: ID, sx: '男', born: '1971-02' }, []],
    ['lower-case x check digit is fine', { id: '11010519491231002x' }, []],
    ['blank', { id: '' }, [['blank', 'id']]],
    ['a formula error value (#REF!): cannot be read', { id: { kind: 'error', code: '#REF!' }, sx: '男' }, [['unreadable', 'id']]],
    ['a number that lost its digits', { id: 330106197102114319 }, [['numeric', 'id']]],
    ['17 characters', { id: ID.slice(0, 17) }, [['length', 'id']]],
    ['a letter inside', { id: `${ID.slice(0, 16)}A9` }, [['chars', 'id']]],
    ['month 13', { id: '330106197113114319' }, [['birth', 'id']]],
    ['wrong check digit', { id: `${ID.slice(0, 17)}8` }, [['checksum', 'id']]],
    ['typed with spaces: read through them, asked to remove them', { id: '330106 19710211 4319', sx: '男', born: '1971-02' }, [['separators', 'id']]],
    ['typed with hyphens, sex disagrees: both', { id: '330106-19710211-4319', sx: '女' }, [['separators', 'id'], ['sex-mismatch', 'sx']]],
    // Excel's text prefix left in a CSV cell: read through, asked to remove it (not "not 18 characters").
    ["with Excel's leading apostrophe", { id: "'330106197102114319", sx: '男' }, [['separators', 'id']]],
    // Quoted as some offices write a number they want kept as text: read through, asked to remove them.
    ['in curly quotes', { id: '“330106197102114319”', sx: '男' }, [['separators', 'id']]],
    ['in straight double quotes', { id: '"330106197102114319"', sx: '男' }, [['separators', 'id']]],
    // A note typed after the ID: read as the ID, asked to move the note (not "not 18 characters").
    ['a note in brackets after it', { id: `${ID}（已核）`, sx: '男', born: '1971-02' }, [['note', 'id']]],
    ['a note with spaces after spaced digits: both', { id: `330106 19710211 4319 【退休 返聘】` }, [['note', 'id'], ['separators', 'id']]],
    ['a note with spaces only inside it: the note alone', { id: `${ID}(2023 已核)` }, [['note', 'id']]],
    ['a note after a wrong check digit: the check digit', { id: `${ID.slice(0, 17)}8（已核）` }, [['checksum', 'id']]],
    ['text after it without brackets: still not 18 characters', { id: `${ID}已核` }, [['length', 'id']]],
    ['spaces and a wrong check digit: the check digit', { id: '330106 19710211 4318' }, [['checksum', 'id']]],
    ['sex disagrees', { id: ID, sx: '女' }, [['sex-mismatch', 'sx']]],
    ['birth month disagrees', { id: ID, born: '1972-02' }, [['birth-mismatch', 'born']]],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('names the note', () => {
    expect(runRow(kind, params, { id: `${ID}（已核）` })[0]?.data).toEqual({ note: '（已核）' });
  });

  it('names the sex the ID number says', () => {
    expect(runRow(kind, params, { id: ID, sx: 'F' })[0]?.data).toEqual({ idSex: '男', idSexEn: 'male' });
  });
});
