// The real office documents (../shared/corpus/real-dev) as the typo model, the lexicon and
// the evaluation read them: the fixed split into a build part and a held-out part, and each
// document's paragraphs as plain text (read with plan-lint's own reader, never stored).
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from '../dist/src/index.js';
import { paragraphsOf } from '../dist/src/plan/build.js';

/** Sorted Word files of the folder. */
export function realFiles(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.docx') && !f.startsWith('~$')).sort() : [];
}

/** Held out from every build: every fifth file in name order (i % 5 === 0). */
export function isHeldOut(index) {
  return index % 5 === 0;
}

/** Paragraph texts of one document (NFC); [] when it cannot be read. */
export async function realParagraphs(file) {
  try {
    const { tree } = await parseFile(file, fs.readFileSync(file));
    return paragraphsOf(tree.children).map((p) => p.value.normalize('NFC'));
  } catch {
    return [];
  }
}

/** The documents of one part: { file, paragraphs }. */
export async function realDocuments(dir, part /* 'build' | 'held-out' | 'all' */) {
  const out = [];
  const files = realFiles(dir);
  for (let i = 0; i < files.length; i++) {
    if (part === 'build' && isHeldOut(i)) continue;
    if (part === 'held-out' && !isHeldOut(i)) continue;
    out.push({ file: files[i], paragraphs: await realParagraphs(path.join(dir, files[i])) });
  }
  return out;
}
