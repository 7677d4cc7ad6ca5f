// Our own clean plans stay clean; defects injected at random places, with random
// numbers and names (fixed seed), are all found — in Markdown and in Word.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../src/readers/markdown.js';
import type { Block, LintMessage } from '../src/types.js';
import { gazetteer } from '../src/extract/units.js';
import { buildDocx, p, table } from '../scripts/docx-builder.mjs';
import { rng } from '../scripts/rng.mjs';
import { ROOT, lint } from './helpers.js';

const RULES = ['ref-mismatch', 'unit-name', 'numbering', 'blank-field'];
const CLEAN = ['ke-hoach-ubnd-sach.md', 'ke-hoach-dang-uy-sach.md'];

const pick = <T,>(r: () => number, list: T[]): T => list[Math.floor(r() * list.length)]!;

/** Word layout of a Markdown plan: one paragraph per block, tables as tables. */
function toDocx(md: string): Uint8Array {
  const doc = readMarkdown(md, 'markdown');
  const xml = (b: Block): string =>
    b.kind === 'p'
      ? p(b.raw.split('\n').join('\n'))
      : table(b.rows.map((row) => row.cells.map((c) => c.blocks.map(xml))));
  return buildDocx(doc.blocks.map(xml).join(''));
}

interface Injected {
  text: string;
  rule: string;
}

/** Put one defect of each kind somewhere in a clean plan. */
function inject(md: string, r: () => number): { md: string; expected: Injected[] } {
  const lines = md.split('\n');
  const expected: Injected[] = [];
  const bodyStart = lines.findIndex((l) => /^#+\s*I\.|^I\. /.test(l));
  const bodyEnd = lines.findIndex((l) => /^Nơi nhận/.test(l));
  const bodyLines = () => lines.map((l, i) => i).filter((i) => i > bodyStart && i < bodyEnd && /^(\d+\.|[a-z]\))\s/.test(lines[i]!));

  // 1. ref-mismatch: a basis document cited with its number miswritten (one digit changed, added, or two
  // swapped) and its own date — the evidence that it is the same document
  const basis = /(Kế hoạch|Chỉ thị|Nghị quyết|Hướng dẫn) số (\d+)([-/][A-Za-zĐ/-]+)( ngày \d+\/\d+\/\d{4})?/u.exec(lines.slice(0, bodyStart).join('\n'))!;
  const digits = basis[2]!;
  const slip = Math.floor(r() * 3);
  const wrong =
    slip === 0 && digits.length > 1 && digits[0] !== digits[1] && digits[1] !== '0'
      ? `${digits[1]}${digits[0]}${digits.slice(2)}`
      : slip === 1
        ? `${digits}${Math.floor(r() * 10)}`
        : `${digits.slice(0, -1)}${(Number(digits.slice(-1)) + 1 + Math.floor(r() * 8)) % 10}`;
  const at1 = pick(r, bodyLines());
  lines[at1] = `${lines[at1]} Bám sát ${basis[1]} số ${wrong}${basis[3]}${basis[4] ?? ''}.`;
  expected.push({ text: `${wrong}${basis[3]}`, rule: 'ref-mismatch' });

  // 2. unit-name: another ward of the same province
  const own = /^(?:ỦY BAN NHÂN DÂN|ĐẢNG ỦY)?\s*PHƯỜNG (.+?)\s*$/mu.exec(md.split('\n').find((l) => /^(ĐẢNG ỦY )?PHƯỜNG /u.test(l.trim()))!.trim())![1]!;
  const g = gazetteer();
  const ownUnit = g.units.find((u) => u.name.toUpperCase() === own)!;
  const other = pick(r, g.units.filter((u) => u.province === ownUnit.province && u.type === 'phường' && u.name !== ownUnit.name));
  const at2 = pick(r, bodyLines().filter((i) => i !== at1));
  lines[at2] = `${lines[at2]} Học tập cách làm của phường ${other.name}.`;
  expected.push({ text: other.name, rule: 'unit-name' });

  // 3. numbering: one item label jumps ahead
  const items = bodyLines().filter((i) => /^\d+\. /.test(lines[i]!) && /^\d+\. /.test(lines[i + 2] ?? '') && i !== at1 && i !== at2);
  if (items.length) {
    const at3 = pick(r, items);
    const n = Number(/^(\d+)\./.exec(lines[at3]!)![1]);
    const jump = n + 2 + Math.floor(r() * 3);
    lines[at3] = lines[at3]!.replace(/^\d+\./, `${jump}.`);
    expected.push({ text: `${jump}.`, rule: 'numbering' });
    // the next label n + 1 is right again: one wrong label between two right ones is one finding
  }

  // 4. blank-field: a date in the body with its day left blank
  const month = 1 + Math.floor(r() * 12);
  const at4 = pick(r, bodyLines().filter((i) => i !== at1 && i !== at2));
  lines[at4] = `${lines[at4]} Báo cáo trước ngày   /${month}/2026.`;
  expected.push({ text: `ngày /${month}/2026`, rule: 'blank-field' });
  return { md: lines.join('\n'), expected };
}

