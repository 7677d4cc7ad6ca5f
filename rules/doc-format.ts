// doc-format — the form of a document (thể thức) as the office clerk checks it
// before it is signed: the number line, the kind abbreviation against the title,
// the place and date, the national motto or the Party's heading, the signing
// authority and the Nơi nhận list (NĐ 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW for
// Party bodies). A wrong element is an error, a missing one a warning; a
// document without a header (its body pasted alone) is not asked for one.
import type { ParagraphNode, PlanRoot, RuleContext, RuleModule, SignatureNode, TextRef } from '../src/types.js';
import {
  abbrOf,
  documentForm,
  formLines,
  kindsByAbbr,
  linesOf,
  MOTTO_WORDS,
  NATIONAL,
  PARTY_NAME,
  type DocForm,
  type FormLine,
} from '../src/extract/form.js';
import { paragraphsOf } from '../src/plan/build.js';
import { squash } from '../src/text/normalize.js';

const ND = { vi: 'NĐ 30/2020', en: 'Decree 30/2020' };
const PL1 = { vi: 'NĐ 30/2020, Phụ lục I', en: 'Decree 30/2020, Appendix I' };
const HD36 = { vi: 'Hướng dẫn 36-HD/VPTW', en: 'Guidance 36-HD/VPTW' };

