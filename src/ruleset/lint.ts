import { WorkingCalendar } from '../calendar/working-days.js';
import type { Localized } from '../core/types.js';
import { normalizeHeader } from '../normalize/text.js';
import type { RuleSet } from '../rules/schema.js';
import type { IssuePath } from './issues.js';
import type { KindInfo, StageProblem } from './kinds-stage.js';

// Third stage: what fits the schema and the kinds but is still wrong or suspicious for a round —
// the mistakes a copy of last year's file invites. Each rule is a plain function pushing problems.
type Lint = (rs: RuleSet, kinds: KindInfo[], push: Push) => void;
type Push = (level: StageProblem['level'], code: string, path: IssuePath, message: Localized) => void;

/** Kinds that judge from a list given at run time (`--integrity`), which a test case cannot carry. */
const NEEDS_LISTS = ['integrity-record'];

/** Kinds whose `years` are the continuing-education (CPD) years of the round. */
const CPD_KINDS = ['min-hours-per-year', 'hours-split'];

const duplicateIds: Lint = (rs, _k, push) => {
  const dup = (items: { id: string }[], path: string[], what: Localized, level: StageProblem['level'] = 'error') => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else {
        push(level, 'duplicate-id', [...path, i, level === 'error' ? 'id' : 'name'], {
          zh: `${what.zh}${level === 'error' ? '编号' : '名称'} "${item.id}" 重复（与 ${path.join('.')}[${first}] 相同）`,
          en: `duplicate ${what.en} ${level === 'error' ? 'id' : 'name'} "${item.id}" (same as ${path.join('.')}[${first}])`,
        });
      }
    });
  };
  dup(rs.rules, ['rules'], { zh: '规则', en: 'rule' });
  dup(rs.columns, ['columns'], { zh: '列', en: 'column' });
  dup(rs.round.deadlines, ['round', 'deadlines'], { zh: '截止时间', en: 'deadline' });
  dup(
    rs.cases.map((c) => ({ id: c.name })),
    ['cases'],
    { zh: '测试用例', en: 'case' },
    'warning',
  );
};

const duplicateAliases: Lint = (rs, _k, push) => {
  const owner = new Map<string, string>();
  rs.columns.forEach((c, ci) => {
    [c.label.zh, ...c.aliases].forEach((alias, ai) => {
      const key = normalizeHeader(alias);
      const first = owner.get(key);
      if (first !== undefined && first !== c.id) {
        push('warning', 'duplicate-alias', ai === 0 ? ['columns', ci, 'label', 'zh'] : ['columns', ci, 'aliases', ai - 1], {
          zh: `表头 "${alias}" 已是列 ${first} 的名称，花名册中的该表头会归入 ${first}，不会归入 ${c.id}`,
          en: `header "${alias}" already names column ${first}; a roster header "${alias}" goes to ${first}, never to ${c.id}`,
        });
      } else owner.set(key, c.id);
    });
  });
};

const deadlineOrder: Lint = (rs, _k, push) => {
  const ds = rs.round.deadlines;
  ds.forEach((d, i) => {
    const prev = ds[i - 1];
    if (prev && d.date < prev.date) {
      push('error', 'deadline-order', ['round', 'deadlines', i, 'date'], {
        zh: `截止时间顺序颠倒："${d.label.zh}" ${d.date} 早于上一步 "${prev.label.zh}" ${prev.date}；是否漏改了日期？`,
        en: `deadlines out of order: "${d.label.en}" ${d.date} is before the previous step "${prev.label.en}" ${prev.date}; was a date left unchanged?`,
      });
    }
    if (d.date < rs.notice.issued) {
      push('warning', 'deadline-before-notice', ['round', 'deadlines', i, 'date'], {
        zh: `截止时间 ${d.date} 早于通知印发日期 ${rs.notice.issued}`,
        en: `deadline ${d.date} is before the notice was issued (${rs.notice.issued})`,
      });
    }
  });
  if (rs.round.referenceDate < rs.notice.issued) {
    push('warning', 'reference-before-notice', ['round', 'referenceDate'], {
      zh: `核验基准日 ${rs.round.referenceDate} 早于通知印发日期 ${rs.notice.issued}`,
      en: `reference date ${rs.round.referenceDate} is before the notice was issued (${rs.notice.issued})`,
    });
  }
};

const unknownDeadlines: Lint = (rs, kinds, push) => {
  const ids = rs.round.deadlines.map((d) => d.id);
  for (const k of kinds) {
    const params = rs.rules[k.index]!.params;
    const ref = params['deadline'];
    if (typeof ref === 'string' && !ids.includes(ref)) {
      push('error', 'unknown-deadline', ['rules', k.index, 'params', 'deadline'], {
        zh: `round.deadlines 中没有编号为 "${ref}" 的截止时间（已有：${ids.join('、')}）`,
        en: `round.deadlines has no deadline "${ref}" (known: ${ids.join(', ')})`,
      });
    }
  }
};

