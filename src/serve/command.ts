// `plan-lint serve [--host 127.0.0.1] [--port 8080] [--max-upload 50]`: starts the page and
// prints its address; stops on Ctrl+C or SIGTERM (a service manager's stop).
import os from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../types.js';
import { ConfigError } from '../config/load.js';
import { PluginError } from '../engine/rules.js';
import { DEFAULT_LIMITS } from '../run.js';
import { UploadChecker } from './check.js';
import { DEFAULT_SERVE, startServer } from './server.js';

const UI = {
  vi: {
    listening: (url: string) => `plan-lint serve: trang kiểm tra ở ${url} (Ctrl+C để dừng)`,
    network: 'plan-lint serve: trang mở cho cả mạng; chỉ dùng trong mạng nội bộ tin cậy.',
    from: (urls: string) => `plan-lint serve: từ máy khác trong mạng: ${urls}`,
    badNumber: (o: string, v: string) => `plan-lint: ${o} cần một số dương, nhận được "${v}"\nXem: plan-lint serve --help`,
    cannotListen: (h: string, p: number, d: string) => `plan-lint serve: không mở được cổng ${p} trên ${h}: ${d}`,
    inUse: 'cổng đang được dùng (chọn cổng khác với --port)',
    denied: 'không có quyền (cổng dưới 1024 cần quyền quản trị)',
    configError: (f: string, k: string, d: string) => `plan-lint: lỗi cấu hình trong ${f}${k ? `, khóa "${k}"` : ''}: ${d}`,
    pluginError: (s: string, d: string) => `plan-lint: không nạp được plugin "${s}": ${d}`,
  },
  en: {
    listening: (url: string) => `plan-lint serve: checking page at ${url} (Ctrl+C to stop)`,
    network: 'plan-lint serve: the page is open to the network; use it only on a trusted office network.',
    from: (urls: string) => `plan-lint serve: from other machines on the network: ${urls}`,
    badNumber: (o: string, v: string) => `plan-lint: ${o} needs a positive number, got "${v}"\nSee: plan-lint serve --help`,
    cannotListen: (h: string, p: number, d: string) => `plan-lint serve: cannot listen on ${h} port ${p}: ${d}`,
    inUse: 'the port is in use (choose another with --port)',
    denied: 'permission denied (ports below 1024 need administrator rights)',
    configError: (f: string, k: string, d: string) => `plan-lint: configuration error in ${f}${k ? `, key "${k}"` : ''}: ${d}`,
    pluginError: (s: string, d: string) => `plan-lint: cannot load plugin "${s}": ${d}`,
  },
};

interface ServeFlags {
  host: string;
  port: string;
  maxUpload: string;
  maxFileTime?: string;
  jobs: string;
  config?: string | boolean;
  lang?: Lang;
}

function program(): Command {
  return new Command()
    .name('plan-lint serve')
    .description('Trang kiểm tra văn bản cho cả cơ quan / the office\'s checking page: drop a Word file, read the findings, download the copies')
    .option('--host <host>', 'address to listen on (serving a network needs an explicit --host, e.g. 0.0.0.0)', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .option('--max-upload <MB>', 'largest upload in MB', String(DEFAULT_SERVE.maxUploadBytes / 1024 / 1024))
    .option('--max-file-time <seconds>', `per-file time limit in seconds (default ${DEFAULT_LIMITS.timeLimitMs / 1000})`)
    .option('--jobs <n>', 'files checked at once; the others wait their turn', String(DEFAULT_SERVE.maxActive))
    .option('-c, --config <file>', 'use this config file instead of the one of the current folder')
    .option('--no-config', 'use no config file')
    .addOption(new Option('--lang <lang>', 'language of these start-up messages (the page has its own switch)').choices(['vi', 'en']))
    .helpOption('-h, --help')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

/** Runs until stopped; resolves with the exit code. */
export async function serveMain(argv: string[], version: string): Promise<number> {
  const cmd = program();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const flags = cmd.opts<ServeFlags>();
  const lang: Lang = flags.lang ?? (process.env.PLAN_LINT_LANG === 'en' ? 'en' : 'vi');
  const ui = UI[lang];
  const number = (name: string, v: string, min: number, integer: boolean): number | undefined => {
    const ok = integer ? /^\d+$/.test(v) : /^\d+(\.\d+)?$/.test(v);
    if (!ok || Number(v) < min || (name === '--port' && Number(v) > 65535)) {
      process.stderr.write(`${ui.badNumber(name, v)}\n`);
      return undefined;
    }
    return Number(v);
  };
  const port = number('--port', flags.port, 0, true);
  const maxUpload = number('--max-upload', flags.maxUpload, 0.001, false);
  const jobs = number('--jobs', flags.jobs, 1, true);
  const maxFileTime = flags.maxFileTime === undefined ? DEFAULT_LIMITS.timeLimitMs / 1000 : number('--max-file-time', flags.maxFileTime, 0.001, false);
  if (port === undefined || maxUpload === undefined || jobs === undefined || maxFileTime === undefined) return 2;

  let checker: UploadChecker;
  try {
    checker = await UploadChecker.create({
      cwd: process.cwd(),
      configFile: typeof flags.config === 'string' ? flags.config : undefined,
      noConfig: flags.config === false,
      limits: { ...DEFAULT_LIMITS, timeLimitMs: maxFileTime * 1000 },
      version,
    });
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`${ui.configError(err.file, err.key, err.detail)}\n`);
    else if (err instanceof PluginError) process.stderr.write(`${ui.pluginError(err.spec, err.detail)}\n`);
    else throw err;
    return 2;
  }

  let running;
  try {
    running = await startServer(checker, { ...DEFAULT_SERVE, host: flags.host, port, maxUploadBytes: Math.round(maxUpload * 1024 * 1024), maxActive: jobs, maxUploads: Math.max(DEFAULT_SERVE.maxUploads, 4 * jobs) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const detail = e.code === 'EADDRINUSE' ? ui.inUse : e.code === 'EACCES' ? ui.denied : (e.code ?? e.message);
    process.stderr.write(`${ui.cannotListen(flags.host, port, detail)}\n`);
    return 2;
  }
  process.stdout.write(`${ui.listening(running.url)}\n`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) {
    process.stderr.write(`${ui.network}\n`);
    const port = new URL(running.url).port;
    if (['0.0.0.0', '::'].includes(flags.host)) {
      const lan = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => `http://${a!.address}:${port}/`);
      if (lan.length) process.stderr.write(`${ui.from(lan.join('  '))}\n`);
    }
  }

  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
