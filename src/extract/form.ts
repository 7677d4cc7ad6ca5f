// The form of a document (thể thức) as an office clerk sees it: the kind of
// document and its abbreviation (NĐ 30/2020/NĐ-CP, Phụ lục III; Hướng dẫn
// 36-HD/VPTW for Party bodies), the kind of issuing body, and the role of each
// line of the header, title and closing. Rules doc-format and docx-layout use it.
import type { ParagraphNode, PlanContent, PlanRoot, SignatureNode, TextRef } from '../types.js';
import { paragraphsOf } from '../plan/build.js';
import { isUpperText, nfcIndexToRaw, squash } from '../text/normalize.js';

export interface KindInfo {
  name: string; // upper case, as in a title: "KẾ HOẠCH"
  /** The abbreviation in a state body's number (Phụ lục III), when the kind has one. */
  state?: string;
  /** The abbreviation in a Party body's number (Hướng dẫn 36-HD/VPTW), when it differs or only Party bodies use it. */
  party?: string;
}

// Phụ lục III of NĐ 30/2020: the kinds of administrative document and their abbreviations.
// Party bodies use most of the same; "Quy định" is QĐi, and they add Kết luận, Thông tri, Công văn (CV).
export const KINDS: readonly KindInfo[] = [
  { name: 'NGHỊ QUYẾT', state: 'NQ' },
  { name: 'QUYẾT ĐỊNH', state: 'QĐ' },
  { name: 'CHỈ THỊ', state: 'CT' },
  { name: 'QUY CHẾ', state: 'QC' },
  { name: 'QUY ĐỊNH', state: 'QyĐ', party: 'QĐi' },
  { name: 'THÔNG CÁO', state: 'TC' },
  { name: 'THÔNG BÁO', state: 'TB' },
  { name: 'HƯỚNG DẪN', state: 'HD' },
  { name: 'CHƯƠNG TRÌNH', state: 'CTr' },
  { name: 'KẾ HOẠCH', state: 'KH' },
  { name: 'PHƯƠNG ÁN', state: 'PA' },
  { name: 'ĐỀ ÁN', state: 'ĐA' },
  { name: 'DỰ ÁN', state: 'DA' },
  { name: 'BÁO CÁO', state: 'BC' },
  { name: 'BIÊN BẢN', state: 'BB' },
  { name: 'TỜ TRÌNH', state: 'TTr' },
  { name: 'HỢP ĐỒNG', state: 'HĐ' },
  { name: 'CÔNG ĐIỆN', state: 'CĐ' },
  { name: 'BẢN GHI NHỚ', state: 'GN' },
  { name: 'BẢN THỎA THUẬN', state: 'TTh' },
  { name: 'GIẤY ỦY QUYỀN', state: 'GUQ' },
  { name: 'GIẤY MỜI', state: 'GM' },
  { name: 'GIẤY GIỚI THIỆU', state: 'GGT' },
  { name: 'GIẤY NGHỈ PHÉP', state: 'NP' },
  { name: 'PHIẾU GỬI', state: 'PG' },
  { name: 'PHIẾU CHUYỂN', state: 'PC' },
  { name: 'PHIẾU BÁO', state: 'PB' },
  { name: 'KẾT LUẬN', party: 'KL' },
  { name: 'THÔNG TRI', party: 'TT' },
];

/** Spelling variants of the kind names (old-style tone placement). */
const fold = (s: string): string => squash(s).toUpperCase().replace(/OÀ/g, 'ÒA').replace(/UỶ/g, 'ỦY').replace(/OẢ/g, 'ỎA');

/** The kind named by a title line ("KẾ HOẠCH", "Quyết định"), or undefined. */
export function kindByName(line: string): KindInfo | undefined {
  const f = fold(line);
  return KINDS.find((k) => f === k.name);
}

/** Every kind whose abbreviation this is (state or Party). */
export function kindsByAbbr(abbr: string): KindInfo[] {
  return KINDS.filter((k) => k.state === abbr || k.party === abbr);
}

export function abbrOf(kind: KindInfo, body: BodyType): string | undefined {
  return body === 'party' ? (kind.party ?? kind.state) : (kind.state ?? kind.party);
}

