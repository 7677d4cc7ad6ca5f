#!/usr/bin/env node
// The `plan-lint` command (package.json "bin"). It starts the command line of src/cli.ts the fastest way
// this installation allows:
// - The build (scripts/postbuild.mjs) bundles the command line into one CommonJS file, cli-bundle.cjs, and
//   runs it once on sample documents to record V8's code cache of it (cli-bundle.v8cache): the bytecode
//   of every function such a run compiles. Compiling the bundle with that cache skips parsing and
//   compiling, some 30 ms of a one-file run that takes about 140.
// - V8 checks the cache against its own version, its flags and the source, and ignores a cache that does
//   not fit (another Node, `node --some-flag`): the bundle is then compiled as any script is. A missing or
//   unreadable cache is the same. The cache is never written here, only by the build.
// - Without the bundle (a build without esbuild), the command line is tsc's ES module dist/src/cli.js.
// PLAN_LINT_START_INFO=1 prints on stderr which of these ran (for tests and the benchmark).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Module from 'node:module';
import v8 from 'node:v8';

type Start = () => void;

// V8 compiles a regular expression to bytecode on its first use and again to machine code on its second
// ("tier-up"). A run uses some 200 expressions, most of them on every paragraph and many with Unicode
// classes (\p{L}) that are costly to compile: compiling each once, straight to machine code (what V8 did
// before tier-up), takes some 12 ms off a one-file run. Matching is the same. The flag is read when an
// expression is compiled, so it is set before the bundle runs, and the build records the code cache under
// it (V8 checks the flags a cache was made under).
v8.setFlagsFromString('--no-regexp-tier-up');

const bundle = path.join(__dirname, 'cli-bundle.cjs');
const cacheFile = path.join(__dirname, 'cli-bundle.v8cache');
const info = process.env.PLAN_LINT_START_INFO === '1';
const recordTo = process.env.PLAN_LINT_RECORD_CODE_CACHE; // set by the build only

function readOrUndefined(file: string, encoding?: 'utf8'): string | Buffer | undefined {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

function startBundle(source: string): void {
  const cachedData = recordTo ? undefined : (readOrUndefined(cacheFile) as Buffer | undefined);
  // the shebang line, which the bundle keeps, is not JavaScript inside the CommonJS wrapper
  const code = Module.wrap(source.startsWith('#!') ? `//${source}` : source);
  // A script compiled from a code cache has no dynamic-import callback in Node 20 (importModuleDynamically
  // is lost with the cache): the bundle has no import() of its own (esbuild turns those of Node's modules
  // into require), and loads plugins through this launcher's import() (src/engine/rules.ts).
  (globalThis as Record<symbol, unknown>)[Symbol.for('plan-lint.import')] = (url: string): Promise<unknown> => import(url);
  const script = new vm.Script(code, { filename: bundle, cachedData });
  if (info) process.stderr.write(`plan-lint start: bundle, code cache ${cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  if (recordTo) {
    // after the run, so that the cache holds every function the run compiled; written whole, then renamed
    process.on('exit', () => {
      const tmp = `${recordTo}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, recordTo);
    });
  }
  const module = { exports: {} as { start?: Start } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, __dirname);
  module.exports.start!();
}

const source = readOrUndefined(bundle, 'utf8') as string | undefined;
if (source !== undefined) startBundle(source);
else {
  if (info) process.stderr.write('plan-lint start: modules\n');
  import('./cli.js').then(
    (m: { start: Start }) => m.start(),
    (err: Error) => {
      process.stderr.write(`plan-lint: the command line could not be loaded (${err.message.split('\n')[0]}); run npm run build\n`);
      process.exitCode = 2;
    },
  );
}
