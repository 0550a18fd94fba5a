// The template follows the loaded rule set: its dropdowns offer only values the rules understand,
// and it still works (with the fallbacks of docs/rules.md) when a rule is missing or changed.
import { describe, expect, it } from 'vitest';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/rules/schema.js';
import { buildTemplate, defaultTemplateName } from '../../src/template/build-template.js';
import { templateColumns } from '../../src/template/template-columns.js';
import { templateDropdowns } from '../../src/template/vocabularies.js';
import { screenOne } from '../helpers/screen-rows.js';
import { readXlsx } from './xlsx-parts.js';

const bundled = (): RuleSet => structuredClone(loadBundledRuleSet().ruleSet);

// Outcomes meaning "this value was not understood" (as opposed to understood and judged).
const NOT_UNDERSTOOD = /^(unknown|unrecognized|unreadable|other)$/;

describe('template dropdowns and the rule set', () => {
  const dropdowns = templateDropdowns(bundled());

  it('every dropdown value is understood by the rule that reads the column', async () => {
    for (const d of dropdowns) {
      for (const field of d.fields) {
        for (const value of d.values) {
          const r = await screenOne({ [field]: value });
          const confused = r.findings.filter((f) => NOT_UNDERSTOOD.test(f.outcome) && f.ruleId !== 'specialty');
          expect(confused, `${field} = ${value}`).toEqual([]);
          if (field === 'specialty') expect(r.findings.filter((f) => f.ruleId === 'specialty' && f.severity !== 'info'), value).toEqual([]);
        }
      }
    }
  });

  it('the accepted values of each closed vocabulary pass their rule', async () => {
    for (const v of ['企业', '事业单位', '部属在浙单位']) {
      const r = await screenOne({ unitType: v, entrusted: '是', postVerified: '是' });
      expect(r.findings.filter((f) => f.ruleId === 'unit-type'), v).toEqual([]);
    }
    for (const v of ['博士研究生', '硕士研究生', '大学本科']) {
      const r = await screenOne({ education: v, degree: '' });
      expect(r.findings.filter((f) => f.ruleId === 'education'), v).toEqual([]);
    }
  });

  it('reads the specialties and grades from the rule set, not from the code', () => {
    const rs = bundled();
    const specialty = rs.rules.find((r) => r.check === 'specialty');
    const assessment = rs.rules.find((r) => r.check === 'annual-assessment');
    if (!specialty || !assessment) return; // rules still being written: covered by the fallback test
    (specialty.params.specialties as { name: string }[]).push({ name: '生物医药' });
    assessment.params.pass = ['A', 'B'];
    assessment.params.concern = ['C'];
    const ds = templateDropdowns(rs);
    expect(ds.find((d) => d.fields.includes('specialty'))!.values).toContain('生物医药');
    expect(ds.find((d) => d.fields.includes('assessment2022'))!.values).toEqual(['A', 'B', 'C']);
  });

  it('falls back to the vocabularies of docs/rules.md when a rule is not in the rule set', () => {
    const rs = bundled();
    rs.rules = rs.rules.filter((r) => !['specialty', 'vocabulary', 'education', 'yes-no', 'annual-assessment'].includes(r.check));
    const ds = templateDropdowns(rs);
    const of = (field: string) => ds.find((d) => d.fields.includes(field))?.values;
    expect(of('specialty')).toEqual(['机电制造', '信息技术', '能源', '材料', '轻纺', '石油和化学工程', '人工智能']);
    expect(of('unitType')).toEqual(['企业', '事业单位', '部属在浙单位']);
    expect(of('education')).toContain('大学本科');
    expect(of('cpdRegistered')).toEqual(['是', '否']);
    expect(of('assessment2023')).toContain('合格');
  });

  it('takes new years and new columns of a later rule set', async () => {
    const rs = bundled();
    rs.round.year = 2024;
    for (const c of rs.columns) {
      c.id = c.id.replace(/^(cpd|assessment)(\d{4})$/, (_, p: string, y: string) => `${p}${Number(y) + 1}`);
      c.label.zh = c.label.zh.replace(/^(\d{4})/, (y) => String(Number(y) + 1));
    }
    rs.columns.push({ id: 'patents', class: 'stage', label: { zh: '授权发明专利数', en: 'Patents' }, aliases: ['授权发明专利数'] });
    rs.rules = [];
    const cols = templateColumns(rs).map((c) => c.def.label.zh);
    expect(cols).toContain('2024年继续教育学时');
    expect(cols).not.toContain('2021年继续教育学时');
    expect(cols.at(-1)).toBe('授权发明专利数');
    expect(defaultTemplateName(rs)).toBe('2024年度正高级工程师申报人员花名册.xlsx');
    const built = await buildTemplate(rs, { lang: 'zh', created: new Date(Date.UTC(2024, 11, 1)) });
    expect(readXlsx(built.buffer).cells('花名册').get('A1')).toBe('序号');
  });

  it('lang en: the instructions are bilingual, the roster headers stay Chinese (the aliases match them)', async () => {
    const built = await buildTemplate(bundled(), { lang: 'en' });
    const parts = readXlsx(built.buffer);
    expect(parts.cells('花名册').get('D1')).toBe('身份证号');
    const text = [...parts.cells('填写说明').values()].join('\n');
    expect(text).toContain('at least 5 working days');
    expect(text).toContain('不少于5个工作日');
    expect(text).toContain('ID number');
  });

  it('is reproducible for a fixed creation date', async () => {
    const a = await buildTemplate(bundled(), { lang: 'zh', created: new Date(Date.UTC(2024, 0, 1)) });
    const b = await buildTemplate(bundled(), { lang: 'zh', created: new Date(Date.UTC(2024, 0, 1)) });
    const pa = readXlsx(a.buffer);
    const pb = readXlsx(b.buffer);
    for (const name of Object.keys(pa.entries)) expect(pa.text(name), name).toBe(pb.text(name));
  });
});
