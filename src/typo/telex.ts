// Keys typed one off: a syllable typed in Telex that the input method did not turn into
// Vietnamese because a key came in the wrong order ("avf" for "và", "hcoj" for "học"), or
// was left unconverted ("ddaay"). The token is read as Telex keystrokes, as typed and with two
// neighbouring keys swapped.
import { parseSyllable, syllableProblem, tonePlacements, withTone } from './syllable.js';

/** Telex tone keys: s sắc, f huyền, r hỏi, x ngã, j nặng (after the first vowel: no Vietnamese syllable ends in these). */
const TONE_KEYS: Record<string, number> = { f: 1, s: 2, r: 3, x: 4, j: 5 };
const DOUBLES: [RegExp, string][] = [
  [/^dd/u, 'đ'],
  [/aa/u, 'â'],
  [/ee/u, 'ê'],
  [/oo/u, 'ô'],
  [/uow|uwo|ươ/u, 'ươ'],
  [/aw/u, 'ă'],
  [/ow/u, 'ơ'],
  [/uw/u, 'ư'],
];

/** The syllable a string of Telex keys gives, or undefined. */
export function fromTelex(keys: string): string | undefined {
  if (!/^[a-z]{2,8}$/u.test(keys)) return undefined;
  const first = keys.search(/[aeiouy]/u);
  if (first < 0) return undefined;
  let tone = 0;
  let rest = '';
  for (let i = 0; i < keys.length; i++) {
    const t = i > first ? TONE_KEYS[keys[i]!] : undefined;
    if (t !== undefined) tone = t;
    else rest += keys[i];
  }
  for (const [re, to] of DOUBLES) rest = rest.replace(re, to);
  // a lone w after the vowels marks them: "tuongw" = tương, "thw" = thư
  if (rest.includes('w')) {
    rest = rest.replace('w', '');
    if (/uo/u.test(rest)) rest = rest.replace('uo', 'ươ');
    else if (/[aou]/u.test(rest)) rest = rest.replace(/[aou]/u, (v) => ({ a: 'ă', o: 'ơ', u: 'ư' })[v]!);
    else return undefined;
  }
  if (rest.includes('w') || /[fjsrxz]/u.test(rest.slice(Math.max(0, rest.search(/[aeiouyăâêôơư]/u))))) return undefined;
  const p = parseSyllable(rest);
  if (!p) return undefined;
  const places = tonePlacements(p.onset, p.rhyme);
  const out = withTone(rest, tone, places[places.length - 1]!);
  return syllableProblem(out) ? undefined : out;
}

/** Readings of a token as Telex: as typed, and with each pair of neighbouring keys swapped. */
export function telexReadings(lower: string): string[] {
  if (!/^[a-z]{2,8}$/u.test(lower)) return [];
  const out = new Set<string>();
  const direct = fromTelex(lower);
  if (direct) out.add(direct);
  for (let i = 0; i + 1 < lower.length; i++) {
    if (lower[i] === lower[i + 1]) continue;
    const swapped = lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
    const r = fromTelex(swapped);
    if (r) out.add(r);
  }
  return [...out];
}
