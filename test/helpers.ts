// Test helpers: the seed plans in ../shared (tests skip with a notice without them),
// the built CLI, and in-process linting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LintResult, ResolvedConfig, RuleModule } from '../src/types.js';
import { lintBytes, parseFile } from '../src/engine/linter.js';
import { builtinRuleMap } from '../src/engine/rules.js';
import { mergeLayers } from '../src/config/load.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const HAS_SHARED = fs.existsSync(path.join(SHARED, 'seeds'));
if (!HAS_SHARED) console.warn(`NOTICE: ${SHARED} is absent — tests on the seed plans are skipped.`);

// the command as installed (package.json "bin"): the launcher, which runs the bundle from its code cache
export const CLI = path.join(ROOT, 'dist', 'src', 'bin.cjs');

/** Seed plans by number ("000" …): text and Word renderings. */
export function seed(id: string, kind: 'txt' | 'docx'): string {
  const dir = path.join(SHARED, kind === 'txt' ? 'seeds' : 'docx');
  const f = fs.readdirSync(dir).find((n) => n.startsWith(`${id}_`) && n.endsWith(`.${kind}`));
  if (!f) throw new Error(`no seed ${id}.${kind}`);
  return path.join(dir, f);
}
export const SEED_IDS = HAS_SHARED ? fs.readdirSync(path.join(SHARED, 'seeds')).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, 3)).sort() : [];

export function runCli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A new temporary folder, removed after the test file by removeTmpDirs (test/setup.ts). */
export function tmpDir(prefix = 'plan-lint-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function config(over: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { ...mergeLayers([], {}), ...over };
}

/** Lint bytes in-process as `filePath` (its extension picks the reader). */
export async function lint(
  content: string | Uint8Array,
  opts: { filePath?: string; config?: Partial<ResolvedConfig>; rules?: Map<string, RuleModule>; only?: string[] } = {},
): Promise<LintResult> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  let rules = opts.rules ?? builtinRuleMap();
  if (opts.only) rules = new Map([...rules].filter(([id]) => opts.only!.includes(id)));
  return lintBytes({ filePath: opts.filePath ?? '/virtual/plan.md', bytes, config: config(opts.config), rules });
}

export async function treeOf(content: string | Uint8Array, filePath = '/virtual/plan.md') {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parseFile(filePath, bytes);
}

export function readSeed(id: string, kind: 'txt' | 'docx'): Buffer {
  return fs.readFileSync(seed(id, kind));
}
