// Malformed rule files give errors that point at the file, line and field, in zh (default) and en.
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../src/core/user-error.js';
import { loadRuleSet, parseRuleSetText } from '../../src/ruleset/load.js';
import { validateRuleSetText } from '../../src/ruleset/validate.js';
import { edit, lineOf, miniText, tempDir, writeTemp, zh, en } from './helpers.js';

function parseError(text: string, origin = 'rules.yaml'): UserError {
  try {
    parseRuleSetText(text, origin);
  } catch (err) {
    if (isUserError(err)) return err;
    throw err;
  }
  throw new Error('expected the rule set to be refused');
}

describe('shape errors (what --rules FILE reports)', () => {
  it('a wrong severity names the line, the field and the vocabulary, with a suggestion', () => {
    const text = edit(miniText(), 'severity: warn\n        message: { zh: 申报日期未填写', 'severity: warning\n        message: { zh: 申报日期未填写');
    const err = parseError(text);
    expect(err.code).toBe('rules-invalid');
    const line = lineOf(text, 'severity: warning');
    expect(err.render('zh')).toContain(`rules.yaml:${line} rules[1].outcomes.blank.severity: 应为 error、warn、info 之一（现为 "warning"，是否应为 "warn"？）`);
    expect(err.render('en')).toContain(`rules.yaml:${line} rules[1].outcomes.blank.severity: expected one of error, warn, info (got "warning"; did you mean "warn"?)`);
  });

  it('a missing field is 必填 at the object that lacks it', () => {
    const text = edit(miniText(), '    confidence: N\n  - id: apply-deadline', '  - id: apply-deadline');
    const err = parseError(text);
    expect(err.render('zh')).toContain(`rules.yaml:${lineOf(text, '- id: cpd-hours')} rules[0].confidence: 必填`);
    expect(err.render('en')).toContain(`rules[0].confidence: required`);
  });

  it('dates must be YYYY-MM-DD strings and real calendar dates', () => {
    const text = edit(miniText(), 'issued: "2023-12-29"', 'issued: 2023/12/29');
    expect(parseError(text).render('zh')).toContain(`rules.yaml:${lineOf(text, 'issued:')} notice.issued: 应为 YYYY-MM-DD 格式的日期（现为 "2023/12/29"）`);
    const feb30 = edit(miniText(), 'date: "2024-03-21"', 'date: "2024-02-30"');
    expect(parseError(feb30).render('zh')).toContain(`rules.yaml:${lineOf(feb30, '2024-02-30')} round.deadlines[1].date: 不是有效的日期`);
  });

  it('a number where text is expected, and an unknown field with the likely intended one', () => {
    const text = edit(edit(miniText(), 'level: 正高级工程师', 'level: 3'), '    confidence: N\n  - id: apply-deadline', '    confidence: N\n    sorces: []\n  - id: apply-deadline');
    const msg = parseError(text).render('zh');
    expect(msg).toContain(`rules.yaml:${lineOf(text, 'level: 3')} round.level: 应为文本（现为 3）`);
    expect(msg).toContain(`rules.yaml:${lineOf(text, 'sorces:')} rules[0].sorces: 未知字段 "sorces"（是否应为 "sources"？）`);
  });

  it('typos inside records and kind params get a suggestion too', async () => {
    const text = edit(miniText(), "        severity: warn\n        message: { zh: 申报日期未填写", "        sevrity: warn\n        message: { zh: 申报日期未填写");
    const msg = parseError(text).render('zh');
    expect(msg).toContain(`rules.yaml:${lineOf(text, 'sevrity')} rules[1].outcomes.blank.sevrity: 未知字段 "sevrity"（是否应为 "severity"？）`);
    expect(msg).toContain(`rules[1].outcomes.blank.severity: 必填`);
    const params = edit(miniText(), 'accept: { values: [企业, 事业单位]', 'accept: { valuse: [企业, 事业单位]');
    const v = await validateRuleSetText(params, 'rules.yaml');
    expect(zh(v.errors)).toEqual([`rules.yaml:${lineOf(params, 'valuse')} rules[2].params.accept.valuse: 未知字段 "valuse"（是否应为 "values"？）`]);
  });

  it('a YAML syntax error gives line and column, and says what to do', () => {
    const text = edit(miniText(), "message: { zh: '{year}年继续教育学时未填写'", 'message: { zh: {year}年继续教育学时未填写');
    const err = parseError(text);
    expect(err.code).toBe('rules-syntax');
    expect(err.render('zh')).toMatch(new RegExp(`rules\\.yaml:${lineOf(text, 'zh: {year}年继续教育学时未填写')}:\\d+: 语法错误`));
    expect(err.render('zh')).toContain('须用引号括起来');
  });

  it('a duplicated key is a syntax error on its line', () => {
    const text = edit(miniText(), '  level: 正高级工程师\n', '  level: 正高级工程师\n  level: 高级工程师\n');
    expect(parseError(text).render('zh')).toContain(`rules.yaml:${lineOf(text, 'level: 高级工程师')}`);
  });

  it('JSON files get the same pointed errors', async () => {
    const { parse } = await import('yaml');
    const data = parse(miniText(), { merge: true }) as { rules: { params: Record<string, unknown> }[]; round: Record<string, unknown> };
    data.round['year'] = '2023年';
    const json = JSON.stringify(data, null, 2);
    const err = parseError(json, 'rules.json');
    expect(err.render('zh')).toContain(`rules.json:${lineOf(json, '"year": "2023年"')} round.year: 应为数字（现为 "2023年"）`);
  });

  it('an empty file says so', () => {
    expect(parseError('# nothing yet\n').render('zh')).toContain('文件是空的');
  });

  it('loadRuleSet (--rules) reports the path given and exits 2 via UserError', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'rules.yaml', edit(miniText(), 'year: 2023\n', 'year: 二〇二三\n'));
    const err = await loadRuleSet(file).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as UserError).render('zh')).toContain(`${file}:${lineOf(miniText(), 'year: 2023')} round.year: 应为数字`);
  });

  it('dates may be written unquoted and stay YYYY-MM-DD strings', () => {
    const rs = parseRuleSetText(edit(miniText(), 'issued: "2023-12-29"', 'issued: 2023-12-29'), 'rules.yaml');
    expect(rs.notice.issued).toBe('2023-12-29');
  });

  it('a valid file still loads', () => {
    expect(parseRuleSetText(miniText(), 'rules.yaml').rules.map((r) => r.id)).toEqual(['cpd-hours', 'apply-deadline', 'unit-type']);
  });
});

