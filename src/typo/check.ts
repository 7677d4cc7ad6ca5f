// The spelling check over a run of tokens: non-words, known confusions and
// real-word errors found from the neighbouring syllables.
import type { Token } from './tokens.js';
import { matchCase } from './tokens.js';
import type { SyllableModel } from './model.js';
import { canonicalTone, editCandidates } from './syllable.js';

export type TypoKind = 'nonword' | 'confusion' | 'context';

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

/** Letters never used in Vietnamese words, and clusters Vietnamese spelling never makes. */
const FOREIGN_SHAPE = /[fjwz]|[bcdghklmnpqrstvx]{2,}(?<!ch|gh|gi|kh|ng|nh|ph|qu|th|tr|ngh)|[bcdghklmnpqrstvx]$(?<!c|ch|m|n|ng|nh|p|t)/u;

interface Ctx {
  /** Tokens already reported (dictionary): unreliable as neighbours. */
  flagged: Set<number>;
  tokens: Token[];
  model: SyllableModel;
  opts: CheckOptions;
  skip: boolean[]; // not a Vietnamese word to check (name, abbreviation, foreign)
  keys: (string | null)[]; // canonical lower-case syllable, or null when not a well-formed syllable
}

/**
 * Check one run of tokens: a paragraph, possibly led by the last token of the paragraph before
 * it when a sentence was broken across paragraphs (the caller drops findings on that token).
 * `upperLine`: the paragraph is written in capitals, so capitalised words are words, not abbreviations.
 */
export function checkTokens(tokens: Token[], model: SyllableModel, opts: CheckOptions, upperLine = false): TypoFinding[] {
  if (!tokens.length) return [];
  const skip = tokens.map((_, i) => isSkipped(tokens, i, model, opts, upperLine));
  const keys = tokens.map((t) => model.analyze(t.lower).key);
  const taken = new Set<number>();
  const ctx: Ctx = { tokens, model, opts, skip, keys, flagged: taken };
  const findings: TypoFinding[] = [];
  for (const f of findConfusions(ctx)) {
    findings.push(f);
    for (let i = f.start; i < f.end; i++) taken.add(i);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || skip[i]) continue;
    const f = keys[i] === null ? nonWord(ctx, i) : contextual(ctx, i);
    if (f) findings.push(f);
  }
  return findings.sort((a, b) => a.start - b.start);
}

