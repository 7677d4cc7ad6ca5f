// Bad input through the built CLI: a clear fatal message, exit 2, never a stack
// trace, and the other files still linted.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deflate, zipSync, strToU8 } from 'fflate';
import { buildDocx, p } from '../scripts/docx-builder.mjs';
import { ROOT, runCli, tmpDir } from './helpers.js';

const GOOD = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md');

/** A zip whose one entry inflates to `size` bytes of zeros: compressed it is tiny. */
function zipBomb(size: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 1 }, (c) => chunks.push(c));
  const block = new Uint8Array(1 << 20);
  for (let i = 0; i < size >> 20; i++) d.push(block, false);
  d.push(new Uint8Array(0), true);
  const data = Buffer.concat(chunks);
  const name = Buffer.from('word/document.xml');
  const crc = 0; // the reader never gets far enough to check it
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22); // a lie: the real size is far larger
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

function ole(extra = ''): Buffer {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  if (extra) Buffer.from(extra, 'utf16le').copy(b, 1024);
  return b;
}

describe('bad input gets a fatal message, exit 2, and the other files are still linted', () => {
  let dir: string;
  const good = buildDocx(p('KẾ HOẠCH') + p('Thử nghiệm'));
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['old.doc', ole(), /Word 97-2003 \(\.doc\).*\.docx/],
    ['word-97-renamed.docx', ole(), /Word 97-2003/],
    ['password.docx', ole('EncryptionInfo'), /mật khẩu/],
    ['not-a-zip.docx', 'Đây không phải tệp Word', /không phải là tài liệu Word \.docx hợp lệ/],
    ['truncated.docx', good.subarray(0, Math.floor(good.length / 2)), /bị cắt cụt hoặc hỏng/],
    ['no-document.docx', zipSync({ 'word/styles.xml': strToU8('<x/>') }), /không chứa word\/document\.xml/],
    ['empty.md', '', /Tệp rỗng/],
    ['latin1.txt', Buffer.from([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0x1ea1 & 0xff]), /không phải UTF-8 hợp lệ \(byte lỗi ở vị trí 1\)/],
    ['broken-xml.docx', zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') }), /bị hỏng \(XML không hợp lệ/],
  ];

  beforeAll(() => {
    dir = tmpDir();
    for (const [name, content] of cases) fs.writeFileSync(path.join(dir, name), content);
    fs.copyFileSync(GOOD, path.join(dir, 'z-good.md'));
    fs.symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    fs.writeFileSync(path.join(dir, '~$lock.docx'), 'Word lock file');
  });

  it('each bad file is reported with its own clear message', () => {
    const r = runCli([dir, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; message: string; ruleId: string | null }[] }[];
    const byName = new Map(results.map((x) => [path.basename(x.filePath), x]));
    for (const [name, , re] of cases) {
      const res = byName.get(name);
      expect(res, name).toBeDefined();
      expect(res!.messages).toHaveLength(1);
      expect(res!.messages[0]!.fatal).toBe(true);
      expect(res!.messages[0]!.message, name).toMatch(re);
    }
    expect(byName.get('dangling.md')!.messages[0]!.message).toMatch(/Không đọc được tệp: không tồn tại/);
    // Word's lock files are skipped; the good file is still linted
    expect(byName.has('~$lock.docx')).toBe(false);
    expect(byName.get('z-good.md')!.messages.filter((m) => m.ruleId === 'numbering').length).toBeGreaterThan(0);
  });

  it('a zip bomb is stopped while inflating, naming the limit', () => {
    const bomb = path.join(dir, '..', `bomb-${path.basename(dir)}.docx`);
    fs.writeFileSync(bomb, zipBomb(100 << 20));
    const r = runCli([bomb, GOOD, '-f', 'compact', '--lang', 'en']);
    fs.rmSync(bomb);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/safety limit while decompressing \(word\/document\.xml: > 64\.0 MB\); it may be a zip bomb/);
    expect(r.stdout).toContain('ke-hoach-co-loi.md: line');
  });

  it('a missing path and a pattern with no match are reported, the rest linted', () => {
    const r = runCli([path.join(dir, 'nope.docx'), path.join(dir, '*.nothing'), GOOD, '-f', 'compact']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/nope\.docx: line 0, col 0, Error - Không đọc được tệp: không tồn tại tệp hoặc thư mục này/);
    expect(r.stdout).toMatch(/không có tệp nào khớp mẫu này/);
    expect(r.stdout).toContain('ke-hoach-co-loi.md: line');
  });

  it('messages are in English with --lang en', () => {
    const r = runCli([path.join(dir, 'old.doc'), '--lang', 'en', '-f', 'compact']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Word 97-2003 \(\.doc\) file.*Save As \.docx/);
  });
});
