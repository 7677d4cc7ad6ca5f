// The tokens the spelling rules share: what separates two words, and the analysis kept on each token.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/typo/tokens.js';
import { SyllableModel, sharedModel } from '../src/typo/model.js';
import { DocumentCounts } from '../src/typo/check.js';
import { isUpperText } from '../src/text/normalize.js';

const facts = (s: string): string[] =>
  tokenize(s).map((t) => `${t.text}${t.joined ? ' j' : ''}${t.sentenceStart ? ' s' : ''}${t.glued ? ' g' : ''}${t.codeBefore ? ' cb' : ''}${t.codeAfter ? ' ca' : ''}`);

describe('tokens', () => {
  it('join words separated by spaces or no-break spaces only', () => {
    expect(facts('kế\u00a0hoạch  năm, nay')).toEqual(['kế s', 'hoạch j', 'năm j', 'nay']);
  });
  it('glue words joined by one hyphen (either kind)', () => {
    expect(facts('pa-nô CT‐XH a--b')).toEqual(['pa s g', 'nô g', 'CT j g', 'XH g', 'a j', 'b']);
  });
  it('start a sentence after each break character and after a code', () => {
    for (const br of ['.', '!', '?', ':', ';', '\n', '(', ')', '“', '”', '"', '«', '»', '[', ']', '…']) expect(facts(`a ${br} b`)[1], br).toBe('b s');
    expect(facts('ngày 12/3 họp')).toEqual(['ngày s ca', 'họp s cb']);
  });
  it('mark a number or code right before or after a word, and a Roman numeral before', () => {
    expect(facts('quý II năm')).toEqual(['quý s ca', 'II j ca', 'năm j cb']);
    expect(facts('số 14-CTr/TU')).toEqual(['số s ca']);
    expect(facts('tháng  5')).toEqual(['tháng s ca']);
  });
  it('keep the analysis of a token for the model that made it', () => {
    const [t] = tokenize('Hòa');
    const m = sharedModel();
    const a = m.analyzeToken(t!);
    expect(a.key).toBe(m.analyze('hòa').key);
    expect(m.analyzeToken(t!)).toBe(a);
    const other = SyllableModel.load();
    expect(other.analyzeToken(t!)).not.toBe(a); // another model's ids are its own
    expect(other.analyzeToken(t!).key).toBe(a.key);
  });
});

describe('document counts', () => {
  it('count every pair of joined syllables, however many distinct pairs a document holds', () => {
    const m = sharedModel();
    const words = 'một hai ba bốn năm sáu bảy tám chín mười trăm nghìn triệu chục đồng xã phường tỉnh huyện quận'.split(' ');
    const text: string[] = [];
    for (const a of words) for (const b of words) text.push(`${a} ${b}`);
    const counts = new DocumentCounts();
    counts.add(tokenize(text.join(', ')), m); // 400 distinct pairs, each once (and the pair across each comma not joined)
    counts.add(tokenize('một hai'), m);
    expect(counts.pair('một', 'hai')).toBe(2);
    expect(counts.pair('xã', 'phường')).toBe(1);
    expect(counts.pair('hai', 'một')).toBe(1);
    let all = 0;
    for (const a of words) for (const b of words) all += counts.pair(a, b);
    expect(all).toBe(words.length * words.length + 1); // no pair across a comma
    expect(counts.unigram('một')).toBe(2 * words.length + 1);
    expect(counts.total).toBe(2 * words.length * words.length + 2);
  });
});

describe('isUpperText', () => {
  it('is true of text whose letters are all capitals, Vietnamese ones included', () => {
    expect(isUpperText('KẾ HOẠCH 2026')).toBe(true);
    expect(isUpperText('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(isUpperText('KẾ HOẠCH năm')).toBe(false);
    expect(isUpperText('KẾ HOẠCH ư')).toBe(false);
    expect(isUpperText('2026 - 12')).toBe(false);
  });
});
