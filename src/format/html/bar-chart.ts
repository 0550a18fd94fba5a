import { esc } from './escape.js';

export interface Segment {
  key: string;
  label: string;
  color: string;
}

export interface BarRow {
  label: string;
  /** Value per segment key. */
  values: Record<string, number>;
}

export interface BarChartSpec {
  /** `data-chart` name, for tests and styling. */
  name: string;
  title: string;
  segments: Segment[];
  rows: BarRow[];
  /** Rows beyond this are summed into one row labelled `othersLabel(n)`. */
  maxRows?: number;
  othersLabel?: (n: number) => string;
}

const W = 640;
const LABEL_W = 200;
const COUNT_W = 44;
const ROW_H = 24;
const BAR_H = 16;
const MAX_LABEL_UNITS = 30;

/** A horizontal stacked bar chart as inline SVG (no script, no external anything), with its legend. */
export function barChart(spec: BarChartSpec): string {
  const rows = capRows(spec);
  const totals = rows.map((r) => spec.segments.reduce((s, seg) => s + (r.values[seg.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const scale = (W - LABEL_W - COUNT_W - 8) / max;
  const height = Math.max(1, rows.length) * ROW_H + 4;
  const body = rows.map((r, i) => {
    const y = i * ROW_H + 2;
    let x = LABEL_W;
    const parts = [`<text x="${LABEL_W - 8}" y="${y + ROW_H / 2 + 4}" text-anchor="end"><title>${esc(r.label)}</title>${esc(shorten(r.label))}</text>`];
    for (const seg of spec.segments) {
      const v = r.values[seg.key] ?? 0;
      if (v <= 0) continue;
      const w = v * scale;
      parts.push(
        `<rect x="${fix(x)}" y="${y + (ROW_H - BAR_H) / 2}" width="${fix(w)}" height="${BAR_H}" fill="${seg.color}" data-segment="${esc(seg.key)}" data-value="${v}"><title>${esc(`${r.label} · ${seg.label}: ${v}`)}</title></rect>`,
      );
      if (w >= 8 * String(v).length + 6) parts.push(`<text class="v" x="${fix(x + w / 2)}" y="${y + ROW_H / 2 + 4}" text-anchor="middle">${v}</text>`);
      x += w;
    }
    parts.push(`<text class="t" x="${fix(x + 6)}" y="${y + ROW_H / 2 + 4}">${totals[i]}</text>`);
    return `<g data-label="${esc(r.label)}">${parts.join('')}</g>`;
  });
  const empty = rows.length === 0 ? `<text class="t" x="${LABEL_W}" y="${ROW_H / 2 + 4}">—</text>` : '';
  const legend = spec.segments.map((s) => `<span><i style="background:${s.color}"></i>${esc(s.label)}</span>`).join('');
  return (
    `<figure data-chart="${esc(spec.name)}"><figcaption>${esc(spec.title)}</figcaption>` +
    `<svg class="chart" data-chart="${esc(spec.name)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${esc(spec.title)}">` +
    `<title>${esc(spec.title)}</title>${body.join('')}${empty}</svg>` +
    `<div class="legend">${legend}</div></figure>`
  );
}

function capRows(spec: BarChartSpec): BarRow[] {
  const max = spec.maxRows ?? Infinity;
  if (spec.rows.length <= max) return spec.rows;
  const kept = spec.rows.slice(0, max - 1);
  const rest = spec.rows.slice(max - 1);
  const values: Record<string, number> = {};
  for (const r of rest) for (const [k, v] of Object.entries(r.values)) values[k] = (values[k] ?? 0) + v;
  return [...kept, { label: spec.othersLabel ? spec.othersLabel(rest.length) : `+${rest.length}`, values }];
}

/** Labels longer than the label column are cut with an ellipsis (the full text is the tooltip). CJK counts double. */
function shorten(s: string): string {
  let units = 0;
  const out: string[] = [];
  for (const ch of s) {
    units += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
    if (units > MAX_LABEL_UNITS) return `${out.join('')}…`;
    out.push(ch);
  }
  return s;
}

function fix(n: number): string {
  return String(Math.round(n * 10) / 10);
}
