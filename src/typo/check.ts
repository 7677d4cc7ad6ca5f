// The spelling check over a run of tokens: non-words, known confusions and
// real-word errors found from the neighbouring syllables.
import type { Token } from './tokens.js';
import { isRomanCapitals, matchCase } from './tokens.js';
import type { Analysis, SyllableModel } from './model.js';
import { canonicalTone, channelCost, editCandidates } from './syllable.js';
import { telexReadings } from './telex.js';

export type TypoKind = 'nonword' | 'confusion' | 'context' | 'split';

export interface TypoFinding {
  start: number; // token index
  end: number; // token index, exclusive
  kind: TypoKind;
  /** Replacement for the tokens start…end, best first, in the written case. */
  suggestions: string[];
  confident: boolean; // error when confident, warning otherwise
  /** For the message: the written syllables and the family of the confusion. */
  found: string;
}

export interface CheckOptions {
  words: Set<string>; // accepted words (lower case)
  /** Syllables and pairs of syllables seen in the document being checked: the writer's own register. */
  documentPairs?: DocumentCounts;
  /** Context-model thresholds (CONTEXT_DEFAULTS). */
  context?: Partial<typeof CONTEXT_DEFAULTS>;
}

const VIETNAMESE_LETTER = /[đăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/u;
/** Words after which a capitalised word is a name: titles, kinship and the units of places and bodies. */
const NAME_BEFORE = new Set(
  'ông bà anh chị đồng chí cô chú bác em cháu xã phường tỉnh huyện quận thị trấn thành phố thôn buôn bon làng ấp bản tổ khu xóm sóc đường phố sông núi đèo hồ suối cầu chợ trường bệnh viện công ty hội hiệp đội'.split(' '),
);

interface Ctx {
  /** Tokens already reported: unreliable as neighbours. */
  flagged: Uint8Array; // 1 where reported
  tokens: Token[];
  model: SyllableModel;
  opts: CheckOptions;
  /** The context thresholds: CONTEXT_DEFAULTS with opts.context. */
  o: typeof CONTEXT_DEFAULTS;
  skip: boolean[]; // not a Vietnamese word to check (name, abbreviation, foreign)
  keys: (string | null)[]; // canonical lower-case syllable, or null when not a well-formed syllable
  /** The model's id of each key, -1 where the key is null. */
  ids: Int32Array;
  analyses: Analysis[];
  /** The model's count of each pair of neighbours (ids[i - 1], ids[i]) at i, -1 until asked (each is asked twice). */
  pairs: Int32Array;
  /** Part of a capitalised name: checked against the name lists only, never "corrected" into a common word. */
  name: boolean[];
}

/**
 * Check one run of tokens: a paragraph, possibly led by the last token of the paragraph before
 * it when a sentence was broken across paragraphs (the caller drops findings on that token).
 * `upperLine`: the paragraph is written in capitals, so capitalised words are words, not abbreviations.
 */
export function checkTokens(tokens: Token[], model: SyllableModel, opts: CheckOptions, upperLine = false): TypoFinding[] {
  if (!tokens.length) return [];
  const n = tokens.length;
  const analyses = new Array<Analysis>(n);
  const keys = new Array<string | null>(n);
  const { ids, taken, pairs } = scratchFor(n);
  const foreign = new Array<boolean>(n);
  const name = new Array<boolean>(n);
  // what the dictionary and split passes could find: a syllable that may start a reviewed misspelling,
  // a token that is no attested word of two letters or more (one side of every split)
  let confusable = false;
  let splittable = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const a = model.analyzeToken(t);
    analyses[i] = a;
    keys[i] = a.key;
    ids[i] = a.id;
    foreign[i] = foreignLooking(t, a, model);
    name[i] = inName(tokens, i, upperLine);
    if (a.id < 0 || model.startsConfusion(a.id)) confusable = true;
    if (!model.attestedId(a.id) || t.text.length <= 1) splittable = true;
  }
  const skip = new Array<boolean>(n);
  for (let i = 0; i < n; i++) skip[i] = isSkipped(tokens, i, analyses[i]!, model, opts, upperLine, foreign, name[i]!);
  const o = opts.context ? { ...CONTEXT_DEFAULTS, ...opts.context } : CONTEXT_DEFAULTS;
  const ctx: Ctx = { tokens, model, opts, o, skip, keys, ids, analyses, pairs, flagged: taken, name };
  const findings: TypoFinding[] = [];
  const confusions = confusable ? findConfusions(ctx) : NONE;
  const splits = splittable ? findSplits(ctx) : NONE;
  for (const f of confusions.length && splits.length ? [...confusions, ...splits] : confusions.length ? confusions : splits) {
    if (taken[f.start] || taken[f.end - 1]) continue;
    findings.push(f);
    for (let i = f.start; i < f.end; i++) taken[i] = 1;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (skip[i] || taken[i]) continue;
    const f = !model.attestedId(ids[i]!) ? nonWord(ctx, i) : name[i] ? undefined : contextual(ctx, i);
    if (f) {
      findings.push(f);
      taken[i] = 1;
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

const NONE: TypoFinding[] = [];

/**
 * Typed arrays of one check, reused from paragraph to paragraph (a typed array of its own per paragraph
 * costs an ArrayBuffer each): cleared over the n tokens and one past them (read as a missing neighbour).
 */
let scratch = { ids: new Int32Array(512), taken: new Uint8Array(512), pairs: new Int32Array(512) };
function scratchFor(n: number): typeof scratch {
  if (n + 1 > scratch.ids.length) {
    const size = 2 * (n + 1);
    scratch = { ids: new Int32Array(size), taken: new Uint8Array(size), pairs: new Int32Array(size) };
  }
  scratch.taken.fill(0, 0, n + 1);
  scratch.pairs.fill(-1, 0, n + 1);
  scratch.ids[n] = -1;
  return scratch;
}

/** Plain Latin letters that are no attested Vietnamese syllable: an English word, a unit, a code. */
function foreignLooking(t: Token, a: Analysis, model: SyllableModel): boolean {
  if (!a.plain) return t.caseForm === 'mixed' && !VIETNAMESE_LETTER.test(t.lower);
  return !model.attestedId(a.id) || a.foreign;
}

/** A capitalised word inside a name: beside another capitalised word, or after a title or a unit word. */
function inName(tokens: Token[], i: number, upperLine: boolean): boolean {
  const t = tokens[i]!;
  if (upperLine || t.caseForm !== 'capital') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const cap = (n: Token | undefined): boolean => !!n && (n.caseForm === 'capital' || n.caseForm === 'upper');
  if (!t.sentenceStart) {
    if (t.joined && cap(prev) && !prev!.sentenceStart) return true;
    if (t.joined && prev && prev.caseForm === 'lower' && NAME_BEFORE.has(prev.lower)) return true;
    // "Nguyễn Văn An": a run of capitalised words
    if (next?.joined && cap(next)) return true;
    return false;
  }
  // at a sentence start only a run of three ("Quảng Trị Hưng …") is surely a name; two may be "Công Thông"
  return !!next?.joined && cap(next) && !!tokens[i + 2]?.joined && cap(tokens[i + 2]);
}

function isSkipped(tokens: Token[], i: number, a: Analysis, model: SyllableModel, opts: CheckOptions, upperLine: boolean, foreign: boolean[], name: boolean): boolean {
  const t = tokens[i]!;
  if (t.glued || t.enumerator || a.foreign || (opts.words.size > 0 && opts.words.has(t.lower))) return true;
  if (t.caseForm === 'mixed') return true; // YouTube, TikTok, CTr
  if (t.text.length === 1) {
    // a lone consonant is a word that lost its vowel ("kể t ngày"), unless it is a list point or a unit
    const before = tokens[i - 1];
    const point = /^(điểm|khoản|mục|tiết|phần|bảng|phụ|lục|và|hoặc)$/u.test(before?.lower ?? '') || !t.joined || !tokens[i + 1]?.joined;
    return !/^[bcdđghklmnpqrstvx]$/u.test(t.lower) || t.caseForm !== 'lower' || point;
  }
  if (isRomanCapitals(t.text)) return true; // Roman numerals
  // a syllable of a place or person's name in the gazetteers, written with a capital: Đắk, Krông, Ea
  if (t.caseForm !== 'lower' && model.nameOf(a, t.lower)) return true;
  // all capitals: an abbreviation (UBND, HĐND), unless the whole line is written in capitals (a heading)
  if (t.caseForm === 'upper' && !upperLine) return true;
  const problem = a.problem;
  // a name: checked against the rules no spelling of a name breaks — a stop ending without sắc or nặng, a tone
  // on the wrong vowel ("Viêt"), a doubled letter ("Hải Ănn") — and otherwise trusted ("Hinh", "Niê", "Byă")
  if (name) return !(problem && VIETNAMESE_LETTER.test(t.lower) && (problem === 'stop-tone' || problem === 'tone-place' || doubledLetter(t.lower, model)));
  // plain Latin letters beside other foreign-looking words, or beside a number or code: foreign text or a unit
  if (foreign[i] && (foreign[i - 1] || foreign[i + 1] || t.codeBefore || t.codeAfter)) return true;
  if (!problem) {
    if (model.attestedId(a.id)) return false;
    // an unattested syllable with a capital inside a sentence: a name the lists do not hold
    return t.caseForm !== 'lower' && !t.sentenceStart;
  }
  // not a syllable: a typo, or a foreign word, an abbreviation or a name
  if (t.caseForm === 'upper') return true; // HĐND, UBND in a heading
  if ([...t.lower].length > 7) return true; // no Vietnamese syllable is longer than "nghiêng": a foreign word
  // two vowel groups ("taxi", "casino", "lênin"): several syllables written as one, a foreign word or a name
  if ((t.lower.normalize('NFD').replace(/\p{M}/gu, '').match(/[aeiouy]+/g) ?? []).length > 1 && !(a.plain && telexReadings(t.lower).length)) return true;
  if (VIETNAMESE_LETTER.test(t.lower)) return false;
  if (t.caseForm !== 'lower' && !t.sentenceStart) return true; // Zalo, Olympic
  return false; // decided in nonWord(): plain letters are a typo only when the context knows a repair
}

/** A letter typed twice in a syllable that is known without the copy ("ănn", "hộii"). */
function doubledLetter(lower: string, model: SyllableModel): boolean {
  const undoubled = lower.replace(/(\p{L})\1+/gu, '$1');
  return undoubled !== lower && model.analyze(undoubled).key !== null;
}

function context(ctx: Ctx, i: number): { prev: string | null; next: string | null } {
  const t = ctx.tokens[i]!;
  const n = ctx.tokens[i + 1];
  return {
    prev: t.joined && !ctx.flagged[i - 1] ? ctx.keys[i - 1] ?? null : null,
    next: n && n.joined && !ctx.flagged[i + 1] ? ctx.keys[i + 1] ?? null : null,
  };
}

/**
 * How well a syllable fits its neighbours: P(x | prev) · P(next | x), each smoothed towards the
 * unigram probability (Dirichlet, μ), so a rare syllable gains nothing from having few counts.
 * With one neighbour: P(x | prev), or P(x) · P(next | x).
 */
function fit(model: SyllableModel, prev: string | null, x: string, next: string | null, mu = CONTEXT_DEFAULTS.mu): { score: number; left: number; right: number } {
  const n = model.tokens;
  const p = (s: string): number => (model.unigram(s) + 0.5) / n;
  const left = prev ? model.bigram(prev, x) : 0;
  const right = next ? model.bigram(x, next) : 0;
  const pLeft = prev ? (left + mu * p(x)) / (model.unigram(prev) + mu) : p(x);
  const pRight = next ? (right + mu * p(next)) / (model.unigram(x) + mu) : 1;
  return { score: pLeft * pRight, left, right };
}

/** fit() by ids (-1: no neighbour), for the context check's hot loop; its figures in `out`. */
function fitId(model: SyllableModel, prev: number, x: number, next: number, mu: number, out: Fit): Fit {
  const n = model.tokens;
  const px = (model.unigramId(x) + 0.5) / n;
  const left = prev >= 0 ? model.bigramId(prev, x) : 0;
  const right = next >= 0 ? model.bigramId(x, next) : 0;
  const pLeft = prev >= 0 ? (left + mu * px) / (model.unigramId(prev) + mu) : px;
  const pRight = next >= 0 ? (right + mu * ((model.unigramId(next) + 0.5) / n)) / (model.unigramId(x) + mu) : 1;
  out.score = pLeft * pRight;
  out.left = left;
  out.right = right;
  return out;
}
interface Fit {
  score: number;
  left: number;
  right: number;
}

function nonWord(ctx: Ctx, i: number): TypoFinding | undefined {
  const { model } = ctx;
  const t = ctx.tokens[i]!;
  const { prev, next } = context(ctx, i);
  const plain = ctx.analyses[i]!.plain;
  // keys typed one off in Telex ("avf" for "và"): a reading the neighbours know
  if (plain) {
    const telex = telexReadings(t.lower)
      .map((r) => canonicalTone(r))
      .filter((r) => r !== canonicalTone(t.lower) && model.known(r))
      .map((c) => ({ c, f: fit(model, prev, c, next) }))
      .filter((x) => x.f.left + x.f.right >= 2)
      .sort((a, b) => b.f.left + b.f.right - (a.f.left + a.f.right));
    if (telex.length) return { start: i, end: i + 1, kind: 'nonword', suggestions: [matchCase(telex[0]!.c, t.text)], confident: true, found: t.text };
  }
  // a name is repaired only from the names of the gazetteers, or by dropping a doubled letter
  const undoubled = t.lower.replace(/(\p{L})\1+/gu, '$1');
  const undoubledKey = undoubled !== t.lower ? model.analyze(undoubled).key : null;
  const known = ctx.name[i] ? (x: string): boolean => model.nameSyllable(x) || x === undoubledKey : (x: string): boolean => model.known(x);
  // plain letters: a toneless stop syllable is an English word ("chip", "top", "bit", "not"), unless it is
  // a word typed without its marks that both neighbours know well ("kế hoach công tác", "quoc tế")
  if (plain && /[aeiouy](p|t|c|ch)$/u.test(t.lower)) {
    if (ctx.name[i] || !prev || !next) return undefined;
    const restored = model
      .restorations(t.lower)
      .map((c) => ({ c, f: fit(model, prev, c, next) }))
      .filter((x) => Math.min(x.f.left, x.f.right) >= 5)
      .sort((a, b) => b.f.score - a.f.score);
    if (!restored.length) return undefined;
    return { start: i, end: i + 1, kind: 'nonword', suggestions: restored.slice(0, 5).map((x) => matchCase(x.c, t.text)), confident: true, found: t.text };
  }
  const cands = new Set(editCandidates(t.lower, known));
  // typed without marks ("nguoi"): every known syllable it reads as
  if (plain && !ctx.name[i]) for (const c of model.restorations(t.lower)) cands.add(c);
  const score = (c: string): { c: string; f: ReturnType<typeof fit>; u: number; cost: number } => ({ c, f: fit(model, prev, c, next), u: model.unigram(c), cost: channelCost(t.lower, c) });
  const scored = [...cands].map(score);
  // other plain shapes ("trog", "dia", "scan") are a typo only when a near repair fits both neighbours
  if (plain) {
    const strong = (x: (typeof scored)[number]): boolean => prev && next ? Math.min(x.f.left, x.f.right) >= 3 : x.f.left + x.f.right >= 10;
    if (!scored.some(strong)) return undefined;
  }
  // two edits away, when the neighbours know it ("tạm đièn chỉ" → "đình"): ranked below by fit and cost
  if (!ctx.name[i]) for (const c of contextCandidates(model, prev, next)) if (!cands.has(c) && channelCost(t.lower, c) <= 2) scored.push(score(c));
  // noisy channel: how well the candidate fits its neighbours, times how likely the typist made this typo of it
  const value = (x: (typeof scored)[number]): number => Math.log(x.f.score) - CHANNEL_WEIGHT * x.cost;
  const ranked = scored
    .sort((a, b) => Number(b.c === undoubledKey) - Number(a.c === undoubledKey) || value(b) - value(a) || b.u - a.u)
    .slice(0, 5)
    .map((x) => matchCase(x.c, t.text));
  // a name the gazetteers do not hold may be spelt as its owner spells it ("Kương"): a warning, unless
  // it breaks a rule no spelling keeps (a stop ending without sắc or nặng, a tone on the wrong vowel: "Viêt")
  const problem = model.analyze(t.lower).problem;
  const confident = !ctx.name[i] || problem === 'stop-tone' || problem === 'tone-place';
  return { start: i, end: i + 1, kind: 'nonword', suggestions: ranked, confident, found: t.text };
}

/** The log-odds one edit of the typist costs against a better fit with the neighbours: an edit is worth a thousandfold. */
const CHANNEL_WEIGHT = Math.log(1000);

/** Syllables both neighbours go with (seen after the previous one and, when there is one, before the next). */
function contextCandidates(model: SyllableModel, prev: string | null, next: string | null): string[] {
  if (!prev) return [];
  const out: string[] = [];
  for (const [c, n] of model.successors(prev)) if (n >= 2 && (!next || model.bigram(c, next) >= 2)) out.push(c);
  return out;
}

/**
 * A syllable split by a stray space ("tài s ản" for "tài sản"): two neighbouring pieces, one of them no
 * syllable of Vietnamese, that join into a known syllable the neighbours go with. The fix joins them.
 */
function findSplits(ctx: Ctx): TypoFinding[] {
  const { tokens, keys, ids, analyses, model, opts } = ctx;
  const out: TypoFinding[] = [];
  const piece = (k: number): boolean => {
    const t = tokens[k]!;
    return !t.glued && !t.enumerator && !ctx.name[k] && !(opts.words.size > 0 && opts.words.has(t.lower)) && !analyses[k]!.foreign && (t.caseForm === 'lower' || (t.caseForm === 'capital' && k === 0));
  };
  const word = (k: number): boolean => model.attestedId(ids[k]!) && tokens[k]!.text.length > 1;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!b.joined || b.start - a.end !== 1 || b.caseForm !== 'lower') continue;
    if (word(i) && word(i + 1)) continue;
    if (!piece(i) || !piece(i + 1)) continue;
    const joined = a.lower + b.lower;
    const key = model.analyze(joined).key;
    if (!key || !model.known(key) || !model.attested(key)) continue;
    const prev = a.joined && i > 0 ? keys[i - 1] ?? null : null;
    const next = tokens[i + 2]?.joined ? keys[i + 2] ?? null : null;
    const support = (prev ? model.bigram(prev, key) : 0) + (next ? model.bigram(key, next) : 0);
    if (support < 2) continue;
    // the pieces read apart must not fit better: a lone piece a neighbour knows is a word of its own
    const apart = (prev && keys[i] ? model.bigram(prev, keys[i]!) : 0) + (next && keys[i + 1] ? model.bigram(keys[i + 1]!, next) : 0);
    if (apart >= support) continue;
    out.push({ start: i, end: i + 2, kind: 'split', suggestions: [a.text + b.text], confident: support >= 5, found: `${a.text} ${b.text}` });
    i++;
  }
  return out;
}

/** Defaults of the context model, chosen with `npm run eval:typo` (see docs/rules/typo.md). */
export const CONTEXT_DEFAULTS = { ratio: 500, oneSidedRatio: 1000, confidentSupport: 20, errorRatio: 20000, registerBoost: 5, mu: 50, wordSupport: 20, wordDice: 0.05, errorDice: 0.2, contradicts: 1 };

/**
 * A real syllable its neighbours do not expect, when a confusable one is far more likely there
 * (a noisy-channel decision: the written word keeps a strong prior, so the ratio must be large).
 * Candidates: the phonetic confusions (tone, vowel marks, initials, finals) and, inside a common
 * two-syllable word, any syllable one letter away ("chỉ tịch" → "chủ tịch"). A neighbour that
 * knows the written word and not the candidate speaks against the change.
 */
function contextual(ctx: Ctx, i: number): TypoFinding | undefined {
  const ids = ctx.ids;
  const t = ctx.tokens[i]!;
  // the neighbours read with it (context(), by id)
  const nt = ctx.tokens[i + 1];
  const prev = t.joined && i > 0 && !ctx.flagged[i - 1] ? ids[i - 1]! : -1;
  const next = nt && nt.joined && !ctx.flagged[i + 1] ? ids[i + 1]! : -1;
  if (prev < 0 && next < 0) return undefined;
  const both = prev >= 0 && next >= 0;
  // one neighbour is weak evidence: not when the other side is a number or code the word goes with
  // ("quý II", "tháng 5"), nor against a word of the plan register
  if (!both && (t.codeAfter || t.codeBefore || ctx.model.registerId(ids[i]!))) return undefined;
  // a written syllable its neighbours both know stands (the quick test that spares most tokens the candidates)
  const lw = prev >= 0 ? neighbourPair(ctx, i) : 0;
  const rw = next >= 0 ? neighbourPair(ctx, i + 1) : 0;
  if (both && lw > 0 && rw > 0) return undefined;
  if (!both && lw + rw > 0) return undefined;
  return contextCandidate(ctx, i, prev, next, lw, rw);
}

/** The rest of contextual(), for the few syllables a neighbour does not know: the candidates that fit better. */
function contextCandidate(ctx: Ctx, i: number, prev: number, next: number, lw: number, rw: number): TypoFinding | undefined {
  const { model, opts, o, ids } = ctx;
  const t = ctx.tokens[i]!;
  const w = ids[i]!;
  const both = prev >= 0 && next >= 0;
  // the document itself uses the pair elsewhere, often enough not to be one typo repeated: it stands
  const doc = opts.documentPairs;
  if (doc && ((prev >= 0 && doc.pairId(prev, w) >= 3) || (next >= 0 && doc.pairId(w, next) >= 3))) return undefined;
  const fw = fitId(model, prev, w, next, o.mu, { score: 0, left: 0, right: 0 });
  // a syllable the document uses far more often than office text does is its register ("phường", "cát" in a mining report): ask for more evidence
  const uses = doc?.unigramId(w) ?? 0;
  const docTokens = doc?.total ?? 0;
  const overuse = uses >= 3 && docTokens ? uses / docTokens / ((model.unigramId(w) + 1) / model.tokens) : 1;
  const boost = Math.max(1, overuse) * (model.registerId(w) ? o.registerBoost : 1);
  let best: { c: number; f: Fit; dice: number; value: number } | undefined;
  const f: Fit = { score: 0, left: 0, right: 0 };
  const consider = (c: number): void => {
    // cheap tests first: a side that knows the written word must know the candidate as well, and the
    // candidate needs a common word with a neighbour the written word does not go with
    const cl = prev >= 0 ? model.bigramId(prev, c) : 0;
    const cr = next >= 0 ? model.bigramId(c, next) : 0;
    if ((lw > 0 && cl < lw * o.contradicts) || (rw > 0 && cr < rw * o.contradicts)) return;
    if (!(lw === 0 && cl >= o.wordSupport) && !(rw === 0 && cr >= o.wordSupport)) return;
    fitId(model, prev, c, next, o.mu, f);
    // a side that knows the written word at least as well as the candidate speaks against the change
    if ((prev >= 0 && lw > 0 && f.left < Math.max(lw, 1) * o.contradicts) || (next >= 0 && rw > 0 && f.right < Math.max(rw, 1) * o.contradicts)) return;
    // the candidate must make a common two-syllable word with a neighbour the written word does not
    // go with ("kinh nghiệm", "chủ tịch"): seen often, and most of the time these two go together
    const dl = prev >= 0 && lw === 0 && f.left >= o.wordSupport ? model.diceId(prev, c) : 0;
    const dr = next >= 0 && rw === 0 && f.right >= o.wordSupport ? model.diceId(c, next) : 0;
    const dice = Math.max(dl, dr);
    // (both neighbours merely knowing the candidate is not enough: "tỉnh bạn", "quý cơ quan", "võ sinh"
    // are correct, and read as "ban", "quy", "vợ" by a model of pairs — measured on real-dev)
    if (dice < o.wordDice) return;
    if (f.score < fw.score * (both ? o.ratio : o.oneSidedRatio) * boost) return;
    // among the candidates the neighbours call for, the likeliest typo: fit against the typist's edits
    // ("xác dinh": "định", with its marks left out, before "minh", another letter)
    const value = Math.log(f.score) - CHANNEL_WEIGHT * channelCost(t.lower, model.syllable(c));
    if (!best || value > best.value) best = { c, f: { ...f }, dice, value };
  };
  const candidates = model.candidateIds(w);
  for (let k = 0; k < candidates.length; k++) consider(candidates[k]!);
  const words = model.wordCandidateIds(w);
  for (let k = 0; k < words.length; k++) consider(words[k]!);
  // typed without marks ("xác dinh" for "xác định"): the syllables it reads as
  if (ctx.analyses[i]!.plain) {
    const restored = model.restorationIds(t.lower);
    for (let k = 0; k < restored.length; k++) if (restored[k] !== w) consider(restored[k]!);
  }
  if (!best) return undefined;
  const { f: bf, c, dice } = best as { c: number; f: Fit; dice: number };
  // an error only when the evidence is overwhelming: both neighbours know the candidate, neither the
  // written word, the word is a strong one, and the document does not use the written word itself
  const confident =
    both && Math.min(bf.left, bf.right) >= o.confidentSupport && lw + rw === 0 && dice >= o.errorDice && uses <= 2 && bf.score >= fw.score * o.errorRatio;
  return { start: i, end: i + 1, kind: 'context', suggestions: [matchCase(model.syllable(c), t.text)], confident, found: t.text };
}

/** The model's count of the pair (ids[j - 1], ids[j]), remembered for the paragraph. */
function neighbourPair(ctx: Ctx, j: number): number {
  let c = ctx.pairs[j]!;
  if (c < 0) c = ctx.pairs[j] = ctx.model.bigramId(ctx.ids[j - 1]!, ctx.ids[j]!);
  return c;
}

/** Counts of a document's syllables and pairs of adjacent syllables (by the model's ids). */
export class DocumentCounts {
  total = 0;
  private uni = new Int32Array(16384);
  private readonly pairs = new PairCounts();
  private model: SyllableModel | undefined;
  add(tokens: Token[], model: SyllableModel): void {
    this.model = model;
    let prev = -1;
    for (const t of tokens) {
      const k = model.analyzeToken(t).id;
      this.total++;
      if (k >= 0) {
        if (k >= this.uni.length) {
          const grown = new Int32Array(Math.max(2 * this.uni.length, k + 1));
          grown.set(this.uni);
          this.uni = grown;
        }
        this.uni[k]!++;
        if (prev >= 0 && t.joined) this.pairs.add(prev, k);
      }
      prev = k;
    }
  }
  unigramId(id: number): number {
    return id >= 0 && id < this.uni.length ? this.uni[id]! : 0;
  }
  pairId(a: number, b: number): number {
    return this.pairs.get(a, b);
  }
  unigram(s: string): number {
    const id = this.model?.index.get(s);
    return id === undefined ? 0 : this.unigramId(id);
  }
  pair(a: string, b: string): number {
    const i = this.model?.index.get(a);
    const j = this.model?.index.get(b);
    return i === undefined || j === undefined ? 0 : this.pairId(i, j);
  }
}
/**
 * Counts of pairs of ids in an open-addressing hash table (a document adds thousands of pairs: no Map
 * entry per pair). Ids below 2^15 make one small integer; the rare larger ones go to a Map.
 */
class PairCounts {
  private keys = new Int32Array(4096).fill(-1);
  private counts = new Int32Array(4096);
  private shift = 32 - 12; // the high bits of the product make the slot
  private used = 0;
  private readonly large = new Map<string, number>();
  add(a: number, b: number): void {
    if (a >= 32768 || b >= 32768) {
      const k = `${a} ${b}`;
      this.large.set(k, (this.large.get(k) ?? 0) + 1);
      return;
    }
    if (2 * (this.used + 1) > this.keys.length) this.grow();
    const slot = this.slot(a * 32768 + b);
    if (this.keys[slot] === -1) {
      this.keys[slot] = a * 32768 + b;
      this.used++;
    }
    this.counts[slot]!++;
  }
  get(a: number, b: number): number {
    if (a >= 32768 || b >= 32768) return this.large.get(`${a} ${b}`) ?? 0;
    const slot = this.slot(a * 32768 + b);
    return this.keys[slot] === -1 ? 0 : this.counts[slot]!;
  }
  /** The slot of a key, or the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }
  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Int32Array(keys.length * 2);
    this.shift--;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === -1) continue;
      const slot = this.slot(keys[k]!);
      this.keys[slot] = keys[k]!;
      this.counts[slot] = counts[k]!;
    }
  }
}

/** Reviewed misspellings of administrative phrases ("tham những" → "tham nhũng"). */
function findConfusions(ctx: Ctx): TypoFinding[] {
  const out: TypoFinding[] = [];
  const { tokens, keys, ids, model } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    // most syllables start no reviewed misspelling (the flag of the table says which do)
    if (ids[i]! >= 0 && !model.startsConfusion(ids[i]!)) continue;
    for (const entry of model.confusionsStartingWith(keys[i] ?? tokens[i]!.lower)) {
      const n = entry.wrong.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        if ((keys[i + k] ?? tokens[i + k]!.lower) !== entry.wrong[k] || (k > 0 && !tokens[i + k]!.joined)) ok = false;
      }
      if (!ok) continue;
      // report the syllables that differ
      let a = 0;
      while (a < n && entry.rightKeys[a] === entry.wrong[a]) a++;
      if (a === n) continue;
      let b = n;
      while (b > a && entry.rightKeys[b - 1] === entry.wrong[b - 1]) b--;
      const replacement = entry.right
        .slice(a, b)
        .map((s, k) => matchCase(s, tokens[i + a + k]!.text))
        .join(' ');
      out.push({
        start: i + a,
        end: i + b,
        kind: 'confusion',
        suggestions: [replacement],
        confident: true,
        found: tokens.slice(i + a, i + b).map((x) => x.text).join(' '),
      });
    }
  }
  return out;
}

