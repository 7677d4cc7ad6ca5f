// numbering — sequences that skip, repeat or restart (đánh số mục, tiểu mục, STT).
import type { CellNode, Label, ParagraphNode, PlanContent, RuleContext, RuleModule, SectionNode, TableNode, TextRef } from '../src/types.js';
import { VI_LETTERS, romanValue, rankKey } from '../src/plan/labels.js';
import { toRoman } from '../src/readers/numbering.js';

interface Item {
  value: number;
  shown: string; // label as it should read, for messages ("II", "b", "1.2")
  ref: TextRef;
  style: string; // grouping key
  delim?: string;
  raw: string;
  /** A stray label: it reads as the next item of the level above ("17." where "Điều 17." is expected); the label expected. */
  stray?: { expected: string; after: string };
  /** Stands in the level above for a stray label: it takes its place in that sequence and is not reported itself. */
  virtual?: boolean;
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';

function render(style: string, value: number, sample?: Item): string {
  // a keyword heading keeps the style of its number: "Chương V" → VI
  if (style === 'roman' || (style.startsWith('kw:') && sample && /^[IVXL]+$/.test(sample.shown))) return toRoman(value);
  if (style === 'letter') return VI_LETTERS[value - 1] ?? '?';
  if (style.startsWith('hier') && sample) {
    const prefix = sample.shown.split('.').slice(0, -1).join('.');
    return `${prefix}.${value}`;
  }
  return String(value);
}

export const rule: RuleModule = {
  meta: {
    id: 'numbering',
    description: {
      vi: 'Đánh số mục, tiểu mục, số thứ tự bảng và phụ lục liên tục, không thiếu, không lặp',
      en: 'Section, item, table STT and appendix numbers run in order, without gaps or repeats',
    },
    docs: 'docs/rules/numbering.md',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      gap: { vi: '"{found}" đứng sau "{prev}" — {missing}', en: '"{found}" follows "{prev}" — {missing}' },
      repeat: { vi: '"{found}" lặp lại số của mục trước', en: '"{found}" repeats the previous number' },
      backwards: { vi: '"{found}" đứng sau "{prev}" — số thứ tự đi lùi (cần {expected})', en: '"{found}" follows "{prev}" — the numbering goes backwards (expected {expected})' },
      first: { vi: '"{found}" là mục đầu tiên nhưng cần bắt đầu từ {expected}', en: '"{found}" is the first item but numbering should start at {expected}' },
      wrong: {
        vi: '"{found}" đứng giữa "{prev}" và "{next}" — cần {expected}',
        en: '"{found}" stands between "{prev}" and "{next}" — expected {expected}',
      },
      stray: {
        vi: '"{found}" được đánh số như một mục con của "{parent}", nhưng ở đây cần tiêu đề "{expected}" — ghi đủ nhãn',
        en: '"{found}" is numbered like an item inside "{parent}", but the heading "{expected}" is expected here — write the full label',
      },
      mixed: { vi: 'Cùng một cấp nhưng kiểu đánh số khác nhau: "{found}" và "{other}"', en: 'Mixed label styles at one level: "{found}" and "{other}"' },
    },
  },
  create(context) {
    return {
      plan(root) {
        // the body and each nested document (appendix, form, attached document) are scopes of their own
        const tops: PlanContent[][] = [root.children.filter((c) => c.type !== 'appendix')];
        for (const c of root.children) if (c.type === 'appendix') tops.push(c.children);
        for (const top of tops) {
          checkSections(context, top);
          checkTables(context, top);
        }
        checkAppendices(context, root.children);
      },
    };
  },
};

function labelText(p: ParagraphNode, l: Label): string {
  return p.value.slice(l.start, l.end).trim();
}

function itemOf(n: SectionNode): Item {
  const p = n.children[0] as ParagraphNode;
  const l = n.label;
  // hierarchical labels form one list per prefix: 1.1, 1.2 — then 2.1, 2.2
  const style = l.style === 'hier' && !l.keyword ? `hier:${l.parts!.slice(0, -1).join('.')}` : rankKey(l);
  return { value: l.value, shown: l.core, ref: { node: p, start: l.start, end: l.end }, style, delim: l.delim, raw: labelText(p, l) };
}

