// blank-field — placeholders left empty (số, ngày tháng để trống).
// The plan's own number and date are filled in when it is issued: warnings in a
// draft, errors at stage "final". Every other blank is an error.
import type { RuleContext, RuleModule, TextRef } from '../src/types.js';
import type { DateMention } from '../src/extract/dates.js';

// leftovers where a value belongs: "…/…", "[…]", "[...]", "____", "xx" (lower case: upper-case XX is a Roman numeral)
// regex-safe: the dotted parts are bounded ({1,6}) and "[" starts the bracket part; linear in practice
const LEFTOVER = /(?<![\p{L}\d])(?:[.…]{1,6}\s*\/\s*[.…]{1,6}|\[(?:\s*(?:…|\.{2,})\s*|\s+)\]|_{3,}|xxx?)(?![\p{L}\d])/gu;

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
    messages: {
      ownNumber: {
        vi: 'Số của kế hoạch "{found}" chưa điền — điền khi ban hành',
        en: 'The plan\'s number "{found}" is not filled in — fill it in when the plan is issued',
      },
      ownDate: {
        vi: 'Ngày ban hành "{found}" chưa điền đủ {missing} — điền khi ban hành',
        en: 'The plan\'s date "{found}" lacks the {missing} — fill it in when the plan is issued',
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
  const flagged: TextRef[] = [];
  const overlaps = (r: TextRef): boolean => flagged.some((f) => f.node === r.node && r.start < f.end && r.end > f.start);
  const report = (d: Parameters<RuleContext['report']>[0]): void => {
    if (d.range) {
      if (overlaps(d.range)) return;
      flagged.push(d.range);
    }
    context.report(d);
  };

  // the plan's own number and date
  const own = context.extract.ownNumber();
  if (own?.blank) {
    const line = context.tree.meta.numberLine!;
    report({ range: { node: line.node, start: line.start, end: line.end }, messageId: 'ownNumber', severity: ownSeverity, data: { found: slice(line) } });
  }
  const ownDate = context.extract.ownDate();
  if (ownDate?.blank) {
    report({ range: ownDate.ref, messageId: 'ownDate', severity: ownSeverity, data: { found: slice(ownDate.ref), missing: missingParts(ownDate, lang) } });
  }

  // citations with a blank number ("Kế hoạch - KH/ĐU", "Quyết định số /QĐ-UBND")
  for (const c of context.extract.citations()) {
    if (c.number) continue;
    const range: TextRef = { node: c.node, start: c.ref.start, end: c.numberRef.end };
    report({ range, messageId: 'citationNumber', data: { type: c.type, found: slice(range) } });
  }

  // blank and partial dates anywhere else
  for (const d of context.extract.dates()) {
    if (!d.blank) continue;
    report({ range: d.ref, messageId: 'date', data: { found: slice(d.ref), missing: missingParts(d, lang) } });
  }

  // other leftovers
  for (const p of context.extract.paragraphs()) {
    for (const m of p.value.matchAll(LEFTOVER)) {
      const range: TextRef = { node: p, start: m.index!, end: m.index! + m[0].length };
      report({ range, messageId: 'leftover', data: { found: m[0] } });
    }
  }
}
