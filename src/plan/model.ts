// The document model: what a document is (its kind), who issued it (body, superior
// body, administrative level), and the structural units that open a numbering scope.
// Pure functions over text; the tree builder (build.ts) calls them.
import type { AdminLevel, DocKind, DocumentKind, Issuer, LabelKeyword } from '../types.js';
import { squash } from '../text/normalize.js';

export interface KindInfo {
  id: DocKind;
  vi: string; // "Kế hoạch"
  en: string;
  /** Title words in capitals, as they open the title line. */
  titles: string[];
  /** Abbreviations in number symbols: KH in "12/KH-UBND" and "95-KH/ĐU". */
  symbols: string[];
}

export const KINDS: KindInfo[] = [
  { id: 'ke-hoach', vi: 'Kế hoạch', en: 'plan', titles: ['KẾ HOẠCH'], symbols: ['KH'] },
  { id: 'bao-cao', vi: 'Báo cáo', en: 'report', titles: ['BÁO CÁO'], symbols: ['BC'] },
  { id: 'quyet-dinh', vi: 'Quyết định', en: 'decision', titles: ['QUYẾT ĐỊNH'], symbols: ['QĐ'] },
  { id: 'cong-van', vi: 'Công văn', en: 'official letter', titles: ['CÔNG VĂN'], symbols: ['CV'] },
  { id: 'to-trinh', vi: 'Tờ trình', en: 'submission', titles: ['TỜ TRÌNH'], symbols: ['TTr'] },
  { id: 'thong-bao', vi: 'Thông báo', en: 'notice', titles: ['THÔNG BÁO'], symbols: ['TB'] },
  { id: 'huong-dan', vi: 'Hướng dẫn', en: 'guidance', titles: ['HƯỚNG DẪN'], symbols: ['HD'] },
  { id: 'chuong-trinh', vi: 'Chương trình', en: 'programme', titles: ['CHƯƠNG TRÌNH'], symbols: ['CTr'] },
  { id: 'de-an', vi: 'Đề án', en: 'scheme', titles: ['ĐỀ ÁN'], symbols: ['ĐA'] },
  { id: 'phuong-an', vi: 'Phương án', en: 'action plan (phương án)', titles: ['PHƯƠNG ÁN'], symbols: ['PA'] },
  { id: 'nghi-quyet', vi: 'Nghị quyết', en: 'resolution', titles: ['NGHỊ QUYẾT'], symbols: ['NQ'] },
  { id: 'chi-thi', vi: 'Chỉ thị', en: 'directive', titles: ['CHỈ THỊ'], symbols: ['CT'] },
  { id: 'bien-ban', vi: 'Biên bản', en: 'minutes', titles: ['BIÊN BẢN'], symbols: ['BB'] },
  { id: 'giay-moi', vi: 'Giấy mời', en: 'invitation', titles: ['GIẤY MỜI'], symbols: ['GM'] },
  { id: 'phieu-trinh', vi: 'Phiếu trình', en: 'cover memo', titles: ['PHIẾU TRÌNH'], symbols: ['PTr', 'PT'] },
  { id: 'dieu-le', vi: 'Điều lệ', en: 'charter', titles: ['ĐIỀU LỆ'], symbols: ['ĐL'] },
  { id: 'quy-che', vi: 'Quy chế', en: 'regulation (quy chế)', titles: ['QUY CHẾ'], symbols: ['QC', 'QCPH'] },
  { id: 'quy-dinh', vi: 'Quy định', en: 'regulation (quy định)', titles: ['QUY ĐỊNH'], symbols: ['QyĐ', 'QĐi'] },
  { id: 'luat', vi: 'Luật', en: 'law', titles: ['BỘ LUẬT', 'LUẬT'], symbols: [] },
  { id: 'nghi-dinh', vi: 'Nghị định', en: 'decree', titles: ['NGHỊ ĐỊNH'], symbols: ['NĐ'] },
  { id: 'thong-tu', vi: 'Thông tư', en: 'circular', titles: ['THÔNG TƯ LIÊN TỊCH', 'THÔNG TƯ'], symbols: ['TT', 'TTLT'] },
];

const BY_ID = new Map(KINDS.map((k) => [k.id, k]));
export function kindInfo(id: DocKind): KindInfo | undefined {
  return BY_ID.get(id);
}

