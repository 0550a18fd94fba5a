// The terminal: a file that could not be read is named right under the counts, in its own section,
// not among the 提示 about skipped sheets and rows, where in a folder of a hundred rosters it was buried.
import { describe, expect, it } from 'vitest';
import { formatTerminal } from '../../src/format/terminal.js';
import type { RunResult } from '../../src/report/run-result.js';

describe('terminal notes', () => {
  it('names unreadable files under the counts, apart from the other notes, which keep their order', () => {
    const note = (file: string, zh: string, unreadable = false) => ({ file, message: { zh, en: zh }, ...(unreadable ? { unreadable } : {}) });
    const run = {
      tool: { name: 'roster-screen', version: '0' },
      ruleSet: { id: 'x', notice: 'n', sha256: '' },
      asOf: '2024-03-25',
      inputs: [],
      summary: { total: 0, pass: 0, review: 0, fail: 0 },
      deadlines: [],
      unchecked: [],
      problems: [note('a.xlsx', '工作表"填写说明"已跳过'), note('b.csv', '第 4 行双引号未配对', true), note('c.xlsx', '第9行已跳过')],
      exceptions: [],
      rules: [],
      applicants: [],
    } as unknown as RunResult;
    const text = formatTerminal(run, { lang: 'zh', mask: true, color: false });
    const lines = text.split('\n');
    const counts = lines.findIndex((l) => l.startsWith('通过 0'));
    expect(lines.slice(counts + 1, counts + 3)).toEqual(['无法读取的文件或表格（1 处）：其中的人员未审核，不在以上人数中', '  ✗ b.csv: 第 4 行双引号未配对']);
    expect(lines.slice(lines.indexOf('提示') + 1).filter((l) => l.startsWith('  - '))).toEqual(['  - a.xlsx: 工作表"填写说明"已跳过', '  - c.xlsx: 第9行已跳过']);
    expect(text.match(/b\.csv/g)).toHaveLength(1);
    // A message that names the file already is not prefixed with it a second time.
    const named = { ...run, problems: [note('b.csv', '文件 "b.csv" 第 4 行双引号未配对', true)] };
    expect(formatTerminal(named, { lang: 'zh', mask: true, color: false })).toContain('\n  ✗ 文件 "b.csv" 第 4 行双引号未配对\n');
    const en = formatTerminal(run, { lang: 'en', mask: true, color: false });
    expect(en).toContain('Files or tables that could not be read (1): their applicants were not screened and are not counted above\n  ✗ b.csv:');
  });

  it('does not say everyone passes while some applicants were not screened', () => {
    const run = {
      tool: { name: 'roster-screen', version: '0' },
      ruleSet: { id: 'x', notice: 'n', sha256: '' },
      asOf: '2024-03-25',
      inputs: [],
      summary: { total: 0, pass: 0, review: 0, fail: 0 },
      deadlines: [],
      unchecked: [],
      problems: [] as { file: string; message: { zh: string; en: string }; unreadable?: boolean }[],
      exceptions: [],
      rules: [],
      applicants: [],
    };
    expect(formatTerminal(run as unknown as RunResult, { lang: 'zh', mask: true, color: false })).toContain('全部通过。');
    run.problems.push({ file: 'a.xlsx', message: { zh: '第二张表未审核', en: 'second table not screened' }, unreadable: true });
    const zh = formatTerminal(run as unknown as RunResult, { lang: 'zh', mask: true, color: false });
    expect(zh).not.toContain('全部通过。');
    expect(zh).toContain('已审核的人员全部通过；上面列出的文件或表格中的人员未审核。');
    expect(formatTerminal(run as unknown as RunResult, { lang: 'en', mask: true, color: false })).toContain('Everyone screened passes;');
  });
});
