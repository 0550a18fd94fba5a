// What a failed write tells the user: on Windows a file open in Excel or WPS cannot be replaced
// (EBUSY / EPERM), the usual cause when an officer drops the same roster again.
import { describe, expect, it } from 'vitest';
import { writeError } from '../../src/output/atomic-write.js';

const fail = (code: string) => Object.assign(new Error(code), { code });

describe('writeError', () => {
  it('names the file and says a program may hold it open', () => {
    const busy = writeError('D:\\人事\\花名册.screened.xlsx', fail('EBUSY'));
    expect(busy.text.zh).toContain('"D:\\人事\\花名册.screened.xlsx"');
    expect(busy.text.zh).toContain('正在 Excel、WPS 等程序中打开');
    expect(writeError('x.xlsx', fail('EPERM')).text.zh).toContain('请关闭后重试');
    expect(writeError('x.xlsx', fail('ENOSPC')).text.zh).not.toContain('Excel');
  });
});
