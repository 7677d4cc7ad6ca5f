// The checking page in a real browser (headless Chromium, Debian's package): load the page,
// upload a plan, read the findings, switch to English, download the annotated copy, use it
// with the keyboard and on a phone-sized screen. Writes a screenshot of the page with the
// project's sample plan: `npm run screenshot` writes it to docs/serve.png, the README's picture.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { HAS_SHARED, ROOT, seed, tmpDir } from './helpers.js';
import { listTree, startChild, type ChildServer } from './serve-helpers.js';

const CHROMIUM = process.env.PLAN_LINT_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(`NOTICE: ${CHROMIUM} is absent — the browser test of plan-lint serve is skipped (install Debian's chromium package; .ci/run does).`);
}
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// the README's picture when asked for (npm run screenshot), else a throw-away file in a folder the test removes
const screenshotPath = (): string => (process.env.PLAN_LINT_SCREENSHOT ? path.resolve(ROOT, process.env.PLAN_LINT_SCREENSHOT) : path.join(tmpDir('plan-lint-shot-'), 'serve.png'));

type Browser = import('playwright-core').Browser;

describe.skipIf(!HAS_CHROMIUM)('the page in headless Chromium', () => {
  let srv: ChildServer;
  let browser: Browser;
  let downloads: string;
  const SAMPLE = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx');
  const plan = HAS_SHARED ? seed('000', 'docx') : SAMPLE;

  beforeAll(async () => {
    if (!HAS_SHARED) console.warn('NOTICE: no seed plans — the browser test uses the fixture plan instead.');
    downloads = tmpDir('plan-lint-serve-dl-');
    srv = await startChild(['--max-upload', '5']);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.stop();
    for (const d of [srv?.cwd, srv?.tmp, downloads]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('checks an uploaded plan, shows the findings by section and downloads the annotated copy', async () => {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1100, height: 1250 }, deviceScaleFactor: 1 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(srv.url);
    await expect(page.locator('h1').textContent()).resolves.toContain('Kiểm tra văn bản');

    await page.setInputFiles('#file', plan);
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#result-title').textContent()).toBe(path.basename(plan));
    const findings = page.locator('.finding');
    expect(await findings.count()).toBeGreaterThan(0);
    // findings are grouped under section headings, and their quoted text is marked in its paragraph
    expect(await page.locator('.group h3').count()).toBeGreaterThan(1);
    const marks = await page.locator('.quote mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((t) => t.trim().length > 0)).toBe(true);
    expect(await page.locator('.chip.error').textContent()).toMatch(/^\d+ lỗi$/);

    // the annotated copy, downloaded as a clerk would
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-annotate')]);
    expect(download.suggestedFilename()).toMatch(/\.nhan-xet\.docx$/);
    const saved = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    const comments = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(saved)))['word/comments.xml']!);
    expect(comments.match(/<w:comment /g)?.length ?? 0).toBeGreaterThan(0);
    await page.waitForSelector('#notice:not([hidden])');
    expect(await page.locator('#notice').textContent()).toMatch(/nhận xét/);
    // and the fixed copy, when there are safe fixes
    if (await page.locator('#dl-fix').isVisible()) {
      const [fixed] = await Promise.all([page.waitForEvent('download'), page.click('#dl-fix')]);
      expect(fixed.suggestedFilename()).toMatch(/\.da-sua\.docx$/);
      const fixedPath = path.join(downloads, fixed.suggestedFilename());
      await fixed.saveAs(fixedPath);
      expect(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(fixedPath)))['word/document.xml']!)).toContain('w:author="plan-lint"');
    }

    // the screenshot shows the project's own sample plan (the seed plans' text is never copied into the repository)
    await page.setInputFiles('#file', SAMPLE);
    await page.waitForFunction((name) => document.getElementById('result-title')?.textContent === name, path.basename(SAMPLE), { timeout: 60_000 });
    expect(await findings.count()).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const shot = screenshotPath();
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    console.log(`serve screenshot: ${shot}`);

    // English: the page and the findings switch language
    const viFirst = await findings.first().locator('.msg').textContent();
    await page.click('#lang');
    await expect(page.locator('h1').textContent()).resolves.toContain('Check a document');
    await page.waitForFunction((before) => document.querySelector('.finding .msg')?.textContent !== before, viFirst, { timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('is usable with the keyboard and fits a phone screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(srv.url);
    // Tab reaches the language switch, the options and the file chooser
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(reached).toEqual(expect.arrayContaining(['lang', 'unit', 'stage', 'file']));
    // the focused file chooser shows a focus ring on its button
    await page.focus('#file');
    const ring = await page.evaluate(() => getComputedStyle(document.querySelector('label[for="file"]')!).outlineStyle);
    expect(ring).not.toBe('none');
    // nothing wider than the screen
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    // while a file is on its way and being checked, the page says so (the answer is held back here to see it)
    await page.route('**/api/lint?**', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await page.setInputFiles('#file', plan);
    await page.waitForSelector('#status:not([hidden])');
    expect(await page.locator('#status-text').textContent()).toMatch(/Đang (tải tệp lên|kiểm tra)/);
    expect(await page.locator('#file').isDisabled()).toBe(true);
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#status').isHidden()).toBe(true);
    const after = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(after.scroll).toBeLessThanOrEqual(after.client);
    // the results heading takes the focus, so a screen reader user hears the result
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    await page.close();
  }, 120_000);

  it('refuses a file over the limit before sending it, and shows why a damaged file cannot be checked', async () => {
    const page = await browser.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/lint')) sent.push(r.url());
    });
    await page.goto(srv.url);
    await page.waitForLoadState('networkidle');
    const big = path.join(downloads, 'qua-lon.txt');
    fs.writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x61));
    await page.setInputFiles('#file', big);
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toMatch(/quá lớn.*5 MB/);
    expect(sent).toEqual([]);
    fs.rmSync(big);
    // a damaged file: the CLI's message, and no findings shown
    const bad = path.join(downloads, 'hong.docx');
    fs.writeFileSync(bad, Buffer.from('this is not a Word file'));
    await page.setInputFiles('#file', bad);
    await page.waitForFunction(() => /Word/.test(document.getElementById('error')?.textContent ?? '') && !document.getElementById('error')?.hidden);
    expect(await page.locator('#error').textContent()).toContain('không phải là tài liệu Word .docx hợp lệ');
    expect(await page.locator('#result').isHidden()).toBe(true);
    fs.rmSync(bad);
    await page.close();
  }, 120_000);

  it('left nothing on the server\'s disk', () => {
    expect(listTree(srv.tmp)).toEqual([]);
    expect(listTree(srv.cwd)).toEqual([]);
    expect(srv.output().trim()).toBe('');
  });
});
