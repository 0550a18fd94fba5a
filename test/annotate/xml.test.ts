import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/ooxml/xml-text.js';
import { XmlScanner } from '../../src/ooxml/xml-tokenizer.js';
import {
  elementText,
  findElement,
  findElements,
  getAttr,
  openTagEnd,
  parseAttrs,
  plainAttr,
  readElement,
  replaceElements,
  scanChildren,
  setAttr,
  textOfRuns,
  type XmlElement,
} from '../../src/annotate/xml.js';

// The annotated-copy writer's XML helpers run on the one tokenizer. The string-scanning versions
// they replaced are kept below as the reference: on well-formed parts both must find the same
// elements at the same offsets and give the same attribute values and edits.

const legacy = {
  tagEnd(xml: string, lt: number): number {
    let quote = '';
    for (let i = lt + 1; i < xml.length; i++) {
      const ch = xml[i];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') return i;
    }
    return -1;
  },
  skipSpecial(xml: string, i: number): number {
    for (const [open, close] of [
      ['<!--', '-->'],
      ['<![CDATA[', ']]>'],
      ['<?', '?>'],
    ] as const) {
      if (xml.startsWith(open, i)) {
        const e = xml.indexOf(close, i + open.length);
        return e < 0 ? xml.length : e + close.length;
      }
    }
    if (xml.startsWith('<!', i)) {
      const e = legacy.tagEnd(xml, i);
      return e < 0 ? xml.length : e + 1;
    }
    return -1;
  },
  scanChildren(xml: string, from = 0, to = xml.length): XmlElement[] {
    const out: XmlElement[] = [];
    let i = from;
    while (i < to) {
      const lt = xml.indexOf('<', i);
      if (lt < 0 || lt >= to) break;
      const special = legacy.skipSpecial(xml, lt);
      if (special >= 0) {
        i = special;
        continue;
      }
      if (xml[lt + 1] === '/') break;
      const el = legacy.readElement(xml, lt);
      if (!el) break;
      out.push(el);
      i = el.end;
    }
    return out;
  },
  readElement(xml: string, lt: number): XmlElement | null {
    const gt = legacy.tagEnd(xml, lt);
    if (gt < 0) return null;
    const openTag = xml.slice(lt, gt + 1);
    const m = /^<([^\s/>]+)/.exec(openTag);
    if (!m) return null;
    const name = m[1]!;
    const local = name.slice(name.indexOf(':') + 1);
    if (openTag.endsWith('/>')) return { name, local, start: lt, openEnd: gt + 1, end: gt + 1, selfClosing: true, openTag };
    let depth = 1;
    let i = gt + 1;
    while (i < xml.length) {
      const next = xml.indexOf('<', i);
      if (next < 0) return null;
      const special = legacy.skipSpecial(xml, next);
      if (special >= 0) {
        i = special;
        continue;
      }
      const e = legacy.tagEnd(xml, next);
      if (e < 0) return null;
      if (xml[next + 1] === '/') {
        depth--;
        if (depth === 0) return { name, local, start: lt, openEnd: gt + 1, end: e + 1, selfClosing: false, openTag };
      } else if (xml[e - 1] !== '/') depth++;
      i = e + 1;
    }
    return null;
  },
  findElement(xml: string, local: string, from = 0): XmlElement | null {
    const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})(?=[\\s/>])`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    return m ? legacy.readElement(xml, m.index) : null;
  },
  getAttr(openTag: string, name: string): string | undefined {
    const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(openTag);
    return m ? decodeEntities(m[2] ?? m[3] ?? '') : undefined;
  },
  setAttr(openTag: string, name: string, value: string | undefined): string {
    const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    if (re.test(openTag)) return openTag.replace(re, value === undefined ? '' : ` ${name}="${esc(value)}"`);
    if (value === undefined) return openTag;
    let at = openTag.endsWith('/>') ? openTag.length - 2 : openTag.length - 1;
    while (at > 0 && /\s/.test(openTag[at - 1]!)) at--;
    return `${openTag.slice(0, at)} ${name}="${esc(value)}"${openTag.slice(at)}`;
  },
  textOfRuns(fragment: string): string {
    const noPh = fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    let out = '';
    const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
    for (let m = re.exec(noPh); m; m = re.exec(noPh)) out += decodeEntities(m[1] ?? '');
    return out.replace(/_x000[dD]_/g, '\r');
  },
};

// ---- generated parts: prefixed names, both quote kinds with > and / inside values, entities,
// empty tags, nested elements of the same name, comments and processing instructions.
const NAMES = ['row', 'c', 'v', 'sheet', 'definedName', 'x:row', 'x:c', 'mc:AlternateContent', 'sheets'];
const attrValue = fc.stringMatching(/^[a-z0-9 />&;:.-]{0,8}$/).map((v) => v.replace(/&/g, '&amp;'));
const attr = fc.tuple(fc.constantFrom('r', 's', 'name', 'r:id', 'spans', 'xml:space'), attrValue, fc.boolean());
const text = fc.stringMatching(/^[a-z 中文&]{0,6}$/).map((t) => t.replace(/&/g, '&amp;'));

type Node = { name: string; attrs: [string, string, boolean][]; kids: Node[] } | { text: string } | { misc: string };
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text }),
    fc.record({ misc: fc.constantFrom('<!-- note -->', '<?pi x?>', '<![CDATA[a]]>') }),
    fc.record({
      name: fc.constantFrom(...NAMES),
      attrs: fc.uniqueArray(attr, { selector: (a) => a[0], maxLength: 3 }),
      kids: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
}));

function render(n: Node): string {
  if ('text' in n) return n.text;
  if ('misc' in n) return n.misc;
  const attrs = n.attrs.map(([k, v, dq]) => (dq ? ` ${k}="${v.replace(/"/g, '')}"` : ` ${k} = '${v.replace(/'/g, '')}'`)).join('');
  return n.kids.length === 0 ? `<${n.name}${attrs}/>` : `<${n.name}${attrs}>${n.kids.map(render).join('')}</${n.name}>`;
}
const part = fc.array(node, { minLength: 1, maxLength: 4 }).map((nodes) => `<?xml version="1.0"?><root>${nodes.map(render).join('')}</root>`);

