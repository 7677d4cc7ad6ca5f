// Our own documents of several kinds (test/fixtures, built by `npm run build:fixtures` from
// scripts/fixture-documents.mjs), each read from Markdown and from Word: the document model
// (kind, issuer, scopes) and what numbering and blank-field report must agree for both.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppendixNode, DocKind, Issuer, PlanContent, PlanRoot } from '../src/types.js';
import { ROOT, lint, treeOf } from './helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures');

/** Every scope with its type and path, in reading order: sections, nested documents, quotations. */
function scopes(tree: PlanRoot): string[] {
  const out: string[] = [];
  const walk = (list: PlanContent[]): void => {
    for (const n of list) {
      if (n.type === 'section') out.push(`${n.scope} ${n.path}`);
      else if (n.type === 'appendix') out.push(`${(n as AppendixNode).scope}${n.template ? ' template' : ''} ${n.path}`);
      else if (n.type === 'quote') out.push(`quote ${n.path}`);
      if ('children' in n && n.type !== 'table') walk(n.children as PlanContent[]);
    }
  };
  walk(tree.children);
  return out;
}

interface Expect {
  kind: DocKind;
  normative?: boolean;
  issuer: Partial<Issuer>;
  symbol: string;
  scopes: string[];
  /** numbering and blank-field findings: text, message id, severity */
  findings: [string, string, number][];
}

const CASES: Record<string, Expect> = {
  'quyet-dinh-dieu-khoan': {
    kind: 'quyet-dinh',
    issuer: { body: 'state', name: 'ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM', level: 'province' },
    symbol: 'QĐ-UBND',
    scopes: ['article Đ1', 'article Đ2', 'clause Đ2.1', 'clause Đ2.2', 'point Đ2.2.a', 'point Đ2.2.b', 'clause Đ2.4', 'article Đ3', 'clause Đ3.1', 'clause Đ3.2'],
    findings: [['4.', 'gap', 2]],
  },
  'luat-trich-chuong-dieu': {
    kind: 'luat',
    normative: true,
    issuer: { body: 'state', name: 'QUỐC HỘI', level: 'central' },
    symbol: 'QH15',
    scopes: ['chapter CI', 'article CI.Đ1', 'article CI.Đ2', 'clause CI.Đ2.1', 'clause CI.Đ2.2', 'point CI.Đ2.2.a', 'point CI.Đ2.2.b', 'point CI.Đ2.2.c', 'chapter CII', 'article CII.Đ3', 'clause CII.Đ3.1', 'clause CII.Đ3.2', 'article CII.Đ5', 'clause CII.Đ5.1', 'clause CII.Đ5.2'],
    findings: [['Điều 5.', 'gap', 2]],
  },
  'ke-hoach-phu-luc-mau': {
    kind: 'ke-hoach',
    issuer: { body: 'state', name: 'ỦY BAN NHÂN DÂN PHƯỜNG SÔNG CẦU', level: 'commune' },
    symbol: 'KH-UBND',
    scopes: ['roman I', 'arabic I.1', 'arabic I.2', 'roman II', 'arabic II.1', 'arabic II.2', 'roman III', 'form template M01', 'arabic M01.1', 'arabic M01.2', 'arabic M01.3', 'arabic M01.4', 'form template M02'],
    // the author's own blank only; the forms' dotted lines, check boxes and "(1)" are for their users
    findings: [['ngày     /8/2026', 'date', 2]],
  },
  'huong-dan-phan-a-b': {
    kind: 'huong-dan',
    issuer: { body: 'state', name: 'SỞ NỘI VỤ', superior: 'UBND TỈNH HÒA BÌNH NAM', level: 'province' },
    symbol: 'HD-SNV',
    scopes: ['part PA', 'roman PA.I', 'arabic PA.I.1', 'arabic PA.I.2', 'roman PA.II', 'part PB', 'roman PB.I', 'roman PB.II', 'roman PB.III'],
    findings: [],
  },
  'ke-hoach-mttq': {
    kind: 'ke-hoach',
    issuer: { body: 'front', name: 'BAN THƯỜNG TRỰC', superior: 'ỦY BAN MTTQ VIỆT NAM XÃ ĐỒNG TIẾN', level: 'commune' },
    symbol: 'KH-MTTQ-BTT',
    scopes: ['roman I', 'arabic I.1', 'arabic I.2', 'roman II', 'arabic II.1', 'arabic II.2'],
    findings: [['Số:    /KH-MTTQ-BTT', 'ownNumber', 1]],
  },
  'bao-cao-bang-ba-cot': {
    kind: 'bao-cao',
    issuer: { body: 'state', name: 'SỞ CÔNG THƯƠNG', superior: 'UBND TỈNH HÒA BÌNH NAM', level: 'province' },
    symbol: 'BC-SCT',
    scopes: ['roman I', 'arabic I.1', 'arabic I.2', 'roman II', 'arabic II.1', 'arabic II.2'],
    findings: [],
  },
  'ke-hoach-chep-tu-web': {
    kind: 'ke-hoach',
    issuer: { body: 'state', name: 'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ', level: 'commune' },
    symbol: 'KH-UBND',
    scopes: ['roman I', 'arabic I.1', 'arabic I.2', 'roman II', 'arabic II.1', 'arabic II.2', 'arabic II.3', 'roman III'],
    findings: [],
  },
  'phieu-trinh-o-ky-duyet': {
    kind: 'phieu-trinh',
    issuer: { body: 'state' },
    symbol: 'PTr-VP',
    scopes: ['roman I', 'arabic I.1', 'arabic I.2', 'roman II'],
    // the approvers' boxes (room for an opinion, a date filled when signing) are the form's; the drafter's blank date is not
    findings: [
      ['Số:        /PTr-VP', 'ownNumber', 1],
      ['Ngày       tháng 4 năm 2027', 'signDate', 1],
    ],
  },
  'bao-cao-nhan-lien-chu': {
    kind: 'bao-cao',
    issuer: { body: 'state', name: 'ỦY BAN NHÂN DÂN XÃ PHÚ LỘC', level: 'commune' },
    symbol: 'BC-UBND',
    scopes: ['roman I', 'arabic I.1', 'hier I.1.1', 'hier I.1.2', 'arabic I.2', 'roman II', 'roman II', 'roman IV'],
    // "1.1.Tổ chức" is label 1.1 (so 1.2 is no first item); the second "II." is the one slip, "IV." after it is right
    findings: [['II.', 'wrong', 2]],
  },
  'quy-che-nhan-lac': {
    kind: 'quy-che',
    issuer: { body: 'state' },
    symbol: 'QC-BQLDA',
    scopes: ['chapter CI', 'article CI.Đ1', 'article CI.Đ2', 'clause CI.Đ2.1', 'clause CI.Đ2.2', 'clause CI.Đ2.3', 'clause CI.Đ2.1', 'clause CI.Đ2.2', 'article CI.Đ4'],
    // "3. Trách nhiệm …" stands where "Điều 3." belongs: one finding, and "Điều 4." follows it without a gap
    findings: [['3.', 'stray', 2]],
  },
};

