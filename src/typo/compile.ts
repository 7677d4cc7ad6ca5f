// Build-time compilation of the spelling model (scripts/build-typo-tables.mjs → data/typo-tables.bin):
// the counts (data/typo-model.json), the lexicon (data/typo-lexicon.json) and the reviewed phrases
// (data/typo-phrases.json) turned into one table of syllables with integer ids, so that a run loads
// typed arrays instead of deriving sets, maps and candidate lists. Everything here is computed once,
// when the data changes; nothing in this module runs when a document is linted.
import { canonicalTone, confusionCandidates, letterEdits, stripMarks, syllableProblem } from './syllable.js';
import type { PhraseData } from './model.js';
import { ATTESTED, CANONICAL, CONFUSION_START, KNOWN, NAME, packLists, pairHash, PHRASE_WEIGHT, REGISTER, type Tables } from './tables.js';

export interface ModelFile {
  vocab: string; // space-separated syllables, index = position
  unigrams: string; // base64 Uint32Array
  bigramKeys: string; // base64 Uint32Array, sorted (i * 65536 + j)
  bigramCounts: string; // base64 Uint16Array
  tokens: number;
}

export interface LexiconFile {
  syllables: string; // space-separated, canonical tone placement
  names: string; // space-separated, lower case, canonical where well-formed
}


function decodeBase64<T extends Uint32Array | Uint16Array>(s: string, Ctor: { new (buf: ArrayBuffer): T }): T {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Ctor(copy);
}

export function compileTables(model: ModelFile, lexicon: LexiconFile, phrases: PhraseData): Tables {
  const vocab = model.vocab.split(' ');
  const vocabCounts = decodeBase64(model.unigrams, Uint32Array);
  const attestedSet = new Set(lexicon.syllables.split(' ').filter(Boolean));
  const names = new Set(lexicon.names.split(' ').filter(Boolean));
  // the phrases' syllables and pairs, in the order they come
  const phraseSyllables = new Map<string, number>();
  const phrasePairs = new Map<string, Map<string, number>>();
  for (const p of phrases.phrases) {
    const syl = p.toLowerCase().split(/\s+/).map(canonicalTone);
    syl.forEach((s) => phraseSyllables.set(s, (phraseSyllables.get(s) ?? 0) + PHRASE_WEIGHT));
    for (let i = 0; i + 1 < syl.length; i++) {
      let row = phrasePairs.get(syl[i]!);
      if (!row) phrasePairs.set(syl[i]!, (row = new Map()));
      row.set(syl[i + 1]!, (row.get(syl[i + 1]!) ?? 0) + PHRASE_WEIGHT);
    }
  }
  const confusions = phrases.confusions.map((c) => {
    const right = c.right.toLowerCase().split(/\s+/);
    return { wrong: c.wrong.toLowerCase().split(/\s+/).map(canonicalTone), right, rightKeys: right.map(canonicalTone), family: c.family };
  });

  // the table: the vocabulary first (its ids are those of the counted pairs), then every other syllable the rule asks about
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const rest = new Set<string>();
  for (const s of [...phraseSyllables.keys(), ...attestedSet, ...names, ...confusions.flatMap((c) => c.wrong)]) if (!vocabIndex.has(s)) rest.add(s);
  const syllables = [...vocab, ...[...rest].sort()];
  if (syllables.length >= 65535) throw new Error('syllable table too large for 16-bit ids');
  const id = new Map(syllables.map((w, i) => [w, i]));

  const attested = (s: string): boolean => attestedSet.has(s) || phraseSyllables.has(s);
  const known = (s: string): boolean => (vocabIndex.has(s) || phraseSyllables.has(s)) && (attestedSet.size === 0 || attested(s));
  const unigram = (s: string): number => {
    const i = vocabIndex.get(s);
    return (i === undefined ? 0 : vocabCounts[i]!) + (phraseSyllables.get(s) ?? 0);
  };
  const unigrams = new Uint32Array(syllables.map(unigram));
  const confusionStarts = new Set(confusions.map((c) => c.wrong[0]!));
  const flags = new Uint8Array(
    syllables.map(
      (s) =>
        (attested(s) ? ATTESTED : 0) | (phraseSyllables.has(s) ? REGISTER : 0) | (known(s) ? KNOWN : 0) | (names.has(s) ? NAME : 0) |
        (confusionStarts.has(s) ? CONFUSION_START : 0) |
        (!syllableProblem(s) && canonicalTone(s) === s ? CANONICAL : 0),
    ),
  );
  const bigramKeys = decodeBase64(model.bigramKeys, Uint32Array);
  const bigramCounts = decodeBase64(model.bigramCounts, Uint16Array);
  const triples: number[] = [];
  for (const [a, row] of phrasePairs) for (const [b, n] of row) triples.push(id.get(a)!, id.get(b)!, n);

  // the candidates of every attested syllable (the context check asks only about those)
  const ids = (list: string[]): number[] => list.map((s) => id.get(s)!);
  const candidates: number[][] = [];
  const wordCandidates: number[][] = [];
  for (const s of syllables) {
    if (!attested(s)) {
      candidates.push([]);
      wordCandidates.push([]);
      continue;
    }
    const phonetic = confusionCandidates(s).filter(known);
    candidates.push(ids(phonetic));
    const seen = new Set(phonetic);
    wordCandidates.push(ids(letterEdits(s).filter((x) => !seen.has(x) && known(x) && unigram(x) >= 20)));
  }
  // known syllables by their form without marks
  const restorations = new Map<string, string[]>();
  for (const w of new Set([...vocab, ...phraseSyllables.keys()])) {
    if (!known(w)) continue;
    const k = stripMarks(w);
    if (k === w) continue;
    const list = restorations.get(k) ?? [];
    list.push(w);
    restorations.set(k, list);
  }
  return {
    about: 'The spelling model compiled for fast loading by scripts/build-typo-tables.mjs from data/typo-model.json, data/typo-lexicon.json and data/typo-phrases.json (sources and licences: data/typo-lexicon.NOTICE.md). Do not edit.',
    tokens: model.tokens,
    syllables: syllables.join(' '),
    vocabSize: vocab.length,
    restorationPlain: [...restorations.keys()].join(' '),
    foreign: phrases.foreign.map((w) => w.toLowerCase()),
    confusions,
    arrays: {
      unigrams,
      flags,
      bigramKeys,
      bigramCounts,
      phrasePairs: new Uint32Array(triples),
      pairHash: pairHash([
        ...[...bigramKeys].map((key, k): [number, number] => [key, bigramCounts[k]!]),
        ...[...phrasePairs].flatMap(([a, row]) => [...row].map(([b, n]): [number, number] => [id.get(a)! * 65536 + id.get(b)!, n])),
      ]),
      candidates: packLists(candidates),
      wordCandidates: packLists(wordCandidates),
      restorations: packLists([...restorations.values()].map(ids)),
    },
  };
}