export const rule: RuleModule = {
  meta: {
    id: 'doc-format',
    description: {
      vi: 'Thể thức văn bản: số, ký hiệu, địa danh và ngày tháng, Quốc hiệu và Tiêu ngữ, quyền hạn ký, nơi nhận (NĐ 30/2020; HD 36-HD/VPTW)',
      en: 'Form of the document: number, place and date, national motto, signing authority, recipients (Decree 30/2020; Guidance 36-HD/VPTW)',
    },
    docs: 'docs/rules/doc-format.md',
    defaultSeverity: 'error',
    normative: false, // laws and decrees have a form of their own
    messages: {
      numberColon: {
        vi: 'Số, ký hiệu "{found}": sau chữ "Số" phải có dấu hai chấm — "Số: 12/KH-UBND" ({src}, mục II.3)',
        en: 'Number "{found}": "Số" is followed by a colon — "Số: 12/KH-UBND" ({src}, item II.3)',
      },
      numberForm: {
        vi: 'Số, ký hiệu "{found}" sai dạng — văn bản của cơ quan nhà nước ghi "Số: 12/KH-UBND" (dấu "/" giữa số và ký hiệu, dấu "-" giữa tên loại và cơ quan) ({src}, mục II.3)',
        en: 'Number "{found}" is malformed — a state body writes "Số: 12/KH-UBND" ("/" between number and symbol, "-" between kind and body) ({src}, item II.3)',
      },
      numberZero: {
        vi: 'Số văn bản "{found}" nhỏ hơn 10 phải có số 0 phía trước — "{expected}" ({src}, mục II.3)',
        en: 'Number "{found}" is under 10 and takes a leading zero — "{expected}" ({src}, item II.3)',
      },
      numberDigits: {
        vi: 'Số văn bản "{found}" phải ghi bằng chữ số Ả Rập ({src}, mục II.3)',
        en: 'The number "{found}" is written in Arabic digits ({src}, item II.3)',
      },
      partyColon: {
        vi: 'Số, ký hiệu "{found}": văn bản của Đảng ghi "Số 95-KH/ĐU", không có dấu hai chấm ({src})',
        en: 'Number "{found}": a Party document writes "Số 95-KH/ĐU", without a colon ({src})',
      },
      partyForm: {
        vi: 'Số, ký hiệu "{found}" sai dạng — văn bản của Đảng ghi "Số 95-KH/ĐU" (dấu "-" giữa số và tên loại, dấu "/" trước cơ quan) ({src})',
        en: 'Number "{found}" is malformed — a Party document writes "Số 95-KH/ĐU" ("-" between number and kind, "/" before the body) ({src})',
      },
      kindMismatch: {
        vi: 'Ký hiệu "{found}" trong số văn bản không khớp tên loại "{kind}" — viết tắt của {kind} là "{expected}" ({src})',
        en: 'The symbol "{found}" in the number does not match the kind "{kind}" — {kind} is abbreviated "{expected}" ({src})',
      },
      letterSubject: {
        vi: 'Công văn thiếu trích yếu "V/v …" dưới số, ký hiệu ({src}, mục II.5)',
        en: 'The letter has no "V/v …" subject under its number ({src}, item II.5)',
      },
      dateWords: {
        vi: 'Ngày tháng "{found}" phải ghi đủ "ngày … tháng … năm …" ({src}, mục II.4)',
        en: 'The date "{found}" is written in full, "ngày … tháng … năm …" ({src}, item II.4)',
      },
      dayZero: {
        vi: 'Ngày "{found}" nhỏ hơn 10 phải có số 0 phía trước — "{expected}" ({src}, mục II.4)',
        en: 'The day "{found}" is under 10 and takes a leading zero — "{expected}" ({src}, item II.4)',
      },
      monthZero: {
        vi: 'Tháng "{found}" (tháng 1, 2) phải có số 0 phía trước — "{expected}" ({src}, mục II.4)',
        en: 'The month "{found}" (January, February) takes a leading zero — "{expected}" ({src}, item II.4)',
      },
      placeIssuer: {
        vi: 'Địa danh "{found}" không phải tên đơn vị hành chính của cơ quan ban hành ({expected}) ({src}, mục II.4)',
        en: 'The place "{found}" is not the issuing body\'s own unit ({expected}) ({src}, item II.4)',
      },
      nationalMissing: {
        vi: 'Thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" ở đầu văn bản ({src}, mục II.1)',
        en: 'The national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" is missing from the header ({src}, item II.1)',
      },
      mottoMissing: {
        vi: 'Thiếu Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" dưới Quốc hiệu ({src}, mục II.1)',
        en: 'The motto "Độc lập - Tự do - Hạnh phúc" is missing under the national name ({src}, item II.1)',
      },
      mottoWording: {
        vi: 'Tiêu ngữ "{found}" — đúng là "Độc lập - Tự do - Hạnh phúc" (chữ thường, viết hoa chữ đầu mỗi cụm, gạch nối giữa các cụm) ({src}, mục II.1)',
        en: 'Motto "{found}" — it reads "Độc lập - Tự do - Hạnh phúc" (lower case, each phrase capitalised, hyphens between) ({src}, item II.1)',
      },
      mottoOrder: {
        vi: 'Tiêu ngữ phải đứng ngay dưới Quốc hiệu ({src}, mục II.1)',
        en: 'The motto stands right under the national name ({src}, item II.1)',
      },
      partyMissing: {
        vi: 'Thiếu tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" ở đầu văn bản của Đảng ({src})',
        en: 'The heading "ĐẢNG CỘNG SẢN VIỆT NAM" is missing from the Party document\'s header ({src})',
      },
      partyNational: {
        vi: 'Văn bản của Đảng ghi tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM", không ghi Quốc hiệu ({src})',
        en: 'A Party document is headed "ĐẢNG CỘNG SẢN VIỆT NAM", not with the national name ({src})',
      },
      authorityForm: {
        vi: 'Quyền hạn ký "{found}": {body} ghi "{expected}" ({src})',
        en: 'Signing authority "{found}": {body} writes "{expected}" ({src})',
      },
      ktSameTitle: {
        vi: '"{found}" rồi "{title}": ký thay (KT.) người đứng đầu là cấp phó — chức vụ dưới phải là "PHÓ {head}" ({src})',
        en: '"{found}" then "{title}": signing for (KT.) the head is done by a deputy — the title below is "PHÓ {head}" ({src})',
      },
      tmPerson: {
        vi: '"{found}": TM. (thay mặt) đi với tập thể (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ…), không đi với chức vụ ({src})',
        en: '"{found}": TM. (on behalf of) goes with a collective body (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ…), not a title ({src})',
      },
      titleMissing: {
        vi: 'Sau "{found}" thiếu chức vụ của người ký ({src})',
        en: 'No signer\'s title after "{found}" ({src})',
      },
      signerMissing: {
        vi: 'Khối chữ ký thiếu họ tên người ký ({src})',
        en: 'The signature block has no signer\'s name ({src})',
      },
      recipientsLuu: {
        vi: 'Nơi nhận chưa kết thúc bằng dòng lưu "{expected}" ({src}, mục II.9)',
        en: 'The Nơi nhận list does not end with the filing line "{expected}" ({src}, item II.9)',
      },
      headerMissing: {
        vi: 'Đầu văn bản thiếu {element} ({src})',
        en: 'The header has no {element} ({src})',
      },
    },
  },
  create(context) {
    return {
      'plan:exit'(tree) {
        const form = documentForm(tree);
        if (!form.administrative) return;
        check(context, tree, form);
      },
    };
  },
};

