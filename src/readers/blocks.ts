// Helpers over the blocks a reader produces.
import type { Block } from '../types.js';

/**
 * Number paragraphs first, first+1… in reading order, table cells included, and give each its table
 * coordinates; with `renumberTables`, tables are numbered in reading order too. Returns the next number.
 */
export function assignOrdinals(blocks: Block[], first: number, renumberTables = false): number {
  let n = first;
  let t = 0;
  const walk = (list: Block[], coord?: { table: number; row: number; cell: number }): void => {
    for (const b of list) {
      if (b.kind === 'p') {
        b.loc.ordinal = n++;
        if (coord) b.loc.table = coord;
      } else {
        if (renumberTables) b.index = t++;
        b.rows.forEach((row, r) => row.cells.forEach((cell, c) => walk(cell.blocks, { table: b.index, row: r, cell: c })));
      }
    }
  };
  walk(blocks);
  return n;
}
