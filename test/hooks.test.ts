// Where people run plan-lint: a git pre-commit hook (--staged, end to end in a real
// repository), the pre-commit framework's hook definition, and a VS Code task.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, tmpDir } from './helpers.js';
import { buildDocx, p } from '../scripts/docx-builder.mjs';

const BAD = fs.readFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), 'utf8');
const CLEAN = fs.readFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-ubnd-sach.md'), 'utf8');
// a draft whose own number is still blank: a warning, not an error
const WARN_ONLY = CLEAN.replace('Số: 27/KH-UBND', 'Số: /KH-UBND');

function git(cwd: string, ...args: string[]): { code: number; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function repoWithHook(): string {
  const dir = tmpDir('plan-lint-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
  fs.writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" --staged --no-color\n`);
  fs.chmodSync(hook, 0o755);
  return dir;
}

describe('git pre-commit hook with --staged', () => {
  it('refuses a commit with an error, lets a clean one and a warning-only one through', () => {
    const dir = repoWithHook();
    fs.writeFileSync(path.join(dir, 'ke-hoach.md'), BAD);
    git(dir, 'add', 'ke-hoach.md');
    const refused = git(dir, 'commit', '-q', '-m', 'draft');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('ke-hoach.md');
    expect(refused.out).toMatch(/error .*numbering/);
    expect(git(dir, 'log', '--oneline').code).not.toBe(0); // no commit yet

    fs.writeFileSync(path.join(dir, 'ke-hoach.md'), CLEAN);
    git(dir, 'add', 'ke-hoach.md');
    expect(git(dir, 'commit', '-q', '-m', 'clean').code).toBe(0);

    fs.writeFileSync(path.join(dir, 'du-thao.md'), WARN_ONLY);
    git(dir, 'add', 'du-thao.md');
    const warned = git(dir, 'commit', '-q', '-m', 'draft with a blank number');
    expect(warned.code).toBe(0);
    expect(warned.out).toMatch(/warning .*blank-field/);
  });

  it('lints the staged version, not the working tree — Markdown and Word', () => {
    const dir = repoWithHook();
    fs.writeFileSync(path.join(dir, 'ke-hoach.md'), BAD);
    git(dir, 'add', 'ke-hoach.md');
    fs.writeFileSync(path.join(dir, 'ke-hoach.md'), CLEAN); // fixed on disk, not staged
    expect(git(dir, 'commit', '-q', '-m', 'x').code).not.toBe(0);
    git(dir, 'add', 'ke-hoach.md');
    expect(git(dir, 'commit', '-q', '-m', 'x').code).toBe(0);

    const docx = (ward: string) => buildDocx([p('ỦY BAN NHÂN DÂN'), p('PHƯỜNG NGỌC HÀ'), p('KẾ HOẠCH'), p('Thử'), p('I. NỘI DUNG'), p(`Vận động Nhân dân phường ${ward}.`)].join(''));
    fs.writeFileSync(path.join(dir, 'ke-hoach.docx'), docx('Giảng Võ'));
    git(dir, 'add', 'ke-hoach.docx');
    fs.writeFileSync(path.join(dir, 'ke-hoach.docx'), docx('Ngọc Hà'));
    const r = git(dir, 'commit', '-q', '-m', 'docx');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Giảng Võ/);
  });

  it('outside a git repository --staged is a usage error', () => {
    const r = runCli(['--staged'], { cwd: tmpDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--staged cần một kho git/);
  });
});

describe('pre-commit framework hook definition', () => {
  it('declares plan-lint for .docx, .md and .txt', () => {
    const yaml = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    expect(yaml).toMatch(/^- id: plan-lint$/m);
    expect(yaml).toMatch(/^ {2}language: node$/m);
    expect(yaml).toMatch(/^ {2}entry: plan-lint$/m);
    const files = new RegExp(/^ {2}files: (.+)$/m.exec(yaml)![1]!);
    for (const f of ['a.docx', 'b/c.md', 'd.txt']) expect(files.test(f), f).toBe(true);
    for (const f of ['a.pdf', 'b.doc', 'c.xlsx']) expect(files.test(f), f).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['plan-lint']).toBeTruthy();
  });
});

describe('VS Code task', () => {
  // the built-in $eslint-stylish problem matcher
  const FILE = /^([^\s].*)$/;
  const LOCATION = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*?)(?:\s\s+(.*))?$/;

  it('runs plan-lint with the $eslint-stylish matcher, and every finding line matches it', () => {
    const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.vscode', 'tasks.json'), 'utf8')).tasks as {
      label: string;
      args: string[];
      problemMatcher: { base: string; owner: string; source: string };
    }[];
    expect(tasks.map((t) => t.label)).toEqual(['plan-lint: workspace', 'plan-lint: current file']);
    for (const t of tasks) expect(t.problemMatcher).toEqual({ base: '$eslint-stylish', owner: 'plan-lint', source: 'plan-lint' });
    const current = tasks[1]!;
    for (const file of ['ke-hoach-co-loi.md', 'ke-hoach-co-loi.docx']) {
      const abs = path.join(ROOT, 'fixtures', file);
      const args = current.args.slice(1).map((a) => a.replace('${file}', abs));
      const out = runCli(args).stdout.split('\n').filter((l) => l.trim() && !l.startsWith('✖'));
      const json = JSON.parse(runCli([abs, '-f', 'json']).stdout)[0].messages as { line: number }[];
      expect(FILE.exec(out[0]!)![1]).toBe(abs);
      const locations = out.slice(1);
      expect(locations).toHaveLength(json.length);
      locations.forEach((l, i) => {
        const m = LOCATION.exec(l);
        expect(m, l).not.toBeNull();
        expect(Number(m![1])).toBe(json[i]!.line);
        expect(m![5]).toMatch(/^[a-z-]+$/);
      });
    }
  });
});