type Report = (range: TextRef, messageId: string, data?: Record<string, string | number>, missing?: boolean) => void;

function check(context: RuleContext, tree: PlanRoot, read: DocForm): void {
  // Party forms are asked only of a body that is plainly a Party committee (a youth union's
  // "BAN THƯỜNG VỤ" is not); another body is held to neither form
  const form: DocForm = read.body === 'party' && !PARTY_COMMITTEE.test(issuerText(tree)) ? { ...read, body: 'unknown' } : read;
  const en = context.lang === 'en';
  const t = (b: { vi: string; en: string }): string => (en ? b.en : b.vi);
  const report: Report = (range, messageId, data = {}, missing = false) =>
    context.report({ range, messageId, data, ...(missing ? { severity: 'warn' as const } : {}) });
  const party = form.body === 'party';
  const lines = formLines(tree);
  const meta = tree.meta;

  if (form.hasHeader) {
    checkNumber(meta.numberLine, form, report, t, party);
    checkPlaceDate(tree, report, t);
    checkHeading(tree, form, report, t);
    if (form.letter && meta.numberLine && !lines.some((l) => l.role === 'letterSubject')) report(meta.numberLine, 'letterSubject', { src: t(PL1) }, true);
    const anchor = meta.numberLine ?? meta.placeDate ?? lines.find((l) => l.role === 'issuer')?.ref;
    if (anchor && OWN_NUMBER.has(meta.docKind)) {
      const missing: string[] = [];
      if (!meta.issuingBody) missing.push(en ? 'the issuing body' : 'tên cơ quan ban hành');
      const headerLines = headerPieces(tree);
      if (!meta.numberLine && !headerLines.some((l) => /^Số(?!\p{L})/u.test(l))) missing.push(en ? 'the number' : 'số, ký hiệu');
      if (!meta.placeDate && !headerLines.some((l) => /,\s*ngày\b/u.test(l))) missing.push(en ? 'the place and date' : 'địa danh, ngày tháng');
      if (missing.length) report(anchor, 'headerMissing', { element: missing.join(', '), src: party ? t(HD36) : t(PL1) }, true);
    }
  }
  const closing = tree.children.find((c) => c.type === 'closing');
  const sig = closing?.children.find((c): c is SignatureNode => c.type === 'signature');
  if (sig) checkSignature(lines, sig, form, report, t);
  checkRecipients(lines, form, report, t);
}

/** Kinds issued with their own number and date (an attached charter or regulation, a list, has neither). */
const OWN_NUMBER = new Set(['ke-hoach', 'bao-cao', 'quyet-dinh', 'cong-van', 'to-trinh', 'thong-bao', 'huong-dan', 'chuong-trinh', 'de-an', 'phuong-an', 'nghi-quyet', 'chi-thi', 'giay-moi']);

function headerPieces(tree: PlanRoot): string[] {
  const header = tree.children.find((c) => c.type === 'header');
  return header ? paragraphsOf(header.children).flatMap((p) => linesOf(p).map((l) => l.text)) : [];
}

// ---------- number line ----------

