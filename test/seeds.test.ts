// The five seed plans (read from ../shared, never copied): each reads from text and
// from Word, and both readings give the same outline and tables.
import { describe, expect, it } from 'vitest';
import { outline, tableRowCounts } from '../src/plan/print.js';
import type { PlanRoot } from '../src/types.js';
import { HAS_SHARED, SEED_IDS, readSeed, seed, treeOf, lint } from './helpers.js';

/** Row counts of the tables outside the header and closing (Word lays those out as tables, text does not). */
function bodyTables(tree: PlanRoot): number[] {
  return tableRowCounts({ ...tree, children: tree.children.filter((c) => c.type !== 'header' && c.type !== 'closing') });
}

describe.skipIf(!HAS_SHARED)('seed plans: text and Word readings agree', () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}`, async () => {
      const txt = await treeOf(readSeed(id, 'txt'), seed(id, 'txt'));
      const docx = await treeOf(readSeed(id, 'docx'), seed(id, 'docx'));
      const a = outline(txt.tree).map((o) => `${o.path} ${o.label} ${o.heading}`);
      const b = outline(docx.tree).map((o) => `${o.path} ${o.label} ${o.heading}`);
      expect(a.length).toBeGreaterThan(3);
      expect(b).toEqual(a);
      expect(bodyTables(docx.tree)).toEqual(bodyTables(txt.tree));
      expect(docx.tree.meta.kind).toBe(txt.tree.meta.kind);
      expect(docx.tree.meta.title).toBe(txt.tree.meta.title);
      expect(txt.tree.meta.kind).not.toBe('unknown');
      for (const kind of ['txt', 'docx'] as const) {
        const res = await lint(readSeed(id, kind), { filePath: seed(id, kind) });
        expect(res.messages.filter((m) => m.fatal)).toEqual([]);
      }
    });
  }
});
