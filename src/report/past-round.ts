import type { Localized } from '../core/types.js';
import type { RuleSet } from '../rules/schema.js';
import { commandName } from '../core/command-name.js';

/**
 * When the as-of date is after the rule set's last deadline, the round it describes is over: the
 * user is most likely screening for a newer round with last round's rules. Null while the round runs.
 * The steps are pointed at in the file `rules init` writes, not in docs/: users of the single-file
 * executable have no docs folder.
 */
export function pastRoundNotice(rs: RuleSet, asOf: string): Localized | null {
  const last = rs.round.deadlines.map((d) => d.date).sort().at(-1);
  if (last === undefined || asOf <= last) return null;
  const y = rs.round.year;
  const next = Number(asOf.slice(0, 4));
  return {
    zh: `规则集 ${rs.id} 用于 ${y} 年度评审，其截止时间已过（最后截止 ${last}，核验日期 ${asOf}）。审核新一轮的花名册，请用新一轮的规则集文件：${commandName()} --rules 新规则集.yaml 花名册.xlsx；没有时可由本规则集生成并按新通知填写：${commandName()} rules init --from ${rs.id} --year ${next} --id 新编号（生成的文件开头写有逐步修改的说明）`,
    en: `Rule set ${rs.id} is for the ${y} round, whose deadlines have passed (last ${last}; as of ${asOf}). To screen a newer round's roster, use that round's rule file: ${commandName()} --rules new-rules.yaml roster.xlsx; to make one from this set and fill it in from the new notice: ${commandName()} rules init --from ${rs.id} --year ${next} --id NEW-ID (the file it writes begins with the steps)`,
  };
}