describe('second-stage errors: kinds, params, outcomes, columns', () => {
  it('params of a check kind point at the parameter: rules[0].params.minHours: 应为数字', async () => {
    const text = edit(miniText(), 'minHours: 90', 'minHours: 九十');
    const v = await validateRuleSetText(text, 'rules.yaml');
    expect(zh(v.errors)).toEqual([`rules.yaml:${lineOf(text, 'minHours: 九十')} rules[0].params.minHours: 应为数字（现为 "九十"）`]);
    expect(en(v.errors)[0]).toContain('rules[0].params.minHours: expected a number (got "九十")');
    expect(v.blocking).toHaveLength(1);
  });

  it('an unknown check kind suggests the known one', async () => {
    const text = edit(miniText(), 'check: min-hours-per-year', 'check: min-hour-per-year');
    const v = await validateRuleSetText(text, 'rules.yaml');
    expect(zh(v.errors)[0]).toContain(`rules.yaml:${lineOf(text, 'check: min-hour-per-year')} rules[0].check: 未知的检查类型 "min-hour-per-year"（是否应为 "min-hours-per-year"？）`);
  });

  it('an undeclared column points at the parameter that names it', async () => {
    const text = edit(miniText(), '{ year: 2022, field: cpd2022 }', '{ year: 2022, field: cpd2O22 }');
    const v = await validateRuleSetText(text, 'rules.yaml');
    expect(zh(v.errors)).toContain(
      `rules.yaml:${lineOf(text, 'cpd2O22')} rules[0].params.years[1].field: 引用了未声明的列 "cpd2O22"（是否应为 "cpd2022"？）；请在 columns 中声明，或改用已有的列`,
    );
  });

  it('a missing outcome (including one named in params) is an error at the rule’s outcomes', async () => {
    const text = edit(miniText(), 'otherwise: unknown', 'otherwise: strange');
    const v = await validateRuleSetText(text, 'rules.yaml');
    expect(zh(v.errors)).toEqual([expect.stringContaining('rules[2].outcomes: 缺少结果 "strange" 的级别和提示语')]);
    // and the declared-but-never-reported outcome is a warning (a typo shows up as both)
    expect(zh(v.warnings)).toEqual([expect.stringContaining('rules[2].outcomes.unknown: 本规则不会报告结果 "unknown"')]);
  });

  it('the --rules error lists every blocking problem, not only the first', async () => {
    const dir = tempDir();
    const text = edit(edit(miniText(), 'minHours: 90', 'minHours: "90"'), 'deadline: individual', 'deadline: personal');
    const file = writeTemp(dir, 'r.yaml', text);
    const err = await loadRuleSet(file).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    const msg = (err as UserError).render('zh');
    expect(msg).toContain(`${file}:${lineOf(text, 'minHours')} rules[0].params.minHours: 应为数字（现为 "90"）`);
    expect(msg).toContain(`${file}:${lineOf(text, 'deadline: personal')} rules[1].params.deadline: round.deadlines 中没有编号为 "personal" 的截止时间`);
    expect(msg).toContain('2 处错误');
  });
});
