// The syllable statistics behind the spelling rule: unigram and bigram counts of
// office Vietnamese (laws and office documents, data/typo-model.json), the attested
// syllables and the syllables of names (data/typo-lexicon.json), both built by
// `npm run build:model`, and the reviewed phrase dictionary (data/typo-phrases.json).
import fs from 'node:fs';
import { dataPath } from '../paths.js';
import { canonicalTone, confusionCandidates, letterEdits, stripMarks, syllableProblem } from './syllable.js';

export interface ConfusionEntry {
  wrong: string;
  right: string;
  family: string;
}

export interface PhraseData {
  /** Correct administrative phrases: their syllable pairs count as seen (laws are not plans). */
  phrases: string[];
  /** Frequent misspellings of administrative phrases. */
  confusions: ConfusionEntry[];
  /** Foreign words and loanwords that are not Vietnamese syllables. */
  foreign: string[];
}

// The model is read-only data, loaded on first use and shared by every file of a run and every rule.
let shared: SyllableModel | undefined;
export function sharedModel(): SyllableModel {
  return (shared ??= SyllableModel.load());
}

let additions: { reduplications: Set<string> } | undefined;
/** The reviewed additions (data/typo-additions.json) the rules read: reduplications. */
export function typoAdditions(): { reduplications: Set<string> } {
  if (!additions) {
    const file = JSON.parse(fs.readFileSync(dataPath('typo-additions.json'), 'utf8')) as { reduplications: string[] };
    additions = { reduplications: new Set(file.reduplications.map((r) => r.toLowerCase().normalize('NFC'))) };
  }
  return additions;
}

interface LexiconFile {
  syllables: string; // space-separated, canonical tone placement
  names: string; // space-separated, lower case, canonical where well-formed
}

interface ModelFile {
  vocab: string; // space-separated syllables, index = position
  unigrams: string; // base64 Uint32Array
  bigramKeys: string; // base64 Uint32Array, sorted (i * 65536 + j)
  bigramCounts: string; // base64 Uint16Array
  tokens: number;
}

