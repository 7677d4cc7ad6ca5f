// Valid and invalid cases for the four mission rules, on small plans of our own.
import { plan, ruleTester } from './rule-tester.js';

const UBND = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGỌC HÀ', 'Số: 08/KH-UBND', 'Ngọc Hà, ngày 15 tháng 5 năm 2026'];
const PARTY = ['ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG', 'ĐẢNG ỦY PHƯỜNG HÒA CƯỜNG', 'Số 112-KH/ĐU', 'Hòa Cường, ngày 03 tháng 6 năm 2026'];

ruleTester('ref-mismatch', {
  valid: [
    {
      name: 'one document cited the same way throughout',
      code: plan({
        header: PARTY,
        preamble: ['Thực hiện Nghị quyết số 31-NQ/TU ngày 12/5/2026 của Ban Thường vụ Thành ủy về văn hóa đọc;'],
        body: 'I. NỘI DUNG\n\n1. Quán triệt Nghị quyết số 31-NQ/TU ngày 12/5/2026 của Ban Thường vụ Thành ủy đến đảng viên.',
      }),
    },
    {
      name: 'two documents of one series both in the basis',
      code: plan({
        header: PARTY,
        preamble: ['Thực hiện các Chương trình hành động số 40-CTr/TU ngày 02/4/2026, số 41-CTr/TU ngày 20/4/2026 của Ban Thường vụ Thành ủy;'],
        body: 'I. NỘI DUNG\n\n1. Tuyên truyền Chương trình hành động số 41-CTr/TU.\n\n2. Tuyên truyền Chương trình hành động số 40-CTr/TU ngày 02/4/2026.',
      }),
    },
    {
      name: 'another document of the series shown apart by its subject',
      code: plan({
        header: UBND,
        preamble: ['Căn cứ Kế hoạch số 77/KH-UBND ngày 02/3/2026 của Ủy ban nhân dân thành phố về chuyển đổi số;'],
        body: 'I. NỘI DUNG\n\n1. Lồng ghép với Kế hoạch số 90/KH-UBND của Ủy ban nhân dân thành phố về phòng chống thiên tai.',
      }),
    },
    {
      name: 'a short and a long name of one committee',
      code: plan({
        header: PARTY,
        preamble: ['Thực hiện Kết luận số 05-KL/TU ngày 10/3/2026 của Thành ủy;'],
        body: 'I. NỘI DUNG\n\n1. Quán triệt Kết luận số 05-KL/TU ngày 10/3/2026 của Ban Chấp hành Đảng bộ thành phố.',
      }),
    },
  ],
  invalid: [
    {
      name: 'a number that changes in the body (Party style code)',
      code: plan({
        header: PARTY,
        title: 'Học tập Nghị quyết số 31-NQ/TU ngày 12/5/2026 của Ban Thường vụ Thành ủy',
        body: 'I. MỤC ĐÍCH\n\n1. Nắm vững Nghị quyết.\n\nII. NỘI DUNG\n\n1. Chung\n\n2. Cụ thể: quán triệt Nghị quyết số 13-NQ/TU đến chi bộ.',
      }),
      errors: [{ text: '13-NQ/TU', messageId: 'number', suggestion: '31-NQ/TU', section: 'II.2' }],
    },
    {
      name: 'a number that changes (state style code), with its date',
      code: plan({
        header: UBND,
        preamble: ['Căn cứ Quyết định số 215/QĐ-UBND ngày 14/01/2026 của Ủy ban nhân dân thành phố;'],
        body: 'I. TỔ CHỨC THỰC HIỆN\n\nCác tổ dân phố thực hiện theo Quyết định số 251/QĐ-UBND ngày 14/01/2026.',
      }),
      errors: [{ text: '251/QĐ-UBND', messageId: 'number', suggestion: '215/QĐ-UBND' }],
    },
    {
      name: 'one document, two dates',
      code: plan({
        header: PARTY,
        preamble: ['Thực hiện Hướng dẫn số 09-HD/BTGDVTU ngày 21/4/2026 của Ban Tuyên giáo và Dân vận Thành ủy;'],
        body: 'I. NỘI DUNG\n\nTriển khai Hướng dẫn số 09-HD/BTGDVTU ngày 12/4/2026 của Ban Tuyên giáo và Dân vận Thành ủy.',
      }),
      errors: [{ text: 'ngày 12/4/2026', messageId: 'date', suggestion: 'ngày 21/4/2026' }],
    },
    {
      name: 'one document, two issuers',
      code: plan({
        header: PARTY,
        preamble: ['Thực hiện Kế hoạch số 30-KH/ĐU ngày 02/5/2026 của Đảng ủy phường;'],
        body: 'I. NỘI DUNG\n\nTuyên truyền Kế hoạch số 30-KH/ĐU ngày 02/5/2026 của Ban Thường vụ Đảng ủy phường trên địa bàn.',
      }),
      errors: [{ text: 'Ban Thường vụ Đảng ủy phường', messageId: 'issuer', severity: 1 }],
    },
    {
      name: 'a date that does not exist',
      code: plan({ header: UBND, body: 'I. NỘI DUNG\n\nHoàn thành trước ngày 29/2/2026.' }),
      errors: [{ text: 'ngày 29/2/2026', messageId: 'impossibleDate' }],
    },
    {
      name: 'a cited document younger than the plan',
      code: plan({
        header: UBND,
        preamble: ['Căn cứ Công văn số 1450/UBND-VX ngày 20/5/2026 của Ủy ban nhân dân thành phố;'],
        body: 'I. NỘI DUNG\n\nThực hiện theo yêu cầu.',
      }),
      errors: [{ text: 'ngày 20/5/2026', messageId: 'afterPlan' }],
    },
    {
      name: 'an appendix caption with another number',
      code: plan({
        header: UBND,
        body: 'I. NỘI DUNG\n\nThực hiện theo Phụ lục.\n\nPHỤ LỤC 01\n\n(Đính kèm Kế hoạch số 80/KH-UBND ngày 15/5/2026 của Ủy ban nhân dân phường Ngọc Hà)',
      }),
      errors: [{ text: '80/KH-UBND', messageId: 'captionNumber', suggestion: '08/KH-UBND' }],
    },
  ],
});

