// ref-mismatch and unit-name as real documents use citations and place names: each false-finding
// pattern seen on real documents is not reported, each missed defect is found with its evidence —
// on small documents of our own (other numbers, names and places than the real ones), in Markdown and Word.
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../src/types.js';
import { lint } from './helpers.js';
import { asDocx, asMarkdown, type DocSpec } from './doc-spec.js';

const WARD = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGỌC HÀ', 'Số: 41/KH-UBND'];
const WARD_DATE = ['Ngọc Hà, ngày 09 tháng 3 năm 2026'];

async function findings(d: DocSpec, rule: string, kind: 'md' | 'docx'): Promise<LintMessage[]> {
  const res =
    kind === 'md'
      ? await lint(asMarkdown(d), { filePath: '/virtual/doc.md', only: [rule] })
      : await lint(asDocx(d), { filePath: '/virtual/doc.docx', only: [rule] });
  return res.messages.filter((m) => m.severity > 0 && !m.fatal);
}

interface Case {
  name: string;
  rule: 'ref-mismatch' | 'unit-name';
  doc: DocSpec;
  /** Expected findings: exact flagged text, message id, and a pattern the message must match (the evidence). */
  found?: { text: string; messageId: string; message?: RegExp; severity?: 1 | 2 }[];
}

const NOT_REPORTED: Case[] = [
  {
    name: 'documents of one series with their own years',
    rule: 'ref-mismatch',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Thu phí, lệ phí năm 2026',
      body: [
        'Căn cứ Thông tư số 23/2023/TT-BTC ngày 11/4/2023 của Bộ Tài chính;',
        'I. NỘI DUNG',
        '1. Các khoản phí theo Thông tư số 15/2019/TT-BTC ngày 05/3/2019 của Bộ Tài chính tiếp tục thu.',
        '2. Thông tư số 08/2011/TT-BTC và Thông tư số 47/2022/TT-BTC hết hiệu lực.',
      ],
    },
  },
  {
    name: 'one number with another year, and a real different resolution of the same year',
    rule: 'ref-mismatch',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Triển khai quy định về đất đai năm 2026',
      body: [
        'Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ; Nghị quyết số 119/2025/UBTVQH15 ngày 10/5/2025 của Ủy ban Thường vụ Quốc hội về tổ chức chính quyền đô thị;',
        'I. NỘI DUNG',
        '1. Thực hiện Nghị định 45/2017/NĐ-CP ngày 15/5/2017 về thủ tục hành chính.',
        '2. Thực hiện Nghị quyết số 113/2025/UBTVQH15 ngày 21/3/2025 của Ủy ban Thường vụ Quốc hội.',
      ],
    },
  },
  {
    name: 'issuer phrases that run on into the sentence, UBND and Bộ trưởng Bộ',
    rule: 'ref-mismatch',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Thực hiện thủ tục hành chính năm 2026',
      body: [
        'Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 của Chính phủ quy định chi tiết; Kế hoạch số 52/KH-UBND ngày 03/3/2026 của UBND thành phố; Thông tư số 09/2025/TT-BNV ngày 02/6/2025 của Bộ Nội vụ;',
        'I. NỘI DUNG',
        '1. Các thủ tục theo Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 của Chính phủ do Ủy ban nhân dân cấp xã thực hiện.',
        '2. Nghị định số 78/2025/NĐ-CP ngày 01/4/2025 của Chính phủ (đã được sửa đổi, bổ sung) và Nghị định số 78/2025/NĐ-CP của Chính phủ tiếp tục áp dụng.',
        '3. Kế hoạch số 52/KH-UBND ngày 03/3/2026 của Ủy ban nhân dân thành phố; Thông tư số 09/2025/TT-BNV ngày 02/6/2025 của Bộ trưởng Bộ Nội vụ.',
      ],
    },
  },
  {
    name: 'one number in two years without a year in it, and numbers issued the same day',
    rule: 'ref-mismatch',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Rà soát văn bản năm 2026',
      body: [
        'Căn cứ Quyết định số 512/QĐ-UBND ngày 02/4/2025 của Ủy ban nhân dân thành phố;',
        'I. NỘI DUNG',
        '1. Quyết định số 512/QĐ-UBND ngày 10/3/2024 của Ủy ban nhân dân thành phố hết hiệu lực.',
        '2. Quyết định số 1201/QĐ-UBND ngày 15/01/2026 và Quyết định số 1202/QĐ-UBND ngày 15/01/2026 của Ủy ban nhân dân thành phố.',
      ],
    },
  },
  {
    name: 'old names in a past context, a licence of an older year, a table of the earlier design, "(cũ)"',
    rule: 'unit-name',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Hỗ trợ người dân làm thủ tục năm 2026',
      body: [
        'I. NỘI DUNG',
        '1. Ông A thường trú tại xã Nông Thượng, thành phố Bắc Kạn, tỉnh Bắc Kạn (nay là phường Bắc Kạn, tỉnh Thái Nguyên) được hỗ trợ.',
        '2. Giấy phép số 12/GP-UBND ngày 05/8/2024 của Ủy ban nhân dân huyện Đông Anh còn giá trị.',
        '3. Hồ sơ chuyển từ tỉnh Quảng Bình (cũ) được tiếp nhận.',
        { table: [['Huyện', 'Số hồ sơ'], ['huyện Mê Linh', '12'], ['huyện Sóc Sơn', '7']] },
      ],
    },
  },
  {
    name: 'a report on a year that began before the reform names the old units',
    rule: 'unit-name',
    doc: {
      left: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGỌC HÀ', 'Số: 12/BC-UBND'],
      right: ['Ngọc Hà, ngày 10 tháng 01 năm 2026'],
      kind: 'BÁO CÁO',
      title: 'Kết quả công tác chuyển đổi số năm 2025',
      body: ['I. KẾT QUẢ', '1. Ủy ban nhân dân huyện Mê Linh triển khai ứng dụng định danh điện tử.'],
    },
  },
  {
    name: 'things that are not units',
    rule: 'unit-name',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Phát triển kinh tế tập thể năm 2026',
      body: [
        'I. NỘI DUNG',
        '1. Làm việc với Phó Chủ tịch UBND tỉnh Trần Văn Lâm và Hợp tác xã Tân Phú Đông.',
        '2. Mẫu văn bản ghi "xã C huyện D tỉnh E"; học tập mô hình của tỉnh Quảng Tây (Trung Quốc) và các tỉnh Tây Nguyên.',
        'II. CÁC XÃ, PHƯỜNG THỰC HIỆN',
        '1. Xây dựng thành phố Thông minh, Thành phố 15 phút; Thành phố Hải Phòng, thành phố Huế và Thành phố Đà Nẵng hỗ trợ.',
        '2. Ngân sách cấp tỉnh Giai đoạn 2026 - 2030 bố trí cho khu vực phường Trung Tâm.',
        '3. Phối hợp tại phường Cửa\nNam.',
        { table: [['Đơn vị', 'Ghi chú'], ['Xã Sóc', 'Sơn']] },
      ],
    },
  },
  {
    name: 'a province-level office names the ward of its address, neighbours and lists',
    rule: 'unit-name',
    doc: {
      left: ['UBND TỈNH PHÚ THỌ', 'SỞ XÂY DỰNG', 'Số: 77/KH-SXD'],
      right: ['Phú Thọ, ngày 12 tháng 3 năm 2026'],
      title: 'Kiểm tra công trình năm 2026',
      body: ['I. NỘI DUNG', '1. Trụ sở: Số 8 đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ.', '2. Kiểm tra tại phường Vĩnh Phúc và xã Lâm Thao.'],
    },
  },
  {
    name: 'a ward body: a neighbour, a list, an address',
    rule: 'unit-name',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Phòng cháy chữa cháy năm 2026',
      body: [
        'I. NỘI DUNG',
        '1. Phối hợp với phường Giảng Võ tổ chức diễn tập.',
        '2. Cụm thi đua gồm các phường Ba Đình, Cửa Nam, Hoàn Kiếm.',
        '3. Địa điểm: Số 25 phố Liễu Giai, phường Giảng Võ.',
      ],
    },
  },
];

