// Numbering labels at the start of a paragraph: "I.", "2)", "đ)", "1.2.", "-".
import type { Label } from '../types.js';
import { parseKeywordHeading } from './model.js';

/** Vietnamese list letters: a b c d đ e g h i k l m n o p q r s t u v x y (no ă â ê ô ơ ư f j w z). */
export const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1]!] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

const ROMAN_OK = /^(X{0,3})(IX|IV|V?I{0,3})$/;

// "6.1.Công tác …" (the space forgotten after the final dot) is still a label: a capital and a small letter right after it;
// "6.1.2025" (a date) and "1.000" (a figure) are not
const HIER = /^(\d{1,2}(?:\.\d{1,2}){1,4})(\.?)(?=[\s\u00a0]|$|(?<=\.)\p{Lu}\p{Ll})/u;
const ROMAN = /^([IVX]{1,6})\s?([.\-–):/])(?=[\s\u00a0\p{Lu}]|$)/u;
// "1.Bảo vệ …" (the space forgotten) is still a label: a capital letter right after "1."
const ARABIC = /^(\d{1,3})([.)]|-(?=\s))(?=[\s\u00a0]|$|(?<=\.)\p{Lu}\p{Ll})/u;
// "d)." (a stray dot after the bracket) is still label d
const LETTER = /^([a-zđ])([.)])(?:(?<=\))\.)?(?=[\s\u00a0]|$)/;
const BULLET = /^([-+•*–·○▪■►➢✓])(?=[\s\u00a0])/;

/** Parse the label at the start of `value` (leading white space allowed). */
export function parseLabel(value: string, auto = false): Label | undefined {
  const lead = /^[\s\u00a0]*/.exec(value)![0].length;
  const s = value.slice(lead);
  let m: RegExpExecArray | null;
  const make = (raw: string, core: string, style: Label['style'], delim: string, val: number, parts?: number[]): Label => ({
    raw,
    core,
    style,
    delim,
    value: val,
    parts,
    start: lead,
    end: lead + raw.length,
    auto,
  });
  const kw = parseKeywordHeading(s);
  if (kw) {
    const l = make(kw.raw, kw.core, kw.style, kw.delim, kw.value);
    l.keyword = kw.keyword;
    return l;
  }
  if ((m = HIER.exec(s))) {
    const parts = m[1]!.split('.').map(Number);
    return make(m[0], m[1]!, 'hier', m[2]!, parts[parts.length - 1]!, parts);
  }
  // "V/V" and "V/v" (về việc) are not the Roman V: a "/" delimiter needs a space after it
  if ((m = ROMAN.exec(s)) && ROMAN_OK.test(m[1]!) && (m[2] !== '/' || /^\s/u.test(s.slice(m[0].length)))) {
    return make(m[0], m[1]!, 'roman', m[2]!, romanValue(m[1]!));
  }
  if ((m = ARABIC.exec(s))) return make(m[0], m[1]!, 'arabic', m[2]!, Number(m[1]));
  if ((m = LETTER.exec(s))) {
    const idx = VI_LETTERS.indexOf(m[1]!);
    return make(m[0], m[1]!, 'letter', m[2]!, idx >= 0 ? idx + 1 : NaN);
  }
  if ((m = BULLET.exec(s))) return make(m[0], m[1]!, 'bullet', '', 0);
  return undefined;
}

/** The nesting rank key of a label: each style is a level; "1.1" and "1.1.1" are distinct levels. */
export function rankKey(l: Label): string {
  if (l.keyword) return `kw:${l.keyword}`;
  return l.style === 'hier' ? `hier${l.parts!.length}` : l.style;
}
