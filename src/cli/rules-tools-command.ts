import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Divisions } from '../calendar/divisions.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import type { Lang } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { isValidIso, todayIso } from '../normalize/iso-date.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { expandInputs } from '../pipeline/expand-inputs.js';
import { screenFiles } from '../pipeline/screen-files.js';
import { deepEqual, diffRuleSets } from '../ruleset/diff-rule-sets.js';
import { diffVerdicts } from '../ruleset/diff-verdicts.js';
import { initCopyText, schemaPathFor } from '../ruleset/init-copy.js';
import { formatIssue, formatPath, type RuleIssue } from '../ruleset/issues.js';
import { formatCheckJson, formatCheckTerminal } from '../ruleset/report-check.js';
import { formatDiffJson, formatDiffTerminal, type DiffReport } from '../ruleset/report-diff.js';
import { formatTestJson, formatTestTerminal } from '../ruleset/report-test.js';
import { runCases } from '../ruleset/run-cases.js';
import { loadRuleSet, loadSourceChecked, type LoadedRuleSet } from '../ruleset/load.js';
import { bundledRulesDir, readRuleSource } from '../ruleset/read-source.js';
import { validateRuleSetText, validateSource } from '../ruleset/validate.js';
import { EXIT_FOUND, EXIT_OK } from './exit-codes.js';
import type { Output } from './output.js';
import { commandName } from '../core/command-name.js';

// `roster-screen rules init|check|test|diff`: the tools an office uses to prepare next year's rule set.
// Exit codes (ESLint's contract): 0 = clean / all cases pass / no verdict or rule changes;
// 1 = check found errors / a case failed / the rule sets (or, with --roster, the verdicts) differ;
// 2 = could not run (unreadable or unusable rule set, bad option) — thrown as UserError, see main.ts.

const Lang = z.enum(['zh', 'en']).default('zh');
const Format = z.enum(['terminal', 'json']).default('terminal');

function options<T extends z.ZodType>(schema: T, raw: Record<string, unknown>): z.output<T> {
  const parsed = schema.safeParse({ ...raw, ...sharedOptions(process.argv) });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const opt = `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`;
  throw new UserError('bad-option', { zh: `选项 ${opt} 的值无效：${issue.message}`, en: `Invalid value for ${opt}: ${issue.message}` });
}

// WORKAROUND: the root command also declares --lang and --format, and commander gives an option to
// the root when both declare it, so the subcommand sees only its defaults. Until main.ts passes
// `cmd.optsWithGlobals()`, the values are read from argv here.
export function sharedOptions(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['lang', 'format']) {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) continue;
    const v = argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
    if (v !== undefined) out[name] = v;
  }
  return out;
}

const InitOptions = z.object({
  from: z.string().min(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: '规则集编号只能用小写字母、数字和连字符，如 zj-yyyy-zhenggao / lower-case letters, digits and hyphens, e.g. zj-yyyy-zhenggao' }),
  out: z.string().min(1).optional(),
  year: z.coerce
    .number()
    .int()
    .min(2000, { message: '应为四位数的年份（YYYY）/ must be a four-digit year (YYYY)' })
    .max(2099, { message: '应为四位数的年份（YYYY）/ must be a four-digit year (YYYY)' })
    .optional(),
  lang: Lang,
});

/** `roster-screen rules init --from ID|FILE --id NEW [--year YYYY] [--out FILE]`: writes a commented copy to edit. */
export async function runRulesInit(raw: Record<string, unknown>, io: Output): Promise<number> {
  const opts = options(InitOptions, raw);
  const src = readRuleSource(opts.from);
  const { validation, ruleSet } = await loadSourceChecked(src);
  const out = opts.out ?? `${opts.id}.yaml`;
  if (out !== '-' && /\.json$/i.test(out)) {
    throw new UserError('init-json', {
      zh: `rules init 写出带注释的 YAML 文件，JSON 不能保存注释。请用 --out ${out.replace(/\.json$/i, '.yaml')}`,
      en: `rules init writes YAML with comments, which JSON cannot hold. Use --out ${out.replace(/\.json$/i, '.yaml')}`,
    });
  }
  if (out !== '-' && existsSync(out)) {
    throw new UserError('init-exists', {
      zh: `文件 "${out}" 已存在，未覆盖。请换一个 --out 文件名，或先删除它。`,
      en: `"${out}" already exists and was not overwritten. Choose another --out or delete it first.`,
    });
  }
  const outName = out === '-' ? `${opts.id}.yaml` : out;
  const text = initCopyText({
    text: src.text,
    ruleSet,
    kinds: validation.kinds,
    from: opts.from,
    newId: opts.id,
    ...(opts.year === undefined ? {} : { year: opts.year }),
    lang: opts.lang,
    ...schemaModeline(outName),
    outName,
  });
  // The copy must say exactly what the source says (only the id differs); the comments never change that.
  // Moved to another year, it must be refused only for what is left to fill.
  const copy = await validateRuleSetText(text, outName);
  const toFill = copy.errors.filter((e) => e.code === 'placeholder');
  const sound =
    opts.year === undefined
      ? copy.ruleSet !== undefined && copy.blocking.length === 0 && deepEqual({ ...copy.ruleSet, id: ruleSet.id }, ruleSet)
      : copy.errors.length === toFill.length;
  if (!sound) throw new Error('rules init produced a copy that differs from its source');
  if (out === '-') {
    io.out(text.endsWith('\n') ? text : `${text}\n`);
    return EXIT_OK;
  }
  await writeFileAtomic(out, text.endsWith('\n') ? text : `${text}\n`, '--out');
  io.out(initSummary(opts.lang, out, opts.from, toFill));
  return EXIT_OK;
}