function decode<T extends Uint32Array | Uint16Array>(b64: string, Ctor: { new (buf: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const buf = Buffer.from(b64, 'base64');
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Ctor(copy);
}

/** Weight of a reviewed phrase's syllable pair, as if seen this often in the corpus. */
export const PHRASE_WEIGHT = 40;

export class SyllableModel {
  readonly index = new Map<string, number>();
  private readonly phrasePairs = new Map<string, Map<string, number>>();
  private readonly confusionIndex = new Map<string, SyllableModel['confusions']>();
  private readonly phraseSyllables = new Map<string, number>();
  private readonly candidatesMemo = new Map<string, string[]>();
  private readonly analysisMemo = new Map<string, { problem: string | undefined; key: string | null; name?: boolean }>();
  readonly foreign: Set<string>;
  /** Syllables some Vietnamese word uses (canonical): a well-formed syllable outside it is a non-word. */
  readonly attestedSet: Set<string>;
  /** Syllables of proper names (lower case, canonical where well-formed): accepted when capitalised. */
  readonly names: Set<string>;
  readonly confusions: { wrong: string[]; right: string[]; family: string }[];
  readonly tokens: number;

  constructor(
    private readonly vocab: string[],
    private readonly unigrams: Uint32Array,
    private readonly keys: Uint32Array,
    private readonly counts: Uint16Array,
    phrases: PhraseData,
    tokens: number,
    lexicon: LexiconFile = { syllables: '', names: '' },
  ) {
    vocab.forEach((w, i) => this.index.set(w, i));
    this.attestedSet = new Set(lexicon.syllables.split(' ').filter(Boolean));
    this.names = new Set(lexicon.names.split(' ').filter(Boolean));
    this.tokens = tokens;
    for (const p of phrases.phrases) {
      const syl = p.toLowerCase().split(/\s+/).map(canonicalTone);
      syl.forEach((s) => this.phraseSyllables.set(s, (this.phraseSyllables.get(s) ?? 0) + PHRASE_WEIGHT));
      for (let i = 0; i + 1 < syl.length; i++) {
        let row = this.phrasePairs.get(syl[i]!);
        if (!row) this.phrasePairs.set(syl[i]!, (row = new Map()));
        row.set(syl[i + 1]!, (row.get(syl[i + 1]!) ?? 0) + PHRASE_WEIGHT);
      }
    }
    this.foreign = new Set(phrases.foreign.map((w) => w.toLowerCase()));
    this.confusions = phrases.confusions.map((c) => ({
      wrong: c.wrong.toLowerCase().split(/\s+/).map(canonicalTone),
      right: c.right.toLowerCase().split(/\s+/),
      family: c.family,
    }));
    for (const c of this.confusions) {
      const list = this.confusionIndex.get(c.wrong[0]!) ?? [];
      list.push(c);
      this.confusionIndex.set(c.wrong[0]!, list);
    }
  }

  /** Dictionary entries whose misspelling starts with this syllable. */
  confusionsStartingWith(s: string): SyllableModel['confusions'] {
    return this.confusionIndex.get(s) ?? [];
  }

  static load(): SyllableModel {
    const file = JSON.parse(fs.readFileSync(dataPath('typo-model.json'), 'utf8')) as ModelFile;
    const phrases = JSON.parse(fs.readFileSync(dataPath('typo-phrases.json'), 'utf8')) as PhraseData;
    const lexicon = JSON.parse(fs.readFileSync(dataPath('typo-lexicon.json'), 'utf8')) as LexiconFile;
    return new SyllableModel(
      file.vocab.split(' '),
      decode(file.unigrams, Uint32Array),
      decode(file.bigramKeys, Uint32Array),
      decode(file.bigramCounts, Uint16Array),
      phrases,
      file.tokens,
      lexicon,
    );
  }

  /** A syllable some Vietnamese word uses (canonical form), or one of the reviewed phrases or the counts. */
  attested(s: string): boolean {
    return this.attestedSet.has(s) || this.phraseSyllables.has(s);
  }

  /** A syllable of a proper name in the gazetteers or the reviewed additions (lower case). */
  nameSyllable(lower: string): boolean {
    const a = this.analyze(lower);
    return (a.name ??= this.names.has(a.key ?? lower));
  }

  /** How often a syllable was seen (canonical tone placement expected). */
  unigram(s: string): number {
    const i = this.index.get(s);
    return (i === undefined ? 0 : this.unigrams[i]!) + (this.phraseSyllables.get(s) ?? 0);
  }

  /** Spelling problem and canonical form of a lower-case token, memoised (a plan repeats its words). */
  analyze(lower: string): { problem: string | undefined; key: string | null; name?: boolean } {
    let a = this.analysisMemo.get(lower);
    if (!a) {
      const problem = syllableProblem(lower);
      a = { problem, key: problem ? null : canonicalTone(lower) };
      this.analysisMemo.set(lower, a);
    }
    return a;
  }

  /** A syllable of the reviewed administrative phrases. */
  isRegister(s: string): boolean {
    return this.phraseSyllables.has(s);
  }

  /** A syllable worth suggesting: counted in office text or the phrases, and attested. */
  known(s: string): boolean {
    return (this.index.has(s) || this.phraseSyllables.has(s)) && (this.attestedSet.size === 0 || this.attested(s));
  }

  /** How much two syllables go together: 2·n(a b) / (n(a) + n(b)), 1 when each is only ever seen with the other. */
  dice(a: string, b: string): number {
    const d = this.unigram(a) + this.unigram(b);
    return d ? (2 * this.bigram(a, b)) / d : 0;
  }

  bigram(a: string, b: string): number {
    const extra = this.phrasePairs.get(a)?.get(b) ?? 0;
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return extra;
    const key = i * 65536 + j;
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid]!;
      if (k === key) return this.counts[mid]! + extra;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return extra;
  }

  private readonly wordMemo = new Map<string, string[]>();
  /** Common syllables one letter away (same tone): candidates of word-level confusions ("chỉ tịch" → "chủ tịch"). */
  wordCandidates(s: string): string[] {
    let c = this.wordMemo.get(s);
    if (!c) {
      const phonetic = new Set(this.candidates(s));
      c = letterEdits(s).filter((x) => !phonetic.has(x) && this.known(x) && this.unigram(x) >= 20);
      this.wordMemo.set(s, c);
    }
    return c;
  }

  private restorationIndex: Map<string, string[]> | undefined;
  /** Known syllables that read as this one once their marks are dropped ("dinh" → "định", "đinh", "dính" …). */
  restorations(plain: string): string[] {
    if (!this.restorationIndex) {
      const index = new Map<string, string[]>();
      for (const w of new Set([...this.vocab, ...this.phraseSyllables.keys()])) {
        if (!this.known(w)) continue;
        const k = stripMarks(w);
        if (k === w) continue;
        const list = index.get(k) ?? [];
        list.push(w);
        index.set(k, list);
      }
      this.restorationIndex = index;
    }
    return this.restorationIndex.get(plain) ?? [];
  }

  /** Syllables seen right after this one in office text, with their counts (the phrases' pairs included). */
  successors(a: string): Map<string, number> {
    const out = new Map<string, number>();
    const i = this.index.get(a);
    if (i !== undefined) {
      const from = i * 65536;
      let lo = 0;
      let hi = this.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.keys[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.keys.length && this.keys[k]! < from + 65536; k++) out.set(this.vocab[this.keys[k]! - from]!, this.counts[k]!);
    }
    for (const [b, n] of this.phrasePairs.get(a) ?? []) out.set(b, (out.get(b) ?? 0) + n);
    return out;
  }

  /** Real-word confusion candidates that the corpus or the phrases know. */
  candidates(s: string): string[] {
    let c = this.candidatesMemo.get(s);
    if (!c) {
      c = confusionCandidates(s).filter((x) => this.known(x));
      this.candidatesMemo.set(s, c);
    }
    return c;
  }
}
