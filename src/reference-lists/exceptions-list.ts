import type { ExceptionEntry } from '../rules/exceptions.js';
import { cellText } from '../normalize/text.js';
import { listDate, listIdNumber } from './list-values.js';
import { listRowError, readList, type ListCell, type ListRow, type ListSpec, type ListTable } from './read-list.js';
import { commandName } from '../core/command-name.js';

export const EXCEPTIONS_LIST: ListSpec = {
  what: { zh: '例外名单', en: 'exceptions list' },
  option: '--exceptions',
  columns: [
    { id: 'idNumber', label: { zh: '身份证号', en: 'ID number (身份证号)' }, aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'] },
    { id: 'name', label: { zh: '姓名', en: 'name (姓名)' }, aliases: ['姓名'] },
    { id: 'ruleId', label: { zh: 'ruleId', en: 'rule id (ruleId)' }, aliases: ['ruleId', '规则', '规则编号', '规则id', '规则代码', 'rule'] },
    { id: 'reviewer', label: { zh: '复核人', en: 'reviewer (复核人)' }, aliases: ['复核人', '审核人', '复核人员', 'reviewer'] },
    { id: 'date', label: { zh: '日期', en: 'date (日期)' }, aliases: ['日期', '复核日期', '审核日期', 'date'] },
    { id: 'note', label: { zh: '说明', en: 'note (说明)' }, aliases: ['说明', '复核说明', '复核意见', '备注', 'note'] },
  ],
  required: [['idNumber'], ['ruleId'], ['reviewer'], ['date'], ['note']],
};

const RULE_ID = /^[a-z][a-z0-9-]*$/;

/**
 * `--exceptions FILE`: findings a reviewer accepted, one row per (ID number, rule). Each row needs
 * every column; with `knownRuleIds` (the rule set in use) an unknown rule id is refused, so a typo
 * cannot leave a finding standing unnoticed. The same person and rule twice is refused too.
 */
export async function loadExceptionsList(file: string, knownRuleIds?: readonly string[]): Promise<ExceptionEntry[]> {
  const spec = EXCEPTIONS_LIST;
  const table = await readList(file, spec);
  const entries: ExceptionEntry[] = [];
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const idCell = row.get('idNumber');
    const id = listIdNumber(idCell.value, false);
    if (!id.ok) throw listRowError(table, spec, row, idCell, id.problem);

    const ruleCell = row.get('ruleId');
    const ruleId = cellText(ruleCell.value).trim();
    checkRuleId(table, row, ruleCell, ruleId, knownRuleIds);

    const text = (key: 'reviewer' | 'note'): string => {
      const cell = row.get(key);
      const t = cellText(cell.value).trim();
      if (t === '') {
        throw listRowError(table, spec, row, cell, {
          zh: `"${cell.header}"为空。每条例外都须写明${key === 'reviewer' ? '复核人' : '复核说明'}。`,
          en: `"${cell.header}" is blank. Every exception needs its ${key === 'reviewer' ? 'reviewer' : 'note'}.`,
        });
      }
      return t;
    };
    const reviewer = text('reviewer');
    const note = text('note');
    const dateCell = row.get('date');
    const date = listDate(dateCell.value);
    if (date === undefined) {
      throw listRowError(table, spec, row, dateCell, { zh: '复核日期为空。请填写日期。', en: 'the review date is blank. Fill it in.' });
    }
    if (!date.ok) throw listRowError(table, spec, row, dateCell, date.problem);

    const key = `${id.value}|${ruleId}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      throw listRowError(table, spec, row, ruleCell, {
        zh: `与第${earlier}行重复（同一身份证号、同一规则 ${ruleId}）。请合并为一行。`,
        en: `repeats row ${earlier} (same ID number and rule ${ruleId}). Merge them into one row.`,
      });
    }
    firstRow.set(key, row.row);
    const origin = table.kind === 'csv' ? `${table.file}:${row.row}` : `${table.file} [${table.sheet}]:${row.row}`;
    entries.push({ idNumber: id.value, ruleId, reviewer, date: date.value, note, origin });
  }
  return entries;
}

function checkRuleId(table: ListTable, row: ListRow, cell: ListCell, ruleId: string, known: readonly string[] | undefined): void {
  const spec = EXCEPTIONS_LIST;
  if (ruleId === '') {
    throw listRowError(table, spec, row, cell, {
      zh: '规则编号（ruleId）为空。请填写要接受的规则编号，如 cpd-hours。',
      en: 'the rule id is blank. Fill in the rule to accept, e.g. cpd-hours.',
    });
  }
  if (!RULE_ID.test(ruleId)) {
    throw listRowError(table, spec, row, cell, {
      zh: `"${ruleId}"不是规则编号（应为小写字母和连字符，如 cpd-hours）。可用 ${commandName()} rules 查看全部规则编号。`,
      en: `"${ruleId}" is not a rule id (lower-case with hyphens, e.g. cpd-hours). Run \`${commandName()} rules\` to list them.`,
    });
  }
  if (known && !known.includes(ruleId)) {
    throw listRowError(table, spec, row, cell, {
      zh: `规则集中没有规则"${ruleId}"。可用的规则：${known.join('、')}。`,
      en: `the rule set has no rule "${ruleId}". Rules: ${known.join(', ')}.`,
    });
  }
}
