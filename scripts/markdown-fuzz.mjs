// Plan-like Markdown documents from a seeded generator, for the differential test of the two
// Markdown readings (test/markdown-plain.test.ts): the subset plans are written in (paragraphs,
// hard and soft breaks, headings, strong and emphasis, one-line list items, indented lines, tab
// tables, directives) mixed with constructs just outside it or at its edges (intraword "_" and
// "*", "**" next to punctuation, "1)" right after a paragraph, lazy continuation lines, trailing
// spaces and tabs, CRLF, NFD text, a byte-order mark, links, code spans, entities, quotes…).

const WORDS = [
  'Kế hoạch', 'tuyên truyền', 'Nghị quyết', 'số 14-CTr/TU', 'ngày 28/1/2026', 'Ủy ban nhân dân', 'phường',
  'thực hiện', 'các', 'đơn vị', 'UBND', 'Đảng ủy', '2026', '(Facebook, Zalo)', 'v.v.', '…', '10%', '"Người tốt"',
  'năm', 'Mục tiêu:', 'I.', '1.1.', 'đ)', '–', '-', '/', '.', ',', ';', '“đưa nghị quyết”', '≥20',
];

/** An inline decoration of a word: mostly plain, sometimes emphasis or a construct at the edge. */
const DECOR = [
  (w) => w, (w) => w, (w) => w, (w) => w, (w) => w, (w) => w,
  (w) => `**${w}**`, (w) => `*${w}*`, (w) => `__${w}__`, (w) => `_${w}_`, (w) => `***${w}***`,
  (w) => `**${w}**.`, (w) => `(**${w}**)`, (w) => `**(${w})**`, (w) => `"*${w}*"`, (w) => `${w}**`, (w) => `**${w}`,
  (w) => `${w}_x`, (w) => `x*${w}`, (w) => `a_${w}_b`, (w) => `_${w}`, (w) => `${w}*`, (w) => `* ${w}`, (w) => `** ${w} **`, (w) => `**${w}*`, (w) => `*${w}**`,
  (w) => `__${w}**`, (w) => `_*${w}*_`, (w) => `***${w}**`, (w) => `${w}&`, (w) => `& ${w}`,
  (w) => `[${w}]`, (w) => `\`${w}\``, (w) => `\\${w}`, (w) => `&amp;${w}`, (w) => `<b>${w}</b>`, (w) => `~${w}~`,
  (w) => `${w} | x`, (w) => `![${w}](a.png)`, (w) => `<http://a.vn>`, (w) => `${w}\u00a0`, (w) => `**${w}\u00a0**`,
];

const LINE_ENDS = ['\n', '\n', '\n', '  \n', '  \n', ' \n', '\t\n', '   \n', '\t  \n'];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

// how often a document gets constructs outside the subset (set per document)
let noise = 1;

function words(rand, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(pick(rand, rand() < noise ? DECOR : DECOR.slice(0, 11))(pick(rand, WORDS)));
  return out.join(rand() < 0.1 ? '  ' : ' ');
}

function paragraph(rand) {
  const lines = 1 + Math.floor(rand() * 4);
  let s = rand() < 0.15 ? ' '.repeat(1 + Math.floor(rand() * 3)) : '';
  for (let i = 0; i < lines; i++) {
    if (i > 0) s += pick(rand, rand() < noise ? LINE_ENDS : LINE_ENDS.slice(0, 7)) + (rand() < 0.2 ? ' '.repeat(1 + Math.floor(rand() * 6)) : '');
    s += words(rand, 1 + Math.floor(rand() * 8));
  }
  return s + (rand() < 0.2 ? pick(rand, ['  ', ' ', '\t']) : '');
}

function heading(rand) {
  const odd = rand() < noise;
  const level = 1 + Math.floor(rand() * (odd && rand() < 0.3 ? 7 : 4));
  const sep = odd && rand() < 0.3 ? pick(rand, ['', '\t']) : rand() < 0.1 ? pick(rand, [' \t', '  ', ' \t ']) : ' ';
  const close = odd && rand() < 0.3 ? ' ##' : odd && rand() < 0.2 ? ' #x' : '';
  return '#'.repeat(level) + sep + words(rand, 1 + Math.floor(rand() * 6)) + close;
}