// The editor's schema link, only to a schema on disk: the single-file executable carries its schema
// inside, where no editor can follow a path.
function schemaModeline(outName: string): { schemaPath?: string } {
  const schema = path.join(bundledRulesDir(), 'rule-set.schema.json');
  return existsSync(schema) ? { schemaPath: schemaPathFor(outName, schema) } : {};
}

function initSummary(lang: Lang, out: string, from: string, toFill: RuleIssue[]): string {
  const fill = toFill.length === 0 ? [] : [
    lang === 'zh' ? `以下 ${toFill.length} 处写为"待填"，须按新通知填写：` : `${toFill.length} places read "待填" and must be filled in from the new notice:`,
    ...toFill.map((e) => `  ${e.line ?? '?'}: ${formatPath(e.path)}`),
  ];
  if (lang === 'en') {
    return [
      `Written ${out} (a copy of ${from}).`,
      ...fill,
      'Next: edit the fields marked ★ and what the new notice changed, then',
      `  ${commandName()} rules check ${out}`,
      `  ${commandName()} rules test ${out}`,
      `  ${commandName()} rules diff ${from} ${out} --roster roster.xlsx`,
      '',
    ].join('\n');
  }
  return [
    `已写出 ${out}（复制自 ${from}）。`,
    ...fill,
    '下一步：按新通知修改标 ★ 的字段和通知改动的条件，然后运行',
    `  ${commandName()} rules check ${out}`,
    `  ${commandName()} rules test ${out}`,
    `  ${commandName()} rules diff ${from} ${out} --roster 花名册.xlsx`,
    '',
  ].join('\n');
}

const CheckOptions = z.object({ lang: Lang, format: Format });

/** `roster-screen rules check FILE`: lints a rule set; errors and warnings listed apart. */
export async function runRulesCheck(file: string, raw: Record<string, unknown>, io: Output): Promise<number> {
  const opts = options(CheckOptions, raw);
  const validation = await validateSource(readRuleSource(file));
  io.out(opts.format === 'json' ? formatCheckJson(validation, opts.lang) : formatCheckTerminal(validation, opts.lang, io.color));
  return validation.errors.length ? EXIT_FOUND : EXIT_OK;
}

const TestOptions = z.object({ lang: Lang, format: Format });

/** `roster-screen rules test FILE`: runs the cases the rule set carries. */
export async function runRulesTest(file: string, raw: Record<string, unknown>, io: Output): Promise<number> {
  const opts = options(TestOptions, raw);
  const loaded = await loadSourceChecked(readRuleSource(file));
  const caseErrors = loaded.validation.errors.filter((e) => e.code.startsWith('case-'));
  for (const e of caseErrors) io.err(`${formatIssue(e, opts.lang)}\n`);
  const asOf = loaded.ruleSet.round.referenceDate;
  const results = await runCases(loaded.ruleSet, { asOf });
  if (results.length === 0) {
    io.err(opts.lang === 'zh' ? `规则集 ${loaded.origin} 没有测试用例（cases），未运行任何测试。\n` : `Rule set ${loaded.origin} has no cases; nothing was tested.\n`);
  }
  io.out(opts.format === 'json' ? formatTestJson(loaded.origin, results, asOf, opts.lang) : formatTestTerminal(loaded.origin, results, asOf, opts.lang, io.color));
  return results.some((r) => !r.ok) || caseErrors.length ? EXIT_FOUND : EXIT_OK;
}

const DiffOptions = z.object({
  lang: Lang,
  format: Format,
  roster: z.array(z.string()).optional(),
  asOf: z
    .string()
    .refine(isValidIso, { message: '应为 YYYY-MM-DD 格式的日期 / must be a date YYYY-MM-DD' })
    .optional(),
});

/** `roster-screen rules diff A B [--roster FILE...]`: what changed, and whose verdict moves and why. */
export async function runRulesDiff(a: string, b: string, raw: Record<string, unknown>, io: Output): Promise<number> {
  const opts = options(DiffOptions, raw);
  const ra = await loadRuleSet(a);
  const rb = await loadRuleSet(b);
  const report: DiffReport = { a: ra.origin, b: rb.origin, changes: diffRuleSets(ra.ruleSet, rb.ruleSet) };
  if (opts.roster?.length) {
    const files = await expandInputs(opts.roster);
    const asOf = opts.asOf ?? todayIso();
    const screen = async (rules: LoadedRuleSet) =>
      (
        await screenFiles({
          files,
          asOf,
          strictColumns: false,
          rules,
          env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
        })
      ).result.applicants;
    const diff = diffVerdicts(await screen(ra), await screen(rb));
    report.verdicts = { ...diff, asOf, files };
  }
  io.out(opts.format === 'json' ? formatDiffJson(report, opts.lang) : formatDiffTerminal(report, opts.lang, io.color));
  const differs = report.verdicts ? report.verdicts.changed.length > 0 : report.changes.length > 0;
  return differs ? EXIT_FOUND : EXIT_OK;
}
