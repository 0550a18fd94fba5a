import type { RuleSet } from '../rules/schema.js';

/** One difference between two rule sets. Array items are addressed by id (rules, columns, deadlines), name (cases) or year. */
export interface RuleSetChange {
  kind: 'added' | 'removed' | 'changed';
  /** e.g. ['rules', '[cpd-hours]', 'params', 'minHours']: list items by their id in brackets, not position. */
  path: string[];
  before?: unknown;
  after?: unknown;
}

const KEYS = ['id', 'name', 'year'] as const;

/**
 * What changed from A to B, structurally: the fields a notice changes (dates, hours, vocabularies,
 * severities, messages, citations), rules and columns added or removed. Order of keys is ignored;
 * lists of records are matched by their id; lists of plain values are compared as sets.
 */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetChange[] {
  const out: RuleSetChange[] = [];
  diffValue(a, b, [], out);
  return out;
}

function diffValue(a: unknown, b: unknown, path: string[], out: RuleSetChange[]): void {
  if (deepEqual(a, b)) return;
  if (a === undefined) return void out.push({ kind: 'added', path, after: b });
  if (b === undefined) return void out.push({ kind: 'removed', path, before: a });
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = listKey(a) ?? listKey(b);
    if (key && listKey(a) === listKey(b)) {
      const am = new Map(a.map((x) => [String((x as Record<string, unknown>)[key]), x]));
      const bm = new Map(b.map((x) => [String((x as Record<string, unknown>)[key]), x]));
      for (const [k, x] of am) diffValue(x, bm.get(k), [...path, `[${k}]`], out);
      for (const [k, x] of bm) if (!am.has(k)) out.push({ kind: 'added', path: [...path, `[${k}]`], after: x });
      return;
    }
    if (a.every(isScalar) && b.every(isScalar)) {
      // A list of words: report what was added and removed rather than two long lists.
      const removed = a.filter((x) => !b.includes(x));
      const added = b.filter((x) => !a.includes(x));
      if (removed.length === 0 && added.length === 0) return void out.push({ kind: 'changed', path, before: a, after: b });
      if (removed.length) out.push({ kind: 'removed', path, before: removed });
      if (added.length) out.push({ kind: 'added', path, after: added });
      return;
    }
    return void out.push({ kind: 'changed', path, before: a, after: b });
  }
  if (isRecord(a) && isRecord(b)) {
    for (const k of Object.keys(a)) diffValue(a[k], b[k], [...path, k], out);
    for (const k of Object.keys(b)) if (!(k in a)) out.push({ kind: 'added', path: [...path, k], after: b[k] });
    return;
  }
  out.push({ kind: 'changed', path, before: a, after: b });
}

function listKey(xs: unknown[]): string | undefined {
  if (xs.length === 0 || !xs.every(isRecord)) return undefined;
  for (const k of KEYS) {
    const values = xs.map((x) => (x)[k]);
    if (values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values).size === values.length) return k;
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** `rules[cpd-hours].params.minHours` */
export function changePath(path: string[]): string {
  return path.reduce((acc, seg) => (seg.startsWith('[') || !acc ? acc + seg : `${acc}.${seg}`), '');
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