// Column references inside `columns`: the deadline a stage column waits for, the fields a combined
// header holds. A typo there would silently turn the waiting or the split off.
const columnReferences: Lint = (rs, _k, push) => {
  const deadlines = rs.round.deadlines.map((d) => d.id);
  const ids = new Set(rs.columns.map((c) => c.id));
  rs.columns.forEach((c, ci) => {
    if (c.waitsFor !== undefined && !deadlines.includes(c.waitsFor)) {
      push('error', 'unknown-deadline', ['columns', ci, 'waitsFor'], {
        zh: `round.deadlines 中没有编号为 "${c.waitsFor}" 的截止时间（已有：${deadlines.join('、')}）`,
        en: `round.deadlines has no deadline "${c.waitsFor}" (known: ${deadlines.join(', ')})`,
      });
    }
    c.combines?.fields.forEach((f, fi) => {
      if (ids.has(f) && f !== c.id) return;
      push('error', 'unknown-column', ['columns', ci, 'combines', 'fields', fi], {
        zh: f === c.id ? `列 ${c.id} 不能由它自己组成` : `combines.fields 中的 "${f}" 不是已声明的列编号`,
        en: f === c.id ? `column ${c.id} cannot combine itself` : `"${f}" in combines.fields is not a declared column id`,
      });
    });
  });
};

// `years: [{ year, field … }]` in params: CPD hours and annual assessments of the last years.
const roundYears: Lint = (rs, kinds, push) => {
  for (const k of kinds) {
    const rule = rs.rules[k.index]!;
    const years = rule.params['years'];
    if (!Array.isArray(years) || years.length === 0) continue;
    const list = years.map((y: unknown) => (y && typeof y === 'object' ? (y as Record<string, unknown>) : {}));
    const nums = list.map((y) => y['year']).filter((n): n is number => typeof n === 'number');
    if (nums.length !== list.length) continue;
    const last = Math.max(...nums);
    const cpd = CPD_KINDS.includes(rule.check);
    if (last !== rs.round.year) {
      push(cpd ? 'error' : 'warning', 'round-years', ['rules', k.index, 'params', 'years'], {
        zh: `${cpd ? '继续教育' : ''}年份 ${nums.join('、')} 应以评审年度 ${rs.round.year} 结束（round.year）；是否漏改？`,
        en: `${cpd ? 'CPD ' : ''}years ${nums.join(', ')} should end with the round year ${rs.round.year} (round.year); left unchanged?`,
      });
    }
    nums.forEach((n, i) => {
      if (i > 0 && n !== nums[i - 1]! + 1) {
        push('warning', 'years-gap', ['rules', k.index, 'params', 'years', i, 'year'], {
          zh: `年份 ${nums[i - 1]} 之后是 ${n}，不连续`,
          en: `year ${n} does not follow ${nums[i - 1]}`,
        });
      }
    });
    list.forEach((y, i) => {
      for (const [key, v] of Object.entries(y)) {
        if (key === 'year' || typeof v !== 'string') continue;
        const inName = /(19|20)\d{2}/.exec(v)?.[0];
        if (inName && Number(inName) !== y['year']) {
          push('error', 'year-column', ['rules', k.index, 'params', 'years', i, key], {
            zh: `年份 ${String(y['year'])} 读取的列 "${v}" 属于 ${inName} 年`,
            en: `year ${String(y['year'])} reads column "${v}", which is for ${inName}`,
          });
        }
      }
    });
  }
};

