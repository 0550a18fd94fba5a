import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import type { Lang } from '../core/types.js';
import { renderSources } from '../rules/citation.js';
import type { RuleSet } from '../rules/schema.js';
import { fieldDoc, type FieldDoc } from './field-docs.js';
import { paramDocOf } from '../rules/param-doc.js';
import { formatPath, type IssuePath } from './issues.js';
import type { KindInfo } from './kinds-stage.js';
import { shiftRoundText } from './shift-round.js';
import { commandName } from '../core/command-name.js';

export interface InitCopyInput {
  /** Text of the source rule set (YAML or JSON). */
  text: string;
  /** The source, validated: comments are written from it. */
  ruleSet: RuleSet;
  kinds: KindInfo[];
  /** How the user named the source (`zj-2023-zhenggao` or a path), for the header. */
  from: string;
  newId: string;
  /** The round to move the copy to (`--year`): see shift-round.ts. Without it the copy keeps the source's round. */
  year?: number;
  lang: Lang;
  /** Path of the JSON Schema relative to the output file, for the editor modeline; none without a schema file on disk. */
  schemaPath?: string;
  /** Output file name as the user will type it in the next commands. */
  outName: string;
}

const T = {
  zh: {
    header: (i: InitCopyInput) => [
      `由 ${commandName()} rules init 从 ${i.from} 复制。按新一轮评审通知修改本文件：`,
      '  1. 标 ★ 的字段每年都要核对：年度、通知文号和日期、截止时间、继续教育年份、引用本轮通知的出处。',
      '  2. 通知改了条件的，改对应规则的 params、提示语 message 和出处 sources（引用最正式的文件和条款）。',
      '  3. 日期一律写成 "YYYY-MM-DD"；级别 severity 只能是 error（不通过）、warn（待复核）、info（提示）。',
      `  4. 检查：${commandName()} rules check ${i.outName}`,
      `  5. 测试：${commandName()} rules test ${i.outName}（文末 cases 为测试用例，条件改了要同步改预期）`,
      `  6. 比较：${commandName()} rules diff ${i.from} ${i.outName} --roster 去年的花名册.xlsx`,
      `  7. 使用：${commandName()} --rules ${i.outName} 花名册.xlsx`,
    ],
    yearly: '★ 每年核对',
    rule: '规则',
    kind: '检查类型',
    source: '依据',
    params: '参数：',
    mentions: (paths: string[]) => `★ 含年份或日期，须按新通知核对：${paths.join('、')}`,
    cites: '★ 引用本轮通知，新一轮改为新通知的文号和条款',
    yearColumns: (ids: string[]) =>
      `★ 这些列的编号和表头含年份：${ids.join('、')}。年份变了就改列编号、名称和表头写法，并同步修改引用它们的规则和测试用例`,
    unknownParam: '（见该检查类型的说明）',
    shifted: (from: number, to: number) => [
      `年份已从 ${from} 年度移到 ${to} 年度（列编号、表头、继续教育和考核年份、任职年限截止日、提示语和测试用例）；`,
      `只有新通知才能给出的内容（标题、通知文号和日期、核验基准日、截止时间、引用本轮通知的出处）写为"待填"，填好之前 roster-screen rules check 和 roster-screen --rules 不接受本文件。`,
      '原文件中的注释未改动，其中的年份仍是原年度的。',
    ],
  },
  en: {
    header: (i: InitCopyInput) => [
      `Copied by ${commandName()} rules init from ${i.from}. Edit it to follow the new round's notice:`,
      '  1. Fields marked ★ change every year: round year, notice number and date, deadlines, CPD years, sources citing the notice.',
      '  2. Where the notice changes a condition, edit that rule’s params, messages and sources (cite the most official text).',
      '  3. Dates are always "YYYY-MM-DD"; severity is error (fail), warn (review) or info (note).',
      `  4. Check:   ${commandName()} rules check ${i.outName}`,
      `  5. Test:    ${commandName()} rules test ${i.outName} (the cases at the end; update their expectations with the conditions)`,
      `  6. Compare: ${commandName()} rules diff ${i.from} ${i.outName} --roster last-years-roster.xlsx`,
      `  7. Use:     ${commandName()} --rules ${i.outName} roster.xlsx`,
    ],
    yearly: '★ check every year',
    rule: 'Rule',
    kind: 'check kind',
    source: 'Source',
    params: 'Parameters:',
    mentions: (paths: string[]) => `★ holds years or dates to check against the new notice: ${paths.join(', ')}`,
    cites: '★ cites this round’s notice: use the new notice’s number and clause',
    yearColumns: (ids: string[]) =>
      `★ these columns carry a year in their id and headers: ${ids.join(', ')}. When the years move, rename them (id, label, aliases) and update the rules and cases that use them`,
    unknownParam: '(see the check kind)',
    shifted: (from: number, to: number) => [
      `Years moved from the ${from} round to the ${to} round (column ids and headers, CPD and assessment years, the seniority cut-off, messages and cases);`,
      `what only the new notice gives (title, notice number and date, reference date, deadlines, sources citing the notice) reads "待填": roster-screen rules check and roster-screen --rules refuse the file until each is filled.`,
      "The source file's own comments are unchanged and still name its years.",
    ],
  },
};