const MARKERS = ['-', '-', '+', '*', '1.', '2.', '3)', '10.', '1234.', 'a)'];

function listItems(rand) {
  const n = 1 + Math.floor(rand() * 4);
  const tight = rand() < 0.5;
  const markers = rand() < noise ? MARKERS : MARKERS.slice(0, 7);
  let marker = pick(rand, markers);
  const items = [];
  for (let i = 0; i < n; i++) {
    if (rand() < 0.15 * noise) marker = pick(rand, markers);
    const indent = rand() < 0.5 * noise ? ' '.repeat(1 + Math.floor(rand() * 4)) : '';
    const gap = rand() < 0.1 ? '' : ' '.repeat(rand() < 0.85 ? 1 : 2 + Math.floor(rand() * 5));
    let item = indent + marker + (rand() < 0.05 ? '' : gap + (rand() < 0.05 ? '' : words(rand, 1 + Math.floor(rand() * 8))));
    if (rand() < 0.5 * noise) item += pick(rand, LINE_ENDS) + (rand() < 0.5 ? '  ' : '') + words(rand, 3); // lazy or indented continuation
    items.push(item);
  }
  return items.join(tight ? '\n' : '\n\n');
}

function code(rand) {
  const lines = 1 + Math.floor(rand() * 3);
  const out = [];
  for (let i = 0; i < lines; i++) out.push(' '.repeat(4 + Math.floor(rand() * 3)) + words(rand, 3));
  return out.join(rand() < 0.3 ? '\n\n' : '\n');
}

function tabTable(rand) {
  const rows = 1 + Math.floor(rand() * 3);
  const out = [];
  for (let i = 0; i < rows; i++) out.push([words(rand, 2), rand() < 0.2 ? '' : words(rand, 2), words(rand, 1)].join('\t'));
  if (rand() < 0.3) out.push('\t' + words(rand, 2));
  return out.join('\n');
}

const DIRECTIVES = [
  '<!-- plan-lint-disable unit-name -->', '<!-- plan-lint-enable -->', '<!-- plan-lint-disable-next-line date-format, typo -- lý do -->',
  '<!-- ghi chú -->', '<!-- plan-lint-disable\nnumbering -->', '<!-- a --> sau', '<!---->', '<!-->',
];

const NEAR_MISSES = [
  '> Trích dẫn', '```\nmã\n```', '~~~\nx\n~~~', '---', '***', '* * *', '___', '===', 'Tiêu đề\n===', 'Tiêu đề\n---', 'Tiêu đề\n-',
  '| STT | Nội dung |\n|---|---|\n| 1 | a |', 'a | b\n--|--', 'Đoạn văn\n1) mục', 'Đoạn văn\n1. mục', 'Đoạn văn\n2. mục', 'Đoạn văn\n- mục',
  '- mục\ntiếp theo', '- mục\n  - con', '1. mục\n\n   tiếp', '[^1]: chú thích', '[a]: http://a.vn', '<div>\nx\n</div>', '\\# không phải',
  '&#272;ắk Lắk', '2026. Năm', '-', '*', '1.', '+\tx', '-\tx', '#hashtag', '#', '####### bảy', ' \t x', '\tthụt tab',
  'a  \\\nb', 'Số: …/KH-UBND', 'Nơi nhận:\n- Như trên;\n- Lưu: VT.',
];

/** One document of `blocks` blocks (default 3–14). */
export function planLikeMarkdown(rand, blocks = 3 + Math.floor(rand() * 12)) {
  noise = pick(rand, [0, 0, 0.02, 0.05, 0.2, 1]);
  const parts = [];
  for (let i = 0; i < blocks; i++) {
    const r = rand();
    if (r < 0.35) parts.push(paragraph(rand));
    else if (r < 0.5) parts.push(heading(rand));
    else if (r < 0.7) parts.push(listItems(rand));
    else if (r < 0.75) parts.push(code(rand));
    else if (r < 0.8) parts.push(tabTable(rand));
    else if (r < 0.86) parts.push(pick(rand, rand() < noise ? DIRECTIVES : DIRECTIVES.slice(0, 4)));
    else if (rand() < noise * 5) parts.push(pick(rand, NEAR_MISSES));
    else parts.push(paragraph(rand));
  }
  let text = '';
  for (const p of parts) {
    text += p;
    const r = rand();
    text += r < 0.7 ? '\n\n' : r < 0.85 ? (rand() < noise * 4 ? '\n' : '\n\n') : r < 0.93 ? '\n   \n' : '\n\n\n';
  }
  if (rand() < 0.3) text = text.trimEnd() + (rand() < 0.5 ? '' : '\n');
  if (rand() < 0.1) text = text.replace(/\n/g, '\r\n');
  if (rand() < 0.1) text = text.normalize('NFD');
  if (rand() < 0.03) text = '\ufeff' + text;
  return text;
}