describe('documents of every kind, read from Markdown and from Word', () => {
  for (const [name, want] of Object.entries(CASES)) {
    for (const ext of ['md', 'docx'] as const) {
      it(`${name}.${ext}`, async () => {
        const file = path.join(DIR, `${name}.${ext}`);
        const bytes = fs.readFileSync(file);
        const { tree } = await treeOf(bytes, file);
        expect(tree.meta.docKind).toBe(want.kind);
        expect(tree.meta.normative).toBe(want.normative ?? false);
        expect(tree.meta.issuer).toMatchObject(want.issuer);
        expect(tree.meta.symbol).toBe(want.symbol);
        expect(scopes(tree)).toEqual(want.scopes);
        const res = await lint(bytes, { filePath: file, only: ['numbering', 'blank-field'] });
        expect(res.documentKind).toBe(want.kind);
        expect(res.messages.map((m) => [m.text, m.messageId, m.severity])).toEqual(want.findings);
      });
    }
  }

  it('the web-converted plan: bold labels and hard wraps give the outline of the Word reading, "V/V" is the subject', async () => {
    const md = await treeOf(fs.readFileSync(path.join(DIR, 'ke-hoach-chep-tu-web.md')), 'a.md');
    expect(md.tree.meta.title).toMatch(/^V\/V tổ chức tháng hành động/);
    const s = (t: PlanRoot): string[] => scopes(t);
    const docx = await treeOf(fs.readFileSync(path.join(DIR, 'ke-hoach-chep-tu-web.docx')), 'a.docx');
    expect(s(md.tree)).toEqual(s(docx.tree));
  });
});
