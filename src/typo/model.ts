// The syllable statistics behind the spelling rule: unigram and bigram counts of
// office Vietnamese (laws and office documents, data/typo-model.json), the attested
// syllables and the syllables of names (data/typo-lexicon.json), both built by
// `npm run build:model`, and the reviewed phrase dictionary (data/typo-phrases.json),
// loaded from their compiled form (data/typo-tables.bin, src/typo/compile.ts): one table
// of syllables with integer ids, so that lookups in the hot loops are integer-keyed.
import fs from 'node:fs';
import { dataPath } from '../paths.js';
import { canonicalTone, confusionCandidates, letterEdits, syllableProblem } from './syllable.js';
import { ATTESTED, CANONICAL, CONFUSION_START, decodeTables, KNOWN, listOf, NAME, NO_IDS, pairCount, pairShift, REGISTER, type Tables } from './tables.js';
export { PHRASE_WEIGHT } from './tables.js';
import type { Token } from './tokens.js';

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


/** What a rule needs to know of a lower-case token, computed once per distinct token of a run. */
export interface Analysis {
  /** The spelling rule it breaks, if any (syllableProblem). */
  problem: string | undefined;
  /** Canonical form when well-formed, else null. */
  key: string | null;
  /** Id of the key (a syllable of the table, or one met in this run), -1 when key is null. */
  id: number;
  /** Plain Latin letters only (a–z). */
  plain: boolean;
  /** A foreign word or loanword of the reviewed list. */
  foreign: boolean;
  name?: boolean;
}

export class SyllableModel {
  /** Id of each syllable of the table and of the canonical keys met since loading (those after `size`). */
  readonly index = new Map<string, number>();
  /** Syllable of each id. */
  private readonly strings: string[];
  /** Syllables in the table (ids below are table ids; ids at or above are keys met in the run). */
  private readonly size: number;
  private readonly vocabSize: number;
  private readonly uni: Uint32Array;
  private readonly flags: Uint8Array;
  private readonly keys: Uint32Array;
  private readonly counts: Uint16Array;
  /** Every pair's count, by pairCount() (made at build time). */
  private readonly pairHash: Int32Array;
  private readonly pairShift: number;
  /** The phrases' pairs (a, b, weight), in the phrases' order. */
  private readonly phraseTriples: Uint32Array;
  /** For successors(), made on first use: each vocabulary syllable's row in keys, the phrases' successors. */
  private rowStart: Uint32Array | undefined;
  private phraseRows: Map<number, number[]> | undefined;
  private readonly candidateLists: Uint32Array;
  private readonly wordLists: Uint32Array;
  private readonly restorationLists: Uint32Array;
  private readonly restorationPlain: string;
  private restorationIndex: Map<string, number> | undefined;
  private readonly confusionIndex = new Map<string, SyllableModel['confusions']>();
  private readonly analysisMemo = new Map<string, Analysis>();
  private readonly candidatesMemo = new Map<string, string[]>();
  private readonly wordMemo = new Map<string, string[]>();
  readonly foreign: Set<string>;
  readonly confusions: { wrong: string[]; right: string[]; rightKeys: string[]; family: string }[];
  readonly tokens: number;

  constructor(file: Tables) {
    this.strings = file.syllables.split(' ');
    this.size = this.strings.length;
    for (let i = 0; i < this.size; i++) this.index.set(this.strings[i]!, i);
    this.vocabSize = file.vocabSize;
    const t = file.arrays;
    this.uni = t.unigrams;
    this.flags = t.flags;
    this.keys = t.bigramKeys;
    this.counts = t.bigramCounts;
    this.pairHash = t.pairHash;
    this.pairShift = pairShift(t.pairHash);
    this.phraseTriples = t.phrasePairs;
    this.candidateLists = t.candidates;
    this.wordLists = t.wordCandidates;
    this.restorationLists = t.restorations;
    this.restorationPlain = file.restorationPlain;
    this.foreign = new Set(file.foreign);
    this.confusions = file.confusions;
    for (const c of this.confusions) {
      const list = this.confusionIndex.get(c.wrong[0]!) ?? [];
      list.push(c);
      this.confusionIndex.set(c.wrong[0]!, list);
    }
    this.tokens = file.tokens;
  }

