import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../helpers/source-files.js';

// A round's facts (its years, its CPD columns, its notice number) live in rules/ and the bundled
// data; code that names them breaks the next round. Comments may give examples; code may not.
// Allowed in strings: example dates that show a format (2024-03-11, 2024年3月11日), URLs, and the
// names below, which are not rounds.
const NOT_ROUNDS = ['Excel 97-2003', 'cn-holidays-2020-2026.json'];
const EXAMPLE_DATE = /(?<!\d)20\d\d(?:-\d\d(?:-\d\d)?|\/\d{1,2}\/\d{1,2}|年\d{1,2}月(?:\d{1,2}日)?|\.\d{1,2}(?:\.\d{1,2})?|\d{4})(?!\d)/g;

const SRC = path.resolve(__dirname, '../../src');

/** `file:line: what` for each round fact in the code (comments are not nodes, so never seen). */
export function roundFacts(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const report = (node: ts.Node, what: string) => out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    const raw = ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) ? node.text : ts.isIdentifier(node) || ts.isRegularExpressionLiteral(node) ? node.getText(sf) : null;
    if (raw !== null) {
      const what = roundIn(raw, !ts.isIdentifier(node) && !ts.isRegularExpressionLiteral(node));
      if (what) report(node, what);
    }
    if (ts.isNumericLiteral(node) && /^20[1-3]\d$/.test(node.text)) report(node, `year ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The first round fact in a token's text (one per token); years only count inside strings. */
function roundIn(raw: string, isString: boolean): string | null {
  const cpd = /cpd\d{4}/i.exec(raw);
  if (cpd) return `column id ${cpd[0]}`;
  const notice = /〔\d{4}〕/.exec(raw);
  if (notice) return `notice number ${notice[0]}`;
  if (!isString) return null;
  let s = raw.replace(/https?:\/\/\S+/g, '');
  for (const name of NOT_ROUNDS) s = s.split(name).join('');
  const year = /(?<!\d)20\d\d(?!\d)/.exec(s.replace(EXAMPLE_DATE, ''));
  return year ? `year ${year[0]} in a string` : null;
}

describe('src/', () => {
  it('names no round: no year, no cpd<year> column, no notice number in code', () => {
    const found = tsFiles(SRC).flatMap((f) => roundFacts(path.relative(path.resolve(SRC, '..'), f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan finds each kind of round fact, and skips comments and example dates', () => {
    const code = [
      "// cpd2023 and 2023 in a comment are fine",
      "const a = v['cpd2023'];",
      "const b = '2021年';",
      'const c = `浙经信人事〔2023〕291号`;',
      'const d = year ?? 2022;',
      "const e = '如 2024-03-11 或 2024年3月11日';",
      "const f = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';",
    ].join('\n');
    expect(roundFacts('x.ts', code)).toEqual([
      'x.ts:2: column id cpd2023',
      'x.ts:3: year 2021 in a string',
      'x.ts:4: notice number 〔2023〕',
      'x.ts:5: year 2022',
    ]);
  });
});
