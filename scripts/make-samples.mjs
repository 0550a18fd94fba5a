#!/usr/bin/env node
// Writes the sample rosters and lists under samples/ (or the folder given as the first argument).
// Deterministic: fixed workbook dates, zip entries re-packed with a fixed time, no randomness — the
// same script and rule set give the same bytes. Run through `npm run samples` (builds dist/ first:
// the employer roster is the real template of `roster-screen template`, filled in).
//
// The expected verdicts (samples/*/expected.json) are NOT written here: they are kept by hand from
// the rule specification, so that the golden test compares the tool with the spec, not with itself.
import ExcelJS from 'exceljs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { employerApplicants } from './samples/employer.mjs';
import { encodeGb18030 } from './samples/gb18030.mjs';
import { exceptionsList, integrityList } from './samples/lists.mjs';
import { civil, ministry, ningbo, wenzhou } from './samples/regional.mjs';
import { repackFixed } from './samples/zip-fixed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.resolve(process.argv[2] ?? path.join(root, 'samples'));
const CREATED = new Date(Date.UTC(2024, 2, 20, 1, 0, 0));
const EMPLOYER_FILE = '花名册-杭州某某科技.xlsx';

const { loadBundledRuleSet } = await import(path.join(root, 'dist/ruleset/load.js'));
const { createTemplateWorkbook } = await import(path.join(root, 'dist/template/build-template.js'));

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const utc = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

async function save(file, workbook) {
  workbook.creator = 'roster-screen samples';
  workbook.lastModifiedBy = 'roster-screen samples';
  workbook.created = CREATED;
  workbook.modified = CREATED;
  const bytes = repackFixed(await workbook.xlsx.writeBuffer());
  await write(file, bytes);
}

async function write(file, bytes) {
  const target = path.join(outRoot, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  console.log(`  ${path.relative(process.cwd(), target)}`);
}

/** Sets a cell from a sample value: {date: iso} → a date cell; null/'' → left empty. */
function put(cell, v, { textId = false } = {}) {
  if (v === null || v === undefined || v === '') return;
  if (typeof v === 'object' && 'date' in v) {
    cell.value = utc(v.date);
    cell.numFmt = 'yyyy-mm-dd';
  } else {
    cell.value = v;
    if (textId) cell.numFmt = '@';
  }
}

// ── employer: the template, filled in ─────────────────────────────────────────────────────────────
async function employer(ruleSet) {
  const applicants = employerApplicants();
  const t = createTemplateWorkbook(ruleSet, { lang: 'zh', created: CREATED });
  applicants.forEach((a, i) => {
    const row = t.roster.getRow(i + 2);
    for (const c of t.columns) {
      const v = a[c.def.id];
      if (v === undefined || v === null || v === '') continue;
      const cell = row.getCell(c.index);
      if (c.def.id === 'idNumber' && a._idAsNumber) {
        // What Excel keeps of an ID pasted into a General cell: 15 significant digits.
        cell.value = Number(Number(v).toPrecision(15));
        cell.numFmt = 'General';
      } else if (c.format === 'date' && typeof v === 'string' && ISO.test(v)) {
        cell.value = utc(v);
      } else {
        cell.value = v;
      }
    }
  });
  await save(path.join('employer', EMPLOYER_FILE), t.workbook);
  return applicants;
}

// ── regional ──────────────────────────────────────────────────────────────────────────────────────
function widths(ws, headers) {
  headers.forEach((h, i) => {
    const text = String(h);
    ws.getColumn(i + 1).width = /身份证|身份号码/.test(text) ? 21 : /单位名称|工作单位|社保/.test(text) ? 24 : Math.max(8, Math.min(14, text.length * 2));
  });
}

function headerStyle(cell) {
  cell.font = { bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
}

async function ningboRoster() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const flat = ningbo.header.flatMap(([top, subs]) => (subs ? subs.map((s) => `${top}${s}`) : [top]));
  const last = flat.length;
  widths(ws, flat);
  ws.getCell(1, 1).value = ningbo.title;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = ningbo.filler;
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, last - 4).value = ningbo.fillDate;
  ws.mergeCells(2, last - 4, 2, last);
  let col = 1;
  for (const [top, subs] of ningbo.header) {
    if (!subs) {
      ws.getCell(3, col).value = top;
      ws.mergeCells(3, col, 4, col);
      headerStyle(ws.getCell(3, col));
      col += 1;
      continue;
    }
    ws.getCell(3, col).value = top;
    ws.mergeCells(3, col, 3, col + subs.length - 1);
    headerStyle(ws.getCell(3, col));
    subs.forEach((s, i) => {
      ws.getCell(4, col + i).value = s;
      headerStyle(ws.getCell(4, col + i));
    });
    col += subs.length;
  }
  const rows = ningbo.rows();
  rows.forEach((values, i) => {
    const r = 5 + i;
    put(ws.getCell(r, 1), i + 1);
    values.forEach((v, j) => put(ws.getCell(r, j + 2), v, { textId: j === 2 }));
  });
  const footer = 5 + rows.length + 1;
  ws.getCell(footer, 1).value = ningbo.footer;
  ws.mergeCells(footer, 1, footer, 8);
  await save(path.join('regional', ningbo.file), wb);
}

