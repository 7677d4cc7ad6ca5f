// --annotate: every finding becomes a Word comment by "plan-lint", anchored on the
// flagged text (across runs), in a copy; the original is never modified.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/readers/docx.js';
import type { Block, ParaBlock } from '../src/types.js';
import { buildDocx, commented, del, ins, p, r } from '../scripts/docx-builder.mjs';
import { strFromU8, unzipSync } from 'fflate';
import { HAS_SHARED, ROOT, runCli, seed, tmpDir } from './helpers.js';

function paragraphs(blocks: Block[]): Map<number, ParaBlock> {
  const out = new Map<number, ParaBlock>();
  const walk = (list: Block[]): void => {
    for (const b of list) {
      if (b.kind === 'p') out.set(b.loc.docxIndex!, b);
      else for (const row of b.rows) for (const cell of row.cells) walk(cell.blocks);
    }
  };
  walk(blocks);
  return out;
}

/** The comments of a DOCX with the text each is anchored on. */
function commentsOf(bytes: Uint8Array): { author: string; text: string; on: string }[] {
  const doc = readDocx(bytes);
  const paras = paragraphs(doc.blocks);
  return doc.comments.map((c) => {
    const a = paras.get(c.start.docxIndex)!;
    const on = c.start.docxIndex === c.end.docxIndex ? a.raw.slice(c.start.offset, c.end.offset) : `${a.raw.slice(c.start.offset)}…`;
    return { author: c.author, text: c.text, on };
  });
}

