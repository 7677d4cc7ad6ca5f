// Our own documents of several kinds, written for the document-model tests (test/documents.test.ts):
// each is a list of blocks rendered to Markdown and to Word by build-fixtures.mjs, so both
// readings can be checked against the same expectations. All names and numbers are invented.
//
// A block is a paragraph (a string; "\n" is a line break inside it), or
// { table: rows, borders } where a row is a list of cells and a cell a string ("\n" separates paragraphs).
import { buildDocx, p, table } from './docx-builder.mjs';

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';

/** A decision of a provincial People's Committee: Điều, khoản, điểm; khoản 3 of Điều 2 is missing (a real defect). */
const decision = [
  { table: [[`ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH NAM\nSố: 1520/QĐ-UBND`, `${MOTTO}\nHòa Bình Nam, ngày 14 tháng 7 năm 2026`]], borders: false },
  'QUYẾT ĐỊNH',
  'Về việc ban hành Quy chế phối hợp quản lý cụm công nghiệp',
  'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'Theo đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 88/TTr-SCT ngày 02/7/2026.',
  'QUYẾT ĐỊNH:',
  'Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh.',
  'Điều 2. Trách nhiệm phối hợp',
  '1. Sở Công Thương chủ trì, hướng dẫn thực hiện Quy chế.',
  '2. Các sở, ngành phối hợp theo chức năng:',
  'a) Sở Tài chính bố trí kinh phí;',
  'b) Sở Xây dựng thẩm định quy hoạch chi tiết.',
  '4. Ủy ban nhân dân các xã, phường báo cáo định kỳ.',
  'Điều 3. Hiệu lực thi hành',
  '1. Quyết định này có hiệu lực kể từ ngày ký.',
  '2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.',
  { table: [['Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình']], borders: false },
];

/** A law excerpt: Chương, Điều, khoản, điểm; Điều 4 is missing (Điều 5 after Điều 3). */
const law = [
  'QUỐC HỘI',
  'Luật số: 71/2026/QH15',
  MOTTO,
  'LUẬT',
  'QUẢN LÝ CỤM CÔNG NGHIỆP',
  'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
  'Quốc hội ban hành Luật Quản lý cụm công nghiệp.',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Luật này quy định về quy hoạch, đầu tư và quản lý cụm công nghiệp.',
  'Điều 2. Giải thích từ ngữ',
  'Trong Luật này, các từ ngữ dưới đây được hiểu như sau:',
  '1. Cụm công nghiệp là nơi sản xuất, thực hiện dịch vụ cho sản xuất công nghiệp.',
  '2. Chủ đầu tư hạ tầng là tổ chức được giao làm chủ đầu tư, gồm:',
  'a) Doanh nghiệp;',
  'b) Hợp tác xã;',
  'c) Đơn vị sự nghiệp công lập.',
  'Chương II',
  'QUY HOẠCH CỤM CÔNG NGHIỆP',
  'Điều 3. Nguyên tắc quy hoạch',
  '1. Phù hợp với quy hoạch tỉnh.',
  '2. Bảo đảm bảo vệ môi trường.',
  'Điều 5. Điều chỉnh quy hoạch',
  '1. Ủy ban nhân dân cấp tỉnh quyết định điều chỉnh quy hoạch.',
  '2. Việc điều chỉnh phải công khai.',
];