/** The kind name for people: "Kế hoạch" / "plan"; "không rõ" / "unknown". */
export function kindName(id: DocKind, lang: 'vi' | 'en' = 'vi'): string {
  const k = BY_ID.get(id);
  if (!k) return lang === 'vi' ? 'không rõ' : 'unknown';
  return lang === 'vi' ? k.vi : k.en;
}

const END = '(?![\\p{L}\\p{N}])';
const esc = (s: string): string => s.replace(/ /g, '\\s+');
const TITLE_WORDS = KINDS.flatMap((k) => k.titles.map((t) => ({ t, id: k.id }))).sort((a, b) => b.t.length - a.t.length);
const TITLE_RE = new RegExp(`^\\s*(${TITLE_WORDS.map((w) => esc(w.t)).join('|')})${END}`, 'u');

/**
 * The kind named by a title line: "KẾ HOẠCH", "QUYẾT ĐỊNH", "LUẬT ĐẤT ĐAI" — a line in
 * capitals opening with a kind word (the word in capitals; a sentence does not count).
 */
export function titleKind(line: string): { id: DocKind; word: string } | undefined {
  const m = TITLE_RE.exec(line);
  if (!m) return undefined;
  const word = squash(m[1]!);
  const hit = TITLE_WORDS.find((w) => w.t === word);
  return hit ? { id: hit.id, word } : undefined;
}

/** "QUYẾT ĐỊNH:" standing alone (the enacting line of a decision), not a title. */
export function isEnactingLine(line: string): boolean {
  return /^\s*(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|BAN\s+HÀNH|CHỈ\s+THỊ)\s*:\s*$/u.test(line);
}

/**
 * The symbol of a number line or citation: "KH-UBND" in "Số: 12/KH-UBND", "KH/ĐU" in
 * "Số 95-KH/ĐU", "QH15" in "Luật số: 69/2025/QH15"; also "/BC-UBND" with a blank number.
 */
export function numberSymbol(line: string): string | undefined {
  // regex-safe: no two quantifiers share a run of spaces
  const m = /[Ss]ố(?:\s*[:.])?[\s\d.…_]*[-/]\s*(?:\d{4}\/)?([\p{L}\d]+(?:[-/][\p{L}\d]+)*)/u.exec(line);
  return m ? m[1] : undefined;
}

/** The kind a symbol names: "KH-UBND" → plan, "95-KH/ĐU"'s "KH/ĐU" → plan, "2025/QH15" → law, "NĐ-CP" → decree. */
export function symbolKind(symbol: string): DocKind | undefined {
  const parts = symbol.split(/[-/]/);
  const first = parts[0]!;
  if (/^QH\d*$/.test(first) && parts.length === 1) return 'luat';
  for (const k of KINDS) if (k.symbols.includes(first)) return k.id;
  if (/^TT$/.test(first) || /^TT-B/.test(symbol)) return 'thong-tu';
  return undefined;
}

/** A letter (công văn) has no title word; its subject line reads "V/v …" (về việc). */
export const VV_LINE = /^\s*(?:V\/v|V\/V|v\/v|Về\s+việc)(?:\s*[:.])?\s*\S/u;

export interface KindEvidence {
  title?: string; // the title line
  symbol?: string;
  hasVv?: boolean;
  issuer?: string;
}

/** Decide the kind: the title first, then the number symbol, then a V/v line (a letter). */
export function decideKind(e: KindEvidence): { id: DocKind; normative: boolean } {
  let id: DocKind = 'unknown';
  const fromTitle = e.title ? titleKind(e.title) : undefined;
  if (fromTitle) id = fromTitle.id;
  else if (e.symbol && symbolKind(e.symbol)) id = symbolKind(e.symbol)!;
  else if (e.hasVv) id = 'cong-van';
  else if (e.symbol) id = 'cong-van'; // "Số: 123/UBND-VP": a number without a kind word is a letter
  const issuer = e.issuer ?? '';
  const sym = e.symbol ?? '';
  const normative =
    id === 'luat' ||
    id === 'nghi-dinh' ||
    id === 'thong-tu' ||
    (id === 'nghi-quyet' && (/QUỐC HỘI|CHÍNH PHỦ|ỦY BAN THƯỜNG VỤ QUỐC HỘI/u.test(issuer) || /\/(QH\d*|NQ-CP|UBTVQH\d*)$/u.test(sym) || /^NQ-CP$|^UBTVQH/u.test(sym)));
  return { id, normative };
}

// ---------- issuers ----------

