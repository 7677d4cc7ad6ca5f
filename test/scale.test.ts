// Many files: parallel runs give the serial output, the cache skips unchanged files,
// limits stop one file without stopping the others, legacy encodings get one message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, ROOT, SHARED, lint, runCli, tmpDir } from './helpers.js';
import { AUTO_WORKERS, resolveConcurrency } from '../src/run.js';

function plansFolder(): string {
  const dir = tmpDir();
  const sources = [path.join(ROOT, 'fixtures'), ...(HAS_SHARED ? [path.join(SHARED, 'seeds'), path.join(SHARED, 'docx')] : [])];
  let n = 0;
  for (const src of sources) for (const f of fs.readdirSync(src)) fs.copyFileSync(path.join(src, f), path.join(dir, `${String(n++).padStart(2, '0')}-${f}`));
  // and variants: other numbers and wards in the Markdown plans
  for (const f of fs.readdirSync(path.join(ROOT, 'fixtures')).filter((x) => x.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(ROOT, 'fixtures', f), 'utf8');
    fs.writeFileSync(path.join(dir, `v-${f}`), text.replace(/số (\d+)/g, (_m, d: string) => `số ${Number(d) + 3}`));
  }
  return dir;
}

describe('--concurrency', () => {
  let dir: string;
  beforeAll(() => {
    dir = plansFolder();
  });
  it('gives the output of a serial run, in the same order', () => {
    const serial = runCli([dir, '-f', 'json', '--concurrency', 'off']);
    for (const c of ['2', '3', 'auto']) {
      const par = runCli([dir, '-f', 'json', '--concurrency', c]);
      expect(par.code).toBe(serial.code);
      expect(par.stdout).toBe(serial.stdout);
    }
    const stylishSerial = runCli([dir, '--concurrency', 'off']).stdout;
    expect(runCli([dir, '--concurrency', '2']).stdout).toBe(stylishSerial);
    expect(JSON.parse(serial.stdout).length).toBeGreaterThan(8);
  });
  it('rejects a bad value', () => {
    expect(runCli([dir, '--concurrency', 'many']).code).toBe(2);
  });
  it('by default lints a small run in this thread and a large one on worker threads (when the machine has cores to share)', () => {
    // a plugin rule that says in which thread it ran
    const where = tmpDir();
    fs.writeFileSync(path.join(where, 'thread.mjs'), `
import { isMainThread } from 'node:worker_threads';
export const rules = [{
  meta: { id: 'thread', description: { vi: 'x', en: 'x' }, docs: 'x', defaultSeverity: 'warn', messages: { at: { vi: '{t}', en: '{t}' } } },
  create(context) { return { 'plan:exit'(node) { context.report({ node: node.children[0], messageId: 'at', data: { t: isMainThread ? 'main' : 'worker' } }); } }; },
}];`);
    const plan = fs.readFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-ubnd-sach.md'), 'utf8');
    const threads = (n: number, bytesEach: number): Set<string> => {
      const folder = tmpDir();
      // blank lines make up the size: read at once, no more findings
      const text = plan + '\n'.repeat(Math.max(0, bytesEach - Buffer.byteLength(plan)));
      for (let i = 0; i < n; i++) fs.writeFileSync(path.join(folder, `p${i}.md`), text);
      fs.writeFileSync(path.join(folder, '.planlintrc.json'), JSON.stringify({ plugins: [path.join(where, 'thread.mjs')] }));
      const r = runCli([folder, '-f', 'json']);
      const report = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
      expect(report).toHaveLength(n);
      return new Set(report.flatMap((f) => f.messages.filter((m) => m.ruleId === 'thread').map((m) => m.message)));
    };
    const { minFiles, minBytes } = AUTO_WORKERS;
    expect(threads(3, 0)).toEqual(new Set(['main']));
    // many small files: not work enough
    expect(threads(minFiles, 0)).toEqual(new Set(['main']));
    expect(threads(minFiles, Math.ceil(minBytes / minFiles) + 1)).toEqual(new Set([os.availableParallelism() > 1 ? 'worker' : 'main']));
  }, 120_000);
  it('auto: workers for a run with the files and the bytes to pay for them; numbers and off as given', () => {
    const { minFiles, minBytes } = AUTO_WORKERS;
    const cores = Math.min(os.availableParallelism(), 8);
    const many = cores > 1 ? cores : 1;
    expect(resolveConcurrency(undefined, minFiles, minBytes)).toBe(many);
    expect(resolveConcurrency('auto', minFiles * 10, minBytes * 10)).toBe(many);
    expect(resolveConcurrency('auto', minFiles - 1, minBytes * 10)).toBe(1);
    expect(resolveConcurrency('auto', minFiles * 10, minBytes - 1)).toBe(1);
    expect(resolveConcurrency('off', minFiles * 10, minBytes * 10)).toBe(1);
    expect(resolveConcurrency(3, 2, 10)).toBe(3);
  });
});

