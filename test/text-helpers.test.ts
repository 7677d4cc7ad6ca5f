// The text helpers that run on every paragraph give the answers of their straightforward
// definitions (kept here as the reference), character class by character class.
import { describe, expect, it } from 'vitest';
import { isUpperText } from '../src/text/normalize.js';
import { detectLegacyEncoding } from '../src/text/legacy.js';
import { rng } from '../scripts/rng.mjs';

/** The definition: the letters are unchanged by upper-casing and changed by lower-casing. */
function upperByDefinition(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

describe('isUpperText', () => {
  it('agrees with its definition on every BMP character, alone and beside letters of each case', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `A${ch}`, `${ch}Ư`, `${ch}a`, `Đ ${ch} 1`, `${ch}ǅ`]) if (isUpperText(s) !== upperByDefinition(s)) bad.push(s);
    }
    expect(bad).toEqual([]);
  });

  it('agrees on astral characters, lone surrogates and sigma', () => {
    const cases = ['𝐀', '𝐚', '𐐀', '𐐨', 'A𐐨', 'A𐐀', '\ud801', 'A\udc00', 'ΣΑΣ', 'ΌΣΟΣ', 'ß', 'SS', 'İ', 'ǅA', '\u0345A', 'ⓐ', 'Ⓐ'];
    for (const s of cases) expect(isUpperText(s), JSON.stringify(s)).toBe(upperByDefinition(s));
  });

  it('agrees on Vietnamese lines, NFC and NFD, and on random strings', () => {
    const lines = ['KẾ HOẠCH', 'Kế hoạch', 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN', 'Số: 12/KH-UBND', '2026', '', '—', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
    for (const l of lines) for (const s of [l, l.normalize('NFD')]) expect(isUpperText(s), s).toBe(upperByDefinition(s));
    const rand = rng(5);
    const pool = 'aAđĐếẾưƯ ǅß1.-\u0301\u00a0ΣσⒶ中𐐀𐐨\ud801';
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = Math.floor(rand() * 8);
      for (let k = 0; k < n; k++) s += [...pool][Math.floor(rand() * [...pool].length)];
      expect(isUpperText(s), JSON.stringify(s)).toBe(upperByDefinition(s));
    }
  });
});

describe('detectLegacyEncoding', () => {
  it('finds TCVN3 and VNI text, and not Unicode Vietnamese (also when a few legacy-looking characters occur)', () => {
    const tcvn = ['KÕ ho¹ch tuyªn truyÒn', 'Uû ban nh©n d©n ph­êng', 'thùc hiÖn NghÞ quyÕt'];
    expect(detectLegacyEncoding(tcvn)?.encoding).toBe('TCVN3');
    const vni = ['Coäng hoøa xaõ hoäi chuû nghóa', 'Ñoäc laäp töï do haïnh phuùc'];
    expect(detectLegacyEncoding(vni)?.encoding).toBe('VNI');
    expect(detectLegacyEncoding(['Kế hoạch tuyên truyền', 'Ủy ban nhân dân phường'])).toBeUndefined();
    expect(detectLegacyEncoding(['Nhiệt độ 30°C, «đưa nghị quyết vào cuộc sống»', 'Kế hoạch tuyên truyền các nội dung'])).toBeUndefined();
  });
});