const key = (m: LintMessage): string => `${m.ruleId}|${(m.text ?? '').replace(/\s+/g, ' ')}`;

describe('own plans', () => {
  const docxFixtures = fs.readdirSync(path.join(ROOT, 'fixtures')).filter((f) => f.endsWith('.docx') && !f.includes('loi'));
  for (const f of [...CLEAN, ...docxFixtures]) {
    it(`${f} is clean: no error and no warning from the mission rules`, async () => {
      const file = path.join(ROOT, 'fixtures', f);
      const res = await lint(fs.readFileSync(file), { filePath: file, only: RULES });
      expect(res.messages.map((m) => `${m.ruleId} ${m.text}: ${m.message}`)).toEqual([]);
    });
  }
  for (const f of CLEAN) {
    it(`${f} in a Word layout is clean`, async () => {
      const md = fs.readFileSync(path.join(ROOT, 'fixtures', f), 'utf8');
      const res = await lint(toDocx(md), { filePath: '/virtual/plan.docx', only: RULES });
      expect(res.messages.map((m) => `${m.ruleId} ${m.text}: ${m.message}`)).toEqual([]);
    });
  }

  it('ke-hoach-co-loi fixtures: each planted defect is found', async () => {
    for (const f of ['ke-hoach-co-loi.md', 'ke-hoach-co-loi.docx']) {
      const file = path.join(ROOT, 'fixtures', f);
      const res = await lint(fs.readFileSync(file), { filePath: file, only: RULES });
      const rules = new Set(res.messages.filter((m) => m.severity === 2).map((m) => m.ruleId));
      expect([...rules].sort()).toEqual([...RULES].sort());
    }
  });
});

describe('injected defects are found wherever they are put', () => {
  for (const f of CLEAN) {
    for (const format of ['md', 'docx'] as const) {
      it(`${f} as ${format}, 15 variants`, async () => {
        const clean = fs.readFileSync(path.join(ROOT, 'fixtures', f), 'utf8');
        const r = rng(f.length * 7919 + (format === 'md' ? 1 : 2));
        for (let trial = 0; trial < 15; trial++) {
          const { md, expected } = inject(clean, r);
          const bytes = format === 'md' ? md : toDocx(md);
          const res = await lint(bytes, { filePath: `/virtual/plan.${format}`, only: RULES });
          const found = res.messages.filter((m) => m.severity > 0).map(key);
          for (const e of expected) expect(found, `trial ${trial}: ${e.rule} at ${e.text}`).toContain(`${e.rule}|${e.text}`);
          const allowed = new Set(expected.map((e) => `${e.rule}|${e.text}`));
          expect(found.filter((k) => !allowed.has(k)), `trial ${trial}`).toEqual([]);
        }
      });
    }
  }
});