async function simpleRoster(spec, folder = 'regional', sheet = '花名册') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  widths(ws, spec.header);
  spec.header.forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    headerStyle(ws.getCell(1, i + 1));
  });
  const idCol = spec.header.findIndex((h) => /身份证|身份号码/.test(h));
  spec.rows().forEach((values, i) => {
    const r = 2 + i;
    const withSeq = spec.header[0] === '序号' ? [i + 1, ...values] : values;
    withSeq.forEach((v, j) => put(ws.getCell(r, j + 1), v, { textId: j === idCol }));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await save(path.join(folder, spec.file), wb);
}

async function wenzhouCsv() {
  const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [wenzhou.header.map(quote).join(',')];
  wenzhou.rows().forEach((values, i) => lines.push([String(i + 1), ...values].map((v) => quote(String(v))).join(',')));
  // Chinese Excel's "CSV (逗号分隔)": the ANSI code page (GBK/GB18030), CRLF, no BOM.
  await write(path.join('regional', wenzhou.file), encodeGb18030(lines.join('\r\n') + '\r\n'));
}

// ── lists ─────────────────────────────────────────────────────────────────────────────────────────
async function integrity(applicants) {
  const spec = integrityList(applicants);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  widths(ws, spec.header);
  ws.getColumn(6).width = 36;
  ws.getCell(1, 1).value = spec.title;
  ws.mergeCells(1, 1, 1, spec.header.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  spec.header.forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
    headerStyle(ws.getCell(2, i + 1));
  });
  spec.rows.forEach((values, i) => {
    [i + 1, ...values].forEach((v, j) => put(ws.getCell(3 + i, j + 1), v, { textId: j === 2 }));
  });
  await save(path.join('lists', spec.file), wb);
}

async function exceptions(applicants) {
  const spec = exceptionsList(applicants);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('例外');
  widths(ws, spec.header);
  ws.getColumn(6).width = 50;
  spec.header.forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    headerStyle(ws.getCell(1, i + 1));
  });
  spec.rows.forEach((values, i) => values.forEach((v, j) => put(ws.getCell(2 + i, j + 1), v, { textId: j === 0 })));
  await save(path.join('lists', spec.file), wb);
}

console.log(`Writing samples to ${path.relative(process.cwd(), outRoot) || '.'}:`);
const { ruleSet } = loadBundledRuleSet();
const applicants = await employer(ruleSet);
await ningboRoster();
await wenzhouCsv();
await simpleRoster(ministry);
await simpleRoster(civil);
await integrity(applicants);
await exceptions(applicants);