function annotate(src: string, extra: string[] = []): { copy: Buffer; findings: { text: string }[]; code: number; stderr: string } {
  const out = path.join(tmpDir(), 'reviewed.docx');
  const before = fs.readFileSync(src);
  const res = runCli([src, '--annotate', out, '-f', 'json', ...extra]);
  expect(fs.readFileSync(src).equals(before)).toBe(true); // the original is never modified
  const findings = (JSON.parse(res.stdout)[0].messages as { text: string; line: number }[]).filter((m) => m.line > 0);
  return { copy: fs.readFileSync(out), findings, code: res.code, stderr: res.stderr };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const FORM_OFF = ['--rule', 'doc-format:off', '--rule', 'docx-layout:off'];

describe('--annotate', () => {
  it('writes one comment per finding, on the flagged text (our own fixture)', () => {
    const { copy, findings, stderr } = annotate(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx'));
    const comments = commentsOf(copy);
    expect(comments).toHaveLength(findings.length);
    expect(comments.map((c) => squash(c.on))).toEqual(findings.map((f) => squash(f.text)));
    expect(comments.every((c) => c.author === 'plan-lint')).toBe(true);
    expect(stderr).toMatch(/đã ghi .*reviewed\.docx \(\d+ nhận xét\)/);
  });

  it.skipIf(!HAS_SHARED)('annotating seed 000 gives one comment per finding, each on the right text', () => {
    const { copy, findings } = annotate(seed('000', 'docx'));
    const comments = commentsOf(copy);
    expect(findings.length).toBeGreaterThan(5);
    expect(comments.map((c) => squash(c.on))).toEqual(findings.map((f) => squash(f.text)));
  });

  it('anchors across runs, keeps existing comments, and the copy lints the same', () => {
    const dir = tmpDir();
    const src = path.join(dir, 'p.docx');
    // "Giảng Võ" split over three runs, and a reviewer's comment already in the file
    fs.writeFileSync(
      src,
      buildDocx(
        [p('ỦY BAN NHÂN DÂN'), p('PHƯỜNG NGỌC HÀ'), p('KẾ HOẠCH'), p('Thử nghiệm'), p('I. NỘI DUNG'), p([r('Tuyên truyền trên địa bàn phường Gi'), r('ảng '), r('Võ và '), commented(3, r('các tổ dân phố')), r('.')])].join(''),
        { comments: [{ id: 3, author: 'Chánh Văn phòng', text: 'Xem lại' }] },
      ),
    );
    // the form and layout of this bare test document are not what this test is about
    const { copy, findings } = annotate(src, FORM_OFF);
    const comments = commentsOf(copy);
    // in document order
    expect(comments.map((c) => [c.author, c.on])).toEqual([
      ['plan-lint', 'Giảng Võ'],
      ['Chánh Văn phòng', 'các tổ dân phố'],
    ]);
    expect(findings.map((f) => f.text)).toEqual(['Giảng Võ']);
    const copyPath = path.join(dir, 'copy.docx');
    fs.writeFileSync(copyPath, copy);
    const a = JSON.parse(runCli([src, '-f', 'json']).stdout)[0].messages.map((m: { message: string }) => m.message);
    const b = JSON.parse(runCli([copyPath, '-f', 'json']).stdout)[0].messages.map((m: { message: string }) => m.message);
    expect(b).toEqual(a);
  });

  it('keeps the tracked changes and comments a reviewer already made', () => {
    const dir = tmpDir();
    const src = path.join(dir, 'p.docx');
    fs.writeFileSync(
      src,
      buildDocx(
        [p('ỦY BAN NHÂN DÂN'), p('PHƯỜNG NGỌC HÀ'), p('Số: 08/KH-UBND'), p('KẾ HOẠCH'), p('Thử nghiệm'), p('Căn cứ Kế hoạch số 41/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân thành phố;'), p('I. NỘI DUNG'),
          p([r('Thực hiện theo Kế hoạch số 14/KH-UBND ngày 20/02/2026, '), ins('vận động Nhân dân phường Cửa Nam, '), del('bỏ đoạn này, '), commented(7, r('báo cáo đúng hạn')), r('.')])].join(''),
        { comments: [{ id: 7, author: 'Reviewer', text: 'OK' }] },
      ),
    );
    const out = tmpDir();
    runCli([src, '--fix', '--output-dir', out]);
    runCli([src, '--annotate', path.join(out, 'annotated.docx'), ...FORM_OFF]);
    for (const f of ['p.docx', 'annotated.docx']) {
      const files = unzipSync(fs.readFileSync(path.join(out, f)));
      const xml = strFromU8(files['word/document.xml']!);
      expect([...xml.matchAll(/<w:ins [^>]*w:author="Reviewer"/g)], f).toHaveLength(1);
      expect([...xml.matchAll(/<w:del [^>]*w:author="Reviewer"/g)], f).toHaveLength(1);
      expect(strFromU8(files['word/comments.xml']!)).toContain('w:author="Reviewer"');
    }
    const annotated = commentsOf(fs.readFileSync(path.join(out, 'annotated.docx')));
    expect(annotated.filter((c) => c.author === 'plan-lint').map((c) => c.on)).toEqual(['14/KH-UBND', 'Cửa Nam']);
    const fixedXml = strFromU8(unzipSync(fs.readFileSync(path.join(out, 'p.docx')))['word/document.xml']!);
    expect(fixedXml).toMatch(/<w:delText xml:space="preserve">14\/KH-UBND<\/w:delText>/);
  });

  it('--annotate-dir writes a copy per Word file; --annotate refuses several files or the original', () => {
    const dir = tmpDir();
    const outDir = path.join(dir, 'reviewed');
    const res = runCli([path.join(ROOT, 'fixtures'), '--annotate-dir', outDir]);
    expect(res.code).toBe(1);
    expect(fs.readdirSync(outDir).sort()).toEqual(fs.readdirSync(path.join(ROOT, 'fixtures')).filter((f) => f.endsWith('.docx')).sort());
    expect(runCli([path.join(ROOT, 'fixtures'), '--annotate', path.join(dir, 'x.docx')]).code).toBe(2);
    const src = path.join(dir, 'p.docx');
    fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx'), src);
    expect(runCli([src, '--annotate', src]).code).toBe(2);
  });

  it('--fix --output-dir writes the safe fixes as tracked changes in a copy', () => {
    const src = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx');
    const before = fs.readFileSync(src);
    const out = tmpDir();
    const res = runCli([src, '--fix', '--output-dir', out, '-f', 'json']);
    expect(fs.readFileSync(src).equals(before)).toBe(true);
    expect(res.stderr).toMatch(/đã ghi .*ke-hoach-co-loi\.docx \(1 thay đổi được đánh dấu\)/);
    const copy = path.join(out, 'ke-hoach-co-loi.docx');
    const xml = strFromU8(unzipSync(fs.readFileSync(copy))['word/document.xml']!);
    expect([...xml.matchAll(/<w:del [^>]*w:author="plan-lint"/g)]).toHaveLength(1);
    expect([...xml.matchAll(/<w:ins [^>]*w:author="plan-lint"/g)]).toHaveLength(1);
    expect(xml).toMatch(/<w:delText xml:space="preserve">46\/KH-UBND<\/w:delText>.*<w:t xml:space="preserve">64\/KH-UBND<\/w:t>/s);
    // read as accepted, the copy no longer has the mismatch; the other findings stay
    const a = JSON.parse(runCli([src, '-f', 'json']).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    const b = JSON.parse(runCli([copy, '-f', 'json']).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(a.filter((x: string) => x === 'ref-mismatch')).toHaveLength(1);
    expect(b.filter((x: string) => x === 'ref-mismatch')).toHaveLength(0);
    expect(b.length).toBe(a.length - 1);
  });

  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version']).status === 0);
  if (!soffice) console.warn('NOTICE: LibreOffice is not installed — the checks that open the copies in LibreOffice are skipped.');
  it.skipIf(!soffice)('LibreOffice opens the fixed copy and keeps every tracked change', () => {
    const out = tmpDir();
    runCli([path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx'), '--fix', '--output-dir', out]);
    const conv = spawnSync(soffice!, ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(out, 'lo'), path.join(out, 'ke-hoach-co-loi.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(conv.status, conv.stderr).toBe(0);
    const xml = strFromU8(unzipSync(fs.readFileSync(path.join(out, 'lo', 'ke-hoach-co-loi.docx')))['word/document.xml']!);
    expect([...xml.matchAll(/<w:del [^>]*w:author="plan-lint"/g)]).toHaveLength(1);
    expect([...xml.matchAll(/<w:ins [^>]*w:author="plan-lint"/g)]).toHaveLength(1);
    const pdf = spawnSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', path.join(out, 'pdf'), path.join(out, 'ke-hoach-co-loi.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(fs.statSync(path.join(out, 'pdf', 'ke-hoach-co-loi.pdf')).size).toBeGreaterThan(1000);
  }, 180_000);

  it.skipIf(!soffice)('LibreOffice opens the copy and keeps every comment', () => {
    const { copy, findings } = annotate(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx'));
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'in.docx'), copy);
    const conv = spawnSync(soffice!, ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'out'), path.join(dir, 'in.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(conv.status, conv.stderr).toBe(0);
    const back = fs.readFileSync(path.join(dir, 'out', 'in.docx'));
    expect(commentsOf(back).filter((c) => c.author === 'plan-lint')).toHaveLength(findings.length);
  }, 180_000);
});
