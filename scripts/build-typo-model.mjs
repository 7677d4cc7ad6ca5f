// Build data/typo-model.json: syllable unigram and bigram counts (counts, not
// text) from the build part of the law corpus in ../shared/corpus/vlc.
// The held-out part (every fifth file in name order, scripts/typo-corpus.mjs) is left for `npm run eval:typo`.
// Usage: npm run build:model [-- path/to/corpus]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalTone, syllableProblem } from '../dist/src/typo/syllable.js';
import { corpusFiles, heldOutFiles, segments } from './typo-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? path.resolve(root, '..', 'shared', 'corpus', 'vlc');
const heldOut = new Set(heldOutFiles(dir));
const files = corpusFiles(dir).filter((f) => !heldOut.has(f));

const uni = new Map();
const bi = new Map();
let tokens = 0;
for (const f of files) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  for (const seg of segments(text)) {
    let prev = null;
    for (const w of seg) {
      // only well-formed lower-case-able syllables count; anything else breaks the chain
      const s = syllableProblem(w) ? null : canonicalTone(w);
      if (s) {
        tokens++;
        uni.set(s, (uni.get(s) ?? 0) + 1);
        if (prev) {
          const k = `${prev} ${s}`;
          bi.set(k, (bi.get(k) ?? 0) + 1);
        }
      }
      prev = s;
    }
  }
}

const vocab = [...uni.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
if (vocab.length >= 65536) throw new Error('vocabulary too large for 16-bit indices');
const index = new Map(vocab.map((w, i) => [w, i]));
const pairs = [];
for (const [k, c] of bi) {
  const [a, b] = k.split(' ');
  pairs.push([index.get(a) * 65536 + index.get(b), Math.min(c, 65535)]);
}
pairs.sort((x, y) => x[0] - y[0]);
const keys = new Uint32Array(pairs.map((p) => p[0]));
const counts = new Uint16Array(pairs.map((p) => p[1]));
const unigrams = new Uint32Array(vocab.map((w) => uni.get(w)));
const b64 = (arr) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).toString('base64');
const out = {
  source: `Syllable counts from ${files.length} Vietnamese laws (public domain, Điều 15 Luật Sở hữu trí tuệ); held-out files excluded.`,
  tokens,
  vocab: vocab.join(' '),
  unigrams: b64(unigrams),
  bigramKeys: b64(keys),
  bigramCounts: b64(counts),
};
fs.writeFileSync(path.join(root, 'data', 'typo-model.json'), `${JSON.stringify(out)}\n`);
console.log(`data/typo-model.json: ${files.length} files, ${tokens} syllables, ${vocab.length} distinct, ${pairs.length} pairs`);
