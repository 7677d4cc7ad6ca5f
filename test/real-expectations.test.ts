// Reviewed expectations on real documents (test/data/real-expectations.json): the kind each
// document is read as, and numbering/blank-field findings that must and must not appear.
// The documents stay in ../shared; without it the test is skipped with a notice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../src/types.js';
import { HAS_SHARED, ROOT, SHARED, lint } from './helpers.js';

interface Want {
  rule: string;
  id?: string;
  text?: string;
  severity?: number;
  line?: number;
}
interface Entry {
  file: string;
  kind: string;
  must: Want[];
  mustNot: Want[];
}

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'data', 'real-expectations.json'), 'utf8')) as { documents: Entry[] };
const DIR = path.join(SHARED, 'corpus', 'real-dev');
const HAS_CORPUS = HAS_SHARED && fs.existsSync(DIR);
if (!HAS_CORPUS) console.warn(`NOTICE: ${DIR} is absent — the reviewed real-document expectations are skipped.`);

const squash = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const matches = (m: LintMessage, w: Want): boolean =>
  m.ruleId === w.rule &&
  (w.id === undefined || m.messageId === w.id) &&
  (w.text === undefined || squash(m.text) === squash(w.text)) &&
  (w.severity === undefined || m.severity === w.severity) &&
  (w.line === undefined || m.line === w.line);
const show = (m: LintMessage): string => `${m.ruleId}/${m.messageId}/${m.severity} «${squash(m.text)}» line ${m.line}`;

describe.skipIf(!HAS_CORPUS)('reviewed expectations on real documents', () => {
  it('covers at least 40 documents', () => {
    expect(DATA.documents.length).toBeGreaterThanOrEqual(40);
  });
  for (const e of DATA.documents) {
    it(e.file, async () => {
      const res = await lint(fs.readFileSync(path.join(DIR, e.file)), { filePath: path.join(DIR, e.file), only: ['numbering', 'blank-field'] });
      expect(res.documentKind).toBe(e.kind);
      for (const w of e.must) expect(res.messages.some((m) => matches(m, w)), `missing ${JSON.stringify(w)} in ${res.messages.map(show).join('; ')}`).toBe(true);
      for (const w of e.mustNot) expect(res.messages.filter((m) => matches(m, w)).map(show), `unwanted ${JSON.stringify(w)}`).toEqual([]);
    });
  }
});
