import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner } from '../../src/ooxml/xml-tokenizer.js';
import { decodeEntities } from '../../src/ooxml/xml-text.js';

// The sheet tokenizer must see what a real XML parser sees. saxes is the reference.

type Ev = string;

function viaScanner(chunks: string[], attrs: string[]): Ev[] {
  const ev: Ev[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') ev.push(`T:${text}`);
    text = '';
  };
  const h = {
    wantText: true,
    open(name: string) {
      flush();
      ev.push(`O:${name}${attrs.map((a) => `|${a}=${sc.attr(a) ?? '∅'}`).join('')}`);
    },
    close(name: string) {
      flush();
      ev.push(`C:${name}`);
    },
    text(t: string) {
      text += t;
    },
  };
  const sc = new XmlScanner(h);
  for (const c of chunks) sc.write(c);
  sc.close();
  flush();
  return ev;
}

function viaSaxes(xml: string, attrs: string[]): Ev[] {
  const ev: Ev[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') ev.push(`T:${text}`);
    text = '';
  };
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on('opentag', (t) => {
    flush();
    ev.push(`O:${t.name}${attrs.map((a) => `|${a}=${(t.attributes as Record<string, string>)[a] ?? '∅'}`).join('')}`);
  });
  p.on('closetag', (t) => {
    flush();
    ev.push(`C:${t.name}`);
  });
  p.on('text', (t) => (text += t));
  p.on('cdata', (t) => (text += t));
  p.write(xml).close();
  flush();
  return ev;
}

const sample =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- a comment with <tags> -->` +
  `<worksheet xmlns="urn:x" xmlns:x14ac="urn:y"><sheetData>` +
  `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r = 'B1' s="3"><v>1.5</v></c>` +
  `<c r="C1" t="inlineStr"><is><r><t xml:space="preserve"> a &amp; b &lt;c&gt; &#x4E2D;&#25991; </t></r><rPh><t>x</t></rPh></is></c></row>` +
  `<row r="2"><c r="A2" t="str"><f>"a&gt;b"</f><v><![CDATA[x<y]]></v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2"/></row>` +
  `<?pi data?><row r="3"\n\t><c r="Z3" t="inlineStr"><is><t>x\r\ny\rz</t></is></c><c r="A3" t="s" weird="a>b" q='&quot;'><v>2</v></c></row>` +
  `</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`;

