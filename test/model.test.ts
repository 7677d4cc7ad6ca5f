// The document model: kind, issuer and level, header forms, legal structure, scopes and paths.
import { describe, expect, it } from 'vitest';
import { KINDS, decideKind, numberSymbol, parseKeywordHeading, readIssuer, symbolKind, titleKind } from '../src/plan/model.js';
import { sectionPath } from '../src/plan/build.js';
import { parseLabel } from '../src/plan/labels.js';
import { outline } from '../src/plan/print.js';
import type { AppendixNode, PlanContent, PlanRoot, RuleModule, SectionNode } from '../src/types.js';
import { buildDocx, p, table } from '../scripts/docx-builder.mjs';
import { lint, runCli, treeOf } from './helpers.js';

function sections(tree: PlanRoot): SectionNode[] {
  const out: SectionNode[] = [];
  const walk = (list: PlanContent[]): void => {
    for (const n of list) {
      if (n.type === 'section') out.push(n);
      if ('children' in n && n.type !== 'table') walk(n.children as PlanContent[]);
    }
  };
  walk(tree.children);
  return out;
}

describe('kind from title and number symbol', () => {
  it('reads the title word, longest first', () => {
    expect(titleKind('QUYẾT ĐỊNH')?.id).toBe('quyet-dinh');
    expect(titleKind('THÔNG TƯ LIÊN TỊCH')?.word).toBe('THÔNG TƯ LIÊN TỊCH');
    expect(titleKind('BỘ LUẬT DÂN SỰ')?.id).toBe('luat');
    expect(titleKind('PHIẾU TRÌNH')?.id).toBe('phieu-trinh');
    expect(titleKind('Kế hoạch này')).toBeUndefined(); // a sentence, not a title
    expect(titleKind('LUẬTSƯ')).toBeUndefined();
  });
  it('reads symbols of every number line form', () => {
    expect(numberSymbol('Số: 12/KH-UBND')).toBe('KH-UBND');
    expect(numberSymbol('Số 95-KH/ĐU')).toBe('KH/ĐU');
    expect(numberSymbol('Số: 16/KH-MTTQ-BTT')).toBe('KH-MTTQ-BTT');
    expect(numberSymbol('Luật số: 69/2025/QH15')).toBe('QH15');
    expect(numberSymbol('Số:      /BC-UBND')).toBe('BC-UBND');
    expect(symbolKind('KH/ĐU')).toBe('ke-hoach');
    expect(symbolKind('QĐ-UBND')).toBe('quyet-dinh');
    expect(symbolKind('QH15')).toBe('luat');
    expect(symbolKind('NĐ-CP')).toBe('nghi-dinh');
    expect(symbolKind('UBND-VP')).toBeUndefined();
  });
  it('decides: title, then symbol, then V/v; normative texts flagged', () => {
    expect(decideKind({ title: 'BÁO CÁO', symbol: 'KH-UBND' }).id).toBe('bao-cao');
    expect(decideKind({ symbol: 'TTr-SNV' }).id).toBe('to-trinh');
    expect(decideKind({ symbol: 'UBND-VP', hasVv: true }).id).toBe('cong-van');
    expect(decideKind({}).id).toBe('unknown');
    expect(decideKind({ title: 'LUẬT ĐẤT ĐAI' }).normative).toBe(true);
    expect(decideKind({ title: 'NGHỊ QUYẾT', symbol: 'NQ-CP' }).normative).toBe(true);
    expect(decideKind({ title: 'NGHỊ QUYẾT', symbol: 'NQ/ĐU' }).normative).toBe(false);
  });
});

