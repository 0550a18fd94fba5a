import type { IntegrityRecord } from '../rules/check-kind.js';
import { cellText } from '../normalize/text.js';
import { listDate, listIdNumber } from './list-values.js';
import { listRowError, readList, type ListSpec } from './read-list.js';

export const INTEGRITY_LIST: ListSpec = {
  what: { zh: '诚信档案名单', en: 'integrity-record list' },
  option: '--integrity',
  columns: [
    { id: 'idNumber', label: { zh: '身份证号', en: 'ID number (身份证号)' }, aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'] },
    { id: 'name', label: { zh: '姓名', en: 'name (姓名)' }, aliases: ['姓名'] },
    {
      id: 'decisionDate',
      label: { zh: '决定日期', en: 'decision date (决定日期)' },
      aliases: ['决定日期', '处理决定日期', '处理日期', '认定日期', '记入日期', '记录日期', '作出决定日期'],
    },
    {
      id: 'endDate',
      label: { zh: '截止日期', en: 'end date (截止日期)' },
      aliases: ['截止日期', '记录截止日期', '到期日期', '失效日期', '记录期限', '有效期至'],
    },
    { id: 'reason', label: { zh: '事由', en: 'reason (事由)' }, aliases: ['事由', '原因', '失信事由', '记录事由', '失信行为'] },
  ],
  required: [['idNumber'], ['decisionDate', 'endDate']],
};

/**
 * `--integrity FILE`: people recorded in the 职称评审诚信档案. Every row needs an ID number and at
 * least one readable date (决定日期 and/or 截止日期); anything else refuses the whole list, so no
 * record is silently dropped.
 */
export async function loadIntegrityList(file: string): Promise<IntegrityRecord[]> {
  const spec = INTEGRITY_LIST;
  const table = await readList(file, spec);
  const records: IntegrityRecord[] = [];
  for (const row of table.rows) {
    const idCell = row.get('idNumber');
    const id = listIdNumber(idCell.value, true);
    if (!id.ok) throw listRowError(table, spec, row, idCell, id.problem);

    const record: IntegrityRecord = { idNumber: id.value, name: cellText(row.get('name').value), reason: cellText(row.get('reason').value) };
    for (const key of ['decisionDate', 'endDate'] as const) {
      const cell = row.get(key);
      const d = listDate(cell.value);
      if (d === undefined) continue;
      if (!d.ok) throw listRowError(table, spec, row, cell, d.problem);
      record[key] = d.value;
    }
    if (record.decisionDate === undefined && record.endDate === undefined) {
      const cell = row.get(table.has('decisionDate') ? 'decisionDate' : 'endDate');
      throw listRowError(table, spec, row, cell, {
        zh: '决定日期和截止日期都为空，无法判断记录是否仍在有效期内。请至少填写其中一项。',
        en: 'both the decision date and the end date are blank, so it cannot be told whether the record is in force. Fill in at least one.',
      });
    }
    if (record.decisionDate !== undefined && record.endDate !== undefined && record.endDate < record.decisionDate) {
      throw listRowError(table, spec, row, row.get('endDate'), {
        zh: `截止日期 ${record.endDate} 早于决定日期 ${record.decisionDate}。请核对。`,
        en: `the end date ${record.endDate} is before the decision date ${record.decisionDate}. Please check.`,
      });
    }
    records.push(record);
  }
  return records;
}
