import type { Localized } from '../core/types.js';
import type { CheckKind, FieldNeeds } from '../rules/check-kind.js';
import { checkKindNames, isCheckKindName, loadCheckKind } from '../rules/checks/index.js';
import type { RuleSet } from '../rules/schema.js';
import type { IssuePath } from './issues.js';
import { localizeIssues, suggest } from './zod-messages.js';

/** What the second stage learnt about one rule; `kind` is missing when the kind name is unknown. */
export interface KindInfo {
  index: number;
  kind?: CheckKind;
  /** Params after the kind's schema (defaults filled), when they are valid. */
  params?: unknown;
  needs?: FieldNeeds;
}

export interface StageProblem {
  level: 'error' | 'warning';
  code: string;
  path: IssuePath;
  message: Localized;
}

/** Outcomes the engine itself reports for any rule (a core column missing from the roster). */
const ENGINE_OUTCOMES = ['missing-column'];

/**
 * Second stage, collecting every problem with its path: the kind exists, params fit its schema and
 * every outcome it can emit has a severity and a message, every column it
 * reads is declared. Problems of disabled rules are warnings. prepareRules refuses any error here.
 */
export async function checkKinds(rs: RuleSet): Promise<{ problems: StageProblem[]; kinds: KindInfo[] }> {
  const problems: StageProblem[] = [];
  const kinds: KindInfo[] = [];
  const columns = new Set(rs.columns.map((c) => c.id));
  // The kinds' modules load side by side.
  const loaded = await Promise.all(rs.rules.map((def) => (isCheckKindName(def.check) ? loadCheckKind(def.check) : Promise.resolve(undefined))));
  for (const [index, def] of rs.rules.entries()) {
    const level = def.enabled ? 'error' : 'warning';
    const base = ['rules', index] as const;
    const push = (code: string, path: IssuePath, message: Localized, lvl: StageProblem['level'] = level) => problems.push({ level: lvl, code, path, message });
    if (!isCheckKindName(def.check)) {
      const hint = suggest(def.check, checkKindNames);
      push('unknown-kind', [...base, 'check'], {
        zh: `未知的检查类型 "${def.check}"${hint ? `（是否应为 "${hint}"？）` : `；可用的检查类型：${checkKindNames.join('、')}`}`,
        en: `unknown check kind "${def.check}"${hint ? ` (did you mean "${hint}"?)` : `; the check kinds are: ${checkKindNames.join(', ')}`}`,
      });
      kinds.push({ index });
      continue;
    }
    const kind = loaded[index]!;
    const info: KindInfo = { index, kind };
    kinds.push(info);
    const parsed = kind.params.safeParse(def.params, { reportInput: true });
    if (!parsed.success) {
      for (const p of localizeIssues(parsed.error.issues, kind.params)) push(p.code === 'required' ? 'required' : 'bad-params', [...base, 'params', ...p.path], p.message);
    } else {
      info.params = parsed.data;
      info.needs = kind.reads(parsed.data);
      const read = [...info.needs.required, ...info.needs.optional, ...(info.needs.anyOf ?? []).flat(), ...(info.needs.each ?? [])];
      for (const f of new Set(read)) {
        if (columns.has(f)) continue;
        const hint = suggest(f, [...columns]);
        push('undeclared-column', [...base, 'params', ...(pathOfValue(def.params, f) ?? [])], {
          zh: `引用了未声明的列 "${f}"${hint ? `（是否应为 "${hint}"？）` : ''}；请在 columns 中声明，或改用已有的列`,
          en: `reads undeclared column "${f}"${hint ? ` (did you mean "${hint}"?)` : ''}; declare it under columns or use an existing one`,
        });
      }
    }
    // Some kinds take outcome names from params (vocabulary's `otherwise`, `blank`, `outcomes[].outcome`).
    // The kind may say so itself (outcomesFor); outcome names found in params are added for kinds that do not.
    const named = info.params === undefined ? [] : [...(kind.outcomesFor?.(info.params) ?? []), ...paramOutcomes(info.params)];
    for (const outcome of new Set([...kind.outcomes, ...named])) {
      if (def.outcomes[outcome] || rs.common[outcome]) continue;
      push('missing-outcome', [...base, 'outcomes'], {
        zh: `缺少结果 "${outcome}" 的级别和提示语（severity、message）；本规则可能报告它`,
        en: `missing severity and message for outcome "${outcome}", which this rule can report`,
      });
    }
    const known = [...kind.outcomes, ...named, ...ENGINE_OUTCOMES];
    for (const outcome of Object.keys(def.outcomes)) {
      if (known.includes(outcome)) continue;
      const hint = suggest(outcome, [...kind.outcomes, ...named]);
      push(
        'unused-outcome',
        [...base, 'outcomes', outcome],
        {
          zh: `本规则不会报告结果 "${outcome}"${hint ? `（是否应为 "${hint}"？）` : ''}；可能的结果有：${[...kind.outcomes, ...named].join('、') || '（由参数指定）'}`,
          en: `this rule never reports "${outcome}"${hint ? ` (did you mean "${hint}"?)` : ''}; its outcomes: ${[...kind.outcomes, ...named].join(', ') || '(named in params)'}`,
        },
        'warning',
      );
    }
  }
  for (const outcome of ENGINE_OUTCOMES) {
    if (rs.common[outcome]) continue;
    const lacking = rs.rules.filter((r) => r.enabled && !r.outcomes[outcome]).map((r) => r.id);
    if (lacking.length === 0) continue;
    problems.push({
      level: 'error',
      code: 'missing-outcome',
      path: ['common'],
      message: {
        zh: `common 中缺少 "${outcome}"（花名册缺列时的提示）；规则 ${lacking.slice(0, 5).join('、')}${lacking.length > 5 ? ' 等' : ''} 也未单独声明`,
        en: `common lacks "${outcome}" (the message for a missing roster column), and rules ${lacking.slice(0, 5).join(', ')}${lacking.length > 5 ? ' …' : ''} do not declare it`,
      },
    });
  }
  return { problems, kinds };
}

const OUTCOME_PARAMS = new Set(['otherwise', 'blank', 'outcome']);

/** Outcome names a rule's params choose (vocabulary, keyword-flag, specialty …). */
function paramOutcomes(v: unknown, out: Set<string> = new Set()): string[] {
  if (Array.isArray(v)) for (const x of v) paramOutcomes(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (OUTCOME_PARAMS.has(k) && typeof x === 'string') out.add(x);
      else paramOutcomes(x, out);
    }
  }
  return [...out];
}

/** Path of the first string equal to `value` inside params (to point at the parameter naming a column). */
function pathOfValue(v: unknown, value: string, path: (string | number)[] = []): (string | number)[] | undefined {
  if (v === value) return path;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const hit = pathOfValue(x, value, [...path, i]);
      if (hit) return hit;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const hit = pathOfValue(x, value, [...path, k]);
      if (hit) return hit;
    }
  }
  return undefined;
}