function checkNumber(ref: TextRef | undefined, form: DocForm, report: Report, t: (b: { vi: string; en: string }) => string, party: boolean): void {
  if (!ref) return;
  const found = squash(ref.node.value.slice(ref.start, ref.end));
  const src = party ? t(HD36) : t(PL1);
  // the number part; a blank number is blank-field's
  const m = /^Số(?:\s*(?=:))?(:?)\s*(?!\s)([^\s/-]*)(?![^\s/-])(?:\s*([/-]))?\s*(\S.*|)$/u.exec(found);
  if (!m) return;
  const [, colon, num, sep, rest] = m as unknown as [string, string, string, string | undefined, string];
  if (!num || /^[.…_]+$/u.test(num)) {
    if (party && colon) report(ref, 'partyColon', { found, src });
    return;
  }
  if (!/^\d+$/u.test(num)) {
    if (/^[IVXLC]+$/u.test(num) || /^\p{L}+$/u.test(num)) report(ref, 'numberDigits', { found: num, src });
    return;
  }
  let symbol: string | undefined;
  if (party) {
    if (colon) report(ref, 'partyColon', { found, src });
    // Số 95-KH/ĐU: the kind before the slash
    const pm = /^-\s*([^/\s]+)\s*\/\s*\S/u.exec(`${sep ?? ''}${rest}`);
    if (!pm) {
      if (!colon) report(ref, 'partyForm', { found, src });
      return;
    }
    symbol = pm[1];
  } else if (form.body === 'state') {
    const partyShape = sep === '-' && /^[^/\s]+\s*\/\s*\S/u.test(rest);
    if (partyShape || sep !== '/') {
      report(ref, 'numberForm', { found, src });
      return;
    }
    if (!colon) report(ref, 'numberColon', { found, src });
    // a legal normative document's number carries its year ("Số: 12/2026/QĐ-UBND"): its form is another decree's
    if (/^\d{4}\s*\//u.test(rest)) return;
    // "Số: 12/KH/UBND": a kind followed by "/" instead of "-" before the body
    const groups = rest.split('/');
    if (groups.length > 1 && kindsByAbbr(groups[0]!.trim()).length) {
      report(ref, 'numberForm', { found, src });
      return;
    }
    if (num.length === 1) report(ref, 'numberZero', { found: num, expected: found.replace(/^(Số\s*:\s*)(\d)/u, '$10$2'), src });
    // Số: 12/KH-UBND: the kind after the slash, before the first hyphen
    symbol = /^([^-\s]+)-/u.exec(rest)?.[1];
  } else {
    // a mass organisation or an unknown body: no form to hold the number to; its kind by the number's shape
    symbol = sep === '-' ? /^([^/\s]+)\s*\//u.exec(rest)?.[1] : /^([^-\s/]+)-/u.exec(rest)?.[1];
  }
  if (!symbol || !form.kind) return;
  checkKind(ref, symbol, form, report, t);
}

function checkKind(ref: TextRef, symbol: string, form: DocForm, report: Report, t: (b: { vi: string; en: string }) => string): void {
  const kind = form.kind!;
  // a joint document adds LT (liên tịch): KHLT, TTrLT
  const core = symbol.replace(/LT$/u, '') || symbol;
  const named = kindsByAbbr(core);
  if (!named.length || named.includes(kind)) return;
  const expected = abbrOf(kind, form.body);
  if (!expected) return;
  report(ref, 'kindMismatch', { found: symbol, kind: kind.name, expected, src: form.body === 'party' ? t(HD36) : `${t(ND)}, ${t({ vi: 'Phụ lục III', en: 'Appendix III' })}` });
}

// ---------- place and date ----------

// regex-safe: an issuer or place line of the header; the spaces before the name are matched once
const UNIT = /(?:^|\s)(PHƯỜNG|XÃ(?!\s+HỘI)|THỊ TRẤN|ĐẶC KHU)\s+(\S.*|\s)$/u;

function checkPlaceDate(tree: PlanRoot, report: Report, t: (b: { vi: string; en: string }) => string): void {
  const ref = tree.meta.placeDate;
  if (!ref) return;
  const text = ref.node.value.slice(ref.start, ref.end);
  const src = tree.meta.kind === 'party' ? t(HD36) : t(PL1);
  const comma = text.indexOf(',');
  const at = (re: RegExp): TextRef | undefined => {
    const m = re.exec(text.slice(comma));
    return m ? { node: ref.node, start: ref.start + comma + m.index, end: ref.start + comma + m.index + m[0].length } : undefined;
  };
  // the date in words: "ngày 05 tháng 02 năm 2026"
  const numeric = /ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}/u.exec(text);
  if (numeric) {
    report({ node: ref.node, start: ref.start + numeric.index, end: ref.start + numeric.index + numeric[0].length }, 'dateWords', { found: numeric[0], src });
  } else {
    const day = at(/ngày\s+(\d{1,2})(?=\s+tháng)/u);
    if (day) {
      const d = /\d+/u.exec(ref.node.value.slice(day.start, day.end))![0];
      if (d.length === 1 && d !== '0') report(day, 'dayZero', { found: `ngày ${d}`, expected: `ngày 0${d}`, src });
    }
    const month = at(/tháng\s+(\d{1,2})(?=\s+năm)/u);
    if (month) {
      const mo = /\d+/u.exec(ref.node.value.slice(month.start, month.end))![0];
      if (mo === '1' || mo === '2') report(month, 'monthZero', { found: `tháng ${mo}`, expected: `tháng 0${mo}`, src });
    }
  }
  // a ward's or commune's document is dated at its own name
  const place = tree.meta.place;
  const issuer = [tree.meta.superiorBody, tree.meta.issuingBody].filter(Boolean).join(' ');
  if (!place || !issuer || tree.meta.issuer?.level !== 'commune') return;
  let own: string | undefined;
  for (const part of issuer.split(/(?<!\s)\s+(?=(?:PHƯỜNG|XÃ|THỊ TRẤN|ĐẶC KHU)\s)/u)) {
    const m = UNIT.exec(part);
    if (m) own = squash(m[2]!.split(/,|(?<!\s)\s+(?:ĐẢNG ỦY|ĐẢNG UỶ|CHI BỘ|BAN|ỦY BAN|UỶ BAN|HỘI ĐỒNG|ĐẢNG BỘ|HUYỆN|QUẬN|THỊ XÃ|TỈNH|THÀNH PHỐ)\s/u)[0]!);
  }
  if (!own) return;
  const fold = (s: string): string => squash(s).toLowerCase().normalize('NFC').replace(/^(phường|xã|thị trấn|đặc khu)\s+/u, '').replace(/oà/g, 'òa').replace(/uỷ/g, 'ủy');
  const [a, b] = [fold(place), fold(own)];
  if (!a || !b || a === b || a.includes(b) || b.includes(a)) return;
  const placeRef = { node: ref.node, start: ref.start + (text.length - text.trimStart().length), end: ref.start + comma };
  if (comma < 0) return;
  report(placeRef, 'placeIssuer', { found: squash(place), expected: titleCase(own), src });
}

