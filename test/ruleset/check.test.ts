// `rules check`: the round lint — errors and warnings apart, each at its line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRuleSetText } from '../../src/ruleset/validate.js';
import { edit, lineOf, miniText, zh } from './helpers.js';

const BUNDLED = new URL('../../rules/zj-2023-zhenggao.yaml', import.meta.url);
const check = (text: string) => validateRuleSetText(text, 'r.yaml');
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('rules check', () => {
  it('the fixture is clean: no errors, no warnings', async () => {
    const v = await check(miniText());
    expect(zh(v.errors)).toEqual([]);
    expect(zh(v.warnings)).toEqual([]);
  });

  it('duplicate rule, column and deadline ids are errors at the second one', async () => {
    let text = edit(miniText(), '- id: unit-type', '- id: cpd-hours');
    text = edit(text, '- { id: cpd2022,', '- { id: cpd2021,');
    text = edit(text, '- id: employer', '- id: individual');
    const v = await check(text);
    const dup = zh(v.errors.filter((e) => e.code === 'duplicate-id'));
    expect(dup).toEqual([
      `r.yaml:${lineOf(text, '- id: individual', lineOf(text, '- id: individual'))} round.deadlines[1].id: 截止时间编号 "individual" 重复（与 round.deadlines[0] 相同）`,
      `r.yaml:${lineOf(text, '- { id: cpd2021,', lineOf(text, '- { id: cpd2021,'))} columns[4].id: 列编号 "cpd2021" 重复（与 columns[3] 相同）`,
      `r.yaml:${lineOf(text, '- id: cpd-hours', lineOf(text, '- id: cpd-hours'))} rules[2].id: 规则编号 "cpd-hours" 重复（与 rules[0] 相同）`,
    ]);
    expect(v.blocking.map((b) => b.code)).toContain('duplicate-id');
  });

  it('deadlines out of order: the date that breaks the order', async () => {
    const text = edit(miniText(), 'date: "2024-03-21"', 'date: "2023-03-21"');
    const v = await check(text);
    expect(zh(v.errors)).toContain(
      `r.yaml:${lineOf(text, '2023-03-21')} round.deadlines[1].date: 截止时间顺序颠倒："单位推荐截止" 2023-03-21 早于上一步 "个人申报截止" 2024-03-08；是否漏改了日期？`,
    );
    expect(codes(v.warnings)).toEqual(['deadline-before-notice']);
  });

  it('CPD years must end with the round year, and each year reads its own column', async () => {
    let text = edit(miniText(), 'year: 2023\n  level', 'year: 2024\n  level');
    let v = await check(text);
    expect(zh(v.errors)).toContain(`r.yaml:${lineOf(text, '      years:')} rules[0].params.years: 继续教育年份 2021、2022、2023 应以评审年度 2024 结束（round.year）；是否漏改？`);
    // the title and notice still say 2023
    expect(codes(v.warnings)).toEqual(expect.arrayContaining(['stale-year']));

    text = edit(miniText(), '{ year: 2023, field: cpd2023 }', '{ year: 2023, field: cpd2022 }');
    v = await check(text);
    expect(zh(v.errors)).toContain(`r.yaml:${lineOf(text, '{ year: 2023, field: cpd2022 }')} rules[0].params.years[2].field: 年份 2023 读取的列 "cpd2022" 属于 2022 年`);
  });

  it('an id or title naming another year than round.year is a warning to update it', async () => {
    const text = edit(miniText(), 'id: mini-2023', 'id: mini-2024');
    const v = await check(text);
    expect(zh(v.errors)).toEqual([]);
    expect(zh(v.warnings)).toEqual([`r.yaml:${lineOf(text, '  year: 2023')} round.year: 规则集编号 mini-2024 写的是 2024 年，评审年度（round.year）是 2023；是否漏改？`]);
  });

  it('a rule naming a deadline the round does not have', async () => {
    const v = await check(edit(miniText(), 'deadline: individual', 'deadline: lower'));
    expect(codes(v.errors)).toEqual(['unknown-deadline']);
  });

  it('a stage column waiting for an unknown deadline, a combined header naming an unknown column: errors at their line', async () => {
    let text = readFileSync(BUNDLED, 'utf8');
    text = edit(text, 'aliases: [个人申报日期, 网上申报日期, 申报日期], waitsFor: individual }', 'aliases: [个人申报日期, 网上申报日期, 申报日期], waitsFor: individal }');
    text = edit(text, 'combines: { fields: [education, degree], split: list }', 'combines: { fields: [education, degre], split: list }');
    const v = await check(text);
    expect(codes(v.errors).sort()).toEqual(['unknown-column', 'unknown-deadline']);
    expect(zh(v.errors).join('\n')).toContain(`r.yaml:${lineOf(text, 'waitsFor: individal')} columns[`);
    expect(zh(v.errors).join('\n')).toMatch(/combines\.fields\[1\]: combines\.fields 中的 "degre" 不是已声明的列编号/);
  });

  it('missing citations and messages are errors; severities outside the vocabulary too', async () => {
    let v = await check(edit(miniText(), "sources: [{ doc: 测试〔2023〕1号, clause: 三 }]", 'sources: []'));
    expect(zh(v.errors)[0]).toMatch(/rules\[1\]\.sources: 至少需要一项$/);
    v = await check(edit(miniText(), "message: { zh: 申报日期未填写, en: application date is blank }", 'message: { zh: 申报日期未填写 }'));
    expect(zh(v.errors)[0]).toMatch(/rules\[1\]\.outcomes\.blank\.message\.en: 必填$/);
    v = await check(edit(miniText(), "        severity: warn\n        message: { zh: 申报日期未填写", "        severity: fatal\n        message: { zh: 申报日期未填写"));
    expect(zh(v.errors)[0]).toMatch(/rules\[1\]\.outcomes\.blank\.severity: 应为 error、warn、info 之一（现为 "fatal"）$/);
  });

  it('a message with unbalanced braces is a warning', async () => {
    const v = await check(edit(miniText(), "'{year}年继续教育学时未填写'", "'{year年继续教育学时未填写'"));
    expect(codes(v.warnings)).toEqual(['message-braces']);
  });

  it('cases: unknown rules and columns are errors; rules without a case are warnings', async () => {
    let text = edit(miniText(), 'rules: [unit-type]', 'rules: [unit-kind]');
    let v = await check(text);
    expect(codes(v.errors)).toEqual(['case-unknown-rule']);
    expect(zh(v.warnings)).toEqual([`r.yaml:${lineOf(text, '- id: unit-type')} rules[2].id: 规则 unit-type 没有测试用例（cases 中没有期望它报告问题的用例）`]);
    text = edit(miniText(), 'unitType: 机关', 'unitKind: 机关');
    v = await check(text);
    expect(zh(v.errors)).toEqual([`r.yaml:${lineOf(text, 'unitKind: 机关')} cases[3].applicant.unitKind: 测试用例使用了未声明的列 "unitKind"`]);
  });

  it('common must give the message for a missing column unless every rule does', async () => {
    const text = edit(miniText(), '  missing-column:', '  missing-col:');
    const v = await check(text);
    expect(zh(v.errors)[0]).toContain('common: common 中缺少 "missing-column"');
  });

  it('a header alias claimed by two columns is a warning', async () => {
    const v = await check(edit(miniText(), 'aliases: [2022年继续教育学时]', 'aliases: [2022年继续教育学时, 2021年继续教育学时]'));
    expect(codes(v.warnings)).toEqual(['duplicate-alias']);
  });
});
