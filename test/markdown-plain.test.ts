// The subset reader (src/readers/markdown-plain.ts) against the reference reading with
// remark-parse: the same ReadDocument whenever it reads a file, on the fixtures, the seeds and a few
// thousand generated plan-like documents; it does read plain plans; it declines every construct
// outside its subset.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown, readMarkdownVia } from '../src/readers/markdown.js';
import { mutate, planLikeMarkdown, randomMarkdown, subsetMarkdown } from '../scripts/markdown-fuzz.mjs';
import { rng } from '../scripts/rng.mjs';
import { HAS_SHARED, ROOT, SHARED } from './helpers.js';

const plain = (s: string) => readMarkdownVia(s, 'markdown', 'plain');
const remark = (s: string) => readMarkdownVia(s, 'markdown', 'remark')!;

/** Either the subset reader declines, or it gives exactly remark's document. */
function expectSameOrDeclined(src: string): boolean {
  const fast = plain(src);
  if (fast === undefined) return false;
  expect(fast).toEqual(remark(src));
  // and the default reading is the fast one
  expect(readMarkdown(src, 'markdown')).toEqual(fast);
  return true;
}

const textFiles = (dir: string, ext: RegExp): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => ext.test(f)).sort().map((f) => path.join(dir, f)) : [];

