// docx-layout — the technical layout of a Word document (kỹ thuật trình bày):
// paper, margins, font, and the size and weight of each element of the form,
// as Word shows them (formatting resolved by the reader through styles and defaults).
// Each departure is reported once per document.
import type { ParagraphNode, PlanRoot, RuleContext, RuleModule, TextRef } from '../src/types.js';
import { documentForm, formLines, shownFormat, type FormLine, type LineRole, type ShownFormat } from '../src/extract/form.js';
import { paragraphsOf } from '../src/plan/build.js';

const SRC_VI = 'NĐ 30/2020, Phụ lục I';
const SRC_EN = 'Decree 30/2020, Appendix I';

interface Spec {
  size: [number, number];
  bold?: boolean;
  italic: boolean;
  upper?: boolean;
  item: string; // section of Phụ lục I, Phần I, mục II
  vi: string;
  en: string;
}

// Phụ lục I, mục II: the size and style of each element of a state body's document.
const SPEC: Partial<Record<LineRole, Spec>> = {
  national: { size: [12, 13], bold: true, italic: false, upper: true, item: 'II.1', vi: 'Quốc hiệu', en: 'The national name' },
  motto: { size: [13, 14], bold: true, italic: false, item: 'II.1', vi: 'Tiêu ngữ', en: 'The motto' },
  superior: { size: [12, 13], bold: false, italic: false, upper: true, item: 'II.2', vi: 'Tên cơ quan chủ quản', en: 'The superior body' },
  issuer: { size: [12, 13], bold: true, italic: false, upper: true, item: 'II.2', vi: 'Tên cơ quan ban hành', en: 'The issuing body' },
  number: { size: [13, 13], italic: false, item: 'II.3', vi: 'Số, ký hiệu', en: 'The number' },
  placeDate: { size: [13, 14], italic: true, item: 'II.4', vi: 'Địa danh, ngày tháng', en: 'The place and date' },
  letterSubject: { size: [12, 13], italic: false, item: 'II.5', vi: 'Trích yếu (V/v)', en: 'The letter\'s subject (V/v)' },
  kind: { size: [13, 14], bold: true, italic: false, upper: true, item: 'II.5', vi: 'Tên loại văn bản', en: 'The document kind' },
  subject: { size: [13, 14], bold: true, italic: false, item: 'II.5', vi: 'Trích yếu', en: 'The subject' },
  recipientsHead: { size: [12, 12], bold: true, italic: true, item: 'II.9', vi: 'Dòng', en: 'The line' },
  recipient: { size: [11, 11], italic: false, item: 'II.9', vi: 'Danh sách nơi nhận', en: 'The recipients' },
  authority: { size: [13, 14], bold: true, italic: false, upper: true, item: 'II.7', vi: 'Quyền hạn ký', en: 'The signing authority' },
  signTitle: { size: [13, 14], bold: true, italic: false, upper: true, item: 'II.7', vi: 'Chức vụ người ký', en: 'The signer\'s title' },
  signer: { size: [13, 14], bold: true, italic: false, item: 'II.7', vi: 'Họ tên người ký', en: 'The signer\'s name' },
};

const SYMBOL_FONTS = /^(Symbol|Wingdings.*|Webdings|MT Extra|Marlett)$/i;
const isTnr = (font: string): boolean => /^Times New Roman\b/i.test(font);
const RULE_TEXT = /^[\s]*[-_–—=─━]{3,}[\s]*$/u;

export const rule: RuleModule = {
  meta: {
    id: 'docx-layout',
    description: {
      vi: 'Kỹ thuật trình bày văn bản Word: khổ giấy, lề, phông chữ, cỡ và kiểu chữ từng thành phần (NĐ 30/2020, Phụ lục I)',
      en: 'Layout of a Word document: paper, margins, font, size and style of each element (Decree 30/2020, Appendix I)',
    },
    docs: 'docs/rules/docx-layout.md',
    defaultSeverity: 'warn',
    normative: false, // laws and decrees have a form of their own
    messages: {
      paper: {
        vi: 'Khổ giấy {found} — văn bản trình bày trên khổ A4 (210 × 297 mm) ({src}, mục I.1)',
        en: 'Paper {found} — documents are laid out on A4 (210 × 297 mm) ({src}, item I.1)',
      },
      margins: {
        vi: 'Lề trang {found} — lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm ({src}, mục I.3)',
        en: 'Page margins {found} — top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm ({src}, item I.3)',
      },
      font: {
        vi: 'Phông chữ {font} ở {count} đoạn — văn bản dùng phông Times New Roman (phông Unicode theo TCVN 6909:2001) ({src}, mục I.4)',
        en: 'Font {font} in {count} paragraph(s) — documents use Times New Roman (a Unicode font of TCVN 6909:2001) ({src}, item I.4)',
      },
      bodySize: {
        vi: 'Phần nội dung cỡ chữ {found} — nội dung văn bản cỡ 13–14 ({src}, mục II.6)',
        en: 'The body text is {found} pt — the body is 13–14 pt ({src}, item II.6)',
      },
      element: {
        vi: '{element} "{text}": {found} — quy định: {expected} ({src}, mục {item})',
        en: '{element} "{text}": {found} — required: {expected} ({src}, item {item})',
      },
      rule: {
        vi: 'Thiếu đường kẻ ngang nét liền dưới {element} ({src}, mục {item})',
        en: 'No solid horizontal rule under {element} ({src}, item {item})',
      },
    },
  },
  create(context) {
    if (context.tree.format !== 'docx') return;
    return {
      'plan:exit'(tree) {
        check(context, tree);
      },
    };
  },
};

