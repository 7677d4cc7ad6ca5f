// docx-layout on a Word plan laid out to NĐ 30/2020 and on copies with one departure each.
import { describe, expect, it } from 'vitest';
import { decreePlanDocx, FORM } from '../scripts/form-fixtures.mjs';
import { buildDocx, p, stylesXml, themeXml } from '../scripts/docx-builder.mjs';
import { lint } from './helpers.js';

const layout = async (bytes: Uint8Array, lang: 'vi' | 'en' = 'vi') =>
  (await lint(bytes, { filePath: '/virtual/plan.docx', only: ['docx-layout'], config: { lang } })).messages;

describe('docx-layout', () => {
  it('a plan laid out to the decree gives no finding', async () => {
    expect(await layout(decreePlanDocx())).toEqual([]);
  });

  const cases: [string, Parameters<typeof decreePlanDocx>[0], RegExp, RegExp][] = [
    ['a left margin of 20 mm', { page: { left: 20 } }, /Lề trang trái 20 mm.*Phụ lục I, mục I\.3/, /margins left 20 mm/],
    ['US Letter paper', { page: { width: 215.9, height: 279.4 } }, /Khổ giấy 215\.9 × 279\.4 mm \(Letter\).*A4/, /Paper 215\.9 × 279\.4 mm/],
    ['Arial', { font: 'Arial' }, /Phông chữ Arial ở \d+ đoạn.*Times New Roman.*mục I\.4/, /Font Arial in \d+ paragraph/],
    ['an 11 pt body', { bodySize: 11 }, /Phần nội dung cỡ chữ 11.*13–14.*mục II\.6/, /body text is 11 pt/],
    ['a 14 pt number line', { sizes: { number: 14 } }, /Số, ký hiệu "Số: 15\/KH-UBND": cỡ 14.*cỡ 13.*mục II\.3/, /number "Số: 15\/KH-UBND": size 14/],
    ['a 14 pt issuer', { sizes: { issuer: 14 } }, /Tên cơ quan ban hành "ỦY BAN NHÂN DÂN": cỡ 14.*mục II\.2/, /issuing body "ỦY BAN NHÂN DÂN": size 14/],
    ['a kind line not in bold', { kindBold: false }, /Tên loại văn bản "KẾ HOẠCH": không đậm.*mục II\.5/, /document kind "KẾ HOẠCH": not bold/],
  ];
  for (const [name, opts, vi, en] of cases) {
    it(`${name} gives exactly one finding naming it`, async () => {
      const bytes = decreePlanDocx(opts);
      const found = await layout(bytes);
      expect(found.map((m) => m.message)).toHaveLength(1);
      expect(found[0]!.message).toMatch(vi);
      expect(found[0]!.severity).toBe(1);
      const inEnglish = await layout(bytes, 'en');
      expect(inEnglish[0]!.message).toMatch(en);
    });
  }

  it('reports a font once per document, not once per run', async () => {
    const found = await layout(decreePlanDocx({ font: 'Arial' }));
    expect(found.filter((m) => /Arial/.test(m.message))).toHaveLength(1);
  });

  it('an unused style with Arial is not a finding', async () => {
    const styles = stylesXml({
      font: 'Times New Roman',
      size: 14,
      extra: '<w:style w:type="paragraph" w:styleId="Unused"><w:name w:val="Unused"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>',
    });
    const bytes = buildDocx(p('Nội dung văn bản'), { styles, page: {} });
    expect(await layout(bytes)).toEqual([]);
  });

  it('theme fonts shown in the theme\'s Vietnamese script font are not a departure', async () => {
    const styles = stylesXml({ size: 14 }).replace('<w:docDefaults><w:rPrDefault><w:rPr>', '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>');
    const theme = themeXml('Calibri Light', 'Calibri').replace('<a:latin typeface="Calibri"/>', '<a:latin typeface="Calibri"/><a:font script="Viet" typeface="Times New Roman"/>');
    const settings = '<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:themeFontLang w:val="vi-VN"/></w:settings>';
    const extra = { 'word/theme/theme1.xml': theme };
    expect(await layout(buildDocx(p('Nội dung văn bản'), { styles, page: {}, extra: { ...extra, 'word/settings.xml': settings } }))).toEqual([]);
    const without = await layout(buildDocx(p('Nội dung văn bản'), { styles, page: {}, extra }));
    expect(without.map((m) => m.message).join()).toMatch(/Phông chữ Calibri/);
  });

  it('a missing rule under the issuer is one finding', async () => {
    // the issuer's rule drawn as a text line is still a rule; no rule at all under it is a finding
    const bytes = decreePlanDocx();
    expect(await layout(bytes)).toEqual([]);
    const noIssuerRule = decreePlanDocx({ issuerRule: false });
    const found = await layout(noIssuerRule);
    expect(found.map((m) => m.message)).toEqual([expect.stringMatching(/đường kẻ ngang.*tên cơ quan ban hành/)]);
  });

  it('says nothing on Markdown', async () => {
    expect((await lint(`${FORM.kind}\n\nNội dung`, { only: ['docx-layout'] })).messages).toEqual([]);
  });
});
