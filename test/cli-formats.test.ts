// Output formats and CLI options through the built CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { ROOT, runCli, tmpDir } from './helpers.js';

const BAD_MD = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md');
const BAD_DOCX = path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.docx');
const CLEAN_MD = path.join(ROOT, 'fixtures', 'ke-hoach-ubnd-sach.md');

// VS Code's built-in problem matchers $eslint-stylish and $eslint-compact
const STYLISH_FILE = /^([^\s].*)$/;
const STYLISH_LOCATION = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*?)(?:\s\s+(.*))?$/;
const COMPACT = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; text?: string; location?: { paragraph: number; section?: string; table?: unknown }; suggestions?: unknown[] }[];
  errorCount: number;
  warningCount: number;
}

function json(args: string[]): JsonResult[] {
  const r = runCli([...args, '-f', 'json']);
  return JSON.parse(r.stdout) as JsonResult[];
}

describe('stylish and compact read by VS Code problem matchers', () => {
  for (const file of [BAD_MD, BAD_DOCX]) {
    it(`stylish: ${path.basename(file)}`, () => {
      const r = runCli([file, '-f', 'stylish', '--no-color']);
      expect(r.code).toBe(1);
      const expected = json([file])[0]!.messages;
      const lines = r.stdout.split('\n').filter((l) => l.trim());
      expect(lines[0]).toBe(path.resolve(file));
      expect(STYLISH_FILE.exec(lines[0]!)![1]).toBe(path.resolve(file));
      const locations = lines.slice(1).filter((l) => /^\s/.test(l));
      expect(locations).toHaveLength(expected.length);
      locations.forEach((l, i) => {
        const m = STYLISH_LOCATION.exec(l);
        expect(m, l).not.toBeNull();
        const e = expected[i]!;
        expect(Number(m![1])).toBe(e.line);
        expect(Number(m![2])).toBe(e.column);
        expect(m![3]).toBe(e.severity === 2 ? 'error' : e.severity === 1 ? 'warning' : 'info');
        expect(m![4]!.startsWith(e.message.replace(/\s+/g, ' ')), m![4]).toBe(true);
        expect(m![5]).toBe(e.ruleId);
      });
      // a Word user also gets the section and a short quote
      if (file.endsWith('.docx')) expect(r.stdout).toMatch(/\(mục II\.2, bảng 2, hàng 5, ô 1 «6»\)/);
    });

    it(`compact: ${path.basename(file)}`, () => {
      const r = runCli([file, '-f', 'compact']);
      const expected = json([file])[0]!.messages;
      const lines = r.stdout.split('\n').filter((l) => l.includes(': line '));
      expect(lines).toHaveLength(expected.length);
      lines.forEach((l, i) => {
        const m = COMPACT.exec(l);
        expect(m, l).not.toBeNull();
        expect(m![1]).toBe(path.resolve(file));
        expect(Number(m![2])).toBe(expected[i]!.line);
        expect(Number(m![3])).toBe(expected[i]!.column);
        expect(m![6]).toBe(expected[i]!.ruleId);
      });
    });
  }

  it('stylish prints nothing for a clean file and exits 0', () => {
    const r = runCli([CLEAN_MD]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('');
  });
});

describe('json, sarif, github', () => {
  it('json has ESLint\'s shape plus the flagged text, suggestions and Word locations', () => {
    const [res] = json([BAD_DOCX]);
    expect(res!.filePath).toBe(BAD_DOCX);
    expect(res!.errorCount).toBe(res!.messages.filter((m) => m.severity === 2).length);
    const ref = res!.messages.find((m) => m.ruleId === 'ref-mismatch')!;
    expect(ref.text).toBe('46/KH-UBND');
    expect(ref.suggestions).toEqual([{ desc: 'Sửa thành "64/KH-UBND"', text: '64/KH-UBND' }]);
    expect(ref.location).toEqual({ paragraph: 18, section: 'II.2' });
    const row = res!.messages.find((m) => m.ruleId === 'numbering')!;
    expect(row.location).toEqual({ paragraph: 31, section: 'II.2', table: { table: 2, row: 5, cell: 1 } });
  });

  it('sarif validates against the SARIF 2.1.0 schema', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const r = runCli([BAD_MD, BAD_DOCX, path.join(ROOT, 'fixtures', 'missing.md'), '-f', 'sarif']);
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['ref-mismatch', 'unit-name', 'numbering', 'blank-field', 'typo', 'doc-format', 'docx-layout', 'repeated-word']);
    expect(run.tool.driver.rules[0].helpUri).toMatch(/^file:.*docs\/rules\/ref-mismatch\.md$/);
    expect(run.results.length).toBe(json([BAD_MD, BAD_DOCX]).reduce((n, x) => n + x.messages.length, 0));
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('github prints workflow commands', () => {
    const r = runCli([BAD_MD, '-f', 'github']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(json([BAD_MD])[0]!.messages.length);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=fixtures\/ke-hoach-co-loi\.md,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[a-z-]+::.+/);
  });

  it('-o writes the report to a file', () => {
    const out = path.join(tmpDir(), 'report', 'out.json');
    const r = runCli([BAD_MD, '-f', 'json', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))[0].messages.length).toBeGreaterThan(0);
  });
});

