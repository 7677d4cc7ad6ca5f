// `plan-lint serve`: the office's checking page and its API on Node's own http module.
// Uploads stay in memory and are never logged; the page's files are a fixed list read
// from plan-lint's own folder, so no request path can reach another file.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Lang, LintResult } from '../types.js';
import { PKG_ROOT } from '../paths.js';
import { formatOf } from '../readers/index.js';
import { UploadChecker, type CheckOptions, type Upload } from './check.js';
import { checkDeclaredLength, HttpError, readUpload } from './upload.js';
import { Gate, GateBusy } from './gate.js';

export interface ServeOptions {
  host: string;
  port: number;
  maxUploadBytes: number;
  /** Files checked at once; the others wait. */
  maxActive: number;
  /** Uploads received at once (each holds at most maxUploadBytes in memory until it is answered); the others wait. */
  maxUploads: number;
  /** Requests that may wait for a turn, and how long: past either, 503 with Retry-After. */
  maxWaiting: number;
  maxWaitMs: number;
}

export const DEFAULT_SERVE: Omit<ServeOptions, 'host' | 'port'> = { maxUploadBytes: 50 * 1024 * 1024, maxActive: 2, maxUploads: 8, maxWaiting: 64, maxWaitMs: 60_000 };

/** The folder of the page's files, found from the package root (a bundled build moves this module). */
export const PUBLIC_DIR = path.join(PKG_ROOT, 'src', 'serve', 'public');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TEXT = {
  vi: {
    notFound: 'Không có trang này.',
    method: 'Phương thức không được hỗ trợ.',
    busy: 'Máy chủ đang bận kiểm tra các tệp khác. Vui lòng thử lại sau ít phút.',
    annotateDocx: 'Chỉ tệp Word (.docx) mới ghi được bản có nhận xét; với tệp .md và .txt hãy xem các lỗi trên trang.',
    internal: 'Lỗi nội bộ của plan-lint. Vui lòng báo lỗi kèm tệp này.',
  },
  en: {
    notFound: 'No such page.',
    method: 'Method not allowed.',
    busy: 'The server is busy checking other files. Please try again in a few minutes.',
    annotateDocx: 'Only Word files (.docx) get an annotated copy; for .md and .txt files read the findings on the page.',
    internal: 'Internal plan-lint error. Please report it with this file.',
  },
};

/** The page's files by URL path, read once at start: nothing else is ever served. */
function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of fs.readdirSync(PUBLIC_DIR)) {
    const type = TYPES[path.extname(name)];
    const file = path.join(PUBLIC_DIR, name);
    if (!type || !fs.statSync(file).isFile()) continue;
    assets.set(`/${name}`, { body: fs.readFileSync(file), type });
  }
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}

function send(res: http.ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string | number>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, data: unknown, extra: Record<string, string | number> = {}): void {
  send(res, status, JSON.stringify(data), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
}

/** An ASCII fallback and the UTF-8 name (RFC 6266) for a download. */
function attachment(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.() -]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function copyName(name: string, kind: 'annotate' | 'fix', lang: Lang): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const tag = kind === 'annotate' ? (lang === 'vi' ? 'nhan-xet' : 'annotated') : lang === 'vi' ? 'da-sua' : 'fixed';
  return `${stem}.${tag}${ext}`;
}

/** A fatal finding is a file that could not be checked: the status says why, the body has the CLI's message. */
function fatalStatus(result: LintResult): number | undefined {
  const fatal = result.messages.find((m) => m.fatal && m.ruleId === null);
  if (!fatal) return undefined;
  const code = fatal.messageId;
  if (code === 'too-large') return 413;
  if (code === 'unsupported-type') return 415;
  if (code === 'internal') return 500;
  return 422;
}

/**
 * A request refused before its body was read: the rest of the body is discarded as it comes (never
 * kept), so that the client, still sending, reads the answer rather than a reset (which "Connection:
 * close" would cause); after a few seconds the connection is cut whatever remains.
 */
function lingerThenClose(req: http.IncomingMessage): void {
  if (req.complete) return;
  req.on('data', () => undefined);
  req.resume();
  setTimeout(() => req.socket.destroy(), 3000).unref();
}

export interface RunningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

