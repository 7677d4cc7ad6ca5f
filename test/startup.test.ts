// Start-up: the built command line (the esbuild bundle) lints a Word file without loading what that
// run does not use (Node's modules for git, worker threads, hashing and HTTP; the Markdown reader),
// and loads each when a run needs it. Speed itself is measured by scripts/bench.mjs, never here.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tmpDir } from './helpers.js';

/** Node's own modules and the files of the program that one run of the CLI loaded. */
function loadedBy(args: string[]): { builtins: string[]; files: string[] } {
  const script = `
    const before = new Set(process.moduleLoadList);
    process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}];
    process.on('exit', () => {
      const builtins = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));
      process.stderr.write('\\nLOADED ' + JSON.stringify(builtins) + '\\n');
    });
    import(${JSON.stringify(pathToFileURL(CLI).href)});`;
  // a loader hook that names every file the program loads (written synchronously: hooks run on their own thread)
  const dir = tmpDir();
  const log = path.join(dir, 'loaded.txt');
  fs.writeFileSync(path.join(dir, 'hooks.mjs'), `import fs from 'node:fs';\nexport async function load(u, c, n) { if (u.startsWith('file:')) fs.appendFileSync(${JSON.stringify(log)}, u + '\\n'); return n(u, c); }\n`);
  fs.writeFileSync(path.join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  const hooks = pathToFileURL(path.join(dir, 'register.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const builtins = JSON.parse(/\nLOADED (.*)\n/.exec(r.stderr)?.[1] ?? 'null') as string[] | null;
  expect(builtins, r.stderr).not.toBeNull();
  const files = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { builtins: builtins!, files };
}

describe('start-up of the built command line', () => {
  it('a Word file loads neither git, worker threads, hashing, HTTP nor the Markdown reader', () => {
    const { builtins, files } = loadedBy([path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx'), '-f', 'json']);
    for (const m of ['child_process', 'worker_threads', 'crypto', 'http', 'net']) expect(builtins).not.toContain(m);
    expect(builtins).toContain('vm'); // the per-file time limit
    expect(files.some((f) => f.endsWith('/dist/src/cli.js'))).toBe(true);
    // the bundle: a few files of dist/src, no package of node_modules
    expect(files.filter((f) => f.includes('/node_modules/'))).toEqual([]);
    const markdownChunk = fs.readdirSync(path.join(ROOT, 'dist', 'src')).find((n) => /^markdown-[A-Z0-9]{8}\.js$/.test(n));
    expect(markdownChunk).toBeDefined();
    expect(files.some((f) => f.endsWith(`/${markdownChunk}`))).toBe(false);
  });

  it('a Markdown file loads the Markdown reader, and --cache loads hashing', () => {
    const { files } = loadedBy([path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), '-f', 'json']);
    expect(files.filter((f) => /\/markdown-[A-Z0-9]{8}\.js$/.test(f))).toHaveLength(1);
    const cached = loadedBy([path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), '-f', 'json', '--cache', '--cache-location', path.join(tmpDir(), 'cache')]);
    expect(cached.builtins).toContain('crypto');
  });
});
