// After tsc: bundle the command line and its worker thread into a few files, so that starting
// `plan-lint` parses one module and its chunks instead of some sixty modules and their packages.
// - dist/src/cli.js and dist/src/worker.js (tsc's output, replaced here) become the bundles' entries;
//   the modules loaded only on demand (the Markdown reader, serve, Word annotation…) stay in chunks of
//   their own beside them, loaded by the same dynamic import() as in the sources. The chunks sit in
//   dist/src itself, so that `new URL('./worker.js', import.meta.url)` finds the worker from any of them.
// - The rest of dist/ (tsc's modules) is the programmatic API (package.json main/types) and is unchanged.
// - Without esbuild (a devDependency), tsc's cli.js and worker.js stay: the same program, slower to start.
// - Files the program reads at run time are found from the package root (src/paths.ts), never from a
//   module's own location, which bundling moves.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/src/', import.meta.url);
// chunks of an earlier build (their names carry a content hash)
for (const name of fs.readdirSync(dist)) if (/^[\w-]+-[A-Z0-9]{8}\.js$/.test(name)) fs.rmSync(new URL(name, dist));
// and the command line's bundle and code cache of an earlier build: a stale one must never be loaded
for (const name of ['cli-bundle.cjs', 'cli-bundle.v8cache']) fs.rmSync(new URL(name, dist), { force: true });

// esbuild is a devDependency with a native binary; without it tsc's modules stay the program (slower to start)
let build;
try {
  ({ build } = await import('esbuild'));
} catch (err) {
  console.warn(`postbuild: esbuild is not available (${err.message.split('\n')[0]}); dist/src/cli.js stays unbundled`);
}
// Two of Node's modules that dependencies load when they load, for features plan-lint never uses: fflate's
// Node build starts with require('worker_threads') for its asynchronous API (plan-lint inflates synchronously,
// which is the same code in its plain ES build), and commander requires node:child_process for the stand-alone
// executables of subcommands (plan-lint has none): the first is resolved to fflate's plain build, the second is
// loaded on first use. Together some 5 ms of every start.
const unusedAtStart = {
  name: 'unused-at-start',
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, () => ({ path: fileURLToPath(new URL('../node_modules/fflate/esm/browser.js', import.meta.url)) }));
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'on-first-use' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: "let m; module.exports = { spawn: (...a) => (m ??= require('node:child_process')).spawn(...a) };",
      loader: 'js',
    }));
  },
};

await build?.({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/worker.ts' },
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  outdir: 'dist/src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // dependencies are bundled too; the CommonJS ones (commander) call require() for Node's own modules
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  plugins: [unusedAtStart],
  legalComments: 'none',
  logLevel: 'warning',
});
fs.chmodSync(new URL('cli.js', dist), 0o755);

// The command as `plan-lint` starts it (src/bin.cts): the same command line as one CommonJS file, which V8
// can compile from a code cache (ES modules have no such cache in Node 20). Its dynamic imports of its own
// modules become calls inside the file; import.meta.url (the worker's and the data's location) is the
// bundle's own URL, in dist/src beside worker.js.
await build?.({
  entryPoints: { 'cli-bundle': 'src/cli.ts' },
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  outdir: 'dist/src',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__planLintModuleUrl' },
  // no import() in the bundle (a script compiled from a code cache cannot run one in Node 20): those of Node's
  // modules become require(); plugins are imported by the launcher (src/engine/rules.ts)
  supported: { 'dynamic-import': false },
  banner: { js: "const __planLintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [unusedAtStart],
  legalComments: 'none',
  logLevel: 'warning',
});
fs.chmodSync(new URL('bin.cjs', dist), 0o755);

// The code cache: one run of the command on the sample plans (a Word file and a Markdown file, the default
// report) compiles what a run needs; the launcher records V8's cache of it at exit. It is valid for this
// Node and these V8 flags only; any other start ignores it (see src/bin.cts).
if (build) {
  const cache = fileURLToPath(new URL('cli-bundle.v8cache', dist));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('bin.cjs', dist)), 'fixtures/ke-hoach-co-loi.docx', 'fixtures/ke-hoach-co-loi.md', '--no-config', '--no-color'], {
    cwd: root,
    env: { ...process.env, PLAN_LINT_RECORD_CODE_CACHE: cache },
    encoding: 'utf8',
  });
  // exit 1: the samples have findings, as they should
  if (r.status !== 1 || !fs.existsSync(cache)) {
    fs.rmSync(cache, { force: true });
    console.warn(`postbuild: no code cache recorded (the sample run exited ${r.status}${r.stderr ? `: ${r.stderr.trim().split('\n')[0]}` : ''}); plan-lint starts without it`);
  }
}
