// Fuzzing: the fixtures (and the seeds when present), corrupted in many ways with a
// fixed seed. Every case must end with findings or a clear fatal message — never an
// exception, a hang, or output that is not JSON.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { rng } from '../scripts/rng.mjs';
import { buildDocx, p } from '../scripts/docx-builder.mjs';
import { HAS_SHARED, ROOT, SHARED, lint, runCli, tmpDir } from './helpers.js';

const r = rng(424242);
const pick = <T,>(list: T[]): T => list[Math.floor(r() * list.length)]!;

const sources: { name: string; bytes: Uint8Array }[] = [];
for (const f of fs.readdirSync(path.join(ROOT, 'fixtures'))) sources.push({ name: f, bytes: fs.readFileSync(path.join(ROOT, 'fixtures', f)) });
if (HAS_SHARED) {
  for (const dir of ['seeds', 'docx']) for (const f of fs.readdirSync(path.join(SHARED, dir))) sources.push({ name: f, bytes: fs.readFileSync(path.join(SHARED, dir, f)) });
}
const docxSources = sources.filter((s) => s.name.endsWith('.docx'));
const textSources = sources.filter((s) => !s.name.endsWith('.docx'));

type Mutation = (b: Uint8Array) => Uint8Array;

const flipBytes: Mutation = (b) => {
  const out = Uint8Array.from(b);
  const n = 1 + Math.floor(r() * 20);
  for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8);
  return out;
};
const truncate: Mutation = (b) => b.subarray(0, Math.floor(r() * b.length));
const withDocument = (f: (xml: string) => string): Mutation => (b) => {
  const files = unzipSync(b);
  files['word/document.xml'] = strToU8(f(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
};
const DOCX_MUTATIONS: [string, Mutation][] = [
  ['flipped bytes', flipBytes],
  ['truncated', truncate],
  ['entry removed', (b) => {
    const files = unzipSync(b);
    delete files[pick(Object.keys(files))];
    return zipSync(files);
  }],
  ['entry duplicated', (b) => {
    // a zip with two entries of one name, written by hand
    const files = unzipSync(b);
    const name = pick(Object.keys(files));
    const extra = zipSync({ [name]: files[name]! });
    return Buffer.concat([Buffer.from(zipSync(files)).subarray(0, 30), Buffer.from(extra)]);
  }],
  ['XML cut mid-tag', withDocument((x) => x.slice(0, Math.floor(r() * x.length)))],
  ['deep nesting', withDocument((x) => x.replace('<w:body>', `<w:body>${'<w:tbl><w:tr><w:tc>'.repeat(3000)}${'</w:tc></w:tr></w:tbl>'.repeat(3000)}`))],
  ['deep paragraphs', withDocument((x) => x.replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(5000)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(5000)}`))],
  ['huge attribute', withDocument((x) => x.replace('<w:p>', `<w:p w:rsidR="${'A'.repeat(2_000_000)}">`))],
  ['garbage text', withDocument((x) => x.replace(/<w:t>/, `<w:t>${'\u0000\uffff\ud800'.repeat(100)}`))],
  ['numbering loop', (b) => {
    const files = unzipSync(b);
    files['word/numbering.xml'] = strToU8('<w:numbering xmlns:w="x"><w:num w:numId="1"><w:abstractNumId w:val="9"/></w:num><w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="8"><w:lvlText w:val="%9%9%9%1"/></w:lvl></w:abstractNum></w:numbering>');
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']!).replace(/<w:p>/g, '<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>'));
    return zipSync(files);
  }],
];
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const TEXT_MUTATIONS: [string, Mutation][] = [
  ['flipped bytes', flipBytes],
  ['truncated', truncate],
  ['invalid UTF-8', (b) => Buffer.concat([Buffer.from(b.subarray(0, 100)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(b.subarray(100))])],
  ['NFD text', (b) => enc(dec(b).normalize('NFD'))],
  ['mixed line endings', (b) => enc(dec(b).replace(/\n/g, () => pick(['\n', '\r\n', '\r'])))],
  ['deep nesting', (b) => enc(`${'> '.repeat(5000)}${'- '.repeat(2000)}x\n${dec(b)}`)],
  ['long line', (b) => enc(`${'Kế hoạch '.repeat(50_000)}\n${dec(b)}`)],
  ['tabs everywhere', (b) => enc(dec(b).replace(/ /g, () => (r() < 0.3 ? '\t' : ' ')))],
  ['markup soup', (b) => enc(dec(b).replace(/\n\n/g, () => pick(['\n\n<!-- plan-lint-disable -->\n\n', '\n\n```\n', '\n\n| a | b |\n|---|\n', '\n\n<div>', '\n\n[x]: <'])))],
];

describe('fuzz: corrupted plans end with findings or a clear fatal message', () => {
  const cases: { label: string; name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < 240; i++) {
    const docx = i % 2 === 0 && docxSources.length > 0;
    const src = pick(docx ? docxSources : textSources);
    const [label, m] = pick(docx ? DOCX_MUTATIONS : TEXT_MUTATIONS);
    let bytes: Uint8Array;
    try {
      bytes = m(src.bytes);
    } catch {
      bytes = flipBytes(src.bytes); // a mutation that needs a readable zip falls back to flipped bytes
    }
    cases.push({ label: `${i} ${label} ${src.name}`, name: src.name, bytes });
  }

  it(`${cases.length} cases in-process`, async () => {
    const fatals = new Map<string, number>();
    for (const c of cases) {
      const t0 = performance.now();
      const res = await lint(c.bytes, { filePath: `/fuzz/${c.name}` });
      const ms = performance.now() - t0;
      expect(ms, c.label).toBeLessThan(10_000);
      expect(Array.isArray(res.messages), c.label).toBe(true);
      for (const m of res.messages) {
        expect(typeof m.message, c.label).toBe('string');
        expect(m.message.length, c.label).toBeGreaterThan(10);
        if (m.fatal) fatals.set(m.messageId ?? '?', (fatals.get(m.messageId ?? '?') ?? 0) + 1);
        expect(m.message, c.label).not.toMatch(/\n\s+at /); // no stack trace
      }
      // no internal errors: every failure is one we can explain
      expect(res.messages.filter((m) => m.messageId === 'internal' || m.messageId === 'internal-error').map((m) => m.message), c.label).toEqual([]);
    }
    expect(fatals.size).toBeGreaterThan(1);
  }, 120_000);

  it('through the CLI the JSON output stays JSON', () => {
    const dir = tmpDir();
    cases.filter((_, i) => i % 8 === 0).forEach((c, i) => fs.writeFileSync(path.join(dir, `${i}-${c.name}`), c.bytes));
    fs.writeFileSync(path.join(dir, 'ok.docx'), buildDocx(p('KẾ HOẠCH') + p('Thử')));
    for (const conc of ['off', '2']) {
      const res = runCli([dir, '-f', 'json', '--concurrency', conc]);
      expect([0, 1, 2]).toContain(res.code);
      const parsed = JSON.parse(res.stdout) as unknown[];
      expect(parsed.length).toBe(fs.readdirSync(dir).length);
    }
  }, 120_000);
});