describe('XmlScanner', () => {
  const attrs = ['r', 't', 's', 'ref', 'weird', 'q', 'spans', 'x14ac:dyDescent', 'xml:space'];

  it('agrees with saxes on a sheet-like document', () => {
    expect(viaScanner([sample], attrs)).toEqual(viaSaxes(sample, attrs));
  });

  it('agrees with saxes for every two-chunk split, including inside tags, entities and multi-byte text', () => {
    const want = viaSaxes(sample, attrs);
    for (let i = 0; i <= sample.length; i++) {
      expect(viaScanner([sample.slice(0, i), sample.slice(i)], attrs), `split at ${i}`).toEqual(want);
    }
  });

  it('agrees with saxes for random splits into many chunks (property)', () => {
    const want = viaSaxes(sample, attrs);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: sample.length - 1 }), { maxLength: 40 }), (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const c of sorted) {
      chunks.push(sample.slice(from, c));
      from = c;
    }
        chunks.push(sample.slice(from));
        expect(viaScanner(chunks, attrs)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with saxes on random well-formed documents (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\n', '\r', '\r\n', '&amp;', '&lt;', '&gt;', '&#20013;', '&#x41;', '"', "'", '>'), maxLength: 8 });
    const name = fc.constantFrom('c', 'v', 'row', 't', 'x:c', 'is');
    const attrVal = fc.string({ unit: fc.constantFrom('a', '1', '中', '>', '&amp;', ' '), maxLength: 5 });
    type Node = { name: string; attrs: [string, string, boolean][]; kids: (Node | string)[]; cdata?: string };
    const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.record({
        name,
        attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'ref'), attrVal, fc.boolean()), { selector: (a) => a[0], maxLength: 3 }),
        kids: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 3 }),
        cdata: fc.option(fc.string({ unit: fc.constantFrom('a', '<', '>', '&', '中', '\r\n', '\r'), maxLength: 4 }), { nil: undefined }),
      }),
    })).node;
    const render = (n: Node): string =>
      `<${n.name}${n.attrs.map(([k, v, sq]) => (sq ? ` ${k}='${v.replace(/'/g, '&apos;')}'` : ` ${k}="${v}"`)).join('')}>` +
      n.kids.map((k) => (typeof k === 'string' ? k : render(k))).join('') +
      (n.cdata !== undefined ? `<![CDATA[${n.cdata}]]>` : '') +
      `</${n.name}>`;
    fc.assert(
      fc.property(node, fc.integer({ min: 1, max: 7 }), (n, step) => {
        const xml = `<root>${render(n)}</root>`;
        const chunks: string[] = [];
        for (let i = 0; i < xml.length; i += step) chunks.push(xml.slice(i, i + step));
        expect(viaScanner(chunks, ['r', 's', 't', 'ref'])).toEqual(viaSaxes(xml, ['r', 's', 't', 'ref']));
      }),
      { numRuns: 500 },
    );
  });

  it('gives each tag’s document offsets, however the text is cut into chunks', () => {
    const spans = (chunks: string[]): string[] => {
      const out: string[] = [];
      const sc: XmlScanner = new XmlScanner({
        wantText: false,
        text() {},
        open: (name, selfClosing) => out.push(`O:${name}:${sc.tagStart}-${sc.tagEnd}${selfClosing ? '/' : ''}`),
        close: (name) => out.push(`C:${name}:${sc.tagStart}-${sc.tagEnd}`),
      });
      for (const c of chunks) sc.write(c);
      return out;
    };
    const whole = spans([sample]);
    // Each span is the tag as written: `<name …>` for an open tag, `</name>` for a close tag.
    for (const e of whole) {
      const [, kind, name, from, to] = /^(O|C):(.+):(\d+)-(\d+)\/?$/.exec(e)!;
      const tag = sample.slice(Number(from), Number(to));
      const opening = kind === 'O' || tag.endsWith('/>');
      expect(tag.startsWith(opening ? `<${name}` : `</${name}`) && tag.endsWith('>'), `${e}: ${tag}`).toBe(true);
      expect(' \t\n/>'.includes(tag[name!.length + (opening ? 1 : 2)]!), `${e}: ${tag}`).toBe(true);
    }
    expect(whole).toContain(`O:c:${sample.indexOf('<c r="C2"/>')}-${sample.indexOf('<c r="C2"/>') + 11}/`);
    for (let i = 0; i <= sample.length; i += 7) expect(spans([sample.slice(0, i), sample.slice(i)]), `split at ${i}`).toEqual(whole);
  });

  it('stops after the handler that asks it to, ignoring the rest', () => {
    const seen: string[] = [];
    const sc: XmlScanner = new XmlScanner({
      wantText: false,
      text() {},
      open(name) {
        seen.push(name);
        if (name === 'b') sc.stop();
      },
      close() {},
    });
    sc.write('<a><b/><c/>');
    sc.write('<d>');
    sc.close();
    expect(seen).toEqual(['a', 'b']);
  });

  it('reports a document cut inside a tag', () => {
    const sc = new XmlScanner({ wantText: false, open() {}, close() {}, text() {} });
    sc.write('<a><b x="1');
    expect(() => sc.close()).toThrow(/unexpected end/);
  });

  it('decodes entities, leaving unknown ones as written', () => {
    expect(decodeEntities('a&amp;b&lt;&gt;&quot;&apos;&#65;&#x42;&nbsp;&')).toBe(`a&b<>"'AB&nbsp;&`);
  });
});
