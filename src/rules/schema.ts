import { z } from 'zod';
import { SPLIT_KINDS } from '../normalize/split-combined.js';

// The shape of a round's rule set file (YAML or JSON). Checks are code; everything a new notice
// changes — dates, hours, vocabularies, severities, messages, citations — is here.

export const IsoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' });

export const LocalizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

export const SeveritySchema = z.enum(['error', 'warn', 'info']);
export const ConfidenceSchema = z.enum(['N', 'H', 'M', 'L', 'design']);
export const ColumnClassSchema = z.enum(['identity', 'core', 'stage']);

export const CitationSchema = z
  .object({
    /** Document number as printed, e.g. 人社部令第25号. */
    doc: z.string().min(1),
    /** Clause within the document, e.g. 第十二条 or 二、(二). */
    clause: z.string().optional(),
    title: z.string().optional(),
  })
  .strict();

export const ColumnSchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { message: 'column ids are camelCase' }),
    class: ColumnClassSchema,
    label: LocalizedSchema,
    /** Header texts seen in rosters; matched after normalizeHeader(). The first is the standard one. */
    aliases: z.array(z.string().min(1)).min(1),
    /**
     * A header that holds several fields in one cell (现职称及取得时间, 学历/学位, the hours of several
     * years): the fields, in the order written, and how the cell is cut. Each field is read from
     * the cell where the roster has no column of its own; findings name the combined cell.
     */
    combines: z
      .object({
        fields: z.array(z.string().min(1)).min(2),
        split: z.enum(SPLIT_KINDS),
      })
      .strict()
      .optional(),
    /**
     * For a column filled in at a later stage of the procedure (个人申报日期, 公示, 单位推荐日期): the
     * id of the round deadline it waits for. Blank on or before that day is "not yet" (the common
     * `not-yet` note), after it the rule's own `blank` outcome.
     */
    waitsFor: z.string().min(1).optional(),
  })
  .strict();

export const OutcomeSchema = z
  .object({
    severity: SeveritySchema,
    message: LocalizedSchema,
    /**
     * Where this outcome rests on other documents than the rule's (a warning drawn from a secondary
     * source): its findings cite these instead of the rule's sources.
     */
    sources: z.array(CitationSchema).min(1).optional(),
  })
  .strict();

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'rule ids are kebab-case' }),
    /** Check kind implemented in code (src/rules/checks). */
    check: z.string().min(1),
    enabled: z.boolean().default(true),
    /** Short official name shown wherever a person reads the rule (terminal, reports, workbooks); ids stay in JSON/CSV. */
    title: LocalizedSchema.optional(),
    description: LocalizedSchema,
    /** Kind-specific parameters; validated by the check kind's own schema. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Outcome key → severity and message template. Every outcome the kind can emit must be present. */
    outcomes: z.record(z.string(), OutcomeSchema),
    sources: z.array(CitationSchema).min(1),
    confidence: ConfidenceSchema,
    /** Optional note on why the confidence is what it is. */
    note: z.string().optional(),
  })
  .strict();

export const CaseSchema = z
  .object({
    name: z.string().min(1),
    /** Column id → cell text (dates as text); absent columns are left blank. */
    applicant: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    expect: z
      .object({
        status: z.enum(['pass', 'review', 'fail']),
        /** Rule ids that must have a finding (any severity ≥ warn unless listed in `info`). */
        rules: z.array(z.string()).default([]),
      })
      .strict(),
  })
  .strict();

export const RuleSetSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().default('1'),
    title: LocalizedSchema,
    notice: z
      .object({
        number: z.string().min(1),
        title: z.string().min(1),
        issued: IsoDateString,
      })
      .strict(),
    round: z
      .object({
        year: z.number().int(),
        level: z.string().min(1),
        /** Date on which age, sanctions and integrity records are judged. */
        referenceDate: IsoDateString,
        deadlines: z
          .array(
            z
              .object({
                id: z.string().min(1),
                label: LocalizedSchema,
                date: IsoDateString,
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
    /** Messages shared by every rule (missing column, unreadable value …). */
    common: z.record(z.string(), OutcomeSchema),
    columns: z.array(ColumnSchema).min(1),
    rules: z.array(RuleSchema).min(1),
    cases: z.array(CaseSchema).default([]),
  })
  .strict();

export type RuleSetInput = z.input<typeof RuleSetSchema>;
export type RuleSet = z.output<typeof RuleSetSchema>;
export type RuleDef = z.output<typeof RuleSchema>;
export type ColumnDef = z.output<typeof ColumnSchema>;
export type Citation = z.output<typeof CitationSchema>;
export type Outcome = z.output<typeof OutcomeSchema>;
export type RuleCase = z.output<typeof CaseSchema>;