describe('the subset reader gives the remark-parse reading', () => {
  it('on every Markdown fixture (or declines it)', () => {
    const files = [...textFiles(path.join(ROOT, 'fixtures'), /\.(md|txt)$/), ...textFiles(path.join(ROOT, 'test', 'fixtures'), /\.(md|txt)$/)];
    expect(files.length).toBeGreaterThan(5);
    let fast = 0;
    for (const f of files) if (expectSameOrDeclined(fs.readFileSync(f, 'utf8'))) fast++;
    // the fixtures without pipe tables are plain plans
    expect(fast).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!HAS_SHARED)('on the seed plans, and takes them all', () => {
    const files = textFiles(path.join(SHARED, 'seeds'), /\.txt$/);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      expect(plain(src), path.basename(f)).toBeDefined();
      expect(expectSameOrDeclined(src)).toBe(true);
      // as text too
      expect(readMarkdownVia(src, 'text', 'plain')).toEqual(readMarkdownVia(src, 'text', 'remark'));
    }
  });

  it.skipIf(!HAS_SHARED)('on 1,500 windows of the seed plans with random edits (markers, breaks, delimiters)', () => {
    const seeds = textFiles(path.join(SHARED, 'seeds'), /\.txt$/).map((f) => fs.readFileSync(f, 'utf8'));
    const rand = rng(1123);
    let fast = 0;
    for (let i = 0; i < 1500; i++) if (expectSameOrDeclined(mutate(rand, seeds[i % seeds.length]!))) fast++;
    expect(fast).toBeGreaterThan(500);
  }, 120_000);

  it('on 4,000 generated plan-like documents with constructs at and past the subset edge', () => {
    const rand = rng(20261123);
    let fast = 0;
    for (let i = 0; i < 4000; i++) if (expectSameOrDeclined(planLikeMarkdown(rand))) fast++;
    // enough of them are read by the subset reader for the comparison to mean something
    expect(fast).toBeGreaterThan(500);
  }, 120_000);

  it('on 20,000 short random strings of structural characters', () => {
    const rand = rng(9);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) if (expectSameOrDeclined(randomMarkdown(rand))) fast++;
    expect(fast).toBeGreaterThan(2000);
  }, 120_000);

  it('on edge cases of emphasis, breaks, indentation, list items and headings', () => {
    // taken: each is inside the subset, and the reading must still be remark's
    const taken = [
      '*a **b** c*', '**a *b* c**', '_a_b', 'a_b_', '__a__b', '**a\nb**', '**a  \nb**', '***a***', '** a **', 'a * b * c',
      '**“a”**', '“**a**”', '**a**.', '(**a**)', '**(a)**', 'a* b *c*', '**a *b* c', '-a', '+a', '1.a', '1.\u00a0a', '# a\n# b\nc\n# d',
      'a\n# b', 'a\n    b\n        c', '   a\n  b', '  # a', '   - a', '    # a', 'a  ', 'a  \n', 'a\n  \nb', '# a  \nb',
      '### \t**a**', '#  a', '- a  \n- b', '- a\n-', '*\nSố', '1. a\n1. b', '<!-- plan-lint-disable typo -->\n- a', 'a\n<!-- x -->\nb',
      '    a\n    \n\n    b\nc', '    a   \n\n', 'a& b', '50% & 60%', 'a\r\nb  \r\nc', 'a \nb', 'a\t\nb', '**\u0301a**', '**a**。',
      'a\u2003**b**\u2003c', '* a\n* b\n\n+ c', '1. a\n\n10. b\n\n100. c', '    code\n\n# h', '    code\nz', '    a\n     \nz', '    a\n    ', '    a\r\n\r\n     ', 'x\n\n    a\n      \n      ',
    ];
    // long paragraphs: many lines, delimiter runs and pieces (the reader's buffers grow)
    taken.push(Array.from({ length: 300 }, (_, i) => `**mục ${i}** và *ý ${i}*  `).join('\n'));
    taken.push(Array.from({ length: 300 }, (_, i) => `- **mục ${i}**`).join('\n'));
    for (const src of taken) {
      expect(plain(src), JSON.stringify(src)).toBeDefined();
      expect(plain(src), JSON.stringify(src)).toEqual(remark(src));
    }
    const either = ['*a*b*c*', '**a**b', 'a**b**', 'Đ**ảng**', 'á**b**', '- - a', '- a\n*', '1. a\n2) b', '#\u00a0a', 'a &b', 'a \t\nb', 'a\t  \nb'];
    for (const src of either) expectSameOrDeclined(src);
  });

  it('reads "[" as text in a file with no "]" (no link, image, footnote, task box or definition can form)', () => {
    const taken = [
      '[ [ [ a', '[a', 'Xem [văn bản', '![ảnh', '[^1: chú thích', '- [ x', '[a: http://a.vn', '**[a**', '[**a**', 'a [\n[ b', '# [a', '1. [a',
      '[   ' + '[ '.repeat(500) + '2026',
    ];
    for (const src of taken) {
      expect(plain(src), JSON.stringify(src)).toBeDefined();
      expect(plain(src), JSON.stringify(src)).toEqual(remark(src));
    }
    // a "]" anywhere in the file: the brackets may pair, and the file goes to remark-parse
    for (const src of ['[a\n\nb]', '[a] b', 'a [\n\n]', '- [ ] việc']) expect(plain(src), JSON.stringify(src)).toBeUndefined();
  });

  it('takes every generated document made only of the subset', () => {
    const rand = rng(7);
    for (let i = 0; i < 300; i++) {
      const src = subsetMarkdown(rand);
      expect(plain(src), src).toBeDefined();
      expect(plain(src)).toEqual(remark(src));
    }
  });

  it('reads a plain plan: headings, breaks, strong text, list labels, indented lines, tables, directives', () => {
    const src = [
      '## KẾ HOẠCH',
      '',
      '**Tuyên truyền Chương trình số 14-CTr/TU  ',
      'ngày 28/1/2026**',
      '',
      '    Nơi nhận: như trên',
      '',
      '<!-- plan-lint-disable-next-line typo -->',
      '1. Mục đích: *tuyên truyền* sâu rộng',
      '',
      '- Các phòng, ban (__chủ trì__);',
      '',
      'STT\tNội dung',
      '1\tHọp chi bộ',
      '',
    ].join('\n');
    const doc = plain(src)!;
    expect(doc).toBeDefined();
    expect(doc).toEqual(remark(src));
    const paras = doc.blocks.filter((b) => b.kind === 'p');
    expect(paras.map((b) => b.kind === 'p' && b.raw)).toEqual([
      'KẾ HOẠCH',
      'Tuyên truyền Chương trình số 14-CTr/TU\nngày 28/1/2026',
      '    Nơi nhận: như trên',
      '1. Mục đích: tuyên truyền sâu rộng',
      '- Các phòng, ban (chủ trì);',
    ]);
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(true);
    expect(doc.directives).toEqual([{ kind: 'disable-next-line', rules: ['typo'], line: 8 }]);
  });
});

