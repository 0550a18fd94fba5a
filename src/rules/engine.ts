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
import { ownString } from '../io/own-string.js';
import { cellText } from '../normalize/text.js';
import type { CheckEnv, CrossCheck, ReportOptions, RowCheck, RowContext } from './check-kind.js';
import { prepareRules, type PreparedRule } from './prepare-rules.js';
import { cpdYearColumns } from './year-columns.js';
import type { ColumnDef, RuleSet } from './schema.js';
import { applyExceptions, type ExceptionEntry, type ExceptionUse } from './exceptions.js';

export interface ScreenOptions {
  asOf: string;
  /** Treat a missing stage column like a missing core column. */
  strictColumns: boolean;
  env: Omit<CheckEnv, 'asOf' | 'ruleSet'>;
  exceptions?: ExceptionEntry[];
  /**
   * Keep the columns the recommendation list prints (`ApplicantResult.fields`). Default true; the
   * CLI passes false when no combined output will be written (~40 MB of the peak at 100 000 rows).
   */
  keepListFields?: boolean;
  /**
   * One part of a screening split between two threads (screening-remote.ts); both parts are given
   * every roster and applicant. `rows`: the row checks; `add` hands each result out and keeps none.
   * `cross`: only the cross checks, cheap per row but keeping state for the whole run, so that
   * state lives where the results do. Both end with `finishDetached`; `assembleResults` joins them.
   */
  part?: 'rows' | 'cross';
}

/** What a part of a screening ends with (see `ScreenOptions.part`). */
export interface DetachedEnd {
  /** Findings of cross checks, by the key (add order) of the applicant they belong to. */
  cross: { key: number; finding: Finding }[];
  unchecked: UncheckedRule[];
  missingCore: { file: string; columns: string[] }[];
}

export interface UncheckedRule {
  ruleId: string;
  /** Missing columns, by standard label. */
  columns: string[];
  files: string[];
  reason: Localized;
}

export interface ScreenResult {
  applicants: ApplicantResult[];
  unchecked: UncheckedRule[];
  /** Core columns missing per file (named in the report's problems). */
  missingCore: { file: string; columns: string[] }[];
  exceptions: ExceptionUse[];
}

type Plan = { rule: PreparedRule; state: 'run' } | { rule: PreparedRule; state: 'missing-core' | 'unchecked'; missing: ColumnDef[] };

/**
 * Runs a rule set over applicants as they stream in. Row checks run at `add`; cross checks collect
 * and report at `finish`. Nothing is kept per applicant beyond its result and findings.
 */
export class Screening {
  private readonly results: ApplicantResult[] = [];
  private readonly plans: Plan[][] = [];
  /** Layout of each input (by `Applicant.input`), so cross checks can address cells later. */
  private readonly layouts: RosterLayout[] = [];
  private readonly messages = new MessagePool();
  /** Findings of the applicant being added (reused: `add` keeps an exact-size copy). */
  private readonly rowFindings: Finding[] = [];
  private readonly unchecked = new Map<string, UncheckedRule>();
  private readonly missingCore: { file: string; columns: string[] }[] = [];
  private readonly crossRuns: { rule: PreparedRule; run: ReturnType<CrossCheck['start']>; inputs: Set<number> }[] = [];
  /** The cross part: each key's input and row (cross checks address cells later), and their findings. */
  private readonly keyInput: number[] = [];
  private readonly keyRow: number[] = [];
  private readonly crossFound: DetachedEnd['cross'] = [];
  private added = 0;
  private readonly env: CheckEnv;
  private readonly columns: Map<FieldId, ColumnDef>;
  /** The applicant and rule a row check is running for: one context serves every check of every row. */
  private current: Applicant | undefined;
  private currentRule: PreparedRule | undefined;
  private readonly rowContext: RowContext;
  /** Texts kept past the row: strings of their own, except in the rows part, whose results are copied out anyway. */
  private readonly own: (s: string) => string;