export type BodyType = 'state' | 'party' | 'front' | 'unknown';

export interface DocForm {
  /** The kind named in the title; undefined for a letter (công văn) or when there is no title. */
  kind?: KindInfo;
  kindRef?: TextRef;
  body: BodyType;
  /** False for laws and forms: they are not checked as administrative documents. */
  administrative: boolean;
  /** The document has a header (a number or a place-date line), so header elements may be missing from it. */
  hasHeader: boolean;
  /** A letter (công văn): no kind in its number, a "V/v …" subject. */
  letter: boolean;
  /** A kind of administrative document whose elements Phụ lục I lays out (not a charter, a list, an unknown kind). */
  laidOut: boolean;
}

const LAID_OUT = new Set(['ke-hoach', 'bao-cao', 'quyet-dinh', 'cong-van', 'to-trinh', 'thong-bao', 'huong-dan', 'chuong-trinh', 'de-an', 'phuong-an', 'nghi-quyet', 'chi-thi', 'bien-ban', 'giay-moi', 'quy-che', 'quy-dinh']);

/** Kinds the document model knows that are not administrative documents checked for their form. */
const NOT_ADMINISTRATIVE = new Set(['luat', 'nghi-dinh', 'thong-tu', 'phieu-trinh']);

/**
 * The document's kind and issuing body, from the document model (meta.docKind, titleWord,
 * issuer, normative, template). This is the one place the form rules ask what a document is.
 */
export function documentForm(tree: PlanRoot): DocForm {
  const meta = tree.meta;
  const titleNode = tree.children.find((c) => c.type === 'title');
  const kindPara = titleNode ? paragraphsOf(titleNode.children)[0] : undefined;
  const kind = meta.titleWord ? kindByName(meta.titleWord) : undefined;
  const body: BodyType = meta.issuer?.body ?? meta.kind ?? 'unknown';
  const administrative = !meta.normative && !meta.template && !NOT_ADMINISTRATIVE.has(meta.docKind);
  const hasHeader = !!(meta.numberLine || meta.placeDate);
  const form: DocForm = { body, administrative, hasHeader, letter: meta.docKind === 'cong-van', laidOut: administrative && LAID_OUT.has(meta.docKind) };
  if (kind && kindPara) {
    const line = kindPara.value.split('\n')[0]!;
    const lead = line.length - line.trimStart().length;
    form.kind = kind;
    form.kindRef = { node: kindPara, start: lead, end: line.trimEnd().length };
  }
  return form;
}

// ---------- the roles of lines ----------

export type LineRole =
  | 'national' // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (Quốc hiệu)
  | 'motto' // Độc lập - Tự do - Hạnh phúc (Tiêu ngữ)
  | 'partyName' // ĐẢNG CỘNG SẢN VIỆT NAM
  | 'superior' // the issuer's superior body
  | 'issuer'
  | 'number'
  | 'placeDate'
  | 'letterSubject' // V/v …
  | 'kind' // KẾ HOẠCH
  | 'subject' // the trích yếu under the kind
  | 'recipientsHead' // Nơi nhận:
  | 'recipient'
  | 'authority' // TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH
  | 'signTitle' // PHÓ CHỦ TỊCH
  | 'signer';

export interface FormLine {
  role: LineRole;
  ref: TextRef;
  text: string; // squashed
  /** Header lines: the table cell (or -1 outside a table) the line stands in. */
  column?: number;
}

export const NATIONAL = /^CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM$/iu;
export const MOTTO_WORDS = /^Độc\s+lập\s*[-–—‐]+\s*Tự\s+do\s*[-–—‐]+\s*Hạnh\s+phúc$/iu;
export const PARTY_NAME = /^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM$/iu;
const DECORATION = /^[\s*\-_–—=.·•]*$/u;
const AUTHORITY = /^(TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.|Q\/)\s*\S/u;
const RECIPIENTS = /^\s*Nơi\s+nhận\s*:?/iu;
/** An item of the Nơi nhận list: "- Sở Nội vụ;", "- Lưu: VT, VP." */
const RECIPIENT_ITEM = /^(?:[-+•–]\s*\S|Lưu\b)/u;
/** A title under the authority line: a few upper-case words. */
const TITLE_LIKE = /^[\p{Lu}][\p{Lu}\s,.-]{1,60}$/u;
/** A person's name: two to six capitalised words. */
const NAME_LIKE = /^(?:[\p{Lu}][\p{Ll}]*\s+){1,5}[\p{Lu}][\p{Ll}]*$/u;