/**
 * Articles run on through a whole document: their numbers do not restart under a chapter or a
 * section (Mục). Chapters may run on across parts or restart in each part (both are in use); that
 * is the carried-on numbering every list may have.
 */
const DOCUMENT_WIDE = new Set(['dieu']);

/**
 * Walk every scope of one document (its body, each section) and check its direct
 * sub-sections: a khoản list restarts in each Điều, a Roman list under each PHẦN or
 * BƯỚC. Articles are one sequence over the document. Quoted
 * text and tables are scopes of their own (tables are checked apart).
 */
function checkSections(context: RuleContext, nodes: PlanContent[]): void {
  const scopes: { list: PlanContent[]; parent?: SectionNode; items: Item[] }[] = [];
  const scopeOf = new Map<SectionNode, number>(); // the scope a section stands in
  const itemFor = new Map<SectionNode, Item>();
  const wide = new Map<string, Item[]>();
  const collect = (list: PlanContent[], parent?: SectionNode): void => {
    const at = scopes.length;
    scopes.push({ list, parent, items: [] });
    for (const n of list) {
      if (n.type === 'section') scopeOf.set(n, at);
      if (n.type === 'section' || n.type === 'closing') collect(n.children, n.type === 'section' ? n : undefined);
    }
  };
  collect(nodes);
  for (const scope of scopes) {
    for (const n of scope.list) {
      if (n.type !== 'section') continue;
      const it = itemOf(n);
      itemFor.set(n, it);
      if (n.label.keyword && DOCUMENT_WIDE.has(n.label.keyword)) {
        const all = wide.get(it.style) ?? [];
        all.push(it);
        wide.set(it.style, all);
      } else scope.items.push(it);
    }
  }
  const levelOf = (n: SectionNode): Item[] => {
    const it = itemFor.get(n)!;
    return n.label.keyword && DOCUMENT_WIDE.has(n.label.keyword) ? wide.get(it.style)! : scopes[scopeOf.get(n)!]!.items;
  };
  findStrays(scopes, itemFor, levelOf);
  const byOrder = (a: Item, b: Item): number => a.ref.node.loc.ordinal - b.ref.node.loc.ordinal;
  // continuous numbering across sections ("1, 2" under I, "3, 4" under II) is a style of its own: remember the last value per level
  const lastAt = new Map<string, number>();
  for (const scope of scopes) checkSequence(context, scope.items.sort(byOrder), lastAt);
  for (const items of wide.values()) checkSequence(context, items.sort(byOrder));
}

/**
 * Stray labels: inside a section numbered n, an item of the level below that reads n + 1 and
 * breaks its list — it is followed by a list restarting at 1 ("Điều 16." with khoản 1–5, then
 * "17. Tổng Thư ký", "1. …"), or it jumps ahead and its list does not go on — while the level
 * above skips exactly n + 1 (it has n + 2 and no n + 1 of its own): the heading of the next section written without its keyword or in the style of the level
 * below. It is reported once as such, and stands as n + 1 in the level above so that the next
 * correct heading ("Điều 18.") is no second finding.
 */
function findStrays(scopes: { parent?: SectionNode; items: Item[] }[], itemFor: Map<SectionNode, Item>, levelOf: (n: SectionNode) => Item[]): void {
  for (const { parent, items } of scopes) {
    if (!parent || parent.label.style === 'hier' || parent.label.style === 'bullet') continue;
    const up = itemFor.get(parent)!;
    const want = up.value + 1;
    const level = levelOf(parent);
    if (level.some((it) => it.value === want)) continue;
    const same = (a: Item): Item[] => items.filter((b) => b.style === a.style);
    for (const it of items) {
      if (it.style === up.style || it.value !== want) continue;
      const run = same(it);
      const k = run.indexOf(it);
      if (k < 1) continue;
      // the level above skips exactly its number ("Điều 16." … "Điều 18."), and it breaks its own list: it opens
      // a list of its own ("3." then "1.", "2." again), or it jumps ahead ("9." after "2.") and its list does not go on after it
      if (!level.some((x) => x.value === want + 1)) continue;
      const before = run[k - 1]!.value;
      const after = run[k + 1]?.value;
      if (after !== 1 && !(before + 1 < want && after !== before + 2)) continue;
      const shown = render(parent.label.style, want);
      it.stray = { expected: up.raw.replace(up.shown, shown).replace(/[.:)\-–]\s*$/u, '').trim(), after: up.raw };
      level.push({ value: want, shown, ref: it.ref, style: up.style, raw: it.raw, virtual: true });
      break;
    }
  }
}