  private constructor(
    private readonly ruleSet: RuleSet,
    private readonly rules: PreparedRule[],
    private readonly options: ScreenOptions,
  ) {
    this.env = { ...options.env, asOf: options.asOf, ruleSet };
    this.columns = new Map(ruleSet.columns.map((c) => [c.id, c]));
    this.own = options.part === 'rows' ? (s) => s : ownString;
    this.rowContext = {
      env: this.env,
      has: (f) => this.current!.layout.fields.has(f),
      report: (outcome, opts) => {
        const app = this.current!;
        this.rowFindings.push(this.finding(this.currentRule!, outcome, opts ?? {}, app.layout, app.row, app.values));
      },
    };
    for (const rule of rules) {
      if (rule.kind.type !== 'cross' || options.part === 'rows') continue;
      const run = rule.kind.start(rule.params, {
        env: this.env,
        report: (key, outcome, opts) => {
          if (options.part === 'cross') {
            const input = this.keyInput[key];
            if (input !== undefined) {
              this.crossFound.push({ key, finding: this.finding(rule, outcome, opts ?? {}, this.layouts[input]!, this.keyRow[key]!, undefined) });
            }
            return;
          }
          const result = this.results[key];
          // concat, not push: an exact-size array (a push leaves room for 16 more on every row it touches).
          if (result) result.findings = result.findings.concat(this.finding(rule, outcome, opts ?? {}, this.layouts[result.input]!, result.row, undefined));
        },
      });
      this.crossRuns.push({ rule, run, inputs: new Set() });
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
  beginInput(layout: RosterLayout): number {
    const index = this.plans.length;
    const plan: Plan[] = this.rules.map((rule) => this.planRule(rule, layout));
    this.plans.push(plan);
    this.layouts.push(layout);
    const core = new Set<string>();
    for (const p of plan) {
      if (p.state === 'missing-core') for (const c of p.missing) if (c.class !== 'stage') core.add(c.label.zh);
      if (p.state === 'unchecked') this.noteUnchecked(p.rule, p.missing, layout.file);
    }
    if (core.size) this.missingCore.push({ file: layout.file, columns: [...core] });
    for (const cross of this.crossRuns) if (plan.find((p) => p.rule === cross.rule)?.state === 'run') cross.inputs.add(index);
    return index;
  }

  /**
   * Screens one applicant. Returns its result (final but for cross checks and exceptions), or
   * undefined in the cross part, which makes none.
   */
  add(app: Applicant): ApplicantResult | undefined {
    const plan = this.plans[app.input];
    if (!plan) throw new Error(`applicant from undeclared input ${app.input}`);
    const key = this.added++;
    let result: ApplicantResult | undefined;
    if (this.options.part === 'cross') {
      this.keyInput.push(app.input);
      this.keyRow.push(app.row);
    } else {
      result = this.screenRow(app, plan);
      if (this.options.part === undefined) this.results.push(result);
    }
    for (const cross of this.crossRuns) if (cross.inputs.has(app.input)) cross.run.add(app, key);
    return result;
  }

  private screenRow(app: Applicant, plan: Plan[]): ApplicantResult {
    const result = this.newResult(app);
    const findings = this.rowFindings;
    findings.length = 0;
    for (const p of plan) {
      if (p.state === 'unchecked') continue;
      if (p.state === 'missing-core') {
        for (const col of p.missing) {
          findings.push(
            this.finding(p.rule, 'missing-column', { data: { column: col.label.zh, columnEn: col.label.en } }, app.layout, app.row, app.values, col),
          );
        }
        continue;
      }
      if (p.rule.kind.type === 'row') {
        this.current = app;
        this.currentRule = p.rule;
        (p.rule.kind as RowCheck).check(app, p.rule.params, this.rowContext);
      }
    }
    this.current = undefined;
    this.currentRule = undefined;
    // A pushed-to array keeps spare room (17 slots after one push); a copy is exactly as long.
    if (findings.length > 0) result.findings = findings.slice();
    return result;
  }

  finish(): ScreenResult {
    if (this.options.part) throw new Error('a part of a screening ends with finishDetached');
    for (const cross of this.crossRuns) cross.run.finish();
    const exceptions = applyExceptions(this.results, this.options.exceptions ?? []);
    // Finished in place: one object per applicant, even at 1 000 000 rows.
    for (const r of this.results) r.status = statusOf(r.findings);
    return { applicants: this.results, unchecked: [...this.unchecked.values()], missingCore: this.missingCore, exceptions };
  }

  finishDetached(): DetachedEnd {
    if (!this.options.part) throw new Error('only a part of a screening ends with finishDetached');
    for (const cross of this.crossRuns) cross.run.finish();
    return { cross: this.crossFound, unchecked: [...this.unchecked.values()], missingCore: this.missingCore };
  }

  private planRule(rule: PreparedRule, layout: RosterLayout): Plan {
    const missingIds = rule.needs.required.filter((f) => !layout.fields.has(f));
    const groups = rule.needs.anyOf ?? [];
    if (groups.length && !groups.some((g) => g.every((f) => layout.fields.has(f)))) {
      missingIds.push(...(groups[0] ?? []).filter((f) => !layout.fields.has(f) && !missingIds.includes(f)));
    }
    const missing = missingIds
      .map((f) => this.columns.get(f))
      .filter((c): c is ColumnDef => c !== undefined);
    if (missing.length === 0) return { rule, state: 'run' };
    const blocking = missing.some((c) => c.class !== 'stage') || this.options.strictColumns;
    return { rule, state: blocking ? 'missing-core' : 'unchecked', missing };
  }

  private noteUnchecked(rule: PreparedRule, missing: ColumnDef[], file: string): void {
    const existing = this.unchecked.get(rule.def.id);
    if (existing) {
      if (!existing.files.includes(file)) existing.files.push(file);
      return;
    }
    const zh = missing.map((c) => c.label.zh).join('、');
    const en = missing.map((c) => c.label.en).join(', ');
    this.unchecked.set(rule.def.id, {
      ruleId: rule.def.id,
      columns: missing.map((c) => c.label.zh),
      files: [file],
      reason: { zh: `花名册无"${zh}"列，未核验`, en: `the roster has no column "${en}"; not checked` },
    });
  }

  // Kept for the whole run: each text is a string of its own, not a slice pinning the reader's chunk.
  private newResult(app: Applicant): ApplicantResult {
    const text = (f: FieldId) => this.own(cellText(app.values.get(f)).trim());
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
      fields: this.options.keepListFields === false ? undefined : listFields(app, this.own, this.ruleSet),
    };
  }

  private finding(
    rule: PreparedRule,
    outcomeKey: string,
    opts: ReportOptions,
    layout: RosterLayout,
    row: number,
    values: Applicant['values'] | undefined,
    missingColumn?: ColumnDef,
  ): Finding {
    const outcome = rule.def.outcomes[outcomeKey] ?? this.ruleSet.common[outcomeKey];
    if (!outcome) throw new Error(`rule ${rule.def.id} reported undeclared outcome ${outcomeKey}`);
    const where = opts.field ? layout.fields.get(opts.field) : undefined;
    const cellValue = opts.field && values ? values.get(opts.field) : undefined;
    const value = opts.value ?? (opts.field ? cellText(cellValue).trim() : '');
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
      cell: where ? `${where.letter}${row}` : null,
      column: where?.header ?? missingColumn?.label.zh ?? null,
      value: opts.field || opts.value !== undefined ? this.own(value) : null,
      message: this.messages.get(zh, en),
      source: rule.source,
    };
  }
}

