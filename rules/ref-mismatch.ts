// ref-mismatch — one document, one number, one date (đối chiếu số, ngày văn bản được viện dẫn).
// The plan's basis (title and "Căn cứ/Thực hiện" preamble, otherwise the first
// full citation) fixes each cited document's number, date and issuer.
import type { RuleModule, RuleContext } from '../src/types.js';
import type { Citation } from '../src/extract/citations.js';
import { compareDates, daysInMonth, formatDate, type DateMention } from '../src/extract/dates.js';

const PLACE = {
  vi: { title: 'tên kế hoạch', preamble: 'phần căn cứ', header: 'phần đầu', body: 'mục', 'appendix-caption': 'chú thích phụ lục', appendix: 'phụ lục', closing: 'phần cuối' },
  en: { title: 'the title', preamble: 'the preamble', header: 'the header', body: 'section', 'appendix-caption': 'the appendix caption', appendix: 'the appendix', closing: 'the closing' },
};

function where(c: Citation, lang: 'vi' | 'en'): string {
  const p = PLACE[lang][c.place];
  return c.place === 'body' && c.path ? `${p} ${c.path}` : p;
}

const numberOf = (c: Citation): string => c.node.value.slice(c.numberRef.start, c.numberRef.end);
const dateText = (d: DateMention): string => d.ref.node.value.slice(d.ref.start, d.ref.end);

/** Words of a subject, for telling two documents of one series apart. */
function words(s: string | undefined): Set<string> {
  return new Set((s ?? '').toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 1));
}
function differentSubject(a: Citation, b: Citation): boolean {
  if (!a.subject || !b.subject) return false;
  const wa = words(a.subject);
  const wb = words(b.subject);
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.min(wa.size, wb.size) < 0.5;
}

/** Long and short names of one Party committee: "Ban Chấp hành Đảng bộ thành phố" is the "Thành ủy". */
function canonicalIssuer(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/uỷ/g, 'ủy')
    .replace(/^ban chấp hành đảng bộ thành phố/u, 'thành ủy')
    .replace(/^ban chấp hành đảng bộ tỉnh/u, 'tỉnh ủy')
    .replace(/^ban chấp hành đảng bộ (phường|xã|đặc khu)/u, 'đảng ủy $1')
    .trim();
}

/** "Ban Thường vụ Đảng ủy" and "Ban Thường vụ Đảng ủy phường" name one issuer; "Đảng ủy phường" is another. */
function sameIssuer(a: string, b: string): boolean {
  const x = canonicalIssuer(a);
  const y = canonicalIssuer(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

function uniqueByNumber(list: Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of list) if (!seen.has(c.number!) || (!seen.get(c.number!)!.date && c.date)) seen.set(c.number!, c);
  return [...seen.values()];
}

export const rule: RuleModule = {
  meta: {
    id: 'ref-mismatch',
    description: {
      vi: 'Một văn bản được viện dẫn phải có một số, một ngày và một cơ quan ban hành trong toàn kế hoạch',
      en: 'A cited document keeps one number, one date and one issuer throughout the plan',
    },
    docs: 'docs/rules/ref-mismatch.md',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      number: {
        vi: '{type} số "{found}" khác với số "{expected}" đã nêu ở {where}',
        en: '{type} number "{found}" differs from "{expected}" given in {where}',
      },
      date: {
        vi: '{type} số {number} ghi ngày "{found}" nhưng ở {where} ghi "{expected}"',
        en: '{type} {number} is dated "{found}" here but "{expected}" in {where}',
      },
      issuer: {
        vi: '{type} số {number} ghi của "{found}" nhưng ở {where} ghi của "{expected}"',
        en: '{type} {number} is attributed to "{found}" here but to "{expected}" in {where}',
      },
      impossibleDate: {
        vi: 'Ngày "{found}" không có thật (tháng {month} năm {year} có {days} ngày)',
        en: 'Date "{found}" does not exist (month {month} of {year} has {days} days)',
      },
      afterPlan: {
        vi: '{type} số {number} ghi ngày {found}, sau ngày ban hành kế hoạch ({expected})',
        en: '{type} {number} is dated {found}, after the plan itself ({expected})',
      },
      captionNumber: {
        vi: 'Chú thích phụ lục ghi Kế hoạch số "{found}" nhưng số của kế hoạch là "{expected}"',
        en: 'The appendix caption cites plan number "{found}" but this plan is number "{expected}"',
      },
      captionDate: {
        vi: 'Chú thích phụ lục ghi ngày "{found}" nhưng ngày của kế hoạch là "{expected}"',
        en: 'The appendix caption gives the date "{found}" but this plan is dated "{expected}"',
      },
      replace: { vi: 'Sửa thành "{text}"', en: 'Change to "{text}"' },
    },
  },
  create(context: RuleContext) {
    return {
      'plan:exit'() {
        check(context);
      },
    };
  },
};