const wordsVi = { bold: 'đậm', notBold: 'không đậm', italic: 'nghiêng', upright: 'đứng', upper: 'in hoa', size: 'cỡ' };
const wordsEn = { bold: 'bold', notBold: 'not bold', italic: 'italic', upright: 'upright', upper: 'capitals', size: 'size' };

function describeSpec(s: Spec, en: boolean): string {
  const w = en ? wordsEn : wordsVi;
  const parts: string[] = [];
  if (s.upper) parts.push(w.upper);
  parts.push(`${w.size} ${s.size[0] === s.size[1] ? s.size[0] : `${s.size[0]}–${s.size[1]}`}`);
  parts.push(s.italic ? w.italic : w.upright);
  if (s.bold !== undefined) parts.push(s.bold ? w.bold : w.notBold);
  return parts.join(', ');
}

/** What departs from the spec, in words; empty when the element is laid out as required. */
function departures(s: Spec, f: ShownFormat, text: string, en: boolean): string[] {
  const w = en ? wordsEn : wordsVi;
  const out: string[] = [];
  if (s.upper && !f.caps && /\p{Ll}/u.test(text)) out.push(en ? 'not in capitals' : 'không in hoa');
  if (f.size < s.size[0] || f.size > s.size[1]) out.push(`${w.size} ${f.size}`);
  if (s.italic !== f.italic) out.push(f.italic ? w.italic : w.upright);
  if (s.bold !== undefined && s.bold !== f.bold) out.push(f.bold ? w.bold : w.notBold);
  return out;
}

