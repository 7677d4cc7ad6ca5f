// No runaway regular expression: every extractor and every rule finishes on long runs
// (100,000 characters) of spaces, dots, ellipses, underscores, tabs, digits, slashes and
// their pairs, each after the words that start a date, a number, a citation or a unit name
// (scripts/pathological.mjs). An expression that backtracks on them takes minutes or hours,
// and the test fails on its time-out; how long each step takes is held by `npm run bench`
// against a budget, not here. Each input is read once (the reader's own speed is the bench's).
import { describe, expect, it } from 'vitest';
import { pathologicalDocs, blankForm } from '../scripts/pathological.mjs';
import { buildDocx, p } from '../scripts/docx-builder.mjs';
import { rng } from '../scripts/rng.mjs';
import { createExtractors } from '../src/extract/index.js';
import { lintParsed } from '../src/engine/linter.js';
import { builtinRuleMap } from '../src/engine/rules.js';
import { config, lint, treeOf } from './helpers.js';

const docs = pathologicalDocs(100_000);

describe('long runs of blanks, digits and slashes', () => {
  for (const { name, text } of docs) {
    it(`${name}: every extractor and rule finishes`, async () => {
      const parsed = await treeOf(text, '/virtual/runs.txt').catch((e: { code?: string }) => {
        // Markdown refuses "1.1.1.…" as lists nested too deep: a clear fatal message, allowed
        if (e.code === 'too-deep') return undefined;
        throw e;
      });
      if (!parsed) return;
      const extract = createExtractors(parsed.tree, config());
      const found = Object.values(extract).map((fn) => fn());
      expect(found).toHaveLength(Object.keys(extract).length);
      const res = lintParsed('/virtual/runs.txt', parsed, config(), builtinRuleMap());
      expect(res.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
    }, 180_000);
  }
  it('as a Word document', async () => {
    const { text } = docs.find((d) => d.name === 'ellipsis-slash')!;
    const docx = buildDocx(text.split('\n\n').map((t) => p(t)).join(''));
    const res = await lint(docx, { filePath: '/virtual/runs.docx' });
    expect(res.messages.filter((m) => m.fatal)).toEqual([]);
  }, 180_000);
  it('a form of 400 lines of random blanks: its blank dates are found', async () => {
    const form = blankForm(400, rng(13));
    const parsed = await treeOf(form, '/virtual/form.txt');
    const dates = createExtractors(parsed.tree, config()).dates();
    expect(dates.length).toBeGreaterThan(100);
    expect(dates.every((d) => d.blank)).toBe(true);
    const res = await lint(form, { filePath: '/virtual/form.txt' });
    expect(res.messages.filter((m) => m.fatal)).toEqual([]);
  });
});
