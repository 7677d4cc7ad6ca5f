// Config files, inline disables, plugins and a rule that throws.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { ConfigError, validateConfig } from '../src/config/load.js';
import { buildDocx, commented, numberingXml, p, r } from '../scripts/docx-builder.mjs';
import { ROOT, lint, runCli, tmpDir } from './helpers.js';

const BAD_MD = fs.readFileSync(path.join(ROOT, 'fixtures', 'ke-hoach-co-loi.md'), 'utf8');

function write(dir: string, files: Record<string, string | object>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
}

describe('config files', () => {
  it('are found from each file\'s folder upward; the nearest wins; root stops the search', () => {
    const dir = tmpDir();
    write(dir, {
      'plan-lint.config.json': { rules: { numbering: 'off' }, stage: 'final', words: ['Zalo'] },
      'a/.planlintrc.json': { rules: { numbering: ['warn', { note: 1 }] }, unit: 'phường Hải Châu' },
      'a/b/package.json': { name: 'docs', planLint: { root: true, lang: 'en' } },
      'a/plan.md': BAD_MD,
      'a/b/plan.md': BAD_MD,
    });
    const cfgA = JSON.parse(runCli(['--print-config', path.join(dir, 'a', 'plan.md')]).stdout);
    expect(cfgA.rules.numbering).toEqual(['warn', { note: 1 }]);
    expect(cfgA.stage).toBe('final');
    expect(cfgA.unit).toBe('phường Hải Châu');
    expect(cfgA.words).toEqual(['Zalo']);
    const cfgB = JSON.parse(runCli(['--print-config', path.join(dir, 'a', 'b', 'plan.md')]).stdout);
    expect(cfgB.rules.numbering[0]).toBe('error'); // root: the parents' settings do not apply
    expect(cfgB.lang).toBe('en');
    expect(cfgB.stage).toBe('draft');
    // and linting follows it: numbering is a warning in a/, an error in a/b/
    const res = JSON.parse(runCli([dir, '-f', 'json']).stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    const sev = (f: string) => res.find((x) => x.filePath.endsWith(f))!.messages.filter((m) => m.ruleId === 'numbering').map((m) => m.severity);
    expect(new Set(sev(path.join('a', 'plan.md')))).toEqual(new Set([1]));
    expect(new Set(sev(path.join('b', 'plan.md')))).toEqual(new Set([2]));
  });

  it('-c uses one file and --no-config none', () => {
    const dir = tmpDir();
    write(dir, { 'plan-lint.config.json': { rules: { numbering: 'off' } }, 'other.json': { rules: { 'unit-name': 'off' } }, 'p.md': BAD_MD });
    const rulesOf = (args: string[]) => new Set((JSON.parse(runCli([path.join(dir, 'p.md'), '-f', 'json', ...args]).stdout)[0].messages as { ruleId: string }[]).map((m) => m.ruleId));
    expect(rulesOf([]).has('numbering')).toBe(false);
    expect(rulesOf(['--no-config']).has('numbering')).toBe(true);
    const withC = rulesOf(['-c', path.join(dir, 'other.json')]);
    expect(withC.has('numbering')).toBe(true);
    expect(withC.has('unit-name')).toBe(false);
  });

  it('ignores skip files when a folder is walked', () => {
    const dir = tmpDir();
    write(dir, { '.planlintrc.json': { ignores: ['drafts/**', 'old-*.md'] }, 'drafts/x.md': BAD_MD, 'old-1.md': BAD_MD, 'keep.md': BAD_MD });
    const res = JSON.parse(runCli([dir, '-f', 'json']).stdout) as { filePath: string }[];
    expect(res.map((x) => path.basename(x.filePath))).toEqual(['keep.md']);
  });

  it('an invalid config exits 2 naming the file and the key', () => {
    const cases: [object | string, string][] = [
      [{ stage: 'done' }, 'khóa "stage"'],
      [{ rules: { numbering: 'loud' } }, 'khóa "rules.numbering"'],
      [{ rules: { 'no-such-rule': 'error' } }, 'khóa "rules.no-such-rule"'],
      [{ colour: true }, 'khóa "colour"'],
      [{ words: 'Zalo' }, 'khóa "words"'],
      ['{ "unit": ', 'is not valid JSON'],
    ];
    for (const [content, key] of cases) {
      const dir = tmpDir();
      write(dir, { '.planlintrc.json': content, 'p.md': BAD_MD });
      const res = runCli([path.join(dir, 'p.md')]);
      expect(res.code, JSON.stringify(content)).toBe(2);
      expect(res.stderr).toContain(path.join(dir, '.planlintrc.json'));
      expect(res.stderr).toContain(key);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the shipped JSON Schema and the validator agree', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'config', 'schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    const samples: unknown[] = [
      {},
      { $schema: './node_modules/plan-lint/src/config/schema.json', root: true, unit: 'phường Hải An', province: 'thành phố Hải Phòng', stage: 'final', lang: 'en' },
      { rules: { numbering: 'warn', typo: ['error', { x: 1 }], 'unit-name': 0 } },
      { ignores: ['a/**'], plugins: ['./p.js'], words: ['Zalo'], allowUnits: ['phường Lê Chân'] },
      { stage: 'done' },
      { lang: 'fr' },
      { rules: { numbering: 'loud' } },
      { rules: { numbering: ['warn', 'x'] } },
      { rules: { numbering: ['warn', {}, 1] } },
      { unit: '' },
      { root: 'yes' },
      { colour: true },
      { words: [1] },
      [],
    ];
    for (const s of samples) {
      let ours = true;
      try {
        validateConfig(s, 'x.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        ours = false;
      }
      expect(ours, JSON.stringify(s)).toBe(validate(s));
    }
  });
});

describe('inline disables', () => {
  it('Markdown: disable / enable, disable-next-line, disable-line', async () => {
    const all = await lint(BAD_MD);
    const count = (res: typeof all, rule: string) => res.messages.filter((m) => m.ruleId === rule).length;
    expect(count(all, 'numbering')).toBe(2);
    expect(count(all, 'unit-name')).toBe(1);
    const fileWide = await lint(`<!-- plan-lint-disable numbering -->\n\n${BAD_MD}`);
    expect(count(fileWide, 'numbering')).toBe(0);
    expect(count(fileWide, 'unit-name')).toBe(1);
    const lines = BAD_MD.split('\n');
    const at = lines.findIndex((l) => l.includes('Thanh Khê'));
    const nextLine = [...lines.slice(0, at), '<!-- plan-lint-disable-next-line unit-name -->', ...lines.slice(at)].join('\n');
    expect(count(await lint(nextLine), 'unit-name')).toBe(0);
    expect(count(await lint(nextLine), 'numbering')).toBe(2);
    const sameLine = lines.map((l, i) => (i === at ? `${l} <!-- plan-lint-disable-line unit-name -->` : l)).join('\n');
    expect(count(await lint(sameLine), 'unit-name')).toBe(0);
    const reEnabled = `<!-- plan-lint-disable -->\n\n${BAD_MD.split('### III.')[0]}\n<!-- plan-lint-enable -->\n\n### III.${BAD_MD.split('### III.')[1]}`;
    const res = await lint(reEnabled);
    expect(count(res, 'unit-name')).toBe(1); // after the enable
    expect(res.messages.every((m) => m.line > reEnabled.split('\n').findIndex((l) => l.includes('plan-lint-enable')))).toBe(true);
  });

  it('Word: a comment "plan-lint-disable RULE" silences RULE on the commented text only', async () => {
    const build = (commentText: string) =>
      buildDocx(
        [
          p('ỦY BAN NHÂN DÂN'),
          p('PHƯỜNG NGỌC HÀ'),
          p('KẾ HOẠCH'),
          p('Thử nghiệm'),
          p('I. NỘI DUNG'),
          p([r('Vận động Nhân dân '), commented(1, r('phường Cửa Nam')), r(' và Nhân dân phường Giảng Võ.')]),
        ].join(''),
        { comments: [{ id: 1, text: commentText }], numbering: numberingXml([], []) },
      );
    const units = async (text: string) => (await lint(build(text), { filePath: '/v/p.docx', only: ['unit-name'] })).messages.map((m) => m.text);
    expect(await units('Đã xem')).toEqual(['Cửa Nam', 'Giảng Võ']);
    expect(await units('plan-lint-disable unit-name\nLà đơn vị phối hợp')).toEqual(['Giảng Võ']);
    expect(await units('plan-lint-disable numbering')).toEqual(['Cửa Nam', 'Giảng Võ']);
  });
});

describe('plugins and rule failures', () => {
  const pluginSource = `
export const rules = [
  {
    meta: { id: 'no-tbd', description: { vi: 'Không để TBD', en: 'No TBD' }, docs: 'x', defaultSeverity: 'warn', messages: { tbd: { vi: 'Còn "{t}"', en: 'Left "{t}"' } } },
    create(context) {
      return { paragraph(node) { const i = node.value.indexOf('TBD'); if (i >= 0) context.report({ range: { node, start: i, end: i + 3 }, messageId: 'tbd', data: { t: 'TBD' } }); } };
    },
  },
  {
    meta: { id: 'always-throws', description: { vi: 'x', en: 'x' }, docs: 'x', defaultSeverity: 'error', messages: {} },
    create() { return { section() { throw new Error('boom'); } }; },
  },
];`;

  it('a local plugin\'s rules run like built-in ones; a rule that throws becomes an internal error and exit 2', () => {
    const dir = tmpDir();
    write(dir, { 'rules/local.mjs': pluginSource, '.planlintrc.json': { plugins: ['./rules/local.mjs'] }, 'p.md': `${BAD_MD}\n\nGhi chú: TBD\n` });
    const r = runCli([path.join(dir, 'p.md'), '-f', 'json']);
    expect(r.code).toBe(2);
    const [res] = JSON.parse(r.stdout);
    const ids = res.messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).toContain('no-tbd');
    expect(ids).toContain('numbering'); // the other rules still ran
    const internal = res.messages.find((m: { ruleId: string }) => m.ruleId === 'always-throws');
    expect(internal.fatal).toBe(true);
    expect(internal.message).toMatch(/Lỗi nội bộ trong quy tắc "always-throws": boom/);
    expect(res.messages.filter((m: { ruleId: string }) => m.ruleId === 'always-throws')).toHaveLength(1);
  });

  it('a plugin that cannot be found exits 2', () => {
    const dir = tmpDir();
    write(dir, { '.planlintrc.json': { plugins: ['./nope.mjs'] }, 'p.md': BAD_MD });
    const r = runCli([path.join(dir, 'p.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không nạp được plugin "\.\/nope\.mjs"/);
  });
});