/**
 * A commented copy of a rule set to edit for the next round: the text is kept as written (with its
 * own comments); only the id changes, and comments are inserted above the fields — what each means,
 * each rule's citation, and ★ on what a new notice changes every year. Unchanged, it screens exactly
 * like the source.
 */
export function initCopyText(input: InitCopyInput): string {
  const t = T[input.lang];
  let text = input.text;
  // JSON has no comments: re-render it as YAML first (same data).
  if (/^\s*[[{]/.test(stripComments(text))) text = stringify(parseDocument(text).toJSON(), { lineWidth: 0 });
  if (input.year !== undefined) text = shiftRoundText(text, input.ruleSet, input.year);
  const doc = parseDocument(text, { merge: true });
  const lines = text.split('\n');
  const starts: number[] = [];
  let acc = 0;
  for (const l of lines) {
    starts.push(acc);
    acc += l.length + 1;
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const before = new Map<number, string[]>();
  const note = (p: IssuePath, comment: string[]) => {
    const offset = keyOffset(doc, p);
    if (offset === undefined || comment.length === 0) return;
    const line = lineOf(offset);
    const indent = /^\s*/.exec(lines[line]!)![0].replace(/-/g, ' ');
    const list = before.get(line) ?? [];
    list.push(...comment.map((c) => `${indent}# ${c}`));
    before.set(line, list);
  };
  const sep = input.lang === 'zh' ? '：' : ': ';
  const doc1 = (p: string, docText?: FieldDoc) => {
    const fd = docText ?? fieldDoc(p);
    return fd ? [`${fd.yearly ? `${t.yearly}${sep}` : ''}${fd[input.lang]}`] : [];
  };

  const rs = input.ruleSet;
  note(['title'], doc1('title'));
  note(['notice'], doc1('notice'));
  for (const k of ['number', 'title', 'issued']) note(['notice', k], doc1(`notice.${k}`));
  note(['round'], doc1('round'));
  for (const k of ['year', 'referenceDate', 'deadlines']) note(['round', k], doc1(`round.${k}`));
  rs.round.deadlines.forEach((dl, i) => note(['round', 'deadlines', i, 'date'], [`${t.yearly}${sep}${dl.label[input.lang]}`]));
  note(['common'], doc1('common'));
  note(['columns'], doc1('columns'));
  const columnIds = ((doc.toJS() as { columns?: { id?: unknown }[] }).columns ?? []).map((c) => String(c.id));
  const yearColumns = columnIds.filter((id) => /(19|20)\d{2}/.test(id));
  if (yearColumns.length) note(['columns'], [t.yearColumns(yearColumns)]);

  note(['rules'], doc1('rules'));
  rs.rules.forEach((rule, i) => {
    const kind = input.kinds.find((k) => k.index === i)?.kind;
    const head = [
      `── ${t.rule} ${rule.id}${input.lang === 'zh' ? `（${t.kind} ${rule.check}）` : ` (${t.kind} ${rule.check})`}${sep}${rule.description[input.lang]}`,
      `${t.source}${sep}${renderSources(rule.sources)[input.lang]}`,
    ];
    const dated = yearlyPaths(rule, rs.round.year);
    if (dated.length) head.push(t.mentions(dated));
    note(['rules', i], head);
    const params = Object.keys(rule.params);
    const raw = rawParams(doc, i);
    if (raw.length) {
      const lines2 = [t.params];
      for (const p of params.filter((x) => raw.includes(x))) {
        const pd = kind ? paramDocOf(kind.params, p) : undefined;
        const yearly = pd?.yearly || containsDate(rule.params[p]);
        lines2.push(`  ${p} — ${yearly ? '★ ' : ''}${pd ? pd[input.lang] : t.unknownParam}`);
      }
      if (kind === undefined) lines2.length = 0;
      note(['rules', i, 'params'], lines2);
    }
    rule.sources.forEach((s, j) => {
      if (s.doc === rs.notice.number) note(['rules', i, 'sources', j], [t.cites]);
    });
  });
  note(['cases'], doc1('cases'));

  // The new id, in place.
  const idNode = topValue(doc, 'id');
  if (idNode?.range) text = text.slice(0, idNode.range[0]) + input.newId + text.slice(idNode.range[1]);
  const out: string[] = [];
  const idLine = idNode?.range ? lineOf(idNode.range[0]) : -1;
  text.split('\n').forEach((line, n) => {
    for (const c of before.get(n) ?? []) out.push(c);
    if (n === idLine) out.push(...doc1('id').map((c) => `# ${c}`));
    out.push(line);
  });
  const header = input.year === undefined ? t.header(input) : [...t.header(input), ...t.shifted(rs.round.year, input.year)];
  return withHeader(out.join('\n'), input, header);
}

function withHeader(text: string, input: InitCopyInput, header: string[]): string {
  const modeline = input.schemaPath === undefined ? [] : [`# yaml-language-server: $schema=${input.schemaPath}`];
  const body = text.replace(/^# yaml-language-server: \$schema=.*\n/, '');
  const rule = `# ${'─'.repeat(78)}`;
  return [...modeline, rule, ...header.map((h) => `# ${h}`), rule, body].join('\n');
}

function stripComments(text: string): string {
  return text.replace(/^\s*#.*$/gm, '');
}

function topValue(doc: Document, key: string): Node | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  return isScalar(pair?.value) ? (pair.value) : undefined;
}

/** Offset of the key (or item) the path ends at, when it is written in the file. */
function keyOffset(doc: Document, path: IssuePath): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      offset = (pair.key as Node).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return undefined;
      offset = item.range?.[0];
      node = item;
    } else return undefined;
  }
  return offset;
}

function rawParams(doc: Document, index: number): string[] {
  const rules = isMap(doc.contents) ? doc.contents.get('rules', true) : undefined;
  const rule = isSeq(rules) ? rules.items[index] : undefined;
  const params = isMap(rule) ? rule.get('params', true) : undefined;
  return isMap(params) ? params.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter(Boolean) : [];
}

function containsDate(v: unknown): boolean {
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (Array.isArray(v)) return v.some(containsDate);
  if (v && typeof v === 'object') return Object.values(v).some(containsDate);
  return false;
}

/** Paths inside a rule (not its sources) holding a date or a year near the round's. */
function yearlyPaths(rule: Record<string, unknown>, year: number): string[] {
  const out = new Set<string>();
  const near = (n: number) => n >= year - 10 && n <= year + 2;
  const walk = (v: unknown, p: (string | number)[]) => {
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v) || [...v.matchAll(/(?<![\d〔[])((?:19|20)\d{2})(?![\d〕\]])/g)].some((m) => near(Number(m[1])))) out.add(formatPath(trim(p)));
    } else if (typeof v === 'number') {
      if (p[p.length - 1] === 'year' && near(v)) out.add(formatPath(trim(p)));
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  for (const [k, v] of Object.entries(rule)) if (k !== 'sources' && k !== 'note') walk(v, [k]);
  return [...out];
}

// `params.years[0].year` → `params.years`: one mention per list is enough.
function trim(p: (string | number)[]): (string | number)[] {
  const i = p.findIndex((s) => typeof s === 'number');
  return i > 0 ? p.slice(0, i) : p.slice(0, 3);
}

/** Where the copy's modeline should point: the bundled schema, relative to the output file. */
export function schemaPathFor(outFile: string, schemaFile: string): string {
  const rel = path.relative(path.dirname(path.resolve(outFile)), schemaFile).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