/** Tables of one document, each a scope; a table split over pages (the same heading row again) goes on from the part before. */
function checkTables(context: RuleContext, nodes: PlanContent[]): void {
  const tables: TableNode[] = [];
  const walk = (list: readonly { type: string; children?: unknown }[]): void => {
    for (const n of list) {
      if (n.type === 'table') {
        tables.push(n as TableNode);
        for (const row of (n as TableNode).children) for (const cell of row.children) walk(cell.children);
      } else if (n.type !== 'quote' && Array.isArray(n.children)) walk(n.children as { type: string }[]);
    }
  };
  walk(nodes);
  let prev: { table: TableNode; lastAt: Map<string, number> } | undefined;
  for (const t of tables) {
    const lastAt = prev && continues(prev.table, t) ? prev.lastAt : new Map<string, number>();
    checkTable(context, t, lastAt);
    prev = { table: t, lastAt };
  }
}

function headRow(t: TableNode): string {
  return (t.children[0]?.children ?? []).map((c) => cellText(c).text).join('|');
}

/** The second part of a table broken over a page: same columns and the same heading row, or a first row that is not a heading. */
function continues(a: TableNode, b: TableNode): boolean {
  const cols = (t: TableNode): number => Math.max(0, ...t.children.map((r) => r.children.length));
  if (cols(a) !== cols(b)) return false;
  return headRow(a) === headRow(b) || /^\d/.test(cellText(b.children[0]?.children[0]).text);
}

function checkSequence(context: RuleContext, all: Item[], lastAt?: Map<string, number>): void {
  const byStyle = new Map<string, Item[]>();
  for (const it of all) {
    const list = byStyle.get(it.style) ?? [];
    list.push(it);
    byStyle.set(it.style, list);
  }
  for (const [style, items] of byStyle) {
    // letters: Vietnamese order (a b c d đ e g …), or Word's Latin order when the whole list follows it
    let list = items;
    if (style === 'letter' && !fitsInOrder(items)) {
      const latin = items.map((it) => ({ ...it, value: LATIN.indexOf(it.shown) + 1 }));
      if (fitsInOrder(latin)) list = latin;
    }
    const real = list.filter((i) => !i.virtual);
    const delims = new Set(real.map((i) => i.delim));
    if (delims.size > 1) {
      const first = real[0]!;
      const odd = real.find((i) => i.delim !== first.delim)!;
      context.report({ range: odd.ref, messageId: 'mixed', severity: 'warn', data: { found: odd.raw, other: first.raw } });
    }
    const start = list[0]!;
    const continued = lastAt?.get(style);
    // a list that carries on from the previous one (I: 1, 2; II: 3, 4) is accepted only when it is itself in order
    const carriesOn = continued !== undefined && start.value === continued + 1 && list.every((it, k) => k === 0 || it.value === list[k - 1]!.value + 1);
    if (start.value !== 1 && !carriesOn && Number.isFinite(start.value) && !start.virtual && !quotesNamedClause(context, start)) {
      context.report({ range: start.ref, messageId: 'first', data: { found: start.raw, expected: render(style, 1, start) } });
    }
    let jumped = -1; // the item last reported as a gap or a stray label
    // the value the previous item stands for: a single slip stands for the value it should have (a wrong first label followed by 2 stands for 1)
    let was = start.value !== 1 && !carriesOn && !start.virtual && list[1]?.value === 2 ? 1 : start.value;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      const next = list[i + 1];
      if (!Number.isFinite(cur.value) || !Number.isFinite(was)) {
        was = cur.value;
        continue;
      }
      if (cur.stray) {
        context.report({ range: cur.ref, messageId: 'stray', data: { found: cur.raw, expected: cur.stray.expected, parent: cur.stray.after } });
        jumped = i;
        was = cur.value;
        continue;
      }
      if (cur.value === was + 1 || cur.virtual) {
        was = cur.value;
        continue;
      }
      // a list restarting at 1 right after a stray label ("17. Tổng Thư ký" for "Điều 17.") is that label's own list: one finding, not two
      if (cur.value === 1 && jumped === i - 1) {
        was = 1;
        continue;
      }
      // one wrong label between two right ones (II, IV, IV; V, V, VII): reported once, and the next one is read against the value it should have had
      const slip = next !== undefined && next.value === was + 2;
      if (slip) context.report({ range: cur.ref, messageId: 'wrong', data: { found: cur.raw, prev: prev.raw, next: next.raw, expected: render(style, was + 1, prev) } });
      else if (cur.value === was) context.report({ range: cur.ref, messageId: 'repeat', data: { found: cur.raw } });
      else if (cur.value < was) context.report({ range: cur.ref, messageId: 'backwards', data: { found: cur.raw, prev: prev.raw, expected: render(style, was + 1, prev) } });
      else {
        const missing: string[] = [];
        for (let v = was + 1; v < cur.value && missing.length < 4; v++) missing.push(render(style, v, prev));
        const more = cur.value - was - 1 > missing.length ? ', …' : '';
        const list = `${missing.join(', ')}${more}`;
        const text = context.lang === 'vi' ? `thiếu mục ${list}` : missing.length > 1 || more ? `items ${list} are missing` : `item ${list} is missing`;
        context.report({ range: cur.ref, messageId: 'gap', data: { found: cur.raw, prev: prev.raw, missing: text } });
        jumped = i;
      }
      was = slip ? was + 1 : cur.value;
    }
    lastAt?.set(style, was);
  }
}