function check(context: RuleContext, tree: PlanRoot): void {
  const form = documentForm(tree);
  if (!form.administrative) return;
  const en = context.lang === 'en';
  const src = en ? SRC_EN : SRC_VI;
  const paragraphs = context.extract.paragraphs().filter((p) => p.format);
  const first = paragraphs[0];
  if (!first) return;
  const whole = (p: ParagraphNode): TextRef => ({ node: p, start: 0, end: Math.max(p.value.length, 0) });

  // paper and margins
  const page = tree.page;
  if (page) {
    const a4 = (Math.abs(page.width - 210) <= 2 && Math.abs(page.height - 297) <= 2) || (Math.abs(page.width - 297) <= 2 && Math.abs(page.height - 210) <= 2);
    if (!a4) {
      const letter = (Math.abs(page.width - 215.9) <= 2 && Math.abs(page.height - 279.4) <= 2) || (Math.abs(page.width - 279.4) <= 2 && Math.abs(page.height - 215.9) <= 2);
      const found = `${page.width} × ${page.height} mm${letter ? ' (Letter)' : ''}`;
      context.report({ range: whole(first), messageId: 'paper', data: { found, src } });
    }
    const off: string[] = [];
    const side = (v: number, lo: number, hi: number, vi: string, e: string): void => {
      if (v < lo - 0.5 || v > hi + 0.5) off.push(`${en ? e : vi} ${v} mm`);
    };
    side(page.top, 20, 25, 'trên', 'top');
    side(page.bottom, 20, 25, 'dưới', 'bottom');
    side(page.left, 30, 35, 'trái', 'left');
    side(page.right, 15, 20, 'phải', 'right');
    if (off.length) context.report({ range: whole(first), messageId: 'margins', data: { found: off.join(', '), src } });
  }

  // fonts: once per font, at its first paragraph
  const fonts = new Map<string, { first: ParagraphNode; count: number }>();
  for (const p of paragraphs) {
    const seen = new Set<string>();
    for (const r of p.format!.runs) {
      if (isTnr(r.font ?? '') || SYMBOL_FONTS.test(r.font ?? '') || seen.has(r.font ?? '')) continue;
      if (!/\p{L}/u.test(p.raw.slice(r.start, r.end))) continue;
      const font = r.font ?? '';
      seen.add(font);
      const e = fonts.get(font);
      if (e) e.count++;
      else fonts.set(font, { first: p, count: 1 });
    }
  }
  for (const [font, e] of fonts) context.report({ range: whole(e.first), messageId: 'font', data: { font, count: e.count, src } });

  // the rest is the form of a state body's document (Party bodies follow Hướng dẫn 36-HD/VPTW)
  if (form.body === 'party') return;

  // body text size: the size most of the body's letters have
  const body = tree.children.filter((c) => c.type === 'preamble' || c.type === 'section' || c.type === 'paragraph' || c.type === 'listItem');
  const sizes = new Map<number, { letters: number; first: ParagraphNode }>();
  for (const p of paragraphsOf(body)) {
    if (!p.format || p.loc.table) continue;
    for (const r of p.format.runs) {
      const letters = p.raw.slice(r.start, r.end).replace(/[^\p{L}]/gu, '').length;
      if (!letters || r.size === undefined) continue;
      const e = sizes.get(r.size) ?? { letters: 0, first: p };
      e.letters += letters;
      sizes.set(r.size, e);
    }
  }
  const total = [...sizes.values()].reduce((n, e) => n + e.letters, 0);
  const top = [...sizes.entries()].sort((a, b) => b[1].letters - a[1].letters)[0];
  if (top && total >= 200 && (top[0] < 13 || top[0] > 14)) {
    context.report({ range: whole(top[1].first), messageId: 'bodySize', data: { found: top[0], src } });
  }

  // each element of the form: one finding per element, at its first departing line
  // (a document without a number or date line — an agenda, a list, a body pasted alone — is not laid out as one)
  if (!form.laidOut || !form.hasHeader) return;
  const lines = formLines(tree);
  const done = new Set<LineRole>();
  for (const l of lines) {
    const spec = SPEC[l.role];
    if (!spec || done.has(l.role)) continue;
    const f = shownFormat(l.ref);
    if (!f) continue;
    const d = departures(spec, f, l.text, en);
    if (!d.length) continue;
    done.add(l.role);
    context.report({
      range: l.ref,
      messageId: 'element',
      data: { element: en ? spec.en : spec.vi, text: clip(l.text), found: d.join(', '), expected: describeSpec(spec, en), src, item: spec.item },
    });
  }

  // the horizontal rules under the issuer and under the motto
  checkRules(context, tree, lines, src, en);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function checkRules(context: RuleContext, tree: PlanRoot, lines: FormLine[], src: string, en: boolean): void {
  const header = tree.children.find((c) => c.type === 'header');
  if (!header) return;
  const issuer = lines.filter((l) => l.role === 'issuer');
  const motto = lines.find((l) => l.role === 'motto');
  if (!issuer.length || !motto) return;
  const paras = paragraphsOf(header.children);
  const isRule = (p: ParagraphNode): boolean => !!p.format?.rule || RULE_TEXT.test(p.value.split('\n').find((x) => RULE_TEXT.test(x)) ?? p.value);
  const ruled = paras.filter(isRule);
  const count = ruled.reduce((n, p) => n + Math.max(1, p.format?.lineShapes ?? 0), 0);
  if (count >= 2) return;
  const columnOf = (p: ParagraphNode): number | undefined => p.loc.table?.cell;
  const mottoColumn = columnOf(motto.ref.node);
  const issuerColumn = columnOf(issuer[issuer.length - 1]!.ref.node);
  const missing: ('issuer' | 'motto')[] = [];
  if (!ruled.length) missing.push('issuer', 'motto');
  else if (mottoColumn !== undefined && issuerColumn !== undefined && mottoColumn !== issuerColumn) {
    missing.push(columnOf(ruled[0]!) === mottoColumn ? 'issuer' : 'motto');
  } else {
    // one rule and no columns to tell: it belongs to the element it follows most closely
    const order = paragraphsOf(tree.children);
    const at = order.indexOf(ruled[0]!);
    const distance = (p: ParagraphNode): number => (order.indexOf(p) <= at ? at - order.indexOf(p) : Infinity);
    missing.push(distance(motto.ref.node) <= distance(issuer[issuer.length - 1]!.ref.node) ? 'issuer' : 'motto');
  }
  for (const m of missing) {
    const target = m === 'issuer' ? issuer[issuer.length - 1]! : motto;
    const element = m === 'issuer' ? (en ? 'the issuing body' : 'tên cơ quan ban hành') : en ? 'the motto' : 'tiêu ngữ';
    context.report({ range: target.ref, messageId: 'rule', data: { element, src, item: m === 'issuer' ? 'II.2' : 'II.1' } });
  }
}
