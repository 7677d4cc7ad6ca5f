// blank-field — placeholders left empty (số, ngày tháng để trống).
// The document's own number and date are filled in when it is issued, wherever they
// stand (header, appendix captions, "Kèm theo …", the companion Tờ trình, the signers'
// date lines): warnings in a draft, errors at stage "final". Blanks inside a form
// template are the form's, not the author's, and are not reported. Every other blank
// in the author's own text is an error.
import type { ParagraphNode, RuleContext, RuleModule, TextRef } from '../src/types.js';
import type { DateMention } from '../src/extract/dates.js';
import { kindName } from '../src/plan/model.js';

/** A caption of an attached document or appendix: "(Kèm theo Kế hoạch số …)", "(Ban hành kèm theo Quyết định …)", "(Được phê duyệt tại Quyết định …)". */
const CAPTION = /^\s*(?:[(\[]\s*)?(?:Ban\s+hành\s+|Đính\s+|Được\s+)?(?:kèm\s+theo|phê\s+duyệt\s+(?:tại|theo|kèm)|thông\s+qua)(?!\p{L})/iu;
/** "… được phê duyệt tại Quyết định số …", "… ban hành kèm theo Quyết định số …": the decision that approves the document, issued with it. */
const APPROVED_IN = /(?:phê\s+duyệt|ban\s+hành|công\s+nhận)\s+(?:tại|theo|kèm\s+theo)\s+Quyết\s+định/iu;
/** "Theo đề nghị của Giám đốc Sở … tại Văn bản số …/STP-HC ngày …": the submission a draft decision goes with, numbered when it is issued. */
const PROPOSAL = /^\s*(?:Theo|Xét)\s+đề\s+nghị(?!\p{L})/u;
/** Just before a citation: "… đề nghị / đề xuất của Sở Nội vụ tại": the request this document answers, cited in it. */
const REQUEST_BEFORE = /(?:đề\s+nghị|đề\s+xuất)[^;]{0,160}\stại\s*$/iu;
/** Just before a citation: "(Kèm theo": a document issued with this one. */
const ATTACHED_BEFORE = /kèm\s+theo\s*$/iu;
/** Just before a date: "… thông qua" (adopted by a congress or a council). */
const ADOPTED_BEFORE = /thông\s+qua\s*$/iu;
/** A date line standing alone (a signer's date, "Hà Nội, ngày … tháng … năm …"): filled when signed. */
const DATE_LINE = /^\s*(?:[^,\n]{2,40},\s*)?ngày[\s.…_\d]*tháng[\s.…_\d]*năm[\s.…_\d]*$/iu;

// leftovers where a value belongs: "…/…", "[…]", "[...]", "____", "xx" (lower case: upper-case XX is a Roman numeral);
// "./." is the end mark of a Vietnamese document, not a blank (skipped below)
// a chain "…/…/…" is one blank, not one a pair.
// regex-safe: the dotted parts are bounded ({1,6}), each link of a chain starts with "/", and "[" starts the bracket part
const LEFTOVER = /(?<![\p{L}\d])(?:[.…]{1,6}(?:\s*\/\s*[.…]{1,6})+|\[(?:\s*(?:…|\.{2,})\s*|\s+)\]|_{3,}|xxx?)(?![\p{L}\d])/gu;

export const rule: RuleModule = {
  meta: {
    id: 'blank-field',
    description: {
      vi: 'Không để trống số, ngày tháng và các chỗ cần điền',
      en: 'No number, date or placeholder left blank',
    },
    docs: 'docs/rules/blank-field.md',
    defaultSeverity: 'error',
    fixable: false,
    // a law, decree or circular leaves no fill-in blanks of an office's own: its dates are set when it is passed
    normative: false,
    messages: {
      ownNumber: {
        vi: 'Số của văn bản "{found}" chưa điền — điền khi ban hành',
        en: 'The document\'s number "{found}" is not filled in — fill it in when the document is issued',
      },
      ownDate: {
        vi: 'Ngày ban hành "{found}" chưa điền đủ {missing} — điền khi ban hành',
        en: 'The document\'s date "{found}" lacks the {missing} — fill it in when the document is issued',
      },
      companion: {
        vi: 'Số, ngày của văn bản đi kèm "{found}" chưa điền — điền khi ban hành',
        en: 'The number or date of the accompanying document "{found}" is not filled in — fill it in when it is issued',
      },
      cited: {
        vi: 'Số, ngày của văn bản được viện dẫn "{found}" (tờ trình, văn bản đề nghị) để trống — ghi số, ngày của văn bản đó trước khi ban hành',
        en: 'The number or date of the cited document "{found}" (a submission or request) is blank — write that document\'s number and date before issuing',
      },
      signDate: {
        vi: 'Ngày ký "{found}" chưa điền — điền khi ký',
        en: 'The signing date "{found}" is not filled in — fill it in when signing',
      },
      citationNumber: {
        vi: 'Số của {type} "{found}" để trống — cần ghi số văn bản',
        en: 'The number of the {type} "{found}" is blank — write the document number',
      },
      date: {
        vi: 'Ngày "{found}" để trống {missing}',
        en: 'Date "{found}" has a blank {missing}',
      },
      leftover: {
        vi: 'Còn chỗ trống chưa điền "{found}"',
        en: 'A placeholder is left unfilled: "{found}"',
      },
    },
  },
  create(context) {
    return {
      'plan:exit'() {
        check(context);
      },
    };
  },
};

function missingParts(d: DateMention, lang: 'vi' | 'en'): string {
  const parts: string[] = [];
  if (d.day === undefined) parts.push(lang === 'vi' ? 'ngày' : 'day');
  if (d.month === undefined) parts.push(lang === 'vi' ? 'tháng' : 'month');
  if (d.year === undefined) parts.push(lang === 'vi' ? 'năm' : 'year');
  return parts.join(lang === 'vi' ? ', ' : ', ');
}

function check(context: RuleContext): void {
  const { lang } = context;
  const ownSeverity = context.settings.stage === 'final' ? 'error' : 'warn';
  const slice = (r: TextRef): string => r.node.value.slice(r.start, r.end);
  // what is already flagged, by paragraph: disjoint ranges sorted by start (a binary search, not a
  // scan of every earlier finding: a form can have thousands of blanks in one paragraph)
  const flagged = new Map<TextRef['node'], TextRef[]>();
  const report = (d: Parameters<RuleContext['report']>[0]): void => {
    if (d.range) {
      const r = d.range;
      let list = flagged.get(r.node);
      if (!list) flagged.set(r.node, (list = []));
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.start < r.start) lo = mid + 1;
        else hi = mid;
      }
      const prev = list[lo - 1];
      const next = list[lo];
      if ([prev, next].some((f) => f && r.start < f.end && r.end > f.start)) return;
      list.splice(lo, 0, r);
    }
    context.report(d);
  };

  // the plan's own number and date
  const own = context.extract.ownNumber();
  // a number in a form the extractor does not know ("Số: 20-01/26/PT-NC") is still a number
  const ownLine = context.tree.meta.numberLine;
  const ownWritten = ownLine ? /[Ss]ố(?:\s*[:.])?\s*\d/u.test(ownLine.node.value.slice(ownLine.start, ownLine.end)) : false;
  if (own?.blank && !ownWritten) {
    const line = context.tree.meta.numberLine!;
    report({ range: { node: line.node, start: line.start, end: line.end }, messageId: 'ownNumber', severity: ownSeverity, data: { found: slice(line) } });
  }
  const ownDate = context.extract.ownDate();
  if (ownDate?.blank) {
    report({ range: ownDate.ref, messageId: 'ownDate', severity: ownSeverity, data: { found: slice(ownDate.ref), missing: missingParts(ownDate, lang) } });
  }

  const kind = context.tree.meta.docKind;
  const ownName = kind === 'unknown' ? '' : kindName(kind, 'vi').toLowerCase();
  // captions, and the lines that carry on a caption whose bracket is still open
  const captions = new Set<ParagraphNode>();
  let open = false;
  for (const p of context.extract.paragraphs()) {
    if (CAPTION.test(p.value) || APPROVED_IN.test(p.value) || (open && !p.label)) captions.add(p);
    const depth = (p.value.match(/\(/g) ?? []).length - (p.value.match(/\)/g) ?? []).length;
    open = captions.has(p) ? depth > 0 || (open && depth === 0 && !/\)\s*$/u.test(p.value)) : false;
  }
  const isCaption = (p: ParagraphNode): boolean => captions.has(p);
  // a request the document cites: in the clause "Theo đề nghị của … tại …" (up to the first ";")
  // or right after "… đề nghị / đề xuất của … tại"
  const before = (p: ParagraphNode, at: number): string => p.value.slice(Math.max(0, at - 200), at);
  const proposal = (p: ParagraphNode, at: number): boolean =>
    (PROPOSAL.test(p.value) && !p.value.slice(0, at).includes(';')) || REQUEST_BEFORE.test(before(p, at));
  // a document issued with this one: right after "(Kèm theo …"
  const attached = (p: ParagraphNode, at: number): boolean => ATTACHED_BEFORE.test(before(p, at));
  const companionSeverity = ownSeverity;

  // citations with a blank number ("Kế hoạch - KH/ĐU", "Quyết định số /QĐ-UBND")
  const blankCitations = new Set<string>(); // dates of attached documents (captions)
  const ownCaptionDates = new Set<string>(); // the document's own date repeated in a caption ("Kèm theo Quyết định số … ngày …" in a decision)
  const blankCited = new Set<string>(); // dates of the submissions a draft cites (its recital)
  const at = (d: DateMention): string => `${d.ref.node.loc.ordinal}:${d.ref.node.loc.part ?? ''}:${d.ref.start}`;
  for (const c of context.extract.citations()) {
    if (c.number) continue;
    if (c.node.template) continue;
    const range: TextRef = { node: c.node, start: c.ref.start, end: c.numberRef.end };
    const found = slice(range);
    // the document's own number in a caption: a warning while its own number is blank too
    const citesSelf = ownName !== '' && c.typeKey === ownName;
    if ((isCaption(c.node) || attached(c.node, c.ref.start)) && (!citesSelf || !own || own.blank)) {
      if (c.date) (citesSelf ? ownCaptionDates : blankCitations).add(at(c.date));
      report({ range, messageId: citesSelf ? 'ownNumber' : 'companion', severity: companionSeverity, data: { found } });
      continue;
    }
    // the Tờ trình a draft goes with ("Theo đề nghị của Giám đốc Sở … tại Tờ trình số …") is numbered when it is issued
    if ((c.typeKey === 'tờ trình' && kind !== 'to-trinh') || proposal(c.node, c.ref.start)) {
      if (c.date) blankCited.add(at(c.date));
      report({ range, messageId: 'cited', severity: companionSeverity, data: { found } });
      continue;
    }
    report({ range, messageId: 'citationNumber', data: { type: c.type, found } });
  }

  // blank and partial dates anywhere else
  for (const d of context.extract.dates()) {
    if (!d.blank || d.ref.node.template) continue;
    const found = slice(d.ref);
    const data = { found, missing: missingParts(d, lang) };
    // the date a charter or regulation is adopted ("được Đại hội … thông qua ngày …") is its own date
    if (ADOPTED_BEFORE.test(d.ref.node.value.slice(Math.max(0, d.ref.start - 40), d.ref.start))) report({ range: d.ref, messageId: 'ownDate', severity: companionSeverity, data });
    else if (ownCaptionDates.has(at(d))) report({ range: d.ref, messageId: 'ownDate', severity: companionSeverity, data });
    else if (blankCitations.has(at(d)) || isCaption(d.ref.node) || attached(d.ref.node, d.ref.start)) report({ range: d.ref, messageId: 'companion', severity: companionSeverity, data });
    else if (blankCited.has(at(d)) || proposal(d.ref.node, d.ref.start)) report({ range: d.ref, messageId: 'cited', severity: companionSeverity, data });
    else if (DATE_LINE.test(lineAt(d.ref.node.value, d.ref.start))) report({ range: d.ref, messageId: 'signDate', severity: companionSeverity, data });
    else report({ range: d.ref, messageId: 'date', data });
  }

  // other leftovers
  for (const p of context.extract.paragraphs()) {
    if (p.template) continue;
    for (const m of p.value.matchAll(LEFTOVER)) {
      if (/^\.\s*\/\s*\.$/u.test(m[0])) continue; // "./." ends a document
      const range: TextRef = { node: p, start: m.index!, end: m.index! + m[0].length };
      report({ range, messageId: 'leftover', data: { found: m[0] } });
    }
  }
}

/** The line of a paragraph (split by line breaks) in which offset `at` stands. */
function lineAt(value: string, at: number): string {
  const from = value.lastIndexOf('\n', at - 1) + 1;
  const to = value.indexOf('\n', at);
  return value.slice(from, to < 0 ? value.length : to);
}
