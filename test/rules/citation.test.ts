import { describe, expect, it } from 'vitest';
import { allSources, renderSources } from '../../src/rules/citation.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';

describe('allSources', () => {
  it("lists the rule's sources, then those only an outcome cites, each once", () => {
    const a = { doc: 'A号', clause: '一' };
    const b = { doc: 'B号' };
    const rule = { sources: [a], outcomes: { x: {}, y: { sources: [a, b] }, z: { sources: [b] } } };
    expect(allSources(rule)).toEqual([a, b]);
    // The same document, another clause, is another citation.
    expect(allSources({ sources: [a], outcomes: { y: { sources: [{ doc: 'A号', clause: '二' }] } } })).toHaveLength(2);
  });

  it('the bundled education rule lists the high-skill opinion its 预备技师 warning rests on', () => {
    const rule = loadBundledRuleSet().ruleSet.rules.find((r) => r.id === 'education')!;
    expect(renderSources(rule.sources).zh).not.toContain('高技能人才');
    expect(renderSources(allSources(rule)).zh).toContain('高技能人才队伍建设的意见');
  });
});
