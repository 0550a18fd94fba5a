// A regional office's inbox, generated: three employers' rosters in different header styles (a
// title row, a two-row merged header with other header words, a CSV), with one ID number on two
// employers' rosters.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { idNumber } from './run-fixture.js';

export const PEOPLE = {
  zhang: { name: '张三', id: idNumber('33010619710211431') }, // male, pass, 信息技术
  li: { name: '李四', id: idNumber('33010219800315222') }, // female, pass, 人工智能
  wu: { name: '吴十', id: idNumber('33010519760606433') }, // fail: 2021 CPD 72
  wang: { name: '王五', id: idNumber('33020319750101123') }, // fail: same ID as 钱七 in the CSV
  zhao: { name: '赵六', id: idNumber('33020419700520561') }, // review: title obtained 2019-02
  qian: { name: '钱七' }, // same ID as 王五
  sun: { name: '孙八', id: idNumber('33030219820808001') }, // pass, 材料
};

const sexOf = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女');
const birthOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}`;

/** The columns every roster has, beyond identity (values that pass every rule on 2024-03-25). */
const BASE = {
  unitType: '企业',
  jobType: '工程技术',
  archiveApproved: '是',
  applyLevel: '正高级工程师',
  currentTitle: '高级工程师',
  currentTitleDate: '2015-12-30',
  education: '大学本科',
  degree: '学士',
  cpd2021: 96,
  cpd2022: 100,
  cpd2023: 92,
  cpdRegistered: '是',
  applyDate: '2024-03-01',
  publicStart: '2024-03-11',
  publicEnd: '2024-03-15',
  recommendDate: '2024-03-18',
  discipline: '无',
};

const STANDARD = [
  ['序号', 'seq'],
  ['姓名', 'name'],
  ['身份证号', 'idNumber'],
  ['性别', 'sex'],
  ['出生年月', 'birthDate'],
  ['工作单位', 'unit'],
  ['单位性质', 'unitType'],
  ['单位所在地', 'unitRegion'],
  ['现从事工作', 'jobType'],
  ['业绩档案审核', 'archiveApproved'],
  ['申报专业', 'specialty'],
  ['申报资格', 'applyLevel'],
  ['现专业技术资格', 'currentTitle'],
  ['现资格取得时间', 'currentTitleDate'],
  ['学历', 'education'],
  ['学位', 'degree'],
  ['2021年继续教育学时', 'cpd2021'],
  ['2022年继续教育学时', 'cpd2022'],
  ['2023年继续教育学时', 'cpd2023'],
  ['学时登记', 'cpdRegistered'],
  ['个人申报日期', 'applyDate'],
  ['公示开始', 'publicStart'],
  ['公示结束', 'publicEnd'],
  ['单位推荐日期', 'recommendDate'],
  ['处分情况', 'discipline'],
] as const;

type Row = Record<string, string | number>;

function person(seq: number, name: string, id: string, unit: string, region: string, specialty: string, over: Row = {}): Row {
  return { ...BASE, seq, name, idNumber: id, sex: sexOf(id), birthDate: birthOf(id), unit, unitRegion: region, specialty, ...over };
}

export async function makeRegionalFolder(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });

  // 甲: title row, 填报单位 row, standard one-row header at row 3.
  const jia = '杭州甲科技有限公司';
  const a = new ExcelJS.Workbook();
  const wa = a.addWorksheet('花名册');
  wa.addRow(['2023年度正高级工程师申报人员花名册']);
  wa.addRow([`填报单位：${jia}`]);
  wa.addRow(STANDARD.map(([h]) => h));
  for (const p of [
    person(1, PEOPLE.zhang.name, PEOPLE.zhang.id, jia, '杭州市西湖区', '信息技术'),
    person(2, PEOPLE.li.name, PEOPLE.li.id, jia, '杭州市西湖区', '人工智能'),
    person(3, PEOPLE.wu.name, PEOPLE.wu.id, jia, '杭州市西湖区', '信息技术', { cpd2021: 72 }),
  ]) {
    wa.addRow(STANDARD.map(([, id]) => p[id] ?? null));
  }
  await a.xlsx.writeFile(path.join(dir, '甲公司.xlsx'));

  // 乙: a two-row header (继续教育学时 merged over its years), other header words, no 出生年月 column.
  const yi = '宁波乙机械有限公司';
  const b = new ExcelJS.Workbook();
  const wb = b.addWorksheet('Sheet1');
  const top = ['序号', '姓名', '身份证号码', '性别', '单位名称', '单位类型', '所在地区', '现从事专业技术工作', '业绩档案', '评审专业', '拟申报职称', '现职称', '取得年月', '最高学历', '最高学位', '继续教育学时', '', '', '学时已登记', '网上申报日期', '公示时间', '推荐日期', '受处分情况'];
  const sub = ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '2021年', '2022年', '2023年', '', '', '', '', ''];
  wb.addRow(top);
  wb.addRow(sub);
  wb.mergeCells('P1:R1');
  for (let c = 1; c <= top.length; c++) if (c < 16 || c > 18) wb.mergeCells(1, c, 2, c);
  const yiRow = (seq: number, name: string, id: string, specialty: string, titleDate: string) => [
    seq, name, id, sexOf(id), yi, '企业', '宁波市', '工程技术', '是', specialty, '正高级工程师', '高工', titleDate, '硕士研究生', '硕士', 120, 95, 90, '是', '2024-03-02', '2024年3月11日至3月15日', '2024-03-19', '无',
  ];
  wb.addRow(yiRow(1, PEOPLE.wang.name, PEOPLE.wang.id, '机电制造', '2016.06'));
  wb.addRow(yiRow(2, PEOPLE.zhao.name, PEOPLE.zhao.id, '机电', '2019-02'));
  await b.xlsx.writeFile(path.join(dir, '乙公司.xlsx'));

  // 丙: a CSV (UTF-8 with BOM), standard headers; 钱七 carries 王五's ID number.
  const bing = '温州丙研究院';
  const rows = [
    person(1, PEOPLE.qian.name, PEOPLE.wang.id, bing, '温州市鹿城区', '材料'),
    person(2, PEOPLE.sun.name, PEOPLE.sun.id, bing, '温州市鹿城区', '材料'),
  ];
  const csv = [STANDARD.map(([h]) => h).join(','), ...rows.map((p) => STANDARD.map(([, id]) => String(p[id] ?? '')).join(','))];
  writeFileSync(path.join(dir, '丙单位.csv'), `\uFEFF${csv.join('\r\n')}\r\n`);
}
