// doc-format on plans laid out to NĐ 30/2020 (state) and HD 36 (Party), Markdown and Word,
// and on copies with one departure each: each departure gives exactly one finding naming it.
import { describe, expect, it } from 'vitest';
import { decreePlanDocx, decreePlanMarkdown, FORM } from '../scripts/form-fixtures.mjs';
import { lint } from './helpers.js';

type Options = Parameters<typeof decreePlanMarkdown>[0];

const RULES = ['doc-format', 'docx-layout'];
async function findings(format: 'md' | 'docx', options: Options, lang: 'vi' | 'en' = 'vi') {
  const bytes = format === 'md' ? decreePlanMarkdown(options) : decreePlanDocx(options);
  const res = await lint(bytes, { filePath: `/virtual/plan.${format}`, only: RULES, config: { lang } });
  return res.messages;
}

// [name, options, the Vietnamese message, the English message, severity]
const CASES: [string, Options, RegExp, RegExp, 1 | 2][] = [
  ['a day without its zero', { placeDate: 'Hải An, ngày 5 tháng 02 năm 2026' }, /Ngày "ngày 5" nhỏ hơn 10.*"ngày 05".*Phụ lục I, mục II\.4/, /day "ngày 5".*leading zero/, 2],
  ['month 2 without its zero', { placeDate: 'Hải An, ngày 15 tháng 2 năm 2026' }, /Tháng "tháng 2".*"tháng 02".*mục II\.4/, /month "tháng 2".*leading zero/, 2],
  ['month 1 without its zero', { placeDate: 'Hải An, ngày 15 tháng 1 năm 2026' }, /Tháng "tháng 1".*"tháng 01"/, /month "tháng 1"/, 2],
  ['a kind symbol that disagrees with the title', { number: 'Số: 15/BC-UBND' }, /Ký hiệu "BC".*"KẾ HOẠCH".*"KH".*Phụ lục III/, /symbol "BC".*"KH".*Appendix III/, 2],
  ['KT. CHỦ TỊCH over CHỦ TỊCH', { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'CHỦ TỊCH'] }, /"KT\. CHỦ TỊCH" rồi "CHỦ TỊCH".*"PHÓ CHỦ TỊCH".*Điều 13/, /deputy.*"PHÓ CHỦ TỊCH"/, 2],
  ['Nơi nhận without Lưu', { recipients: ['- UBND thành phố Hải Phòng;', '- Thường trực Đảng ủy phường.'] }, /Nơi nhận chưa kết thúc.*"- Lưu: VT, …".*mục II\.9/, /does not end with the filing line/, 1],
  ['a Party number with a colon', { party: true, number: 'Số: 95-KH/ĐU' }, /"Số: 95-KH\/ĐU".*Đảng ghi "Số 95-KH\/ĐU", không có dấu hai chấm.*36-HD\/VPTW/, /Party document writes "Số 95-KH\/ĐU", without a colon/, 2],
  ['a state number without its colon', { number: 'Số 15/KH-UBND' }, /sau chữ "Số" phải có dấu hai chấm.*mục II\.3/, /followed by a colon/, 2],
  ['a state number in the Party form', { number: 'Số: 15/KH/UBND' }, /"Số: 15\/KH\/UBND" sai dạng.*"Số: 12\/KH-UBND"/, /malformed/, 2],
  ['a state number in the Party form', { number: 'Số 15-KH/UBND' }, /"Số 15-KH\/UBND" sai dạng/, /malformed/, 2],
  ['a number under 10 without its zero', { number: 'Số: 5/KH-UBND' }, /"5" nhỏ hơn 10.*"Số: 05\/KH-UBND"/, /leading zero/, 2],
  ['a place that is not the ward', { placeDate: 'Lê Chân, ngày 05 tháng 02 năm 2026' }, /Địa danh "Lê Chân".*\(Hải An\).*mục II\.4/, /place "Lê Chân" is not the issuing body's own unit \(Hải An\)/, 2],
  ['a date in figures', { placeDate: 'Hải An, ngày 05/02/2026' }, /"ngày 05\/02\/2026" phải ghi đủ/, /written in full/, 2],
  ['TM. with a title', { authority: ['TM. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] }, /"TM\. CHỦ TỊCH": TM\. \(thay mặt\) đi với tập thể/, /goes with a collective body/, 2],
  ['the Party form of authority in a state document', { authority: ['T/M ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] }, /Quyền hạn ký "T\/M".*"TM\."/, /Signing authority "T\/M".*"TM\."/, 2],
  ['a motto with the wrong words', { motto: 'Độc lập - Tự chủ - Hạnh phúc' }, /Tiêu ngữ "Độc lập - Tự chủ - Hạnh phúc" — đúng là/, /Motto "Độc lập - Tự chủ - Hạnh phúc"/, 2],
  ['a motto with en dashes', { motto: 'Độc lập – Tự do – Hạnh phúc' }, /Tiêu ngữ "Độc lập – Tự do – Hạnh phúc".*gạch nối/, /hyphens between/, 1],
  ['the national name missing', { national: '', motto: '' }, /Thiếu Quốc hiệu/, /national name .* is missing/, 1],
  ['a Party document under the national name', { party: true, national: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' }, /Văn bản của Đảng ghi tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM"/, /Party document is headed/, 2],
  ['a signer\'s title missing after KT.', { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] }, /Sau "KT\. CHỦ TỊCH" thiếu chức vụ/, /No signer's title after "KT\. CHỦ TỊCH"/, 1],
];

describe('doc-format', () => {
  for (const format of ['md', 'docx'] as const) {
    describe(format === 'md' ? 'Markdown' : 'Word', () => {
      it('a state plan laid out to the decree gives no finding', async () => {
        expect(await findings(format, {})).toEqual([]);
      });
      it('a Party plan laid out to HD 36 gives no finding', async () => {
        expect(await findings(format, { party: true })).toEqual([]);
      });
      for (const [name, options, vi, en, severity] of CASES) {
        it(`${name}: exactly one finding naming it`, async () => {
          const found = await findings(format, options);
          const messages = found.map((m) => m.message);
          expect(messages, messages.join('\n')).toHaveLength(1);
          expect(messages[0]).toMatch(vi);
          expect(found[0]!.ruleId).toBe('doc-format');
          expect(found[0]!.severity).toBe(severity);
          const english = await findings(format, options, 'en');
          expect(english[0]!.message).toMatch(en);
        });
      }
    });
  }

  it('says nothing about a missing header when the text has none', async () => {
    const body = decreePlanMarkdown({}).split('\n');
    const from = body.findIndex((l) => l.includes(FORM.kind));
    const res = await lint(body.slice(from).join('\n'), { only: ['doc-format'] });
    expect(res.messages).toEqual([]);
  });

  it('warns about header elements missing from a header that is there', async () => {
    const res = await lint(decreePlanMarkdown({ number: '' }).replace(/\n\n\n/g, '\n\n'), { only: ['doc-format'] });
    expect(res.messages.map((m) => m.message)).toEqual([expect.stringMatching(/Đầu văn bản thiếu số, ký hiệu/)]);
    expect(res.messages[0]!.severity).toBe(1);
  });

  it('reads a Word header laid out in columns with spaces (number and date on one line)', async () => {
    const { buildDocx, p } = await import('../scripts/docx-builder.mjs');
    const header = [
      p('ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      p('PHƯỜNG HẢI AN\t                     Độc lập - Tự do - Hạnh phúc'),
      p(''),
      p('Số:        /UBND-VP                 Hải An, ngày      tháng 02 năm 2026'),
      p('V/v tổng vệ sinh môi trường'),
    ];
    const body = [p('Kính gửi: Các tổ dân phố.'), p('Ủy ban nhân dân phường đề nghị các tổ dân phố ra quân tổng vệ sinh vào sáng chủ nhật.')];
    const res = await lint(buildDocx([...header, ...body].join('')), { filePath: '/virtual/cv.docx', only: ['doc-format'] });
    // read as a letter with its header: national name, place and date found in the columns
    expect(res.documentKind).toBe('cong-van');
    expect(res.messages.map((m) => m.message)).toEqual([]);
    // a letter without its V/v line: one warning naming it
    const plain = [p('ỦY BAN NHÂN DÂN'), p('PHƯỜNG HẢI AN'), p('Số: 27/UBND-VP'), p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), p('Độc lập - Tự do - Hạnh phúc'), p('Hải An, ngày 12 tháng 3 năm 2026')];
    const noVv = await lint(buildDocx([...plain, ...body].join('')), { filePath: '/virtual/cv.docx', only: ['doc-format'] });
    expect(noVv.messages.map((m) => m.message)).toEqual([expect.stringMatching(/Công văn thiếu trích yếu "V\/v …"/)]);
  });

  it('knows the abbreviations of Phụ lục III (and joint documents\' LT)', async () => {
    const messages = async (kind: string, number: string, party = false) =>
      (await lint(decreePlanMarkdown({ kind, number, party }), { only: ['doc-format'] })).messages.map((m) => m.message);
    expect(await messages('TỜ TRÌNH', 'Số: 15/TTr-UBND')).toEqual([]);
    expect(await messages('HƯỚNG DẪN', 'Số: 15/HD-UBND')).toEqual([]);
    expect(await messages('QUY ĐỊNH', 'Số: 15/QyĐ-UBND')).toEqual([]);
    expect(await messages('KẾ HOẠCH', 'Số: 15/KHLT-UBND-MTTQ')).toEqual([]);
    expect(await messages('QUY ĐỊNH', 'Số 15-QĐi/ĐU', true)).toEqual([]);
    expect(await messages('BÁO CÁO', 'Số: 15/TTr-UBND')).toEqual([expect.stringMatching(/Ký hiệu "TTr".*"BÁO CÁO".*"BC"/)]);
    expect(await messages('CHƯƠNG TRÌNH', 'Số: 15/CT-UBND')).toEqual([expect.stringMatching(/Ký hiệu "CT".*"CHƯƠNG TRÌNH".*"CTr"/)]);
    expect(await messages('QUY ĐỊNH', 'Số 15-QĐ/ĐU', true)).toEqual([expect.stringMatching(/Ký hiệu "QĐ".*"QĐi"/)]);
  });

  it('reads a joint signature laid out row by row as two blocks, not "KT. CHỦ TỊCH / CHỦ TỊCH"', async () => {
    const { buildDocx, p, table } = await import('../scripts/docx-builder.mjs');
    const md = decreePlanMarkdown({ recipients: ['- Như trên;', '- Lưu: VT, VP.'] });
    const head = md.split('**Nơi nhận:**')[0]!.split('\n\n').filter(Boolean).map((t) => p(t.replace(/[*#]/g, '').replace(/ {2}\n/g, '\n').trim()));
    const closing = table(
      [
        [[p('Nơi nhận:'), p('- Như trên;'), p('- Lưu: VT, VP.')], ''],
        ['TM. ỦY BAN NHÂN DÂN', 'TM. BAN THƯỜNG TRỰC'],
        ['KT. CHỦ TỊCH', 'CHỦ TỊCH'],
        ['PHÓ CHỦ TỊCH', ''],
        ['Nguyễn Văn An', 'Lê Thị Hoa'],
      ],
      { borders: false },
    );
    const res = await lint(buildDocx(head.join('') + closing), { filePath: '/virtual/joint.docx', only: ['doc-format'] });
    expect(res.messages.map((m) => m.message)).toEqual([]);
  });

  it('leaves the number of a legal normative document (with its year) to its own decree', async () => {
    const res = await lint(decreePlanMarkdown({ number: 'Số: 5/2026/QĐ-UBND' }), { only: ['doc-format'] });
    expect(res.messages.map((m) => m.message)).toEqual([]);
  });

  it('holds a mass organisation to neither form: its own heading and number shape give nothing', async () => {
    const md = decreePlanMarkdown({
      issuerTop: 'ĐOÀN TNCS HỒ CHÍ MINH',
      issuer: 'BCH ĐOÀN PHƯỜNG HẢI AN',
      number: 'Số 12-KH/ĐTN',
      national: 'ĐOÀN TNCS HỒ CHÍ MINH',
      motto: '',
      authority: ['TM. BAN THƯỜNG VỤ', 'BÍ THƯ'],
    });
    const res = await lint(md, { only: ['doc-format'] });
    expect(res.messages.map((m) => m.message)).toEqual([]);
    // its kind still has to agree with its title
    const wrong = await lint(md.replace('Số 12-KH/ĐTN', 'Số 12-BC/ĐTN'), { only: ['doc-format'] });
    expect(wrong.messages.map((m) => m.message)).toEqual([expect.stringMatching(/Ký hiệu "BC".*"KH"/)]);
  });

  it('does not check a law or a form as an administrative document', async () => {
    const law = `QUỐC HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nLuật số: 5/2025/QH15\n\nHà Nội, ngày 5 tháng 2 năm 2025\n\nLUẬT\n\nKẾ HOẠCH\n\nĐiều 1. Phạm vi điều chỉnh\n`;
    expect((await lint(law, { only: ['doc-format'] })).messages).toEqual([]);
  });
});