function fitsInOrder(items: Item[]): boolean {
  return items.every((it, i) => Number.isFinite(it.value) && (i === 0 ? it.value === 1 : it.value === items[i - 1]!.value + 1));
}

const STT_HEAD = /^\s*(STT|TT|Số\s*TT|Số\s+thứ\s+tự)\s*$/iu;

function cellText(cell: CellNode | undefined): { p?: ParagraphNode; text: string } {
  const p = cell?.children.find((c): c is ParagraphNode => c.type === 'paragraph' && c.value.trim() !== '');
  return { p, text: p ? p.value.trim() : '' };
}

/** A table's STT column: a first column headed STT/TT, or holding 1, 2, 3 … in most rows. */
function checkTable(context: RuleContext, table: TableNode, carried: Map<string, number>): void {
  const rows = table.children;
  if (rows.length < 2) return;
  const firstCells = rows.map((r) => cellText(r.children[0]));
  const headed = STT_HEAD.test(firstCells[0]!.text);
  const body = headed ? firstCells.slice(1) : firstCells;
  const numeric = body.filter((c) => /^\d{1,3}\.?$/.test(c.text)).length;
  if (!headed && (rows.length < 3 || numeric < Math.max(3, body.length * 0.6))) return;
  const items: Item[] = [];
  const rowOf: number[] = []; // the row of each item
  rows.forEach((row, i) => {
    if (headed && i === 0) return;
    rowOf[items.length] = i;
    const cell = row.children[0];
    if (cell?.vMerge === 'continue') return;
    const { p, text } = cellText(cell);
    if (!p) return;
    const lead = p.value.indexOf(text);
    const ref: TextRef = { node: p, start: lead, end: lead + text.length };
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,3})\.?$/.exec(text))) items.push({ value: Number(m[1]), shown: m[1]!, ref, style: 'arabic', raw: text });
    else if ((m = /^([IVX]{1,6})\.?$/.exec(text))) items.push({ value: romanValue(m[1]!), shown: m[1]!, ref, style: 'roman', raw: text });
    else if ((m = /^(\d{1,2}(?:\.\d{1,2})+)\.?$/.exec(text))) {
      const parts = m[1]!.split('.');
      items.push({ value: Number(parts[parts.length - 1]), shown: m[1]!, ref, style: `hier:${parts.slice(0, -1).join('.')}`, raw: text });
    } else if (/^(?:[IVX]{1,6}|[A-Z])(?:\.\d{1,2})+\.?$|^[A-ZĐ]\.?$/u.test(text)) {
      // a group row ("III.1", "A"): it splits the runs like a Roman row, without a sequence of its own
      items.push({ value: NaN, shown: text, ref, style: 'group', raw: text });
    }
  });
  // a column of identifiers or figures, not a row count: values far beyond the number of rows
  if (items.some((it) => it.style === 'arabic' && it.value > 20 && it.value > rows.length * 3)) return;
  // an excerpt of a longer list (rows 161, 297, 464 … kept from a bigger table) is no sequence of its own
  const arabic = items.filter((i) => i.style === 'arabic');
  if (arabic.length >= 2 && arabic[0]!.value > 1 && arabic.every((it, k) => k === 0 || it.value > arabic[k - 1]!.value) && (arabic[arabic.length - 1]!.value - arabic[0]!.value) / (arabic.length - 1) > 2) return;
  // group rows (I, II …) split the Arabic rows into runs; a run may restart at 1 or continue the previous one
  const romans = items.filter((i) => i.style === 'roman');
  if (romans.length || items.some((i) => i.style === 'group')) {
    const lastAt = carried;
    let run: Item[] = [];
    const flush = (): void => {
      if (run.length) checkSequence(context, run, lastAt);
      run = [];
    };
    for (const it of items) {
      if (it.style === 'roman' || it.style === 'group') flush();
      else run.push(it);
    }
    flush();
    if (romans.length) checkSequence(context, romans);
    return;
  }
  checkSequence(context, items.slice(0, rankedHead(rows, items, rowOf)), carried);
}

