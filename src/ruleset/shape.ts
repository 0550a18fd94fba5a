import type { Document, YAMLError } from 'yaml';
import type { Localized } from '../core/types.js';
import { isValidIso } from '../normalize/iso-date.js';
import { RuleSetSchema, type RuleSet } from '../rules/schema.js';
import type { IssuePath, RuleIssue } from './issues.js';
import { SourceLocator, type Segment } from './locate.js';
import { localizeIssues } from './zod-messages.js';
import { PLACEHOLDER_MESSAGE, placeholderPaths } from './placeholders.js';
import { yamlLib } from './yaml-lib.js';

export interface ShapeResult {
  /** Set when the text parsed and fits the schema, with no errors at all. */
  ruleSet?: RuleSet;
  /** Set when the text fits the schema (there may still be calendar-date errors). */
  fits?: RuleSet;
  /** The parsed data, whatever its shape (undefined after a syntax error). */
  data: unknown;
  doc?: Document;
  /** Syntax or schema errors; `syntax` tells which. */
  errors: RuleIssue[];
  syntax: boolean;
  locator: SourceLocator;
}

/**
 * First stage of validation: YAML/JSON syntax, then the zod shape, then calendar dates. Every issue
 * carries the file, line and field it is about. Synchronous: `--rules` and the bundled loader use it.
 */
export function checkShape(text: string, segments: Segment[]): ShapeResult {
  // YAML 1.2 reads JSON too. Merge keys (`<<: *base`) let test cases share a base applicant.
  const doc = yamlLib().parseDocument(text, { merge: true, prettyErrors: false, uniqueKeys: true });
  const locator = new SourceLocator(text, doc, segments);
  const at = (path: IssuePath, code: string, message: Localized): RuleIssue => ({ code, path, message, ...placeOf(locator, path) });

  if (doc.errors.length) {
    // After the first syntax error the parser loses its footing: the rest are mostly echoes of it.
    const errors: RuleIssue[] = [];
    for (const e of doc.errors) {
      const issue = syntaxIssue(e, locator);
      if (errors.length < 3 && !errors.some((x) => x.file === issue.file && x.line === issue.line)) errors.push(issue);
    }
    return { data: undefined, doc, errors, syntax: true, locator };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // yaml refuses a document whose aliases expand beyond the limit (a "billion laughs" bomb).
    if (!(err instanceof ReferenceError)) throw err;
    const message = {
      zh: '文件中的引用（*名称）展开后过多（可能是恶意构造的"别名炸弹"），拒绝读取。规则集不需要层层嵌套的引用，请删去这些引用后重试',
      en: 'the aliases (*name) in the file expand too much (possibly a malicious "alias bomb"); it is refused. A rule set needs no nested aliases: remove them and retry',
    };
    return { data: undefined, doc, errors: [at([], 'alias-bomb', message)], syntax: true, locator };
  }
  if (data === null || data === undefined) {
    return { data, doc, errors: [at([], 'empty', { zh: '文件是空的，没有规则集内容', en: 'the file is empty' })], syntax: false, locator };
  }
  // A copy made by `rules init --year` is not a rule set until what only the new notice gives is filled.
  const unfilled = placeholderPaths(data);
  if (unfilled.length) {
    return { data, doc, errors: unfilled.map((p) => at(p, 'placeholder', PLACEHOLDER_MESSAGE)), syntax: false, locator };
  }
  const parsed = RuleSetSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const errors = localizeIssues(parsed.error.issues, RuleSetSchema).map((p) => at(p.path, p.code, p.message));
    return { data, doc, errors, syntax: false, locator };
  }
  const errors = badDates(parsed.data).map((path) => at(path, 'bad-date', { zh: '不是有效的日期（该月没有这一天）', en: 'not a real calendar date' }));
  return { ruleSet: errors.length ? undefined : parsed.data, fits: parsed.data, data, doc, errors, syntax: false, locator };
}

export function placeOf(locator: SourceLocator, path: IssuePath): Pick<RuleIssue, 'file' | 'line' | 'col' | 'offset'> {
  const place = locator.place(path);
  return place ?? { file: locator.placeLine(1, 1).file };
}

const YAML_WORDS: Record<string, Localized> = {
  DUPLICATE_KEY: { zh: '同一层级出现了重复的字段名', en: 'a field name appears twice at the same level' },
  BAD_INDENT: { zh: '缩进不正确（同一层级的字段须左对齐，用空格缩进）', en: 'bad indentation (fields of one level line up; indent with spaces)' },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进，请改用空格', en: 'tabs cannot indent YAML; use spaces' },
  MISSING_CHAR: { zh: '缺少配对的括号或引号', en: 'a closing bracket or quote is missing' },
  MULTILINE_IMPLICIT_KEY: { zh: '字段名后缺少冒号，或上一行的值未结束', en: 'a colon is missing after a field name, or the previous value is unfinished' },
  BLOCK_AS_IMPLICIT_KEY: { zh: '字段名后缺少冒号', en: 'a colon is missing after a field name' },
  UNEXPECTED_TOKEN: {
    zh: '此处有多余的字符；含有 { } [ ] , : # 等符号的文字须用引号括起来',
    en: 'unexpected characters here; text containing { } [ ] , : # must be quoted',
  },
  BAD_ALIAS: { zh: '引用（*名称）没有对应的锚点（&名称）', en: 'an alias (*name) has no anchor (&name)' },
  MULTIPLE_DOCS: { zh: '文件中只能有一个规则集（不要用 ---）', en: 'the file must hold one rule set (no ---)' },
};

function syntaxIssue(e: YAMLError, locator: SourceLocator): RuleIssue {
  const place = locator.placeOffset(e.pos[0]);
  const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const known = YAML_WORDS[e.code];
  return {
    code: 'syntax',
    path: [],
    file: place.file,
    line: place.line,
    col: place.col,
    offset: place.offset,
    message: known ? { zh: `语法错误：${known.zh}（${first}）`, en: `syntax error: ${known.en} (${first})` } : { zh: `语法错误：${first}`, en: `syntax error: ${first}` },
  };
}

// YYYY-MM-DD strings the regex lets through but the calendar does not (2024-02-30). Test cases are
// skipped: an applicant's cell text may be a wrong date on purpose.
function badDates(rs: RuleSet): IssuePath[] {
  const out: IssuePath[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isValidIso(v)) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  for (const [k, v] of Object.entries(rs)) if (k !== 'cases') walk(v, [k]);
  return out;
}
