// The typos that readers found and the typo rule missed, made on purpose in correct sentences for
// `npm run eval:typo`: one per sentence, at a random place, with a fixed seed.
//  - unattested: a well-formed syllable no Vietnamese word uses ("thường trực" → "thường tực");
//  - word: a real syllable in the wrong place inside a common two-syllable word ("chủ tịch" → "chỉ tịch");
//  - doubled: a word typed twice ("để" → "để để");
//  - telex: Telex keys one off that the input method left as typed ("và" → "avf");
//  - missing: a letter dropped, leaving no attested syllable ("trường" → "tường" is a word: not this kind; "nghiệm" → "ghiệm");
//  - unaccented: a syllable typed without its marks ("được" → "duoc");
//  - split: a stray space inside a syllable ("tháng" → "th áng").
import { canonicalTone, confusionCandidates, letterEdits, parseSyllable, splitTone, syllableProblem } from '../dist/src/typo/syllable.js';
import { cohesion } from '../dist/src/typo/repeat.js';

export const MISS_KINDS = ['unattested', 'word', 'doubled', 'telex', 'missing', 'unaccented', 'split'];

const TELEX_MARK = { đ: 'dd', â: 'aa', ê: 'ee', ô: 'oo', ă: 'aw', ơ: 'ow', ư: 'uw' };
const TELEX_TONE = ['', 'f', 's', 'r', 'x', 'j'];

/** The Telex keys of a syllable: marks doubled, the tone key last ("việc" → "vieecj"). */
export function toTelex(syllable) {
  const { base, tone } = splitTone(syllable);
  return [...base].map((c) => TELEX_MARK[c] ?? c).join('') + TELEX_TONE[tone];
}

/**
 * One injection of a kind into the tokens of a sentence, or undefined when the sentence has no place
 * for it. Returns { at, len, text, original, expected } (offsets in the new text; expected: the
 * suggestion a right finding gives).
 */
export function inject(kind, line, tokens, model, r) {
  const order = tokens.map((_, i) => i).sort(() => r() - 0.5);
  for (const i of order) {
    const t = tokens[i];
    if (t.caseForm !== 'lower' || t.text.length < 2 || syllableProblem(t.lower)) continue;
    const key = canonicalTone(t.lower);
    if (!model.attested(key) || !model.known(key)) continue;
    const put = (v) => ({ at: t.start, len: v.length, text: line.slice(0, t.start) + v + line.slice(t.end), original: t.lower, expected: t.lower });
    if (kind === 'unattested') {
      const vs = letterEdits(t.lower).filter((x) => !model.attested(x) && !model.nameSyllable(x));
      if (vs.length) return put(vs[Math.floor(r() * vs.length)]);
    } else if (kind === 'word') {
      // inside a common two-syllable word with the next or the previous syllable
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      const nk = next?.joined ? model.analyze(next.lower).key : null;
      const pk = t.joined && prev ? model.analyze(prev.lower).key : null;
      const inWordNext = nk && model.dice(key, nk) >= 0.1 && model.bigram(key, nk) >= 20;
      const inWordPrev = pk && model.dice(pk, key) >= 0.1 && model.bigram(pk, key) >= 20;
      if (!inWordNext && !inWordPrev) continue;
      const vs = [...new Set([...confusionCandidates(t.lower), ...letterEdits(t.lower)])].filter(
        (x) => x !== key && model.attested(x) && model.known(x) && (!inWordNext || model.bigram(x, nk) === 0) && (!inWordPrev || model.bigram(pk, x) === 0),
      );
      if (vs.length) return put(vs[Math.floor(r() * vs.length)]);
    } else if (kind === 'doubled') {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      // not where the copy would meet two words sharing the syllable ("hành vi vi phạm" is correct)
      if (!next?.joined || cohesion(model, key, model.analyze(next.lower).key) >= 0.03) continue;
      if (prev && t.joined && cohesion(model, model.analyze(prev.lower).key, key) >= 0.03) continue;
      const text = `${line.slice(0, t.end)} ${t.text}${line.slice(t.end)}`;
      return { at: t.start, len: t.text.length * 2 + 1, text, original: t.lower, expected: t.text };
    } else if (kind === 'telex') {
      const keys = toTelex(t.lower);
      const swaps = [];
      for (let k = 0; k + 1 < keys.length; k++) {
        if (keys[k] === keys[k + 1]) continue;
        const s = keys.slice(0, k) + keys[k + 1] + keys[k] + keys.slice(k + 2);
        const p = parseSyllable(s);
        if (p && !syllableProblem(s) && model.attested(canonicalTone(s))) continue; // a real syllable: another kind
        swaps.push(s);
      }
      if (swaps.length) return put(swaps[Math.floor(r() * swaps.length)]);
    } else if (kind === 'missing') {
      const chars = [...t.lower];
      if (chars.length < 3) continue;
      const vs = chars
        .map((_, k) => [...chars.slice(0, k), ...chars.slice(k + 1)].join(''))
        .filter((x) => x.length > 1 && !(model.analyze(x).key && model.attested(model.analyze(x).key)) && !model.nameSyllable(x));
      if (vs.length) return put(vs[Math.floor(r() * vs.length)]);
    } else if (kind === 'unaccented') {
      const plain = t.lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd');
      if (plain === t.lower) continue;
      return put(plain);
    } else if (kind === 'split') {
      const chars = [...t.text];
      if (chars.length < 3 || !t.joined) continue;
      const k = 1 + Math.floor(r() * (chars.length - 1));
      const v = `${chars.slice(0, k).join('')} ${chars.slice(k).join('')}`;
      return { at: t.start, len: v.length, text: line.slice(0, t.start) + v + line.slice(t.end), original: t.lower, expected: t.text };
    }
  }
  return undefined;
}
