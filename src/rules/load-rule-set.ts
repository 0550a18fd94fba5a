import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/user-error.js';
import { ruleSetError } from '../rulekit/issues.js';
import { checkShape } from '../rulekit/shape.js';
import { segmentsFor } from '../rulekit/source.js';
import { RuleSetSchema, type RuleSet } from './schema.js';
import { PARSE_ONCE } from '../core/parse-once.js';

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  /** Where it came from: `bundled:<id>` or the path given. */
  origin: string;
  sha256: string;
}

export const DEFAULT_RULE_SET = 'zj-2023-zhenggao';

const bundledDir = fileURLToPath(new URL('../../rules/', import.meta.url));

export function bundledRuleSetIds(): string[] {
  return readdirSync(bundledDir)
    .filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))
    .map((f) => f.replace(/\.yaml$/, ''));
}

export function loadBundledRuleSet(id: string = DEFAULT_RULE_SET): LoadedRuleSet {
  if (!bundledRuleSetIds().includes(id)) {
    throw new UserError('rules-unknown', {
      zh: `没有名为 "${id}" 的内置规则集。可用：${bundledRuleSetIds().join('、')}`,
      en: `No bundled rule set named "${id}". Available: ${bundledRuleSetIds().join(', ')}`,
    });
  }
  const text = readFileSync(`${bundledDir}${id}.yaml`, 'utf8');
  const hash = sha256(text);
  const ruleSet = compiledRuleSet(id, hash) ?? parseRuleSetText(text, `bundled:${id}`);
  return { ruleSet, origin: `bundled:${id}`, sha256: hash };
}

/**
 * Parses and validates rule-set text (YAML is a superset of JSON, so both work). Errors point at the
 * file, line and field (`rules.yaml:42 rules[7].params.minHours: 应为数字`), in zh and en.
 */
export function parseRuleSetText(text: string, origin: string): RuleSet {
  const shape = checkShape(text, [{ file: origin, startLine: 1, fileLine: 1 }]);
  if (shape.ruleSet) return shape.ruleSet;
  // Only on failure: map the bundled set's lines back to its file.
  const located = origin.startsWith('bundled:') ? checkShape(text, segmentsFor(text, origin)) : shape;
  throw ruleSetError(origin, located.errors, located.syntax ? 'rules-syntax' : 'rules-invalid');
}

const compiledDir = fileURLToPath(new URL('../rule-sets/', import.meta.url));

// The build's JSON copy of a bundled rule set (scripts/compile-rules.mjs), used only while its hash
// matches the YAML; anything else falls back to parsing the YAML, with its pointed errors. A copy
// the build validated (`validated`) is zod's own output and is used as is.
function compiledRuleSet(id: string, hash: string): RuleSet | null {
  let compiled: { sha256?: string; validated?: boolean; data?: unknown };
  try {
    compiled = JSON.parse(readFileSync(`${compiledDir}${id}.json`, 'utf8')) as typeof compiled;
  } catch {
    return null;
  }
  if (compiled.sha256 !== hash) return null;
  if (compiled.validated === true) return compiled.data as RuleSet;
  const parsed = RuleSetSchema.safeParse(compiled.data, PARSE_ONCE);
  return parsed.success ? parsed.data : null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A rule-set file's text; a missing or unreadable file is a UserError naming it. */
export function readRuleSetFileText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError('rules-missing', {
      zh: `无法读取规则集文件 "${file}"（${code}）。请检查路径。`,
      en: `Cannot read rule set file "${file}" (${code}). Check the path.`,
    });
  }
}

/** A user-supplied rule set (`--rules FILE`), YAML or JSON. */
export function loadRuleSetFile(file: string): LoadedRuleSet {
  const text = readRuleSetFileText(file);
  return { ruleSet: parseRuleSetText(text, file), origin: file, sha256: sha256(text) };
}
