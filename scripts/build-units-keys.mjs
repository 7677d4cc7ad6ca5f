// Build data/units-keys.json: the name key (nameKey of src/extract/units.ts: case folded, tone marks at
// the end of each syllable) of every name in data/units.json and data/units-history.json, in the order of
// their entries, so that loading the gazetteers computes no key. Run after `npm run build` (it uses the
// compiled nameKey) whenever either data file changes; test/units-keys.test.ts checks that they agree.
// Usage: npm run build:units-keys
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { unitKeys } = await import(new URL('../dist/src/extract/units.js', import.meta.url).href);
const read = (name) => JSON.parse(fs.readFileSync(path.join(root, 'data', name), 'utf8'));
const keys = unitKeys(read('units.json'), read('units-history.json'));
fs.writeFileSync(path.join(root, 'data', 'units-keys.json'), `${JSON.stringify(keys)}\n`);
console.log(`data/units-keys.json: ${keys.current.lengths.length} + ${keys.history.lengths.length} provinces, ${keys.current.units.keys.split("|").length} + ${keys.history.units.keys.split("|").length} names`);
