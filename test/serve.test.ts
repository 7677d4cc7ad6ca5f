// plan-lint serve: the page, the API on a seed plan and a fixture, bad uploads, the size limit
// (the server's memory measured in its own process), path traversal, many uploads at once,
// and no trace of the uploads on disk or in the log afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { HAS_SHARED, ROOT, runCli, seed, tmpDir } from './helpers.js';
import { listTree, rawRequest, rssOf, startChild, streamUpload, type ChildServer } from './serve-helpers.js';
import { UploadChecker } from '../src/serve/check.js';
import { startServer, type RunningServer } from '../src/serve/server.js';
import { DEFAULT_LIMITS } from '../src/run.js';
import { parseMultipart } from '../src/serve/upload.js';

const FIXTURE_MD = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md');
const FIXTURE_DOCX = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx');
const MB = 1024 * 1024;

let srv: ChildServer;
/** Names of every upload sent, to look for them on disk and in the log at the end. */
const uploadNames = new Set<string>();

beforeAll(async () => {
  srv = await startChild(['--max-upload', '50']);
}, 30_000);

afterAll(async () => {
  await srv?.stop();
  for (const d of [srv?.cwd, srv?.tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

async function post(action: string, name: string, bytes: Uint8Array, query: Record<string, string> = {}): Promise<Response> {
  uploadNames.add(name);
  const q = new URLSearchParams({ name, ...query });
  return fetch(`${srv.url}api/${action}?${q}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
}

/** The CLI's JSON for one file, as the reference the API must match. */
function cliJson(file: string, extra: string[] = []): Record<string, unknown> {
  const r = runCli([file, '--no-config', '-f', 'json', ...extra]);
  return (JSON.parse(r.stdout) as Record<string, unknown>[])[0]!;
}

describe('the page', () => {
  it('serves one page whose scripts and styles are its own files, with the security headers', async () => {
    const res = await fetch(srv.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/<input[^>]+type="file"/);
    // no inline script, no inline handler, no style attribute, nothing from another host
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).toMatch(/src="\/[\w.-]+"/);
      expect(m[2]!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const asset of [...html.matchAll(/(?:src|href)="(\/[\w.-]+)"/g)].map((m) => m[1]!)) {
      const a = await fetch(new URL(asset, srv.url));
      expect(a.status, asset).toBe(200);
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('has both languages for every text the page shows', async () => {
    const js = await (await fetch(new URL('/app.js', srv.url))).text();
    const html = await (await fetch(srv.url)).text();
    const keys = [...html.matchAll(/data-i18n(?:-placeholder)?="(\w+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(8);
    const vi = js.slice(js.indexOf('vi: {'), js.indexOf('en: {'));
    const en = js.slice(js.indexOf('en: {'));
    for (const k of keys) {
      expect(vi, k).toMatch(new RegExp(`\\b${k}:`));
      expect(en, k).toMatch(new RegExp(`\\b${k}:`));
    }
  });

  it('answers 404 to every path outside its own files, however it is spelt', async () => {
    const paths = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2f..%2fpackage.json',
      '/app.js/../../package.json',
      '//etc/passwd',
      '/../../../../etc/passwd',
      '/..\\..\\package.json',
      '/public/app.js',
      '/serve/public/index.html',
      '/src/serve/server.ts',
      '/server.js',
      '/index.html%00.js',
    ];
    for (const p of paths) {
      const r = await rawRequest(srv.url, p);
      expect(r.status, p).toBe(404);
      expect(r.body.toString()).not.toContain('"version"');
    }
  });

  it('tells the page its upload limit and the configuration\'s unit and stage', async () => {
    const res = await fetch(`${srv.url}api/settings`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ maxUploadBytes: 50 * MB, stage: 'draft' });
    // from a folder with a configuration
    const dir = tmpDir('plan-lint-serve-conf-');
    fs.writeFileSync(path.join(dir, 'plan-lint.config.json'), JSON.stringify({ unit: 'phường Hải Châu', stage: 'final' }));
    const checker = await UploadChecker.create({ cwd: dir, limits: DEFAULT_LIMITS, version: 'test' });
    expect(checker.defaults).toEqual({ unit: 'phường Hải Châu', stage: 'final' });
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses other methods on the API and the page', async () => {
    expect((await fetch(`${srv.url}api/lint`)).status).toBe(405);
    expect((await fetch(srv.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('the API', () => {
  it('lints the fixture plan: the CLI\'s JSON for one file, named by the upload, never cached', async () => {
    const res = await post('lint', 'ke-hoach-co-loi.md', fs.readFileSync(FIXTURE_MD));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown> & { messages: { text?: string }[]; context: { spans: ({ paragraph: string; start: number; end: number } | null)[]; paragraphs: Record<string, string>; sections: Record<string, unknown> } };
    const ref = cliJson(FIXTURE_MD);
    expect(body.filePath).toBe('ke-hoach-co-loi.md');
    const { context, ...shape } = body;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(ref).sort());
    expect(body.messages).toEqual(ref.messages);
    expect(body.errorCount).toBe(ref.errorCount);
    // every quoted text is found at its place in its paragraph, and its section is known
    expect(context.spans).toHaveLength(body.messages.length);
    body.messages.forEach((m, i) => {
      const s = context.spans[i];
      if (!s) return;
      expect(context.paragraphs[s.paragraph]!.slice(s.start, s.end)).toBe(m.text);
    });
    expect(context.spans.filter(Boolean).length).toBeGreaterThan(0);
    expect(Object.keys(context.sections)).toContain('III.1');
  });

  it('applies the unit, stage and lang options like the CLI', async () => {
    const bytes = fs.readFileSync(FIXTURE_MD);
    const opts = { unit: 'phường Thanh Khê', stage: 'final', lang: 'en' };
    const body = (await (await post('lint', 'ke-hoach-co-loi.md', bytes, opts)).json()) as { messages: unknown[] };
    const ref = cliJson(FIXTURE_MD, ['--unit', opts.unit, '--stage', 'final', '--lang', 'en']);
    expect(body.messages).toEqual(ref.messages);
    const plain = (await (await post('lint', 'ke-hoach-co-loi.md', bytes)).json()) as { messages: unknown[] };
    expect(body.messages).not.toEqual(plain.messages);
  });

  it('accepts a multipart form upload with the options as fields', async () => {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(FIXTURE_MD)]), 'ke-hoach-co-loi.md');
    form.append('lang', 'en');
    uploadNames.add('ke-hoach-co-loi.md');
    const res = await fetch(`${srv.url}api/lint`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { filePath: string; messages: unknown[] };
    expect(body.filePath).toBe('ke-hoach-co-loi.md');
    expect(body.messages).toEqual(cliJson(FIXTURE_MD, ['--lang', 'en']).messages);
  });

  it('fixes the Markdown fixture: the fixed text with its safe fix applied', async () => {
    const original = fs.readFileSync(FIXTURE_MD);
    const ref = cliJson(FIXTURE_MD) as { messages: { fix?: { text: string } }[] };
    const fixes = ref.messages.filter((m) => m.fix);
    expect(fixes.length).toBeGreaterThan(0);
    const res = await post('fix', 'ke-hoach-co-loi.md', original);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('ke-hoach-co-loi.da-sua.md');
    expect(Number(res.headers.get('x-plan-lint-changes'))).toBe(fixes.length);
    const fixed = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(fixed).not.toBe(original.toString('utf8'));
    for (const f of fixes) expect(fixed).toContain(f.fix!.text);
    // the fixed text no longer has the fixable findings
    const again = (await (await post('lint', 'ke-hoach-co-loi.md', Buffer.from(fixed))).json()) as { messages: { fix?: unknown }[] };
    expect(again.messages.filter((m) => m.fix)).toHaveLength(0);
  });

  it('annotates and fixes the Word fixture', async () => {
    const bytes = fs.readFileSync(FIXTURE_DOCX);
    const ann = await post('annotate', 'ke-hoach-co-loi.docx', bytes, { lang: 'en' });
    expect(ann.status).toBe(200);
    expect(ann.headers.get('content-type')).toContain('wordprocessingml');
    expect(ann.headers.get('cache-control')).toBe('no-store');
    const files = unzipSync(new Uint8Array(await ann.arrayBuffer()));
    const comments = strFromU8(files['word/comments.xml']!);
    const n = Number(ann.headers.get('x-plan-lint-comments'));
    expect(n).toBeGreaterThan(0);
    expect(comments.match(/<w:comment /g)).toHaveLength(n);
    expect(comments).toMatch(/Error: /);
    const fix = await post('fix', 'ke-hoach-co-loi.docx', bytes);
    expect(fix.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await fix.arrayBuffer()))['word/document.xml']!);
    expect(xml).toContain('w:author="plan-lint"');
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">64\/KH-UBND<\/w:t>/);
  });

  it.skipIf(!HAS_SHARED)('lints, annotates and fixes a seed plan (Word) as the CLI does', async () => {
    const file = seed('000', 'docx');
    const bytes = fs.readFileSync(file);
    const name = path.basename(file);
    const res = await post('lint', name, bytes);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages: { fix?: unknown }[]; errorCount: number; context: { spans: unknown[] } };
    const ref = cliJson(file);
    expect(body.messages).toEqual(ref.messages);
    expect(body.errorCount).toBeGreaterThan(0);
    expect(body.context.spans.filter(Boolean).length).toBe(body.messages.filter((m) => (m as { location?: unknown }).location).length);

    const ann = await post('annotate', name, bytes);
    expect(ann.status).toBe(200);
    const comments = strFromU8(unzipSync(new Uint8Array(await ann.arrayBuffer()))['word/comments.xml']!);
    expect(comments).toMatch(/Lỗi: /);
    expect(Number(ann.headers.get('x-plan-lint-comments'))).toBeGreaterThan(0);

    const fix = await post('fix', name, bytes);
    expect(fix.status).toBe(200);
    expect(Number(fix.headers.get('x-plan-lint-changes'))).toBeGreaterThan(0);
    const xml = strFromU8(unzipSync(new Uint8Array(await fix.arrayBuffer()))['word/document.xml']!);
    expect(xml).toMatch(/<w:ins [^>]*w:author="plan-lint"/);
  });

  it.skipIf(!HAS_SHARED)('lints a seed plan (text), naming every section it reports, appendices included', async () => {
    const file = seed('003', 'txt');
    const res = await post('lint', path.basename(file), fs.readFileSync(file));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages: { location?: { section?: string } }[]; context: { sections: Record<string, { ref: string; heading: string }> } };
    expect(body.messages).toEqual(cliJson(file).messages);
    const paths = new Set(body.messages.map((m) => m.location?.section).filter((p): p is string => !!p));
    expect(paths.size).toBeGreaterThan(2);
    for (const p of paths) {
      const s = body.context.sections[p];
      expect(s, p).toBeDefined();
      expect(s!.ref).toMatch(/^(Mục|Phụ lục|Mẫu|Văn bản kèm theo|Phần|Chương|Điều)\b/);
    }
  });

  it('answers a bad file with a 4xx and the CLI\'s message, never a stack', async () => {
    const random = crypto.randomBytes(64 * 1024);
    random[0] = 0xff; // never valid UTF-8 at the start, never a ZIP
    for (const name of ['random.docx', 'random.txt', 'random.md']) {
      const res = await post('lint', name, random);
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      const body = (await res.json()) as { error: string };
      expect(body.error.length).toBeGreaterThan(10);
      expect(body.error).not.toMatch(/\n\s+at /);
    }
    const docx = (await (await post('lint', 'random.docx', random)).json()) as { error: string };
    expect(docx.error).toBe((cliJson(writeTemp('random.docx', random)) as { messages: { message: string }[] }).messages[0]!.message);
    expect((await post('lint', 'plan.pdf', Buffer.from('%PDF-1.4'))).status).toBe(415);
    expect((await post('lint', 'empty.md', Buffer.alloc(0))).status).toBe(422);
    expect((await post('annotate', 'ke-hoach-co-loi.md', fs.readFileSync(FIXTURE_MD))).status).toBe(415);
    expect((await post('lint', 'a.md', Buffer.from('x'), { stage: 'soon' })).status).toBe(400);
    const noName = await fetch(`${srv.url}api/lint`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'application/octet-stream' } });
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as { error: string }).error).toContain('name=');
  });

  it('takes 40 uploads at once and answers every one', async () => {
    const bytes = fs.readFileSync(FIXTURE_MD);
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await post('lint', `dong-thoi-${i}.md`, bytes);
        const body = (await res.json()) as { filePath?: string; error?: string };
        return { status: res.status, body, retry: res.headers.get('retry-after') };
      }),
    );
    for (const [i, a] of answers.entries()) {
      if (a.status === 503) expect(a.retry).toMatch(/^\d+$/);
      else {
        expect(a.status).toBe(200);
        expect(a.body.filePath).toBe(`dong-thoi-${i}.md`);
      }
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
  });
});

describe('the size limit', () => {
  it('refuses a 300 MB upload with 413 before reading it whole, the server growing by less than 100 MB', async () => {
    const pid = srv.proc.pid!;
    // warm up: modules and the spelling model are loaded by a first check
    await post('lint', 'ke-hoach-co-loi.md', fs.readFileSync(FIXTURE_MD));
    const base = rssOf(pid);
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
    try {
      const url = `${srv.url}api/lint?name=lon.docx`;
      uploadNames.add('lon.docx');
      // declared length: refused from the headers
      const declared = await streamUpload(url, 300 * MB, true);
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.body).error).toContain('50 MB');
      expect(declared.sent).toBeLessThan(300 * MB);
      // no declared length (chunked): refused once 50 MB have arrived
      const chunked = await streamUpload(url, 300 * MB, false);
      expect(chunked.status).toBe(413);
      expect(chunked.sent).toBeLessThan(300 * MB);
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, rssOf(pid));
    expect(peak - base).toBeLessThan(100 * MB);
    // and the server still works
    expect((await post('lint', 'ke-hoach-co-loi.md', fs.readFileSync(FIXTURE_MD))).status).toBe(200);
  }, 120_000);
});

describe('a bounded number of files at once', () => {
  let server: RunningServer;
  afterAll(async () => server?.close());

  it('lets the others wait, then answers 503 with Retry-After', async () => {
    const checker = await UploadChecker.create({ cwd: ROOT, noConfig: true, limits: DEFAULT_LIMITS, version: 'test' });
    server = await startServer(checker, { host: '127.0.0.1', port: 0, maxUploadBytes: 50 * MB, maxActive: 1, maxUploads: 1, maxWaiting: 3, maxWaitMs: 200 });
    // a slow upload holds the only turn: its body is sent half, then the rest after a while
    const bytes = fs.readFileSync(FIXTURE_MD);
    const slowDone = slowUpload(new URL('api/lint?name=cham.md', server.url), bytes, 800);
    await new Promise((r) => setTimeout(r, 100));
    const others = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(new URL('api/lint?name=khac.md', server.url), { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } }).then(async (r) => ({
          status: r.status,
          retry: r.headers.get('retry-after'),
          error: ((await r.json()) as { error?: string }).error,
        })),
      ),
    );
    expect(await slowDone).toBe(200);
    // three could wait (and timed out after 200 ms), three more were refused at once
    expect(others.map((o) => o.status)).toEqual([503, 503, 503, 503, 503, 503]);
    for (const o of others) {
      expect(o.retry).toMatch(/^\d+$/);
      expect(o.error).toContain('bận');
    }
    // the turn is free again
    const after = await fetch(new URL('api/lint?name=sau.md', server.url), { method: 'POST', body: bytes });
    expect(after.status).toBe(200);
  });
});

describe('the per-file time limit', () => {
  let server: RunningServer;
  afterAll(async () => server?.close());

  it('applies the CLI\'s limit and answers 422 with its message', async () => {
    const checker = await UploadChecker.create({ cwd: ROOT, noConfig: true, limits: { ...DEFAULT_LIMITS, timeLimitMs: 0.001 }, version: 'test' });
    server = await startServer(checker, { host: '127.0.0.1', port: 0, maxUploadBytes: 50 * MB, maxActive: 1, maxUploads: 2, maxWaiting: 3, maxWaitMs: 500 });
    const long = Buffer.from(fs.readFileSync(FIXTURE_MD, 'utf8').repeat(40));
    const res = await fetch(new URL('api/lint?name=dai.md&lang=en', server.url), { method: 'POST', body: long });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/time limit/);
  });
});

describe('a slow sender', () => {
  let server: RunningServer;
  afterAll(async () => server?.close());

  it('does not hold up the checks of others', async () => {
    const checker = await UploadChecker.create({ cwd: ROOT, noConfig: true, limits: DEFAULT_LIMITS, version: 'test' });
    server = await startServer(checker, { host: '127.0.0.1', port: 0, maxUploadBytes: 50 * MB, maxActive: 1, maxUploads: 2, maxWaiting: 3, maxWaitMs: 500 });
    const bytes = fs.readFileSync(FIXTURE_MD);
    const slowDone = slowUpload(new URL('api/lint?name=cham.md', server.url), bytes, 1500);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const other = await fetch(new URL('api/lint?name=khac.md', server.url), { method: 'POST', body: bytes });
    expect(other.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1400); // answered while the slow one was still sending
    expect(await slowDone).toBe(200);
  });
});

describe('a sender that goes away', () => {
  let server: RunningServer;
  afterAll(async () => server?.close());

  it('gives its turn back', async () => {
    const checker = await UploadChecker.create({ cwd: ROOT, noConfig: true, limits: DEFAULT_LIMITS, version: 'test' });
    server = await startServer(checker, { host: '127.0.0.1', port: 0, maxUploadBytes: 50 * MB, maxActive: 1, maxUploads: 1, maxWaiting: 3, maxWaitMs: 2000 });
    const { request } = await import('node:http');
    for (let i = 0; i < 3; i++) {
      const req = request(new URL('api/lint?name=bo-do.md', server.url), { method: 'POST', headers: { 'Content-Length': '100000' } });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(1000, 0x41));
      await new Promise((r) => setTimeout(r, 100));
      req.destroy();
    }
    const res = await fetch(new URL('api/lint?name=sau.md', server.url), { method: 'POST', body: fs.readFileSync(FIXTURE_MD) });
    expect(res.status).toBe(200);
    // one that goes away while waiting for its turn
    const bytes = fs.readFileSync(FIXTURE_MD);
    const slowDone = slowUpload(new URL('api/lint?name=cham.md', server.url), bytes, 600);
    await new Promise((r) => setTimeout(r, 100));
    const waiting = request(new URL('api/lint?name=cho.md', server.url), { method: 'POST', headers: { 'Content-Length': String(bytes.length) } });
    waiting.on('error', () => undefined);
    waiting.end(bytes);
    await new Promise((r) => setTimeout(r, 100));
    waiting.destroy();
    expect(await slowDone).toBe(200);
    const last = await fetch(new URL('api/lint?name=cuoi.md', server.url), { method: 'POST', body: bytes });
    expect(last.status).toBe(200);
  });
});

/** An upload whose first 100 bytes go at once and the rest after `delayMs`. */
async function slowUpload(url: URL, bytes: Buffer, delayMs: number): Promise<number> {
  const { request } = await import('node:http');
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(bytes.subarray(0, 100));
    setTimeout(() => req.end(bytes.subarray(100)), delayMs);
  });
}

describe('the serve command', () => {
  it('refuses bad options with a clear message and exit 2', () => {
    for (const [flag, value] of [['--port', 'abc'], ['--port', '70000'], ['--max-upload', '0'], ['--jobs', '0'], ['--max-file-time', 'x']] as const) {
      const r = runCli(['serve', flag, value]);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toContain(`${flag} cần một số dương`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const help = runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-upload');
    expect(runCli(['--help']).stdout).toContain('plan-lint serve');
  });

  it('says clearly when the port is taken', async () => {
    const port = new URL(srv.url).port;
    const r = runCli(['serve', '--port', port, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the port is in use');
  });
});

describe('multipart parsing', () => {
  it('finds the file and the fields, and refuses a damaged form', () => {
    const b = 'XyZ';
    const body = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="unit"\r\n\r\nphường A\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="k.md"\r\nContent-Type: text/markdown\r\n\r\nline1\r\n--not-the-end\r\n` +
        `--${b}--\r\n`,
    );
    const parts = parseMultipart(body, b)!;
    expect(parts.map((p) => [p.name, p.filename])).toEqual([['unit', undefined], ['file', 'k.md']]);
    expect(parts[1]!.data.toString()).toBe('line1\r\n--not-the-end');
    expect(parts[0]!.data.toString()).toBe('phường A');
    expect(parseMultipart(body.subarray(0, 60), b)).toBeUndefined();
  });
});

describe('after everything', () => {
  it('left no upload on disk and logged none', () => {
    // the server's TMPDIR and working folder are as empty as when it started
    expect(listTree(srv.tmp)).toEqual([]);
    expect(listTree(srv.cwd)).toEqual([]);
    // nor anywhere at the top of the machine's temp folder
    const shared = fs.readdirSync(os.tmpdir());
    for (const name of uploadNames) expect(shared.filter((f) => f.includes(name))).toEqual([]);
    const log = srv.output();
    for (const name of uploadNames) expect(log).not.toContain(name);
    expect(log.trim()).toBe('');
  });
});

const temps: string[] = [];
function writeTemp(name: string, bytes: Uint8Array): string {
  const dir = tmpDir('plan-lint-serve-ref-');
  temps.push(dir);
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
}
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});
