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
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/src/', import.meta.url);
// chunks of an earlier build (their names carry a content hash)
for (const name of fs.readdirSync(dist)) if (/^[\w-]+-[A-Z0-9]{8}\.js$/.test(name)) fs.rmSync(new URL(name, dist));

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