  static load(): SyllableModel {
    return new SyllableModel(decodeTables(fs.readFileSync(dataPath('typo-tables.bin'))));
  }

  /** Dictionary entries whose misspelling starts with this syllable. */
  confusionsStartingWith(s: string): SyllableModel['confusions'] {
    return this.confusionIndex.get(s) ?? NO_CONFUSIONS;
  }

  // ---- by id: the hot loops of the rules ----

  /** The syllable of an id. */
  syllable(id: number): string {
    return this.strings[id]!;
  }
  private flag(id: number, f: number): boolean {
    return id >= 0 && id < this.size && (this.flags[id]! & f) !== 0;
  }
  attestedId(id: number): boolean {
    return this.flag(id, ATTESTED);
  }
  /** The first syllable of a reviewed misspelling (confusionsStartingWith has entries): table ids only. */
  startsConfusion(id: number): boolean {
    return this.flag(id, CONFUSION_START);
  }
  registerId(id: number): boolean {
    return this.flag(id, REGISTER);
  }
  knownId(id: number): boolean {
    return this.flag(id, KNOWN);
  }
  unigramId(id: number): number {
    return id >= 0 && id < this.size ? this.uni[id]! : 0;
  }
  /** Count of the pair (a, b): office text and the reviewed phrases. */
  bigramId(a: number, b: number): number {
    if (a < 0 || b < 0 || a >= this.size || b >= this.size) return 0;
    return pairCount(this.pairHash, this.pairShift, (a * 65536 + b) | 0);
  }
  /** 2·n(a b) / (n(a) + n(b)). */
  diceId(a: number, b: number): number {
    const d = this.unigramId(a) + this.unigramId(b);
    return d ? (2 * this.bigramId(a, b)) / d : 0;
  }
  /** Phonetic confusion candidates of an attested syllable (ids, precomputed). */
  candidateIds(id: number): Uint32Array {
    return id < this.size ? listOf(this.candidateLists, id) : NO_IDS;
  }
  /** Common syllables one letter away of an attested syllable (ids, precomputed). */
  wordCandidateIds(id: number): Uint32Array {
    return id < this.size ? listOf(this.wordLists, id) : NO_IDS;
  }
  /** Known syllables that read as this plain form once their marks are dropped (ids). */
  restorationIds(plain: string): Uint32Array {
    this.restorationIndex ??= new Map(this.restorationPlain.split(' ').map((p, k) => [p, k]));
    const k = this.restorationIndex.get(plain);
    return k === undefined ? NO_IDS : listOf(this.restorationLists, k);
  }
  private idOf(s: string): number {
    return this.index.get(s) ?? -1;
  }

  // ---- by syllable ----

  /** A syllable some Vietnamese word uses (canonical form), or one of the reviewed phrases or the counts. */
  attested(s: string): boolean {
    return this.attestedId(this.idOf(s));
  }

  /** A syllable of a proper name in the gazetteers or the reviewed additions (lower case). */
  nameSyllable(lower: string): boolean {
    return this.nameOf(this.analyze(lower), lower);
  }
  /** nameSyllable() of a token already analysed. */
  nameOf(a: Analysis, lower: string): boolean {
    return (a.name ??= this.flag(a.key === null ? this.idOf(lower) : a.id, NAME));
  }

  /** How often a syllable was seen (canonical tone placement expected). */
  unigram(s: string): number {
    return this.unigramId(this.idOf(s));
  }

  /** Spelling problem, canonical form and id of a lower-case token, memoised (a plan repeats its words). */
  analyze(lower: string): Analysis {
    let a = this.analysisMemo.get(lower);
    if (!a) {
      // a syllable of the table written in its canonical form is its own key (most tokens): no parse
      const own = this.index.get(lower);
      const canonical = own !== undefined && own < this.size && (this.flags[own]! & CANONICAL) !== 0;
      const problem = canonical ? undefined : syllableProblem(lower);
      const key = canonical ? lower : problem ? null : canonicalTone(lower);
      let id = -1;
      if (key !== null) {
        id = this.index.get(key) ?? -1;
        if (id < 0) {
          // a well-formed syllable the table does not hold: an id of its own, with no counts and no flags
          id = this.strings.length;
          this.strings.push(key);
          this.index.set(key, id);
        }
      }
      a = { problem, key, id, plain: /^[a-z]+$/u.test(lower), foreign: this.foreign.has(lower), name: undefined };
      this.analysisMemo.set(lower, a);
    }
    return a;
  }