function check(context: RuleContext): void {
  const lang = context.lang;
  const citations = context.extract.citations();
  const own = context.extract.ownNumber();
  const ownDate = context.extract.ownDate();
  const isOwn = (c: Citation): boolean => c.place === 'appendix-caption' && c.typeKey === 'kế hoạch' && (!own?.code || c.code === own.code);

  // 1. The basis: title and preamble; then the first full citation of each series elsewhere.
  const basis = citations.filter((c) => (c.place === 'title' || c.place === 'preamble') && c.number);
  const firstOf = new Map<string, Citation>();
  for (const c of citations) {
    if (!c.number || isOwn(c)) continue;
    const k = `${c.family}|${c.number}`;
    if (!firstOf.has(k) && !basis.some((b) => b.family === c.family && b.number === c.number)) {
      if (!basis.some((b) => b.family === c.family) && c.date) firstOf.set(k, c);
    }
  }
  const reference = (c: Citation): Citation | undefined =>
    basis.find((b) => b.family === c.family && b.number === c.number && b !== c && (b.date || !c.date)) ??
    basis.find((b) => b.family === c.family && b.number === c.number && b !== c) ??
    firstOf.get(`${c.family}|${c.number}`);

  for (const c of citations) {
    // the plan naming itself is not a citation of another document
    if (!c.number || isOwn(c) || (own?.number && c.code === own.code && c.number === own.number)) continue;
    const sameSeries = uniqueByNumber(basis.filter((b) => b.family === c.family));
    const ref = reference(c);
    if (ref && ref !== c) {
      // same document: one date, one issuer
      if (c.date && ref.date && !c.date.blank && !ref.date.blank && compareDates(c.date, ref.date) !== 0) {
        context.report({
          range: c.date.ref,
          messageId: 'date',
          data: { type: c.type, number: numberOf(c), found: dateText(c.date), expected: dateText(ref.date), where: where(ref, lang) },
          suggestions: [{ messageId: 'replace', text: dateText(ref.date) }],
          fix: { range: c.date.ref, text: dateText(ref.date) },
        });
      }
      if (c.issuer && ref.issuer && c.issuerRef && !sameIssuer(c.issuer, ref.issuer)) {
        context.report({
          range: c.issuerRef,
          messageId: 'issuer',
          severity: 'warn',
          data: { type: c.type, number: numberOf(c), found: c.issuer, expected: ref.issuer, where: where(ref, lang) },
          suggestions: [{ messageId: 'replace', text: ref.issuer }],
        });
      }
      continue;
    }
    if (sameSeries.length === 0 || sameSeries.some((b) => b.number === c.number)) continue;
    // another number in a series the basis fixes: the same document miswritten, unless something shows it is another one
    let expected: Citation | undefined;
    if (sameSeries.length === 1) expected = sameSeries[0];
    else if (c.date) expected = sameSeries.find((b) => b.date && compareDates(b.date, c.date!) === 0);
    if (!expected || differentSubject(c, expected)) continue;
    const exp = numberOf(expected);
    context.report({
      range: c.numberRef,
      messageId: 'number',
      data: { type: c.type, found: numberOf(c), expected: exp, where: where(expected, lang) },
      suggestions: [{ messageId: 'replace', text: exp }],
      fix: { range: c.numberRef, text: exp },
    });
    if (c.date && expected.date && !c.date.blank && compareDates(c.date, expected.date) !== 0) {
      context.report({
        range: c.date.ref,
        messageId: 'date',
        data: { type: c.type, number: exp, found: dateText(c.date), expected: dateText(expected.date), where: where(expected, lang) },
        suggestions: [{ messageId: 'replace', text: dateText(expected.date) }],
        fix: { range: c.date.ref, text: dateText(expected.date) },
      });
    }
  }

  // 2. Dates that cannot exist, anywhere in the plan.
  for (const d of context.extract.dates()) {
    if (d.blank || d.valid || d.month === undefined || d.month < 1 || d.month > 12) continue;
    context.report({
      range: d.ref,
      messageId: 'impossibleDate',
      data: { found: dateText(d), month: d.month, year: d.year!, days: daysInMonth(d.month, d.year!) },
    });
  }

  // 3. A cited document cannot be younger than the plan that cites it.
  if (ownDate && ownDate.year !== undefined && ownDate.month !== undefined) {
    for (const c of citations) {
      if (!c.date || c.date.blank || !c.date.valid || isOwn(c)) continue;
      const cmp = compareDates(c.date, ownDate);
      if (cmp !== undefined && cmp > 0) {
        context.report({
          range: c.date.ref,
          messageId: 'afterPlan',
          data: { type: c.type, number: numberOf(c), found: formatDate(c.date), expected: formatDate(ownDate) },
        });
      }
    }
  }

  // 4. The appendix caption repeats the plan's own number and date.
  for (const c of citations) {
    if (!isOwn(c)) continue;
    if (own && own.number && c.number && (c.number !== own.number || c.code !== own.code)) {
      const expected = own.ref.node.value.slice(own.ref.start, own.ref.end);
      context.report({
        range: c.numberRef,
        messageId: 'captionNumber',
        data: { found: numberOf(c), expected },
        suggestions: [{ messageId: 'replace', text: expected }],
        fix: { range: c.numberRef, text: expected },
      });
    }
    if (ownDate && !ownDate.blank && c.date && !c.date.blank && compareDates(c.date, ownDate) !== 0) {
      context.report({
        range: c.date.ref,
        messageId: 'captionDate',
        data: { found: dateText(c.date), expected: formatDate(ownDate) },
        suggestions: [{ messageId: 'replace', text: `ngày ${formatDate(ownDate)}` }],
      });
    }
  }
}
