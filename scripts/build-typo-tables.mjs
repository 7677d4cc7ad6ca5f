// Compile the spelling model for fast loading: data/typo-tables.bin from data/typo-model.json,
// data/typo-lexicon.json and data/typo-phrases.json (src/typo/compile.ts, format in src/typo/tables.ts).
// Run after changing any of them or src/typo/syllable.ts; `npm run build:model` runs it too, and
// test/typo-tables.test.ts fails while the committed tables are out of date.
// Usage: npm run build && node scripts/build-typo-tables.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTables } from '../dist/src/typo/compile.js';
import { encodeTables } from '../dist/src/typo/tables.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (name) => JSON.parse(fs.readFileSync(path.join(root, 'data', name), 'utf8'));

/** The bytes of data/typo-tables.bin, compiled from the data files as they are now. */
export function compiledTables() {
  return encodeTables(compileTables(read('typo-model.json'), read('typo-lexicon.json'), read('typo-phrases.json')));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = compiledTables();
  fs.writeFileSync(path.join(root, 'data', 'typo-tables.bin'), bytes);
  console.log(`data/typo-tables.bin: ${(bytes.length / 1024).toFixed(0)} KB`);
}
