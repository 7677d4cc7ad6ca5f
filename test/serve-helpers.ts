// Helpers of the serve tests: `plan-lint serve` in a child process (its memory and temp
// folder are its own), raw HTTP requests, and the server process's resident memory.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { CLI, tmpDir } from './helpers.js';

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** What the server printed after its address line (it must log nothing about uploads). */
  output(): string;
  /** The server's own folders: its working folder and its TMPDIR, both empty at the start. */
  cwd: string;
  tmp: string;
  stop(): Promise<void>;
}

export async function startChild(args: string[] = []): Promise<ChildServer> {
  const cwd = tmpDir('plan-lint-serve-cwd-');
  const tmp = tmpDir('plan-lint-serve-tmp-');
  const proc = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-config', ...args], {
    cwd,
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, PLAN_LINT_LANG: 'vi' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    const look = (): void => {
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', look);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', look);
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const firstLine = out.length;
  return {
    url,
    proc,
    cwd,
    tmp,
    output: () => out.slice(firstLine),
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process in bytes (Linux /proc, else ps). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not Linux */
  }
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(r.stdout.trim()) * 1024;
}

/** Every file under a folder, relative paths. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose path is sent exactly as given (fetch would normalise "/../"). */
export function rawRequest(base: string, rawPath: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<RawResponse> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * Streams `total` bytes as an upload without holding them, and stops sending once the server
 * answers. Resolves with the status and how much was sent by then.
 */
export function streamUpload(url: string, total: number, declareLength: boolean): Promise<{ status: number; sent: number; body: string }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (declareLength) headers['Content-Length'] = String(total);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, sent, body });
        req.destroy();
      });
    });
    // the server closes the connection after refusing: a broken pipe is expected then
    req.on('error', (err) => {
      if (!answered) setTimeout(() => (answered ? undefined : reject(err)), 2000);
    });
    const pump = (): void => {
      while (!answered && sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= total) req.end();
    };
    pump();
  });
}
