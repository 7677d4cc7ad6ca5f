// The compiled spelling model (data/typo-tables.bin) is what src/typo/compile.ts makes of the data files
// as they are now, and it answers as the data files do.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTables, type LexiconFile, type ModelFile } from '../src/typo/compile.js';
import { decodeTables, encodeTables, listOf, packLists } from '../src/typo/tables.js';
import { SyllableModel, type PhraseData } from '../src/typo/model.js';

const data = (name: string): string => path.join(__dirname, '..', 'data', name);
const read = <T>(name: string): T => JSON.parse(fs.readFileSync(data(name), 'utf8')) as T;

describe('compiled typo tables', () => {
  it('are up to date with the model, the lexicon and the phrases (else run scripts/build-typo-tables.mjs)', () => {
    const fresh = encodeTables(compileTables(read<ModelFile>('typo-model.json'), read<LexiconFile>('typo-lexicon.json'), read<PhraseData>('typo-phrases.json')));
    expect(fresh.equals(fs.readFileSync(data('typo-tables.bin')))).toBe(true);
  }, 60_000);

  it('round-trip through the file format, aligned or not', () => {
    const t = compileTables(
      { vocab: 'của và', unigrams: Buffer.from(new Uint32Array([7, 5]).buffer).toString('base64'), bigramKeys: Buffer.from(new Uint32Array([1]).buffer).toString('base64'), bigramCounts: Buffer.from(new Uint16Array([3]).buffer).toString('base64'), tokens: 12 },
      { syllables: 'của và', names: '' },
      { phrases: ['và của'], confusions: [], foreign: ['scan'] },
    );
    const bytes = encodeTables(t);
    const shifted = Buffer.concat([Buffer.from([0]), bytes]).subarray(1); // a view at an odd offset
    for (const b of [bytes, shifted]) {
      const back = decodeTables(b);
      expect(back.syllables).toBe('của và');
      expect([...back.arrays.bigramKeys]).toEqual([1]);
      expect([...back.arrays.unigrams]).toEqual([47, 45]); // counts plus the phrase's weight
      const m = new SyllableModel(back);
      expect(m.bigram('của', 'và')).toBe(3);
      expect(m.bigram('và', 'của')).toBe(40);
      expect(m.bigram('và', 'và')).toBe(0);
      expect([...m.successors('và')]).toEqual([['của', 40]]);
      expect(m.foreign.has('scan')).toBe(true);
    }
    expect(() => decodeTables(Buffer.from('nope, not tables'))).toThrow(/compiled typo model/);
  });

  it('pack lists of ids', () => {
    const packed = packLists([[3, 1], [], [2]]);
    expect([...listOf(packed, 0)]).toEqual([3, 1]);
    expect([...listOf(packed, 1)]).toEqual([]);
    expect([...listOf(packed, 2)]).toEqual([2]);
    expect([...listOf(packed, 3)]).toEqual([]);
  });

  it('give the counts of the model file', () => {
    const m = SyllableModel.load();
    const file = read<ModelFile>('typo-model.json');
    const vocab = file.vocab.split(' ');
    const keys = new Uint32Array(new Uint8Array(Buffer.from(file.bigramKeys, 'base64')).buffer);
    const counts = new Uint16Array(new Uint8Array(Buffer.from(file.bigramCounts, 'base64')).buffer);
    for (let k = 0; k < keys.length; k += 997) {
      const a = vocab[Math.floor(keys[k]! / 65536)]!;
      const b = vocab[keys[k]! % 65536]!;
      expect(m.bigram(a, b)).toBeGreaterThanOrEqual(counts[k]!);
    }
    expect(m.tokens).toBe(file.tokens);
  });
});
