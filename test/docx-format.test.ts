// The DOCX reader's formatting resolution: runs through direct formatting, character and
// paragraph styles (basedOn chains), document defaults and theme fonts; alignment; rules; page.
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/readers/docx.js';
import type { ParaBlock, TableBlock } from '../src/types.js';
import { buildDocx, lineShape, p, r, stylesXml, table, themeXml } from '../scripts/docx-builder.mjs';

const paras = (bytes: Uint8Array): ParaBlock[] => {
  const out: ParaBlock[] = [];
  const walk = (bs: (ParaBlock | TableBlock)[]): void => {
    for (const b of bs) {
      if (b.kind === 'p') out.push(b);
      else b.rows.forEach((row) => row.cells.forEach((c) => walk(c.blocks)));
    }
  };
  walk(readDocx(bytes).blocks);
  return out;
};

const STYLES = stylesXml({
  font: 'Times New Roman',
  size: 14,
  extra:
    '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Base"/><w:rPr><w:sz w:val="24"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emph"/><w:rPr><w:i/><w:caps/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Themed"><w:name w:val="Themed"/><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Unused"><w:name w:val="Unused"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>',
});

describe('run and paragraph formatting', () => {
  it('falls back to the document defaults', () => {
    const [a] = paras(buildDocx(p('Nội dung kế hoạch'), { styles: STYLES }));
    expect(a!.format!.runs).toEqual([{ start: 0, end: 17, font: 'Times New Roman', size: 14, bold: false, italic: false, caps: false }]);
    expect(a!.format!.align).toBeUndefined();
  });

  it('resolves a basedOn chain, a character style and direct formatting, nearest first', () => {
    const body = p([r('ỦY BAN'), `<w:r><w:rPr><w:rStyle w:val="Emph"/></w:rPr><w:t xml:space="preserve"> nhân dân</w:t></w:r>`, r(' phường', { b: false, size: 13 })], { style: 'Child' });
    const [a] = paras(buildDocx(body, { styles: STYLES }));
    const runs = a!.format!.runs;
    expect(a!.format!.align).toBe('center');
    expect(runs[0]).toMatchObject({ font: 'Arial', size: 12, bold: true, italic: false, caps: false });
    expect(runs[1]).toMatchObject({ font: 'Arial', size: 12, bold: true, italic: true, caps: true });
    expect(a!.raw.slice(runs[1]!.start, runs[1]!.end)).toBe(' nhân dân');
    expect(runs[2]).toMatchObject({ font: 'Arial', size: 13 });
  });

  it('direct formatting can turn a style\'s bold off and set a font', () => {
    const [a] = paras(buildDocx(p([`<w:r><w:rPr><w:rFonts w:ascii="Cambria" w:hAnsi="Cambria"/><w:b w:val="0"/></w:rPr><w:t>Số: 05/KH-UBND</w:t></w:r>`], { style: 'Base' }), { styles: STYLES }));
    expect(a!.format!.runs[0]).toMatchObject({ font: 'Cambria', bold: false, size: 14 });
  });

  it('looks theme fonts up in the theme part', () => {
    const bytes = buildDocx(p('Tiêu đề', { style: 'Themed' }), { styles: STYLES, extra: { 'word/theme/theme1.xml': themeXml('Calibri Light', 'Calibri') } });
    expect(paras(bytes)[0]!.format!.runs[0]!.font).toBe('Calibri');
  });

  it('an unused style does not change what the text shows', () => {
    const [a] = paras(buildDocx(p('Văn bản'), { styles: STYLES }));
    expect(a!.format!.runs[0]!.font).toBe('Times New Roman');
  });

  it('merges runs with one formatting and shifts them past a rendered label', () => {
    const [a] = paras(buildDocx(p([r('Kế '), r('hoạch')]), { styles: STYLES }));
    expect(a!.format!.runs).toHaveLength(1);
    expect(a!.format!.runs[0]).toMatchObject({ start: 0, end: 8 });
  });

  it('reads borders and line shapes as horizontal rules', () => {
    const ps = paras(buildDocx(table([[[p('ỦY BAN NHÂN DÂN', { border: 'bottom' }), p([lineShape(40)])], [p('Độc lập')]]], { borders: false }), { styles: STYLES }));
    expect(ps[0]!.format!.rule).toBe('border-bottom');
    expect(ps[1]!.format!.rule).toBe('shape');
    expect(ps[2]!.format!.rule).toBeUndefined();
  });
});

describe('page layout', () => {
  it('reads paper size and margins in millimetres', () => {
    const doc = readDocx(buildDocx(p('x'), { page: { width: 215.9, height: 279.4, top: 20, bottom: 20, left: 20, right: 15 } }));
    expect(doc.page).toMatchObject({ width: 215.9, height: 279.4, left: 20, right: 15, top: 20, bottom: 20 });
  });
  it('takes the first section\'s page', () => {
    const first = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr></w:pPr></w:p>';
    const doc = readDocx(buildDocx(p('x') + first + p('y'), { page: { width: 297, height: 210 } }));
    expect(doc.page).toMatchObject({ width: 210, height: 297, left: 30, top: 20 });
  });
});
