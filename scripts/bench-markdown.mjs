// The Markdown reader alone: the subset reader against remark-parse on the seed plans, the
// fixtures and inputs that would be quadratic in a careless scan (many short lines, long runs).
// Prints ms per document for each path and the share of documents the subset reader takes.
// Run after `npm run build`: node scripts/bench-markdown.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMarkdownVia } from '../dist/src/readers/markdown.js';
import { pathologicalDocs } from './pathological.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = (dir, re) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []);

const sets = {
  seeds: files(path.join(root, '..', 'shared', 'seeds'), /\.txt$/),
  fixtures: [...files(path.join(root, 'fixtures'), /\.(md|txt)$/), ...files(path.join(root, 'test', 'fixtures'), /\.(md|txt)$/)],
  'many short lines': [Array.from({ length: 20_000 }, (_, i) => `Dòng ${i} của đoạn văn`).join('\n')],
  // "[ [ [ …" is declined (a link bracket) and stays remark-parse's (seconds); "1.1.1.…" is refused as too deep
  'long runs (no "[" lines)': pathologicalDocs(100_000)
    .filter((d) => d.name !== 'digit-dot' && d.name !== 'brackets')
    .map((d) => d.text.split('\n\n').filter((p) => !p.startsWith('[')).join('\n\n')),
};

function time(docs, via, minMs = 300) {
  let n = 0;
  const t0 = performance.now();
  do {
    for (const d of docs) readMarkdownVia(d, 'markdown', via);
    n++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / n / docs.length;
}

console.log('set'.padEnd(26), 'docs'.padStart(5), 'subset'.padStart(7), 'auto ms'.padStart(9), 'remark ms'.padStart(10));
for (const [name, docs] of Object.entries(sets)) {
  if (!docs.length) continue;
  const taken = docs.filter((d) => readMarkdownVia(d, 'markdown', 'plain') !== undefined).length;
  const auto = time(docs, 'auto');
  const remark = time(docs, 'remark');
  console.log(name.padEnd(26), String(docs.length).padStart(5), `${taken}/${docs.length}`.padStart(7), auto.toFixed(2).padStart(9), remark.toFixed(2).padStart(10));
}