ruleTester('unit-name', {
  valid: [
    { name: 'own ward from the header', code: plan({ header: UBND, body: 'I. NỘI DUNG\n\nCác tổ dân phố của phường Ngọc Hà thực hiện.' }) },
    {
      name: 'own ward from --unit; a lower-case word after "phường" is no name',
      code: plan({ body: 'I. NỘI DUNG\n\nTrên địa bàn phường với sự tham gia của phường Ngọc Hà.' }),
      config: { unit: 'phường Ngọc Hà' },
    },
    {
      name: 'a neighbour in allowUnits',
      code: plan({ header: UBND, body: 'I. NỘI DUNG\n\nPhối hợp với phường Giảng Võ tổ chức diễn tập.' }),
      config: { allowUnits: ['phường Giảng Võ'] },
    },
    { name: 'the national motto is no commune', code: plan({ header: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', ...UBND], body: 'I. NỘI DUNG\n\nXã hội hóa nguồn lực.' }) },
    { name: 'tone placement variants name one ward', code: plan({ header: PARTY, body: 'I. NỘI DUNG\n\nĐảng bộ phường Hoà Cường.' }) },
  ],
  invalid: [
    {
      name: 'another ward of the same city',
      code: plan({ header: UBND, body: 'I. NỘI DUNG\n\n1. Chung\n\n2. Các tổ dân phố của phường Giảng Võ rà soát.' }),
      errors: [{ text: 'Giảng Võ', messageId: 'otherUnit', section: 'I.2', suggestion: 'Ngọc Hà' }],
    },
    {
      name: 'another ward in capitals',
      code: plan({ header: PARTY, body: 'I. NỘI DUNG\n\nTHỰC HIỆN TẠI PHƯỜNG HẢI CHÂU' }),
      errors: [{ text: 'HẢI CHÂU', messageId: 'otherUnit' }],
    },
    {
      name: 'own unit from the place-date line',
      code: plan({ header: ['Số: 08/KH-UBND', 'Ngọc Hà, ngày 15 tháng 5 năm 2026'], body: 'I. NỘI DUNG\n\nHọc tập kinh nghiệm của phường Cửa Nam.' }),
      errors: [{ text: 'Cửa Nam', messageId: 'otherUnit' }],
    },
    {
      name: 'own unit from the issuing sentence',
      code: plan({ preamble: ['Ủy ban nhân dân phường Ngọc Hà ban hành Kế hoạch như sau:'], body: 'I. NỘI DUNG\n\nTổ chức tại xã Sóc Sơn.' }),
      errors: [{ text: 'Sóc Sơn', messageId: 'otherUnit' }],
    },
    {
      name: 'a ward that exists nowhere',
      code: plan({ header: UBND, body: 'I. NỘI DUNG\n\nPhối hợp với phường Giảng Vỏ.' }),
      errors: [{ text: 'Giảng Vỏ', messageId: 'misspelt', suggestion: 'Giảng Võ' }],
    },
    {
      name: 'a district named as current after the reform',
      code: plan({ header: UBND, body: 'I. NỘI DUNG\n\nBáo cáo Ủy ban nhân dân quận Ba Đình.' }),
      errors: [{ text: 'quận Ba Đình', messageId: 'abolished', severity: 1 }],
    },
    {
      name: 'another province',
      code: plan({ header: ['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'ĐẢNG ỦY PHƯỜNG NGỌC HÀ', 'Số 12-KH/ĐU', 'Ngọc Hà, ngày 15 tháng 5 năm 2026'], body: 'I. NỘI DUNG\n\nHọc tập mô hình của tỉnh Nghệ An.' }),
      errors: [{ text: 'tỉnh Nghệ An', messageId: 'otherProvince', severity: 1 }],
    },
    {
      name: 'no own unit: said once, as information',
      code: plan({ body: 'I. NỘI DUNG\n\nTổ chức tại phường Cửa Nam.' }),
      errors: [{ text: 'KẾ HOẠCH', messageId: 'noOwnUnit', severity: 0 }],
    },
  ],
});

ruleTester('numbering', {
  valid: [
    { name: 'Roman, Arabic and letters in order', code: plan({ body: 'I. A\n\n1. x\n\na) p\n\nb) q\n\nc) r\n\nd) s\n\nđ) t\n\ne) u\n\n2. y\n\nII. B\n\n1. z' }) },
    { name: 'letters in Word\'s Latin order', code: plan({ body: 'I. A\n\na) p\n\nb) q\n\nc) r\n\nd) s\n\ne) t\n\nf) u' }) },
    { name: 'continuous numbering across sections', code: plan({ body: 'I. A\n\n1. x\n\n2. y\n\nII. B\n\n3. z\n\n4. w' }) },
    { name: 'hierarchical labels', code: plan({ body: 'I. A\n\n1.1. x\n\n1.2. y\n\n1.3. z' }) },
    { name: 'dates and numbers in sentences are no labels', code: plan({ body: 'I. A\n\n2026. Năm bản lề.\n\nHoàn thành 3. Mục tiêu khác.' }) },
    {
      name: 'a decision: khoản restart in each Điều, articles run on across chapters',
      code: 'QUYẾT ĐỊNH\n\nVề việc ban hành Quy chế\n\nChương I\n\nĐiều 1. A\n\n1. x\n\n2. y\n\na) p\n\nb) q\n\nĐiều 2. B\n\n1. z\n\nChương II\n\nĐiều 3. C\n\n1. w\n',
    },
    {
      name: 'a code: chapters restart in each part, articles run on',
      code: 'BỘ LUẬT\n\nTên\n\nPhần thứ nhất\n\nChương I\n\nĐiều 1. A\n\nChương II\n\nĐiều 2.B\n\nPhần thứ hai\n\nChương I\n\nĐiều 3. C\n',
    },
    { name: '"d)." with a stray dot is label d', code: plan({ body: 'I. A\n\na) p\n\nb) q\n\nc) r\n\nd). s\n\nđ) t' }) },
    { name: 'a hierarchical label glued to its first word is read: "1.1.Rà soát" then "1.2."', code: plan({ body: 'I. A\n\n1. Nhiệm vụ\n\n1.1.Rà soát hồ sơ tồn đọng.\n\n1.2. Trả kết quả đúng hẹn.' }) },
    { name: 'a date or a figure opening a line is no label: "4.9.2026", "2.500"', code: plan({ body: 'I. A\n\n1.1. x\n\n4.9.2026 hoàn thành đợt một.\n\n2.500 hộ đã đăng ký.\n\n1.2. y' }) },
    { name: 'hierarchical labels: one list per prefix', code: plan({ body: 'I. A\n\n1.1. x\n\n1.2. y\n\n2.1. z\n\n2.2. w' }) },
    {
      name: 'a law as plain text, one line a paragraph: "Ðiều" (U+00D0), amended text quoted after "như sau:", a flattened table',
      filename: '/virtual/luat.txt',
      code: 'LUẬT\nTHỬ NGHIỆM\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Một.\n2. Sửa đổi Điều 54 như sau:\n“Điều 54. Điều kiện\n1. Người lao động:\na) Đủ tuổi.”.\n3. Ba.\nÐiều 2. Bảng\n1.1\nPhí A\n1.3\nPhí B\nĐiều 3. Hiệu lực\nLuật này có hiệu lực.\n',
    },
    { name: 'a guidance: Roman sections restart under PHẦN A and PHẦN B', code: plan({ body: 'PHẦN A. CHUNG\n\nI. A\n\nII. B\n\nPHẦN B. RIÊNG\n\nI. C\n\nII. D' }) },
    { name: 'quoted amended text keeps its own numbers', code: plan({ body: 'I. A\n\n1. Sửa đổi khoản 2 Điều 5 như sau:\n\n“2. Nội dung mới;\n\na) điểm mới.”\n\n2. y' }) },
    { name: 'a form restarts its list', code: plan({ body: 'I. A\n\n1. x\n\n2. y\n\nMẫu số 01\n\n1. Họ tên\n\n2. Địa chỉ' }) },
    {
      name: 'group rows "III.1" split a table STT column',
      code: plan({ body: 'I. A\n\n| STT | Nội dung |\n| --- | --- |\n| III.1 | nhóm |\n| 1 | a |\n| 2 | b |\n| III.2 | nhóm |\n| 1 | c |' }),
    },
    { name: 'a column of identifiers is no STT', code: plan({ body: 'I. A\n\n| STT | Chỉ số |\n| --- | --- |\n| 161 | a |\n| 297 | b |\n| 464 | c |' }) },
    {
      name: 'a ranking by score: a top-5 list ends with a row from further down (rank 9)',
      code: plan({ body: 'I. A\n\n| TT | Đơn vị | Điểm |\n| --- | --- | --- |\n| 1 | Tỉnh A | 92,11 |\n| 2 | Tỉnh B | 91,51 |\n| 3 | Tỉnh C | 90.4 |\n| 4 | Tỉnh D | 89 |\n| 5 | Tỉnh E | 88,7 |\n| 9 | Tỉnh G | 80,2 |' }),
    },
    {
      name: 'a clause the text has just named, quoted with its own number ("khoản 8" … "8. …")',
      code: plan({ body: 'I. A\n\nTại khoản 8 Điều 6 của Điều lệ có nêu nội dung chưa đầy đủ.\n\nĐã bổ sung vào dự thảo:\n\n8. Được tham gia ý kiến về chính sách.' }),
    },
    {
      name: 'a table STT column in order, with continuation rows',
      code: plan({ body: 'I. A\n\n| STT | Nội dung |\n| --- | --- |\n| 1 | a |\n| 2 | b |\n|  | tiếp |\n| 3 | c |' }),
    },
  ],
  invalid: [
    { name: 'a missing Roman section', code: plan({ body: 'I. A\n\nII. B\n\nIV. D' }), errors: [{ text: 'IV.', messageId: 'gap', message: /thiếu mục III/ }] },
    { name: 'a repeat', code: plan({ body: 'I. A\n\n1. x\n\n2. y\n\n2. z' }), errors: [{ text: '2.', messageId: 'repeat', section: 'I.2' }] },
    { name: 'a step backwards', code: plan({ body: 'I. A\n\n1. x\n\n3. y\n\n2. z' }), errors: [{ text: '3.', messageId: 'gap' }, { text: '2.', messageId: 'backwards' }] },
    { name: 'a wrong first value', code: plan({ body: 'II. A\n\nIII. B' }), errors: [{ text: 'II.', messageId: 'first' }] },
    { name: 'letters skip đ', code: plan({ body: 'I. A\n\na) p\n\nb) q\n\nc) r\n\nd) s\n\ne) t\n\ng) u' }), errors: [{ text: 'e)', messageId: 'gap', message: /thiếu mục đ/ }] },
    { name: 'mixed styles at one level', code: plan({ body: 'I. A\n\nII- B' }), errors: [{ text: 'II-', messageId: 'mixed', severity: 1 }] },
    {
      name: 'table rows skip; numbering continues from the written value',
      code: plan({ body: 'I. A\n\n| TT | Việc |\n| --- | --- |\n| 1 | a |\n| 2 | b |\n| 5 | c |\n| 6 | d |\n| 8 | e |' }),
      errors: [
        { text: '5', messageId: 'gap' },
        { text: '8', messageId: 'gap' },
      ],
    },
    {
      name: 'a list starting at 8 is still wrong when no clause 8 was named',
      code: plan({ body: 'I. A\n\nTại khoản 7 Điều 6 của Điều lệ có nêu nội dung chưa đầy đủ.\n\nĐã bổ sung vào dự thảo:\n\n8. Được tham gia ý kiến về chính sách.' }),
      errors: [{ text: '8.', messageId: 'first' }],
    },
    {
      name: 'a jump at the end of a table is a gap when no column of scores orders the rows',
      code: plan({ body: 'I. A\n\n| TT | Đơn vị | Điểm |\n| --- | --- | --- |\n| 1 | Tỉnh A | 92,11 |\n| 2 | Tỉnh B | 93,51 |\n| 3 | Tỉnh C | 90.4 |\n| 4 | Tỉnh D | 89 |\n| 5 | Tỉnh E | 88,7 |\n| 9 | Tỉnh G | 80,2 |' }),
      errors: [{ text: '9', messageId: 'gap' }],
    },
    {
      name: 'a jump in the middle of a table ordered by scores is still a gap',
      code: plan({ body: 'I. A\n\n| TT | Đơn vị | Điểm |\n| --- | --- | --- |\n| 1 | Tỉnh A | 92,11 |\n| 2 | Tỉnh B | 91,51 |\n| 3 | Tỉnh C | 90.4 |\n| 4 | Tỉnh D | 89 |\n| 5 | Tỉnh E | 88,7 |\n| 7 | Tỉnh G | 80,2 |\n| 8 | Tỉnh H | 79 |\n| 9 | Tỉnh I | 78 |\n| 10 | Tỉnh K | 77 |' }),
      errors: [{ text: '7', messageId: 'gap' }],
    },
    {
      name: 'a stray label ("17." written for "Điều 17.") is one finding; its own list restarting at 1 is not another',
      code: plan({ body: 'I. A\n\n1. x\n\n2. y\n\n17. Tổng Thư ký\n\n1. z\n\n2. w' }),
      errors: [{ text: '17.', messageId: 'gap' }],
    },
    {
      name: 'an article number skipped (Điều 5 after Điều 3) across a chapter',
      code: 'LUẬT\n\nTên luật\n\nChương I\n\nĐiều 1. A\n\nĐiều 2. B\n\nChương II\n\nĐiều 3. C\n\n1. x\n\nĐiều 5. D\n',
      errors: [{ text: 'Điều 5.', messageId: 'gap', message: /thiếu mục 4/ }],
    },
    {
      name: 'a section heading written as a clause: "4. Quyền của thành viên" inside Điều 3 where Điều 4 belongs — one finding, Điều 5 is no gap',
      code: 'QUY CHẾ\n\nHoạt động của Tổ công tác\n\nĐiều 1. A\n\nĐiều 2. B\n\nĐiều 3. C\n\n1. x\n\n2. y\n\n4. Quyền của thành viên\n\n1. z\n\n2. w\n\nĐiều 5. D\n',
      errors: [{ text: '4.', messageId: 'stray' }],
    },
    {
      name: 'a stray label that jumps: "9." after "2." inside Điều 8 reads as Điều 9',
      code: 'QUY CHẾ\n\nHoạt động của Tổ công tác\n\nĐiều 7. A\n\nĐiều 8. B\n\n1. x\n\n2. y\n\n9. Khen thưởng\n\nĐiều 10. D\n',
      errors: [{ text: 'Điều 7.', messageId: 'first' }, { text: '9.', messageId: 'stray' }],
    },
    {
      name: 'a chapter written twice between two right ones: one finding, in Roman numerals',
      code: 'ĐIỀU LỆ\n\nHội Làm vườn\n\nChương I\n\nĐiều 1. A\n\nChương II\n\nĐiều 2. B\n\nChương II\n\nĐiều 3. C\n\nChương IV\n\nĐiều 4. D\n',
      errors: [{ text: 'Chương II', messageId: 'wrong', message: /đứng giữa "Chương II" và "Chương IV" — cần III$/ }],
    },
    {
      name: 'one wrong label between two right ones is one finding: V, V, VII and 1, 2, 4, 4',
      code: plan({ body: 'I. A\n\nII. B\n\nIII. C\n\nIV. D\n\nV. E\n\nV. F\n\n1. x\n\n2. y\n\n4. z\n\n4. w\n\nVII. G' }),
      errors: [
        { text: 'V.', messageId: 'wrong' },
        { text: '4.', messageId: 'wrong' },
      ],
    },
    {
      name: 'a wrong first label followed by 2 is one finding: 4, 2, 3',
      code: plan({ body: 'I. A\n\n4. x\n\n2. y\n\n3. z' }),
      errors: [{ text: '4.', messageId: 'first' }],
    },
    {
      name: 'a real gap stays a gap, and what follows it is read from it: 1, 2, 4, 5, 7',
      code: plan({ body: 'I. A\n\n1. x\n\n2. y\n\n4. z\n\n5. w\n\n7. v' }),
      errors: [
        { text: '4.', messageId: 'gap' },
        { text: '7.', messageId: 'gap' },
      ],
    },
    {
      name: 'appendices out of order',
      code: plan({ body: 'I. A\n\nx\n\nPHỤ LỤC 01\n\nbảng\n\nPHỤ LỤC 03\n\nbảng' }),
      errors: [{ text: '03', messageId: 'gap' }],
    },
  ],
});

ruleTester('blank-field', {
  valid: [
    { name: 'everything filled', code: plan({ header: UBND, body: 'I. A\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 02/3/2026; ellipsis in lists: Facebook, Zalo...' }) },
    { name: 'Roman numeral XX is not a placeholder', code: plan({ header: UBND, body: 'I. A\n\nĐại hội XX của Đảng.' }) },
    { name: '"./." ends a document', code: plan({ header: UBND, body: 'I. A\n\nĐề nghị các đơn vị thực hiện./.' }) },
    {
      name: 'an approver\'s opinion box in running text: its date is filled when the approver signs',
      code: plan({ header: UBND, body: 'I. A\n\nx\n\nÝ kiến của Giám đốc Sở:\n\nNgày      tháng 6 năm 2027\n\nPhạm Văn Bình' }),
    },
    {
      name: 'a box with dotted lines left for an opinion, under any heading',
      code: plan({ header: UBND, body: 'I. A\n\nx\n\nTHỦ TRƯỞNG ĐƠN VỊ\n\n.............................................\n\nNgày …… tháng 6 năm 2027\n\nPhạm Văn Bình' }),
    },
    {
      name: 'a form template: its blanks are for its user',
      code: plan({ header: UBND, body: 'I. A\n\nx\n\nMẫu số 01\n\nĐƠN ĐĂNG KÝ\n\nHọ và tên: ..............................\n\nNgày ... tháng ... năm ...\n\n[ ] Đồng ý ______' }),
    },
  ],
  invalid: [
    {
      name: 'own number in an appendix caption and a companion Tờ trình: draft-stage warnings; the author\'s blank stays an error',
      code: plan({
        header: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGỌC HÀ', 'Số:    /KH-UBND', 'Ngọc Hà, ngày 15 tháng 5 năm 2026'],
        body: 'I. A\n\nTheo đề nghị của Sở Nội vụ tại Tờ trình số    /TTr-SNV; thực hiện Công văn số    /UBND-VX.\n\nPHỤ LỤC\n\n(Kèm theo Kế hoạch số    /KH-UBND ngày   tháng 5 năm 2026)',
      }),
      errors: [
        { text: 'Số:    /KH-UBND', messageId: 'ownNumber', severity: 1 },
        { text: 'Tờ trình số    /TTr-SNV', messageId: 'cited', severity: 1 },
        { text: 'Công văn số    /UBND-VX', messageId: 'citationNumber', severity: 2 },
        { text: 'Kế hoạch số    /KH-UBND', messageId: 'ownNumber', severity: 1 },
        { text: 'ngày   tháng 5 năm 2026', messageId: 'ownDate', severity: 1 },
      ],
    },
    {
      name: 'the proposing department\'s submission in a draft decision: a draft-stage warning',
      code: plan({ header: UBND, preamble: ['Theo đề nghị của Sở Tư pháp tại Văn bản số …/STP-HC ngày …/5/2026.'], body: 'I. A' }),
      errors: [{ text: 'ngày …/5/2026', messageId: 'cited', severity: 1 }],
    },
    {
      name: 'a charter\'s adoption date and a report sent with a letter: draft-stage warnings',
      code: plan({ header: UBND, body: 'I. A\n\nĐiều lệ này đã được Đại hội thông qua ngày   tháng   năm 2026.\n\nTheo kết quả thí điểm (Kèm theo Báo cáo số …./BC-SNV của Sở Nội vụ); Sở Nội vụ báo cáo.' }),
      errors: [
        { text: 'ngày   tháng   năm 2026', messageId: 'ownDate', severity: 1 },
        { text: 'Báo cáo số …./BC-SNV', messageId: 'companion', severity: 1 },
      ],
    },
    {
      name: 'the drafter\'s own date line left blank (no room for an opinion): a draft-stage warning',
      code: plan({ header: UBND, body: 'I. A\n\nNgười lập phiếu\n\nNgày     tháng    năm 2026\n\nLê Thị Hoa' }),
      errors: [{ text: 'Ngày     tháng    năm 2026', messageId: 'signDate', severity: 1 }],
    },
    {
      name: 'the recital cites a department\'s request and a letter with blank numbers: named as cited documents',
      code: plan({ header: UBND, preamble: ['Xét đề nghị của Sở Y tế tại Tờ trình số      /TTr-SYT ngày    /3/2027 và ý kiến của Sở Tài chính.'], body: 'I. A' }),
      errors: [
        { text: 'Tờ trình số      /TTr-SYT', messageId: 'cited', severity: 1 },
        { text: 'ngày    /3/2027', messageId: 'cited', severity: 1 },
      ],
    },
    {
      name: 'own number and date blank in a draft: warnings',
      code: plan({ header: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGỌC HÀ', 'Số: /KH-UBND', 'Ngọc Hà, ngày    tháng    năm 2026'], body: 'I. A' }),
      errors: [
        { text: 'Số: /KH-UBND', messageId: 'ownNumber', severity: 1 },
        { text: 'ngày    tháng    năm 2026', messageId: 'ownDate', severity: 1 },
      ],
    },
    {
      name: 'own number and date blank at stage final: errors',
      code: plan({ header: ['ĐẢNG ỦY PHƯỜNG NGỌC HÀ', 'Số -KH/ĐU', 'Ngọc Hà, ngày   tháng 4 năm 2026'], body: 'I. A' }),
      config: { stage: 'final' },
      errors: [
        { text: 'Số -KH/ĐU', messageId: 'ownNumber' },
        { text: 'ngày   tháng 4 năm 2026', messageId: 'ownDate' },
      ],
    },
    {
      name: 'blanks in the body are errors',
      code: plan({
        header: UBND,
        body: 'I. A\n\nBáo cáo trước ngày 15/  /2026 theo Quyết định số /QĐ-UBND ngày /4/2026; người phụ trách: ______; mã [...]; xx hồ sơ.',
      }),
      errors: [
        { text: 'ngày 15/  /2026', messageId: 'date' },
        { text: 'Quyết định số /QĐ-UBND', messageId: 'citationNumber' },
        { text: 'ngày /4/2026', messageId: 'date' },
        { text: '______', messageId: 'leftover' },
        { text: '[...]', messageId: 'leftover' },
        { text: 'xx', messageId: 'leftover' },
      ],
    },
    {
      name: 'a chain of dotted blanks ("…/…/…", "../../..") is one leftover, not one a pair',
      code: plan({ header: UBND, body: 'I. A\n\nMã hồ sơ: …/…/…/… và ../../.. còn trống.' }),
      errors: [
        { text: '…/…/…/…', messageId: 'leftover' },
        { text: '../../..', messageId: 'leftover' },
      ],
    },
    {
      name: 'a blank appendix caption',
      code: plan({ header: UBND, body: 'I. A\n\nPHỤ LỤC\n\n(Đính kèm Kế hoạch số    /KH-UBND ngày   tháng 5 năm 2026)' }),
      errors: [
        { text: 'Kế hoạch số    /KH-UBND', messageId: 'citationNumber' },
        { text: 'ngày   tháng 5 năm 2026', messageId: 'date' },
      ],
    },
  ],
});