describe('CLI options and exit codes', () => {
  it('--rule turns a rule off or down; --quiet keeps errors only; --max-warnings', () => {
    expect(runCli([BAD_MD, '--rule', 'numbering:off', '--rule', 'ref-mismatch:off', '--rule', 'unit-name:off', '--rule', 'blank-field:warn']).code).toBe(0);
    const warnOnly = ['--rule', 'numbering:warn', '--rule', 'ref-mismatch:warn', '--rule', 'unit-name:warn', '--rule', 'blank-field:warn'];
    expect(runCli([BAD_MD, ...warnOnly]).code).toBe(0);
    expect(runCli([BAD_MD, ...warnOnly, '--max-warnings', '2']).code).toBe(1);
    const quiet = runCli([BAD_MD, ...warnOnly, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.trim()).toBe('');
  });

  it('usage errors exit 2 with a message, not a stack trace', () => {
    for (const args of [['--format', 'xml', BAD_MD], ['--rule', 'nope', BAD_MD], ['--rule', 'no-such-rule:error', BAD_MD], ['--max-warnings', 'x', BAD_MD], ['--bogus']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });

  it('--stdin with --stdin-filename', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'draft.md', '-f', 'json'], { input: fs.readFileSync(BAD_MD) });
    expect(r.code).toBe(1);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    expect(res!.filePath).toBe(path.join(ROOT, 'draft.md'));
    expect(res!.messages.some((m) => m.ruleId === 'unit-name')).toBe(true);
  });

  it('--print-tree shows how a plan was understood', () => {
    const r = runCli(['--print-tree', BAD_DOCX]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('section II.2 "2. Tuyên truyền" (Word numbering)');
    expect(r.stdout).toContain('signature: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Phạm Thị Lan');
    const bad = runCli(['--print-tree', path.join(ROOT, 'fixtures', 'nope.docx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/không tồn tại/);
  });

  it('--list-rules, --print-config, --version, --help', () => {
    const list = runCli(['--list-rules', '--lang', 'en']);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['ref-mismatch', 'unit-name', 'numbering', 'blank-field', 'typo', 'doc-format', 'docx-layout', 'repeated-word']);
    const cfg = JSON.parse(runCli(['--print-config', BAD_MD, '--unit', 'phường Hải An', '--rule', 'numbering:warn']).stdout);
    expect(cfg.unit).toBe('phường Hải An');
    expect(cfg.rules.numbering[0]).toBe('warn');
    expect(cfg.rules['blank-field'][0]).toBe('error');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--print-tree');
  });
});
