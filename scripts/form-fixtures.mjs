// A plan of UBND phường Hải An laid out to NĐ 30/2020 (Phụ lục I), as Word and as
// Markdown, with options that put one departure from the decree's form in it.
// Used by the doc-format and docx-layout tests and by build-fixtures.
import { buildDocx, lineShape, p, stylesXml, table } from './docx-builder.mjs';

/** The text of the plan's form elements; each can be replaced to make a departure. */
export const FORM = {
  issuerTop: 'ỦY BAN NHÂN DÂN',
  issuer: 'PHƯỜNG HẢI AN',
  number: 'Số: 15/KH-UBND',
  national: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  placeDate: 'Hải An, ngày 05 tháng 02 năm 2026',
  kind: 'KẾ HOẠCH',
  subject: 'Tổng vệ sinh môi trường trên địa bàn phường năm 2026',
  recipients: ['- UBND thành phố Hải Phòng;', '- Thường trực Đảng ủy phường;', '- Lưu: VT, VP.'],
  authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  signer: 'Nguyễn Văn An',
};

/** The same plan issued by the ward's Party committee (Hướng dẫn 36-HD/VPTW). */
export const PARTY_FORM = {
  ...FORM,
  issuerTop: 'ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG',
  issuer: 'ĐẢNG ỦY PHƯỜNG HẢI AN',
  number: 'Số 95-KH/ĐU',
  national: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  motto: '',
  recipients: ['- Ban Thường vụ Thành ủy;', '- Các chi bộ trực thuộc;', '- Lưu Văn phòng Đảng ủy.'],
  authority: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
  signer: 'Trần Thị Bình',
};

const BODY = [
  'Căn cứ Kế hoạch số 64/KH-UBND ngày 06/01/2026 của Ủy ban nhân dân thành phố Hải Phòng về bảo vệ môi trường năm 2026;',
  'Ủy ban nhân dân phường Hải An ban hành Kế hoạch tổng vệ sinh môi trường năm 2026 như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Huy động Nhân dân các tổ dân phố cùng tham gia dọn vệ sinh đường phố, khơi thông cống rãnh và thu gom rác thải đúng nơi quy định.',
  'II. NỘI DUNG',
  'Tổ chức ra quân vào sáng chủ nhật cuối mỗi tháng tại các tổ dân phố; các đoàn thể vận động hội viên tham gia đầy đủ.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các tổ dân phố báo cáo kết quả về Ủy ban nhân dân phường sau mỗi đợt ra quân để tổng hợp, báo cáo thành phố.',
];

/**
 * The Word plan. party: the Party committee's plan (PARTY_FORM). Layout options: page ({ left, width, height… } in mm), font (document default font),
 * bodySize (points), sizes ({ issuer, number, national, motto, placeDate } in points), kindBold, issuerRule (the line under the issuer). Text options: any key of FORM.
 */
export function decreePlanDocx(options = {}) {
  const f = { ...(options.party ? PARTY_FORM : FORM), ...options };
  const { page = {}, font = 'Times New Roman', bodySize = 14, kindBold = true, issuerRule = true } = options;
  const size = { issuer: 13, number: 13, national: 13, motto: 14, placeDate: 14, ...options.sizes };
  const header = table(
    [
      [
        [p(f.issuerTop, { b: true, size: size.issuer, jc: 'center' }), p(f.issuer, { b: true, size: size.issuer, jc: 'center' }), ...(issuerRule ? [p([lineShape(25)], { jc: 'center' })] : []), p(f.number, { size: size.number, jc: 'center' })],
        [p(f.national, { b: true, size: size.national, jc: 'center' }), ...(f.motto ? [p(f.motto, { b: true, size: size.motto, jc: 'center' })] : []), p([lineShape(60)], { jc: 'center' }), p(f.placeDate, { i: true, size: size.placeDate, jc: 'right' })],
      ],
    ],
    { borders: false },
  );
  const body = BODY.map((t) => p(t, { size: bodySize, jc: 'both', b: /^[IVX]+\. /.test(t) || undefined }));
  const closing = table(
    [
      [
        [p('Nơi nhận:', { b: true, i: true, size: 12 }), ...f.recipients.map((t) => p(t, { size: 11 }))],
        [...f.authority.map((t) => p(t, { b: true, size: 14, jc: 'center' })), p(''), p(''), p(f.signer, { b: true, size: 14, jc: 'center' })],
      ],
    ],
    { borders: false },
  );
  const xml = [
    header,
    p(f.kind, { b: kindBold, size: 14, jc: 'center' }),
    p(f.subject, { b: true, size: 14, jc: 'center' }),
    ...body,
    closing,
  ].join('');
  return buildDocx(xml, { styles: stylesXml({ font, size: 14 }), page: { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 20, ...page } });
}

/** The same plan as Markdown. Options: party, and any key of FORM. */
export function decreePlanMarkdown(options = {}) {
  const f = { ...(options.party ? PARTY_FORM : FORM), ...options };
  return [
    `${f.issuerTop}  `,
    f.issuer,
    '',
    f.number,
    '',
    ...(f.motto ? [`${f.national}  `, f.motto] : [f.national]),
    '',
    `*${f.placeDate}*`,
    '',
    `**${f.kind}**`,
    '',
    `**${f.subject}**`,
    '',
    ...BODY.flatMap((t) => [/^[IVX]+\. /.test(t) ? `## ${t}` : t, '']),
    '**Nơi nhận:**',
    '',
    ...f.recipients,
    '',
    `**${f.authority.join('  \n')}**`,
    '',
    `**${f.signer}**`,
    '',
  ].join('\n');
}
