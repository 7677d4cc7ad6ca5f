// Markdown and plain-text reader. Plans are mostly plain paragraphs, headings and one-line list
// items: those are read by a linear-time reader of that subset (markdown-plain.ts); a file with
// anything else is read by unified + remark-parse (markdown-remark.ts), which gives the same blocks
// on the subset. Tab-separated tables (how tables arrive when copied out of Word) are read by our
// own pass (tab-tables.ts) and hidden from both.
import type { Block, ReadDocument } from '../types.js';
import { lineStartsOf } from '../text/normalize.js';
import { assignOrdinals } from './blocks.js';
import { FatalError } from './errors.js';
import { readPlainMarkdown } from './markdown-plain.js';
import { readWithRemark, type MarkdownBlocks } from './markdown-remark.js';
import { findTabTables, maskTables, type TabTable } from './tab-tables.js';

const MAX_DEPTH = 100;

/** The markers (quote, bullet, number) that open a line, and the regex that counts them. */
const MARKERS_AT_LINE_START = /[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)+/y;
const MARKER = />|[-+*]|\d{1,9}[.)]/g;

/** Quotes and lists nested thousands deep overflow any tree walk; plans never nest more than a few. */
function checkDepth(source: string, lineStarts: number[]): void {
  // lines start after "\n" (lineStarts), and for both readers also after a lone CR, U+2028, U+2029
  const starts = /\r(?!\n)|[\u2028\u2029]/.test(source) ? [...source.matchAll(/^/gm)].map((m) => m.index) : lineStarts;
  for (const at of starts) {
    MARKERS_AT_LINE_START.lastIndex = at;
    const m = MARKERS_AT_LINE_START.exec(source);
    // each marker is at least one character: a short run cannot be too deep
    if (!m || m[0].length <= MAX_DEPTH) continue;
    const depth = (m[0].match(MARKER) ?? []).length;
    if (depth > MAX_DEPTH) throw new FatalError('too-deep', { what_vi: 'trích dẫn hoặc danh sách', what_en: 'quotes or lists', limit: MAX_DEPTH });
  }
}

/** Which reading: the subset reader when it can (the default), or one of the two alone (tests, bench). */
export type MarkdownPath = 'auto' | 'plain' | 'remark';

export function readMarkdown(source: string, format: 'markdown' | 'text'): ReadDocument {
  return readMarkdownVia(source, format, 'auto')!;
}

/**
 * Read with the given path; 'plain' returns undefined when the subset reader declines the file.
 */
export function readMarkdownVia(source: string, format: 'markdown' | 'text', path: MarkdownPath): ReadDocument | undefined {
  const lineStarts = lineStartsOf(source);
  checkDepth(source, lineStarts);
  const tables = findTabTables(source, lineStarts);
  let read: MarkdownBlocks | undefined;
  if (path !== 'remark') {
    read = readPlainMarkdown(source, lineStarts, tableLines(tables, lineStarts));
    if (!read && path === 'plain') return undefined;
  }
  // remark-parse would read a tab-indented line as code: the tables are blanked out, offsets kept
  read ??= readWithRemark(source, maskTables(source, tables));
  const out = read.out;
  for (const t of tables) out.push({ offset: t.start, block: t.block });
  out.sort((a, b) => a.offset - b.offset);
  const blocks: Block[] = out.map((o) => o.block);
  assignOrdinals(blocks, 1, true);
  return { format, blocks, footnotes: [], comments: [], directives: read.directives, lineStarts };
}

/** For each line, 1 when it lies in a tab table (null when there is none). */
function tableLines(tables: TabTable[], lineStarts: number[]): Uint8Array | null {
  if (!tables.length) return null;
  const marks = new Uint8Array(lineStarts.length);
  let li = 0;
  for (const t of tables) {
    while (li < lineStarts.length && lineStarts[li]! < t.start) li++;
    while (li < lineStarts.length && lineStarts[li]! <= t.end) marks[li++] = 1;
  }
  return marks;
}
