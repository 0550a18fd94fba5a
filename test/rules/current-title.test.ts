import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'current-title';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['高级工程师', { currentTitle: '高级工程师' }, []],
    ['高工', { currentTitle: '高工' }, []],
    ['副高级工程师', { currentTitle: '副高级工程师' }, []],
    ['高级工程师 with a note', { currentTitle: '高级工程师（电子）' }, []],
    ['already 正高级工程师 → error', { currentTitle: '正高级工程师' }, [['already', 'error']]],
    ['already 教授级高级工程师 → error', { currentTitle: '教授级高级工程师' }, [['already', 'error']]],
    ['already 研究员 → error', { currentTitle: '研究员' }, [['already', 'error']]],
    ['another 副高 series 高级经济师 → warn', { currentTitle: '高级经济师' }, [['other-series', 'warn']]],
    ['another 副高 series 高级实验师 → warn', { currentTitle: '高级实验师' }, [['other-series', 'warn']]],
    ['another 副高 series 副研究员 → warn', { currentTitle: '副研究员' }, [['other-series', 'warn']]],
    ['another 副高 series 副教授 → warn', { currentTitle: '副教授' }, [['other-series', 'warn']]],
    ['below: 工程师 → error', { currentTitle: '工程师' }, [['below', 'error']]],
    ['below: 助理工程师 → error', { currentTitle: '助理工程师' }, [['below', 'error']]],
    ['below: 工程师（中级） → error', { currentTitle: '工程师（中级）' }, [['below', 'error']]],
    ['below: 高级技师 is a skill level → error', { currentTitle: '高级技师' }, [['below', 'error']]],
    ['below with 破格=是 → warn', { currentTitle: '工程师', poge: '是' }, [['below-poge', 'warn']]],
    ['below with 破格=否 → error', { currentTitle: '工程师', poge: '否' }, [['below', 'error']]],
    ['副高 + engineering title specialty → ok', { currentTitle: '副高', currentTitleSpecialty: '机械工程' }, []],
    ['副高 + other title specialty → warn', { currentTitle: '副高', currentTitleSpecialty: '经济' }, [['series-unclear', 'warn']]],
    ['副高级 without title specialty → warn', { currentTitle: '副高级' }, [['series-unclear', 'warn']]],
    ['unrecognised → warn', { currentTitle: '主任' }, [['unknown', 'warn']]],
    ...['信息系统项目管理师', '系统分析师', '系统架构设计师', '网络规划设计师', '系统规划与管理师', '高级信息系统项目管理师'].map(
      (t): [string, RowInput, [string, string][]] => [`软考高级 ${t} → warn, not unknown`, { currentTitle: t }, [['senior-qualification', 'warn']]],
    ),
    ['blank → error', { currentTitle: '' }, [['blank', 'error']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('explains each outcome (zh and en)', async () => {
    const f = (await screenOne({ currentTitle: '高级经济师' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('现专业技术资格"高级经济师"不是工程系列的高级工程师；其他系列副高级人员须按转评办理');
    expect(f?.message.en).toContain('must transfer series (转评)');
    const g = (await screenOne({ currentTitle: '副高' })).findings.find((x) => x.ruleId === RULE);
    expect(g?.message.zh).toContain('现资格专业：未填写');
  });

  it('warns per applicant when the roster has no 现专业技术资格 column (core)', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'currentTitle');
    expect(outcomesOf(await screenOne({}, { columns }), RULE)).toEqual([['missing-column', 'warn']]);
  });

  it('软考高级: the message asks whether 高级工程师 was appointed', async () => {
    const f = (await screenOne({ currentTitle: '系统架构设计师' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('请核实是否已聘任高级工程师');
    expect(f?.message.en).toContain('check that the applicant has been appointed 高级工程师');
    // Only this warning cites the examination's rules; another series' title does not.
    expect(f?.source.zh).toContain('国人部发〔2003〕39号');
    const other = (await screenOne({ currentTitle: '高级经济师' })).findings.find((x) => x.ruleId === RULE);
    expect(other?.outcome).toBe('other-series');
    expect(other?.source.zh).toBe('〔人社部发〔2019〕16号 附件 工程技术人才职称评价基本标准 四；浙经信人事〔2023〕291号 二〕');
  });
});