describe('annotate/xml.ts on the tokenizer', () => {
  it('finds the same elements, attributes and edits as the string scanner it replaced', () => {
    fc.assert(
      fc.property(part, (xml) => {
        const root = legacy.findElement(xml, 'root')!;
        expect(findElement(xml, 'root')).toEqual(root);
        expect(scanChildren(xml, root.openEnd, root.end)).toEqual(legacy.scanChildren(xml, root.openEnd, root.end));
        for (const local of ['row', 'c', 'sheet', 'AlternateContent']) expect(findElement(xml, local, 5)).toEqual(legacy.findElement(xml, local, 5));
        for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
          if (xml.startsWith('<!', lt) || xml.startsWith('<?', lt) || xml[lt + 1] === '/') continue;
          const el = readElement(xml, lt);
          expect(el).toEqual(legacy.readElement(xml, lt));
          for (const name of ['r', 's', 'name', 'r:id', 'spans', 'xml:space', 'id']) {
            expect(getAttr(el!.openTag, name)).toBe(legacy.getAttr(el!.openTag, name));
            expect(setAttr(el!.openTag, name, 'a<"b')).toBe(legacy.setAttr(el!.openTag, name, 'a<"b'));
            expect(setAttr(el!.openTag, name, undefined)).toBe(legacy.setAttr(el!.openTag, name, undefined));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads rich-text runs as the string scanner did, phonetic runs skipped', () => {
    const run = fc.record({ t: text, ph: fc.boolean(), prefix: fc.constantFrom('', 'x:'), space: fc.boolean() });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 5 }), (runs) => {
        const si = `<si>${runs
          .map(({ t, ph, prefix: p, space }) => {
            const tEl = `<${p}t${space ? ' xml:space="preserve"' : ''}>${t}</${p}t>`;
            return ph ? `<${p}rPh sb="0" eb="1">${tEl}</${p}rPh>` : `<${p}r><${p}rPr><${p}b/></${p}rPr>${tEl}</${p}r>`;
          })
          .join('')}</si>`;
        expect(textOfRuns(si)).toBe(legacy.textOfRuns(si));
      }),
    );
    expect(textOfRuns('<si><t>a_x000D_b &amp; c</t><rPh><t>ふ</t></rPh><t/></si>')).toBe('a\rb & c');
  });

  it('does not take markup inside comments or CDATA for elements', () => {
    const xml = '<root><!-- <sheet name="old"/> --><![CDATA[<sheet/>]]><x:sheet name="a &amp; b" r:id=\'rId2\'/></root>';
    const el = findElement(xml, 'sheet')!;
    expect(el.openTag).toBe('<x:sheet name="a &amp; b" r:id=\'rId2\'/>');
    expect(getAttr(el.openTag, 'name')).toBe('a & b');
    expect([...parseAttrs(el.openTag)]).toEqual([
      ['name', 'a & b'],
      ['r:id', 'rId2'],
    ]);
  });

  it('splices every element of a name, keeping the bytes around them', () => {
    const xml = '<w><definedName name="a" localSheetId="1">S!$A$1</definedName>\r\n  <x:definedName name="b">T!$B$2</x:definedName></w>';
    expect(findElements(xml, 'definedName').map((e) => e.name)).toEqual(['definedName', 'x:definedName']);
    const out = replaceElements(xml, 'definedName', (el, text) => (getAttr(el.openTag, 'name') === 'a' ? '' : text.replace('$B$2', '$C$3')));
    expect(out).toBe('<w>\r\n  <x:definedName name="b">T!$C$3</x:definedName></w>');
  });

  it('gives an open tag’s end and an element’s text', () => {
    expect(openTagEnd('<row r="1" a=">"><c/></row>')).toBe(17);
    expect(openTagEnd('<!-- x --><row/>')).toBe(-1);
    expect(elementText('<is><t>x</t></is><v> 12 </v>', 'v')).toBe(' 12 ');
    expect(elementText('<x:v>a &lt; b</x:v>', 'v')).toBe('a < b');
    expect(elementText('<f>1+1</f>', 'v')).toBeUndefined();
  });

  // getAttr/setAttr read plainly written tags without the tokenizer (plainAttr): on any tag, what
  // they find must be what the tokenizer finds, and a tag written otherwise must go to the tokenizer.
  it('reads plainly written tags as the tokenizer does, and leaves the rest to it', () => {
    const byTokenizer = (tag: string, name: string): [number, number, string] | null | undefined => {
      let found: [number, number, string] | null | undefined;
      const sc: XmlScanner = new XmlScanner({
        wantText: false,
        text() {},
        close() {},
        open() {
          const i = sc.attrIndex(name);
          found = i < 0 ? null : [sc.attrStart(i), sc.attrEnd(i), sc.attr(name)!];
          sc.stop();
        },
      });
      sc.write(tag);
      return found;
    };
    const names = ['r', 's', 'ht', 'spans', 'customHeight', 'r:id', 'id'];
    const blank = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n');
    const value = fc.stringMatching(/^[a-z0-9 >/&;:'"=.-]{0,6}$/).map((v) => v.replace(/&/g, '&amp;'));
    const one = fc.tuple(blank, fc.constantFrom(...names, 'ar', 'x14ac:dyDescent'), fc.constantFrom('=', ' = '), fc.constantFrom('"', "'"), value);
    const tag = fc.tuple(fc.constantFrom('row', 'c', 'x:row', 'sheet'), fc.array(one, { maxLength: 4 }), fc.constantFrom('>', '/>', ' />')).map(([el, attrs, end]) =>
      `<${el}${attrs.map(([b, n, eq, q, v]) => `${b}${n}${eq}${q}${v.split(q).join('')}${q}`).join('')}${end}`,
    );
    fc.assert(
      fc.property(tag, fc.constantFrom(...names), (t, name) => {
        const want = byTokenizer(t, name);
        const quick = plainAttr(t, name);
        if (quick !== undefined) {
          expect(quick === null ? null : [quick[0], quick[1], decodeEntities(t.slice(quick[2], quick[3]))]).toEqual(want);
        }
        expect(getAttr(t, name)).toBe(want ? want[2] : undefined);
      }),
      { numRuns: 2000 },
    );
    // Plain rows take the quick way; the others are left to the tokenizer.
    expect(plainAttr('<row r="5" spans="1:9" ht="30" customHeight="1">', 'ht')).toEqual([23, 30, 27, 29]);
    expect(plainAttr('<row r="5" spans="1:9">', 'ht')).toBeNull();
    expect(plainAttr("<row r='5' ht='30'>", 'ht')).toBeUndefined();
    expect(plainAttr('<row\tht="1" ht="2">', 'ht')).toBeUndefined();
    expect(plainAttr('<row a="x>" ht="2">', 'ht')).toBeUndefined();
    expect(setAttr('<row r="5" ht="15" spans="1:3">', 'ht', '30')).toBe('<row r="5" ht="30" spans="1:3">');
    expect(setAttr('<row r="5" ht="15">', 'ht', undefined)).toBe('<row r="5">');
  });
});