const FOUND: Case[] = [
  {
    name: 'one number with two dates: the number carries its year',
    rule: 'ref-mismatch',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Triển khai Nghị quyết số 158/2024/QH15 ngày 12/11/2024 của Quốc hội',
      body: ['I. NỘI DUNG', '1. Quán triệt Nghị quyết số 158/2024/QH15 của Quốc hội về dự toán ngân sách.'],
      // the wrong date stands in a footnote (a Word footnote; a closing paragraph in Markdown)
      footnotes: ['Nghị quyết số 158/2024/QH15 ngày 12/11/2025 của Quốc hội về dự toán ngân sách nhà nước năm 2025.'],
    },
    found: [{ text: 'ngày 12/11/2025', messageId: 'yearDate', message: /2024/ }],
  },
  {
    name: 'the document cites its own number with the parts of its code swapped',
    rule: 'ref-mismatch',
    doc: {
      left: ['BAN THƯỜNG TRỰC ỦY BAN MTTQ', 'PHƯỜNG NGỌC HÀ', 'Số: 23/KH-BTT-MTTQ'],
      right: WARD_DATE,
      title: 'Tổ chức Ngày hội Đại đoàn kết năm 2026',
      body: ['I. NỘI DUNG', '1. Các khu dân cư triển khai Kế hoạch số 23/KH-MTTQ-BTT của Ban Thường trực.'],
    },
    found: [{ text: '23/KH-MTTQ-BTT', messageId: 'ownNumber', message: /23\/KH-BTT-MTTQ/ }],
  },
  {
    name: 'an appendix cites its own guidance with another date than the header',
    rule: 'ref-mismatch',
    doc: {
      left: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGỌC HÀ', 'Số: 07/HD-UBND'],
      right: ['Ngọc Hà, ngày 15 tháng 01 năm 2026'],
      kind: 'HƯỚNG DẪN',
      title: 'Chấm điểm thi đua khu dân cư năm 2026',
      body: ['I. NỘI DUNG', '1. Chấm điểm theo Phụ lục.', 'PHỤ LỤC I', '(Kèm theo Hướng dẫn số 07/HD-UBND ngày 13/01/2026 của Ủy ban nhân dân phường)'],
    },
    found: [{ text: 'ngày 13/01/2026', messageId: 'captionDate', message: /15\/1\/2026/ }],
  },
  {
    name: 'a resolution number changed, the subject the same',
    rule: 'ref-mismatch',
    doc: {
      left: ['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'ĐẢNG ỦY PHƯỜNG NGỌC HÀ', 'Số 52-KH/ĐU'],
      right: WARD_DATE,
      title: 'Tuyên truyền năm 2026',
      body: [
        'Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn;',
        'I. NỘI DUNG',
        '1. Tuyên truyền Nghị quyết số 81-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn.',
      ],
    },
    found: [{ text: '81-NQ/TW', messageId: 'number', message: /18-NQ\/TW.*(trích yếu|subject)/ }],
  },
  {
    name: 'a number one keystroke away with the same date and issuer as the basis',
    rule: 'ref-mismatch',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Chuyển đổi số năm 2026',
      body: [
        'Căn cứ Kế hoạch số 317/KH-UBND ngày 14/01/2026 của Ủy ban nhân dân thành phố;',
        'I. NỘI DUNG',
        '1. Thực hiện Kế hoạch số 371/KH-UBND ngày 14/01/2026 của UBND thành phố.',
      ],
    },
    found: [{ text: '371/KH-UBND', messageId: 'number', message: /317\/KH-UBND.*14\/1\/2026/ }],
  },
  {
    name: 'an old commune named as current after 1 July 2025, and a misspelt ward',
    rule: 'unit-name',
    doc: {
      left: ['ĐẢNG BỘ TỈNH QUẢNG TRỊ', 'ĐẢNG ỦY PHƯỜNG ĐỒNG HỚI', 'Số 19-KH/ĐU'],
      right: ['Đồng Hới, ngày 20 tháng 3 năm 2026'],
      title: 'Ra quân làm sạch bờ biển năm 2026',
      body: ['I. NỘI DUNG', '1. Ra quân tại xã Bảo Ninh với đoàn viên thanh niên.', '2. Nhân dân phường Đồng Thuân cùng tham gia.'],
    },
    found: [
      { text: 'xã Bảo Ninh', messageId: 'oldUnit', message: /phường Đồng Hới/, severity: 1 },
      { text: 'Đồng Thuân', messageId: 'misspelt', message: /Đồng Thuận/ },
    ],
  },
  {
    name: 'a name that never existed, with the nearest real name of the province',
    rule: 'unit-name',
    doc: { left: WARD, right: WARD_DATE, title: 'Ngày hội đọc sách năm 2026', body: ['I. NỘI DUNG', '1. Giao lưu với thư viện phường Hoàng Kiến.'] },
    found: [{ text: 'Hoàng Kiến', messageId: 'unknownUnit', message: /có phải "Hoàn Kiếm"/ }],
  },
  {
    name: 'a plan for 2025 dated after 1 July 2025 names a district as current',
    rule: 'unit-name',
    doc: {
      left: WARD,
      right: ['Ngọc Hà, ngày 15 tháng 8 năm 2025'],
      title: 'Phòng chống thiên tai năm 2025',
      body: ['I. NỘI DUNG', '1. Gửi báo cáo về Ủy ban nhân dân huyện Mê Linh trước ngày 30/9/2025.'],
    },
    found: [{ text: 'huyện Mê Linh', messageId: 'abolished', severity: 1 }],
  },
  {
    name: 'another ward where a ward body speaks of its own area',
    rule: 'unit-name',
    doc: {
      left: WARD,
      right: WARD_DATE,
      title: 'Vệ sinh môi trường năm 2026',
      body: ['I. NỘI DUNG', '1. Huy động Nhân dân phường Kim Liên tham gia ra quân.'],
    },
    found: [{ text: 'Kim Liên', messageId: 'otherUnit' }],
  },
];

describe('citations and place names as real documents use them', () => {
  for (const kind of ['md', 'docx'] as const) {
    for (const c of NOT_REPORTED) {
      it(`not reported (${kind}): ${c.name}`, async () => {
        const got = await findings(c.doc, c.rule, kind);
        expect(got.map((m) => `${m.text}: ${m.message}`)).toEqual([]);
      });
    }
    for (const c of FOUND) {
      it(`found (${kind}): ${c.name}`, async () => {
        const got = await findings(c.doc, c.rule, kind);
        expect(got.map((m) => m.text)).toEqual(c.found!.map((f) => f.text));
        c.found!.forEach((f, i) => {
          expect(got[i]!.messageId).toBe(f.messageId);
          expect(got[i]!.severity).toBe(f.severity ?? 2);
          if (f.message) expect(got[i]!.message).toMatch(f.message);
        });
      });
    }
  }
});
