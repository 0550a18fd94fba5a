import type { Localized } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { createCheck, type CheckKind, type CreatedCheck, type FieldNeeds } from './check-kind.js';
import { isCheckKindName, loadCheckKind } from './checks/index.js';
import { renderSources } from './citation.js';
import type { RuleDef, RuleSet } from './schema.js';
import { PARSE_ONCE } from '../core/parse-once.js';

export interface PreparedRule {
  def: RuleDef;
  kind: CheckKind;
  params: unknown;
  needs: FieldNeeds;
  source: Localized;
  /** The kind's `create` applied to the params: what the engine runs. */
  created: CreatedCheck;
}

/**
 * Second stage of rule-set validation (after the zod shape): each rule's kind exists, its params fit
 * the kind's schema, every outcome the kind can emit has a severity and message, and every column it
 * reads is declared.
 */
export async function prepareRules(ruleSet: RuleSet): Promise<PreparedRule[]> {
  const columns = new Set(ruleSet.columns.map((c) => c.id));
  const prepared: PreparedRule[] = [];
  // The kinds' modules load side by side (one by one, each await waited for its file).
  const kinds = await Promise.all(ruleSet.rules.map((def) => (def.enabled && isCheckKindName(def.check) ? loadCheckKind(def.check) : null)));
  for (const [index, def] of ruleSet.rules.entries()) {
    if (!def.enabled) continue;
    const where = `rules[${index}] (${def.id})`;
    const kind = kinds[index];
    if (!kind) throw ruleError(ruleSet, `${where}.check`, `未知的检查类型 "${def.check}"`, `unknown check kind "${def.check}"`);
    const parsed = kind.params.safeParse(def.params, PARSE_ONCE);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [`${where}.params`, ...(issue?.path ?? []).map(String)].join('.');
      throw ruleError(ruleSet, path, issue?.message ?? '参数无效', issue?.message ?? 'invalid params');
    }
    for (const outcome of kind.outcomesFor?.(parsed.data) ?? kind.outcomes) {
      if (!def.outcomes[outcome] && !ruleSet.common[outcome]) {
        throw ruleError(ruleSet, `${where}.outcomes`, `缺少结果 "${outcome}" 的级别和提示语`, `missing severity and message for outcome "${outcome}"`);
      }
    }
    const problem = kind.validate?.(parsed.data, ruleSet) ?? null;
    if (problem) throw ruleError(ruleSet, `${where}.params`, problem, problem);
    const needs = kind.reads(parsed.data);
    for (const f of [...needs.required, ...needs.optional, ...(needs.anyOf ?? []).flat()]) {
      if (!columns.has(f)) throw ruleError(ruleSet, `${where}.params`, `引用了未声明的列 "${f}"`, `reads undeclared column "${f}"`);
    }
    prepared.push({ def, kind, params: parsed.data, needs, source: renderSources(def.sources), created: createCheck(kind, parsed.data, ruleSet) });
  }
  return prepared;
}

function ruleError(ruleSet: RuleSet, path: string, zh: string, en: string): UserError {
  return new UserError('rules-invalid', {
    zh: `规则集 ${ruleSet.id} 有误：${path}：${zh}`,
    en: `Rule set ${ruleSet.id} is invalid: ${path}: ${en}`,
  });
}
