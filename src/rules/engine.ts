import type {
  Applicant,
  ApplicantResult,
  FieldId,
  Finding,
  Localized,
  RosterLayout,
} from '../core/types.js';
import { fillTemplate } from '../core/interpolate.js';
import { statusOf } from '../core/status.js';
import { cellText } from '../normalize/text.js';
import type { CheckEnv, CrossRun, ReportOptions, RowContext } from './check-kind.js';
import { prepareRules, type PreparedRule } from './prepare-rules.js';
import { cpdYearColumns } from './year-columns.js';
import type { ColumnDef, RuleSet } from './schema.js';
import { applyExceptions, type ExceptionEntry, type ExceptionUse } from './exceptions.js';
import { combinedReading, type CombinedReading } from './combined-columns.js';
import { waitingColumns, type StageWait } from './stage-wait.js';

export interface ScreenOptions {
  asOf: string;
  /** Treat a missing stage column like a missing core column. */
  strictColumns: boolean;
  env: Omit<CheckEnv, 'asOf' | 'ruleSet'>;
  exceptions?: ExceptionEntry[];
}

export interface UncheckedRule {
  ruleId: string;
  /** Missing columns, by standard label. */
  columns: string[];
  files: string[];
  reason: Localized;
  /** The rule ran on the roster's other columns: only the part these columns show was not checked. */
  partial?: boolean;
}

export interface ScreenResult {
  applicants: ApplicantResult[];
  unchecked: UncheckedRule[];
  /** Core columns missing per file (named in the report's problems). */
  missingCore: { file: string; columns: string[] }[];
  exceptions: ExceptionUse[];
}

/**
 * What a rule does with one roster: run, or report its missing columns (per applicant, or once).
 * A rule that runs may lack some of its `each` columns (a year's): `partMissing`, reported per
 * applicant as well when core (`partWarn`).
 */
type Plan =
  | { rule: PreparedRule; state: 'run'; partMissing: ColumnDef[]; partWarn: ColumnDef[] }
  | { rule: PreparedRule; state: 'missing-core' | 'unchecked'; missing: ColumnDef[] };
/** One layout of an input: what each rule does with it, and how its combined cells are read. */
interface Section {
  plan: Plan[];
  combined: CombinedReading;
}

/**
 * Runs a rule set over applicants as they stream in: row checks at `add`, cross checks (duplicates)
 * at `finish`, then the accepted exceptions and each applicant's status.
 */
export class Screening {
  private readonly results: ApplicantResult[] = [];
  /**
   * Per input (`Applicant.input`): what each rule does with each of its layouts. A sheet with a
   * second table under a header of its own (other columns) gives its applicants that layout.
   */
  private readonly inputs: Map<RosterLayout, Section>[] = [];
  /** Per result (index as in `results`): its layout, where cross-row findings point. */
  private readonly layouts: RosterLayout[] = [];
  private readonly unchecked = new Map<string, UncheckedRule>();
  private readonly missingCore: { file: string; columns: string[] }[] = [];
  private readonly crossRuns: { rule: PreparedRule; run: CrossRun }[] = [];
  private readonly env: CheckEnv;
  private readonly columns: Map<FieldId, ColumnDef>;
  /** Stage columns whose blanks are "not yet" on the as-of date. */
  private readonly waiting: Map<FieldId, StageWait>;

  private constructor(
    private readonly ruleSet: RuleSet,
    private readonly rules: PreparedRule[],
    private readonly options: ScreenOptions,
  ) {
    this.env = { ...options.env, asOf: options.asOf, ruleSet };
    this.columns = new Map(ruleSet.columns.map((c) => [c.id, c]));
    this.waiting = waitingColumns(ruleSet, options.asOf);
    for (const rule of rules) {
      if (rule.created.type !== 'cross') continue;
      const run = rule.created.start({
        env: this.env,
        report: (key, outcome, opts) => {
          const result = this.results[key];
          if (result) result.findings.push(this.finding(rule, outcome, opts ?? {}, this.layouts[key]!, result.row, undefined));
        },
      });
      this.crossRuns.push({ rule, run });
    }
  }

  static async create(ruleSet: RuleSet, options: ScreenOptions): Promise<Screening> {
    const env: CheckEnv = { ...options.env, asOf: options.asOf, ruleSet };
    const runnable: PreparedRule[] = [];
    const unavailable: UncheckedRule[] = [];
    for (const rule of await prepareRules(ruleSet)) {
      const reason = rule.kind.unavailable?.(rule.params, env) ?? null;
      if (reason) unavailable.push({ ruleId: rule.def.id, columns: [], files: [], reason });
      else runnable.push(rule);
    }
    const screening = new Screening(ruleSet, runnable, options);
    for (const u of unavailable) screening.unchecked.set(u.ruleId, u);
    return screening;
  }

  /** Declares the next roster; returns its input index for `Applicant.input`. */
  beginInput(given: RosterLayout): number {
    const sections = new Map<RosterLayout, Section>();
    this.inputs.push(sections);
    this.section(sections, given);
    return this.inputs.length - 1;
  }

