// Linting many files: per-file limits, the cache, and worker threads. The
// results come back in the order of the files, whatever ran in parallel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Lang, LintResult, ResolvedConfig, RuleModule } from './types.js';
import { fatalMessage, lintBytes, summarize } from './engine/linter.js';
import { FatalError } from './readers/errors.js';
import type { FileEntry } from './files.js';
import { crossCheck } from './crosscheck.js';

export interface Limits {
  maxFileBytes: number;
  timeLimitMs: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileBytes: 200 * 1024 * 1024, timeLimitMs: 30_000 };

export interface RunOptions {
  /** Threads: 1 is this thread, a number that many workers, auto as resolveConcurrency decides from the work. */
  concurrency: number | 'auto';
  limits: Limits;
  cacheFile?: string;
  version: string;
  lang: Lang;
  detail: Record<string, string>; // messages for unreadable paths, by error code
}

export interface FileTask {
  entry: FileEntry;
  /** The content, when it does not come from the working tree (git's index for --staged). */
  bytes?: Uint8Array;
  config: ResolvedConfig;
  rules: Map<string, RuleModule>;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** What a worker needs to lint one file: it loads the rules itself (built-in and plugins). */
interface WorkerJob {
  index: number;
  filePath: string;
  config: ResolvedConfig;
  ruleIds: string[];
  limits: Limits;
}

/** A file's size, or the fatal result of a file that cannot be linted (unreadable, too large); nothing is read yet. */
function sizeChecked(task: FileTask, opts: RunOptions): { size: number; result?: undefined } | { result: LintResult } {
  const { entry, config } = task;
  const fail = (e: FatalError): { result: LintResult } => ({ result: summarize(entry.path, [fatalMessage(e, config.lang)]) });
  if (entry.error) return fail(new FatalError('unreadable', { detail: opts.detail[entry.error] ?? entry.error }));
  let size: number;
  try {
    size = task.bytes ? task.bytes.length : fs.statSync(entry.path).size;
  } catch (err) {
    return fail(unreadable(err, opts));
  }
  if (size > opts.limits.maxFileBytes) return fail(new FatalError('too-large', { detail: mb(size), limit: mb(opts.limits.maxFileBytes) }));
  return { size };
}

function unreadable(err: unknown, opts: RunOptions): FatalError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  return new FatalError('unreadable', { detail: opts.detail[code] ?? code });
}

/** A file's content (given from git's index, or read from disk), or the fatal result of a file that cannot be read. */
function contentOf(task: FileTask, opts: RunOptions): { bytes: Uint8Array; result?: undefined } | { result: LintResult } {
  try {
    return { bytes: task.bytes ?? fs.readFileSync(task.entry.path) };
  } catch (err) {
    return { result: summarize(task.entry.path, [fatalMessage(unreadable(err, opts), task.config.lang)]) };
  }
}

// ---------- cache ----------

interface CacheFile {
  version: string;
  entries: Record<string, { content: string; config: string; result: LintResult }>;
}

// node:crypto and node:worker_threads are loaded only by the runs that use them (--cache, workers): some 6 ms of start-up
let crypto: typeof import('node:crypto') | undefined;

function hash(data: string | Uint8Array): string {
  return crypto!.createHash('sha256').update(data).digest('hex').slice(0, 32);
}

/** The config as it affects results: settings, rule ids and plugin specs (not the paths it came from). */
function configKey(task: FileTask): string {
  const { files: _f, ruleFiles: _r, ...rest } = task.config;
  return hash(JSON.stringify({ ...rest, rules: rest.rules, active: [...task.rules.keys()] }));
}

function loadCache(file: string, version: string): CacheFile {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (c.version === version && c.entries && typeof c.entries === 'object') return c;
  } catch {
    /* no cache or an unreadable one: start afresh */
  }
  return { version, entries: {} };
}

function saveCache(file: string, cache: CacheFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(cache));
  fs.renameSync(tmp, file); // atomic: a run killed mid-write leaves the old cache
}

// ---------- running ----------

/**
 * How much work (files, and bytes to read) a run needs before worker threads earn their start-up back.
 * Each worker loads its modules and the typo model and warms up V8's compiled code on its first files,
 * about a second of CPU; on the 2-core machine of \`npm run bench\` two workers lose to this thread on
 * 100 Markdown plans (2.3 MB), draw on 300 (6.9 MB), and win on the 342 real-dev Word documents (15 MB)
 * and on 1,000 plans (23 MB).
 */
export const AUTO_WORKERS = { minFiles: 64, minBytes: 10 * 1024 * 1024 };

/**
 * The number of threads: \`off\` or 1 is this thread; a number is that many workers; \`auto\` (the default)
 * is one worker a core (at most 8) once the run has the work to pay for them, and this thread before.
 */