/** A line of the header that names a place, continuing the body named on the line before: "PHƯỜNG HẢI AN". */
const PLACE_LINE = /^(TỈNH|THÀNH PHỐ|TP\.?|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|HUYỆN ĐẢO)\s/u;
/** A body noun: a line that names a body of its own (a department under a province …). */
const BODY_LINE = /^(SỞ|BAN|PHÒNG|VĂN PHÒNG|CỤC|VỤ|TỔNG CỤC|THANH TRA|CHI CỤC|TRUNG TÂM|TRƯỜNG|BỆNH VIỆN|CÔNG AN|BỘ CHỈ HUY|ĐẢNG ỦY|ĐẢNG UỶ|CHI BỘ|ĐẢNG BỘ|ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BAN CHẤP HÀNH|BAN THƯỜNG TRỰC|BAN THƯỜNG VỤ|HỘI|HIỆP HỘI|LIÊN ĐOÀN|ĐOÀN|CÔNG ĐOÀN|TỔ|ĐÀI|BAN QUẢN LÝ|QUỸ|KHO BẠC|CHI NHÁNH|BỘ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|MẶT TRẬN|ỦY BAN MTTQ|UỶ BAN MTTQ|UBMTTQ)(\s|$)/u;

const FRONT = /MẶT TRẬN TỔ QUỐC|MTTQ|HỘI LIÊN HIỆP PHỤ NỮ|HỘI LHPN|ĐOÀN THANH NIÊN|ĐOÀN TNCS|HỘI NÔNG DÂN|HỘI CỰU CHIẾN BINH|CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG|HỘI CHỮ THẬP ĐỎ|HỘI NGƯỜI CAO TUỔI/u;
const PARTY = /ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|QUẬN UỶ|BAN CHẤP HÀNH ĐẢNG|BAN THƯỜNG VỤ|BAN TUYÊN GIÁO|BAN TỔ CHỨC|BAN DÂN VẬN|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA|TRUNG ƯƠNG ĐẢNG|BAN BÍ THƯ|BỘ CHÍNH TRỊ/u;
const STATE = /ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|^SỞ\s|\sSỞ\s|^BỘ\s|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|VĂN PHÒNG|THANH TRA|CÔNG AN|TÒA ÁN|VIỆN KIỂM SÁT|KHO BẠC|CỤC\s|CHI CỤC|TRUNG TÂM|TRƯỜNG|BAN QUẢN LÝ|BAN CHỈ ĐẠO/u;

/** The body type a name denotes. Party wins over state for "BAN …" lines under a Party committee. */
export function bodyType(name: string, superior = ''): DocumentKind {
  if (FRONT.test(name)) return 'front';
  if (PARTY.test(name) && !/ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/u.test(name)) return 'party';
  if (STATE.test(name)) return 'state';
  if (/^BAN\s/u.test(name) && PARTY.test(superior)) return 'party';
  if (/^(HỘI|HIỆP HỘI|LIÊN ĐOÀN|QUỸ)\s/u.test(name)) return 'front'; // associations: mass organisations
  if (STATE.test(superior)) return 'state';
  if (PARTY.test(superior)) return 'party';
  return 'unknown';
}

const CENTRAL_CITIES = /THÀNH PHỐ\s+(HÀ NỘI|HỒ CHÍ MINH|HẢI PHÒNG|ĐÀ NẴNG|CẦN THƠ|HUẾ)/u;

/** The administrative level of a body: ward/commune/special zone, district, province, central. */
export function adminLevel(name: string, superior = ''): AdminLevel {
  if (/(^|\s)(?<!THỊ\s)(XÃ(?!\sHỘI)|PHƯỜNG|ĐẶC KHU|THỊ TRẤN)\s/u.test(name)) return 'commune';
  if (/(^|\s)(HUYỆN|QUẬN|THỊ XÃ)\s/u.test(name) || /HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|QUẬN UỶ/u.test(name)) return 'district';
  if (/CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|^BỘ\s|TRUNG ƯƠNG|BỘ CHÍNH TRỊ|BAN BÍ THƯ/u.test(name)) return 'central';
  if (/(^|\s)TỈNH\s|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ/u.test(name) || CENTRAL_CITIES.test(name)) return 'province';
  if (/THÀNH PHỐ\s/u.test(name)) return /TỈNH\s/u.test(superior) ? 'district' : 'province';
  // a body without a place on its own line takes its superior's level (SỞ NỘI VỤ under UBND TỈNH …)
  if (superior) {
    const up = adminLevel(superior);
    if (up !== 'unknown') return up;
  }
  return 'unknown';
}