  /** analyze() of a token's lower case, kept on the token (typo and repeated-word read the same tokens). */
  analyzeToken(t: Token): Analysis {
    if (t.analyzedBy === this) return t.analysis!;
    const a = this.analyze(t.lower);
    t.analysis = a;
    t.analyzedBy = this;
    return a;
  }

  /** A syllable of the reviewed administrative phrases. */
  isRegister(s: string): boolean {
    return this.registerId(this.idOf(s));
  }

  /** A syllable worth suggesting: counted in office text or the phrases, and attested. */
  known(s: string): boolean {
    return this.knownId(this.idOf(s));
  }

  /** How much two syllables go together: 2·n(a b) / (n(a) + n(b)), 1 when each is only ever seen with the other. */
  dice(a: string, b: string): number {
    return this.diceId(this.idOf(a), this.idOf(b));
  }

  bigram(a: string, b: string): number {
    return this.bigramId(this.idOf(a), this.idOf(b));
  }

  /** Common syllables one letter away (same tone): candidates of word-level confusions ("chỉ tịch" → "chủ tịch"). */
  wordCandidates(s: string): string[] {
    const id = this.idOf(s);
    if (this.attestedId(id)) return this.names(this.wordCandidateIds(id));
    let c = this.wordMemo.get(s);
    if (!c) {
      const phonetic = new Set(this.candidates(s));
      c = letterEdits(s).filter((x) => !phonetic.has(x) && this.known(x) && this.unigram(x) >= 20);
      this.wordMemo.set(s, c);
    }
    return c;
  }

  /** Known syllables that read as this one once their marks are dropped ("dinh" → "định", "đinh", "dính" …). */
  restorations(plain: string): string[] {
    return this.names(this.restorationIds(plain));
  }

  /** Syllables seen right after this one in office text, with their counts (the phrases' pairs included). */
  successors(a: string): Map<string, number> {
    const out = new Map<string, number>();
    const i = this.idOf(a);
    if (!this.rowStart) {
      const rows = new Uint32Array(this.vocabSize + 1);
      let k = 0;
      for (let r = 0; r <= this.vocabSize; r++) {
        while (k < this.keys.length && this.keys[k]! < r * 65536) k++;
        rows[r] = k;
      }
      this.rowStart = rows;
      this.phraseRows = new Map();
      const triples = this.phraseTriples;
      for (let k = 0; k + 2 < triples.length; k += 3) {
        let row = this.phraseRows.get(triples[k]!);
        if (!row) this.phraseRows.set(triples[k]!, (row = []));
        row.push(triples[k + 1]!, triples[k + 2]!);
      }
    }
    if (i >= 0 && i < this.vocabSize) {
      const from = i * 65536;
      for (let k = this.rowStart[i]!; k < this.rowStart[i + 1]!; k++) out.set(this.strings[this.keys[k]! - from]!, this.counts[k]!);
    }
    const row = this.phraseRows!.get(i);
    if (row) for (let k = 0; k < row.length; k += 2) {
      const b = this.strings[row[k]!]!;
      out.set(b, (out.get(b) ?? 0) + row[k + 1]!);
    }
    return out;
  }

  /** Real-word confusion candidates that the corpus or the phrases know. */
  candidates(s: string): string[] {
    const id = this.idOf(s);
    if (this.attestedId(id)) return this.names(this.candidateIds(id));
    let c = this.candidatesMemo.get(s);
    if (!c) {
      c = confusionCandidates(s).filter((x) => this.known(x));
      this.candidatesMemo.set(s, c);
    }
    return c;
  }

  private names(ids: Uint32Array): string[] {
    const out: string[] = new Array(ids.length);
    for (let k = 0; k < ids.length; k++) out[k] = this.strings[ids[k]!]!;
    return out;
  }
}
const NO_CONFUSIONS: SyllableModel['confusions'] = [];