export function resolveConcurrency(value: string | number | undefined, files: number, bytes: number): number {
  if (value === 'off') return 1;
  if (value === undefined || value === 'auto') {
    const cores = Math.min(os.availableParallelism(), 8);
    return cores > 1 && files >= AUTO_WORKERS.minFiles && bytes >= AUTO_WORKERS.minBytes ? cores : 1;
  }
  return Math.max(1, Number(value));
}

export async function lintFiles(tasks: FileTask[], opts: RunOptions): Promise<{ results: LintResult[]; cacheHits: number }> {
  const results: LintResult[] = new Array(tasks.length);
  const cache = opts.cacheFile ? loadCache(opts.cacheFile, opts.version) : undefined;
  if (cache) crypto ??= await import('node:crypto');
  const pending: { index: number; task: FileTask; keys?: { content: string; config: string } }[] = [];
  let cacheHits = 0;
  let bytesToLint = 0;
  tasks.forEach((task, index) => {
    const checked = sizeChecked(task, opts);
    if (checked.result) {
      results[index] = checked.result;
      return;
    }
    let keys: { content: string; config: string } | undefined;
    if (cache) {
      // the content's hash decides; the content itself is read again when it is linted (not held meanwhile)
      const content = contentOf(task, opts);
      if (content.result) {
        results[index] = content.result;
        return;
      }
      keys = { content: hash(content.bytes), config: configKey(task) };
      const hit = cache.entries[task.entry.path];
      if (hit && hit.content === keys.content && hit.config === keys.config) {
        results[index] = hit.result;
        cacheHits++;
        return;
      }
    }
    bytesToLint += checked.size;
    pending.push({ index, task, keys });
  });

  // workers read files from disk: content given in memory is linted here
  const threads = resolveConcurrency(opts.concurrency, pending.length, bytesToLint);
  if (threads <= 1 || pending.length < 2 || pending.some((p) => p.task.bytes)) {
    for (const p of pending) {
      const content = contentOf(p.task, opts); // one file in memory at a time
      if (content.result) {
        results[p.index] = content.result;
        continue;
      }
      results[p.index] = await lintBytes({
        filePath: p.task.entry.path,
        bytes: content.bytes,
        config: p.task.config,
        rules: p.task.rules,
        deadline: Date.now() + opts.limits.timeLimitMs,
        timeLimitMs: opts.limits.timeLimitMs,
      });
    }
  } else {
    await runInWorkers(pending, results, threads, opts);
  }

  if (cache && opts.cacheFile) {
    for (const p of pending) {
      const r = results[p.index]!;
      // a file that could not be linted is tried again next time
      if (p.keys && !r.messages.some((m) => m.fatal)) cache.entries[p.task.entry.path] = { ...p.keys, result: r };
      else delete cache.entries[p.task.entry.path];
    }
    saveCache(opts.cacheFile, cache);
  }
  // after the cache is written: the folder-wide findings depend on the other files, not on this one alone
  crossCheck(results, tasks.map((t) => t.config));
  return { results, cacheHits };
}

async function runInWorkers(
  pending: { index: number; task: FileTask }[],
  results: LintResult[],
  threads: number,
  opts: RunOptions,
): Promise<void> {
  const workerFile = new URL('./worker.js', import.meta.url);
  const { Worker: WorkerThread } = await import('node:worker_threads');
  const queue = [...pending];
  const size = Math.min(threads, pending.length);
  const workers = new Set<Worker>();
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const start = (): void => {
      const job = queue.shift();
      if (!job) {
        if (running === 0) resolve();
        return;
      }
      running++;
      // the worker must not inherit flags meant for the main script (e.g. --input-type)
      const worker = new WorkerThread(workerFile, { execArgv: [] });
      workers.add(worker);
      const run = (j: { index: number; task: FileTask }): void => {
        const msg: WorkerJob = { index: j.index, filePath: j.task.entry.path, config: j.task.config, ruleIds: [...j.task.rules.keys()], limits: opts.limits };
        // a hard limit: a file that hangs its worker is stopped and the worker replaced
        const timer = setTimeout(() => {
          results[j.index] = summarize(j.task.entry.path, [
            fatalMessage(new FatalError('time-limit', { limit: `${opts.limits.timeLimitMs / 1000} s` }), j.task.config.lang),
          ]);
          worker.removeAllListeners();
          void worker.terminate();
          running--;
          start();
        }, opts.limits.timeLimitMs + 1000);
        worker.once('message', (r: { index: number; result: LintResult }) => {
          clearTimeout(timer);
          results[r.index] = r.result;
          const next = queue.shift();
          if (next) run(next);
          else {
            void worker.terminate();
            running--;
            if (running === 0 && queue.length === 0) resolve();
          }
        });
        worker.postMessage(msg);
      };
      worker.once('error', (err) => {
        for (const w of workers) void w.terminate();
        reject(err);
      });
      run(job);
    };
    for (let i = 0; i < size; i++) start();
  });
}

export type { WorkerJob };
