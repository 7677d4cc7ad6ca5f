// Citations of other documents: "Chương trình hành động số 14-CTr/TU ngày
// 28/1/2026 của Thành ủy về …", list forms "số 20-CTr/TU ngày …, số 21-CTr/TU …",
// and blank ones left in drafts ("Kế hoạch - KH/ĐU").
import type { ParagraphNode, PlanRoot, TextRef } from '../types.js';
import { datesIn, type DateMention } from './dates.js';
import { kindOfCode, type DocIdentity } from './identity.js';
import { kindInfo } from '../plan/model.js';

/** Where a citation stands in the plan. */
export type CitationPlace = 'header' | 'title' | 'preamble' | 'body' | 'appendix-caption' | 'appendix' | 'closing';

export interface Citation {
  type: string; // as written: "Chương trình hành động"
  typeKey: string; // normalised: "chương trình"
  number?: string; // "14"; undefined when left blank
  code: string; // "CTr/TU", "KH-UBND", "QH15"
  year?: string; // "2025" in "244/2025/QH15"
  /** Identity of the document series: type and code. */
  family: string;
  numberRef: TextRef; // the number and code as written, e.g. "14-CTr/TU"
  ref: TextRef; // the whole citation from the type word
  date?: DateMention;
  issuer?: string;
  issuerRef?: TextRef;
  subject?: string;
  place: CitationPlace;
  path: string;
  /** Cites the plan itself ("Kế hoạch này", or the appendix caption of this plan). */
  node: ParagraphNode;
}

const TYPES = [
  'Chương trình hành động', 'Chương trình', 'Kế hoạch', 'Nghị quyết', 'Kết luận', 'Chỉ thị', 'Công văn', 'Đề án',
  'Quyết định', 'Hướng dẫn', 'Thông báo', 'Quy định', 'Báo cáo', 'Nghị định', 'Thông tư', 'Công điện', 'Tờ trình',
  'Quy chế', 'Luật', 'Pháp lệnh', 'Thông tri', 'Điều lệ',
];
const TYPE_RE = TYPES.map((t) => t.replace(/ /g, '\\s+')).join('|');

// code parts: letters (Vietnamese capitals included) and digits, e.g. CTr, TU, ĐU, BTGDVTU, QH15, NĐ-CP
const SEG = "[A-ZĐ][A-Za-zĐđ0-9]*";
// Party style "14-CTr/TU"; state style "12/KH-UBND", "244/2025/QH15", "30/2020/NĐ-CP"; blank "-KH/ĐU", "/KH-UBND", "…/KH-UBND"
const NUMBER_CODE = `(?:(?<num>\\d{1,5}|[.…_xX]+)\\s*)?(?<sep>[-/])\\s*(?:(?<year>\\d{4})\\/)?(?<code>${SEG}(?:[-/]${SEG})*)`;
// regex-safe: starts only at a type word; recheck's fuzzer reports 'tc'×38,730 (its own engine's step count), which V8 matches in under a millisecond
const CITATION = new RegExp(
  `(?<type>${TYPE_RE})(?:\\s+(?<so>số))?\\s*(?<nc>${NUMBER_CODE})(?![\\p{L}\\d])`,
  'giu',
);
// continuation in a list: ", số 21-CTr/TU ngày …" or " và số …"
const CONTINUATION = new RegExp(`^\\s*(?:,|;|và)\\s*(?:số\\s*)(?<nc>${NUMBER_CODE})(?![\\p{L}\\d])`, 'iu');

// words that end an issuer phrase even right after a capitalised word ("của Chính phủ do …", "Quốc hội về …")
const ISSUER_STOP = new Set([
  'về', 'thực', 'triển', 'nhằm', 'trên', 'tại', 'đến', 'cho', 'với', 'trong', 'đã', 'được', 'để', 'theo', 'là',
  'đối', 'nay', 'này', 'của', 'gắn', 'xây', 'tuyên', 'từ', 'khi', 'sau', 'trước', 'cùng', 'các', 'những', 'do',
  'tiếp', 'không', 'phải', 'quy', 'công', 'hướng', 'có', 'sẽ', 'đang', 'vẫn', 'còn', 'thì', 'mà', 'nên', 'như', 'hoặc',
]);
// lower-case words that belong inside an issuer's name wherever they stand ("Ủy ban nhân dân tỉnh", "Ban Tuyên giáo và Dân vận Thành ủy")
const ISSUER_INNER = new Set([
  'nhân', 'dân', 'tỉnh', 'thành', 'phố', 'phường', 'xã', 'huyện', 'quận', 'thị', 'trấn', 'đặc', 'khu', 'ủy', 'uỷ', 'bộ',
  'trưởng', 'và', 'thường', 'vụ', 'chấp', 'hành', 'trung', 'ương', 'đảng', 'ban', 'hội', 'đồng', 'chủ', 'tịch', 'khóa', 'khoá', 'cấp',
]);

