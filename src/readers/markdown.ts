// Markdown and plain-text reader: unified with remark-parse for the prose, and our own pass for
// tab-separated tables (how tables arrive when copied out of Word).
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, RootContent, PhrasingContent, ListItem, List } from 'mdast';
import type { Block, CellBlock, Directive, ParaBlock, ReadDocument, TableBlock } from '../types.js';
import { lineStartsOf } from '../text/normalize.js';
import { assignOrdinals } from './blocks.js';
import { FatalError } from './errors.js';

interface Piece {
  text: string;
  offsets: number[]; // original offset of each char
}

const DIRECTIVE = /^<!--\s*plan-lint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->\s*$/;

const MAX_DEPTH = 100;

// GFM without its autolink literals: a bare URL is text in a plan either way (a link's text is read
// like any text), and that extension's scan is quadratic on long runs like ". . . . ." (minutes on
// 100,000 characters). So instead of remark-gfm, a small plugin hands remark-parse the other GFM parts.
function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown());
}
/** One processor for every file: parsing keeps no state between calls. */
const parser = unified().use(remarkParse).use(gfmWithoutAutolinks).freeze();

/** Quotes and lists nested thousands deep overflow any tree walk; plans never nest more than a few. */
function checkDepth(source: string): void {
  for (const m of source.matchAll(/^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)+/gm)) {
    const depth = (m[0].match(/>|[-+*]|\d{1,9}[.)]/g) ?? []).length;
    if (depth > MAX_DEPTH) throw new FatalError('too-deep', { what_vi: 'trích dẫn hoặc danh sách', what_en: 'quotes or lists', limit: MAX_DEPTH });
  }
}

export function readMarkdown(source: string, format: 'markdown' | 'text'): ReadDocument {
  checkDepth(source);
  const lineStarts = lineStartsOf(source);
  const tables = findTabTables(source, lineStarts);
  // Hide the tab tables from remark (a tab-indented line would be a code block)
  // by blanking them out; offsets stay the same.
  let masked = source;
  if (tables.length) {
    const chars = source.split('');
    for (const t of tables) for (let i = t.start; i < t.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    masked = chars.join('');
  }
  const tree = parser.parse(masked) as Root;
  const directives: Directive[] = [];
  const out: { offset: number; block: Block }[] = [];
  const tableCounter = { n: 0 };

  const walk = (nodes: RootContent[], sink: (offset: number, b: Block) => void): void => {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      switch (node.type) {
        case 'heading':
          collectPara(node.children, source, (pieces) => emitTo(sink, pieces, start, { headingLevel: node.depth }), directives);
          break;
        case 'paragraph':
          collectPara(node.children, source, (pieces) => emitTo(sink, pieces, start), directives);
          break;
        case 'list':
          walkList(node, sink);
          break;
        case 'blockquote':
          walk(node.children, sink);
          break;
        case 'code': {
          // indented plain text is prose in a plan, not code
          const s = node.position!.start.offset!;
          const e = node.position!.end.offset!;
          emitTo(sink, [slicePiece(source, s, e)], s);
          break;
        }
        case 'html': {
          const m = DIRECTIVE.exec(node.value.trim());
          if (m) directives.push(toDirective(m, node.position!.start.line));
          break;
        }
        case 'table': {
          const t: TableBlock = { kind: 'table', rows: [], index: tableCounter.n++, startLine: node.position?.start.line };
          for (const row of node.children) {
            const cells: CellBlock[] = [];
            for (const cell of row.children) {
              const blocks: Block[] = [];
              const cs = cell.position?.start.offset ?? 0;
              collectPara(cell.children, source, (pieces) => {
                const b = makePara(pieces, cs);
                if (b) blocks.push(b);
              });
              cells.push({ blocks });
            }
            t.rows.push({ cells });
          }
          sink(start, t);
          break;
        }
        default:
          break;
      }
    }
  };

  const emitTo = (sink: (offset: number, b: Block) => void, pieces: Piece[], offset: number, extra: Partial<ParaBlock> = {}): void => {
    const b = makePara(pieces, offset, extra);
    if (b) sink(offset, b);
  };

  const walkList = (list: List, sink: (offset: number, b: Block) => void): void => {
    for (const item of list.children) walkItem(item, sink);
  };

  const walkItem = (item: ListItem, sink: (offset: number, b: Block) => void): void => {
    const s = item.position!.start.offset!;
    // the marker as written ("1.", "-", "+") with the space after it: the label is read from the source
    const m = /^(\s*)([-+*]|\d{1,3}[.)])([ \t]+|$)/.exec(source.slice(s, s + 12));
    let first = true;
    for (const child of item.children) {
      if (child.type === 'paragraph' && first && m) {
        const markerStart = s + m[1]!.length;
        const marker = slicePiece(source, markerStart, markerStart + m[2]!.length);
        const space: Piece = { text: ' ', offsets: [markerStart + m[2]!.length] };
        collectPara(child.children, source, (pieces) =>
          emitTo(sink, [marker, space, ...pieces], s, { labelEnd: m[2]!.length, listItem: true }),
          directives,
        );
      } else if (child.type === 'list') walkList(child, sink);
      else walk([child], sink);
      first = false;
    }
  };

  walk(tree.children, (offset, block) => out.push({ offset, block }));
  for (const t of tables) out.push({ offset: t.start, block: t.block });
  out.sort((a, b) => a.offset - b.offset);
  const blocks = out.map((o) => o.block);
  assignOrdinals(blocks, 1, true);
  return { format, blocks, footnotes: [], comments: [], directives, lineStarts };
}

