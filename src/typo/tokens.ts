import type { Analysis } from './model.js';

// Syllable tokens of a paragraph, with what the spelling check needs to know
// about each: its neighbours, whether a sentence starts there, its case.

export interface Token {
  text: string; // as written (NFC)
  lower: string;
  start: number;
  end: number;
  /** Only spaces separate it from the previous token: the two are read together. */
  joined: boolean;
  sentenceStart: boolean;
  /** Joined to a neighbour by a hyphen ("pa-nô", "CT-XH"): a loanword or an abbreviation. */
  glued: boolean;
  /** A number, code or Roman numeral stands right before / after it ("quý II", "số 14-CTr/TU"). */
  codeBefore: boolean;
  codeAfter: boolean;
  caseForm: 'lower' | 'capital' | 'upper' | 'mixed';
  /** A list enumerator: a Roman numeral or a letter in brackets ("(ii)", "(b)"), or one that starts the text and is followed by ")" or ".". */
  enumerator: boolean;
  /** Cache of SyllableModel.analyzeToken(): the analysis of `lower` by the model `analyzedBy` (the rules share tokens). */
  analysis?: Analysis;
  analyzedBy?: object;
}

const ROMAN = /^(?:[ivxlcdm]+|[IVXLCDM]+)$/u;

/** Written only in the capitals of Roman numerals up to C (I, V, X, L, C): "II", "XIV". */
export function isRomanCapitals(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 73 && c !== 86 && c !== 88 && c !== 76 && c !== 67) return false;
  }
  return true;
}

// Chunks holding a digit, "/", "@", "_", "://" or a dot between letters are codes, dates, numbers, URLs, domains or e-mail: not words.
const CODE_MARK = /[\d/@_\\]|www\./u;
const DOTTED = /\p{L}\.\p{L}/u;
const WORD = /[\p{L}\p{M}]+/gu;

function caseOf(s: string, lower = s.toLowerCase()): Token['caseForm'] {
  if (s === lower) return 'lower';
  if (s === s.toUpperCase()) return s.length === 1 ? 'capital' : 'upper';
  if (s[0] === s[0]!.toUpperCase() && s.slice(1) === s.slice(1).toLowerCase()) return 'capital';
  return 'mixed';
}

/** What separates two words, read by char code (no slice, no expression per token): bits below. */
const SPACES = 1; // one or more spaces (or no-break spaces), nothing else
const HYPHEN = 2; // exactly one hyphen
const BREAK = 4; // a sentence break or a masked code somewhere in it
const CODE_FIRST = 8; // spaces, then a masked code
function gapOf(masked: string, from: number, to: number): number {
  let i = from;
  while (i < to && (masked.charCodeAt(i) === 0x20 || masked.charCodeAt(i) === 0xa0)) i++;
  let bits = i === to ? (to > from ? SPACES : 0) : masked.charCodeAt(i) === 0 ? CODE_FIRST : 0;
  if (to - from === 1 && (masked.charCodeAt(from) === 0x2d || masked.charCodeAt(from) === 0x2010)) bits |= HYPHEN;
  for (let k = i; k < to; k++) {
    if (isBreak(masked.charCodeAt(k))) {
      bits |= BREAK;
      break;
    }
  }
  return bits;
}
/** SENTENCE_BREAK's characters and the mask of codes (U+0000). */
function isBreak(c: number): boolean {
  switch (c) {
    case 0: case 0x2e: case 0x21: case 0x3f: case 0x3a: case 0x3b: case 0x0a: case 0x28: case 0x29: // \0 . ! ? : ; \n ( )
    case 0x201c: case 0x201d: case 0x22: case 0xab: case 0xbb: case 0x5b: case 0x5d: case 0x2026: // “ ” " « » [ ] …
      return true;
    default:
      return false;
  }
}

export function tokenize(value: string): Token[] {
  const masked = value.replace(/\S+/gu, (m) => (CODE_MARK.test(m) || (m.includes('.') && DOTTED.test(m)) ? '\u0000'.repeat(m.length) : m));
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of masked.matchAll(WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    const gap = gapOf(masked, prevEnd, start);
    const text = value.slice(start, end);
    const lower = text.toLowerCase();
    // a hyphen inside a word ("CT-XH", "pa-nô") glues it to its neighbour
    const glued = out.length > 0 && (gap & HYPHEN) !== 0;
    out.push({
      text,
      lower,
      start,
      end,
      joined: out.length > 0 && (gap & SPACES) !== 0,
      sentenceStart: out.length === 0 || (gap & BREAK) !== 0,
      glued,
      codeBefore: (gap & CODE_FIRST) !== 0 || (out.length > 0 && isRomanCapitals(out[out.length - 1]!.text) && (gap & SPACES) !== 0),
      codeAfter: false,
      caseForm: caseOf(text, lower),
      enumerator:
        text.length <= 5 &&
        ((value[start - 1] === '(' && value[end] === ')') || (start < 4 && (value[end] === '.' || value[end] === ')') && /^\s*\(?$/u.test(value.slice(0, start)))) &&
        (text.length === 1 || ROMAN.test(text)),
      analysis: undefined,
      analyzedBy: undefined,
    });
    if (glued) out[out.length - 2]!.glued = true;
    if (out.length > 1 && out[out.length - 1]!.codeBefore) out[out.length - 2]!.codeAfter = true;
    if (out.length > 1 && isRomanCapitals(text) && (gap & SPACES) !== 0) out[out.length - 2]!.codeAfter = true;
    prevEnd = end;
  }
  const last = out[out.length - 1];
  if (last && (gapOf(masked, last.end, masked.length) & CODE_FIRST) !== 0) last.codeAfter = true;
  return out;
}

// Tokens of recent paragraphs: the rules that read words (typo, repeated-word) share one tokenization.
const recent = new Map<string, Token[]>();
/** tokenize(), remembered for the paragraphs of the file being linted (the tokens must not be changed, but for their analysis cache). */
export function tokensOf(value: string): Token[] {
  let t = recent.get(value);
  if (!t) {
    if (recent.size >= 4096) recent.clear();
    recent.set(value, (t = tokenize(value)));
  }
  return t;
}

/** Give a replacement the case of the word it replaces. */
export function matchCase(replacement: string, like: string): string {
  const c = caseOf(like);
  if (c === 'upper') return replacement.toUpperCase();
  if (c === 'capital') return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