describe('issuer, superior body and level', () => {
  it('joins place lines and splits a department from its province', () => {
    expect(readIssuer(['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẢI AN'])).toEqual({ body: 'state', name: 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN', level: 'commune' });
    expect(readIssuer(['UBND TỈNH LÀO CAI', 'SỞ CÔNG THƯƠNG'])).toEqual({ body: 'state', name: 'SỞ CÔNG THƯƠNG', superior: 'UBND TỈNH LÀO CAI', level: 'province' });
    expect(readIssuer(['ĐẢNG BỘ THÀNH PHỐ CẦN THƠ', 'ĐẢNG ỦY PHƯỜNG NINH KIỀU'])).toMatchObject({ body: 'party', name: 'ĐẢNG ỦY PHƯỜNG NINH KIỀU', level: 'commune' });
    expect(readIssuer(['ỦY BAN MTTQ VIỆT NAM', 'XÃ TÂN HÒA'])).toMatchObject({ body: 'front', level: 'commune' });
    expect(readIssuer(['BỘ TÀI CHÍNH'])).toMatchObject({ body: 'state', level: 'central' });
    expect(readIssuer(['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'])).toMatchObject({ level: 'unknown' }); // "XÃ HỘI" is not a commune
  });
});

describe('legal headings', () => {
  it('reads Điều, Chương, Phần, Mục, Bước — not prose', () => {
    expect(parseKeywordHeading('Điều 5. Phạm vi điều chỉnh')).toMatchObject({ keyword: 'dieu', value: 5, style: 'arabic' });
    expect(parseKeywordHeading('Chương II')).toMatchObject({ keyword: 'chuong', value: 2, style: 'roman' });
    expect(parseKeywordHeading('PHẦN B. TỔ CHỨC THỰC HIỆN')).toMatchObject({ keyword: 'phan', value: 2, style: 'letter' });
    expect(parseKeywordHeading('Phần thứ hai')).toMatchObject({ keyword: 'phan', value: 2 });
    expect(parseKeywordHeading('BƯỚC 3: Tổng hợp')).toMatchObject({ keyword: 'buoc', value: 3 });
    expect(parseKeywordHeading('Điều 5 của Luật này quy định')).toBeUndefined();
    expect(parseKeywordHeading('Mục tiêu chung')).toBeUndefined();
  });
  it('does not read "V/V" (về việc) as the Roman numeral V', () => {
    expect(parseLabel('V/V: triển khai kế hoạch')).toBeUndefined();
    expect(parseLabel('V/ TỔ CHỨC THỰC HIỆN')?.style).toBe('roman');
  });
  it('builds paths without doubling the parent', () => {
    const l = (s: string) => parseLabel(s)!;
    expect(sectionPath('I.1', l('1.1. Nội dung'))).toBe('I.1.1');
    expect(sectionPath('I.7.4', l('7.4.1. Nội dung'))).toBe('I.7.4.1');
    expect(sectionPath('I', l('2.1. Nội dung'))).toBe('I.2.1');
    expect(sectionPath('C2', l('Điều 5. Phạm vi'))).toBe('C2.Đ5');
    expect(sectionPath('', l('Phần thứ nhất'))).toBe('P1');
  });
});

const DECISION = `ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG

Số: 2820/QĐ-UBND

Lâm Đồng, ngày 10 tháng 6 năm 2026

QUYẾT ĐỊNH

Về việc phê duyệt Điều lệ Hội Khuyến học tỉnh

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt Điều lệ Hội Khuyến học tỉnh.

Điều 2. Hiệu lực thi hành

1. Quyết định này có hiệu lực kể từ ngày ký.

2. Bãi bỏ Quyết định số 15/QĐ-UBND ngày 02/3/2020.

Điều 3. Trách nhiệm thi hành

1. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành.

a) Sở Nội vụ hướng dẫn;

b) Hội Khuyến học tổ chức thực hiện.

2. Các cơ quan liên quan phối hợp.
`;

describe('document trees', () => {
  it('a decision: header, kind, Điều and khoản scopes', async () => {
    const { tree } = await treeOf(DECISION, '/virtual/qd.md');
    expect(tree.meta).toMatchObject({ docKind: 'quyet-dinh', kind: 'state', symbol: 'QĐ-UBND', normative: false });
    expect(tree.meta.issuer).toMatchObject({ name: 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', level: 'province' });
    const s = sections(tree).map((x) => `${x.scope} ${x.path}`);
    expect(s).toEqual(['article Đ1', 'article Đ2', 'clause Đ2.1', 'clause Đ2.2', 'article Đ3', 'clause Đ3.1', 'point Đ3.1.a', 'point Đ3.1.b', 'clause Đ3.2']);
  });

  it('a Fatherland Front plan header', async () => {
    const md = `ỦY BAN MTTQ VIỆT NAM\nXÃ TÂN HÒA\nBAN THƯỜNG TRỰC\n\nSố: 16/KH-MTTQ-BTT\n\nTân Hòa, ngày 3 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nTổ chức Ngày hội Đại đoàn kết toàn dân tộc\n\nI. MỤC ĐÍCH\n\n1. Phát huy truyền thống.\n`;
    const { tree } = await treeOf(md);
    expect(tree.meta).toMatchObject({ docKind: 'ke-hoach', kind: 'front', symbol: 'KH-MTTQ-BTT' });
    expect(tree.meta.issuer.level).toBe('commune');
    expect(tree.meta.numberLine && tree.meta.numberLine.node.value).toContain('16/KH-MTTQ');
  });

  it('a three-column header table with an empty middle column (Word)', async () => {
    const body = [
      table(
        [
          [[p('UBND TỈNH LÀO CAI'), p('SỞ CÔNG THƯƠNG'), p('Số: 45/BC-SCT')], '', [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), p('Độc lập - Tự do - Hạnh phúc'), p('Lào Cai, ngày 2 tháng 7 năm 2026')]],
        ],
        { borders: false },
      ),
      p('BÁO CÁO'),
      p('Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2026'),
      p('I. KẾT QUẢ'),
      p('1. Công tác chỉ đạo'),
    ].join('');
    const { tree } = await treeOf(buildDocx(body), '/virtual/bc.docx');
    expect(tree.meta).toMatchObject({ docKind: 'bao-cao', kind: 'state', issuingBody: 'SỞ CÔNG THƯƠNG', superiorBody: 'UBND TỈNH LÀO CAI', place: 'Lào Cai' });
    expect(tree.meta.issuer.level).toBe('province');
    expect(tree.children.map((c) => c.type)).toEqual(['header', 'title', 'section']);
  });

  it('a letter: no title, V/v line, number without a kind word', async () => {
    const md = `ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 1234/UBND-VX\n\nV/v triển khai công tác phòng, chống dịch\n\nLâm Đồng, ngày 5 tháng 8 năm 2026\n\nKính gửi: Các sở, ban, ngành.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan thực hiện.\n`;
    const { tree } = await treeOf(md);
    expect(tree.meta).toMatchObject({ docKind: 'cong-van', kind: 'state', symbol: 'UBND-VX', place: 'Lâm Đồng' });
    expect(tree.children[0]!.type).toBe('header');
  });

  it('a law: number line "Luật số", Chương/Điều/khoản/điểm, normative', async () => {
    const md = `QUỐC HỘI\n\nLuật số: 69/2025/QH15\n\nLUẬT\n\nTỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\n\nChương I\n\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\nLuật này quy định về tổ chức chính quyền địa phương.\n\nĐiều 2. Đơn vị hành chính\n\n1. Đơn vị hành chính gồm:\n\na) Tỉnh, thành phố;\n\nb) Xã, phường, đặc khu.\n\n2. Chính phủ quy định chi tiết.\n\nChương II\n\nTỔ CHỨC CHÍNH QUYỀN\n\nĐiều 3. Chính quyền địa phương\n`;
    const { tree } = await treeOf(md);
    expect(tree.meta).toMatchObject({ docKind: 'luat', normative: true, symbol: 'QH15' });
    expect(tree.meta.issuer.level).toBe('central');
    expect(sections(tree).map((x) => x.path)).toEqual(['CI', 'CI.Đ1', 'CI.Đ2', 'CI.Đ2.1', 'CI.Đ2.1.a', 'CI.Đ2.1.b', 'CI.Đ2.2', 'CII', 'CII.Đ3']);
  });

  it('an attached document and a form are nested scopes; quoted amended text is its own scope', async () => {
    const md = `${DECISION}\nĐiều 4. Sửa đổi khoản 2 Điều 5 như sau:\n\n“2. Hội viên có quyền:\n\na) Dự đại hội;\n\nb) Ứng cử.”\n\nNơi nhận:\n\n- Như Điều 3;\n\nCHỦ TỊCH\n\nNguyễn Văn A\n\nĐIỀU LỆ\n\nHỘI KHUYẾN HỌC TỈNH\n\n(Ban hành kèm theo Quyết định số 2820/QĐ-UBND ngày 10/6/2026)\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Tên gọi\n\nMẫu số 01\n\nĐƠN XIN GIA NHẬP HỘI\n\nHọ và tên: ..............................\n\nNgày sinh: ..............................\n\nĐịa chỉ: ..............................\n`;
    const { tree } = await treeOf(md);
    const nested = tree.children.filter((c): c is AppendixNode => c.type === 'appendix');
    expect(nested.map((a) => [a.scope, a.docKind, a.template])).toEqual([
      ['attached', 'dieu-le', false],
      ['form', undefined, true],
    ]);
    const quote = sections(tree).find((s) => s.path === 'Đ4')!.children.find((c) => c.type === 'quote');
    expect(quote && 'children' in quote ? quote.children.length : 0).toBe(3);
    expect(outline(tree).map((o) => o.path)).toContain('KT.CI.Đ1');
  });
});

describe('output', () => {
  it('JSON carries the document kind beside filePath; --print-tree shows kind, issuer and scope types', () => {
    const json = runCli(['-f', 'json', 'fixtures/ke-hoach-dang-uy-sach.md']);
    const res = JSON.parse(json.stdout) as { filePath: string; documentKind: string }[];
    expect(Object.keys(res[0]!).slice(0, 2)).toEqual(['filePath', 'documentKind']);
    expect(res[0]!.documentKind).toBe('ke-hoach');
    const tree = runCli(['--print-tree', 'fixtures/ke-hoach-dang-uy-sach.md']).stdout;
    expect(tree).toContain('kind: ke-hoach (Kế hoạch / plan)');
    expect(tree).toContain('issuer: party, level commune');
    expect(tree).toMatch(/section I "I\. MỤC ĐÍCH, YÊU CẦU" — roman/);
  });
});

describe('every kind of the list is recognised in a document of that kind', () => {
  const header = 'ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\n';
  for (const k of KINDS) {
    const title = k.titles[k.titles.length - 1]!;
    it(`${k.vi} (${k.id})`, async () => {
      const symbol = k.symbols[0] ? `Số: 12/${k.symbols[0]}-UBND\n\n` : 'Số: 12/2026/QH15\n\n';
      const md = k.id === 'cong-van' ? `${header}Số: 12/UBND-VX\n\nV/v triển khai nhiệm vụ\n\nKính gửi: Các sở.\n\nNội dung.\n` : `${header}${symbol}${title}\n\nVề nhiệm vụ năm 2026\n\nI. NỘI DUNG\n\n1. Thực hiện.\n`;
      const { tree } = await treeOf(md);
      expect(tree.meta.docKind).toBe(k.id);
      expect(tree.meta.normative).toBe(['luat', 'nghi-dinh', 'thong-tu'].includes(k.id));
    });
  }
});

describe('rules declare the kinds they apply to', () => {
  const probe = (meta: Partial<RuleModule['meta']>): RuleModule => ({
    meta: { id: 'probe', description: { vi: 'x', en: 'x' }, messages: { hit: { vi: 'chạy', en: 'ran' } }, docs: '', defaultSeverity: 'warn', ...meta },
    create: (context) => ({ 'plan:exit': (root) => context.report({ node: root.children[0], messageId: 'hit' }) }),
  });
  const run = async (rule: RuleModule, md: string) => (await lint(md, { rules: new Map([['probe', rule]]) })).messages.length;
  const LAW = 'QUỐC HỘI\n\nLuật số: 71/2026/QH15\n\nLUẬT\n\nQUẢN LÝ\n\nĐiều 1. Phạm vi\n';
  const PLAN = 'ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: 3/KH-UBND\n\nKẾ HOẠCH\n\nVề việc A\n\nI. A\n';
  it('meta.kinds limits a rule to those kinds; meta.normative: false keeps it off laws', async () => {
    expect(await run(probe({}), PLAN)).toBe(1);
    expect(await run(probe({ kinds: ['quyet-dinh'] }), PLAN)).toBe(0);
    expect(await run(probe({ kinds: ['ke-hoach'] }), PLAN)).toBe(1);
    expect(await run(probe({}), LAW)).toBe(1);
    expect(await run(probe({ normative: false }), LAW)).toBe(0);
    expect(await run(probe({ normative: false }), PLAN)).toBe(1);
  });
});

describe('laws as plain text, one line a paragraph', () => {
  it('old laws writing every article as a bare "Điều 5" keep their articles; a bare one among "Điều 5. Tên" is a table cell', async () => {
    const old = 'LUẬT\nTHỬ\nChương 1:\nQUY ĐỊNH CHUNG\nĐiều 1\nLuật này quy định về thử.\nĐiều 2\nLuật này áp dụng:\n1. Một;\n2. Hai.\n';
    const a = await treeOf(old, '/virtual/cu.txt');
    expect(sections(a.tree).map((s) => `${s.scope} ${s.path}`)).toEqual(['chapter C1', 'article C1.Đ1', 'article C1.Đ2', 'clause C1.Đ2.1', 'clause C1.Đ2.2']);
    const table = 'LUẬT\nTHỬ\nĐiều 1. Phạm vi\nMột.\nĐiều 2. Sửa đổi các luật\n1.\nLuật A\nĐiều 7\n2.\nLuật B\nĐiều 9\nĐiều 3. Hiệu lực\nHai.\nĐiều 4. Thi hành\nBa.\nĐiều 5. Chuyển tiếp\nBốn.\nĐiều 6. Cuối\nNăm.\nĐiều 7. Hết\nSáu.\nĐiều 8. Thêm\nBảy.\nĐiều 9. Nữa\nTám.\n';
    const b = await treeOf(table, '/virtual/moi.txt');
    expect(sections(b.tree).filter((s) => s.scope === 'article').map((s) => s.label.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