function toDirective(m: RegExpExecArray, line: number): Directive {
  // a "-- reason" on the last line ends the list (a scan, not /--.*$/: that is quadratic on "- - - …")
  let list = m[2]!;
  const dash = list.indexOf('--', list.lastIndexOf('\n') + 1);
  if (dash >= 0) list = list.slice(0, dash);
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as Directive['kind'], rules, line };
}

function makePara(pieces: Piece[], offset: number, extra: Partial<ParaBlock> = {}): ParaBlock | undefined {
  const text = pieces.map((p) => p.text).join('');
  if (!text.trim()) return undefined;
  const offsets: number[] = [];
  for (const p of pieces) for (const o of p.offsets) offsets.push(o);
  offsets.push(offsets.length ? offsets[offsets.length - 1]! + 1 : offset);
  return { kind: 'p', raw: text, map: { kind: 'text', offsets: Int32Array.from(offsets) }, loc: { ordinal: 0 }, ...extra };
}

function slicePiece(source: string, s: number, e: number): Piece {
  const offsets: number[] = [];
  for (let i = s; i < e; i++) offsets.push(i);
  return { text: source.slice(s, e), offsets };
}

/** Flatten inline Markdown into text with an offset for every character. */
function collectPara(children: PhrasingContent[], source: string, done: (pieces: Piece[]) => void, directives?: Directive[]): void {
  const pieces: Piece[] = [];
  const visit = (nodes: PhrasingContent[]): void => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
        case 'inlineCode': {
          const s = n.position?.start.offset;
          const e = n.position?.end.offset;
          if (s === undefined || e === undefined) {
            pieces.push({ text: n.value, offsets: Array(n.value.length).fill(0) });
            break;
          }
          pieces.push(align(n.value, source, s, e));
          break;
        }
        case 'break': {
          const s = n.position?.start.offset ?? 0;
          pieces.push({ text: '\n', offsets: [s] });
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          visit(n.children as PhrasingContent[]);
          break;
        case 'html': {
          const m = directives && n.position ? DIRECTIVE.exec(n.value.trim()) : null;
          if (m) directives!.push(toDirective(m, n.position!.start.line));
          // a line break written as HTML (tables and pages converted from the web): a line of its own
          else if (/^<br\s*\/?>$/iu.test(n.value.trim())) pieces.push({ text: '\n', offsets: [n.position?.start.offset ?? 0] });
          break;
        }
        default:
          break;
      }
    }
  };
  visit(children);
  done(pieces);
}

/**
 * Map each character of a node's value to the source. Usually the value is the
 * source slice itself; escapes and stripped indentation make it shorter, so we
 * walk both and match characters in order.
 */
function align(value: string, source: string, s: number, e: number): Piece {
  if (e - s === value.length && source.startsWith(value, s)) return slicePiece(source, s, e);
  const offsets: number[] = [];
  let j = s;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    let k = j;
    while (k < e && source[k] !== ch) k++;
    if (k < e) {
      offsets.push(k);
      j = k + 1;
    } else offsets.push(Math.min(j, e - 1));
  }
  return { text: value, offsets };
}

interface TabTable {
  start: number;
  end: number;
  block: TableBlock;
}

/**
 * A block of tab-separated lines is a table; a line whose first cell is empty
 * continues the previous row. Blank lines inside the block are allowed when the
 * next non-blank line is again tab-separated.
 */
function findTabTables(source: string, lineStarts: number[]): TabTable[] {
  const lines = lineStarts.map((s, i) => {
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : source.length;
    let text = source.slice(s, end);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { start: s, text };
  });
  const isTab = (t: string): boolean => t.includes('\t') && t.replace(/\t/g, '').trim().length > 0 && !/^\s*<!--/.test(t);
  const out: TabTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTab(lines[i]!.text) || /^\t/.test(lines[i]!.text)) {
      i++;
      continue;
    }
    const rowsIdx: number[] = [];
    let j = i;
    while (j < lines.length) {
      if (isTab(lines[j]!.text)) {
        rowsIdx.push(j);
        j++;
        continue;
      }
      if (lines[j]!.text.trim() === '') {
        let k = j;
        while (k < lines.length && lines[k]!.text.trim() === '') k++;
        if (k < lines.length && isTab(lines[k]!.text)) {
          j = k;
          continue;
        }
      }
      break;
    }
    if (rowsIdx.length >= 2) {
      const block: TableBlock = { kind: 'table', rows: [], index: 0, startLine: i + 1 };
      for (const li of rowsIdx) {
        const line = lines[li]!;
        const cellsText = splitCells(line.text, line.start);
        const continuation = cellsText[0]!.text.trim() === '' && block.rows.length > 0;
        if (continuation) {
          const prev = block.rows[block.rows.length - 1]!;
          cellsText.forEach((c, ci) => {
            if (!c.text.trim()) return;
            while (prev.cells.length <= ci) prev.cells.push({ blocks: [] });
            const b = makePara([c], c.offsets[0] ?? line.start);
            if (b) prev.cells[ci]!.blocks.push(b);
          });
        } else {
          block.rows.push({
            cells: cellsText.map((c) => {
              const b = makePara([c], c.offsets[0] ?? line.start);
              return { blocks: b ? [b] : [] };
            }),
          });
        }
      }
      const lastLine = lines[rowsIdx[rowsIdx.length - 1]!]!;
      out.push({ start: lines[i]!.start, end: lastLine.start + lastLine.text.length, block });
      i = rowsIdx[rowsIdx.length - 1]! + 1;
    } else i = j > i ? j : i + 1;
  }
  return out;
}

function splitCells(text: string, base: number): Piece[] {
  const cells: Piece[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      cells.push(slicePiece(text, s, i));
      cells[cells.length - 1]!.offsets = cells[cells.length - 1]!.offsets.map((o) => o + base);
      s = i + 1;
    }
  }
  return cells;
}

