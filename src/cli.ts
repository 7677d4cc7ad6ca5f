#!/usr/bin/env node
// plan-lint command line. Exit codes: 0 no errors, 1 errors (or too many
// warnings), 2 usage/config errors, unreadable input or internal errors.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { Lang, LintResult, ResolvedConfig, RuleModule, Severity } from './types.js';
import { ConfigError, ConfigResolver, parseSeverity, type CliOverrides } from './config/load.js';
import { builtinRuleMap, loadPlugin, PluginError } from './engine/rules.js';
import { fatalMessage, lintBytes, parseFile, summarize } from './engine/linter.js';
import { FatalError } from './readers/errors.js';
import { expandPaths, isIgnored } from './files.js';
import { fixTextFile } from './fix.js';
import { formatOf } from './readers/index.js';
import { FORMAT_NAMES, getFormatter } from './formatters/index.js';
import { PKG_ROOT } from './paths.js';
import { DEFAULT_LIMITS, lintFiles, type FileTask } from './run.js';


function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(PKG_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

interface Options {
  format: string;
  outputFile?: string;
  config?: string | boolean;
  rule: string[];
  unit?: string;
  stage?: 'draft' | 'final';
  maxWarnings?: string;
  quiet?: boolean;
  lang?: Lang;
  printConfig?: string;
  printTree?: string;
  listRules?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  color?: boolean;
  concurrency?: string;
  cache?: boolean;
  cacheLocation?: string;
  maxFileSize?: string;
  maxFileTime?: string;
  staged?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  annotate?: string;
  annotateDir?: string;
  outputDir?: string;
}

const UI = {
  vi: {
    configError: (f: string, k: string, d: string) => `plan-lint: lỗi cấu hình trong ${f}${k ? `, khóa "${k}"` : ''}: ${d}`,
    pluginError: (s: string, d: string) => `plan-lint: không nạp được plugin "${s}": ${d}`,
    usage: (d: string) => `plan-lint: ${d}\nXem: plan-lint --help`,
    badRule: (r: string) => `--rule "${r}" không hợp lệ; dùng dạng id:mức, ví dụ --rule numbering:warn`,
    badFormat: (f: string) => `định dạng "${f}" không có; chọn một trong: ${FORMAT_NAMES.join(', ')}`,
    badMax: (v: string) => `--max-warnings cần một số nguyên không âm, nhận được "${v}"`,
    badNumber: (o: string, v: string) => `${o} cần một số dương, nhận được "${v}"`,
    git: (d: string) => `--staged cần một kho git: ${d}`,
    docxFix: (f: string) => `plan-lint: ${f}: tệp .docx không được sửa tại chỗ; dùng --fix --output-dir THƯ_MỤC để ghi bản sao có đánh dấu thay đổi (track changes).`,
    fixedCopy: (f: string, n: number) => `plan-lint: đã ghi ${f} (${n} thay đổi được đánh dấu)`,
    fixStaged: '--fix không dùng cùng --staged hoặc --stdin (chỉ sửa tệp trên đĩa)',
    annotateOne: '--annotate ghi một bản sao cho đúng một tệp .docx; với nhiều tệp hãy dùng --annotate-dir',
    annotateSame: '--annotate không được ghi đè lên tệp gốc',
    annotated: (f: string, n: number) => `plan-lint: đã ghi ${f} (${n} nhận xét)`,
    tooManyWarnings: (n: number, max: number) => `plan-lint: có ${n} cảnh báo, vượt mức cho phép --max-warnings ${max}.`,
    unknownRule: (r: string) => `quy tắc "${r}" không có`,
    detail: {
      ENOENT: 'không tồn tại tệp hoặc thư mục này',
      EACCES: 'không có quyền đọc',
      EPERM: 'không có quyền đọc',
      EISDIR: 'đây là thư mục, không phải tệp',
      NO_MATCH: 'không có tệp nào khớp mẫu này',
    } as Record<string, string>,
  },
  en: {
    configError: (f: string, k: string, d: string) => `plan-lint: configuration error in ${f}${k ? `, key "${k}"` : ''}: ${d}`,
    pluginError: (s: string, d: string) => `plan-lint: cannot load plugin "${s}": ${d}`,
    usage: (d: string) => `plan-lint: ${d}\nSee: plan-lint --help`,
    badRule: (r: string) => `invalid --rule "${r}"; use id:severity, e.g. --rule numbering:warn`,
    badFormat: (f: string) => `no format "${f}"; choose one of: ${FORMAT_NAMES.join(', ')}`,
    badMax: (v: string) => `--max-warnings needs a non-negative integer, got "${v}"`,
    badNumber: (o: string, v: string) => `${o} needs a positive number, got "${v}"`,
    git: (d: string) => `--staged needs a git repository: ${d}`,
    docxFix: (f: string) => `plan-lint: ${f}: Word files are never fixed in place; use --fix --output-dir DIR to write a copy with tracked changes.`,
    fixedCopy: (f: string, n: number) => `plan-lint: wrote ${f} (${n} tracked changes)`,
    fixStaged: '--fix cannot be used with --staged or --stdin (it fixes files on disk)',
    annotateOne: '--annotate writes a copy of exactly one .docx; for several files use --annotate-dir',
    annotateSame: '--annotate must not overwrite the original',
    annotated: (f: string, n: number) => `plan-lint: wrote ${f} (${n} comments)`,
    tooManyWarnings: (n: number, max: number) => `plan-lint: ${n} warnings exceed --max-warnings ${max}.`,
    unknownRule: (r: string) => `no rule "${r}"`,
    detail: {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EISDIR: 'is a directory, not a file',
      NO_MATCH: 'no files match this pattern',
    } as Record<string, string>,
  },
};

class UsageError extends Error {}

function buildProgram(): Command {
  return new Command()
    .name('plan-lint')
    .description('Kiểm tra Kế hoạch của phường, xã trước khi ký / Lint Vietnamese administrative plans (DOCX, Markdown, text)')
    .argument('[paths...]', 'files, folders or glob patterns (default: .)')
    .addOption(new Option('-f, --format <name>', `output format: ${FORMAT_NAMES.join('|')}`).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('-c, --config <file>', 'use this config file instead of looking for one')
    .option('--no-config', 'use no config file')
    .option('--rule <id:severity>', 'set a rule severity (repeatable), e.g. numbering:warn', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--unit <unit>', 'the plan\'s own ward or commune, e.g. "phường Hải An"')
    .addOption(new Option('--stage <stage>', 'draft (own number/date may be blank) or final').choices(['draft', 'final']))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .addOption(new Option('--lang <lang>', 'message language (default vi)').choices(['vi', 'en']))
    .option('--print-config <file>', 'print the configuration that applies to a file')
    .option('--print-tree <file>', 'print how a plan was understood (its outline)')
    .option('--list-rules', 'list the rules')
    .option('--fix', 'apply the safe fixes to Markdown and text files (atomically), then report what remains')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff and change nothing')
    .option('--output-dir <dir>', 'with --fix: where the fixed copies of Word files go (as tracked changes); Word files are never fixed in place')
    .option('--annotate <copy.docx>', 'write a copy of the (one) Word file with every finding as a Word comment')
    .option('--annotate-dir <dir>', 'write annotated copies of the Word files into a folder')
    .option('--staged', 'lint the staged versions of staged plan files (from the git index), for commit hooks')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <name>', 'file name for --stdin (its extension picks the reader)')
    .option('--concurrency <n>', 'lint files in parallel on worker threads: a number, off, or auto (default: one worker a core when the run is large enough to pay for them)')
    .option('--cache', 'skip files whose content, config and plan-lint version are unchanged since the last run')
    .option('--cache-location <path>', 'the cache file or folder (default .plan-lint-cache)')
    .option('--max-file-size <MB>', 'per-file size limit in MB (default 200)')
    .option('--max-file-time <seconds>', 'per-file time limit in seconds (default 30)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .version(version(), '-v, --version')
    .helpOption('-h, --help')
    .addHelpText('after', '\nThe checking page for an office: plan-lint serve [--host 127.0.0.1] [--port 8080] (see plan-lint serve --help)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

function parseRuleFlags(flags: string[], ui: (typeof UI)['vi']): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const f of flags) {
    const m = /^([\w/@.-]+):(\w+)$/.exec(f.trim());
    const sev = m ? parseSeverity(m[2]) : undefined;
    if (!m || sev === undefined) throw new UsageError(ui.badRule(f));
    out[m[1]!] = sev;
  }
  return out;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function main(argv: string[]): Promise<number> {
  // `plan-lint serve …` starts the checking page (a file named serve is linted as ./serve)
  if (argv[0] === 'serve') return (await import('./serve/command.js')).serveMain(argv.slice(1), version());
  const program = buildProgram();
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const opts = program.opts<Options>();
  const args = program.args;
  const lang: Lang = opts.lang ?? (process.env.PLAN_LINT_LANG === 'en' ? 'en' : 'vi');
  const ui = UI[lang];
  const cwd = process.cwd();

  try {
    const formatter = getFormatter(opts.format);
    if (!formatter) throw new UsageError(ui.badFormat(opts.format));
    let maxWarnings = -1;
    if (opts.maxWarnings !== undefined) {
      if (!/^\d+$/.test(opts.maxWarnings)) throw new UsageError(ui.badMax(opts.maxWarnings));
      maxWarnings = Number(opts.maxWarnings);
    }
    const cli: CliOverrides = {
      configFile: typeof opts.config === 'string' ? opts.config : undefined,
      noConfig: (opts as { config?: unknown }).config === false,
      rules: parseRuleFlags(opts.rule, ui),
      unit: opts.unit,
      stage: opts.stage,
      lang: opts.lang,
    };
    if (cli.noConfig) cli.configFile = undefined;
    const resolver = new ConfigResolver(cli);
    const rules = builtinRuleMap();
    const pluginsLoaded = new Set<string>();
    const ruleSetFor = async (config: ResolvedConfig): Promise<Map<string, RuleModule>> => {
      for (const p of config.plugins) {
        const key = `${p.base}|${p.spec}`;
        if (pluginsLoaded.has(key)) continue;
        pluginsLoaded.add(key);
        for (const r of await loadPlugin(p.spec, p.base)) rules.set(r.meta.id, r);
      }
      const known = new Set(rules.keys());
      for (const id of Object.keys(config.rules)) {
        if (!known.has(id)) {
          const fromCli = cli.rules && id in cli.rules;
          if (fromCli) throw new UsageError(ui.unknownRule(id));
          throw new ConfigError(config.ruleFiles?.[id] ?? '(config)', `rules.${id}`, ui.unknownRule(id));
        }
      }
      return rules;
    };

    if (opts.listRules) {
      const cfg = resolver.resolve(path.join(cwd, 'x.md'));
      const all = await ruleSetFor(cfg);
      for (const [id, r] of all) {
        const sev = cfg.rules[id]?.severity ?? { off: 0, warn: 1, error: 2 }[r.meta.defaultSeverity];
        process.stdout.write(`${id.padEnd(16)} ${['off', 'warn', 'error'][sev]!.padEnd(6)} ${r.meta.fixable ? 'fix ' : '    '}${r.meta.description[lang]}\n`);
      }
      return 0;
    }
    if (opts.printConfig) {
      const cfg = resolver.resolve(path.resolve(cwd, opts.printConfig));
      const all = await ruleSetFor(cfg);
      const rulesOut: Record<string, unknown> = {};
      for (const [id, r] of all) {
        const s = cfg.rules[id];
        const sev = s ? s.severity : { off: 0, warn: 1, error: 2 }[r.meta.defaultSeverity];
        rulesOut[id] = [['off', 'warn', 'error'][sev], s?.options ?? {}];
      }
      process.stdout.write(`${JSON.stringify({ ...cfg, plugins: cfg.plugins.map((p) => p.spec), rules: rulesOut }, null, 2)}\n`);
      return 0;
    }
    if (opts.printTree) {
      const file = path.resolve(cwd, opts.printTree);
      try {
        const { tree } = await parseFile(file, fs.readFileSync(file));
        const { printTree } = await import('./plan/print.js');
        process.stdout.write(printTree(tree));
        return 0;
      } catch (err) {
        const e = err instanceof FatalError || !(err as NodeJS.ErrnoException).code ? err : new FatalError('unreadable', { detail: ui.detail[(err as NodeJS.ErrnoException).code!] ?? String((err as NodeJS.ErrnoException).code) });
        process.stderr.write(`${file}: ${fatalMessage(e, lang).message}\n`);
        return 2;
      }
    }

    const results: LintResult[] = [];
    if ((opts.fix || opts.fixDryRun) && (opts.stdin || opts.staged)) throw new UsageError(ui.fixStaged);
    if (opts.stdin) {
      const name = path.resolve(cwd, opts.stdinFilename ?? 'stdin.md');
      const config = resolver.resolve(name);
      const all = await ruleSetFor(config);
      results.push(await lintBytes({ filePath: name, bytes: await readStdin(), config, rules: all }));
    } else {
      const tasks: FileTask[] = [];
      if (opts.staged) {
        let staged: { path: string; bytes: Uint8Array }[];
        // loaded only here: it runs git (node:child_process)
        const { stagedPlans } = await import('./staged.js');
        try {
          staged = stagedPlans(cwd);
        } catch (err) {
          throw new UsageError(ui.git((err as Error).message));
        }
        for (const f of staged) {
          const config = resolver.resolve(f.path);
          if (isIgnored(f.path, config.ignores)) continue;
          tasks.push({ entry: { path: f.path }, bytes: f.bytes, config, rules: await ruleSetFor(config) });
        }
      } else {
        for (const entry of expandPaths(args.length ? args : ['.'], cwd, (abs) => resolver.resolve(abs).ignores)) {
          const config = resolver.resolve(entry.path);
          tasks.push({ entry, config, rules: await ruleSetFor(config) });
        }
      }
      const positive = (name: string, v: string | undefined, dflt: number): number => {
        if (v === undefined) return dflt;
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError(ui.badNumber(name, v));
        return Number(v);
      };
      if (opts.concurrency !== undefined && !/^(auto|off|[1-9]\d*)$/.test(opts.concurrency)) throw new UsageError(ui.badNumber('--concurrency', opts.concurrency));
      const limits = {
        maxFileBytes: positive('--max-file-size', opts.maxFileSize, DEFAULT_LIMITS.maxFileBytes / 1024 / 1024) * 1024 * 1024,
        timeLimitMs: positive('--max-file-time', opts.maxFileTime, DEFAULT_LIMITS.timeLimitMs / 1000) * 1000,
      };
      let cacheFile: string | undefined;
      if (opts.cache) {
        const loc = path.resolve(cwd, opts.cacheLocation ?? '.plan-lint-cache');
        cacheFile = fs.existsSync(loc) && fs.statSync(loc).isDirectory() ? path.join(loc, '.plan-lint-cache') : loc;
      }
      const runOpts = { concurrency: opts.concurrency === undefined || opts.concurrency === 'auto' ? ('auto' as const) : opts.concurrency === 'off' ? 1 : Number(opts.concurrency), limits, cacheFile, version: version(), lang, detail: ui.detail };
      const run = await lintFiles(tasks, runOpts);
      results.push(...run.results);
      if (opts.fix || opts.fixDryRun) {
        const fixed: number[] = [];
        const docxToFix: LintResult[] = [];
        results.forEach((r, i) => {
          if (!r.messages.some((m) => m.fix)) return;
          if (formatOf(r.filePath) === 'docx') {
            if (opts.fix && !opts.outputDir) process.stderr.write(`${ui.docxFix(r.filePath)}\n`);
            else if (opts.fix) docxToFix.push(r);
            return;
          }
          const outcome = fixTextFile(r.filePath, r.messages, !opts.fix);
          if (outcome.diff && opts.fixDryRun) process.stdout.write(outcome.diff);
          if (outcome.written) fixed.push(i);
        });
        for (const r of docxToFix) {
          const target = path.join(path.resolve(cwd, opts.outputDir!), path.basename(r.filePath));
          if (path.resolve(target) === path.resolve(r.filePath)) throw new UsageError(ui.annotateSame);
          const { fixDocxCopy } = await import('./docx-annotate.js');
          const copy = await fixDocxCopy(r.filePath, fs.readFileSync(r.filePath), r.messages);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, copy.bytes);
          process.stderr.write(`${ui.fixedCopy(target, copy.changes)}\n`);
        }
        // report what remains in the files that were fixed
        if (fixed.length) {
          const again = await lintFiles(fixed.map((i) => tasks[i]!), { ...runOpts, cacheFile: undefined });
          fixed.forEach((i, k) => (results[i] = again.results[k]!));
        }
      }
    }

    if (opts.annotate || opts.annotateDir) {
      const docxResults = results.filter((r) => formatOf(r.filePath) === 'docx' && !r.messages.some((m) => m.fatal));
      if (opts.annotate && docxResults.length !== 1) throw new UsageError(ui.annotateOne);
      for (const r of docxResults) {
        const target = opts.annotate ? path.resolve(cwd, opts.annotate) : path.join(path.resolve(cwd, opts.annotateDir!), path.basename(r.filePath));
        if (path.resolve(target) === path.resolve(r.filePath)) throw new UsageError(ui.annotateSame);
        const { annotateDocx } = await import('./docx-annotate.js');
        const copy = await annotateDocx(r.filePath, fs.readFileSync(r.filePath), r.messages, lang);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, copy.bytes);
        process.stderr.write(`${ui.annotated(target, copy.comments)}\n`);
      }
    }

    const shown = opts.quiet ? results.map((r) => summarize(r.filePath, r.messages.filter((m) => m.severity === 2))) : results;
    const color = opts.color ?? (!opts.outputFile && process.stdout.isTTY === true);
    const output = formatter(shown, { lang, color: opts.outputFile ? false : color, rules, cwd, version: version(), docsDir: path.join(PKG_ROOT, 'docs', 'rules') });
    if (opts.outputFile) {
      const out = path.resolve(cwd, opts.outputFile);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, output);
    } else if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const fatal = results.some((r) => r.messages.some((m) => m.fatal));
    if (fatal) return 2;
    if (errors > 0) return 1;
    if (maxWarnings >= 0 && warnings > maxWarnings && !opts.quiet) {
      process.stderr.write(`${ui.tooManyWarnings(warnings, maxWarnings)}\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${ui.configError(err.file, err.key, err.detail)}\n`);
      return 2;
    }
    if (err instanceof PluginError) {
      process.stderr.write(`${ui.pluginError(err.spec, err.detail)}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${ui.usage(err.message)}\n`);
      return 2;
    }
    const e = err as Error;
    process.stderr.write(`plan-lint: ${lang === 'vi' ? 'lỗi nội bộ' : 'internal error'}: ${e.message}\n`);
    if (process.env.PLAN_LINT_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

const isMain = (() => {
  try {
    return fs.realpathSync(process.argv[1] ?? '') === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (isMain) start();

/** Runs the command line on process.argv and exits when its output is written (src/bin.cts calls it). */
export function start(): void {
  // a closed pipe (plan-lint … | head) ends the run quietly
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then(exitWhenWritten, (err: unknown) => {
    process.stderr.write(`plan-lint: ${(err as Error).message}\n`);
    exitWhenWritten(2);
  });
}

/**
 * The run is over once main() has returned (serve returns when its server has closed): the process exits as
 * soon as what it wrote has been flushed, rather than when the event loop runs dry, which it does only after
 * V8's idle-time housekeeping (some 10 ms of garbage collection no one waits for).
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