// Texts and dates that still name an earlier round after a copy.
const staleYears: Lint = (rs, _k, push) => {
  const year = rs.round.year;
  const mention = (s: string) => [...s.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  for (const lang of ['zh', 'en'] as const) {
    const other = mention(rs.title[lang]).find((y) => y !== year);
    if (other !== undefined) {
      push('warning', 'stale-year', ['title', lang], {
        zh: `标题写的是 ${other} 年，评审年度（round.year）是 ${year}`,
        en: `the title says ${other}; the round year (round.year) is ${year}`,
      });
    }
  }
  const idYear = mention(rs.id).find((y) => y !== year);
  if (idYear !== undefined) {
    push('warning', 'stale-year', ['round', 'year'], {
      zh: `规则集编号 ${rs.id} 写的是 ${idYear} 年，评审年度（round.year）是 ${year}；是否漏改？`,
      en: `the rule set id ${rs.id} says ${idYear}; the round year (round.year) is ${year}; left unchanged?`,
    });
  }
  if (Number(rs.notice.issued.slice(0, 4)) < year) {
    push('warning', 'stale-year', ['notice', 'issued'], {
      zh: `通知印发日期 ${rs.notice.issued} 早于评审年度 ${year}`,
      en: `the notice date ${rs.notice.issued} is before the round year ${year}`,
    });
  }
  const dated: [IssuePath, string][] = [[['round', 'referenceDate'], rs.round.referenceDate]];
  rs.round.deadlines.forEach((d, i) => dated.push([['round', 'deadlines', i, 'date'], d.date]));
  rs.rules.forEach((r, i) => walkDates(r.params, ['rules', i, 'params'], dated));
  for (const [path, date] of dated) {
    if (Number(date.slice(0, 4)) < year) {
      push('warning', 'stale-date', path, {
        zh: `日期 ${date} 早于评审年度 ${year}；新一轮的日期是否已更新？`,
        en: `date ${date} is before the round year ${year}; was it updated for this round?`,
      });
    }
  }
};

// Working days (the publicity's 5) are counted on the State Council's calendar; a year it lacks is
// counted Monday–Friday with a warning per applicant. Say so once, when the rule file is checked.
const calendarYears: Lint = (rs, _k, push) => {
  const calendar = WorkingCalendar.official();
  const dated: [IssuePath, string][] = [
    [['notice', 'issued'], rs.notice.issued],
    [['round', 'referenceDate'], rs.round.referenceDate],
  ];
  rs.round.deadlines.forEach((d, i) => dated.push([['round', 'deadlines', i, 'date'], d.date]));
  rs.rules.forEach((r, i) => walkDates(r.params, ['rules', i, 'params'], dated));
  const told = new Set<number>();
  const known = `${calendar.knownYears[0]!}–${calendar.knownYears[calendar.knownYears.length - 1]!}`;
  for (const [path, date] of dated) {
    const year = Number(date.slice(0, 4));
    if (calendar.isKnownYear(year) || told.has(year)) continue;
    told.add(year);
    push('warning', 'calendar-year', path, {
      zh: `日期 ${date}：节假日日历没有 ${year} 年（现有 ${known} 年），该年的工作日将按周一至周五计算并逐人提示；请按 docs/next-year-rules.md 添加该年的国务院节假日安排`,
      en: `date ${date}: the holiday calendar has no ${year} (it holds ${known}); working days in that year are counted Monday to Friday, with a warning per applicant; add that year's State Council schedule (docs/next-year-rules.md)`,
    });
  }
};

function walkDates(v: unknown, path: (string | number)[], out: [IssuePath, string][]): void {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => walkDates(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walkDates(x, [...path, k], out);
}

const messages: Lint = (rs, _k, push) => {
  const check = (path: IssuePath, m: Localized) => {
    for (const lang of ['zh', 'en'] as const) {
      const text = m[lang];
      const open = (text.match(/\{/g) ?? []).length;
      const close = (text.match(/\}/g) ?? []).length;
      if (open !== close) {
        push('warning', 'message-braces', [...path, 'message', lang], {
          zh: `提示语中的 { } 不成对：${text}`,
          en: `unbalanced { } in the message: ${text}`,
        });
      }
    }
  };
  for (const [key, o] of Object.entries(rs.common)) check(['common', key], o.message);
  rs.rules.forEach((r, i) => {
    for (const [key, o] of Object.entries(r.outcomes)) check(['rules', i, 'outcomes', key], o.message);
  });
};

const cases: Lint = (rs, kinds, push) => {
  const ruleIds = new Set(rs.rules.map((r) => r.id));
  const columns = new Set(rs.columns.map((c) => c.id));
  rs.cases.forEach((c, i) => {
    c.expect.rules.forEach((id, j) => {
      if (!ruleIds.has(id)) {
        push('error', 'case-unknown-rule', ['cases', i, 'expect', 'rules', j], {
          zh: `测试用例引用了不存在的规则 "${id}"`,
          en: `the case names rule "${id}", which does not exist`,
        });
      }
    });
    for (const key of Object.keys(c.applicant)) {
      if (!columns.has(key)) {
        push('error', 'case-unknown-column', ['cases', i, 'applicant', key], {
          zh: `测试用例使用了未声明的列 "${key}"`,
          en: `the case uses column "${key}", which is not declared`,
        });
      }
    }
  });
  // One-applicant cases cannot show cross-applicant kinds (duplicates), nor kinds that need data a
  // case does not carry (the integrity list: those declare `unavailable`; the row's state in the sheet).
  const covered = new Set(rs.cases.flatMap((c) => c.expect.rules));
  const untested = kinds.filter((k) => {
    const r = rs.rules[k.index]!;
    return r.enabled && k.kind?.type === 'row' && !k.kind.unavailable && !k.kind.readsSheetState && !NEEDS_LISTS.includes(r.check) && !covered.has(r.id);
  });
  for (const k of untested) {
    push('warning', 'rule-without-case', ['rules', k.index, 'id'], {
      zh: `规则 ${rs.rules[k.index]!.id} 没有测试用例（cases 中没有期望它报告问题的用例）`,
      en: `rule ${rs.rules[k.index]!.id} has no test case (no case expects it to report)`,
    });
  }
};

export const LINTS: readonly Lint[] = [duplicateIds, duplicateAliases, deadlineOrder, unknownDeadlines, columnReferences, roundYears, staleYears, calendarYears, messages, cases];

/** The lints whose errors the engine would trip on at run time (a rule set built in code gets only these). */
export const ENGINE_LINTS: readonly Lint[] = [duplicateIds, unknownDeadlines];

export function lintRuleSet(rs: RuleSet, kinds: KindInfo[], lints: readonly Lint[] = LINTS): StageProblem[] {
  const out: StageProblem[] = [];
  const push: Push = (level, code, path, message) => out.push({ level, code, path, message });
  for (const lint of lints) lint(rs, kinds, push);
  return out;
}
