// A cross-check of the DOCX reader: on every DOCX we have, the words it reads
// are the words mammoth reads (less the numbering labels mammoth drops).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { readDocx } from '../src/readers/docx.js';
import type { Block } from '../src/types.js';
import { HAS_SHARED, ROOT, SHARED } from './helpers.js';

function ourWords(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (list: Block[]): void => {
    for (const b of list) {
      if (b.kind === 'p') out.push(...(b.autoLabel ? b.raw.slice(b.labelEnd) : b.raw).split(/\s+/).filter(Boolean));
      else for (const row of b.rows) for (const cell of row.cells) walk(cell.blocks);
    }
  };
  walk(blocks);
  return out;
}

const files = [
  ...fs.readdirSync(path.join(ROOT, 'fixtures')).filter((f) => f.endsWith('.docx')).map((f) => path.join(ROOT, 'fixtures', f)),
  ...(HAS_SHARED ? fs.readdirSync(path.join(SHARED, 'docx')).map((f) => path.join(SHARED, 'docx', f)) : []),
];

describe('DOCX reader agrees with mammoth on the text', () => {
  for (const file of files) {
    it(path.basename(file), async () => {
      const buffer = fs.readFileSync(file);
      const theirs = (await mammoth.extractRawText({ buffer })).value.split(/\s+/).filter(Boolean);
      const ours = ourWords(readDocx(buffer).blocks);
      expect(ours.join(' ')).toBe(theirs.join(' '));
    });
  }
});