export function typeKey(type: string): string {
  const t = type.toLowerCase().replace(/\s+/g, ' ');
  return t.startsWith('chương trình') ? 'chương trình' : t;
}

/**
 * The issuer after "của": a name ends where the sentence goes on. A capitalised word, or a lower-case
 * word right after one (the second syllable of "Chính phủ", "Luật sư"), or a word that belongs in
 * body names ("nhân dân", "tỉnh", "thường vụ") is taken; a verb, a preposition, "do", a bracket or
 * punctuation ends it ("của Chính phủ do Ủy ban …", "của Chính phủ (đã được …)", "UBND tỉnh công bố").
 */
function readIssuer(node: ParagraphNode, from: number): { issuer: string; ref: TextRef } | undefined {
  const rest = node.value.slice(from);
  const m = /^[\s,]*của\s+/u.exec(rest);
  if (!m) return undefined;
  const start = from + m[0].length;
  const words = node.value.slice(start).split(/([\s(]+)/);
  let len = 0;
  let taken = '';
  let prevCapital = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i % 2 === 1) {
      if (/[\n(]/.test(w)) break;
      taken += w;
      continue;
    }
    let cut = w.length; // trailing punctuation off (a loop: a regex would retry from every mark of a run)
    while (cut > 0 && ',;.:)“”"'.includes(w[cut - 1]!)) cut--;
    const bare = w.slice(0, cut);
    const first = i === 0;
    // an issuer is a name: it starts with a capital ("của Ban Thường vụ…", not "của các cơ quan")
    if (first && !/^\p{Lu}/u.test(bare)) return undefined;
    if (!bare) break;
    const lower = bare.toLowerCase();
    const capital = /^\p{Lu}/u.test(bare);
    if (!first && !capital) {
      if (ISSUER_STOP.has(lower)) break;
      // "ban hành" after a name is the verb, not a body
      if (lower === 'ban' && /^hành\b/u.test((words[i + 2] ?? '').toLowerCase())) break;
      if (!prevCapital && !ISSUER_INNER.has(lower)) break;
    }
    taken += bare;
    len = taken.length;
    prevCapital = capital;
    if (bare !== w) break; // punctuation ends the issuer
  }
  const issuer = node.value.slice(start, start + len).trim();
  if (!issuer) return undefined;
  return { issuer, ref: { node, start, end: start + issuer.length } };
}

function readSubject(node: ParagraphNode, from: number): string | undefined {
  // "… về phát triển kinh tế đêm" or a quoted title; "báo cáo … về Ủy ban nhân dân" (to an office) is not a subject
  const m = /^[\s,]*(?:về|V\/v)\s+([“"]?[\p{Ll}“"][^;.\n]{2,200})/u.exec(node.value.slice(from));
  return m ? m[1]!.trim() : undefined;
}

function dateAfter(dates: DateMention[], from: number, node: ParagraphNode): DateMention | undefined {
  // ", ngày 10/10/2025" or " ngày …" right after the number
  const between = (d: DateMention): string => node.value.slice(from, d.ref.start);
  return dates.find((d) => d.ref.start >= from && /^[\s,]*(ban hành\s*)?$/u.test(between(d)) && /^ngày/iu.test(node.value.slice(d.ref.start)));
}

function placeOf(path: string[]): CitationPlace {
  if (path.includes('title')) return 'title';
  if (path.includes('preamble')) return 'preamble';
  if (path.includes('header')) return 'header';
  if (path.includes('closing')) return 'closing';
  if (path.includes('appendix')) return 'appendix';
  return 'body';
}

