import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../src/core/user-error.js';
import { prepareRules } from '../../src/rules/prepare-rules.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';

// prepareRules holds a rule set built in code to the validator's own terms (no second validator).
describe('prepareRules', () => {
  const bundled = () => structuredClone(loadBundledRuleSet().ruleSet);

  it('binds every enabled rule of the bundled set', async () => {
    const rs = bundled();
    const prepared = await prepareRules(rs);
    expect(prepared.map((p) => p.def.id)).toEqual(rs.rules.filter((r) => r.enabled).map((r) => r.id));
  });

  it.each([
    ['an unknown check kind', (rs: ReturnType<typeof bundled>) => (rs.rules[1]!.check = 'duplicat'), 'rules[1].check: 未知的检查类型 "duplicat"'],
    [
      'a deadline the round does not have',
      (rs: ReturnType<typeof bundled>) => {
        const rule = rs.rules.find((r) => r.check === 'deadline')!;
        rule.params['deadline'] = 'personal';
      },
      'params.deadline: round.deadlines 中没有编号为 "personal" 的截止时间',
    ],
  ])('refuses %s, naming the rule set and field', async (_name, spoil, expected) => {
    const rs = bundled();
    spoil(rs);
    const err = await prepareRules(rs).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as UserError).render('zh')).toContain(`${rs.id} rules[`);
    expect((err as UserError).render('zh')).toContain(expected);
  });
});
