// Reading one upload into memory: the raw body (application/octet-stream, named by ?name=)
// or the first file of a multipart form. The size limit is checked on the declared length
// before anything is read, then on the bytes as they arrive.
import type http from 'node:http';
import path from 'node:path';
import type { Lang } from '../types.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The body was not read to its end: the rest is discarded, then the connection closed. */
    readonly close = false,
  ) {
    super(message);
  }
}

const TEXT = {
  vi: {
    tooLarge: (limit: string) => `Tệp quá lớn; giới hạn tải lên là ${limit}.`,
    noName: 'Thiếu tên tệp (tham số name=, ví dụ ?name=ke-hoach.docx).',
    badName: 'Tên tệp không hợp lệ.',
    noFile: 'Không thấy tệp nào trong biểu mẫu tải lên.',
    badForm: 'Biểu mẫu tải lên bị hỏng.',
    aborted: 'Việc tải lên bị ngắt giữa chừng.',
  },
  en: {
    tooLarge: (limit: string) => `The file is too large; the upload limit is ${limit}.`,
    noName: 'The file name is missing (the name= parameter, e.g. ?name=plan.docx).',
    badName: 'Invalid file name.',
    noFile: 'No file in the upload form.',
    badForm: 'The upload form is damaged.',
    aborted: 'The upload was interrupted.',
  },
};

const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Refuses an upload whose declared length is over the limit, before reading any of it. */
export function checkDeclaredLength(req: http.IncomingMessage, limit: number, lang: Lang): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, TEXT[lang].tooLarge(mb(limit)), true);
}

/** The body, counted as it arrives: past the limit the rest is not read and the request fails with 413. */
function readBody(req: http.IncomingMessage, limit: number, lang: Lang): Promise<Buffer> {
  checkDeclaredLength(req, limit, lang);
  // the sender went away while waiting for its turn
  if (req.destroyed) return Promise.reject(new HttpError(400, TEXT[lang].aborted, true));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: HttpError): void => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (err) {
        chunks.length = 0;
        req.pause();
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) finish(new HttpError(413, TEXT[lang].tooLarge(mb(limit)), true));
      else chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    // a sender that goes away (or is cut off by the server's request timeout) ends the wait too
    req.once('error', () => finish(new HttpError(400, TEXT[lang].aborted, true)));
    req.once('close', () => finish(new HttpError(400, TEXT[lang].aborted, true)));
  });
}

/** A bare, printable file name: the reader only needs its extension, and nothing is ever opened by it. */
export function cleanName(raw: string | undefined | null, lang: Lang): string {
  if (!raw) throw new HttpError(400, TEXT[lang].noName);
  const base = path.basename(raw.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().normalize('NFC');
  if (!base || base === '.' || base === '..' || base.length > 200) throw new HttpError(400, TEXT[lang].badName);
  return base;
}

export interface ReadUpload {
  name: string;
  bytes: Uint8Array;
  /** Other fields of a multipart form (unit, stage, lang). */
  fields: Record<string, string>;
}

export async function readUpload(req: http.IncomingMessage, url: URL, limit: number, lang: Lang): Promise<ReadUpload> {
  const type = req.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(type);
  if (!boundary) {
    const name = cleanName(url.searchParams.get('name'), lang);
    return { name, bytes: await readBody(req, limit, lang), fields: {} };
  }
  // a form carries a little more than the file: its headers and boundaries
  const body = await readBody(req, limit + 64 * 1024, lang);
  const form = parseMultipart(body, boundary[1] ?? boundary[2]!);
  if (!form) throw new HttpError(400, TEXT[lang].badForm);
  const file = form.find((p) => p.filename !== undefined);
  if (!file) throw new HttpError(400, TEXT[lang].noFile);
  if (file.data.length > limit) throw new HttpError(413, TEXT[lang].tooLarge(mb(limit)));
  const fields: Record<string, string> = {};
  for (const p of form) if (p.filename === undefined && p.name && p.data.length <= 1000) fields[p.name] = p.data.toString('utf8');
  return { name: cleanName(url.searchParams.get('name') ?? file.filename, lang), bytes: file.data, fields };
}

interface FormPart {
  name?: string;
  filename?: string;
  data: Buffer;
}

/** multipart/form-data (RFC 7578): parts between boundary lines, each with headers then its data. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts; // the closing delimiter
    if (body.subarray(at, at + 2).toString() !== '\r\n') return undefined;
    const headEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headEnd < 0) return undefined;
    const head = body.subarray(at + 2, headEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headEnd + 4);
    if (next < 0) return undefined;
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    const param = (k: string): string | undefined => {
      const m = new RegExp(`;\\s*${k}="([^"]*)"`, 'i').exec(disposition) ?? new RegExp(`;\\s*${k}=([^;\\s]+)`, 'i').exec(disposition);
      return m?.[1];
    };
    parts.push({ name: param('name'), filename: param('filename'), data: body.subarray(headEnd + 4, next) });
    at = next + 2;
  }
}