describe('--cache', () => {
  // a plugin rule that writes a line for every file it lints, so a test can see which files were linted
  const plugin = (log: string) => `
import fs from 'node:fs';
export const rules = [{
  meta: { id: 'trace', description: { vi: 'x', en: 'x' }, docs: 'x', defaultSeverity: 'warn', messages: {} },
  create(context) { fs.appendFileSync(${JSON.stringify(log)}, context.filePath + '\\n'); },
}];`;

  it('skips unchanged files; content, config or version changes lint again', () => {
    const dir = plansFolder();
    const log = path.join(tmpDir(), 'trace.log');
    fs.writeFileSync(path.join(dir, 'trace.mjs'), plugin(log));
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ plugins: ['./trace.mjs'] }));
    const cacheLoc = path.join(tmpDir(), 'cache-dir');
    fs.mkdirSync(cacheLoc);
    const run = () => runCli([dir, '-f', 'json', '--cache', '--cache-location', cacheLoc, '--concurrency', 'off']);
    const linted = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []);
    const first = run();
    const n = linted().length;
    expect(n).toBe(fs.readdirSync(dir).filter((f) => /\.(md|txt|docx)$/.test(f)).length);
    expect(fs.existsSync(path.join(cacheLoc, '.plan-lint-cache'))).toBe(true);
    const second = run();
    expect(linted().length).toBe(n); // nothing linted again
    expect(second.stdout).toBe(first.stdout); // and the same report
    // one file changes: only it is linted again
    const md = fs.readdirSync(dir).find((f) => f.endsWith('.md'))!;
    fs.appendFileSync(path.join(dir, md), '\nThêm một đoạn.\n');
    run();
    expect(linted().slice(n)).toEqual([path.join(dir, md)]);
    // the config changes: everything again
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ plugins: ['./trace.mjs'], stage: 'final' }));
    run();
    expect(linted().length).toBe(2 * n + 1);
    // another plan-lint version: everything again
    const cacheFile = path.join(cacheLoc, '.plan-lint-cache');
    const c = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    fs.writeFileSync(cacheFile, JSON.stringify({ ...c, version: '0.0.0-old' }));
    run();
    expect(linted().length).toBe(3 * n + 1);
    // a damaged cache file is ignored, not fatal
    fs.writeFileSync(cacheFile, '{ not json');
    expect(run().code).toBe(first.code);
  });
});