/**
 * Read the issuer from the header's body lines (capitals, motto and number removed), in
 * reading order: lines naming a place join the body above them ("ỦY BAN NHÂN DÂN" +
 * "PHƯỜNG HẢI AN"); a line that names a body of its own starts a new body, and the body
 * above it is the superior ("UBND TỈNH LÀO CAI" / "SỞ CÔNG THƯƠNG").
 */
export function readIssuer(lines: string[]): Issuer {
  const groups: string[] = [];
  for (const raw of lines) {
    const line = squash(raw);
    if (!line) continue;
    const prev = groups[groups.length - 1];
    const startsBody = BODY_LINE.test(line);
    if (prev !== undefined && (!startsBody || PLACE_LINE.test(line) || isBare(prev))) groups[groups.length - 1] = `${prev} ${line}`;
    else groups.push(line);
  }
  if (!groups.length) return { body: 'unknown', level: 'unknown' };
  const name = groups[groups.length - 1]!;
  const superior = groups.length > 1 ? groups.slice(0, -1).join(' ') : undefined;
  const issuer: Issuer = { body: bodyType(name, superior), name, level: adminLevel(name, superior) };
  if (superior) issuer.superior = superior;
  return issuer;
}

/** A body name that needs the next line (its place or its organisation): "ỦY BAN NHÂN DÂN", "BAN CHẤP HÀNH". */
function isBare(group: string): boolean {
  return /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|CHI BỘ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BAN THƯỜNG TRỰC|BAN THƯỜNG TRỰC ỦY BAN|ỦY BAN|UỶ BAN|ỦY BAN MẶT TRẬN TỔ QUỐC|UỶ BAN MẶT TRẬN TỔ QUỐC|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM|UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM|ỦY BAN MTTQ VIỆT NAM|UỶ BAN MTTQ VIỆT NAM|BAN CHỈ ĐẠO|HỘI)$/u.test(group);
}

// ---------- structural headings ----------

const ORDINAL_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

export interface KeywordHeading {
  keyword: LabelKeyword;
  raw: string; // "Điều 5." as written
  core: string; // "5", "II", "A", "thứ nhất"
  style: 'roman' | 'arabic' | 'letter';
  delim: string;
  value: number;
}

const KEYWORDS: { re: RegExp; keyword: LabelKeyword }[] = [
  { re: /^(Tiểu\s+mục|TIỂU\s+MỤC)/u, keyword: 'tieu-muc' },
  { re: /^(Phần|PHẦN)/u, keyword: 'phan' },
  { re: /^(Chương|CHƯƠNG)/u, keyword: 'chuong' },
  { re: /^(Mục|MỤC)/u, keyword: 'muc' },
  { re: /^(Điều|ĐIỀU|Ðiều|ÐIỀU)/u, keyword: 'dieu' }, // "Ð" (U+00D0) stands for "Đ" in old texts
  { re: /^(Bước|BƯỚC)/u, keyword: 'buoc' },
];

/**
 * A structural heading at the start of a line: "Điều 5. Phạm vi", "Chương II", "PHẦN A.",
 * "Phần thứ nhất", "Mục 1", "BƯỚC 2:". The number must be followed by a delimiter, the
 * line end, or (for Chương/Phần/Mục) a title in capitals — "Điều 5 của Luật …" is prose.
 */
export function parseKeywordHeading(s: string): KeywordHeading | undefined {
  for (const { re, keyword } of KEYWORDS) {
    const k = re.exec(s);
    if (!k) continue;
    const rest = s.slice(k[0].length);
    // "Điều 2.Đối tượng" (the space forgotten) is still a heading
    const m = /^\s+(thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|THỨ\s+(?:NHẤT|HAI|BA|TƯ|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI)|[IVXL]{1,6}|\d{1,3}[a-zđ]?|[A-HĐ])(\s*[.:)\-–]?)(?=\s|$|(?<=[.:])\p{Lu})/u.exec(rest);
    if (!m) return undefined;
    const core = m[1]!;
    const delim = m[2]!.trim();
    const after = rest.slice(m[0].length);
    // prose: "Điều 5 của Luật …", "Mục 2 nêu trên" — a heading has a delimiter, ends, or (Điều) a capitalised title
    if (!delim && after.trim() && !/^\s+[\p{Lu}\d“"(]/u.test(after)) return undefined;
    if (keyword === 'dieu' && !/^\d/.test(core)) return undefined;
    let style: KeywordHeading['style'];
    let value: number;
    if (/^\d/.test(core)) {
      style = 'arabic';
      value = parseInt(core, 10);
    } else if (/^thứ/iu.test(core)) {
      style = 'arabic';
      value = ORDINAL_WORDS.indexOf(core.toLowerCase().replace(/^thứ\s+/u, '')) + 1;
    } else if (/^[IVXL]+$/.test(core)) {
      style = 'roman';
      value = romanOf(core);
    } else {
      style = 'letter';
      value = 'ABCDEFGH'.indexOf(core) + 1 || 5; // Đ after D
    }
    return { keyword, raw: k[0] + m[0], core, style, delim, value };
  }
  return undefined;
}

function romanOf(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let t = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1]!] ?? 0;
    t += a < b ? -a : a;
  }
  return t;
}

