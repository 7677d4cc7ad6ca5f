// Start-up: the command as installed (dist/src/bin.cjs) runs the command line's bundle compiled from the
// code cache the build recorded, loads no other module file and none of Node's modules for git, worker
// threads, hashing or HTTP on a Word file, loads each when a run needs it, and ignores a code cache that
// does not fit this Node's flags, with the same results. Speed itself is measured by scripts/bench.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tmpDir } from './helpers.js';

interface Loaded {
  builtins: string[];
  /** module files loaded through Node's CommonJS loader */
  files: string[];
  start: string;
  stdout: string;
}

/** What one run of the command loaded, and how it started (PLAN_LINT_START_INFO). */
function loadedBy(args: string[], nodeFlags: string[] = []): Loaded {
  const script = `
    const before = new Set(process.moduleLoadList);
    process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}];
    process.on('exit', () => {
      const builtins = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));
      const files = Object.keys(require('node:module')._cache);
      process.stderr.write('\\nLOADED ' + JSON.stringify({ builtins, files }) + '\\n');
    });
    require(${JSON.stringify(CLI)});`;
  // a script file, not -e: Node's -e preloads its modules (crypto among them) for the code it evaluates
  const file = path.join(tmpDir(), 'probe.cjs');
  fs.writeFileSync(file, script);
  // the report and the messages go to files: a pipe would load Node's net module for the pipe itself
  const dir = path.dirname(file);
  const [out, err] = [path.join(dir, 'out.txt'), path.join(dir, 'err.txt')];
  const fds = [fs.openSync(out, 'w'), fs.openSync(err, 'w')];
  spawnSync(process.execPath, [...nodeFlags, file], { cwd: ROOT, stdio: ['ignore', ...fds], env: { ...process.env, PLAN_LINT_START_INFO: '1' } });
  fds.forEach((fd) => fs.closeSync(fd));
  const stderr = fs.readFileSync(err, 'utf8');
  const loaded = JSON.parse(/\nLOADED (.*)\n/.exec(stderr)?.[1] ?? 'null') as Pick<Loaded, 'builtins' | 'files'> | null;
  expect(loaded, stderr).not.toBeNull();
  const start = /^plan-lint start: (.*)$/m.exec(stderr)?.[1] ?? '';
  return { ...loaded!, start, stdout: fs.readFileSync(out, 'utf8') };
}

const docx = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx');
const md = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md');

describe('start-up of the installed command', () => {
  it('a Word file: the bundle from its code cache, and neither git, worker threads, hashing nor HTTP', () => {
    const { builtins, files, start } = loadedBy([docx, '-f', 'json']);
    expect(start).toBe('bundle, code cache used');
    for (const m of ['child_process', 'worker_threads', 'crypto', 'http', 'net']) expect(builtins).not.toContain(m);
    expect(builtins).toContain('vm'); // the code cache, and the per-file time limit
    // the launcher is the only module file; the bundle is compiled by it, and no package is loaded from node_modules
    expect(files.filter((f) => !f.endsWith('probe.cjs')).map((f) => path.relative(ROOT, f))).toEqual([path.join('dist', 'src', 'bin.cjs')]);
  });

  it('--cache loads hashing', () => {
    // (import() from inside the bundle, of plugins and config modules, is exercised by every plugin test through CLI)
    const cached = loadedBy([md, '-f', 'json', '--cache', '--cache-location', path.join(tmpDir(), 'cache')]);
    expect(cached.builtins).toContain('crypto');
    expect(loadedBy([md, '-f', 'json']).builtins).not.toContain('crypto');
  });

  it('without the bundle (a build without esbuild) the launcher runs the ES module command line: same report', () => {
    // the launcher alone in a folder, beside a link to the command line as an ES module
    const dir = tmpDir();
    fs.copyFileSync(CLI, path.join(dir, 'bin.cjs'));
    fs.symlinkSync(path.join(ROOT, 'dist', 'src', 'cli.js'), path.join(dir, 'cli.js'));
    const run = (bin: string) => spawnSync(process.execPath, [bin, docx, md, '-f', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLAN_LINT_START_INFO: '1' } });
    const alone = run(path.join(dir, 'bin.cjs'));
    const usual = run(CLI);
    expect(alone.stderr).toContain('plan-lint start: modules');
    expect(usual.stderr).toContain('plan-lint start: bundle');
    expect(alone.status).toBe(usual.status);
    expect(alone.stdout).toBe(usual.stdout);
    // and with neither beside it: a clear message and exit 2, no stack
    const bare = tmpDir();
    fs.copyFileSync(CLI, path.join(bare, 'bin.cjs'));
    const none = run(path.join(bare, 'bin.cjs'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^plan-lint start: modules\nplan-lint: the command line could not be loaded \(.*\); run npm run build\n$/);
  });

  it('a damaged code cache is ignored: same report', () => {
    // a copy of the package's command, with the data linked and the code cache cut short
    const root = tmpDir();
    const src = path.join(root, 'dist', 'src');
    fs.mkdirSync(src, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'data'), path.join(root, 'data'));
    for (const f of ['bin.cjs', 'cli-bundle.cjs']) fs.copyFileSync(path.join(ROOT, 'dist', 'src', f), path.join(src, f));
    const cache = fs.readFileSync(path.join(ROOT, 'dist', 'src', 'cli-bundle.v8cache'));
    fs.writeFileSync(path.join(src, 'cli-bundle.v8cache'), cache.subarray(0, cache.length >> 1));
    const run = (bin: string) => spawnSync(process.execPath, [bin, docx, md, '-f', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLAN_LINT_START_INFO: '1' } });
    const damaged = run(path.join(src, 'bin.cjs'));
    const usual = run(CLI);
    expect(damaged.stderr).toContain('plan-lint start: bundle, code cache rejected');
    expect(damaged.status).toBe(usual.status);
    expect(damaged.stdout).toBe(usual.stdout);
  });

  it('a code cache that does not fit this Node (other V8 flags) is ignored: same report', () => {
    const usual = loadedBy([docx, md, '-f', 'json']);
    const other = loadedBy([docx, md, '-f', 'json'], ['--no-opt']);
    expect(usual.start).toBe('bundle, code cache used');
    expect(other.start).toBe('bundle, code cache rejected');
    expect(other.stdout).toBe(usual.stdout);
    expect(JSON.parse(usual.stdout)).toHaveLength(2);
  });
});
