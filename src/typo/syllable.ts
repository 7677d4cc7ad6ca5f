// Vietnamese syllables (âm tiết): onset, rhyme (vần) and tone (thanh), the
// rules a written syllable must keep, and the confusion sets of real-word typos.

/** Tones: 0 ngang, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng. */
export const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const TONE_OF: Record<string, number> = { '\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };

export interface Syllable {
  onset: string; // "ngh", "qu", "gi", "" …
  rhyme: string; // toneless: "uyên", "ương"
  tone: number;
  /** Index in the toneless syllable of the letter that carries the tone mark (-1 without a tone). */
  toneAt: number;
}

const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'ch', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const VOWELS = 'aăâeêioôơuưy';

/** Every rhyme of standard Vietnamese spelling, toneless. */
const RHYMES = new Set(
  `a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
   u uc ui um un ung up ut ua uôc uôi uôm uôn uông uôt ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêt yêu oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
   uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uynh uyt uyu uơ`
    .split(/\s+/)
    .filter(Boolean),
);

/** After "qu" the u is the medial, so the rhyme starts at the next vowel: "quyết" = qu + yêt. */
const RHYMES_AFTER_QU = new Set(
  `a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây e ec em en eng eo ep et ê êch êm ên ênh êt
   i in inh it y yên yêt ynh yt yu ơ ơi ơn ơt o ôc`
    .split(/\s+/)
    .filter(Boolean),
);

/** Split a lower-case NFC syllable into its toneless form, tone and the tone's position. */
export function splitTone(s: string): { base: string; tone: number; toneAt: number } {
  const d = s.normalize('NFD');
  let base = '';
  let tone = 0;
  let toneAt = -1;
  let letters = 0;
  let baseNfd = '';
  for (const ch of d) {
    const t = TONE_OF[ch];
    if (t !== undefined) {
      if (tone !== 0) return { base: '', tone: -1, toneAt: -1 }; // two tone marks
      tone = t;
      toneAt = letters - 1;
      continue;
    }
    if (!/\p{M}/u.test(ch)) letters++;
    baseNfd += ch;
  }
  base = baseNfd.normalize('NFC');
  return { base, tone, toneAt };
}

export function withTone(base: string, tone: number, at: number): string {
  if (tone === 0) return base;
  const chars = [...base];
  chars[at] = (chars[at]! + TONE_MARKS[tone]).normalize('NFC');
  return chars.join('').normalize('NFC');
}

/** Parse a lower-case syllable; undefined when it cannot be a Vietnamese syllable. */
export function parseSyllable(s: string): Syllable | undefined {
  if (!/^[a-zđăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]+$/u.test(s)) return undefined;
  const { base, tone, toneAt } = splitTone(s);
  if (tone < 0 || !base) return undefined;
  let onset = ONSETS.find((o) => base.startsWith(o)) ?? '';
  // "gi" before a consonant or alone is g + i ("gì", "gìn"); "qu" needs a vowel after it
  if (onset === 'gi' && !/[aăâeêioôơuưy]/.test(base.slice(2))) onset = 'g';
  let rhyme = base.slice(onset.length);
  // "giếng" is g + iêng: the i of "gi" belongs to the rhyme when the rest alone is no rhyme
  if (onset === 'gi' && !RHYMES.has(rhyme) && RHYMES.has(`i${rhyme}`)) {
    onset = 'g';
    rhyme = `i${rhyme}`;
  }
  if (!rhyme || !VOWELS.includes(rhyme[0]!)) return undefined;
  if (onset === 'qu' ? !RHYMES_AFTER_QU.has(rhyme) : !RHYMES.has(rhyme)) return undefined;
  return { onset, rhyme, tone, toneAt };
}

const FRONT = /^(i|e|ê|y|iê)/; // vowels that take k, gh, ngh

/** The rules of spelling and tone a syllable must keep; undefined when it keeps them, else the broken rule. */
export function syllableProblem(s: string): string | undefined {
  const p = parseSyllable(s);
  if (!p) return 'shape';
  const { onset, rhyme, tone, toneAt } = p;
  const front = FRONT.test(rhyme);
  if (onset === 'k' && !front) return 'k';
  if (onset === 'c' && front) return 'c';
  if (onset === 'gh' && !front) return 'gh';
  if (onset === 'g' && /^(e|ê)/.test(rhyme)) return 'g';
  if (onset === 'ngh' && !front) return 'ngh';
  if (onset === 'ng' && /^(i|e|ê)/.test(rhyme)) return 'ng';
  if (onset === 'gi' && /^i/.test(rhyme)) return 'gi';
  // a stop ending (-p -t -c -ch) takes only sắc or nặng
  if (/(p|t|c|ch)$/.test(rhyme) && tone !== 2 && tone !== 5) return 'stop-tone';
  if (tone > 0 && !tonePlacements(onset, rhyme).includes(toneAt)) return 'tone-place';
  return undefined;
}

/** Where the tone mark may stand (indices in onset + rhyme); old and new styles are both accepted. */
export function tonePlacements(onset: string, rhyme: string): number[] {
  const o = onset.length;
  const vowels: number[] = [];
  for (let i = 0; i < rhyme.length; i++) if (VOWELS.includes(rhyme[i]!)) vowels.push(i);
  const marked = vowels.filter((i) => 'ăâêôơư'.includes(rhyme[i]!));
  if (marked.length) return [o + marked[marked.length - 1]!];
  const lastVowel = vowels[vowels.length - 1]!;
  const hasCoda = lastVowel < rhyme.length - 1;
  if (hasCoda || vowels.length === 1) return [o + lastVowel];
  const cluster = rhyme.slice(vowels[0], lastVowel + 1);
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return [o + vowels[0]!, o + vowels[1]!];
  if (vowels.length === 3) return [o + vowels[1]!]; // oai, oay, uyu, uya: the middle vowel
  return [o + vowels[0]!]; // ai ao au ay eo ia iu oi ua ui ưa …
}

/**
 * The canonical spelling of a syllable, so that accepted variants compare equal: the tone on the main
 * vowel in the new style for oa/oe/uy ("hoà" = "hòa"), and a final i for y after a consonant ("kỉ" = "kỷ").
 */
export function canonicalTone(s: string): string {
  const p = parseSyllable(s);
  if (!p) return s;
  const rhyme = p.rhyme === 'y' && p.onset !== '' && p.onset !== 'qu' ? 'i' : p.rhyme;
  if (p.tone === 0) return p.onset + rhyme;
  const places = tonePlacements(p.onset, rhyme);
  return withTone(p.onset + rhyme, p.tone, places[places.length - 1]!);
}

const VOWEL_VARIANTS: Record<string, string[]> = {
  a: ['a', 'ă', 'â'], ă: ['a', 'ă', 'â'], â: ['a', 'ă', 'â'],
  e: ['e', 'ê'], ê: ['e', 'ê'],
  o: ['o', 'ô', 'ơ'], ô: ['o', 'ô', 'ơ'], ơ: ['o', 'ô', 'ơ'],
  u: ['u', 'ư'], ư: ['u', 'ư'],
  i: ['i', 'y'], y: ['i', 'y'],
};
const ONSET_SWAPS: string[][] = [['ch', 'tr'], ['s', 'x'], ['d', 'gi', 'r', 'đ'], ['l', 'n'], ['c', 'k', 'q'], ['g', 'gh'], ['ng', 'ngh'], ['v', 'd']];
const CODA_SWAPS: [RegExp, string[]][] = [
  [/ng$/, ['n']], [/nh$/, ['n']], [/n$/, ['ng', 'nh']], [/c$/, ['t']], [/t$/, ['c', 'ch']], [/ch$/, ['t']],
];

/**
 * Real-word confusion candidates of a syllable: other tones, vowel marks (a/ă/â, e/ê, o/ô/ơ, u/ư, i/y),
 * initials (ch/tr, s/x, d/gi/r, l/n, c/k/q, g/gh, ng/ngh, d/đ) and finals (n/ng, c/t, ch/t, nh/n).
 * Only well-formed syllables are returned, in canonical tone placement.
 */
export function confusionCandidates(s: string): string[] {
  const p = parseSyllable(s);
  if (!p) return [];
  const out = new Set<string>();
  const addAllTones = (base: string): void => {
    for (let t = 0; t < 6; t++) {
      const places = (() => {
        const q = parseSyllable(base);
        return q ? tonePlacements(q.onset, q.rhyme) : [];
      })();
      if (!places.length) return;
      const cand = withTone(base, t, places[places.length - 1]!);
      if (!syllableProblem(cand)) out.add(cand);
    }
  };
  // tone and vowel-mark variants (together: "tăng" ~ "tảng")
  const rhymeVariants = new Set<string>([p.rhyme]);
  const chars = [...p.rhyme];
  chars.forEach((c, i) => {
    for (const v of VOWEL_VARIANTS[c] ?? []) {
      const next = [...chars];
      next[i] = v;
      rhymeVariants.add(next.join(''));
    }
  });
  for (const r of rhymeVariants) addAllTones(p.onset + r);
  // initials and finals keep the tone
  const keepTone = (b: string): void => {
    const q = parseSyllable(b);
    if (!q) return;
    const places = tonePlacements(q.onset, q.rhyme);
    const cand = withTone(b, p.tone, places[places.length - 1]!);
    if (!syllableProblem(cand)) out.add(cand);
  };
  for (const group of ONSET_SWAPS) {
    if (!group.includes(p.onset)) continue;
    for (const g of group) if (g !== p.onset) keepTone(g + p.rhyme);
  }
  for (const [re, subs] of CODA_SWAPS) if (re.test(p.rhyme)) for (const sub of subs) keepTone(p.onset + p.rhyme.replace(re, sub));
  const self = canonicalTone(s);
  return [...new Set([...out].map(canonicalTone))].filter((c) => c !== self);
}

/** Edits for a non-word: its confusion candidates plus single-letter deletions, insertions, substitutions, swaps. */
export function editCandidates(s: string, isKnown: (x: string) => boolean): string[] {
  const out = new Set<string>();
  const { base, tone } = splitTone(s);
  const letters = 'abcdđeghiklmnopqrstuvxyăâêôơư';
  const bases = new Set<string>();
  const b = [...(base || s)];
  for (let i = 0; i < b.length; i++) bases.add([...b.slice(0, i), ...b.slice(i + 1)].join(''));
  for (let i = 0; i <= b.length; i++) for (const l of letters) bases.add([...b.slice(0, i), l, ...b.slice(i)].join(''));
  for (let i = 0; i < b.length; i++) for (const l of letters) bases.add([...b.slice(0, i), l, ...b.slice(i + 1)].join(''));
  for (let i = 0; i + 1 < b.length; i++) bases.add([...b.slice(0, i), b[i + 1], b[i], ...b.slice(i + 2)].join(''));
  bases.add(base);
  for (const x of bases) {
    const q = parseSyllable(x);
    if (!q) continue;
    const places = tonePlacements(q.onset, q.rhyme);
    for (const t of tone > 0 ? [tone, 0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5]) {
      const cand = withTone(x, t, places[places.length - 1]!);
      if (!syllableProblem(cand) && isKnown(cand)) out.add(cand);
    }
  }
  // a final typed for another ("nhiệng" for "nhiệm"): every final, same tone
  const p = parseSyllable(s.normalize('NFC'));
  if (p) {
    const stem = p.rhyme.replace(/(ng|nh|ch|[mnptcoiuy])$/u, '');
    for (const coda of ['', 'm', 'n', 'ng', 'nh', 'p', 't', 'c', 'ch', 'i', 'o', 'u', 'y']) {
      const x = p.onset + stem + coda;
      const q = stem && parseSyllable(x);
      if (!q) continue;
      const places = tonePlacements(q.onset, q.rhyme);
      const cand = withTone(x, p.tone, places[places.length - 1]!);
      if (!syllableProblem(cand) && isKnown(cand)) out.add(cand);
    }
  }
  for (const c of confusionCandidates(s)) if (isKnown(c)) out.add(c);
  return [...out];
}

/**
 * Syllables one letter away with the same tone: a letter of the onset, the vowels or the final
 * changed, added or dropped ("chỉ" → "chủ", "tực" → "trực"). Well-formed, canonical, not the syllable itself.
 */
export function letterEdits(s: string): string[] {
  const p = parseSyllable(s);
  if (!p) return [];
  const b = [...(p.onset + p.rhyme)];
  const letters = 'abcdđeghiklmnopqrstuvxyăâêôơư';
  const bases = new Set<string>();
  for (let i = 0; i < b.length; i++) {
    bases.add([...b.slice(0, i), ...b.slice(i + 1)].join(''));
    for (const l of letters) bases.add([...b.slice(0, i), l, ...b.slice(i + 1)].join(''));
  }
  for (let i = 0; i <= b.length; i++) for (const l of letters) bases.add([...b.slice(0, i), l, ...b.slice(i)].join(''));
  const out = new Set<string>();
  for (const x of bases) {
    const q = parseSyllable(x);
    if (!q) continue;
    const places = tonePlacements(q.onset, q.rhyme);
    const cand = withTone(x, p.tone, places[places.length - 1]!);
    if (!syllableProblem(cand)) out.add(canonicalTone(cand));
  }
  out.delete(canonicalTone(s));
  return [...out];
}

/** A syllable without its marks, as typed with no Vietnamese keyboard: "được" → "duoc". */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').normalize('NFC');
}

