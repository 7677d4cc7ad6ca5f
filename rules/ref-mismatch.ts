// ref-mismatch — one document, one number, one date (đối chiếu số, ngày văn bản được viện dẫn).
// Mentions are grouped into documents by their identity (src/extract/identity.ts); the basis
// (title and "Căn cứ/Thực hiện" preamble), else what most mentions say, fixes each document's
// date and issuer; another number is reported only where the evidence says it is the same document.
import type { RuleModule, RuleContext } from '../src/types.js';
import type { Citation } from '../src/extract/citations.js';
import { compareDates, daysInMonth, formatDate, type DateMention } from '../src/extract/dates.js';
import { identityOf, ownKind } from '../src/extract/citations.js';
import { relate, sameIssuer, type DocIdentity, type Evidence } from '../src/extract/identity.js';

const PLACE = {
  vi: { title: 'tên kế hoạch', preamble: 'phần căn cứ', header: 'phần đầu', body: 'mục', 'appendix-caption': 'chú thích phụ lục', appendix: 'phụ lục', closing: 'phần cuối' },
  en: { title: 'the title', preamble: 'the preamble', header: 'the header', body: 'section', 'appendix-caption': 'the appendix caption', appendix: 'the appendix', closing: 'the closing' },
};

/** Where a mention stands, for messages; the title of a document other than a plan is "tên văn bản". */
function where(c: Citation, context: RuleContext): string {
  const lang = context.lang;
  const kind = context.tree.meta.docKind;
  const p = c.place === 'title' && lang === 'vi' && kind && kind !== 'ke-hoach' && kind !== 'unknown' ? 'tên văn bản' : PLACE[lang][c.place];
  return c.place === 'body' && c.path ? `${p} ${c.path}` : p;
}

const numberOf = (c: Citation): string => c.node.value.slice(c.numberRef.start, c.numberRef.end);
const dateText = (d: DateMention): string => d.ref.node.value.slice(d.ref.start, d.ref.end);

const EVIDENCE: Record<Evidence | 'companion' | 'year', { vi: string; en: string }> = {
  'same-number': { vi: 'cùng số', en: 'the same number' },
  'code-order': { vi: 'cùng số, các phần ký hiệu đổi chỗ', en: 'the same number with the parts of its code in another order' },
  'same-subject': { vi: 'cùng trích yếu "{subject}"', en: 'the same subject "{subject}"' },
  'date-issuer': { vi: 'cùng ngày {date}, cùng cơ quan ban hành, số chỉ khác một chữ số', en: 'the same date {date} and issuer, a number one keystroke away' },
  title: {
    vi: 'là văn bản mà tên (trích yếu) nêu; chỗ này không ghi ngày hay trích yếu của văn bản nào khác',
    en: 'it is the document the title is about; this mention gives no date or subject of another one',
  },
  companion: { vi: 'nêu cùng {other} như ở {where}', en: 'cited together with {other} as in {where}' },
  year: { vi: 'số văn bản mang năm {year}', en: 'the number carries the year {year}' },
};

function evidenceText(lang: 'vi' | 'en', e: Evidence | 'companion' | 'year', data: Record<string, string>): string {
  return EVIDENCE[e][lang].replace(/\{(\w+)\}/g, (_, k: string) => data[k] ?? '');
}

