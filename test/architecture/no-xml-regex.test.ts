import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../helpers/source-files.js';

// The annotated-copy writer and the reader find XML elements and attributes with the one
// tokenizer (src/ooxml/xml-tokenizer.ts, helpers in src/annotate/xml.ts). A regular expression
// over XML syntax misses prefixes (<x:row>), single quotes, attribute order, blanks and
// comments, and the copies it makes disagree with the tokenizer. This keeps them out: no regex
// in these folders may mention `<` (a tag) or an attribute's `="…"`; regexes over plain values
// (digits, colours, file names) are fine.
const FOLDERS = ['src/annotate', 'src/io/xlsx'];

/** A regex's source naming markup: a tag's `<`, or an attribute assignment `=\s*"` / `=["']`. */
const NAMES_MARKUP = /<|=(?:\\s\*)?(?:\[["']|["'])/;

const ROOT = path.resolve(__dirname, '../..');

/** `file:line: regex` for each regular expression (literal or `new RegExp(...)`) that names markup. */
export function xmlRegexes(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const report = (node: ts.Node, source: string) => out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${source}`);
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const source = node.text.slice(1, node.text.lastIndexOf('/'));
      if (NAMES_MARKUP.test(source)) report(node, node.text);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const arg = node.arguments?.[0];
      if (arg && NAMES_MARKUP.test(arg.getText(sf))) report(node, arg.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('XML is read with the tokenizer', () => {
  it(`no regular expression over markup in ${FOLDERS.join(', ')}`, () => {
    const found = FOLDERS.flatMap((dir) => tsFiles(path.join(ROOT, dir))).flatMap((f) => xmlRegexes(path.relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan finds regex literals and RegExp calls that name a tag or an attribute, and passes value patterns and comments', () => {
    const code = [
      '// a comment may show /<sheetData>/',
      "const a = /<(?:\\w+:)?sz\\s+val=\"[^\"]*\"/.exec(font);",
      'const b = new RegExp(`<${p}sheetData(?=[\\\\s/>])`);',
      "const c = xml.replace(/>\\s+</g, '><');",
      'const d = /^[0-9A-Fa-f]{8}$/.test(rgb);',
      "const e = '<row>'.includes('<');",
      "const f = new RegExp('^\\\\d+$');",
      'const g = /\\scustomFormat\\s*=\\s*["\'](?:1|true)["\']/;',
      'const h = /patternType="solid"/.test(fill);',
    ].join('\n');
    expect(xmlRegexes('x.ts', code)).toEqual([
      'x.ts:2: /<(?:\\w+:)?sz\\s+val="[^"]*"/',
      'x.ts:3: `<${p}sheetData(?=[\\\\s/>])`',
      "x.ts:4: />\\s+</g",
      'x.ts:8: /\\scustomFormat\\s*=\\s*["\'](?:1|true)["\']/',
      'x.ts:9: /patternType="solid"/',
    ]);
  });
});
