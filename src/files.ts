// Which files a run lints: files, folders (recursing) and glob patterns.
import fs from 'node:fs';
import path from 'node:path';

/** Extensions linted when a folder is walked (.doc is included so old Word files get a clear message). */
export const WALK_EXTENSIONS = ['.docx', '.md', '.markdown', '.txt', '.doc'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileEntry {
  path: string;
  /** Set when the path could not be listed or read; the run reports it as fatal. */
  error?: string;
}

/** A small glob: `**` any folders, `*` any characters but "/", `?` one, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map(escapeRe).join('|')})`;
        i = close;
      }
    } else re += escapeRe(ch);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isGlob(p: string): boolean {
  return /[*?{]/.test(p);
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Does an absolute path match one of the ignore patterns (absolute globs)? A folder pattern ignores what is under it. */
export function isIgnored(abs: string, ignores: string[]): boolean {
  const p = toPosix(abs);
  return ignores.some((g) => {
    const pattern = toPosix(g).replace(/\/$/, '');
    const re = globToRegExp(pattern);
    return re.test(p) || globToRegExp(`${pattern}/**`).test(p);
  });
}

function walk(dir: string, out: FileEntry[], ignored: (abs: string) => boolean, filter: (abs: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ path: dir, error: (err as NodeJS.ErrnoException).code ?? String(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (ignored(abs)) continue;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(abs, out, ignored, filter);
      continue;
    }
    if (e.name.startsWith('~$')) continue; // Word's lock files
    const lower = e.name.toLowerCase();
    if (!WALK_EXTENSIONS.some((x) => lower.endsWith(x)) || !filter(abs)) continue;
    if (e.isSymbolicLink()) {
      // a dangling link is reported, not skipped silently
      if (!fs.existsSync(abs)) {
        out.push({ path: abs, error: 'ENOENT' });
        continue;
      }
      if (fs.statSync(abs).isDirectory()) continue;
    }
    out.push({ path: abs });
  }
}

/**
 * Expand command-line paths into files, in a stable order, without duplicates.
 * `ignoresFor` gives the ignore patterns that apply to a path (from its config).
 */
export function expandPaths(args: string[], cwd: string, ignoresFor: (abs: string) => string[]): FileEntry[] {
  const out: FileEntry[] = [];
  const ignored = (abs: string): boolean => isIgnored(abs, ignoresFor(abs));
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (isGlob(arg)) {
      // walk from the longest folder prefix without glob characters
      const parts = toPosix(abs).split('/');
      const firstGlob = parts.findIndex((p) => isGlob(p));
      const base = parts.slice(0, firstGlob).join('/') || '/';
      const re = globToRegExp(toPosix(abs));
      const before = out.length;
      walk(base, out, ignored, (f) => re.test(toPosix(f)));
      if (out.length === before) out.push({ path: abs, error: 'NO_MATCH' });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      out.push({ path: abs, error: (err as NodeJS.ErrnoException).code ?? String(err) });
      continue;
    }
    if (stat.isDirectory()) walk(abs, out, ignored, () => true);
    else if (!ignored(abs)) out.push({ path: abs }); // a file named explicitly is linted whatever its extension
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
