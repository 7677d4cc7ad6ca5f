// Acceptance on the seed plans (read from ../shared): the real defects are found,
// from text and from Word, and the seeds corrected inside the test give no error.
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import type { LintMessage } from '../src/types.js';
import { HAS_SHARED, lint, readSeed, seed } from './helpers.js';
import { squash } from '../src/text/normalize.js';

const RULES = ['ref-mismatch', 'unit-name', 'numbering', 'blank-field'];

interface Case {
  unit?: string;
  errors: [string, string][]; // [ruleId, flagged text] that must be reported as errors
  warnings?: [string, string][];
  /** Known-true extra findings that may also appear (and nothing else may). */
  alsoAllowed?: [string, string][];
  /** How the test corrects the seed: [pattern, replacement], applied to the text and to document.xml. */
  fixes: [RegExp, string][];
}

const CASES: Record<string, Case> = {
  '000': {
    errors: [
      ['numbering', 'III.'],
      ['ref-mismatch', '17-CTr/TU'],
      ['ref-mismatch', '89-KH/ĐU'],
    ],
    warnings: [
      ['blank-field', 'Số: /KH-UBND'],
      ['blank-field', 'ngày tháng năm 2026'],
    ],
    // the 89-KH/ĐU citation also carries the other plan's date
    alsoAllowed: [['ref-mismatch', 'ngày 20/3/2026']],
    fixes: [
      [/17-CTr\/TU/g, '14-CTr/TU'],
      [/89-KH\/ĐU ngày 20\/3\/2026/g, '95-KH/ĐU ngày 07/4/2026'],
      [/III\. HÌNH THỨC/g, 'II. HÌNH THỨC'],
      [/IV\. KINH PHÍ/g, 'III. KINH PHÍ'],
      [/V\. TỔ CHỨC/g, 'IV. TỔ CHỨC'],
      [/Số: \/KH-UBND/g, 'Số: 12/KH-UBND'],
      [/ngày tháng năm 2026/g, 'ngày 10 tháng 4 năm 2026'],
    ],
  },
  '001': {
    errors: [],
    warnings: [
      ['blank-field', 'Số: /KH-UBND'],
      ['blank-field', 'ngày tháng năm 2026'],
    ],
    fixes: [
      [/Số: \/KH-UBND/g, 'Số: 31/KH-UBND'],
      [/ngày tháng năm 2026/g, 'ngày 02 tháng 3 năm 2026'],
    ],
  },
  '002': {
    unit: 'phường Hải An',
    errors: [['unit-name', 'Thành Đông']],
    fixes: [[/Thành Đông/g, 'Hải An']],
  },
  '003': {
    errors: [
      ['numbering', '11'],
      ['numbering', '13'],
      ['numbering', '16'],
      ['blank-field', 'Kế hoạch - KH/ĐU'],
      ['blank-field', 'ngày /4/2026'],
    ],
    warnings: [
      ['blank-field', 'Số -KH/ĐU'],
      ['blank-field', 'ngày tháng 4 năm 2026'],
    ],
    fixes: [
      [/Kế hoạch - KH\/ĐU ngày \/4\/2026/g, 'Kế hoạch số 61-KH/ĐU ngày 20/4/2026'],
      [/Số -KH\/ĐU/g, 'Số 61-KH/ĐU'],
      [/ngày tháng 4 năm 2026/g, 'ngày 20 tháng 4 năm 2026'],
      // the STT column: rows 11, 13, 14, 16, 17 become 8 … 12 (as a line start in text, as a cell in Word)
      [/(^|<w:t>)11(\t|<\/w:t>)/gm, '$18$2'],
      [/(^|<w:t>)13(\t|<\/w:t>)/gm, '$19$2'],
      [/(^|<w:t>)14(\t|<\/w:t>)/gm, '$110$2'],
      [/(^|<w:t>)16(\t|<\/w:t>)/gm, '$111$2'],
      [/(^|<w:t>)17(\t|<\/w:t>)/gm, '$112$2'],
    ],
  },
  '004': { errors: [], fixes: [] },
};

const key = (m: LintMessage): string => `${m.ruleId}|${squash(m.text ?? '')}`;

function applyFixes(text: string, fixes: [RegExp, string][]): string {
  return fixes.reduce((t, [re, s]) => t.replace(re, s), text);
}

function correctedDocx(bytes: Uint8Array, fixes: [RegExp, string][]): Uint8Array {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(applyFixes(strFromU8(files['word/document.xml']!), fixes));
  return zipSync(files);
}

describe.skipIf(!HAS_SHARED)('seed acceptance: the mission rules find the real defects', () => {
  for (const [id, c] of Object.entries(CASES)) {
    for (const kind of ['txt', 'docx'] as const) {
      it(`seed ${id} (${kind})`, async () => {
        const res = await lint(readSeed(id, kind), { filePath: seed(id, kind), only: RULES, config: { unit: c.unit } });
        const errors = res.messages.filter((m) => m.severity === 2).map(key);
        const warnings = res.messages.filter((m) => m.severity === 1).map(key);
        for (const [rule, text] of c.errors) expect(errors).toContain(`${rule}|${text}`);
        for (const [rule, text] of c.warnings ?? []) expect(warnings).toContain(`${rule}|${text}`);
        const allowed = new Set([...c.errors, ...(c.alsoAllowed ?? [])].map(([r, t]) => `${r}|${t}`));
        expect(errors.filter((e) => !allowed.has(e))).toEqual([]);
        // every message quotes its text and says where it is
        for (const m of res.messages) {
          expect(m.line).toBeGreaterThan(0);
          expect(m.text).toBeTruthy();
        }
      });

      it(`seed ${id} (${kind}) corrected inside the test: no error`, async () => {
        const raw = readSeed(id, kind);
        const fixed = kind === 'txt' ? new TextEncoder().encode(applyFixes(raw.toString('utf8'), c.fixes)) : correctedDocx(raw, c.fixes);
        // doc-format too: the corrected seeds give no error on the form of the document
        const res = await lint(fixed, { filePath: seed(id, kind), only: [...RULES, 'doc-format'], config: { unit: c.unit } });
        expect(res.messages.filter((m) => m.severity === 2).map((m) => `${key(m)} @${m.line}: ${m.message}`)).toEqual([]);
      });
    }
  }

  it('messages come in English with --lang en, quoting the text and naming what was expected', async () => {
    const res = await lint(readSeed('000', 'txt'), { filePath: seed('000', 'txt'), only: RULES, config: { lang: 'en' } });
    const m = res.messages.find((x) => x.text === '17-CTr/TU')!;
    expect(m.message).toBe('Chương trình hành động number "17-CTr/TU" differs from "14-CTr/TU" given in the title — one document: it is the document the title is about; this mention gives no date or subject of another one');
    expect(m.suggestions).toEqual([{ desc: 'Change to "14-CTr/TU"', text: '14-CTr/TU' }]);
    expect(m.location?.section).toBe('V.5');
  });
});