describe('the subset reader declines what is outside its subset', () => {
  const outside: Record<string, string> = {
    link: 'Xem [văn bản](http://a.vn).',
    image: '![ảnh](a.png)',
    'code span': 'Lệnh `npm test` chạy thử.',
    'backslash escape': 'Mục 1\\. không phải danh sách',
    'character reference': 'Sở Tài nguyên &amp; Môi trường',
    'numeric reference': '&#272;ắk Lắk',
    'inline HTML': 'Dòng <br> xuống',
    'HTML block': '<div>\nkhối\n</div>',
    'comment with text after it': '<!-- ghi chú --> tiếp',
    'multi-line comment': '<!-- plan-lint-disable\nnumbering -->',
    'pipe table': '| STT | Nội dung |\n|---|---|\n| 1 | a |',
    'block quote': '> Trích dẫn',
    'backtick fence': '```\nmã\n```',
    'tilde fence': '~~~\nmã\n~~~',
    strikethrough: 'Chữ ~~gạch~~ bỏ',
    'setext heading (=)': 'Tiêu đề\n===',
    'setext heading (-)': 'Tiêu đề\n---',
    'thematic break': 'Đoạn\n\n* * *\n\nĐoạn',
    'lazy continuation': '- mục một\ntiếp theo không thụt',
    'nested list': '- mục\n\n  - mục con',
    'list item interrupting a paragraph': 'Đoạn văn\n1. mục',
    'ordered item after a paragraph line': 'Đoạn văn\n2) mục',
    'footnote definition': '[^1]: chú thích',
    'reference definition': '[a]: http://a.vn',
    'intraword *': 'Đ**ảng**',
    '*** closed by **': '***a** b*',
    'unequal runs': '**a*',
    'closing heading sequence': '## Mục tiêu ##',
    'seven #': '####### bảy',
    'tab indentation': '\tthụt bằng tab',
    'ordered item with a long number': '2026. Năm',
    'byte-order mark': '\ufeffKế hoạch',
    'lone CR': 'dòng một\rdòng hai',
    'item right after an indented block': '    thụt\n\n2. mục',
  };
  for (const [name, src] of Object.entries(outside)) {
    it(name, () => {
      expect(plain(src)).toBeUndefined();
      // remark reads it (the document is valid Markdown)
      expect(readMarkdown(src, 'markdown')).toEqual(remark(src));
    });
  }
});

describe('lists and quotes nested too deep are refused before either reading', () => {
  const tooDeep = (s: string) => {
    try {
      readMarkdown(s, 'markdown');
      return false;
    } catch (e) {
      return (e as { code?: string }).code === 'too-deep';
    }
  };
  it('counts the markers that open a line, after any line ending', () => {
    expect(tooDeep('- '.repeat(101) + 'x')).toBe(true);
    expect(tooDeep('- '.repeat(100) + 'x')).toBe(false);
    expect(tooDeep('Đoạn\n\n' + '> '.repeat(150))).toBe(true);
    expect(tooDeep('Đoạn\r\n' + '1.'.repeat(120))).toBe(true);
    expect(tooDeep('Đoạn\r' + '1.'.repeat(120))).toBe(true);
    expect(tooDeep('Đoạn\u2028' + '* '.repeat(120))).toBe(true);
    expect(tooDeep('Đoạn ' + '- '.repeat(150))).toBe(false);
  });
});
