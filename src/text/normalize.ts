// Text helpers: NFC with a map back to the raw text, and line/column lookup.

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/**
 * NFC-normalise `raw`, returning the normalised text and, when it differs,
 * the raw index of every normalised character (plus one entry for the end).
 * Vietnamese NFD text decomposes vowels into base + combining marks; we
 * normalise one base-plus-marks cluster at a time so each output character
 * points at the start of the cluster it came from.
 */
export function toNfc(raw: string): { value: string; nfcToRaw: Int32Array | null } {
  if (!COMBINING.test(raw)) {
    const value = raw.normalize('NFC');
    if (value === raw) return { value, nfcToRaw: null };
  }
  let value = '';
  const map: number[] = [];
  let i = 0;
  while (i < raw.length) {
    let j = i + 1;
    // a surrogate pair belongs to one cluster
    if (j < raw.length && raw.charCodeAt(i) >= 0xd800 && raw.charCodeAt(i) <= 0xdbff) j++;
    while (j < raw.length && COMBINING.test(raw[j]!)) j++;
    const seg = raw.slice(i, j).normalize('NFC');
    for (let k = 0; k < seg.length; k++) map.push(k === 0 ? i : Math.min(i + k, j - 1));
    value += seg;
    i = j;
  }
  map.push(raw.length);
  if (value === raw) return { value, nfcToRaw: null };
  return { value, nfcToRaw: Int32Array.from(map) };
}

/** Raw index of a normalised index (end positions map to the end of their cluster). */
export function nfcIndexToRaw(nfcToRaw: Int32Array | null, index: number, isEnd = false): number {
  if (!nfcToRaw) return index;
  if (isEnd && index > 0) {
    // the end of a range is just after the cluster holding index-1
    const prev = nfcToRaw[index - 1]!;
    const next = nfcToRaw[index]!;
    return next > prev ? next : prev + 1;
  }
  return nfcToRaw[Math.min(index, nfcToRaw.length - 1)]!;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function offsetToPoint(lineStarts: number[], offset: number): { line: number; column: number; offset: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
}

/**
 * Upper-case letters with Vietnamese diacritics count; digits and punctuation do not: the letters
 * (\p{L}) are unchanged by upper-casing and changed by lower-casing. Case mapping is per character,
 * so a scan decides it, stopping at the first lower-case letter (most lines: the second letter).
 */
export function isUpperText(s: string): boolean {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) upper = true;
      continue;
    }
    let k: number;
    const lo = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      k = caseClassOf(String.fromCharCode(c, lo));
      i++;
    } else k = CASE_CLASS[c] || (CASE_CLASS[c] = caseClassOf(String.fromCharCode(c)));
    if (k === CASE_CHANGES_UP) return false;
    if (k === CASE_UPPER) upper = true;
  }
  return upper;
}

const NOT_LETTER = 1;
const CASE_UPPER = 2; // a letter upper-casing keeps and lower-casing changes
const CASE_CHANGES_UP = 3; // a letter upper-casing changes
const CASELESS = 4;
/** The class of each BMP character, learnt on first sight (0: not seen yet). */
const CASE_CLASS = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

function caseClassOf(ch: string): number {
  if (!LETTER.test(ch)) return NOT_LETTER;
  if (ch.toUpperCase() !== ch) return CASE_CHANGES_UP;
  return ch.toLowerCase() !== ch ? CASE_UPPER : CASELESS;
}

/** Collapse runs of white space (incl. tabs and breaks) into one space. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