function isSkipped(tokens: Token[], i: number, model: SyllableModel, opts: CheckOptions, upperLine: boolean): boolean {
  const t = tokens[i]!;
  if (t.glued || opts.words.has(t.lower) || model.foreign.has(t.lower)) return true;
  if (t.caseForm === 'mixed') return true; // YouTube, TikTok, CTr
  if (t.text.length === 1) {
    // a lone consonant is a word that lost its vowel ("kể t ngày"), unless it is a list point or a unit
    const before = tokens[i - 1];
    const point = /^(điểm|khoản|mục|tiết|phần|bảng|phụ|lục|và|hoặc)$/u.test(before?.lower ?? '') || !t.joined || !tokens[i + 1]?.joined;
    return !/^[bcdđghklmnpqrstvx]$/u.test(t.lower) || t.caseForm !== 'lower' || point;
  }
  if (/^[IVXLC]+$/.test(t.text)) return true; // Roman numerals
  // all capitals: an abbreviation (UBND, HĐND), unless the whole line is written in capitals (a heading)
  if (t.caseForm === 'upper' && !upperLine) return true;
  if (t.caseForm === 'capital' && !t.sentenceStart) {
    // a capital inside a sentence: a proper name when a capitalised neighbour stands beside it
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const capNeighbour = (n: Token | undefined, joined: boolean): boolean => !!n && joined && (n.caseForm === 'capital' || n.caseForm === 'upper') && !n.sentenceStart;
    // a name is trusted only as far as its syllables are Vietnamese: "Hải Ănn" is still a non-word
    if (capNeighbour(prev, t.joined) || capNeighbour(next, !!next?.joined)) return !(model.analyze(t.lower).problem && /[đăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/u.test(t.lower));
  }
  if (!model.analyze(t.lower).problem) return false;
  // not a syllable: a typo, or a foreign word, an abbreviation or a name
  if (t.caseForm === 'upper') return true; // HĐND, UBND in a heading
  if ([...t.lower].length > 7) return true; // no Vietnamese syllable is longer than "nghiêng": a foreign word
  // two vowel groups ("taxi", "casino", "lênin"): several syllables written as one, a foreign word or a name
  if ((t.lower.normalize('NFD').replace(/\p{M}/gu, '').match(/[aeiouy]+/g) ?? []).length > 1) return true;
  const vietnamese = /[đăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/u.test(t.lower);
  if (vietnamese) return false;
  if (t.caseForm !== 'lower' && !t.sentenceStart) return true; // Zalo, Olympic
  if (/[fjwz]/.test(t.lower)) return true;
  // a doubled letter or a lost vowel in a Vietnamese word is a typo ("vốnn", "trng"); other odd clusters are foreign
  const undoubled = t.lower.replace(/(.)\1+/g, '$1');
  if (undoubled !== t.lower && model.known(canonicalTone(undoubled))) return false;
  if (!/[aeiouy]/.test(t.lower)) return t.lower.length < 3;
  return false; // decided in nonWord(): a foreign-looking shape is a typo only when the context knows a repair
}

function context(ctx: Ctx, i: number): { prev: string | null; next: string | null } {
  const t = ctx.tokens[i]!;
  const n = ctx.tokens[i + 1];
  return {
    prev: t.joined && !ctx.flagged.has(i - 1) ? ctx.keys[i - 1] ?? null : null,
    next: n && n.joined && !ctx.flagged.has(i + 1) ? ctx.keys[i + 1] ?? null : null,
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

function nonWord(ctx: Ctx, i: number): TypoFinding | undefined {
  const t = ctx.tokens[i]!;
  const { prev, next } = context(ctx, i);
  const cands = editCandidates(t.lower, (x) => ctx.model.known(x));
  const scored = cands.map((c) => ({ c, f: fit(ctx.model, prev, c, next), u: ctx.model.unigram(c) }));
  // plain letters in a shape Vietnamese never writes ("logistic", "trog"): a typo only when a repair fits the context
  const plain = !/[đăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/u.test(t.lower);
  if (plain && FOREIGN_SHAPE.test(t.lower) && !scored.some((x) => x.f.left + x.f.right >= 3)) return undefined;
  const ranked = scored
    .sort((a, b) => b.f.left + b.f.right - (a.f.left + a.f.right) || b.u - a.u)
    .slice(0, 5)
    .map((x) => matchCase(x.c, t.text));
  return { start: i, end: i + 1, kind: 'nonword', suggestions: ranked, confident: true, found: t.text };
}

/** Defaults of the context model, chosen with `npm run eval:typo` (see docs/rules/typo.md). */
export const CONTEXT_DEFAULTS = { ratio: 500, oneSidedRatio: 1000, minSupport: 5, confidentSupport: 20, errorRatio: 20000, registerBoost: 5, mu: 50 };

/**
 * A real syllable its neighbours do not expect, when a confusable one is far more likely there
 * (a noisy-channel decision: the written word keeps a strong prior, so the ratio must be large).
 */
function contextual(ctx: Ctx, i: number): TypoFinding | undefined {
  const { model, opts } = ctx;
  const t = ctx.tokens[i]!;
  const w = ctx.keys[i]!;
  const { prev, next } = context(ctx, i);
  if (!prev && !next) return undefined;
  // one neighbour is weak evidence: not when the other side is a number or code the word goes with
  // ("quý II", "tháng 5"), nor against a word of the plan register
  if ((!prev || !next) && (t.codeAfter || t.codeBefore || model.isRegister(w))) return undefined;
  // a written syllable its neighbours both know stands (the quick test that spares most tokens the candidates)
  if (prev && next && model.bigram(prev, w) > 0 && model.bigram(w, next) > 0) return undefined;
  if ((!prev || !next) && (prev ? model.bigram(prev, w) : model.bigram(w, next!)) > 0) return undefined;
  const o = { ...CONTEXT_DEFAULTS, ...opts.context };
  const fw = fit(model, prev, w, next, o.mu);
  // the document itself uses the pair elsewhere, often enough not to be one typo repeated: it stands
  const seen = (a: string | null, b: string | null): number => (a && b ? opts.documentPairs?.pair(a, b) ?? 0 : 0);
  if (seen(prev, w) >= 3 || seen(w, next) >= 3) return undefined;
  // a syllable the document uses far more often than laws do is its register ("phường", "quý"): ask for more evidence
  const uses = opts.documentPairs?.unigram(w) ?? 0;
  const docTokens = opts.documentPairs?.total ?? 0;
  const overuse = uses >= 3 && docTokens ? uses / docTokens / ((model.unigram(w) + 1) / model.tokens) : 1;
  let best: { c: string; f: ReturnType<typeof fit> } | undefined;
  for (const c of model.candidates(w)) {
    const fc = fit(model, prev, c, next, o.mu);
    if (!best || fc.score > best.f.score) best = { c, f: fc };
  }
  if (!best) return undefined;
  const { f } = best;
  const both = !!prev && !!next;
  // the plan register (syllables of the reviewed phrases) is written on purpose far more often than mistyped
  const boost = Math.max(1, overuse) * (model.isRegister(w) ? o.registerBoost : 1);
  if (both) {
    if (Math.max(f.left, f.right) < o.minSupport || f.score < fw.score * o.ratio * boost) return undefined;
  } else if (f.left + f.right < o.minSupport * 3 || f.score < fw.score * o.oneSidedRatio * boost) return undefined;
  // an error only when the evidence is overwhelming and the document does not use the word itself
  const confident = both && Math.min(f.left, f.right) >= o.confidentSupport && fw.left + fw.right === 0 && uses <= 2 && f.score >= fw.score * o.errorRatio;
  return { start: i, end: i + 1, kind: 'context', suggestions: [matchCase(best.c, t.text)], confident, found: t.text };
}

/** Counts of a document's syllables and pairs of adjacent syllables. */
export class DocumentCounts {
  total = 0;
  private readonly uni = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, number>>();
  add(tokens: Token[], model: SyllableModel): void {
    let prev: string | null = null;
    for (const t of tokens) {
      const k = model.analyze(t.lower).key;
      this.total++;
      if (k) this.uni.set(k, (this.uni.get(k) ?? 0) + 1);
      if (prev && k && t.joined) {
        let row = this.pairs.get(prev);
        if (!row) this.pairs.set(prev, (row = new Map()));
        row.set(k, (row.get(k) ?? 0) + 1);
      }
      prev = k;
    }
  }
  unigram(s: string): number {
    return this.uni.get(s) ?? 0;
  }
  pair(a: string, b: string): number {
    return this.pairs.get(a)?.get(b) ?? 0;
  }
}

/** Reviewed misspellings of administrative phrases ("tham những" → "tham nhũng"). */
function findConfusions(ctx: Ctx): TypoFinding[] {
  const out: TypoFinding[] = [];
  const { tokens, keys, model } = ctx;
  for (let i = 0; i < tokens.length; i++) {
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
      while (a < n && canonicalTone(entry.right[a]!) === entry.wrong[a]) a++;
      if (a === n) continue;
      let b = n;
      while (b > a && canonicalTone(entry.right[b - 1]!) === entry.wrong[b - 1]) b--;
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