  /** A layout's plan, made once: the rules it can run, its missing columns noted. */
  private section(sections: Map<RosterLayout, Section>, given: RosterLayout): Section {
    // Fields given only inside combined cells count as present, at their combined cell.
    const combined = combinedReading(this.ruleSet.columns, given);
    const layout = combined.layout;
    const plan = this.rules.map((rule) => this.planRule(rule, layout));
    const section = { plan, combined };
    sections.set(given, section);
    const core = new Set<string>();
    for (const p of plan) {
      if (p.state === 'missing-core') for (const c of p.missing) if (c.class !== 'stage') core.add(c.label.zh);
      if (p.state === 'unchecked') this.noteUnchecked(p.rule, p.missing, layout.file, false);
      if (p.state === 'run' && p.partMissing.length) {
        for (const c of p.partWarn) if (c.class !== 'stage') core.add(c.label.zh);
        this.noteUnchecked(p.rule, p.partMissing, layout.file, true);
      }
    }
    const columns = [...core];
    const known = this.missingCore.some((m) => m.file === layout.file && m.columns.join() === columns.join());
    if (core.size && !known) this.missingCore.push({ file: layout.file, columns });
    return section;
  }

  /** Screens one applicant; its result is final but for cross checks and exceptions. */
  add(given: Applicant): ApplicantResult {
    const sections = this.inputs[given.input];
    if (!sections) throw new Error(`applicant from undeclared input ${given.input}`);
    const input = sections.get(given.layout) ?? this.section(sections, given.layout);
    const app = input.combined.read(given);
    const result = this.newResult(app);
    let rule: PreparedRule | undefined;
    const ctx: RowContext = {
      env: this.env,
      has: (f) => app.layout.fields.has(f),
      report: (outcome, opts = {}) => {
        if (opts.field !== undefined && app.uncomputed?.has(opts.field) && !rule!.kind.judgesUncomputed) return;
        // A stage column left blank before its deadline is "not yet", whatever the rule calls a blank.
        const wait = outcome === 'blank' && opts.field !== undefined ? this.waiting.get(opts.field) : undefined;
        const finding = wait
          ? this.finding(rule!, 'not-yet', { ...opts, data: { ...opts.data, ...wait } }, app.layout, app.row, app)
          : this.finding(rule!, outcome, opts, app.layout, app.row, app);
        result.findings.push(finding);
      },
    };
    for (const p of input.plan) {
      rule = p.rule;
      const warn = p.state === 'missing-core' ? p.missing : p.state === 'run' ? p.partWarn : [];
      for (const col of warn) {
        const data = { column: col.label.zh, columnEn: col.label.en };
        result.findings.push(this.finding(p.rule, 'missing-column', { data }, app.layout, app.row, app, col));
      }
      if (p.state === 'run') {
        if (p.rule.created.type === 'row') p.rule.created.run(app, ctx);
        else this.crossRunOf(p.rule).add(app, this.results.length);
      }
    }
    this.results.push(result);
    this.layouts.push(app.layout);
    return result;
  }

  finish(): ScreenResult {
    for (const cross of this.crossRuns) cross.run.finish();
    const exceptions = applyExceptions(this.results, this.options.exceptions ?? []);
    for (const r of this.results) r.status = statusOf(r.findings);
    return { applicants: this.results, unchecked: [...this.unchecked.values()], missingCore: this.missingCore, exceptions };
  }

  private crossRunOf(rule: PreparedRule): CrossRun {
    return this.crossRuns.find((c) => c.rule === rule)!.run;
  }

  private planRule(rule: PreparedRule, layout: RosterLayout): Plan {
    const lacks = (f: FieldId) => !layout.fields.has(f);
    const missingIds = rule.needs.required.filter(lacks);
    const groups = rule.needs.anyOf ?? [];
    if (groups.length && !groups.some((g) => g.every((f) => layout.fields.has(f)))) {
      missingIds.push(...(groups[0] ?? []).filter((f) => lacks(f) && !missingIds.includes(f)));
    }
    // Fields judged each on its own: the rule runs on those present; without any, it cannot run.
    const each = rule.needs.each ?? [];
    const eachMissing = each.filter(lacks);
    const whole = missingIds.length > 0 || (each.length > 0 && eachMissing.length === each.length);
    const columnsOf = (ids: FieldId[]) => ids.map((f) => this.columns.get(f)).filter((c): c is ColumnDef => c !== undefined);
    if (!whole) {
      const partMissing = columnsOf(eachMissing);
      const partWarn = partMissing.filter((c) => c.class !== 'stage' || this.options.strictColumns);
      return { rule, state: 'run', partMissing, partWarn };
    }
    const missing = columnsOf([...missingIds, ...eachMissing.filter((f) => !missingIds.includes(f))]);
    if (missing.length === 0) return { rule, state: 'run', partMissing: [], partWarn: [] };
    const blocking = missing.some((c) => c.class !== 'stage') || this.options.strictColumns;
    return { rule, state: blocking ? 'missing-core' : 'unchecked', missing };
  }