export function createServer(checker: UploadChecker, options: Omit<ServeOptions, 'host' | 'port'>): http.Server {
  const assets = loadAssets();
  // two turns: receiving an upload (which bounds the memory uploads hold, and lets a slow sender
  // wait without holding up the checks), then checking it
  const uploads = new Gate(options.maxUploads, options.maxWaiting, options.maxWaitMs);
  const checks = new Gate(options.maxActive, options.maxWaiting, options.maxWaitMs);

  const api = async (req: http.IncomingMessage, res: http.ServerResponse, action: string, url: URL): Promise<void> => {
    const langParam = url.searchParams.get('lang');
    let lang: Lang = langParam === 'en' ? 'en' : 'vi';
    let endUpload: (() => void) | undefined;
    let endCheck: (() => void) | undefined;
    try {
      checkDeclaredLength(req, options.maxUploadBytes, lang);
      endUpload = await uploads.enter();
      const upload: Upload & { fields: Record<string, string> } = await readUpload(req, url, options.maxUploadBytes, lang);
      const field = (k: string): string | undefined => url.searchParams.get(k) ?? upload.fields[k];
      const opts = checkOptions(field, lang);
      lang = opts.lang;
      if (action === 'annotate' && formatOf(upload.name) !== 'docx') throw new HttpError(415, TEXT[lang].annotateDocx);
      endCheck = await checks.enter();
      const result = await checker.lint(upload, opts);
      const status = fatalStatus(result);
      if (status) {
        const view = await checker.view(upload, result, lang);
        sendJson(res, status, { error: result.messages.find((m) => m.fatal)!.message, ...view });
        return;
      }
      if (action === 'lint') {
        sendJson(res, 200, await checker.view(upload, result, lang));
        return;
      }
      const copy = action === 'annotate' ? await checker.annotate(upload, result, lang) : await checker.fix(upload, result);
      const type = formatOf(upload.name) === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/octet-stream';
      send(res, 200, copy.bytes, {
        'Content-Type': type,
        'Content-Disposition': attachment(copyName(upload.name, action as 'annotate' | 'fix', lang)),
        'Cache-Control': 'no-store',
        [action === 'annotate' ? 'X-Plan-Lint-Comments' : 'X-Plan-Lint-Changes']: copy.count,
      });
    } catch (err) {
      if (err instanceof GateBusy) {
        lingerThenClose(req);
        sendJson(res, 503, { error: TEXT[lang].busy }, { 'Retry-After': err.retryAfterSeconds });
      } else if (err instanceof HttpError) {
        if (err.close) lingerThenClose(req);
        sendJson(res, err.status, { error: err.message });
      } else {
        // no stack and no file name in any log: the message goes to the user only
        sendJson(res, 500, { error: TEXT[lang].internal });
      }
    } finally {
      endCheck?.();
      endUpload?.();
    }
  };

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: 'Bad request' });
      return;
    }
    const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
    if (url.pathname === '/api/settings') {
      // what the page needs before sending a file: the limit, and the unit and stage of the served folder's configuration
      if (req.method !== 'GET') sendJson(res, 405, { error: TEXT[lang].method }, { Allow: 'GET' });
      else sendJson(res, 200, { maxUploadBytes: options.maxUploadBytes, extensions: ['.docx', '.md', '.markdown', '.txt'], ...checker.defaults });
      return;
    }
    const apiMatch = /^\/api\/(lint|annotate|fix)$/.exec(url.pathname);
    if (apiMatch) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { error: TEXT[lang].method }, { Allow: 'POST' });
        return;
      }
      void api(req, res, apiMatch[1]!, url);
      return;
    }
    const asset = assets.get(url.pathname);
    if (!asset) {
      sendJson(res, 404, { error: TEXT[lang].notFound });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: TEXT[lang].method }, { Allow: 'GET, HEAD' });
      return;
    }
    const headers = { 'Content-Type': asset.type, 'Content-Length': asset.body.length, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS };
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  });
  // a slow or stalled client cannot hold a turn for ever
  server.requestTimeout = 10 * 60_000;
  server.headersTimeout = 60_000;
  return server;
}

function checkOptions(field: (k: string) => string | undefined, lang: Lang): CheckOptions {
  const bad = (what: string, v: string): HttpError =>
    new HttpError(400, lang === 'vi' ? `Tham số ${what} không hợp lệ: "${v.slice(0, 40)}"` : `Invalid ${what}: "${v.slice(0, 40)}"`);
  const l = field('lang');
  if (l !== undefined && l !== 'vi' && l !== 'en') throw bad('lang', l);
  const stage = field('stage') || undefined;
  if (stage !== undefined && stage !== 'draft' && stage !== 'final') throw bad('stage', stage);
  const unit = field('unit')?.trim() || undefined;
  if (unit !== undefined && (unit.length > 120 || /[\u0000-\u001f]/.test(unit))) throw bad('unit', unit);
  return { lang: (l as Lang | undefined) ?? lang, stage, unit };
}

/** Starts listening; resolves with the address once the server accepts connections. */
export async function startServer(checker: UploadChecker, options: ServeOptions): Promise<RunningServer> {
  const server = createServer(checker, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as { address: string; port: number; family: string };
  const host = addr.family === 'IPv6' || addr.address.includes(':') ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${host}:${addr.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
