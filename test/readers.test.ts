import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../src/readers/markdown.js';
import { decodeText } from '../src/readers/decode.js';
import { readDocx } from '../src/readers/docx.js';
import { buildPlan, paragraphsOf } from '../src/plan/build.js';
import { outline } from '../src/plan/print.js';
import type { ParaBlock, TableBlock } from '../src/types.js';
import { buildDocx, commented, del, field, ins, numberingXml, p, r, table, textBox } from '../scripts/docx-builder.mjs';
import { lint, treeOf } from './helpers.js';

describe('text decoding', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE/BE with BOM', () => {
    const s = 'Kế hoạch số 12/KH-UBND';
    expect(decodeText(new TextEncoder().encode(s))).toBe(s);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))).toBe(s);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    expect(decodeText(le)).toBe(s);
    const be = Buffer.from(Buffer.from(s, 'utf16le')).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(s);
  });
  it('rejects invalid UTF-8 with the offset of the bad byte', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0x42, 0xc3, 0x28]))).toThrowError(/invalid-utf8.*"offset":2/);
  });
});

describe('Markdown and text reader', () => {
  it('keeps positions in the original text through markup, CRLF and NFD', async () => {
    const nfd = 'Phường Hải An'.normalize('NFD');
    const src = `# KẾ HOẠCH\r\n\r\n**Tuyên truyền** về ${nfd} năm 2026\r\n`;
    const res = await lint(src, { only: [] });
    expect(res.messages).toEqual([]);
    const { tree, doc } = await treeOf(src);
    const para = paragraphsOf(tree.children).find((q) => q.value.includes('Tuyên truyền'))!;
    expect(para.value).toBe('Tuyên truyền về Phường Hải An năm 2026');
    expect(para.value).toBe(para.value.normalize('NFC'));
    // "Hải" in NFC maps back to its place in the NFD source, on line 3
    const i = para.value.indexOf('Hải');
    const { locate } = await import('../src/engine/locate.js');
    const at = locate({ node: para, start: i, end: i + 3 }, doc.lineStarts);
    const srcOffset = src.indexOf(nfd) + nfd.indexOf('H', 2);
    expect(at.line).toBe(3);
    expect(at.column).toBe(srcOffset - src.lastIndexOf('\n', srcOffset));
    expect(src.slice(at.fileRange![0], at.fileRange![1]).normalize('NFC')).toBe('Hải');
  });

  it('reads tab-separated blocks as tables and joins continuation lines to the row above', () => {
    const src = ['Bảng:', '', 'STT\tNội dung\tĐơn vị', '1\tTuyên truyền\tĐảng ủy', '2\tHọp dân\tUBND', '', '\tở tổ dân phố\t', '3\tSơ kết\tUBND', '', 'Hết.'].join('\n');
    const doc = readMarkdown(src, 'text');
    const t = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(t.rows).toHaveLength(4);
    const cell = t.rows[2]!.cells[1]!;
    expect(cell.blocks.map((b) => (b as ParaBlock).raw)).toEqual(['Họp dân', 'ở tổ dân phố']);
    const paras = doc.blocks.filter((b) => b.kind === 'p').map((b) => (b as ParaBlock).raw);
    expect(paras).toEqual(['Bảng:', 'Hết.']);
  });

  it('reads list markers into labels and keeps numbers as written', async () => {
    const { tree } = await treeOf('KẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\n1. Một\n2. Hai\n5. Năm\n\nII. NỘI DUNG\n\na) Thứ nhất\n\nb) Thứ hai\n');
    expect(outline(tree).map((o) => `${o.depth}:${o.label}`)).toEqual(['0:I.', '1:1.', '1:2.', '1:5.', '0:II.', '1:a)', '1:b)']);
  });

  it('reads inline disable comments', () => {
    const doc = readMarkdown('<!-- plan-lint-disable numbering -->\n\ntext\n\n<!-- plan-lint-enable -->\n', 'markdown');
    expect(doc.directives).toEqual([
      { kind: 'disable', rules: ['numbering'], line: 1 },
      { kind: 'enable', rules: [], line: 5 },
    ]);
  });
});

