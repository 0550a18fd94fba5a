import { z } from 'zod';
import { formatRulesJson, formatRulesMarkdown, formatRulesTerminal } from '../format/rules-list.js';
import { loadRuleSet } from '../ruleset/load.js';
import { EXIT_OK } from './exit-codes.js';
import type { Output } from './output.js';

const Options = z.object({
  format: z.enum(['terminal', 'json', 'md']).default('terminal'),
  lang: z.enum(['zh', 'en']).default('zh'),
  rules: z.string().optional(),
});

/** `roster-screen rules`: prints the active rule set — id, severity, what, source and clause, confidence. */
export async function runRulesList(raw: Record<string, unknown>, io: Output): Promise<number> {
  const opts = Options.parse(raw);
  const { ruleSet } = await loadRuleSet(opts.rules);
  const text =
    opts.format === 'json' ? formatRulesJson(ruleSet, opts.lang) : opts.format === 'md' ? formatRulesMarkdown(ruleSet, opts.lang) : formatRulesTerminal(ruleSet, opts.lang);
  io.out(text);
  return EXIT_OK;
}
