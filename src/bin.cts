#!/usr/bin/env node
// The `plan-lint` command (package.json "bin"). It starts the command line of src/cli.ts the fastest way
// this installation allows:
// - The build (scripts/postbuild.mjs) bundles the command line into one CommonJS file, cli-bundle.cjs, and
//   runs it once on sample documents to record V8's code cache of it (cli-bundle.v8cache): the bytecode
//   of every function such a run compiles. Compiling the bundle with that cache skips parsing and
//   compiling, some 30 ms of a one-file run that takes about 130.
// - V8 checks the cache against its own version, its flags and the source, and ignores a cache that does
//   not fit (another Node, `node --some-flag`): the bundle is then compiled as any script is. A missing or
//   unreadable cache is the same. The cache is never written here, only by the build.
// - Without the bundle (a build without esbuild), the command line is tsc's ES module dist/src/cli.js.
// PLAN_LINT_START_INFO=1 prints on stderr which of these ran (for tests and the benchmark).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Module from 'node:module';

type Start = () => void;

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
  import('./cli.js').then((m: { start: Start }) => m.start());
}