  /** One entry per rule and set of missing columns, naming every file it applies to. */
  private noteUnchecked(rule: PreparedRule, missing: ColumnDef[], file: string, partial: boolean): void {
    const columns = missing.map((c) => c.label.zh);
    const key = [rule.def.id, partial ? 'part' : 'whole', ...columns].join('\u0000');
    const existing = this.unchecked.get(key);
    if (existing) {
      if (!existing.files.includes(file)) existing.files.push(file);
      return;
    }
    const zh = columns.join('、');
    const en = missing.map((c) => c.label.en).join(', ');
    this.unchecked.set(key, {
      ruleId: rule.def.id,
      columns,
      files: [file],
      reason: partial
        ? { zh: `花名册无"${zh}"列，该部分未核验（其余列已核验）`, en: `the roster has no column "${en}"; that part is not checked (the other columns are)` }
        : { zh: `花名册无"${zh}"列，未核验`, en: `the roster has no column "${en}"; not checked` },
      ...(partial ? { partial: true } : {}),
    });
  }

  private newResult(app: Applicant): ApplicantResult {
    const text = (f: FieldId) => cellText(app.values.get(f)).trim();
    return {
      input: app.input,
      file: app.layout.file,
      sheet: app.layout.sheet,
      row: app.row,
      name: text('name'),
      idNumber: text('idNumber'),
      unit: text('unit'),
      specialty: text('specialty'),
      status: 'pass',
      findings: [],
      fields: listFields(app, this.ruleSet),
    };
  }

  private finding(
    rule: PreparedRule,
    outcomeKey: string,
    opts: ReportOptions,
    layout: RosterLayout,
    row: number,
    app: Pick<Applicant, 'values' | 'cellAt' | 'combinedCells'> | undefined,
    missingColumn?: ColumnDef,
  ): Finding {
    const outcome = rule.def.outcomes[outcomeKey] ?? this.ruleSet.common[outcomeKey];
    if (!outcome) throw new Error(`rule ${rule.def.id} reported undeclared outcome ${outcomeKey}`);
    const where = opts.field ? layout.fields.get(opts.field) : undefined;
    const cellValue = opts.field && app ? app.values.get(opts.field) : undefined;
    const value = opts.value ?? (opts.field ? cellText(cellValue).trim() : '');
    // {value} in the message is what the rule judged; the finding's value is the whole cell it sits in.
    const whole = opts.value === undefined && opts.field ? app?.combinedCells?.get(opts.field) : undefined;
    const column = where?.header ?? missingColumn?.label.zh ?? '';
    const columnEn = where?.header ?? missingColumn?.label.en ?? '';
    const d = opts.data;
    // Placeholders: the check's data first, then {value} and {column}; in English a key's `…En`
    // twin wins (e.g. {unitEn} for {unit}), and {column} is the column's English label.
    const zh = fillTemplate(outcome.message.zh, (k) => (d !== undefined && hasOwn(d, k) ? d[k] : k === 'value' ? value : k === 'column' ? column : undefined));
    const en = fillTemplate(outcome.message.en, (k) => {
      if (d !== undefined && k !== '' && hasOwn(d, `${k}En`)) return d[`${k}En`];
      if (k === 'column') return columnEn;
      return d !== undefined && hasOwn(d, k) ? d[k] : k === 'value' ? value : undefined;
    });
    return {
      ruleId: rule.def.id,
      outcome: outcomeKey,
      severity: outcome.severity,
      // A value merged down several rows is the range's first cell's: the finding points there.
      cell: where ? (app?.cellAt?.get(opts.field!) ?? `${where.letter}${row}`) : null,
      column: where?.header ?? missingColumn?.label.zh ?? null,
      value: opts.field || opts.value !== undefined ? (whole ? cellText(whole).trim() : value) : null,
      message: { zh, en },
      source: rule.outcomeSources.get(outcomeKey) ?? rule.source,
    };
  }
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

// Columns the recommendation list (推荐名单) prints; kept as text so the rosters need not be read twice.
// '' for a blank or missing column, which readers treat alike.
function listFields(app: Applicant, ruleSet: RuleSet): Record<string, string> {
  const text = (id: FieldId) => {
    const v = app.values.get(id);
    return v === undefined ? '' : cellText(v).trim();
  };
  const fields: Record<string, string> = {
    sex: text('sex'),
    birthDate: text('birthDate'),
    unitType: text('unitType'),
    unitRegion: text('unitRegion'),
    currentTitle: text('currentTitle'),
    currentTitleDate: text('currentTitleDate'),
    education: text('education'),
    degree: text('degree'),
  };
  for (const { field } of cpdYearColumns(ruleSet.rules)) fields[field] = text(field);
  return fields;
}
