// Build the typo rule's data from licensed sources — counts and syllable sets only, never text:
//  - data/typo-model.json: syllable unigram and bigram counts of office Vietnamese, from the build
//    part of the law corpus (../shared/corpus/vlc, public domain) and of the real office documents
//    (../shared/corpus/real-dev); a pair of real-dev counts only when it is seen in two documents
//    or more (one document's typo is not the language);
//  - data/typo-lexicon.json: the attested syllables (a well-formed syllable outside it is a non-word)
//    from the MIT-licensed Vietnamese word list of cspell (@cspell/dict-vi-vn), the laws, the
//    syllables real-dev uses in three documents or more, and the reviewed additions
//    (data/typo-additions.json); and the syllables of proper names, from the gazetteers
//    (data/units.json, ../shared/data) and the additions — accepted only when capitalised.
// Held out of both (for `npm run eval:typo`): every fifth file of each corpus in name order.
// Usage: npm run build:model
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { canonicalTone, syllableProblem } from '../dist/src/typo/syllable.js';
import { tokenize } from '../dist/src/typo/tokens.js';
import { corpusFiles, heldOutFiles, segments } from './typo-corpus.mjs';
import { realDocuments } from './typo-real.mjs';
import { readTrieWords } from './cspell-trie.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const lawDir = path.join(shared, 'corpus', 'vlc');
const realDir = path.join(shared, 'corpus', 'real-dev');
if (!fs.existsSync(lawDir)) {
  console.error(`build:model needs the law corpus in ${lawDir}`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const cspellDir = path.dirname(require.resolve('@cspell/dict-vi-vn/cspell-ext.json'));

const key = (w) => (syllableProblem(w) ? null : canonicalTone(w));

// ----- counts of the laws -----
const heldOut = new Set(heldOutFiles(lawDir));
const lawFiles = corpusFiles(lawDir).filter((f) => !heldOut.has(f));
const uni = new Map();
const bi = new Map();
const add = (m, k, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
let tokens = 0;
for (const f of lawFiles) {
  for (const seg of segments(fs.readFileSync(path.join(lawDir, f), 'utf8'))) {
    let prev = null;
    for (const w of seg) {
      const s = w === '\u0000' ? null : key(w);
      if (s) {
        tokens++;
        add(uni, s);
        if (prev) add(bi, `${prev} ${s}`);
      }
      prev = s;
    }
  }
}
const lawSyllables = new Set(uni.keys());

// ----- counts of the real office documents (build part) -----
const realDocs = await realDocuments(realDir, 'build');
const realUni = new Map(); // syllable -> [count, documents]
const realBi = new Map();
const realCase = new Map(); // syllable -> documents where it is written in lower case
for (const doc of realDocs) {
  const seenUni = new Set();
  const seenBi = new Set();
  const seenLower = new Set();
  const docUni = new Map();
  const docBi = new Map();
  for (const para of doc.paragraphs) {
    let prev = null;
    for (const t of tokenize(para)) {
      const s = t.caseForm === 'mixed' ? null : key(t.lower);
      if (s) {
        add(docUni, s);
        seenUni.add(s);
        if (t.caseForm === 'lower') seenLower.add(s);
        if (prev && t.joined) {
          add(docBi, `${prev} ${s}`);
          seenBi.add(`${prev} ${s}`);
        }
      }
      prev = s;
    }
  }
  for (const [k, n] of docUni) {
    const e = realUni.get(k) ?? [0, 0];
    realUni.set(k, [e[0] + n, e[1] + 1]);
  }
  for (const [k, n] of docBi) {
    const e = realBi.get(k) ?? [0, 0];
    realBi.set(k, [e[0] + n, e[1] + 1]);
  }
  for (const k of seenLower) add(realCase, k);
}
let realTokens = 0;
for (const [k, [n, d]] of realUni) if (d >= 2) {
  add(uni, k, n);
  realTokens += n;
}
tokens += realTokens;
for (const [k, [n, d]] of realBi) if (d >= 2) add(bi, k, n);

// ----- the model file -----
const vocab = [...uni.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
if (vocab.length >= 65536) throw new Error('vocabulary too large for 16-bit indices');
const index = new Map(vocab.map((w, i) => [w, i]));
const pairs = [];
for (const [k, c] of bi) {
  const [a, b] = k.split(' ');
  if (index.has(a) && index.has(b)) pairs.push([index.get(a) * 65536 + index.get(b), Math.min(c, 65535)]);
}
pairs.sort((x, y) => x[0] - y[0]);
const b64 = (arr) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).toString('base64');
fs.writeFileSync(
  path.join(root, 'data', 'typo-model.json'),
  `${JSON.stringify({
    source: `Syllable counts (no text) from ${lawFiles.length} Vietnamese laws (public domain, Điều 15 Luật Sở hữu trí tuệ) and ${realDocs.length} office documents (pairs and syllables seen in two documents or more); every fifth file of each held out.`,
    tokens,
    vocab: vocab.join(' '),
    unigrams: b64(new Uint32Array(vocab.map((w) => uni.get(w)))),
    bigramKeys: b64(new Uint32Array(pairs.map((p) => p[0]))),
    bigramCounts: b64(new Uint16Array(pairs.map((p) => p[1]))),
  })}\n`,
);
console.log(`data/typo-model.json: ${lawFiles.length} laws + ${realDocs.length} documents, ${tokens} syllables, ${vocab.length} distinct, ${pairs.length} pairs`);

// ----- the lexicon -----
const additions = JSON.parse(fs.readFileSync(path.join(root, 'data', 'typo-additions.json'), 'utf8'));
const syllables = new Set();
const from = { cspell: 0, laws: 0, realDev: 0, additions: 0 };
const accept = (w, source) => {
  const s = key(w.toLowerCase().normalize('NFC'));
  if (!s || syllables.has(s)) return;
  syllables.add(s);
  from[source]++;
};
for (const w of readTrieWords(path.join(cspellDir, 'vi.trie.gz'))) if (!w.startsWith('~') && w === w.toLowerCase()) accept(w, 'cspell');
for (const s of lawSyllables) if ((uni.get(s) ?? 0) >= 2) accept(s, 'laws');
for (const [s, d] of realCase) if (d >= 3) accept(s, 'realDev');
for (const w of additions.syllables) accept(w, 'additions');

// names: every syllable of the gazetteers' names, and the reviewed name syllables
const names = new Set();
const nameText = [];
const collect = (v) => {
  if (typeof v === 'string') nameText.push(v);
  else if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k === 'name' || k === 'units' || typeof x === 'object') collect(x);
};
const gazetteers = [path.join(root, 'data', 'units.json'), path.join(shared, 'data', 'units-2025.json'), path.join(shared, 'data', 'units-2025-mapping', 'merges.json'), path.join(shared, 'data', 'units-2025-mapping', 'splits.json')];
for (const g of gazetteers.filter((f) => fs.existsSync(f))) collect(JSON.parse(fs.readFileSync(g, 'utf8')));
// stored in canonical form where the syllable is well-formed ("hoà" = "hòa"), else as written
const nameKey = (w) => key(w) ?? w;
for (const text of nameText) for (const w of text.normalize('NFC').split(/[\s|:,;()\-–]+/u)) if (/^\p{Lu}/u.test(w)) names.add(nameKey(w.toLowerCase()));
for (const w of additions.names) names.add(nameKey(w.toLowerCase().normalize('NFC')));
const nameOnly = [...names].filter((w) => /^[\p{L}\p{M}']+$/u.test(w)).sort();

fs.writeFileSync(
  path.join(root, 'data', 'typo-lexicon.json'),
  `${JSON.stringify(
    {
      about: 'Attested Vietnamese syllables (lower case, canonical tone placement) and syllables of proper names, built by scripts/build-typo-model.mjs. Licences of the sources: data/typo-lexicon.NOTICE.md.',
      sources: { ...from, cspellPackage: `@cspell/dict-vi-vn ${JSON.parse(fs.readFileSync(path.join(cspellDir, 'package.json'), 'utf8')).version}`, gazetteers: gazetteers.filter((f) => fs.existsSync(f)).map((f) => path.basename(f)) },
      syllables: [...syllables].sort().join(' '),
      names: nameOnly.join(' '),
    },
    null,
    1,
  )}\n`,
);
console.log(`data/typo-lexicon.json: ${syllables.size} syllables (${JSON.stringify(from)}), ${nameOnly.length} name syllables`);
