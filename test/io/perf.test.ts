import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { tempDir } from './helpers.js';

// Opt-in benchmark: IO_BENCH=1 npx vitest run test/io/perf.test.ts
// Writes a 100 000 × 25 roster of realistic Chinese data with exceljs's streaming writer
// (shared strings, CJK date formats), then times opening and reading it.

const ROWS = Number(process.env.IO_BENCH_ROWS ?? 100_000);

describe.skipIf(!process.env.IO_BENCH)('read benchmark', () => {
  it(`reads ${ROWS} rows × 25 columns`, { timeout: 600_000 }, async () => {
    const file = path.join(tempDir(), 'bench.xlsx');
    // mulberry32: a plain LCG's low bits cycle fast, which made most "unique" IDs repeat.
    let seed = 1;
    const rnd = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const pick = <T>(a: readonly T[] | string): T => a[rnd(a.length)] as T;
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
    const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文辉宇浩然欣怡子涵';
    const units = Array.from({ length: 3000 }, (_, i) => `浙江省${pick('杭宁温嘉湖绍金衢舟台丽')}州市${pick('华兴盛达通')}${pick(['电力', '机械', '化工', '建设', '信息'])}科技有限公司第${i}分公司`);
    const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m, day));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['序号', '姓名', '身份证号', '性别', '出生年月', '工作单位', '单位性质', '所在地区', '申报专业', '申报资格', '现专业技术资格', '现资格取得时间', '学历', '学位', '毕业时间', '参加工作时间', '2021年继续教育学时', '2022年继续教育学时', '2023年继续教育学时', '个人申报日期', '单位推荐日期', '处分情况', '2021年度考核', '2022年度考核', '主要业绩成果']).commit();
    for (let i = 1; i <= ROWS; i++) {
      const y = 1965 + rnd(25);
      const id = `3301${String(rnd(100)).padStart(2, '0')}${y}${String(1 + rnd(12)).padStart(2, '0')}${String(1 + rnd(28)).padStart(2, '0')}${String(rnd(1000)).padStart(3, '0')}${rnd(11) === 10 ? 'X' : rnd(10)}`;
      const row = ws.addRow([i, pick<string>(surnames) + pick<string>(given) + (rnd(2) ? pick<string>(given) : ''), id, rnd(2) ? '男' : '女', d(y, rnd(12), 1 + rnd(28)), pick(units), pick(['企业', '事业单位', '民营企业']), pick(['杭州市', '宁波市', '温州市', '嘉兴市']), pick(['电气工程', '机械工程', '计算机应用', '化学工程', '土木工程']), '正高级工程师', '高级工程师', d(2010 + rnd(8), rnd(12), 1 + rnd(28)), pick(['大学本科', '硕士研究生', '博士研究生']), pick(['学士', '硕士', '博士']), d(1988 + rnd(20), 6, 30), d(1990 + rnd(20), 7, 1), 90 + rnd(20), 90 + rnd(20), 90 + rnd(20), d(2023, 7, 1 + rnd(20)), d(2023, 8, 1 + rnd(10)), '无', pick(['合格', '优秀', '称职']), pick(['合格', '优秀', '称职']), `主持完成${pick(['国家级', '省级', '市级'])}项目${rnd(20)}项，获发明专利${rnd(10)}项，发表论文${rnd(30)}篇`]);
      for (const c of [5, 12, 15, 16, 20, 21]) row.getCell(c).numFmt = c === 5 ? 'yyyy"年"m"月"' : 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
    await wb.commit();

    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const opened = await openRosterFile(file);
    let rows = 0;
    let dates = 0;
    await opened.readRows(0, (r) => {
      rows++;
      for (const c of r.cells) if (c?.kind === 'date') dates++;
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(`read ${rows} rows in ${Math.round(ms)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU; rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB`);
    expect(rows).toBe(ROWS + 1);
    expect(dates).toBe(ROWS * 6);
  });
});