/** Only the subset: documents the subset reader must take (no near misses). */
export function subsetMarkdown(rand, blocks = 3 + Math.floor(rand() * 12)) {
  const parts = [];
  for (let i = 0; i < blocks; i++) {
    const r = rand();
    const plain = (n) => {
      let s = '';
      for (let k = 0; k < n; k++) s += (k ? ' ' : '') + (rand() < 0.15 ? `**${pick(rand, WORDS.slice(0, 16))}**` : pick(rand, WORDS.slice(0, 16)));
      return s;
    };
    if (r < 0.5) parts.push(`${plain(4)}${rand() < 0.3 ? `  \n${plain(3)}` : ''}${rand() < 0.3 ? `\n${plain(5)}` : ''}`);
    else if (r < 0.65) parts.push(`${'#'.repeat(1 + Math.floor(rand() * 4))} ${plain(3)}`);
    else if (r < 0.9 && !(parts[parts.length - 1] ?? '').startsWith('    ')) parts.push(`${pick(rand, ['-', '+', '1.', '2.', '3)'])} ${plain(5)}`);
    else if (r < 0.95 && !/^([-+]|\d[.)]) /.test(parts[parts.length - 1] ?? '')) parts.push(`    ${plain(3)}`);
    else parts.push('<!-- plan-lint-disable typo -->');
  }
  return parts.join('\n\n') + '\n';
}

/** Small edits Markdown reads differently: markers, breaks, indentation, delimiters. */
const EDITS = [
  '*', '**', '_', '__', '***', '  \n', '\n', '\n\n', ' ', '\t', '- ', '* ', '+ ', '1. ', '2) ', '# ', '## ', '\r\n',
  '    ', '\n    ', '\n<!-- plan-lint-disable typo -->\n', '&', '#', '-', '=', '\n-', '\n1.', '\n*', '\u00a0', '\u0301',
  '.', '(', ')', '"', '“', '”', ':', '\n\n- ', '\n\n1. ', '\n\n    ', '  ', '\t\n', ' \n', '[', '`', '<', '|', '>',
];

/** A window of `text` (a real plan) with one to six random insertions or deletions. */
export function mutate(rand, text) {
  const a = Math.floor(rand() * text.length);
  let s = text.slice(a, a + 1500 + Math.floor(rand() * 3000));
  const k = 1 + Math.floor(rand() * 6);
  for (let j = 0; j < k; j++) {
    const p = Math.floor(rand() * s.length);
    s = rand() < 0.8 ? s.slice(0, p) + pick(rand, EDITS) + s.slice(p) : s.slice(0, p) + s.slice(p + 1 + Math.floor(rand() * 3));
  }
  return s;
}

const PIECES = [
  'a', 'b', 'Đ', 'ư', ' ', ' ', '  ', '\n', '\n', '\n\n', '*', '*', '**', '_', '__', '-', '+', '1', '2.', '3)', '#', '##', '.', ',',
  '(', ')', '"', '“', '\t', '<!-- plan-lint-disable x -->', '<!--', '-->', '&', '=', '\u00a0', '\u0301', '!', '?', ':', ';', '\r\n',
  '    ', '0', '9',
];

/** A short string of Markdown's structural characters in random order (up to 40 pieces). */
export function randomMarkdown(rand) {
  let s = '';
  const n = 1 + Math.floor(rand() * 40);
  for (let k = 0; k < n; k++) s += pick(rand, PIECES);
  return s;
}
