// The suggestions of the typo rule: a dropped letter, a syllable typed without its marks, a stray
// space inside a syllable, and candidates ranked by their neighbours and the typist's edits.
import { describe, expect, it } from 'vitest';
import { channelCost } from '../src/typo/syllable.js';
import { sharedModel } from '../src/typo/model.js';
import { lint } from './helpers.js';

async function typos(text: string) {
  const res = await lint(text, { filePath: '/virtual/plan.md', only: ['typo'] });
  return res.messages.map((m) => ({ text: m.text!, suggestion: m.suggestions?.[0]?.text, severity: m.severity, fix: m.fix?.text, messageId: m.messageId }));
}

describe('the cost of a typo (the channel of the ranking)', () => {
  it('counts a dropped letter below a replaced one, and marks below letters', () => {
    expect(channelCost('tăg', 'tăng')).toBeLessThan(channelCost('tăg', 'tắc'));
    expect(channelCost('hìn', 'hình')).toBeLessThan(channelCost('hìn', 'tin'));
    // typed without marks: one near miss from each restoration, whatever marks it lost
    expect(channelCost('duoc', 'được')).toBe(0.5);
    expect(channelCost('don', 'đơn')).toBeLessThan(channelCost('don', 'dân'));
    expect(channelCost('hội', 'hội')).toBe(0);
  });

  it('reads a syllable without marks as every known syllable it can be', () => {
    const m = sharedModel();
    expect(m.restorations('duoc')).toContain('được');
    expect(m.restorations('quan')).toEqual(expect.arrayContaining(['quân', 'quán']));
    expect(m.restorations('được')).toEqual([]);
  });
});

describe('suggestions', () => {
  it('restores a dropped letter before a frequent syllable one letter off', async () => {
    const found = await typos('Dân số toàn xã 5.000 người, tăg 2% so với năm 2024.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['tăg', 'tăng']]);
  });

  it('restores the marks of a syllable typed without them, from its neighbours', async () => {
    const found = await typos('Các cơ quan, don vị có liên quan phối hợp thực hiện.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['don', 'đơn']]);
  });

  it('reads a toneless stop syllable as a word without marks only when both neighbours know it well', async () => {
    const found = await typos('Tổ chức sơ kết việc thực hiện kế hoach công tác năm 2025.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['hoach', 'hoạch']]);
    expect(await typos('Thu hút đầu tư vào ngành sản xuất chip bán dẫn của tỉnh.')).toEqual([]);
  });

  it('ranks the syllable that makes a word with its neighbours first, even two edits away', async () => {
    const found = await typos('Thực hiện quyết địên số 12 của Ủy ban nhân dân tỉnh.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['địên', 'định']]);
    const mon = await typos('Tổ chức tập huấn chuyên mộn nghiệp vụ cho công chức.');
    expect(mon.map((f) => [f.text, f.suggestion])).toEqual([['mộn', 'môn']]);
  });

  it('joins a syllable split by a stray space, with a fix', async () => {
    const found = await typos('Ban chỉ đạo tổ ch ức hội nghị sơ kết. Đẩy mạnh chuyển đổi s ố trong cơ quan.');
    expect(found.map((f) => [f.text, f.suggestion, f.fix, f.messageId, f.severity])).toEqual([
      ['ch ức', 'chức', 'chức', 'split', 2],
      ['s ố', 'số', 'số', 'split', 2],
    ]);
  });

  it('does not join two words, nor a piece its neighbours read as a word', async () => {
    expect(await typos('Kiểm tra điểm a khoản 2 Điều 5 của Quyết định.')).toEqual([]);
    expect(await typos('Giao cho các xã thực hiện theo kế hoạch.')).toEqual([]);
  });
});
