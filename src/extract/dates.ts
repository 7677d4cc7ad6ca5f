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

// "ngày" + numbers with / . - separators; parts may be blank in drafts
const NUMERIC = /(ngày\s*)?(?<![\d/.-])(\d{1,2}|[ \t.…_]*)\s*\/\s*(\d{1,2}|[ \t.…_]*)\s*\/\s*(\d{4})(?![\d/])|(?<![\d/.-])(\d{1,2})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{4})(?![\d.-])/giu;
// "ngày 05 tháng 3 năm 2026", any part possibly blank or dotted
const WORDS = /ngày(?:\s+|(?=[.…_]))(\d{1,2}|[\s.…_]*?)\s*tháng(?:\s+|(?=[.…_]))(\d{1,2}|[\s.…_]*?)\s*năm(?:\s+|(?=[.…_]))(\d{4}|[\s.…_]*?)(?![\p{L}\d])/giu;

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

export function datesIn(node: ParagraphNode): DateMention[] {
  const out: DateMention[] = [];
  const v = node.value;
  for (const m of v.matchAll(WORDS)) {
    out.push(make(node, m.index!, m.index! + m[0].length, m[1], m[2], m[3], 'words'));
  }
  for (const m of v.matchAll(NUMERIC)) {
    const start = m.index!;
    if (out.some((o) => start < o.ref.end && start + m[0].length > o.ref.start)) continue;
    if (m[5] !== undefined) {
      out.push(make(node, start, start + m[0].length, m[5], m[6], m[7], 'numeric'));
      continue;
    }
    const hasNgay = !!m[1];
    const d = m[2]!;
    const mo = m[3]!;
    // without "ngày" a blank part is not a date ("/2026" in a code); with it, it is a date left blank
    if (!hasNgay && (num(d) === undefined || num(mo) === undefined)) continue;
    out.push(make(node, start, start + m[0].length, d, mo, m[4], 'numeric'));
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
