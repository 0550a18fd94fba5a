import { readBundledText } from '../core/bundled-files.js';
import type { RuleSet } from '../rules/schema.js';
import { UserError } from '../core/user-error.js';
import { ruleSetError } from './issues.js';
import { bundledRuleSetIds, bundledSource, fileSource, readRuleSource, segmentsFor, type RuleSource } from './read-source.js';
import { checkShape } from './shape.js';
import { validateSource, type Validation } from './validate.js';

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  /** Where it came from: `bundled:<id>` or the path given. */
  origin: string;
  sha256: string;
}

export { bundledRuleSetIds };

/**
 * The one way a command gets its rule set. Without `ref`, the default bundled set (the build
 * validated it; see scripts/compile-rules.mjs). With `ref` (`--rules`, a file or a bundled id): read,
 * parse, shape, kinds' params and lint, refusing blocking errors with file:line pointers (exit 2).
 */
export async function loadRuleSet(ref?: string): Promise<LoadedRuleSet & { validation?: Validation }> {
  if (ref === undefined) return loadBundledRuleSet();
  return loadSourceChecked(readRuleSource(ref));
}

/** A rule source fully validated; throws a UserError listing every blocking error. */
export async function loadSourceChecked(src: RuleSource): Promise<LoadedRuleSet & { validation: Validation }> {
  const validation = await validateSource(src);
  if (validation.blocking.length || !validation.ruleSet) {
    const syntax = validation.blocking.some((e) => e.code === 'syntax');
    throw ruleSetError(src.origin, validation.blocking, syntax ? 'rules-syntax' : 'rules-invalid');
  }
  return { ruleSet: validation.ruleSet, origin: src.origin, sha256: src.sha256, validation };
}

/**
 * The default rule set is data, not code: the bundled set of the latest round (`round.year`, then
 * the id, decides).
 */
export function defaultRuleSetId(): string {
  const ids = bundledRuleSetIds();
  if (ids.length === 1) return ids[0]!;
  const year = (id: string) => loadBundledRuleSet(id).ruleSet.round.year;
  return ids.map((id) => ({ id, year: year(id) })).sort((a, b) => b.year - a.year || b.id.localeCompare(a.id))[0]!.id;
}

/**
 * A bundled rule set, synchronously: the build's checked JSON copy while its hash matches the YAML,
 * else the YAML through the shape stage (the tests' path; bundled.test.ts runs every stage on it).
 */
export function loadBundledRuleSet(id: string = defaultRuleSetId()): LoadedRuleSet {
  if (!bundledRuleSetIds().includes(id)) {
    throw new UserError('rules-unknown', {
      zh: `没有名为 "${id}" 的内置规则集。可用：${bundledRuleSetIds().join('、')}`,
      en: `No bundled rule set named "${id}". Available: ${bundledRuleSetIds().join(', ')}`,
    });
  }
  const src = bundledSource(id);
  const ruleSet = compiledRuleSet(id, src.sha256) ?? parseRuleSetText(src.text, src.origin);
  return { ruleSet, origin: src.origin, sha256: src.sha256 };
}

/**
 * The rule set a run used, read again from its origin (`bundled:<id>` or a path) for a later output.
 * The run validated it; the caller compares `sha256` to know it is the same text.
 */
export function reloadRuleSet(origin: string): LoadedRuleSet {
  if (origin.startsWith('bundled:')) return loadBundledRuleSet(origin.slice('bundled:'.length));
  const src = fileSource(origin);
  return { ruleSet: parseRuleSetText(src.text, src.origin), origin: src.origin, sha256: src.sha256 };
}

/**
 * Rule-set text through syntax and shape only (YAML is a superset of JSON, so both work); errors
 * point at file, line and field. For trusted text: a user's file goes through loadRuleSet.
 */
export function parseRuleSetText(text: string, origin: string): RuleSet {
  const shape = checkShape(text, segmentsFor(text, origin));
  if (shape.ruleSet) return shape.ruleSet;
  throw ruleSetError(origin, shape.errors, shape.syntax ? 'rules-syntax' : 'rules-invalid');
}

// The build's JSON copy of a bundled rule set (scripts/compile-rules.mjs), used only while its hash
// matches the YAML and the build found it valid at every stage (`validated`); else null.
function compiledRuleSet(id: string, hash: string): RuleSet | null {
  let compiled: { sha256?: string; validated?: boolean; data?: unknown };
  try {
    compiled = JSON.parse(readBundledText(`dist/rule-sets/${id}.json`)) as typeof compiled;
  } catch {
    return null;
  }
  return compiled.sha256 === hash && compiled.validated === true ? (compiled.data as RuleSet) : null;
}