export function citationsIn(node: ParagraphNode, place: CitationPlace): Citation[] {
  const out: Citation[] = [];
  const v = node.value;
  let dates: DateMention[] | undefined; // read only in a paragraph that cites something
  const add = (type: string, nc: string, ncStart: number, groups: Record<string, string | undefined>, refStart: number): Citation => {
    const num = groups.num && /^\d+$/.test(groups.num) ? groups.num : undefined;
    const code = groups.code!;
    const key = typeKey(type);
    const numberRef: TextRef = { node, start: ncStart, end: ncStart + nc.length };
    let end = numberRef.end;
    const date = dateAfter((dates ??= datesIn(node)), end, node);
    if (date) end = date.ref.end;
    const iss = readIssuer(node, end);
    if (iss) end = iss.ref.end;
    const c: Citation = {
      type,
      typeKey: key,
      number: num,
      code,
      year: groups.year,
      family: `${key}|${groups.year ? '' : groups.sep}${code}`,
      numberRef,
      ref: { node, start: refStart, end },
      date,
      issuer: iss?.issuer,
      issuerRef: iss?.ref,
      subject: readSubject(node, end),
      place,
      path: node.path ?? '',
      node,
    };
    out.push(c);
    return c;
  };
  for (const m of v.matchAll(CITATION)) {
    const g = m.groups!;
    const type = g.type!.replace(/\s+/g, ' ');
    // a blank number needs "số" or a separator right after the type ("Kế hoạch - KH/ĐU"), never a bare word
    if (!/^\d/.test(g.num ?? '') && !g.so && !/^\s*[-/]/.test(v.slice(m.index! + g.type!.length))) continue;
    const ncStart = m.index! + m[0].length - g.nc!.length;
    let last = add(type, g.nc!.trim(), ncStart, g, m.index!);
    // list forms: "số 20-CTr/TU ngày 24/4/2026, số 21-CTr/TU ngày 02/5/2026"
    for (;;) {
      const rest = v.slice(last.ref.end);
      const c = CONTINUATION.exec(rest);
      if (!c) break;
      const ncS = last.ref.end + c[0].length - c.groups!.nc!.length;
      last = add(type, c.groups!.nc!.trim(), ncS, c.groups!, ncS);
    }
  }
  return out;
}

const CAPTION = /^\s*(?:\(\s*)?(Đính\s+kèm|Kèm\s+theo|Ban\s+hành\s+kèm\s+theo)\b/iu;

/** All citations of a plan, in reading order, each with where it stands. */
export function extractCitations(tree: PlanRoot): Citation[] {
  const out: Citation[] = [];
  const walk = (nodes: readonly { type: string; children?: unknown }[], trail: string[]): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        const p = n as ParagraphNode;
        let place = placeOf(trail);
        if (place === 'appendix' && CAPTION.test(p.value)) place = 'appendix-caption';
        out.push(...citationsIn(p, place));
      } else if (Array.isArray(n.children)) walk(n.children as { type: string }[], [...trail, n.type]);
    }
  };
  walk(tree.children, []);
  return out;
}

/** The plan's own number from its "Số: …" line. */
export interface OwnNumber {
  number?: string;
  code?: string;
  ref: TextRef; // the number and code part
  blank: boolean;
}

export function ownNumber(tree: PlanRoot): OwnNumber | undefined {
  const line = tree.meta.numberLine;
  if (!line) return undefined;
  const v = line.node.value.slice(0, line.end);
  const m = new RegExp(`^\\s*Số(?:\\s*[:.])?\\s*(?<nc>${NUMBER_CODE})`, 'u').exec(v.slice(line.start));
  if (!m) return { ref: line, blank: true };
  const g = m.groups!;
  const start = line.start + m[0].length - g.nc!.length;
  const number = /^\d+$/.test(g.num ?? '') ? g.num : undefined;
  return { number, code: g.code, ref: { node: line.node, start, end: start + g.nc!.trimEnd().length }, blank: number === undefined };
}

/** What a citation says about the document it names (plain data, see identity.ts). */
export function identityOf(c: Citation): DocIdentity {
  const sep = /^\d+\s*-/.test(c.node.value.slice(c.numberRef.start, c.numberRef.end)) ? '-' : '/';
  return {
    kind: c.typeKey,
    number: c.number,
    year: c.year,
    code: c.code,
    sep: c.year ? undefined : sep,
    date: c.date && !c.date.blank ? { day: c.date.day, month: c.date.month, year: c.date.year } : undefined,
    issuer: c.issuer,
    subject: c.subject,
  };
}

/** The kind of the document itself ("kế hoạch", "hướng dẫn"): the document model's, else its own number's code. */
export function ownKind(tree: PlanRoot, own: OwnNumber | undefined): string | undefined {
  const info = tree.meta.docKind && tree.meta.docKind !== 'unknown' ? kindInfo(tree.meta.docKind) : undefined;
  return info ? typeKey(info.vi) : kindOfCode(own?.code);
}