/** A plan with two appendix forms full of blanks, and one real blank left in its own text. */
const planWithForms = [
  { table: [[`ỦY BAN NHÂN DÂN\nPHƯỜNG SÔNG CẦU\nSố: 57/KH-UBND`, `${MOTTO}\nSông Cầu, ngày 09 tháng 6 năm 2026`]], borders: false },
  'KẾ HOẠCH',
  'Khảo sát nhu cầu học nghề của thanh niên trên địa bàn phường năm 2026',
  'Thực hiện Kế hoạch số 31/KH-UBND ngày 20/5/2026 của Ủy ban nhân dân tỉnh về đào tạo nghề, Ủy ban nhân dân phường ban hành Kế hoạch như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Nắm nhu cầu học nghề của thanh niên từ 16 đến 30 tuổi.',
  '2. Số liệu đầy đủ, chính xác.',
  'II. NỘI DUNG',
  '1. Các khu phố phát phiếu khảo sát theo Mẫu số 01 và tổng hợp theo Mẫu số 02.',
  '2. Thời gian hoàn thành trước ngày     /8/2026.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Công chức Văn hóa - Xã hội tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân phường./.',
  { table: [['Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Thị Hoa']], borders: false },
  'Mẫu số 01',
  'PHIẾU KHẢO SÁT NHU CẦU HỌC NGHỀ',
  '1. Họ và tên: ....................................................',
  '2. Ngày sinh: ngày ...... tháng ...... năm ............',
  '3. Nghề muốn học: [ ] May công nghiệp   [ ] Điện dân dụng   [ ] Khác (1)',
  '4. Địa chỉ: ....................................................',
  'Sông Cầu, ngày ..... tháng ..... năm 2026',
  'Mẫu số 02',
  'BẢNG TỔNG HỢP CỦA KHU PHỐ ........',
  'Khu phố: ............................ Số phiếu: ........../........',
  { table: [['STT', 'Họ và tên', 'Nghề đăng ký'], ['1', '......................', '......................'], ['2', '......................', '......................'], ['3', '......................', '......................']] },
  'Người tổng hợp: ...................................',
];

/** A guidance in two parts (PHẦN A, PHẦN B), each restarting its Roman sections. */
const guidance = [
  { table: [[`UBND TỈNH HÒA BÌNH NAM\nSỞ NỘI VỤ\nSố: 12/HD-SNV`, `${MOTTO}\nHòa Bình Nam, ngày 03 tháng 8 năm 2026`]], borders: false },
  'HƯỚNG DẪN',
  'Đánh giá, xếp loại chất lượng công chức cấp xã năm 2026',
  'PHẦN A. QUY ĐỊNH CHUNG',
  'I. PHẠM VI, ĐỐI TƯỢNG',
  '1. Công chức làm việc tại Ủy ban nhân dân cấp xã.',
  '2. Người hoạt động không chuyên trách.',
  'II. NGUYÊN TẮC',
  'Khách quan, công khai, đúng thẩm quyền.',
  'PHẦN B. QUY TRÌNH ĐÁNH GIÁ',
  'I. TỰ ĐÁNH GIÁ',
  'Công chức tự đánh giá theo mẫu.',
  'II. THẨM ĐỊNH',
  'Phòng chuyên môn thẩm định kết quả.',
  'III. QUYẾT ĐỊNH XẾP LOẠI',
  'Chủ tịch Ủy ban nhân dân cấp xã quyết định./.',
];

/** A plan of a commune Fatherland Front committee; its own number is still blank (a draft). */
const frontPlan = [
  { table: [[`ỦY BAN MTTQ VIỆT NAM\nXÃ ĐỒNG TIẾN\nBAN THƯỜNG TRỰC\nSố:    /KH-MTTQ-BTT`, `MẶT TRẬN TỔ QUỐC VIỆT NAM\nĐồng Tiến, ngày 20 tháng 10 năm 2026`]], borders: false },
  'KẾ HOẠCH',
  'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2026',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Phát huy truyền thống đoàn kết của Nhân dân.',
  '2. Tổ chức thiết thực, tiết kiệm.',
  'II. NỘI DUNG',
  '1. Phần lễ: ôn lại truyền thống Mặt trận Tổ quốc Việt Nam.',
  '2. Phần hội: các hoạt động văn hóa, thể thao.',
  { table: [['Nơi nhận:\n- Các Ban công tác Mặt trận;\n- Lưu.', 'TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nHoàng Văn Sơn']], borders: false },
];

/** A report of a department, its header a three-column table with an empty middle column. */
const threeColumn = [
  { table: [[`UBND TỈNH HÒA BÌNH NAM\nSỞ CÔNG THƯƠNG\nSố: 45/BC-SCT`, '', `${MOTTO}\nHòa Bình Nam, ngày 02 tháng 7 năm 2026`]], borders: false },
  'BÁO CÁO',
  'Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2026',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  '1. Công tác chỉ đạo, điều hành.',
  '2. Phát triển cụm công nghiệp.',
  'II. NHIỆM VỤ 6 THÁNG CUỐI NĂM',
  '1. Hoàn thành quy hoạch chi tiết.',
  '2. Thu hút đầu tư./.',
];

