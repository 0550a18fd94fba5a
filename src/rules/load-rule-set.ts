import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/user-error.js';
import { ruleSetError } from '../rulekit/issues.js';
import { checkShape } from '../rulekit/shape.js';
import { segmentsFor } from '../rulekit/source.js';
import type { RuleSet } from './schema.js';

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
  let text = readFileSync(`${bundledDir}${id}.yaml`, 'utf8');
  // TEMPORARY (development): rules being written in parallel live in rules/<id>.parts/*.yaml and are
  // appended to the rules list here (before the file's own top-level `cases:`, when it has them);
  // they are folded into the one rule-set file before release.
  text = withParts(text, partsText(id));
  return { ruleSet: parseRuleSetText(text, `bundled:${id}`), origin: `bundled:${id}`, sha256: sha256(text) };
}

/**
 * Parses and validates rule-set text (YAML is a superset of JSON, so both work). Errors point at the
 * file, line and field (`rules.yaml:42 rules[7].params.minHours: 应为数字`), in zh and en.
 */
export function parseRuleSetText(text: string, origin: string): RuleSet {
  const shape = checkShape(text, [{ file: origin, startLine: 1, fileLine: 1 }]);
  if (shape.ruleSet) return shape.ruleSet;
  // Only on failure: find the bundled set's part files again so lines point into them.
  const located = origin.startsWith('bundled:') ? checkShape(text, segmentsFor(text, origin)) : shape;
  throw ruleSetError(origin, located.errors, located.syntax ? 'rules-syntax' : 'rules-invalid');
}

function partsText(id: string): string {
  let dir: string[];
  try {
    dir = readdirSync(`${bundledDir}${id}.parts`).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return '';
  }
  return dir
    .map((f) => '\n' + readFileSync(`${bundledDir}${id}.parts/${f}`, 'utf8').replace(/^rules:\s*\n/m, ''))
    .join('');
}

/** TEMPORARY: the parts go at the end of the rules list, i.e. before a top-level `cases:` key. */
export function withParts(main: string, parts: string): string {
  if (parts === '') return main;
  const at = main.search(/^cases:[ \t]*(#.*)?$/m);
  return at < 0 ? main + parts : `${main.slice(0, at)}${parts}\n${main.slice(at)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A user-supplied rule set (`--rules FILE`), YAML or JSON. */
export function loadRuleSetFile(file: string): LoadedRuleSet {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError('rules-missing', {
      zh: `无法读取规则集文件 "${file}"（${code}）。请检查路径。`,
      en: `Cannot read rule set file "${file}" (${code}). Check the path.`,
    });
  }
  return { ruleSet: parseRuleSetText(text, file), origin: file, sha256: sha256(text) };
}
