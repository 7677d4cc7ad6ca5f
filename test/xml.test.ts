// The Word parts' XML reader (src/readers/xml.ts) against saxes, a full XML parser (devDependency):
// the same events on every part of the Word files at hand, and both refuse the same damaged XML.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../src/readers/xml.js';
import { FatalError } from '../src/readers/errors.js';
import { HAS_SHARED, ROOT, SHARED } from './helpers.js';

type Event = ['open', string, Record<string, string>, boolean] | ['close', string] | ['text', string];

/** Events with adjacent texts joined (a reader may split a text where it likes). */
function joinTexts(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '');
}

function ours(xml: string): Event[] {
  const events: Event[] = [];
  parseXml(xml, 'part', {
    open: (name, attrs, selfClosing) => events.push(['open', name, { ...attrs }, selfClosing]),
    close: (name) => events.push(['close', name]),
    text: (t) => events.push(['text', t]),
  });
  return joinTexts(events);
}

function saxes(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on('opentag', (n) => {
    depth++;
    events.push(['open', n.name, { ...(n.attributes as Record<string, string>) }, n.isSelfClosing]);
  });
  parser.on('closetag', (n) => {
    depth--;
    events.push(['close', n.name]);
  });
  // text outside the root element (white space) is no event of ours
  parser.on('text', (t) => {
    if (depth > 0) events.push(['text', t]);
  });
  parser.write(xml).close();
  return joinTexts(events);
}

function wordFiles(): string[] {
  const dirs = [path.join(ROOT, 'fixtures'), path.join(ROOT, 'test', 'fixtures')];
  if (HAS_SHARED) dirs.push(path.join(SHARED, 'docx'));
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.docx')).map((n) => path.join(d, n)));
  // and every eighth document of the real corpus (when it is at hand)
  const real = path.join(SHARED, 'corpus', 'real-dev');
  if (fs.existsSync(real)) files.push(...fs.readdirSync(real).filter((n, i) => n.endsWith('.docx') && i % 8 === 0).map((n) => path.join(real, n)));
  return files;
}

describe('the XML reader of Word parts', () => {
  it('gives the events saxes gives on every XML part of the Word files at hand', () => {
    let parts = 0;
    for (const file of wordFiles()) {
      const zip = unzipSync(fs.readFileSync(file));
      for (const [name, bytes] of Object.entries(zip)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = strFromU8(bytes).replace(/^\uFEFF/, '');
        expect(ours(xml), `${path.basename(file)} ${name}`).toEqual(saxes(xml));
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(50);
  });

  it('decodes references, normalises line ends and attribute values, and skips comments, CDATA and instructions', () => {
    const xml = '<?xml version="1.0"?>\n<!-- a - b? --><r a="x&amp;y&#9;z\r\nw" b=\'&quot;\'><t>1 &lt; 2 &#x1EA0;\r\nb\rc</t><![CDATA[<raw>]]><?pi x?><e/></r>\n';
    expect(ours(xml)).toEqual(saxes(xml));
    expect(ours(xml)).toEqual([
      ['open', 'r', { a: 'x&y\tz w', b: '"' }, false],
      ['open', 't', {}, false],
      ['text', '1 < 2 Ạ\nb\nc'],
      ['close', 't'],
      ['open', 'e', {}, true],
      ['close', 'e'],
      ['close', 'r'],
    ]);
  });

  it('reads names by the XML 1.0 name productions, as saxes does', () => {
    // allowed though not letters (superscript digits, a combining mark or the middle dot after the first
    // character), and letters XML does not allow to start a name (ª, µ)
    const names = ['w:p', 'x\u2070', 'a\u0301b', 'a\u00B7b', '\u00C0-\u00D6', 'ký_tự', 'x\u{10400}', 'a\u1680b'];
    for (const n of names) {
      const xml = `<${n} ${n}="1"><${n}/></${n}>`;
      expect(ours(xml), n).toEqual(saxes(xml));
      expect(ours(xml)[0]).toEqual(['open', n, { [n]: '1' }, false]);
    }
    for (const n of ['\u00AAx', '\u00B5x', '1a', '-a', '\u00B7a']) {
      const xml = `<${n}/>`;
      expect(() => saxes(xml), n).toThrow();
      expect(() => ours(xml), n).toThrow(FatalError);
    }
  });

  it.each([
    ['an unclosed tag', '<w:document><w:body><w:p>'],
    ['a close tag that does not match', '<a><b></a></b>'],
    ['a close tag with nothing open', '<a/></a>'],
    ['two root elements', '<a/><b/>'],
    ['text outside the root', '<a/>text'],
    ['text before the root', 'text<a/>'],
    ['no root', '<?xml version="1.0"?>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a lone ampersand', '<a>x & y</a>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['attributes run together', '<a x="1"y="2"/>'],
    ['"<" in an attribute value', '<a x="<"/>'],
    ['a forbidden control character', '<a>\u0001</a>'],
    ['a reference to a forbidden character', '<a>&#1;</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['an unterminated comment', '<a><!-- x</a>'],
    ['a tag cut short', '<a><b x="1"</a>'],
    ['a no-break space between attributes (not XML white space)', '<a x="1"\u00A0y="2"/>'],
    ['a no-break space before ">" of a close tag', '<a></a\u00A0>'],
  ])('refuses %s, as saxes does', (_, xml) => {
    expect(() => saxes(xml)).toThrow();
    let err: unknown;
    try {
      ours(xml);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FatalError);
    expect((err as FatalError).code).toBe('bad-xml');
  });
});
