// Build the DOCX fixtures in fixtures/ (committed, so `plan-lint fixtures/…` works
// right after install). Headings and the STT column use Word's automatic numbering.
// Usage: npm run build:fixtures
import fs from 'node:fs';
import { buildDocx, numberingXml, p, r, stylesXml, table } from './docx-builder.mjs';
import { decreePlanDocx, decreePlanMarkdown } from './form-fixtures.mjs';
import { DOCUMENTS, toDocx, toMarkdown } from './fixture-documents.mjs';

const out = new URL('../fixtures/', import.meta.url);

// numId 1: I. / 1. / a) headings; numId 2: the STT column "1, 2, 3"
const numbering = numberingXml(
  [
    { id: 0, levels: [{ fmt: 'upperRoman', text: '%1.', suff: 'space' }, { fmt: 'decimal', text: '%2.', suff: 'space' }, { fmt: 'lowerLetter', text: '%3)', suff: 'space' }] },
    { id: 1, levels: [{ fmt: 'decimal', text: '%1', suff: 'nothing' }] },
  ],
  [
    { id: 1, abstractId: 0 },
    { id: 2, abstractId: 1 },
  ],
);

const H1 = (t) => p(t, { numId: 1, ilvl: 0, b: true });
const H2 = (t) => p(t, { numId: 1, ilvl: 1, b: true });
const STT = (t) => [p('', { numId: 2 }), t];

/** A clean plan of UBND phường Cái Khế (Cần Thơ), or the same plan with defects put in. */
function plan({ defects }) {
  const own = defects ? 'Số: /KH-UBND' : 'Số: 33/KH-UBND';
  const body = [
    table(
      [
        [
          [p('ỦY BAN NHÂN DÂN', { b: true, size: 13 }), p('PHƯỜNG CÁI KHẾ', { b: true, size: 13, border: 'bottom' }), p(own, { size: 13 })],
          [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { b: true, size: 13 }), p('Độc lập - Tự do - Hạnh phúc', { b: true, border: 'bottom' }), p('Cái Khế, ngày 18 tháng 5 năm 2026', { i: true })],
        ],
      ],
      { borders: false },
    ),
    p('KẾ HOẠCH', { b: true }),
    p('Tổng vệ sinh môi trường, phòng chống sốt xuất huyết trên địa bàn phường năm 2026', { b: true }),
    p('Căn cứ Kế hoạch số 64/KH-UBND ngày 06/4/2026 của Ủy ban nhân dân thành phố Cần Thơ về phòng, chống dịch bệnh năm 2026;'),
    p('Ủy ban nhân dân phường Cái Khế ban hành Kế hoạch tổng vệ sinh môi trường như sau:'),
    H1('MỤC ĐÍCH, YÊU CẦU'),
    p('Huy động Nhân dân các khu vực cùng tham gia dọn vệ sinh, khơi thông cống rãnh, diệt lăng quăng.'),
    p('Giảm số ca mắc sốt xuất huyết so với cùng kỳ năm 2025.'),
    H1('NỘI DUNG'),
    H2('Ra quân tổng vệ sinh'),
    p([r('Tổ chức ra quân vào sáng chủ nhật cuối mỗi tháng tại các khu vực'), r(' trên địa bàn phường.')]),
    H2('Tuyên truyền'),
    p(defects
      ? 'Phát thanh trên hệ thống truyền thanh của phường Bình Thủy; thực hiện theo Kế hoạch số 46/KH-UBND ngày 06/4/2026 của Ủy ban nhân dân thành phố Cần Thơ.'
      : 'Phát thanh trên hệ thống truyền thanh của phường; thực hiện theo Kế hoạch số 64/KH-UBND ngày 06/4/2026 của Ủy ban nhân dân thành phố Cần Thơ.'),
    table([
      ['STT', 'Nội dung', 'Thời gian'],
      [STT('')[0], 'Ra quân tổng vệ sinh đợt 1', 'Tháng 6'],
      [STT('')[0], 'Phun hóa chất diệt muỗi', 'Tháng 7'],
      [STT('')[0], 'Ra quân tổng vệ sinh đợt 2', 'Tháng 8'],
      [defects ? '6' : STT('')[0], 'Sơ kết', defects ? 'ngày   /10/2026' : 'Tháng 10'],
    ]),
    H1('TỔ CHỨC THỰC HIỆN'),
    p('Các khu vực báo cáo kết quả về Ủy ban nhân dân phường sau mỗi đợt ra quân.'),
    table(
      [
        [
          [p('Nơi nhận:', { b: true, i: true, size: 12 }), p('- UBND thành phố Cần Thơ;', { size: 11 }), p('- Lưu: VT.', { size: 11 })],
          [p('TM. ỦY BAN NHÂN DÂN', { b: true }), p('CHỦ TỊCH', { b: true }), p('Phạm Thị Lan', { b: true })],
        ],
      ],
      { borders: false },
    ),
  ];
  // laid out to NĐ 30/2020: A4, margins 20/20/30/20 mm, Times New Roman 14
  return buildDocx(body.join(''), { numbering, styles: stylesXml({ font: 'Times New Roman', size: 14 }), page: {} });
}

fs.writeFileSync(new URL('ke-hoach-ubnd-mau.docx', out), plan({ defects: false }));
fs.writeFileSync(new URL('ke-hoach-co-loi.docx', out), plan({ defects: true }));
// a plan laid out to the decree (thể thức), and its Markdown twin
fs.writeFileSync(new URL('the-thuc-ubnd.docx', out), decreePlanDocx());
fs.writeFileSync(new URL('the-thuc-ubnd.md', out), decreePlanMarkdown());
console.log('fixtures/ke-hoach-ubnd-mau.docx, fixtures/ke-hoach-co-loi.docx, fixtures/the-thuc-ubnd.{docx,md} written');

// Documents of other kinds for the document-model tests, in Markdown and in Word.
const docs = new URL('../test/fixtures/', import.meta.url);
fs.mkdirSync(docs, { recursive: true });
for (const [name, blocks] of Object.entries(DOCUMENTS)) {
  fs.writeFileSync(new URL(`${name}.md`, docs), toMarkdown(blocks));
  fs.writeFileSync(new URL(`${name}.docx`, docs), toDocx(blocks));
}
console.log(`test/fixtures/: ${Object.keys(DOCUMENTS).length} documents as .md and .docx written`);