/** A plan copied from a web page: bold labels, a V/V subject line, lines wrapped by hand. */
const webPlan = [
  'ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ',
  'Số: 21/KH-UBND',
  'Tân Phú, ngày 12 tháng 3 năm 2026',
  'KẾ HOẠCH',
  'V/V tổ chức tháng hành động vì an toàn thực phẩm\nnăm 2026 trên địa bàn xã',
  'Thực hiện Kế hoạch số 45/KH-UBND ngày 02/3/2026 của Ủy ban\nnhân dân tỉnh về bảo đảm an toàn thực phẩm, Ủy ban nhân dân xã\nban hành Kế hoạch như sau:',
  '**I. MỤC ĐÍCH, YÊU CẦU**',
  '**1. Mục đích:** Nâng cao nhận thức của người sản xuất, kinh doanh\nvà người tiêu dùng về an toàn thực phẩm.',
  '**2. Yêu cầu:** Các hoạt động thiết thực, hiệu quả, tránh hình\nthức.',
  '**II. NỘI DUNG**',
  '**1. Đối tượng:** Các cơ sở sản xuất, kinh doanh thực phẩm trên\nđịa bàn xã.',
  '**2. Thời gian:** Từ ngày 15/4/2026 đến ngày 15/5/2026.',
  '**3.\nHình thức:** Tuyên truyền trên hệ thống truyền thanh; kiểm tra\nliên ngành.',
  '**III. TỔ CHỨC THỰC HIỆN**',
  'Công an xã, Trạm Y tế xã phối hợp thực hiện; báo cáo kết quả\ntrước ngày 20/5/2026.',
];

/**
 * A phiếu trình of a department office: its own number still blank (a draft), and a sign-off table
 * whose approvers' boxes (dotted lines for an opinion, a date to write when signing) are the
 * form's; the drafter's own date, left blank, is reported.
 */
const submissionForm = [
  { table: [[`SỞ XÂY DỰNG TỈNH HÒA BÌNH NAM\nVĂN PHÒNG SỞ\nSố:        /PTr-VP`, `${MOTTO}\nHòa Bình Nam, ngày 03 tháng 4 năm 2027`]], borders: false },
  'PHIẾU TRÌNH',
  'Kính gửi: Lãnh đạo Sở Xây dựng.',
  'I. NỘI DUNG TRÌNH',
  '1. Văn bản: Công văn số 215/UBND-KT ngày 28/3/2027 của Ủy ban nhân dân xã Phú Lộc.',
  '2. Trích yếu: Đề nghị hỗ trợ sửa chữa cầu treo thôn Bản Vàng.',
  'II. ĐỀ XUẤT CỦA PHÒNG CHUYÊN MÔN',
  'Giao Phòng Quản lý xây dựng kiểm tra hiện trạng, báo cáo trước ngày 15/4/2027.',
  {
    table: [
      ['PHÒNG CHỦ TRÌ: QUẢN LÝ XÂY DỰNG', 'LÃNH ĐẠO VĂN PHÒNG\n..............................................\nNgày       tháng 4 năm 2027\nVõ Minh Khang'],
      ['Chuyên viên\nNgày       tháng 4 năm 2027\nĐặng Thu Trang', 'Lãnh đạo phòng\nNgày 02 tháng 4 năm 2027\nLý Quốc Hưng'],
      ['Ý KIẾN CỦA GIÁM ĐỐC SỞ\nNgày      tháng      năm 2027\nTạ Đình Phong', ''],
    ],
  },
];

/**
 * A report with two numbering slips: "1.1.Tổ chức" with the space forgotten (still a label),
 * and section III written as a second "II." (one finding; the correct "IV." after it is none).
 * "6.4.2027" opening a line is a date, no label.
 */
