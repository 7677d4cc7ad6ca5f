// Tab-separated tables in Markdown and text plans (how tables arrive when copied out of Word).
import type { TableBlock } from '../types.js';
import { makePara, type Piece } from './pieces.js';

export interface TabTable {
  start: number; // offset of the first row's line
  end: number; // end of the last row's text (before its line ending)
  block: TableBlock;
}

/**
 * A block of tab-separated lines is a table; a line whose first cell is empty
 * continues the previous row. Blank lines inside the block are allowed when the
 * next non-blank line is again tab-separated.
 */
export function findTabTables(source: string, lineStarts: number[]): TabTable[] {
  if (source.indexOf('\t') < 0) return [];
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
            const b = makePara([c], c.start);
            if (b) prev.cells[ci]!.blocks.push(b);
          });
        } else {
          block.rows.push({
            cells: cellsText.map((c) => {
              const b = makePara([c], c.start);
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

/** The cells of one row: the line's text between tabs, each with its offset in the source. */
function splitCells(text: string, base: number): Piece[] {
  const cells: Piece[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 9) {
      cells.push({ text: text.slice(s, i), start: base + s });
      s = i + 1;
    }
  }
  return cells;
}

/** The source with every table's characters (not its line endings) turned into spaces: offsets stay. */
export function maskTables(source: string, tables: TabTable[]): string {
  if (!tables.length) return source;
  let out = '';
  let at = 0;
  for (const t of tables) {
    out += source.slice(at, t.start) + source.slice(t.start, t.end).replace(/[^\r\n]/g, ' ');
    at = t.end;
  }
  return out + source.slice(at);
}
