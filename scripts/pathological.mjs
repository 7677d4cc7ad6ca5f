// Inputs that make a careless regular expression backtrack without bound: long runs
// (100,000 characters) of the characters forms are made of — spaces, dots, ellipses,
// underscores, tabs, digits, slashes and their pairs — each after the words that start
// a date, a number, a citation or a unit name. Used by test/runaway.test.ts (every
// extractor and rule must finish on them) and by `npm run bench` (each within a budget).

/** The repeated units: one character or a pair that alternates (many match starts). */
export const RUN_UNITS = {
  spaces: ' ',
  dots: '.',
  ellipses: '…',
  underscores: '_',
  tabs: '\t',
  digits: '7',
  slashes: '/',
  'dot-space': '. ',
  'ellipsis-slash': '…/',
  'digit-slash': '1/',
  'space-slash': ' /',
  'digit-dot': '1.',
  'digit-dash': '1-',
  'digit-space': '1 ',
  'nbsp-dot': '\u00a0.',
  brackets: '[ ',
};

/** Words after which the extractors try a blank or a number. */
export const LEADS = ['', 'ngày', 'Ngày ', 'tháng', 'năm', 'Số', 'số ', 'Căn cứ ', 'Kèm theo ', '(', '[', 'Quyết định số ', 'phường ', 'TỈNH ', 'Nơi nhận:', '- ', 'I.', 'plan-lint-disable '];

/** One document per run unit: a paragraph for each lead, then the run, then a year (so a date could close). */
export function pathologicalDocs(length = 100_000) {
  return Object.entries(RUN_UNITS).map(([name, unit]) => {
    const run = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const paras = LEADS.map((lead) => `${lead}${run}2026`);
    // a line break inside a paragraph too: Markdown keeps it, the plain-text reader splits on blank lines
    paras.push(`${run}\n${run.slice(0, 1000)}`);
    return { name, text: `KẾ HOẠCH\n\n${paras.join('\n\n')}\n` };
  });
}

/** A form of `lines` lines of random blanks ("ngày ……/……/2026", "số ……/……", dotted fields). */
export function blankForm(lines = 400, rand = Math.random) {
  const pieces = [
    'ngày ……/……/2026', 'số ……/……', 'ngày   tháng   năm 2026', 'ngày …… tháng …… năm ……', '……………………………………',
    '____________', '…/…', 'ngày .../.../2026', 'Họ và tên: ........................................', '\t\t\t\t',
    '[   ]', 'ngày /4/2026', 'Số: ……/KH-UBND', 'Địa chỉ: _______________________', '(ký, ghi rõ họ tên)',
  ];
  const pick = () => pieces[Math.floor(rand() * pieces.length)];
  const out = ['UỶ BAN NHÂN DÂN', 'PHƯỜNG ……', '', 'KẾ HOẠCH', ''];
  for (let i = 0; i < lines; i++) {
    const k = 1 + Math.floor(rand() * 4);
    let line = '';
    for (let j = 0; j < k; j++) line += pick() + ' '.repeat(Math.floor(rand() * 20)) + (rand() < 0.3 ? '.'.repeat(Math.floor(rand() * 80)) : '');
    out.push(line, '');
  }
  return out.join('\n');
}
