// Valid and invalid cases for one rule, in the style of ESLint's RuleTester.
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../src/types.js';
import { lint } from './helpers.js';

export interface ValidCase {
  name?: string;
  code: string | Uint8Array;
  filename?: string;
  config?: Partial<ResolvedConfig>;
}

export interface ExpectedError {
  text: string; // the exact flagged text
  messageId?: string;
  severity?: 0 | 1 | 2;
  suggestion?: string; // the first suggestion's text
  section?: string;
  message?: RegExp;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    cases.valid.forEach((c, i) => {
      it(`valid: ${c.name ?? i}`, async () => {
        const res = await lint(c.code, { filePath: c.filename ?? '/virtual/plan.md', config: c.config, only: [ruleId] });
        expect(res.messages.filter((m) => m.severity > 0).map((m) => `${m.text}: ${m.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? i}`, async () => {
        const res = await lint(c.code, { filePath: c.filename ?? '/virtual/plan.md', config: c.config, only: [ruleId] });
        const got = res.messages.filter((m) => !m.fatal);
        expect(got.map((m) => m.text)).toEqual(c.errors.map((e) => e.text));
        c.errors.forEach((e, k) => {
          const m = got[k]!;
          if (e.messageId) expect(m.messageId).toBe(e.messageId);
          expect(m.severity).toBe(e.severity ?? 2);
          if (e.suggestion !== undefined) expect(m.suggestions?.[0]?.text).toBe(e.suggestion);
          if (e.section !== undefined) expect(m.location?.section).toBe(e.section);
          if (e.message) expect(m.message).toMatch(e.message);
        });
      });
    });
  });
}

/** A small plan in Markdown; parts left out are not written. */
export function plan(parts: { header?: string[]; title?: string; preamble?: string[]; body: string; closing?: string }): string {
  const out: string[] = [];
  if (parts.header) out.push(...parts.header.map((l) => `${l}  `), '');
  out.push('KẾ HOẠCH', '', parts.title ?? 'Thực hiện nhiệm vụ năm 2026', '');
  for (const p of parts.preamble ?? []) out.push(p, '');
  out.push(parts.body, '');
  if (parts.closing) out.push(parts.closing, '');
  return out.join('\n');
}
