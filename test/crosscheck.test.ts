// The folder-wide check: documents linted together are checked against the citations of them in the
// other files; the outcome is the same with --cache and with --concurrency 2.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from './helpers.js';

const MTTQ = `BAN THƯỜNG TRỰC ỦY BAN MTTQ  
PHƯỜNG NGỌC HÀ  
Số: 27/KH-MTTQ-BTT

Ngọc Hà, ngày 12 tháng 11 năm 2025

## KẾ HOẠCH

**Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025**

I. NỘI DUNG

1. Các ban công tác Mặt trận tổ chức Ngày hội tại khu dân cư.
`;

const UBND = `ỦY BAN NHÂN DÂN  
PHƯỜNG NGỌC HÀ  
Số: 40/KH-UBND

Ngọc Hà, ngày 25 tháng 11 năm 2025

## KẾ HOẠCH

**Phối hợp tổ chức Ngày hội Đại đoàn kết năm 2025**

Căn cứ Kế hoạch số 27/KH-MTTQ-BTT ngày 12/11/2025 của Ban Thường trực Ủy ban MTTQ phường về tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025; Kế hoạch số 15/KH-ĐTN ngày 20/11/2025 của Đoàn Thanh niên phường;

I. NỘI DUNG

1. Bố trí kinh phí cho các khu dân cư.
`;

const YOUTH = `ĐOÀN THANH NIÊN  
PHƯỜNG NGỌC HÀ  
Số: 15/KH-ĐTN

Ngọc Hà, ngày 20 tháng 11 năm 2025

## KẾ HOẠCH

**Đoàn viên tham gia Ngày hội Đại đoàn kết năm 2025**

Thực hiện Kế hoạch số 37/KH-MTTQ-BTT ngày 11/11/2025 của Ban Thường trực Ủy ban MTTQ phường về tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025;

I. NỘI DUNG

1. Mỗi chi đoàn cử đoàn viên tham gia.
`;

function folder(): string {
  const dir = tmpDir('plan-lint-cross-');
  fs.writeFileSync(path.join(dir, 'a-mttq.md'), MTTQ);
  fs.writeFileSync(path.join(dir, 'b-ubnd.md'), UBND);
  fs.writeFileSync(path.join(dir, 'c-doan.md'), YOUTH);
  return dir;
}

type Found = { file: string; text: string; messageId?: string; message: string };

function run(dir: string, extra: string[]): Found[] {
  const r = runCli(['-f', 'json', '--no-config', '--rule', 'typo:off', ...extra, dir], { cwd: dir });
  expect(r.stderr).toBe('');
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { text: string; message: string; ruleId: string }[] }[];
  // the other rules' findings (format, layout …) are not this test's business
  return results.flatMap((f) => f.messages.filter((m) => m.ruleId === 'ref-mismatch').map((m) => ({ file: path.basename(f.filePath), text: m.text, message: m.message })));
}

describe('folder-wide check', () => {
  it('finds the wrong citation of a document of the run, in the citing file, with evidence', () => {
    const dir = folder();
    try {
      const found = run(dir, []);
      expect(found.map((f) => `${f.file}|${f.text}`)).toEqual(['c-doan.md|37/KH-MTTQ-BTT', 'c-doan.md|ngày 11/11/2025']);
      expect(found[0]!.message).toMatch(/27\/KH-MTTQ-BTT.*a-mttq\.md.*trích yếu/);
      expect(found[1]!.message).toMatch(/a-mttq\.md.*12\/11\/2025/);
      // alone, the citing file has nothing to compare with
      const alone = runCli(['-f', 'json', '--no-config', '--rule', 'typo:off', path.join(dir, 'c-doan.md')], { cwd: dir });
      expect(JSON.parse(alone.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'ref-mismatch')).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same result with --cache (cold and warm) and with --concurrency 2', () => {
    const dir = folder();
    try {
      const plain = run(dir, []);
      const cold = run(dir, ['--cache', '--cache-location', path.join(dir, '.cache')]);
      const warm = run(dir, ['--cache', '--cache-location', path.join(dir, '.cache')]);
      const parallel = run(dir, ['--concurrency', '2']);
      expect(plain.length).toBe(2);
      expect(cold).toEqual(plain);
      expect(warm).toEqual(plain);
      expect(parallel).toEqual(plain);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