export const rule: RuleModule = {
  meta: {
    id: 'ref-mismatch',
    description: {
      vi: 'Một văn bản được viện dẫn phải có một số, một ngày và một cơ quan ban hành trong toàn văn bản',
      en: 'A cited document keeps one number, one date and one issuer throughout the document',
    },
    docs: 'docs/rules/ref-mismatch.md',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      number: {
        vi: '{type} số "{found}" khác với số "{expected}" đã nêu ở {where} — cùng một văn bản: {evidence}',
        en: '{type} number "{found}" differs from "{expected}" given in {where} — one document: {evidence}',
      },
      date: {
        vi: '{type} số {number} ghi ngày "{found}" nhưng ở {where} ghi "{expected}" — cùng một văn bản: {evidence}',
        en: '{type} {number} is dated "{found}" here but "{expected}" in {where} — one document: {evidence}',
      },
      yearDate: {
        vi: '{type} số {number} ghi ngày "{found}" nhưng số văn bản mang năm {year}{elsewhere}',
        en: '{type} {number} is dated "{found}" but its number carries the year {year}{elsewhere}',
      },
      issuer: {
        vi: '{type} số {number} ghi của "{found}" nhưng ở {where} ghi của "{expected}"',
        en: '{type} {number} is attributed to "{found}" here but to "{expected}" in {where}',
      },
      ownNumber: {
        vi: 'Văn bản tự dẫn số của mình là "{found}" nhưng số ở phần đầu là "{expected}" ({evidence})',
        en: 'The document cites its own number as "{found}" but its header says "{expected}" ({evidence})',
      },
      impossibleDate: {
        vi: 'Ngày "{found}" không có thật (tháng {month} năm {year} có {days} ngày)',
        en: 'Date "{found}" does not exist (month {month} of {year} has {days} days)',
      },
      afterPlan: {
        vi: '{type} số {number} ghi ngày {found}, sau ngày ban hành văn bản này ({expected})',
        en: '{type} {number} is dated {found}, after the document itself ({expected})',
      },
      captionNumber: {
        vi: 'Chú thích phụ lục ghi {type} số "{found}" nhưng số của văn bản là "{expected}"',
        en: 'The appendix caption cites {type} number "{found}" but this document is number "{expected}"',
      },
      captionDate: {
        vi: 'Chú thích phụ lục ghi ngày "{found}" nhưng ngày của văn bản ở phần đầu là "{expected}"',
        en: 'The appendix caption gives the date "{found}" but the header dates this document "{expected}"',
      },
      crossNumber: {
        vi: '{type} số "{found}" khác với số "{expected}" của chính văn bản đó ({file}) — cùng một văn bản: {evidence}',
        en: '{type} number "{found}" differs from "{expected}", the number of that document itself ({file}) — one document: {evidence}',
      },
      crossDate: {
        vi: '{type} số {number} ghi ngày "{found}" nhưng chính văn bản đó ({file}) ghi ngày {expected} — cùng một văn bản: {evidence}',
        en: '{type} {number} is dated "{found}" here but {expected} in that document itself ({file}) — one document: {evidence}',
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

/** The mentions of one document (one full number, one identity), with the mention that fixes its facts. */
interface DocGroup {
  mentions: Citation[];
  basis: boolean;
  /** The mention whose number, date and issuer stand for the document. */
  ref: Citation;
  id: DocIdentity;
  merged?: boolean;
  mergedInto?: DocGroup;
}

function groupIdentity(g: DocGroup): DocIdentity {
  const issuers = new Map<string, number>();
  for (const m of g.mentions) if (m.issuer) issuers.set(m.issuer, (issuers.get(m.issuer) ?? 0) + 1);
  const issuer = g.ref.issuer ?? [...issuers].sort((a, b) => b[1] - a[1])[0]?.[0];
  const dated = g.ref.date && !g.ref.date.blank ? g.ref : g.mentions.find((m) => m.date && !m.date.blank);
  return {
    ...identityOf(g.ref),
    date: dated ? identityOf(dated).date : undefined,
    issuer,
    subject: g.ref.subject ?? g.mentions.find((m) => m.subject)?.subject,
  };
}

function check(context: RuleContext): void {
  const lang = context.lang;
  const citations = context.extract.citations();
  const own = context.extract.ownNumber();
  const ownDate = context.extract.ownDate();
  const kind = ownKind(context.tree, own);
  const ownCode = own?.code;
  // the appendix caption names the document itself ("Kèm theo Hướng dẫn số …")
  const isCaption = (c: Citation): boolean => c.place === 'appendix-caption' && (kind ? c.typeKey === kind : c.typeKey === 'kế hoạch') && (!ownCode || c.code === ownCode || relate({ kind: c.typeKey, number: own?.number ?? c.number, code: ownCode }, identityOf(c)).same || !own?.number);
  // the document naming itself by its number (any place)
  const selfRelation = (c: Citation): Evidence | undefined => {
    if (!own?.number || !ownCode || !kind || c.typeKey !== kind || c.number !== own.number) return undefined;
    const r = relate({ kind, number: own.number, code: ownCode }, identityOf(c));
    return r.same ? r.evidence : undefined;
  };

  // 1. Group the mentions into documents: the basis first (title, "Căn cứ/Thực hiện"), then in reading order.
  const numbered = citations.filter((c) => c.number && !isCaption(c));
  const isBasis = (c: Citation): boolean => c.place === 'title' || c.place === 'preamble';
  const ordered = [...numbered.filter(isBasis), ...numbered.filter((c) => !isBasis(c))];
  const groups: DocGroup[] = [];
  for (const c of ordered) {
    const self = selfRelation(c);
    if (self) {
      if (self === 'code-order') {
        const expected = own!.ref.node.value.slice(own!.ref.start, own!.ref.end);
        context.report({
          range: c.numberRef,
          messageId: 'ownNumber',
          data: { found: numberOf(c), expected, evidence: evidenceText(lang, 'code-order', {}) },
          suggestions: [{ messageId: 'replace', text: expected }],
          fix: { range: c.numberRef, text: expected },
        });
      }
      continue;
    }
    const id = identityOf(c);
    const g = groups.find((x) => x.id.number === id.number && x.id.code === id.code && (x.id.year ?? '') === (id.year ?? '') && relate(groupIdentity(x), id).same);
    if (g) {
      g.mentions.push(c);
      if ((!g.ref.date || g.ref.date.blank) && c.date && !c.date.blank && !g.basis) g.ref = c;
      g.id = groupIdentity(g);
    } else {
      const ng: DocGroup = { mentions: [c], basis: isBasis(c), ref: c, id: id };
      groups.push(ng);
    }
  }

  // 2. Within a document: one date, one issuer. Outside the basis, the date most mentions give stands for it.
  for (const g of groups) {
    if (!g.basis) {
      const count = (c: Citation): number => g.mentions.filter((m) => m.date && !m.date.blank && c.date && compareDates(m.date, c.date) === 0).length;
      const dated = g.mentions.filter((m) => m.date && !m.date.blank);
      const best = dated.reduce<Citation | undefined>((b, m) => (!b || count(m) > count(b) ? m : b), undefined);
      if (best) g.ref = best;
    }
    checkYear(context, g);
    checkDates(context, g, g.ref, 'same-number');
    checkIssuers(context, g, g.ref);
  }

  // 3. Another number that the evidence says is a document already cited, miswritten.
  const titleDocs = new Map<string, DocGroup>();
  for (const g of groups) {
    if (!g.mentions.some((m) => m.place === 'title')) continue;
    const family = `${g.id.kind}|${g.id.code}`;
    const others = groups.filter((x) => x !== g && `${x.id.kind}|${x.id.code}` === family && x.mentions.some((m) => m.place === 'title'));
    if (others.length === 0) titleDocs.set(family, g);
  }
  const rank = [...groups].sort((a, b) => Number(b.basis) - Number(a.basis) || b.mentions.length - a.mentions.length || groups.indexOf(a) - groups.indexOf(b));
  const accepted: DocGroup[] = [];
  for (const g of rank) {
    let hit: { h: DocGroup; evidence: Evidence | 'companion'; data: Record<string, string> } | undefined;
    for (const h of accepted) {
      if (g.basis && h.basis) break; // two documents of the basis are two documents
      const r = relate(h.id, g.id, { titleOf: titleDocs.get(`${h.id.kind}|${h.id.code}`) === h, basis: h.basis });
      if (r.same && r.evidence) {
        hit = { h, evidence: r.evidence, data: { subject: shortSubject(h.id.subject ?? g.id.subject), date: formatDate(h.id.date ?? {}) } };
        break;
      }
    }
    if (!hit && !g.basis) hit = companion(g, groups, context);
    if (!hit) {
      accepted.push(g);
      continue;
    }
    const { h } = hit;
    g.merged = true;
    g.mergedInto = h;
    const evidence = evidenceText(lang, hit.evidence, hit.data);
    const exp = numberOf(h.ref);
    for (const c of g.mentions) {
      context.report({
        range: c.numberRef,
        messageId: 'number',
        data: { type: c.type, found: numberOf(c), expected: exp, where: where(h.ref, context), evidence },
        suggestions: [{ messageId: 'replace', text: exp }],
        fix: { range: c.numberRef, text: exp },
      });
    }
    checkDates(context, { ...g, mentions: g.mentions }, h.ref, hit.evidence, evidence, exp);
  }

  // 4. Dates that cannot exist, anywhere in the document.
  for (const d of context.extract.dates()) {
    if (d.blank || d.valid || d.month === undefined || d.month < 1 || d.month > 12) continue;
    context.report({
      range: d.ref,
      messageId: 'impossibleDate',
      data: { found: dateText(d), month: d.month, year: d.year!, days: daysInMonth(d.month, d.year!) },
    });
  }

  // 5. A cited document cannot be younger than the document that cites it.
  if (ownDate && ownDate.year !== undefined && ownDate.month !== undefined) {
    for (const c of citations) {
      if (!c.date || c.date.blank || !c.date.valid || isCaption(c) || selfRelation(c)) continue;
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

  // 6. The appendix caption repeats the document's own number and date.
  for (const c of citations) {
    if (!isCaption(c)) continue;
    if (own && own.number && c.number && (c.number !== own.number || c.code !== own.code)) {
      const expected = own.ref.node.value.slice(own.ref.start, own.ref.end);
      context.report({
        range: c.numberRef,
        messageId: 'captionNumber',
        data: { type: c.type, found: numberOf(c), expected },
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

function shortSubject(s: string | undefined): string {
  const w = (s ?? '').split(/\s+/);
  return w.length > 10 ? `${w.slice(0, 10).join(' ')} …` : w.join(' ');
}

/** The number carries a year ("163/2024/QH15"): a date of another year is the miswritten one. */
function checkYear(context: RuleContext, g: DocGroup): void {
  const year = g.id.year ? Number(g.id.year) : undefined;
  if (year === undefined) return;
  const right = g.mentions.find((m) => m.date && !m.date.blank && m.date.year === year);
  for (const c of g.mentions) {
    if (!c.date || c.date.blank || c.date.year === undefined || c.date.year === year) continue;
    // a law is passed in its year; a date a year on is another act (taking effect), not the document's date
    const elsewhere = right ? ` (${context.lang === 'vi' ? 'ở' : 'in'} ${where(right, context)}: "${dateText(right.date!)}")` : '';
    context.report({
      range: c.date.ref,
      messageId: 'yearDate',
      data: { type: c.type, number: numberOf(c), found: dateText(c.date), year, elsewhere },
      suggestions: right ? [{ messageId: 'replace', text: dateText(right.date!) }] : undefined,
    });
  }
}

/** Mentions of one document that give another date than its reference mention. */
function checkDates(context: RuleContext, g: DocGroup, ref: Citation, evidence: Evidence | 'companion', evidenceShown?: string, number?: string): void {
  const lang = context.lang;
  const year = g.id.year ? Number(g.id.year) : undefined;
  if (!ref.date || ref.date.blank || (year !== undefined && ref.date.year !== year)) return;
  for (const c of g.mentions) {
    if (c === ref || !c.date || c.date.blank || compareDates(c.date, ref.date) === 0) continue;
    if (year !== undefined && c.date.year !== year) continue; // said by checkYear
    context.report({
      range: c.date.ref,
      messageId: 'date',
      data: {
        type: c.type,
        number: number ?? numberOf(c),
        found: dateText(c.date),
        expected: dateText(ref.date),
        where: where(ref, context),
        evidence: evidenceShown ?? evidenceText(lang, evidence, {}),
      },
      suggestions: [{ messageId: 'replace', text: dateText(ref.date) }],
      fix: { range: c.date.ref, text: dateText(ref.date) },
    });
  }
}

function checkIssuers(context: RuleContext, g: DocGroup, ref: Citation): void {
  const named = g.mentions.filter((m) => m.issuer && m.issuerRef);
  if (named.length < 2) return;
  // the issuer most mentions give stands for the document (the basis's when as many agree with it)
  const agree = (m: Citation): number => named.filter((x) => sameIssuer(x.issuer!, m.issuer!)).length;
  const basisNamed = ref.issuer ? ref : named.find((m) => isBasisPlace(m));
  let holder = basisNamed ?? named[0]!;
  for (const m of named) if (agree(m) > agree(holder)) holder = m;
  const refIssuer = holder.issuer!;
  for (const c of named) {
    if (sameIssuer(c.issuer!, refIssuer)) continue;
    context.report({
      range: c.issuerRef!,
      messageId: 'issuer',
      severity: 'warn',
      data: { type: c.type, number: numberOf(c), found: c.issuer!, expected: refIssuer, where: where(holder, context) },
      suggestions: [{ messageId: 'replace', text: refIssuer }],
    });
  }
}

/**
 * A mention that repeats the basis's pairing: "triển khai Chương trình 17-CTr/TU và Kế hoạch 89-KH/ĐU"
 * where the basis reads "Kế hoạch 95-KH/ĐU … về Chương trình 14-CTr/TU" and 17-CTr/TU is 14-CTr/TU
 * miswritten. The other number, with no subject of its own, stands for the basis's document of its series.
 */
function companion(
  g: DocGroup,
  groups: DocGroup[],
  context: RuleContext,
): { h: DocGroup; evidence: 'companion'; data: Record<string, string> } | undefined {
  if (g.id.subject || g.mentions.length !== 1) return undefined;
  const c = g.mentions[0]!;
  const family = `${g.id.kind}|${g.id.code}`;
  for (const other of groups) {
    const target = other.mergedInto;
    if (other === g || !target || !other.mentions.some((x) => x.node === c.node)) continue;
    for (const b of target.mentions) {
      if (!isBasisPlace(b)) continue;
      const pair = groups.find((x) => x.basis && x !== g && !x.merged && `${x.id.kind}|${x.id.code}` === family && x.mentions.some((y) => y.node === b.node));
      if (!pair || pair.mentions.length < 2) continue;
      if (g.id.issuer && !pair.mentions.some((y) => y.issuer && sameIssuer(y.issuer, g.id.issuer!))) continue;
      return { h: pair, evidence: 'companion', data: { other: numberOf(b), where: where(b, context) } };
    }
  }
  return undefined;
}

const isBasisPlace = (c: Citation): boolean => c.place === 'title' || c.place === 'preamble';