const reportSlips = [
  { table: [[`ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC\nSố: 58/BC-UBND`, `${MOTTO}\nPhú Lộc, ngày 20 tháng 4 năm 2027`]], borders: false },
  'BÁO CÁO',
  'Kết quả kiểm tra an toàn cầu treo quý I năm 2027',
  'I. KẾT QUẢ THỰC HIỆN',
  '1. Công tác tuyên truyền',
  '1.1.Tổ chức hai buổi họp thôn về đi lại an toàn qua cầu.',
  '1.2. Dán biển cảnh báo tải trọng ở hai đầu cầu.',
  '2. Công tác kiểm tra',
  '6.4.2027 đoàn kiểm tra làm việc tại cầu treo thôn Bản Vàng.',
  'II. TỒN TẠI, HẠN CHẾ',
  'Kinh phí sửa chữa còn thiếu.',
  'II. NGUYÊN NHÂN',
  'Nguồn vốn được giao chậm.',
  'IV. PHƯƠNG HƯỚNG QUÝ II',
  'Hoàn thành sửa chữa trước mùa mưa./.',
];

/**
 * A regulation whose third article heading was typed without its keyword: "3. Trách nhiệm của
 * Trưởng ban" inside Điều 2 where "Điều 3." belongs. One finding, saying so; "Điều 4." is right.
 */
const regulationStray = [
  { table: [[`BAN QUẢN LÝ DỰ ÁN TỈNH HÒA BÌNH NAM\nSố: 07/QC-BQLDA`, `${MOTTO}\nHòa Bình Nam, ngày 12 tháng 5 năm 2027`]], borders: false },
  'QUY CHẾ',
  'Làm việc của Ban Quản lý dự án',
  'Chương I',
  'QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Quy chế này quy định chế độ làm việc của Ban.',
  'Điều 2. Nguyên tắc làm việc',
  '1. Làm việc theo chế độ thủ trưởng.',
  '2. Công khai, minh bạch trong điều hành.',
  '3. Trách nhiệm của Trưởng ban',
  '1. Chỉ đạo, điều hành toàn bộ hoạt động của Ban.',
  '2. Ký các văn bản thuộc thẩm quyền.',
  'Điều 4. Hiệu lực thi hành',
  'Quy chế này có hiệu lực kể từ ngày ký./.',
];

export const DOCUMENTS = {
  'phieu-trinh-o-ky-duyet': submissionForm,
  'bao-cao-nhan-lien-chu': reportSlips,
  'quy-che-nhan-lac': regulationStray,
  'quyet-dinh-dieu-khoan': decision,
  'luat-trich-chuong-dieu': law,
  'ke-hoach-phu-luc-mau': planWithForms,
  'huong-dan-phan-a-b': guidance,
  'ke-hoach-mttq': frontPlan,
  'bao-cao-bang-ba-cot': threeColumn,
  'ke-hoach-chep-tu-web': webPlan,
};

const stripBold = (s) => s.replace(/\*\*/g, '');

/** Markdown: paragraphs apart, line breaks as soft wraps (as pages converted from the web have them), tables in GFM with <br>. */
export function toMarkdown(blocks) {
  const out = [];
  for (const b of blocks) {
    if (typeof b === 'string') out.push(b);
    else {
      const cols = Math.max(...b.table.map((r) => r.length));
      const row = (r) => `| ${Array.from({ length: cols }, (_, i) => (r[i] ?? '').replace(/\n/g, '<br>')).join(' | ')} |`;
      out.push([row(b.table[0]), `|${' --- |'.repeat(cols)}`, ...b.table.slice(1).map(row)].join('\n'));
    }
  }
  return out.join('\n\n') + '\n';
}

/** Word: one paragraph per block (bold where the Markdown has it), "\n" as a line break; tables with a paragraph per cell line. */
export function toDocx(blocks) {
  const body = blocks.map((b) => {
    if (typeof b === 'string') return p(stripBold(b), { b: b.startsWith('**') || /^[\p{Lu}\s,]+$/u.test(b) });
    return table(
      b.table.map((r) => r.map((c) => (c ? c.split('\n').map((line) => p(line)) : ''))),
      { borders: b.borders !== false },
    );
  });
  return buildDocx(body.join(''));
}
