// Dates in a plan, including blank and partial ones: "ngày 28/1/2026",
// "ngày 05 tháng 3 năm 2026", "ngày   tháng 4 năm 2026", "ngày /4/2026".
import type { ParagraphNode, TextRef } from '../types.js';

export interface DateMention {
  ref: TextRef; // the whole date expression, "ngày" included when present
  day?: number;
  month?: number;
  year?: number;
  style: 'numeric' | 'words';
  /** Some part is left blank (a placeholder to fill in). */
  blank: boolean;
  /** All parts present and the day exists in that month. */
  valid: boolean;
}

// The expressions below run on untrusted text in linear time: no two adjacent or nested
// quantifiers can match the same character, and a part that may be blank ("……", "   ")
// is only tried right after the literal "ngày"/"tháng"/"năm" (a few start positions),
// never at every position of a long run of dots or spaces. A run of blanks is one
// character class, so it is matched once and given back one character at a time at most.
//
// "ngày" + numbers with "/" separators; with "ngày" the day and month may be blank in drafts:
//   groups 1-3: "ngày 28/1/2026", "ngày   /4/2026", "ngày ……/……/2026"
// without "ngày", numbers only (a blank part there is not a date: "/2026" in a code):
//   groups 4-6: "28/1/2026";  groups 7-9: "28.1.2026", "28-1-2026"
const NUMERIC =
  /ngày(?:\s*(\d{1,2})\s*|[\s.…_]*)\/(?:\s*(\d{1,2})\s*|[\s.…_]*)\/\s*(\d{4})(?![\d/])|(?<![\d/.-])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?![\d/])|(?<![\d/.-])(\d{1,2})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{4})(?![\d.-])/giu;
// "ngày 05 tháng 3 năm 2026", any part possibly blank or dotted; each word is followed by
// a space or a dot-like blank ("ngày…tháng"), and a number needs a space before it
const WORDS =
  /ngày(?=[\s.…_])(?:\s*(\d{1,2})\s*|[\s.…_]*)tháng(?=[\s.…_])(?:\s*(\d{1,2})\s*|[\s.…_]*)năm(?:\s+(\d{4})(?![\p{L}\d])|(?=[\s.…_]))/giu;

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function num(s: string | undefined): number | undefined {
  return s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined;
}

function make(node: ParagraphNode, start: number, end: number, d: string | undefined, m: string | undefined, y: string | undefined, style: DateMention['style']): DateMention {
  const day = num(d);
  const month = num(m);
  const year = num(y);
  const blank = day === undefined || month === undefined || year === undefined;
  const valid = !blank && month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth(month!, year!);
  // trim trailing space from the range
  while (end > start && /\s/.test(node.value[end - 1]!)) end--;
  return { ref: { node, start, end }, day, month, year, style, blank, valid };
}

// every date above has a year's digits, or the word "tháng" (a date left wholly blank)
const MAY_HOLD_DATE = /\d|tháng/iu;

export function datesIn(node: ParagraphNode): DateMention[] {
  const out: DateMention[] = [];
  const v = node.value;
  if (!MAY_HOLD_DATE.test(v)) return out;
  for (const m of v.matchAll(WORDS)) {
    out.push(make(node, m.index!, m.index! + m[0].length, m[1], m[2], m[3], 'words'));
  }
  for (const m of v.matchAll(NUMERIC)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (out.some((o) => start < o.ref.end && end > o.ref.start)) continue;
    if (m[3] !== undefined) out.push(make(node, start, end, m[1], m[2], m[3], 'numeric'));
    else if (m[6] !== undefined) out.push(make(node, start, end, m[4], m[5], m[6], 'numeric'));
    else out.push(make(node, start, end, m[7], m[8], m[9], 'numeric'));
  }
  return out.sort((a, b) => a.ref.start - b.ref.start);
}

/** Compare dates; a missing day compares by month. Negative when a is earlier. */
export function compareDates(a: { day?: number; month?: number; year?: number }, b: { day?: number; month?: number; year?: number }): number | undefined {
  if (a.year === undefined || b.year === undefined) return undefined;
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return undefined;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return undefined;
  return a.day - b.day;
}

export function formatDate(d: { day?: number; month?: number; year?: number }): string {
  return `${d.day ?? '…'}/${d.month ?? '…'}/${d.year ?? '…'}`;
}