describe('per-file limits', () => {
  it('a file over the size limit gets a fatal message naming the limit; the others go on', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'big.md'), `KẾ HOẠCH\n\n${'Tuyên truyền sâu rộng. '.repeat(80_000)}`);
    fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), path.join(dir, 'ok.md'));
    const r = runCli([dir, '--max-file-size', '1', '-f', 'compact', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/big\.md: line 0, col 0, Error - The file is too large \(2 MB\); the limit is 1 MB/);
    expect(r.stdout).toMatch(/ok\.md: line \d+/);
  });

  const slowPlugin = `
export const rules = [{
  meta: { id: 'slow', description: { vi: 'x', en: 'x' }, docs: 'x', defaultSeverity: 'warn', messages: {} },
  create(context) {
    return { paragraph() { if (context.filePath.includes('slow')) { const t = Date.now() + 400; while (Date.now() < t) {} } } };
  },
}];`;
  const hangPlugin = `
export const rules = [{
  meta: { id: 'hang', description: { vi: 'x', en: 'x' }, docs: 'x', defaultSeverity: 'warn', messages: {} },
  create(context) { if (context.filePath.includes('slow')) for (;;) {} },
}];`;

  for (const [name, source, conc] of [['between rule calls', slowPlugin, 'off'], ['a rule that never returns, serial', hangPlugin, 'off'], ['on a worker that hangs', hangPlugin, '2']] as const) {
    it(`a file over the time limit is stopped (${name}); the others go on`, () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'p.mjs'), source);
      fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ plugins: ['./p.mjs'] }));
      fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), path.join(dir, 'a-ok.md'));
      fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-ubnd-sach.md'), path.join(dir, 'slow.md'));
      fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), path.join(dir, 'z-ok.md'));
      const t0 = Date.now();
      const r = runCli([dir, '--max-file-time', '1', '-f', 'compact', '--lang', 'en', '--concurrency', conc]);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/slow\.md: line 0, col 0, Error - Stopped linting the file: it exceeded the time limit of 1 s/);
      expect(r.stdout).toMatch(/a-ok\.md: line \d+/);
      expect(r.stdout).toMatch(/z-ok\.md: line \d+/);
    }, 30_000);
  }

  it('serial, every file hangs in a rule: each is stopped at the limit, the JSON report is complete, exit 2', () => {
    const dir = tmpDir();
    const forever = `
export const rules = [{
  meta: { id: 'forever', description: { vi: 'x', en: 'x' }, docs: 'x', defaultSeverity: 'warn', messages: {} },
  create() { return { paragraph() { for (;;) {} } }; },
}];`;
    fs.writeFileSync(path.join(dir, 'p.mjs'), forever);
    fs.writeFileSync(path.join(dir, '.planlintrc.json'), JSON.stringify({ plugins: ['./p.mjs'] }));
    fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), path.join(dir, 'a.md'));
    fs.copyFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-ubnd-sach.md'), path.join(dir, 'b.md'));
    const t0 = Date.now();
    const r = runCli([dir, '--max-file-time', '3', '-f', 'json', '--lang', 'en', '--concurrency', 'off']);
    const ms = Date.now() - t0;
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
    expect(report.map((x) => path.basename(x.filePath))).toEqual(['a.md', 'b.md']);
    for (const x of report) {
      expect(x.messages).toHaveLength(1);
      expect(x.messages[0]!.fatal).toBe(true);
      expect(x.messages[0]!.message).toMatch(/exceeded the time limit of 3 s/);
    }
    // each file ran for its 3 s and no longer (the process starts in well under a second)
    expect(ms).toBeGreaterThan(6_000);
    expect(ms).toBeLessThan(12_000);
  }, 30_000);
});

describe('legacy encodings', () => {
  it('TCVN3 and VNI text get one clear message instead of hundreds of typos', async () => {
    const tcvn = 'KÕ ho¹ch\n\nTuyªn truyÒn, qu¸n triÖt NghÞ quyÕt sè 05-NQ/TU ngµy 14/01/2026 cña Ban chÊp hµnh §¶ng bé phêng.\n';
    const vni = 'KEÁ HOAÏCH\n\nTuyeân truyeàn, quaùn trieät Nghò quyeát soá 05-NQ/TU ngaøy 14/01/2026 cuûa Ban chaáp haønh Ñaûng boä phöôøng.\n';
    for (const [text, enc] of [[tcvn, 'TCVN3'], [vni, 'VNI']]) {
      const res = await lint(text, { filePath: '/v/old.txt' });
      expect(res.messages).toHaveLength(1);
      expect(res.messages[0]!.fatal).toBe(true);
      expect(res.messages[0]!.message).toContain(`bảng mã cũ (${enc})`);
      expect(res.messages[0]!.message).toMatch(/Unicode/);
    }
  });
  it('Unicode plans are not taken for legacy text', async () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'fixtures'))) {
      const res = await lint(fs.readFileSync(path.join(ROOT, 'fixtures', f)), { filePath: `/v/${f}` });
      expect(res.messages.filter((m) => m.messageId === 'legacy-encoding')).toEqual([]);
    }
  });
});