function titleCase(s: string): string {
  // Vietnamese has no casing rules of its own (Unicode's special casing is Lithuanian, Turkish and Azeri):
  // the plain conversions, which do not load ICU's locale data
  return s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

// ---------- national motto, Party heading ----------

function checkHeading(tree: PlanRoot, form: DocForm, report: Report, t: (b: { vi: string; en: string }) => string): void {
  const header = tree.children.find((c) => c.type === 'header');
  if (!header) return;
  const paras = paragraphsOf(header.children);
  const all = paras.flatMap((p) => splitLines(p));
  const national = all.find((l) => NATIONAL.test(l.text));
  const partyName = all.find((l) => PARTY_NAME.test(l.text));
  const mottoLike = all.find((l) => /^Độc\s+lập\b/iu.test(l.text) || /^ĐỘC\s+LẬP\b/u.test(l.text));
  const anchor = tree.meta.numberLine ?? tree.meta.placeDate ?? { node: paras[0]!, start: 0, end: paras[0]!.value.length };
  if (form.body === 'party') {
    const src = t(HD36);
    if (national) report(national.ref, 'partyNational', { src });
    else if (!partyName) report(anchor, 'partyMissing', { src }, true);
    return;
  }
  if (form.body === 'unknown' && partyName) return;
  const src = t(PL1);
  if (!national) {
    // mass organisations head their documents their own way (ĐOÀN TNCS HỒ CHÍ MINH …)
    if (form.body === 'state') report(anchor, 'nationalMissing', { src }, true);
    return;
  }
  if (!mottoLike) {
    report(national.ref, 'mottoMissing', { src }, true);
    return;
  }
  if (!isMotto(mottoLike.text)) {
    // the words are right but the dashes are not hyphens: a lesser departure
    const dashOnly = MOTTO_WORDS.test(mottoLike.text) && /^Độc lập/u.test(mottoLike.text);
    report(mottoLike.ref, 'mottoWording', { found: mottoLike.text, src }, dashOnly);
  }
  const i = all.indexOf(national);
  const j = all.indexOf(mottoLike);
  if (j < i) report(mottoLike.ref, 'mottoOrder', { src });
}

/** The motto exactly: hyphens between the phrases. */
function isMotto(s: string): boolean {
  return /^Độc lập - Tự do - Hạnh phúc$/u.test(squash(s));
}

function splitLines(p: ParagraphNode): { text: string; ref: TextRef }[] {
  return linesOf(p).map((l) => ({ text: l.text, ref: { node: p, start: l.start, end: l.end } }));
}

// ---------- signature ----------

function issuerText(tree: PlanRoot): string {
  return `${tree.meta.issuer?.superior ?? tree.meta.superiorBody ?? ''} ${tree.meta.issuer?.name ?? tree.meta.issuingBody ?? ''}`;
}

const PARTY_COMMITTEE = /ĐẢNG\s+(ỦY|UỶ|BỘ)|CHI\s+BỘ|(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(ỦY|UỶ)|BAN\s+CHẤP\s+HÀNH\s+ĐẢNG|TRUNG\s+ƯƠNG\s+ĐẢNG/u;

const PERSON_TITLE = /^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|CHÁNH THANH TRA|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|BỘ TRƯỞNG|HIỆU TRƯỞNG)$/u;

function checkSignature(lines: FormLine[], sig: SignatureNode, form: DocForm, report: Report, t: (b: { vi: string; en: string }) => string): void {
  const auth = lines.filter((l) => l.role === 'authority');
  if (!auth.length) return;
  const party = form.body === 'party';
  const src = party ? t(HD36) : `${t(ND)}, ${t({ vi: 'Điều 13 và Phụ lục I, mục II.7', en: 'Article 13 and Appendix I, item II.7' })}`;
  for (const a of auth) {
    const m = /^(TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.)\s*(\S.*|\s?)$/u.exec(a.text);
    if (!m) continue;
    const [, prefix, what] = m as unknown as [string, string, string];
    const stateForm: Record<string, string> = { 'T/M': 'TM.', 'K/T': 'KT.' };
    const partyForm: Record<string, string> = { 'TM.': 'T/M', 'KT.': 'K/T' };
    const wrong = form.body === 'state' ? stateForm[prefix] : party ? partyForm[prefix] : undefined;
    if (wrong) {
      const body = party ? t({ vi: 'văn bản của Đảng', en: 'a Party document' }) : t({ vi: 'văn bản của cơ quan nhà nước', en: 'a state body\'s document' });
      report({ ...a.ref, end: a.ref.start + prefix.length }, 'authorityForm', { found: prefix, expected: wrong, body, src });
    }
    if ((prefix === 'TM.' || prefix === 'T/M') && PERSON_TITLE.test(squash(what))) report(a.ref, 'tmPerson', { found: a.text, src });
  }
  const last = auth[auth.length - 1]!;
  const title = lines.find((l) => l.role === 'signTitle');
  const km = /^(KT\.|K\/T)\s*(\S.*|\s)$/u.exec(last.text);
  // the title under the KT. line, in the same column (a joint document's blocks stand side by side)
  const sameColumn = !!title && last.ref.node.loc.table?.table === title.ref.node.loc.table?.table && last.ref.node.loc.table?.cell === title.ref.node.loc.table?.cell;
  if (km && title && sameColumn && squash(km[2]!) === squash(title.text)) {
    report(title.ref, 'ktSameTitle', { found: last.text, title: title.text, head: squash(km[2]!), src });
  }
  if (km && !title) report(last.ref, 'titleMissing', { found: last.text, src }, true);
  // the name: only when the block is laid out (title found) and no name follows it
  if (title && !lines.some((l) => l.role === 'signer') && !hasBlankName(sig)) report(title.ref, 'signerMissing', { src }, true);
}

/** A name left for later ("…", dots) is blank-field's concern, not a missing element. */
function hasBlankName(sig: SignatureNode): boolean {
  return paragraphsOf(sig.children).some((p) => /^[\s.…_]{3,}$/u.test(p.value));
}

// ---------- Nơi nhận ----------

function checkRecipients(lines: FormLine[], form: DocForm, report: Report, t: (b: { vi: string; en: string }) => string): void {
  const head = lines.find((l) => l.role === 'recipientsHead');
  if (!head) return;
  const items = lines.filter((l) => l.role === 'recipient');
  if (!items.length) return;
  if (items.some((l) => /^[-+•–]?\s*Lưu\b/u.test(l.text))) return;
  const party = form.body === 'party';
  const expected = party ? '- Lưu Văn phòng …' : '- Lưu: VT, …';
  report(items[items.length - 1]!.ref, 'recipientsLuu', { expected, src: party ? t(HD36) : t(PL1) }, true);
}
