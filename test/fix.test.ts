// --fix and --fix-dry-run on Markdown and text: safe fixes only, encoding, BOM and
// line endings kept, untouched when nothing applies, atomic even when killed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from './helpers.js';

// a plan with a fixable citation number (ref-mismatch) and a fixable misspelling (typo)
const PLAN = [
  'ỦY BAN NHÂN DÂN',
  'PHƯỜNG NGỌC HÀ',
  '',
  'Số: 08/KH-UBND',
  '',
  'KẾ HOẠCH',
  '',
  'Triển khai Kế hoạch số 41/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân thành phố',
  '',
  'I. NỘI DUNG',
  '',
  '1. Các tổ dân phố thực hiện theo Kế hoạch số 14/KH-UBND ngày 20/02/2026.',
  '',
  '2. Đẩy mạnh tuyên chuyền trên hệ thống truyền thanh của phường.',
  '',
].join('\n');
const FIXED = PLAN.replace('số 14/KH-UBND', 'số 41/KH-UBND').replace('tuyên chuyền', 'tuyên truyền');

function write(name: string, bytes: Buffer | string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, bytes);
  return f;
}

describe('--fix-dry-run', () => {
  it('prints a unified diff and changes nothing', () => {
    const f = write('p.md', PLAN);
    const before = fs.statSync(f).mtimeMs;
    const r = runCli([f, '--fix-dry-run', '-f', 'compact']);
    expect(r.stdout).toContain(`--- ${f}\n+++ ${f}\n@@ `);
    expect(r.stdout).toContain('-1. Các tổ dân phố thực hiện theo Kế hoạch số 14/KH-UBND ngày 20/02/2026.\n+1. Các tổ dân phố thực hiện theo Kế hoạch số 41/KH-UBND ngày 20/02/2026.');
    expect(r.stdout).toContain('+2. Đẩy mạnh tuyên truyền trên hệ thống truyền thanh của phường.');
    expect(fs.readFileSync(f, 'utf8')).toBe(PLAN);
    expect(fs.statSync(f).mtimeMs).toBe(before);
  });
});

describe('--fix', () => {
  it('applies the safe fixes and reports what remains', () => {
    const f = write('p.md', PLAN);
    const r = runCli([f, '--fix', '-f', 'json']);
    expect(fs.readFileSync(f, 'utf8')).toBe(FIXED);
    const remaining = JSON.parse(r.stdout)[0].messages as { ruleId: string }[];
    expect(remaining.filter((m) => m.ruleId === 'ref-mismatch' || m.ruleId === 'typo')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('keeps the encoding, the BOM and the line endings', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const cases: [string, Buffer, (s: string) => Buffer][] = [
      ['utf8-bom-crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]), (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
      ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]), (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
      ['nfd.md', Buffer.from(PLAN.normalize('NFD')), (s) => Buffer.from(s)],
    ];
    for (const [name, bytes, encode] of cases) {
      const f = write(name, bytes);
      runCli([f, '--fix']);
      const got = fs.readFileSync(f);
      if (name === 'nfd.md') {
        // the replaced words come in NFC; the rest of the file keeps its NFD bytes
        const text = got.toString('utf8');
        expect(text.normalize('NFC')).toBe(FIXED);
        expect(text).toContain('Ủy ban nhân dân'.normalize('NFD'));
      } else expect(got.equals(encode(FIXED.replace(/\n/g, '\r\n'))), name).toBe(true);
    }
  });

  it('leaves a file untouched when no fix applies', () => {
    const f = write('clean.md', fs.readFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-ubnd-sach.md')));
    const before = fs.statSync(f).mtimeMs;
    runCli([f, '--fix']);
    expect(fs.statSync(f).mtimeMs).toBe(before);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['clean.md']);
  });

  it('a crash between writing and renaming leaves the plan whole', () => {
    const f = write('p.md', PLAN);
    const r = runCli([f, '--fix'], { env: { PLAN_LINT_TEST_CRASH_BEFORE_RENAME: '1' } });
    expect(r.code).toBe(137);
    expect(fs.readFileSync(f, 'utf8')).toBe(PLAN);
  });

  it('does not change a .docx, and says so', () => {
    const src = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx');
    const f = write('p.docx', fs.readFileSync(src));
    const r = runCli([f, '--fix']);
    expect(fs.readFileSync(f).equals(fs.readFileSync(src))).toBe(true);
    expect(r.stderr).toMatch(/không được sửa tại chỗ; dùng --fix --output-dir/);
  });

  it('is refused with --staged or --stdin', () => {
    expect(runCli(['--stdin', '--fix'], { input: PLAN }).code).toBe(2);
  });
});