/**
 * The lines of a paragraph: split at breaks, tabs and runs of three or more spaces (a header
 * laid out in columns with spaces), with their offsets in the paragraph's value.
 */
export function linesOf(p: ParagraphNode): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[\n\t]| {3,}/g;
  let at = 0;
  const push = (end: number): void => {
    const piece = p.value.slice(at, end);
    const lead = piece.length - piece.trimStart().length;
    const text = squash(piece);
    if (text) out.push({ text, start: at + lead, end: at + piece.trimEnd().length });
  };
  for (const m of p.value.matchAll(re)) {
    push(m.index!);
    at = m.index! + m[0].length;
  }
  push(p.value.length);
  return out;
}

/** The header, title and closing lines of a document with their roles. */
export function formLines(tree: PlanRoot): FormLine[] {
  const out: FormLine[] = [];
  const meta = tree.meta;
  const header = tree.children.find((c) => c.type === 'header');
  if (header) {
    const columnOf = new Map<ParagraphNode, number>();
    for (const c of header.children) {
      if (c.type !== 'table') continue;
      for (const row of c.children) row.children.forEach((cell, i) => paragraphsOf(cell.children).forEach((p) => columnOf.set(p, i)));
    }
    for (const p of paragraphsOf(header.children)) {
      for (const l of linesOf(p)) {
        if (DECORATION.test(l.text)) continue;
        const ref = { node: p, start: l.start, end: l.end };
        const same = (r?: TextRef): boolean => !!r && r.node === p && r.start <= l.start && r.end >= l.end - 1 && r.start < l.end;
        let role: LineRole | undefined;
        if (NATIONAL.test(l.text)) role = 'national';
        else if (MOTTO_WORDS.test(l.text)) role = 'motto';
        else if (PARTY_NAME.test(l.text)) role = 'partyName';
        else if (/^[^,]{2,40},\s*ngày\b/u.test(l.text) && (same(meta.placeDate) || same(meta.numberLine))) role = 'placeDate';
        else if (/^Số(?!\p{L})/u.test(l.text) && (same(meta.numberLine) || same(meta.placeDate))) role = 'number';
        else if (same(meta.numberLine) || same(meta.placeDate)) {
          // the rest of a number or date split by blanks ("Số:        /UBND-NC"): part of the line before it
          const prev = out[out.length - 1];
          if (prev && prev.ref.node === p && (prev.role === 'number' || prev.role === 'placeDate')) {
            prev.ref = { ...prev.ref, end: l.end };
            prev.text = squash(p.value.slice(prev.ref.start, l.end));
          }
          continue;
        }
        else if (/^V\/v\b/u.test(l.text)) role = 'letterSubject';
        else if (/^(DỰ THẢO|BẢN CHÍNH|MẬT|TỐI MẬT|KHẨN|HỎA TỐC)\b/u.test(l.text)) role = undefined;
        else if (isUpperText(l.text) && meta.superiorBody?.includes(l.text)) role = 'superior';
        else if (isUpperText(l.text) && meta.issuingBody?.includes(l.text)) role = 'issuer';
        if (role) out.push({ role, ref, text: l.text, column: columnOf.get(p) ?? -1 });
      }
    }
  }
  const title = tree.children.find((c) => c.type === 'title');
  if (title) {
    const first = paragraphsOf(title.children)[0];
    if (first) {
      const l = linesOf(first)[0];
      if (l) out.push({ role: 'kind', ref: { node: first, start: l.start, end: l.end }, text: l.text });
    }
    const t = meta.titleRef;
    // an attached document's caption "(Kèm theo Quyết định …)" is not its subject
    if (t && !/^\s*[(\[]/u.test(t.node.value.slice(t.start, t.end))) out.push({ role: 'subject', ref: t, text: squash(t.node.value.slice(t.start, t.end)) });
  }
  const closing = tree.children.find((c) => c.type === 'closing');
  for (const c of closing?.children ?? []) {
    if (c.type === 'recipients') {
      for (const p of paragraphsOf(c.children)) {
        for (const l of linesOf(p)) {
          const ref = { node: p, start: l.start, end: l.end };
          if (RECIPIENTS.test(l.text)) {
            const m = /^\s*Nơi\s+nhận\s*:?/iu.exec(l.text)!;
            out.push({ role: 'recipientsHead', ref: { node: p, start: l.start, end: l.start + m[0].trimEnd().length }, text: m[0].trim() });
            const rest = l.text.slice(m[0].length).trim();
            if (rest) out.push({ role: 'recipient', ref: { node: p, start: l.end - rest.length, end: l.end }, text: rest });
          } else if (RECIPIENT_ITEM.test(l.text)) out.push({ role: 'recipient', ref, text: l.text });
        }
      }
    } else if (c.type === 'signature') out.push(...signatureLines(c));
  }
  return out;
}

function signatureLines(s: SignatureNode): FormLine[] {
  const out: FormLine[] = [];
  const lines: FormLine[] = [];
  const paras = paragraphsOf(s.children as PlanContent[]);
  const closingTable = paras[0]?.loc.table?.table;
  for (const p of paras) {
    for (const l of linesOf(p)) {
      if (DECORATION.test(l.text) || /^\(.*\)$/u.test(l.text)) continue;
      const ref = { node: p, start: l.start, end: l.end };
      // a closing table whose recipients sit in another row than "Nơi nhận:"
      if (!RECIPIENT_ITEM.test(l.text)) lines.push({ role: 'signer', ref, text: l.text });
      else if (closingTable !== undefined && p.loc.table?.table === closingTable) out.push({ role: 'recipient', ref, text: l.text });
    }
  }
  // the block starts at its first authority line (or, without one, is a short block): authority lines,
  // the title just under them, and the name a few lines below (room for the signature and seal)
  let at = lines.findIndex((l) => AUTHORITY.test(l.text));
  if (at < 0 && lines.length > 6) return out;
  at = Math.max(at, 0);
  while (at < lines.length && AUTHORITY.test(lines[at]!.text)) out.push({ ...lines[at++]!, role: 'authority' });
  if (at < lines.length && TITLE_LIKE.test(lines[at]!.text)) out.push({ ...lines[at++]!, role: 'signTitle' });
  const name = lines.slice(at, at + 6).find((l) => NAME_LIKE.test(l.text));
  if (name) out.push({ ...name, role: 'signer' });
  return out;
}

// ---------- what Word shows ----------

/** The formatting most of a range's letters are shown in (Word documents only). */
export interface ShownFormat {
  font: string;
  size: number;
  bold: boolean;
  italic: boolean;
  caps: boolean;
}

export function shownFormat(ref: TextRef): ShownFormat | undefined {
  const runs = ref.node.format?.runs;
  if (!runs?.length) return undefined;
  const start = nfcIndexToRaw(ref.node.nfcToRaw, ref.start);
  const end = nfcIndexToRaw(ref.node.nfcToRaw, ref.end, true);
  const votes = new Map<string, { f: ShownFormat; n: number }>();
  for (const r of runs) {
    const s = Math.max(start, r.start);
    const e = Math.min(end, r.end);
    if (s >= e) continue;
    const n = ref.node.raw.slice(s, e).replace(/[^\p{L}\p{N}]/gu, '').length;
    if (!n) continue;
    const f: ShownFormat = { font: r.font ?? '', size: r.size ?? 10, bold: r.bold, italic: r.italic, caps: r.caps };
    const k = `${f.font}|${f.size}|${f.bold}|${f.italic}|${f.caps}`;
    const v = votes.get(k);
    if (v) v.n += n;
    else votes.set(k, { f, n });
  }
  let best: { f: ShownFormat; n: number } | undefined;
  for (const v of votes.values()) if (!best || v.n > best.n) best = v;
  return best?.f;
}