const SCORE = /^\d{1,6}(?:[.,]\d{1,3})?$/;

/**
 * A ranking: the rows are ordered by a column of scores, and the first column is each row's rank, so a
 * top-N list may end with a row from further down ("15" after "10": the document's own province).
 * Returns how many items form the running list: all of them, or the ranks 1…k before such a tail.
 */
function rankedHead(rows: TableNode['children'], items: Item[], rowOf: number[]): number {
  let k = 0;
  while (k < items.length && items[k]!.style === 'arabic' && items[k]!.value === k + 1) k++;
  const tail = items.slice(k);
  if (k < 5 || !tail.length || tail.length > 3) return items.length;
  if (!tail.every((it, j) => it.style === 'arabic' && it.value > (j ? tail[j - 1]!.value : k))) return items.length;
  const cols = Math.max(...rows.map((r) => r.children.length));
  for (let c = 1; c < cols; c++) {
    const scores = items.map((_it, j) => {
      const t = cellText(rows[rowOf[j]!]!.children[c]).text;
      return SCORE.test(t) ? Number(t.replace(',', '.')) : NaN;
    });
    if (scores.some((x) => Number.isNaN(x))) continue;
    const down = scores.every((x, j) => j === 0 || x <= scores[j - 1]!);
    const up = scores.every((x, j) => j === 0 || x >= scores[j - 1]!);
    if ((down || up) && scores[0] !== scores[scores.length - 1]) return k;
  }
  return items.length;
}

/**
 * A first label that is the number of a clause the text has just named ("Tại khoản 8 Điều 6 … có nêu",
 * then "8. Được tham gia …"; "điểm c" then "c) …"): that clause quoted, not a list that starts at 8.
 */
function quotesNamedClause(context: RuleContext, item: Item): boolean {
  const word = item.style === 'arabic' ? 'khoản' : item.style === 'letter' ? 'điểm' : undefined;
  if (!word) return false;
  const paras = context.extract.paragraphs();
  const at = paras.indexOf(item.ref.node);
  if (at < 0) return false;
  // regex-safe: a word, spaces and a label (digits or one letter), anchored by its words
  const named = new RegExp(`(?<![\\p{L}])${word}\\s+${item.shown}(?![\\p{L}\\d])`, 'iu');
  // the paragraph of the label (before it) and the three before
  if (named.test(item.ref.node.value.slice(0, item.ref.start))) return true;
  return paras.slice(Math.max(0, at - 3), at).some((p) => named.test(p.value));
}

/** PHỤ LỤC 01, 02 … in order. */
function checkAppendices(context: RuleContext, nodes: PlanContent[]): void {
  const items: Item[] = [];
  for (const n of nodes) {
    if (n.type !== 'appendix' || !n.label) continue;
    const p = n.children[0] as ParagraphNode;
    const at = p.value.indexOf(n.label);
    const ref: TextRef = { node: p, start: Math.max(0, at), end: Math.max(0, at) + n.label.length };
    const roman = /^[IVX]+$/.test(n.label);
    items.push({ value: roman ? romanValue(n.label) : Number(n.label), shown: n.label, ref, style: roman ? 'roman' : 'arabic', raw: p.value.slice(0, ref.end).trim() });
  }
  if (items.length) checkSequence(context, items);
}
