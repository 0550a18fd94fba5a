import type { FieldId } from '../core/types.js';
import { colLetters } from '../ooxml/cell-ref.js';
import type { ColumnDef, RuleDef, RuleSet } from '../rules/schema.js';

// Which rule-set columns the blank template has, in what order, and how each is formatted.
// The columns themselves (ids, labels, classes) come from the rule set; only the order and the
// cell formats are decided here, so a new round's rule set with new years or new columns still
// gets a complete template.

/** How a column's cells are formatted and validated in the template. */
export type ColumnFormat = 'text' | 'date' | 'hours' | 'general';

export interface TemplateColumn {
  def: ColumnDef;
  /** 1-based column number in the roster sheet. */
  index: number;
  letter: string;
  format: ColumnFormat;
  width: number;
  /** Long free text: the column wraps it. */
  wrap: boolean;
}

// A roster's usual order: person, employer, application, qualifications, CPD, assessments, process
// dates. A string is a column id; a RegExp takes every matching id, sorted (so cpd2021..cpd2023).
const ORDER: readonly (string | RegExp)[] = [
  'seq',
  'name',
  'sex',
  'idNumber',
  'birthDate',
  'phone',
  'unit',
  'unitType',
  'unitRegion',
  'entrusted',
  'postVerified',
  'insuranceUnit',
  'jobType',
  'applyLevel',
  'specialty',
  'currentTitle',
  'currentTitleSpecialty',
  'currentTitleDate',
  'poge',
  'education',
  'degree',
  'gradDate',
  'workStart',
  /^cpd\d{4}$/,
  'cpdRegistered',
  /^assessment\d{4}$/,
  'discipline',
  'archiveApproved',
  'achievements',
  'applyDate',
  'publicStart',
  'publicEnd',
  'recommendDate',
  'lowerLevelDate',
];

// Left out of the template: the one-cell publicity period (the template has start and end), the
// combined columns (the template has their fields one per column), and the optional per-year split
// of CPD hours (the yearly totals are what is required; the instructions say how to add the split).
const LEFT_OUT = new Set(['publicPeriod']);
const SPLIT = /^cpd(Public|Pro)\d{4}$/;

// Kept as text even though they hold dates: 出生年月 is usually given to the month ("1971-02"), and
// Excel would turn that into the 1st of the month, which then disagrees with the ID number's day.
const TEXT_DATES = new Set(['birthDate']);

// Widths for the template printed on one A3 page width: each column about as wide as what is
// typed into it (an ID number, a date), long text narrower and wrapping (WRAPPED).
const WIDTHS: Record<string, number> = {
  seq: 6,
  name: 7,
  sex: 6,
  idNumber: 20,
  birthDate: 10,
  phone: 12,
  unit: 14,
  unitType: 8,
  unitRegion: 8,
  insuranceUnit: 12,
  jobType: 8,
  applyLevel: 8,
  specialty: 8,
  currentTitle: 8,
  currentTitleSpecialty: 8,
  discipline: 8,
  achievements: 14,
};
const WRAPPED = new Set(['unit', 'unitRegion', 'insuranceUnit', 'jobType', 'applyLevel', 'specialty', 'currentTitle', 'currentTitleSpecialty', 'discipline', 'achievements']);

/** The template's columns, in roster order, with their formats. */
export function templateColumns(ruleSet: RuleSet): TemplateColumn[] {
  const split = splitFields(ruleSet.rules);
  const usable = ruleSet.columns.filter((c) => !LEFT_OUT.has(c.id) && !c.combines && !split.has(c.id) && !SPLIT.test(c.id));
  const taken = new Set<FieldId>();
  const ordered: ColumnDef[] = [];
  for (const entry of ORDER) {
    const matches = usable
      .filter((c) => !taken.has(c.id) && (typeof entry === 'string' ? c.id === entry : entry.test(c.id)))
      .sort((a, b) => a.id.localeCompare(b.id));
    for (const c of matches) {
      taken.add(c.id);
      ordered.push(c);
    }
  }
  // Columns a future rule set adds go at the end, in the rule set's order.
  for (const c of usable) if (!taken.has(c.id)) ordered.push(c);

  const dates = dateFields(ruleSet.rules);
  const hours = hoursFields(ruleSet.rules);
  return ordered.map((def, i) => {
    const format: ColumnFormat =
      def.id === 'idNumber' || def.id === 'phone' || TEXT_DATES.has(def.id)
        ? 'text'
        : dates.has(def.id)
          ? 'date'
          : hours.has(def.id) || /^cpd\d{4}$/.test(def.id)
            ? 'hours'
            : 'general';
    return { def, index: i + 1, letter: colLetters(i), format, width: widthOf(def, format), wrap: WRAPPED.has(def.id) };
  });
}

function widthOf(def: ColumnDef, format: ColumnFormat): number {
  const fixed = WIDTHS[def.id];
  if (fixed !== undefined) return fixed;
  if (format === 'date') return 10;
  if (format === 'hours') return 6;
  // A CJK character is about two Latin widths; headers wrap, so cap the width.
  const headerWidth = [...def.label.zh].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.min(Math.max(6, Math.ceil(headerWidth * 0.5) + 1), 8);
}

/**
 * Field ids named by the params of enabled rules of the given check kinds, under a key matching
 * `key`: top-level params and objects in top-level lists (`years: [{ field }]`), not nested
 * conditions such as `when: { field: unitType }`.
 */
export function paramFields(rules: readonly RuleDef[], checks: readonly string[], key: RegExp): Set<FieldId> {
  const out = new Set<FieldId>();
  const take = (k: string, v: unknown): void => {
    if (key.test(k) && typeof v === 'string') out.add(v);
  };
  for (const r of rules) {
    if (!r.enabled || !checks.includes(r.check)) continue;
    for (const [k, v] of Object.entries(r.params)) {
      take(k, v);
      if (Array.isArray(v)) {
        for (const item of v as unknown[]) if (item && typeof item === 'object') for (const [kk, vv] of Object.entries(item)) take(kk, vv);
      }
    }
  }
  return out;
}

// Columns that hold calendar dates: the fields of the date-reading checks.
function dateFields(rules: readonly RuleDef[]): Set<FieldId> {
  const out = new Set<FieldId>([
    ...paramFields(rules, ['deadline', 'seniority'], /^field$/),
    ...paramFields(rules, ['publicity-days', 'publicity-order'], /^(start|end|recommend|apply)Field$/),
    ...paramFields(rules, ['date-sanity'], /^(birth|grad|work|title)Field$/),
  ]);
  // Fallback while the rules are being written (or in a rule set without them).
  for (const id of ['birthDate', 'currentTitleDate', 'gradDate', 'workStart', 'applyDate', 'publicStart', 'publicEnd', 'recommendDate', 'lowerLevelDate']) {
    out.add(id);
  }
  return out;
}

function hoursFields(rules: readonly RuleDef[]): Set<FieldId> {
  return paramFields(rules, ['min-hours-per-year'], /^field$/);
}

function splitFields(rules: readonly RuleDef[]): Set<FieldId> {
  return paramFields(rules, ['hours-split'], /^(public|pro)Field$/);
}
