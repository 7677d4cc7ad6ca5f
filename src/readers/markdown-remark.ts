// The reference Markdown reading: unified with remark-parse (the design card's packages), the
// mdast tree flattened into paragraphs with the source offset of every character.
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
import type { Block, CellBlock, Directive, ParaBlock, TableBlock } from '../types.js';
import { directiveOf } from './markdown-directive.js';
import { makePara, slicePiece, type Piece } from './pieces.js';

/** Blocks with the source offset they start at (for merging with the tab tables), and the directives. */
export interface MarkdownBlocks {
  out: { offset: number; block: Block }[];
  directives: Directive[];
}

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

/**
 * Read `masked` (the source with its tab tables blanked out, same offsets) with remark-parse;
 * paragraph text and offsets are taken against `source`.
 */
export function readWithRemark(source: string, masked: string): MarkdownBlocks {
  const tree = parser.parse(masked) as Root;
  const directives: Directive[] = [];
  const out: { offset: number; block: Block }[] = [];
  const tableCounter = { n: 0 };
  const addDirective = (html: string, line: number): boolean => {
    const d = directiveOf(html, line);
    if (d) directives.push(d);
    return d !== undefined;
  };

  const walk = (nodes: RootContent[], sink: (offset: number, b: Block) => void): void => {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      switch (node.type) {
        case 'heading':
          collectPara(node.children, source, (pieces) => emitTo(sink, pieces, start, { headingLevel: node.depth }), addDirective);
          break;
        case 'paragraph':
          collectPara(node.children, source, (pieces) => emitTo(sink, pieces, start), addDirective);
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
        case 'html':
          addDirective(node.value, node.position!.start.line);
          break;
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
        const space: Piece = { text: ' ', start: markerStart + m[2]!.length };
        collectPara(child.children, source, (pieces) =>
          emitTo(sink, [marker, space, ...pieces], s, { labelEnd: m[2]!.length, listItem: true }),
          addDirective,
        );
      } else if (child.type === 'list') walkList(child, sink);
      else walk([child], sink);
      first = false;
    }
  };

  walk(tree.children, (offset, block) => out.push({ offset, block }));
  return { out, directives };
}

/** Flatten inline Markdown into text with an offset for every character. */
function collectPara(
  children: PhrasingContent[],
  source: string,
  done: (pieces: Piece[]) => void,
  addDirective?: (html: string, line: number) => boolean,
): void {
  const pieces: Piece[] = [];
  const visit = (nodes: PhrasingContent[]): void => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
        case 'inlineCode': {
          const s = n.position?.start.offset;
          const e = n.position?.end.offset;
          if (s === undefined || e === undefined) {
            pieces.push({ text: n.value, start: 0, offsets: new Int32Array(n.value.length) });
            break;
          }
          pieces.push(align(n.value, source, s, e));
          break;
        }
        case 'break': {
          const s = n.position?.start.offset ?? 0;
          pieces.push({ text: '\n', start: s });
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
          const isDirective = addDirective !== undefined && n.position !== undefined && addDirective(n.value, n.position.start.line);
          // a line break written as HTML (tables and pages converted from the web): a line of its own
          if (!isDirective && /^<br\s*\/?>$/iu.test(n.value.trim())) pieces.push({ text: '\n', start: n.position?.start.offset ?? 0 });
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
  if (e - s === value.length && source.startsWith(value, s)) return { text: value, start: s };
  const offsets = new Int32Array(value.length);
  let j = s;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    let k = j;
    while (k < e && source.charCodeAt(k) !== ch) k++;
    if (k < e) {
      offsets[i] = k;
      j = k + 1;
    } else offsets[i] = Math.min(j, e - 1);
  }
  return { text: value, start: s, offsets };
}
