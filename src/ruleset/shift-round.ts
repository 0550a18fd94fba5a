import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { addDays } from '../normalize/iso-date.js';
import type { RuleSet } from '../rules/schema.js';
import { PLACEHOLDER } from './placeholders.js';

type Path = (string | number)[];

/**
 * The text of a rule set moved to round `year`: every year near the source round's (its year − 10 to
 * + 2) moves by the same number of years — in column ids, labels and aliases (CPD hours and their
 * split, assessments), the rules' params (CPD years, the seniority cut-off), texts and test cases (whose
 * days move by whole weeks) —
 * while the notice, the title, the reference date and the deadlines (and whatever repeats them: a
 * source citing the notice, a param equal to one of those dates) become {@link PLACEHOLDER}.
 * Untouched: citations of other documents (their years are their own), rules' notes (they cite dated
 * law) and comments. Edits are made in the source text, so its layout and comments stay as written.
 */
export function shiftRoundText(text: string, source: RuleSet, year: number): string {
  const delta = year - source.round.year;
  const doc = parseDocument(text, { merge: true });
  const roundDates = new Set([source.notice.issued, source.round.referenceDate, ...source.round.deadlines.map((d) => d.date)]);
  const near = (y: number) => y >= source.round.year - 10 && y <= source.round.year + 2;
  const shiftYears = (s: string) =>
    // Not inside a longer number (ID numbers), nor a document number's 〔2023〕.
    s.replace(/(?<![\d〔[])((?:19|20)\d{2})(?![\d〕\]])/g, (m) => (near(Number(m)) ? String(Number(m) + delta) : m));
  const edits: { from: number; to: number; text: string }[] = [];
  const placeholder = (node: Node) => {
    const [from, to] = node.range!;
    const quote = /^["']/.test(text.slice(from, to)) ? '"' : '';
    edits.push({ from, to, text: `${quote}${PLACEHOLDER}${quote}` });
  };

  const visit = (node: unknown, path: Path) => {
    if (isAlias(node) || node === null || node === undefined) return;
    if (isScalar(node)) return scalar(node, path);
    if (isSeq(node)) return node.items.forEach((item, i) => visit(item, [...path, i]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        // A year in a key (a test case's `cpd2021:`) moves like the column it names.
        if (inCases(path) && pair.key.range) shiftNode(pair.key);
        visit(pair.value, [...path, key]);
      }
    }
  };
  const inCases = (path: Path) => path[0] === 'cases';
  const shiftNode = (node: Node) => {
    const [from, to] = node.range!;
    const before = text.slice(from, to);
    const after = shiftYears(before);
    if (after !== before) edits.push({ from, to, text: after });
  };
  const scalar = (node: Node & { value: unknown }, path: Path) => {
    if (!node.range) return;
    const [top, second] = path;
    const last = path[path.length - 1];
    if (top === 'id' || top === 'version') return;
    if (top === 'title' || top === 'notice') return placeholder(node);
    if (top === 'round') {
      if (second === 'year') return edits.push({ from: node.range[0], to: node.range[1], text: String(year) });
      if (second === 'referenceDate' || (second === 'deadlines' && last === 'date')) return placeholder(node);
      return;
    }
    if (top === 'rules' && (path[2] === 'sources' || (path[2] === 'outcomes' && path[4] === 'sources'))) {
      if (last === 'doc' && node.value === source.notice.number) placeholder(node);
      return;
    }
    if (top === 'rules' && path[2] === 'note') return;
    if (top === 'rules' && typeof node.value === 'string' && roundDates.has(node.value)) return placeholder(node);
    if (typeof node.value === 'number') {
      if (last === 'year' && near(node.value)) edits.push({ from: node.range[0], to: node.range[1], text: String(node.value + delta) });
      return;
    }
    // A test case's day moves by whole weeks (364 days a year): the weekday stays, so a 公示 of five
    // working days stays five.
    if (inCases(path) && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value) && near(Number(node.value.slice(0, 4)))) {
      const [from, to] = node.range;
      const quote = /^["']/.test(text.slice(from, to)) ? text[from]! : '';
      return edits.push({ from, to, text: `${quote}${addDays(node.value, 364 * delta)}${quote}` });
    }
    if (typeof node.value === 'string') shiftNode(node);
  };

  visit(doc.contents, []);
  let out = text;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}
