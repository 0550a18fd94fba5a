import type { Severity } from '../core/types.js';
import { severityRank } from '../core/status.js';
import { diffDays } from '../normalize/iso-date.js';
import type { ScreenOutcome } from '../pipeline/screen-files.js';
import { allSources, renderSources } from '../rules/citation.js';
import type { LoadedRuleSet } from '../ruleset/load.js';
import type { RunResult, RuleSummary } from './run-result.js';
import { pastRoundNotice } from './past-round.js';
import { toolInfo } from './tool-info.js';

/** Assembles the immutable result every formatter and writer works from. */
export function buildRunResult(outcome: ScreenOutcome, rules: LoadedRuleSet, asOf: string): RunResult {
  const { result, inputs } = outcome;
  const rs = rules.ruleSet;
  const summary = { total: result.applicants.length, pass: 0, review: 0, fail: 0 };
  for (const a of result.applicants) summary[a.status]++;

  const flagged = new Map<string, number>();
  for (const a of result.applicants) {
    for (const id of new Set(a.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))) {
      flagged.set(id, (flagged.get(id) ?? 0) + 1);
    }
  }
  // A rule that ran on some of its columns (a year missing) counts as checked; its entry says which part was not.
  const uncheckedIds = new Set(result.unchecked.filter((u) => !u.partial).map((u) => u.ruleId));
  const ruleSummaries: RuleSummary[] = rs.rules
    .filter((r) => r.enabled)
    .map((r) => ({
      id: r.id,
      severity: Object.values(r.outcomes).reduce<Severity>((w, o) => (severityRank(o.severity) > severityRank(w) ? o.severity : w), 'info'),
      ...(r.title ? { title: r.title } : {}),
      description: r.description,
      source: renderSources(allSources(r)),
      confidence: r.confidence,
      flagged: flagged.get(r.id) ?? 0,
      unchecked: uncheckedIds.has(r.id),
    }));

  const pastRound = pastRoundNotice(rs, asOf);
  const problems = [
    ...(pastRound ? [{ file: rules.origin, message: pastRound }] : []),
    ...outcome.problems,
    ...result.missingCore.map((m) => ({
      file: m.file,
      message: {
        zh: `花名册缺少核心列：${m.columns.join('、')}；相关条件无法核验，每位申报人均标为待复核`,
        en: `The roster lacks core column(s): ${m.columns.join(', ')}; the conditions they show cannot be checked and every applicant is marked for review`,
      },
    })),
  ];

  return {
    tool: toolInfo(),
    ruleSet: {
      id: rs.id,
      title: rs.title,
      notice: rs.notice.number,
      noticeIssued: rs.notice.issued,
      sha256: rules.sha256,
      origin: rules.origin,
    },
    asOf,
    inputs,
    applicants: result.applicants,
    summary,
    unchecked: result.unchecked,
    problems,
    ...(pastRound ? { pastRound } : {}),
    exceptions: result.exceptions,
    deadlines: rs.round.deadlines.map((d) => ({ id: d.id, label: d.label, date: d.date, daysLeft: diffDays(asOf, d.date) })),
    rules: ruleSummaries,
  };
}
