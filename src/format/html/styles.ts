// All styling is inline (the CSP allows inline styles only): system fonts, no web fonts.
export const REPORT_CSS = `
:root { --pass: #2e7d32; --review: #b26a00; --fail: #c62828; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); break-after: avoid; }
h3 { font-size: 15px; margin: 20px 0 8px; break-after: avoid; }
.sub { color: var(--muted); margin: 0 0 4px; }
.privacy { color: var(--muted); font-size: 12px; margin: 0; }
.past-round { border: 2px solid #b26a00; color: #b26a00; font-weight: bold; padding: 6px 10px; margin: 8px 0 0; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0; }
.card { flex: 1 1 150px; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 10px 14px; background: var(--bg); break-inside: avoid; }
.card .n { font-size: 30px; font-weight: 700; line-height: 1.2; }
.card .l { color: var(--muted); }
.card.pass { border-left-color: var(--pass); } .card.pass .n { color: var(--pass); }
.card.review { border-left-color: var(--review); } .card.review .n { color: var(--review); }
.card.fail { border-left-color: var(--fail); } .card.fail .n { color: var(--fail); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px 24px; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-size: 13px; fill: var(--ink); }
svg.chart text.v { fill: #fff; font-weight: 600; }
svg.chart text.t { fill: var(--muted); }
.legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); margin: 2px 0 0; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; }
.note { color: var(--muted); font-size: 12px; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.applicants td:nth-child(2) { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id, code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; white-space: nowrap; }
code.sha { white-space: normal; word-break: break-all; }
ul.reasons { margin: 0; padding-left: 0; list-style: none; }
ul.reasons li { margin: 0 0 3px; }
.sev { display: inline-block; min-width: 3.2em; text-align: center; border-radius: 3px; padding: 0 4px; font-size: 12px; color: #fff; margin-right: 4px; }
.sev.error { background: var(--fail); } .sev.warn { background: var(--review); } .sev.info { background: #57606a; }
.rule { color: var(--muted); font-size: 12px; }
.src { color: var(--muted); font-size: 12px; }
.cell { font-weight: 600; }
.passed { color: var(--muted); }
.stale { color: var(--review); }
table.facts th { width: 13em; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .charts { display: block; }
  .charts figure, .charts > div { margin-bottom: 14px; }
  svg.chart { max-width: 170mm; }
  h2 { margin-top: 18px; }
  a { color: inherit; text-decoration: none; }
}
`;
