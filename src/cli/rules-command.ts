import { z } from 'zod';
import { formatRulesJson, formatRulesMarkdown, formatRulesTerminal } from '../format/rules-list.js';
import { loadBundledRuleSet } from '../rules/load-rule-set.js';
import { prepareRules } from '../rules/prepare-rules.js';
import { EXIT_OK } from './exit-codes.js';
import type { Output } from './output.js';
import { PARSE_ONCE } from '../core/parse-once.js';

const Options = z.object({
  format: z.enum(['terminal', 'json', 'md']).default('terminal'),
  lang: z.enum(['zh', 'en']).default('zh'),
  rules: z.string().optional(),
});

/** `screen rules`: prints the active rule set — id, severity, what, source and clause, confidence. */
export async function runRulesList(raw: Record<string, unknown>, io: Output): Promise<number> {
  const opts = Options.parse(raw, PARSE_ONCE);
  const { ruleSet } = opts.rules ? await (await import('../rulekit/validate.js')).loadRuleSetChecked(opts.rules) : loadBundledRuleSet();
  await prepareRules(ruleSet); // a listing of a broken rule set would mislead
  const text =
    opts.format === 'json' ? formatRulesJson(ruleSet, opts.lang) : opts.format === 'md' ? formatRulesMarkdown(ruleSet, opts.lang) : formatRulesTerminal(ruleSet, opts.lang);
  io.out(text);
  return EXIT_OK;
}
