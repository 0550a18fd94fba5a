// Generates benchmark rosters: an .xlsx written as raw XML parts and zipped with fflate, in Excel's
// own part order (the sheet before the shared strings), with every roster column of the rule set,
// realistic Chinese values and about 10 % of rows carrying a defect. Deterministic (seeded PRNG).
//
//   node scripts/bench/make-roster.mjs --rows 1000 --out roster.xlsx [--seed 1]
//   node scripts/bench/make-roster.mjs --files 200 --rows 30 --out folder/   (one employer per file)
//
// Next to the workbook it writes `<file>.flags.json`: the Excel row numbers of the defective rows
// (the peer benchmark marks those rows).
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Zip, ZipDeflate } from 'fflate';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHEET_NAME = '花名册';
export const TITLE_ROWS = 1; // one merged title row above the header

// ---- columns: the rule set's, in its order (publicPeriod is the one-column alternative to start/end)
export function rosterColumns() {
  // Only the `columns:` block is parsed, so a rule being edited elsewhere in the file cannot break the bench.
  const text = readFileSync(`${ROOT}rules/zj-2023-zhenggao.yaml`, 'utf8');
  const block = /^columns:\n(?:(?:[ #].*)?\n)+/m.exec(text);
  if (!block) throw new Error('rules/zj-2023-zhenggao.yaml: no columns block');
  return parseYaml(block[0]).columns.filter((c) => c.id !== 'publicPeriod').map((c) => ({ id: c.id, header: c.label.zh }));
}

// ---- deterministic randomness
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- vocabularies
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉鹏飞宇浩俊峰波斌晨玲婷雪琳欣颖佳慧晓东海燕云松林清振宁凯凡毅坤健成荣新春亮兵斌彬晖昊翔睿哲逸博瑞泽轩然宏伟德胜立群永安正祥福贵利民忠'];
const UNIT_WORDS = ['海康', '中控', '正泰', '华立', '万向', '吉利', '杭氧', '巨化', '新和成', '浙能', '恒逸', '荣盛', '舜宇', '宁电', '西子', '中天', '卧龙', '传化', '富通', '东方', '三花', '宏润', '永兴', '金盾', '大华', '海亮', '天能', '超威', '华友', '晶盛'];
const UNIT_KINDS = ['科技有限公司', '电气股份有限公司', '智能装备有限公司', '信息技术有限公司', '新材料股份有限公司', '化工有限公司', '能源集团有限公司', '纺织有限公司', '机械制造有限公司', '软件有限公司'];
const INSTITUTES = ['工业技术研究院', '信息化研究中心', '机电设计研究院', '质量检验检测研究院', '化工研究院'];
const SPECIALTIES = ['机电制造', '信息技术', '能源', '材料', '轻纺', '石油和化学工程'];
const JOBS = ['工程技术', '工程技术管理', '工程技术研发'];
const ASSESS = ['合格', '优秀', '合格', '称职'];
const ACH_A = ['主持', '参与', '负责'];
const ACH_B = ['省级重点研发项目', '国家重点研发计划课题', '省重大科技专项', '企业技术改造项目', '市级科技攻关项目'];
const ACH_C = ['获授权发明专利', '获授权实用新型专利', '主编行业标准', '发表核心期刊论文', '获省科学技术进步奖'];

function loadDivisions() {
  const d = JSON.parse(readFileSync(`${ROOT}data/admin-divisions.json`, 'utf8'));
  return Object.entries(d.zhejiang).map(([city, counties]) => ({ city, counties }));
}

// ---- dates: Excel serials (1900 system) from calendar dates, without time zones
const EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (y, m, d) => Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86400000);
const pad = (n, w = 2) => String(n).padStart(w, '0');
function ymdOfSerial(s) {
  const t = new Date(EPOCH + s * 86400000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

// ---- GB 11643 check digit
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
export function checkDigit(first17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * W[i];
  return CHECK[s % 11];
}
const AREA = ['330102', '330105', '330106', '330108', '330110', '330203', '330212', '330302', '330402', '330502', '330602', '330702', '330782', '330802', '330902', '331002', '331102', '330183', '330282', '330381'];

const DEFECTS = [
  'cpd-short', 'cpd-blank', 'id-check', 'id-length', 'apply-late', 'recommend-late', 'unit-type', 'title-recent',
  'education', 'publicity-short', 'duplicate-id', 'current-title', 'region-outside', 'sex-mismatch', 'assessment',
];

/** Builds one applicant row: { cells: [{t:'s'|'n'|'d', v}] by column id, defect }. */
function makeApplicant(rnd, i, ctx) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const male = rnd() < 0.65;
  const by = male ? int(1966, 1985) : int(1970, 1985);
  const bm = int(1, 12);
  const bd = int(1, 28);
  const seqDigits = pad(int(0, 49) * 2 + (male ? 1 : 0), 3);
  const first17 = `${pick(AREA)}${by}${pad(bm)}${pad(bd)}${seqDigits}`;
  let id = first17 + checkDigit(first17);
  const name = pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.7 ? pick(GIVEN) : '');
  const place = pick(ctx.divisions);
  const county = pick(place.counties);
  const r = rnd();
  const unitType = r < 0.8 ? '企业' : r < 0.95 ? '事业单位' : '部属在浙单位';
  const cityShort = place.city.replace(/市$/, '');
  const unit = ctx.unit ?? (unitType === '企业' ? `${cityShort}${pick(UNIT_WORDS)}${pick(UNIT_KINDS)}` : `${place.city}${pick(INSTITUTES)}`);
  const eduR = rnd();
  const [education, degree, gradAge] = eduR < 0.6 ? ['大学本科', '学士', 22] : eduR < 0.9 ? ['硕士研究生', '硕士', 25] : ['博士研究生', '博士', 28];
  const gy = by + gradAge;
  const ty = Math.max(gy + 6, int(2008, 2018));
  const titleSerial = serialOf(Math.min(ty, 2018), int(1, 12), int(1, 28));
  const specialty = pick(SPECIALTIES);
  const cpd = [0, 1, 2].map(() => {
    const pub = int(30, 48);
    const pro = int(60, 110);
    return { pub, pro, total: pub + pro };
  });
  const pubStartDay = pick([11, 12, 13]);
  const pubEndDay = { 11: 15, 12: 18, 13: 19 }[pubStartDay];
  const row = {
    seq: { t: 'n', v: i },
    name: { t: 's', v: name },
    idNumber: { t: 's', v: id },
    sex: { t: 's', v: male ? '男' : '女' },
    birthDate: { t: 's', v: rnd() < 0.8 ? `${by}-${pad(bm)}` : `${by}.${pad(bm)}` },
    phone: { t: 's', v: `1${pick(['3', '5', '8'])}${pad(int(0, 999999999), 9)}` },
    unit: { t: 's', v: unit },
    unitType: { t: 's', v: unitType },
    unitRegion: { t: 's', v: rnd() < 0.5 ? `${place.city}${county}` : `浙江省${place.city}` },
    entrusted: unitType === '部属在浙单位' ? { t: 's', v: '是' } : null,
    postVerified: unitType === '事业单位' ? { t: 's', v: '是' } : null,
    jobType: { t: 's', v: pick(JOBS) },
    archiveApproved: { t: 's', v: '是' },
    specialty: { t: 's', v: specialty },
    applyLevel: { t: 's', v: '正高级工程师' },
    currentTitle: { t: 's', v: '高级工程师' },
    currentTitleSpecialty: { t: 's', v: specialty },
    currentTitleDate: dateCell(rnd, titleSerial),
    education: { t: 's', v: education },
    degree: { t: 's', v: degree },
    gradDate: { t: 's', v: rnd() < 0.7 ? `${gy}-07` : `${gy}年7月` },
    workStart: { t: 's', v: rnd() < 0.7 ? `${gy}-08` : `${gy}.08` },
    poge: { t: 's', v: '否' },
    cpd2021: hoursCell(rnd, cpd[0].total),
    cpd2022: hoursCell(rnd, cpd[1].total),
    cpd2023: hoursCell(rnd, cpd[2].total),
    cpdPublic2021: { t: 'n', v: cpd[0].pub },
    cpdPro2021: { t: 'n', v: cpd[0].pro },
    cpdPublic2022: { t: 'n', v: cpd[1].pub },
    cpdPro2022: { t: 'n', v: cpd[1].pro },
    cpdPublic2023: { t: 'n', v: cpd[2].pub },
    cpdPro2023: { t: 'n', v: cpd[2].pro },
    cpdRegistered: { t: 's', v: '是' },
    applyDate: { t: 'd', v: serialOf(2024, rnd() < 0.5 ? 2 : 3, int(1, 8)) },
    publicStart: { t: 'd', v: serialOf(2024, 3, pubStartDay) },
    publicEnd: { t: 'd', v: serialOf(2024, 3, pubEndDay) },
    recommendDate: { t: 'd', v: serialOf(2024, 3, int(pubEndDay + 1, 21)) },
    lowerLevelDate: { t: 'd', v: serialOf(2024, 3, int(22, 25)) },
    discipline: { t: 's', v: '无' },
    assessment2021: { t: 's', v: pick(ASSESS) },
    assessment2022: { t: 's', v: pick(ASSESS) },
    assessment2023: { t: 's', v: pick(ASSESS) },
    insuranceUnit: { t: 's', v: unit },
    achievements: { t: 's', v: `${pick(ACH_A)}${pick(ACH_B)}${int(1, 3)}项，${pick(ACH_C)}${int(1, 6)}项` },
  };

  let defect = null;
  if (rnd() < 0.1) {
    defect = pick(DEFECTS);
    switch (defect) {
      case 'cpd-short':
        row[pick(['cpd2021', 'cpd2022', 'cpd2023'])] = { t: 'n', v: int(40, 89) };
        break;
      case 'cpd-blank':
        row.cpd2022 = null;
        break;
      case 'id-check': {
        const good = id[17];
        const bad = CHECK[(CHECK.indexOf(good) + int(1, 10)) % 11];
        row.idNumber = { t: 's', v: id.slice(0, 17) + bad };
        break;
      }
      case 'id-length':
        row.idNumber = { t: 's', v: id.slice(0, 17) };
        break;
      case 'apply-late':
        row.applyDate = { t: 'd', v: serialOf(2024, 3, int(11, 15)) };
        break;
      case 'recommend-late':
        row.recommendDate = { t: 'd', v: serialOf(2024, 3, int(22, 29)) };
        break;
      case 'unit-type':
        row.unitType = { t: 's', v: pick(['机关', '参照公务员法管理的事业单位']) };
        row.postVerified = null;
        row.entrusted = null;
        break;
      case 'title-recent':
        row.currentTitleDate = { t: 'd', v: serialOf(int(2019, 2021), int(4, 12), int(1, 28)) };
        break;
      case 'education':
        row.education = { t: 's', v: '大专' };
        row.degree = null;
        break;
      case 'publicity-short':
        row.publicEnd = { t: 'd', v: row.publicStart.v + 2 };
        break;
      case 'duplicate-id':
        // the same person entered twice
        if (ctx.recent.length) Object.assign(row, pick(ctx.recent));
        break;
      case 'current-title':
        row.currentTitle = { t: 's', v: '工程师' };
        break;
      case 'region-outside':
        row.unitRegion = { t: 's', v: pick(['上海市浦东新区', '江苏省苏州市', '安徽省合肥市']) };
        break;
      case 'sex-mismatch':
        row.sex = { t: 's', v: male ? '女' : '男' };
        break;
      case 'assessment':
        row.assessment2022 = { t: 's', v: '基本合格' };
        break;
    }
  }
  const person = { idNumber: row.idNumber, name: row.name, sex: row.sex, birthDate: row.birthDate, gradDate: row.gradDate, workStart: row.workStart };
  if (ctx.recent.length < 64) ctx.recent.push(person);
  else ctx.recent[int(0, 63)] = person;
  return { row, defect };
}

function dateCell(rnd, serial) {
  const x = rnd();
  if (x < 0.8) return { t: 'd', v: serial };
  const [y, m, d] = ymdOfSerial(serial);
  return { t: 's', v: x < 0.9 ? `${y}-${pad(m)}-${pad(d)}` : `${y}年${m}月${d}日` };
}

function hoursCell(rnd, hours) {
  return rnd() < 0.97 ? { t: 'n', v: hours } : { t: 's', v: `${hours}学时` };
}

// ---- XML
const esc = (s) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
function colLetter(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="${SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`;
const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
// xf 0 default, 1 date (numFmtId 14), 2 bold header, 3 title
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="16"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
const CORE = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>bench</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-20T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-20T00:00:00Z</dcterms:modified></cp:coreProperties>`;
const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`;

/**
 * Writes a roster workbook. Returns { rows, defects: rowNumbers[], file }.
 * options: { rows, seed = 1, file, unit?: a single employer for every row }
 */
export function makeRoster({ rows, seed = 1, file, unit, flags = true }) {
  const rnd = mulberry32(seed * 2654435761 + rows);
  const columns = rosterColumns();
  const letters = columns.map((_, c) => colLetter(c));
  const divisions = loadDivisions();
  const ctx = { divisions, unit, recent: [] };
  const sst = new Map();
  let sstCount = 0;
  const si = (s) => {
    sstCount++;
    let k = sst.get(s);
    if (k === undefined) sst.set(s, (k = sst.size));
    return k;
  };

  const fd = openSync(file, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
  });
  const enc = new TextEncoder();
  const small = (name, text) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(enc.encode(text), true);
  };
  small('[Content_Types].xml', CONTENT_TYPES);
  small('_rels/.rels', ROOT_RELS);
  small('xl/workbook.xml', WORKBOOK);
  small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);

  // ---- the sheet, streamed
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  let buf = [];
  let bufLen = 0;
  const emit = (s) => {
    buf.push(s);
    bufLen += s.length;
    if (bufLen > 1 << 20) flush(false);
  };
  const flush = (final) => {
    sheet.push(enc.encode(buf.join('')), final);
    buf = [];
    bufLen = 0;
  };
  const last = letters[letters.length - 1];
  const lastRow = TITLE_ROWS + 1 + rows;
  const widths = columns.map((c) => (c.id === 'idNumber' ? 20 : c.id === 'unit' || c.id === 'insuranceUnit' ? 28 : c.id === 'achievements' ? 40 : 12));
  emit(
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><dimension ref="A1:${last}${lastRow}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${TITLE_ROWS + 1}" topLeftCell="A${TITLE_ROWS + 2}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25"/><cols>` +
      widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('') +
      '</cols><sheetData>',
  );
  const spans = `1:${columns.length}`;
  emit(`<row r="1" spans="${spans}" ht="30" customHeight="1"><c r="A1" s="3" t="s"><v>${si('2023年度正高级工程师职务任职资格申报人员花名册')}</v></c></row>`);
  emit(`<row r="2" spans="${spans}">` + columns.map((c, j) => `<c r="${letters[j]}2" s="2" t="s"><v>${si(c.header)}</v></c>`).join('') + '</row>');
  const defects = [];
  for (let i = 1; i <= rows; i++) {
    const r = TITLE_ROWS + 1 + i;
    const { row, defect } = makeApplicant(rnd, i, ctx);
    if (defect) defects.push(r);
    let x = `<row r="${r}" spans="${spans}">`;
    for (let j = 0; j < columns.length; j++) {
      const cell = row[columns[j].id];
      if (!cell) continue;
      const ref = letters[j] + r;
      if (cell.t === 's') x += `<c r="${ref}" t="s"><v>${si(cell.v)}</v></c>`;
      else if (cell.t === 'd') x += `<c r="${ref}" s="1"><v>${cell.v}</v></c>`;
      else x += `<c r="${ref}"><v>${cell.v}</v></c>`;
    }
    emit(x + '</row>');
  }
  emit(`</sheetData><mergeCells count="1"><mergeCell ref="A1:${last}1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>`);
  flush(true);

  small('xl/styles.xml', STYLES);

  // ---- shared strings, after the sheet (as Excel orders them)
  const sstPart = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
  zip.add(sstPart);
  let s = `${XML_HEAD}<sst xmlns="${NS}" count="${sstCount}" uniqueCount="${sst.size}">`;
  for (const text of sst.keys()) {
    s += `<si><t>${esc(text)}</t></si>`;
    if (s.length > 1 << 20) {
      sstPart.push(enc.encode(s), false);
      s = '';
    }
  }
  sstPart.push(enc.encode(s + '</sst>'), true);

  small('docProps/core.xml', CORE);
  small('docProps/app.xml', APP);
  zip.end();
  closeSync(fd);
  if (flags) writeFileSync(`${file}.flags.json`, JSON.stringify({ rows, firstDataRow: TITLE_ROWS + 2, defects }));
  return { rows, defects, file };
}

/** A regional office's folder: `files` employer rosters of `rows` applicants each (one employer per file). */
export function makeFolder({ dir, files, rows, seed = 1 }) {
  mkdirSync(dir, { recursive: true });
  let defects = 0;
  for (let i = 1; i <= files; i++) {
    const unit = `${UNIT_WORDS[i % UNIT_WORDS.length]}${UNIT_KINDS[Math.floor(i / UNIT_WORDS.length) % UNIT_KINDS.length].replace('有限公司', '')}${i}号有限公司`;
    const file = path.join(dir, `${String(i).padStart(3, '0')}_${unit}_申报人员花名册.xlsx`);
    defects += makeRoster({ rows, seed: seed * 1000 + i, file, unit, flags: false }).defects.length;
  }
  return { files, rows: files * rows, defects };
}

// ---- CLI
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : dflt;
  };
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: node scripts/bench/make-roster.mjs --rows N --out FILE|DIR [--files K] [--seed S] [--unit NAME]\n');
    process.exit(2);
  }
  const t0 = performance.now();
  if (arg('files')) {
    const r = makeFolder({ dir: out, files: Number(arg('files')), rows: Number(arg('rows', '30')), seed: Number(arg('seed', '1')) });
    process.stderr.write(`wrote ${out}: ${r.files} rosters, ${r.rows} rows, ${r.defects} defective, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    process.exit(0);
  }
  const r = makeRoster({ rows: Number(arg('rows', '1000')), seed: Number(arg('seed', '1')), file: out, unit: arg('unit') });
  process.stderr.write(`wrote ${out}: ${r.rows} rows, ${r.defects.length} defective, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