/** Letters that differ only by a mark (a/ă/â, e/ê, o/ô/ơ, u/ư, d/đ, i/y): a near miss, half an edit. */
function sameLetter(a: string, b: string): boolean {
  const k = (c: string): string => (c === 'y' ? 'i' : stripMarks(c));
  return k(a) === k(b);
}

/** Cost of a letter the typist left out (a letter of the candidate missing from the typed syllable). */
const DROPPED = 0.7;

/**
 * How far a typed syllable is from a candidate, in edits of the typist (the channel of a noisy-channel
 * ranking): letters added, dropped or replaced on the toneless forms (a mark changed counts half),
 * plus the tone (half when the typed syllable has none: tones are left out more than they are mistyped).
 * A syllable typed with no marks at all is one near miss from each of its restorations ("dinh" ~ "định").
 */
export function channelCost(typed: string, cand: string): number {
  const a = splitTone(typed);
  const b = splitTone(cand);
  const x = [...(a.base || typed)];
  const y = [...(b.base || cand)];
  if (stripMarks(typed) === typed && stripMarks(cand) === typed) return 0.5;
  // Levenshtein with a cheaper substitution between letters that share their base, and a cheaper
  // dropped letter (the typist's commonest slip: "gảm" is "giảm" before it is "đảm")
  let row = Array.from({ length: y.length + 1 }, (_, j) => j * DROPPED);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = x[i - 1] === y[j - 1] ? 0 : sameLetter(x[i - 1]!, y[j - 1]!) ? 0.5 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + DROPPED, row[j - 1]! + sub));
    }
    row = next;
  }
  const tone = a.tone === b.tone ? 0 : a.tone <= 0 ? 0.5 : 1;
  return row[y.length]! + tone;
}
