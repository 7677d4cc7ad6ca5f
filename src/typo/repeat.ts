// Doubled words ("để để", "công tác công tác"): the same syllable or two-syllable word
// written twice in a row. Vietnamese doubles syllables on purpose in two ways, both left alone:
// reduplications ("từ từ", "người người", "song song" — a reviewed list), and the meeting of two
// words that share a syllable ("hành vi | vi phạm", "trường hợp | hợp đồng", "học sinh | sinh viên"),
// told apart by the syllable counts: each copy makes a common word with its other neighbour.
import type { SyllableModel } from './model.js';
import { isRomanCapitals, type Token } from './tokens.js';

export interface Repeat {
  /** Token indices of the first copy and of the copy to remove (end exclusive). */
  first: number;
  copy: number;
  end: number;
}

/** How strongly two syllables make one word: the larger share of either that the pair takes. */
export function cohesion(model: SyllableModel, a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  const n = model.bigram(a, b);
  if (!n) return 0;
  return Math.max(n / Math.max(1, model.unigram(a)), n / Math.max(1, model.unigram(b)));
}

/** Doubled words and phrases; `reduplications`: the reviewed list (data/typo-additions.json), lower case ("từ từ", "công công" never). */
export function findRepeats(tokens: Token[], model: SyllableModel, reduplications: Set<string>, minCohesion = REPEAT_COHESION): Repeat[] {
  const out: Repeat[] = [];
  const key = (i: number): string | null => (tokens[i] ? model.analyze(tokens[i]!.lower).key ?? tokens[i]!.lower : null);
  const word = (t: Token | undefined): boolean => !!t && t.text.length > 1 && !t.enumerator && !t.glued && !isRomanCapitals(t.text);
  // the copy is written like the first (a capital starts a name: "Luật Luật sư", "Trưởng phòng Phòng Nội vụ")
  // and a capital inside a sentence ends a name ("Lâm Đồng đồng loạt")
  const sameCase = (a: Token, b: Token): boolean => (a.caseForm === b.caseForm || b.caseForm === 'lower') && !(a.caseForm === 'capital' && b.caseForm === 'lower' && !a.sentenceStart);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens;
    // most tokens differ from the next two: nothing to look at
    if (t[i]!.lower !== t[i + 1]?.lower && t[i]!.lower !== t[i + 2]?.lower) {
      i++;
      continue;
    }
    // two syllables twice: "công tác công tác"
    if (
      i + 3 < t.length && word(t[i]) && word(t[i + 1]) && t[i + 1]!.joined && t[i + 2]!.joined && t[i + 3]!.joined &&
      t[i]!.lower === t[i + 2]!.lower && t[i + 1]!.lower === t[i + 3]!.lower && t[i]!.lower !== t[i + 1]!.lower &&
      sameCase(t[i]!, t[i + 2]!) && t[i + 2]!.caseForm !== 'capital'
    ) {
      const before = t[i]!.joined ? key(i - 1) : null;
      const after = t[i + 4]?.joined ? key(i + 4) : null;
      // "thẩm định giá | định giá": each copy goes with its other neighbour
      const boundary = cohesion(model, before, key(i)) >= minCohesion && cohesion(model, key(i + 3), after) >= minCohesion;
      if (!boundary && !reduplications.has(`${t[i]!.lower} ${t[i + 1]!.lower}`)) {
        out.push({ first: i, copy: i + 2, end: i + 4 });
        i += 4;
        continue;
      }
    }
    // one syllable twice: "để để"
    if (i + 1 < t.length && word(t[i]) && t[i + 1]!.joined && t[i]!.lower === t[i + 1]!.lower && sameCase(t[i]!, t[i + 1]!) && !(t[i + 1]!.caseForm === 'capital' && t[i]!.caseForm === 'capital' && !t[i]!.sentenceStart)) {
      const before = t[i]!.joined ? key(i - 1) : null;
      const after = t[i + 2]?.joined ? key(i + 2) : null;
      const k = key(i);
      // two words meeting: the first copy ends a word, the second starts one ("hành vi | vi phạm"), or
      // the second starts a word that seldom goes apart, after a pair office text writes ("thi hành luật | luật sư")
      // — and only where office text writes the syllable twice at all ("vi vi", "hợp hợp"; never "cáo cáo")
      const boundary =
        !!k && model.bigram(k, k) >= 1 &&
        ((cohesion(model, before, k) >= minCohesion && cohesion(model, k, after) >= minCohesion) ||
          (cohesion(model, k, after) >= STRONG_WORD && !!before && model.bigram(before, k) > 0));
      if (!boundary && !reduplications.has(`${t[i]!.lower} ${t[i]!.lower}`)) {
        out.push({ first: i, copy: i + 1, end: i + 2 });
        i += 2;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Threshold of cohesion() for a word boundary between two copies, set by measuring on real-dev. */
export const REPEAT_COHESION = 0.03;
/** cohesion() of a word that seldom goes apart ("luật sư", "chính phủ"). */
export const STRONG_WORD = 0.3;
