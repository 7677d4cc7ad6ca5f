// The law corpus as the typo model and its evaluation read it: the fixed split
// into a build part and a held-out part, and the text cut into runs of words.

import fs from 'node:fs';

/** Sorted .txt files of the corpus folder. */
export function corpusFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
}

/** Held out: every fifth file in name order (i % 5 === 0), a fixed list for a given corpus. */
export function heldOutFiles(dir) {
  return corpusFiles(dir).filter((_, i) => i % 5 === 0);
}

/** Runs of lower-case words between punctuation and line breaks (pairs never cross them). */
export function* segments(text) {
  const nfc = text.normalize('NFC');
  for (const seg of nfc.split(/[\n.,;:!?()"“”'‘’[\]{}\/\-–—…]+/u)) {
    const words = seg.match(/[\p{L}\p{M}]+|\S+/gu);
    if (!words) continue;
    // a token with digits or symbols breaks the run
    yield words.map((w) => (/^[\p{L}\p{M}]+$/u.test(w) ? w.toLowerCase() : '\u0000'));
  }
}