/**
 * Completes the results of the rows part (handed out by `add`, in add order) with the cross part's
 * findings, then exceptions and statuses, exactly as `finish` would have.
 */
export function assembleResults(results: ApplicantResult[], end: DetachedEnd, exceptionEntries: ExceptionEntry[]): ScreenResult {
  for (const { key, finding } of end.cross) {
    const result = results[key];
    if (result) result.findings = result.findings.concat(finding);
  }
  const exceptions = applyExceptions(results, exceptionEntries);
  for (const r of results) r.status = statusOf(r.findings);
  return { applicants: results, unchecked: end.unchecked, missingCore: end.missingCore, exceptions };
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Shares identical messages between findings: most are the same text on many rows (every
 * applicant of one specialty gets the same note), and one {zh, en} per finding was half of what
 * a run keeps per applicant. Bounded: per-row texts (`same name as row …`) cannot make it grow
 * without limit; when full it starts over.
 */
export class MessagePool {
  private readonly pool = new Map<string, Localized>();

  get(zh: string, en: string): Localized {
    const key = `${zh}\u0000${en}`;
    let message = this.pool.get(key);
    if (!message) {
      if (this.pool.size >= MESSAGE_POOL_SIZE) this.pool.clear();
      message = { zh, en };
      this.pool.set(key, message);
    }
    return message;
  }
}

const MESSAGE_POOL_SIZE = 10_000;

// Columns the recommendation list (推荐名单) prints; kept as text so the rosters need not be read twice.
// One object literal of a fixed shape ('' for a blank or missing column, which readers treat alike):
// V8 keeps its properties inline, about half the size of a record built key by key.
function listFields(app: Applicant, own: (s: string) => string, ruleSet: RuleSet): Record<string, string> {
  const text = (id: FieldId) => {
    const v = app.values.get(id);
    return v === undefined ? '' : own(cellText(v).trim());
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
