// The terminal's 提示: a file that could not be read comes before the notes about skipped sheets and
// rows, so in a folder of a hundred rosters it is not buried under them.
import { describe, expect, it } from 'vitest';
import { formatTerminal } from '../../src/format/terminal.js';
import type { RunResult } from '../../src/report/run-result.js';

describe('terminal notes', () => {
  it('lists unreadable files first, then the other notes in their order', () => {
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
    const lines = text.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toEqual(['  - b.csv: 第 4 行双引号未配对', '  - a.xlsx: 工作表"填写说明"已跳过', '  - c.xlsx: 第9行已跳过']);
  });
});