/** Scope type of a keyword heading. */
export function keywordScope(k: LabelKeyword): 'part' | 'chapter' | 'section' | 'subsection' | 'article' | 'step' {
  return ({ phan: 'part', chuong: 'chapter', muc: 'section', 'tieu-muc': 'subsection', dieu: 'article', buoc: 'step' } as const)[k];
}

// ---------- forms and fill-in blanks ----------

/** A run of fill-in dots or underscores, a check box, or a "(1)" note marker: what a form leaves for its user. */
export const FILL_IN = /[.…]{5,}|…{2,}|_{4,}|\[\s*\]|☐|□|❑|\(\d{1,2}\)(?=[\s.,:;…]|$)/u;

/** "Mẫu số 01", "MẪU SỐ 02/TB", "Biểu số 3", "Biểu mẫu 01": a form caption standing alone. */
export const FORM_CAPTION = /^\s*(?:Mẫu|MẪU|Biểu\s+mẫu|BIỂU\s+MẪU|Biểu|BIỂU)(?:\s+(?:số|SỐ))?(?:\s*[:.])?(?:\s*([0-9]{1,3}[a-zA-Z]?(?:[./-][\p{L}\d]+)*|[IVX]{1,5}|[A-Z]))?(?:\s*[:.])?\s*$/u;

/** "(Ban hành kèm theo Quyết định số …)", "(Kèm theo Kế hoạch số …)": the caption of an attached document. */
export const ATTACHED_CAPTION = /^\s*(?:[(\[]\s*)?(?:Ban\s+hành\s+)?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\s/u;

// ---------- sign-off boxes ----------

/**
 * The heading of a box left for an approver's opinion: "Ý KIẾN CỦA CHỦ TỊCH UBND TỈNH",
 * "Kính trình Chủ tịch …", "Phê duyệt của Giám đốc", "Ý kiến chỉ đạo:".
 */
export const OPINION_HEADING = /^\s*(?:Ý\s+KIẾN|Ý\s+kiến|KÍNH\s+TRÌNH|Kính\s+trình|PHÊ\s+DUYỆT|Phê\s+duyệt|DUYỆT|Duyệt\s+của|CHỈ\s+ĐẠO\s+CỦA|Chỉ\s+đạo\s+của)(?!\p{L})/u;
/** A line of nothing but fill-in dots or underscores: room for someone else to write in. */
export const FILL_LINE = /^(?=[^]*?(?:[.…]{5}|_{4}))[\s.…_]*$/u; // the run is checked by a look-ahead: one pass, no split between three quantifiers
/** A date line with room for the day: "Ngày     tháng 9 năm 2025", "ngày … tháng … năm …". */
export const BLANK_DATE_LINE = /^\s*(?:[^,\n]{2,40},\s*)?ngày[\s.…_]+tháng[\s.…_\d]*năm[\s.…_\d]*$/iu;

/**
 * A sign-off box of an internal submission form (Phiếu trình, phiếu xin ý kiến): a heading
 * naming whose box it is, room for an opinion (dotted lines, or a heading that says "Ý kiến
 * …", "Kính trình …"), then a date line the approver fills when signing and the approver's
 * name. `lines` are the box's non-empty lines in order (a table cell, or a run of lines in
 * running text). The drafter's own box ("Chuyên viên / Ngày … / name") leaves no room for an
 * opinion and is not one.
 */
export function isSignOffBox(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const head = lines[0]!;
  if (FILL_LINE.test(head) || BLANK_DATE_LINE.test(head)) return false;
  const date = lines.findIndex((l) => BLANK_DATE_LINE.test(l));
  if (date < 1) return false;
  const room = lines.slice(1, date).some((l) => FILL_LINE.test(l));
  return room || OPINION_HEADING.test(head);
}
