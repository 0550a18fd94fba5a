import type { Finding, Severity, Status } from './types.js';

const rank: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

export function severityRank(s: Severity): number {
  return rank[s];
}

/** fail if any error, review if any warning, else pass (docs/rules.md §2). */
export function statusOf(findings: readonly Finding[]): Status {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, rank[f.severity]);
  return worst === 2 ? 'fail' : worst === 1 ? 'review' : 'pass';
}