function fixtureDocx(): Uint8Array {
  const numbering = numberingXml(
    [
      { id: 0, levels: [{ fmt: 'upperRoman', text: '%1.' }, { fmt: 'decimal', text: '%2.' }, { fmt: 'decimal', text: '%2.%3.' }] },
      { id: 1, levels: [{ fmt: 'decimal', text: '%1' }] },
      { id: 2, levels: [{ fmt: 'lowerLetter', text: '%1)' }] },
    ],
    [
      { id: 1, abstractId: 0 },
      { id: 2, abstractId: 1 },
      { id: 3, abstractId: 2 },
      { id: 4, abstractId: 2, startOverride: 1 }, // restarts the letters
    ],
  );
  const body = [
    table([[[p('ỦY BAN NHÂN DÂN'), p('PHƯỜNG TÂY HỒ'), p('Số: 27/KH-UBND')], [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), p('Tây Hồ, ngày 12 tháng 3 năm 2026')]]], { borders: false }),
    p('KẾ HOẠCH'),
    p('Phòng cháy, chữa cháy năm 2026'),
    p('Căn cứ Kế hoạch số 41/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân thành phố Hà Nội;'),
    p('MỤC ĐÍCH', { numId: 1, ilvl: 0 }),
    p('Nâng cao nhận thức', { numId: 1, ilvl: 1 }),
    p('Chi tiết', { numId: 1, ilvl: 2 }),
    // a word split across runs, a tracked insertion and deletion, a field result
    p([r('Tuyên tr'), r('uyền '), ins('sâu rộng '), del('qua loa '), r('trang '), field('PAGE', '7')]),
    p('NỘI DUNG', { numId: 1, ilvl: 0 }),
    p('Tuyên truyền', { numId: 1, ilvl: 1 }),
    p('thứ nhất', { numId: 3 }),
    p('thứ hai', { numId: 3 }),
    p('lại từ đầu', { numId: 4 }),
    p([r('Xem hộp: '), textBox([p('Chữ trong hộp văn bản')])]),
    p([commented(5, r('đoạn có chú thích'))]),
    table([
      ['STT', 'Nội dung'],
      [p('', { numId: 2 }), 'Rà soát'],
      [p('', { numId: 2 }), { content: 'Tập huấn', vMerge: 'restart' }],
      [p('', { numId: 2 }), { vMerge: 'continue' }],
      [p('', { numId: 2 }), [table([['lồng', 'bảng']])]],
    ]),
  ];
  return buildDocx(body.join(''), {
    numbering,
    comments: [{ id: 5, author: 'Chánh Văn phòng', text: 'plan-lint-disable typo' }],
    footnotes: [{ id: 1, text: 'Chú thích cuối trang' }],
  });
}

describe('DOCX reader', () => {
  const doc = readDocx(fixtureDocx());
  const plan = buildPlan(doc);
  const paras = paragraphsOf(plan.children);
  const texts = paras.map((q) => q.value);

  it('renders Word automatic numbering as the reader sees it, with restarts', () => {
    expect(texts).toContain('I.\tMỤC ĐÍCH');
    expect(texts).toContain('1.\tNâng cao nhận thức');
    expect(texts).toContain('1.1.\tChi tiết');
    expect(texts).toContain('II.\tNỘI DUNG');
    expect(texts).toContain('1.\tTuyên truyền'); // the Arabic level restarts under II
    expect(texts).toContain('a)\tthứ nhất');
    expect(texts).toContain('b)\tthứ hai');
    expect(texts).toContain('a)\tlại từ đầu'); // a w:num with a start override restarts the list
    expect(outline(plan).map((o) => o.path)).toEqual(['I', 'I.1', 'I.1.1', 'II', 'II.1', 'II.1.a', 'II.1.b', 'II.1.a']);
    expect(outline(plan).every((o) => o.label && o.heading)).toBe(true);
  });

  it('numbers an automatic STT column', () => {
    const stt = paras.filter((q) => q.loc.table && q.loc.table.cell === 0 && q.loc.table.row > 0 && q.loc.table.table > 0).map((q) => q.value.trim());
    expect(stt).toEqual(['1', '2', '3', '4']);
  });

  it('reads tracked changes as accepted, split words whole, fields as their result', () => {
    expect(texts).toContain('Tuyên truyền sâu rộng trang 7');
  });

  it('reads text boxes once (not their VML fallback), footnotes and nested tables', () => {
    expect(texts.filter((t) => t === 'Chữ trong hộp văn bản')).toHaveLength(1);
    expect(paras.find((q) => q.value === 'Chữ trong hộp văn bản')!.loc.textBox).toBe(true);
    expect(texts).toContain('Chú thích cuối trang');
    expect(texts).toContain('lồng');
  });

  it('recognises the header table and reads the plan meta', () => {
    expect(plan.children[0]!.type).toBe('header');
    expect(plan.meta.kind).toBe('state');
    expect(plan.meta.issuingBody).toBe('ỦY BAN NHÂN DÂN PHƯỜNG TÂY HỒ');
    expect(plan.meta.numberLine?.node.value).toBe('Số: 27/KH-UBND');
    expect(plan.meta.place).toBe('Tây Hồ');
    expect(plan.meta.title).toBe('Phòng cháy, chữa cháy năm 2026');
  });

  it('maps every character back to its w:t element and keeps table coordinates', () => {
    const split = paras.find((q) => q.value.startsWith('Tuyên truyền sâu'))!;
    expect(split.map.kind).toBe('docx');
    const segs = split.map.kind === 'docx' ? split.map.segments : [];
    // "Tuyên tr" and "uyền " are two w:t elements
    expect(segs[0]).toMatchObject({ start: 0, end: 8, tOffset: 0 });
    expect(segs[1]!.tIndex).toBe(segs[0]!.tIndex + 1);
    const cell = paras.find((q) => q.value === 'Rà soát')!;
    expect(cell.loc.table).toEqual({ table: 1, row: 1, cell: 1 });
    expect(cell.loc.docxIndex).toBeGreaterThan(0);
  });

  it('reads Word comments with their anchors', () => {
    expect(doc.comments).toHaveLength(1);
    const c = doc.comments[0]!;
    expect(c.text).toBe('plan-lint-disable typo');
    const anchored = paras.find((q) => q.loc.docxIndex === c.start.docxIndex)!;
    expect(anchored.raw.slice(c.start.offset, c.end.offset)).toBe('đoạn có chú thích');
  });

  it('marks merged cells', () => {
    const t = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    expect(t.rows[3]!.cells[1]!.vMerge).toBe('continue');
  });
});
