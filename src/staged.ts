// --staged: the staged versions of staged plan files, read from git's index
// (not the working tree), for plain git hooks, husky and lint-staged.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PLAN_EXTENSIONS } from './readers/index.js';

export class GitError extends Error {}

function git(args: string[], cwd: string): Buffer {
  const r = spawnSync('git', args, { cwd, maxBuffer: 1 << 30 });
  if (r.error) throw new GitError(`git: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(r.stderr.toString().trim() || `git ${args[0]} failed`);
  return r.stdout;
}

/** Staged plan files (added, copied, modified, renamed) with their staged content. */
export function stagedPlans(cwd: string): { path: string; bytes: Uint8Array }[] {
  const top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
  const names = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], top)
    .toString('utf8')
    .split('\0')
    .filter((n) => n && PLAN_EXTENSIONS.some((x) => n.toLowerCase().endsWith(x)));
  return names.map((n) => ({ path: path.join(top, n), bytes: git(['show', `:${n}`], top) }));
}
