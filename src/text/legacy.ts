// Text typed with the old Vietnamese fonts (TCVN3 / ABC such as .VnTime, and VNI) reads as
// garbage in Unicode: "KÕ ho¹ch", "Coäng hoøa". One clear message beats hundreds of typos.

// Latin-1 characters that Vietnamese never uses but TCVN3 puts in words (¸ ¹ µ ¶ · ª « ¬ ® …)
const TCVN3 = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df]/u;
// …and the ones VNI writes after a vowel (ä ø û ï ö ë å æ ç ñ)
const VNI = /[aeiouyAEIOUY][\u00e4-\u00e8\u00eb\u00ee\u00ef\u00f1\u00f6\u00f8\u00fb\u00fc\u00ff]|[\u00e4\u00e5\u00e6\u00e7\u00eb\u00ef\u00f1\u00f6\u00f8\u00fb]/u;

export interface LegacyVerdict {
  encoding: 'TCVN3' | 'VNI';
  sample: string;
}

// every character either expression above can match: a text without one holds no legacy word
const SUSPECT = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e8\u00eb\u00ee\u00ef\u00f1\u00f6\u00f8\u00fb\u00fc\u00ff]/;
const SPLIT = /[\s,.;:()"“”]+/;
const LETTER = /\p{L}/u;

/** Decide from the words of a document; undefined when it reads as Unicode Vietnamese. */
export function detectLegacyEncoding(texts: string[]): LegacyVerdict | undefined {
  let tcvn = 0;
  let vni = 0;
  const sample = { tcvn: '', vni: '' };
  for (const t of texts) {
    if (!SUSPECT.test(t)) continue;
    for (const w of t.split(SPLIT)) {
      if (!LETTER.test(w)) continue;
      if (TCVN3.test(w)) {
        tcvn++;
        sample.tcvn ||= w;
      } else if (VNI.test(w)) {
        vni++;
        sample.vni ||= w;
      }
    }
  }
  const bad = tcvn + vni;
  if (bad < 5) return undefined;
  let words = 0;
  for (const t of texts) for (const w of t.split(SPLIT)) if (LETTER.test(w)) words++;
  if (bad / words < 0.05) return undefined;
  return tcvn >= vni ? { encoding: 'TCVN3', sample: sample.tcvn } : { encoding: 'VNI', sample: sample.vni };
}
