import { z } from 'zod';
import type { Localized } from '../core/types.js';
import type { IssuePath } from './issues.js';

export interface ShapeProblem {
  code: string;
  path: IssuePath;
  message: Localized;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * Zod issues in words an office clerk can act on, zh and en. Needs the issues of a parse made with
 * `reportInput: true` (to tell a missing field from a wrong one) and the schema (to suggest the field
 * that was probably meant when an unknown one is found).
 */
export function localizeIssues(issues: readonly ZodIssue[], schema: z.ZodType): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeys(schemaAt(schema, path));
      for (const key of issue.keys) {
        const hint = suggest(key, known);
        out.push({
          code: 'unknown-field',
          path: [...path, key],
          message: {
            zh: `未知字段 "${key}"${hint ? `（是否应为 "${hint}"？）` : known.length ? `（可用字段：${known.join('、')}）` : ''}`,
            en: `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : known.length ? ` (fields: ${known.join(', ')})` : ''}`,
          },
        });
      }
      continue;
    }
    out.push({ code: isMissing(issue) ? 'required' : 'shape', path, message: localizeIssue(issue) });
  }
  return out;
}

const TYPE_WORDS: Record<string, Localized> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表（每项以 "- " 开头）', en: 'a list (items starting with "- ")' },
  object: { zh: '键值对象（字段: 值）', en: 'a mapping (field: value)' },
  record: { zh: '键值对象（字段: 值）', en: 'a mapping (field: value)' },
  null: { zh: '空值 null', en: 'null' },
};

// A field left out: zod reports the type or vocabulary it expected, with nothing as input.
function isMissing(issue: ZodIssue): boolean {
  return (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && issue.input === undefined;
}

export function localizeIssue(issue: ZodIssue): Localized {
  if (isMissing(issue)) return { zh: '必填', en: 'required' };
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_WORDS[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      const got = shown(issue.input);
      return { zh: `应为${want.zh}（现为 ${got}）`, en: `expected ${want.en} (got ${got})` };
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? { zh: '不能为空', en: 'must not be empty' } : { zh: `至少 ${n} 个字`, en: `at least ${n} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return n <= 1 ? { zh: '至少需要一项', en: 'needs at least one item' } : { zh: `至少需要 ${n} 项`, en: `needs at least ${n} items` };
      return issue.inclusive === false ? { zh: `应大于 ${n}`, en: `must be greater than ${n}` } : { zh: `应不小于 ${n}`, en: `must be at least ${n}` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return { zh: `最多 ${n} 个字`, en: `at most ${n} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zh: `最多 ${n} 项`, en: `at most ${n} items` };
      return issue.inclusive === false ? { zh: `应小于 ${n}`, en: `must be less than ${n}` } : { zh: `应不大于 ${n}`, en: `must be at most ${n}` };
    }
    case 'invalid_format':
      return formatMessage(issue.pattern, issue.input);
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const hint = typeof issue.input === 'string' ? suggest(issue.input, values) : undefined;
      const got = issue.input === undefined ? '' : `（现为 ${shown(issue.input)}${hint ? `，是否应为 "${hint}"？` : ''}）`;
      const gotEn = issue.input === undefined ? '' : ` (got ${shown(issue.input)}${hint ? `; did you mean "${hint}"?` : ''})`;
      if (values.length === 1) return { zh: `应为 ${values[0]}${got}`, en: `expected ${values[0]}${gotEn}` };
      return { zh: `应为 ${values.join('、')} 之一${got}`, en: `expected one of ${values.join(', ')}${gotEn}` };
    }
    case 'invalid_union':
      return { zh: `值 ${shown(issue.input)} 的类型不符（应为文本、数字或 true/false）`, en: `value ${shown(issue.input)} has the wrong type (expected text, a number or true/false)` };
    case 'not_multiple_of':
      return { zh: `应为 ${issue.divisor} 的倍数`, en: `must be a multiple of ${issue.divisor}` };
    default:
      return { zh: issue.message, en: issue.message };
  }
}

// The patterns of schema.ts, said in words; any other pattern is quoted.
function formatMessage(pattern: string | undefined, input: unknown): Localized {
  const got = input === undefined ? '' : `（现为 ${shown(input)}）`;
  const gotEn = input === undefined ? '' : ` (got ${shown(input)})`;
  if (pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return { zh: `应为 YYYY-MM-DD 格式的日期${got}`, en: `expected a date as YYYY-MM-DD${gotEn}` };
  if (pattern === '/^[a-z][a-z0-9-]*$/' || pattern === '/^[a-z0-9][a-z0-9-]*$/') {
    return { zh: `编号只能用小写字母、数字和连字符，如 cpd-hours${got}`, en: `ids use lower-case letters, digits and hyphens, e.g. cpd-hours${gotEn}` };
  }
  if (pattern === '/^[a-z][A-Za-z0-9]*$/') return { zh: `列编号应为小写字母开头的字母数字，如 idNumber${got}`, en: `column ids are camelCase letters and digits, e.g. idNumber${gotEn}` };
  return { zh: `格式不符（应匹配 ${pattern ?? '?'}）${got}`, en: `invalid format (must match ${pattern ?? '?'})${gotEn}` };
}

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object') return '{…}';
  if (typeof v === 'function' || typeof v === 'symbol') return typeof v;
  return `${v as number | boolean | bigint | undefined}`;
}

/** The zod schema that validates the value at `path`, when it can be followed. */
export function schemaAt(schema: z.ZodType, path: IssuePath): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!s) return undefined;
    if (s instanceof z.ZodObject && typeof seg === 'string') s = (s.shape as Record<string, z.ZodType>)[seg];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
    s = s ? unwrap(s) : undefined;
  }
  return s;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodNullable || cur instanceof z.ZodPrefault) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else break;
  }
  return cur;
}

function objectKeys(s: z.ZodType | undefined): string[] {
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The candidate a typo most likely meant (edit distance ≤ 2, or same letters ignoring case/separators). */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const w = norm(word);
  const prefix = candidates.find((c) => norm(c).length >= 3 && w.length >= 3 && (w.startsWith(norm(c)) || norm(c).startsWith(w)));
  if (candidates.some((c) => norm(c) === w)) return candidates.find((c) => norm(c) === w);
  if (prefix) return prefix;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, norm(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.min(2, Math.floor(w.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
