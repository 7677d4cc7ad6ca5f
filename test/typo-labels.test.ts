// The labelled findings of typo and repeated-word on the held-out fifth of real-dev
// (test/data/typo-labels.json): well-formed, no more document text than the flagged word and a
// few neighbours, and the precision they give held by `npm run eval:typo` on real text.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from './helpers.js';

const LABELS = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'data', 'typo-labels.json'), 'utf8')) as {
  labels: { file: string; rule: string; word: string; context: string; suggestion: string; verdict: string }[];
};
const HAS_REAL = fs.existsSync(path.join(SHARED, 'corpus', 'real-dev'));

describe('typo labels', () => {
  it('are well-formed and keep only the word and its neighbours', () => {
    expect(LABELS.labels.length).toBeGreaterThan(20);
    for (const l of LABELS.labels) {
      expect(['typo', 'repeated-word']).toContain(l.rule);
      expect(['typo', 'correct']).toContain(l.verdict);
      expect(l.file).toMatch(/^\d{3}-.*\.docx$/u);
      // held out: every fifth file in name order of real-dev
      expect(l.context.includes(`⟦${l.word}⟧`), l.context).toBe(true);
      const words = l.context.replace(/⟦[^⟧]*⟧/u, ' ').split(/\s+/u).filter(Boolean);
      expect(words.length, l.context).toBeLessThanOrEqual(6);
    }
  });

  it.skipIf(!HAS_REAL)('give the precision goals on real text, held out from the model and the lexicon', () => {
    const files = fs.readdirSync(path.join(SHARED, 'corpus', 'real-dev')).filter((f) => f.endsWith('.docx') && !f.startsWith('~$')).sort();
    const heldOut = new Set(files.filter((_, i) => i % 5 === 0));
    for (const l of LABELS.labels) expect(heldOut.has(l.file), l.file).toBe(true);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'eval-typo.mjs'), '--json', '--subset'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const real = JSON.parse(r.stdout).real;
    const all = real.errorPrecision.count + real.warningPrecision.count;
    // most findings read: a changed finding must be read again before its precision counts
    expect(real.errorPrecision.labelled + real.warningPrecision.labelled).toBeGreaterThanOrEqual(0.8 * all);
    expect(real.errorPrecision.precision).toBeGreaterThanOrEqual(97);
    expect(real.warningPrecision.precision ?? 100).toBeGreaterThanOrEqual(75);
    // at least two thirds of the kinds of misses found (half or more of their injections, right suggestion)
    expect(Number(real.kindsFound.split('/')[0])).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
