// From a range in a paragraph's analysed (NFC) text to line/column in the file.
import type { LintMessage, ParagraphNode, TextRef } from '../types.js';
import { nfcIndexToRaw, offsetToPoint } from '../text/normalize.js';

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  location: NonNullable<LintMessage['location']>;
  internal: NonNullable<LintMessage['internal']>;
  /** Offsets in the decoded file text (text input), for fixes. */
  fileRange?: [number, number];
}

export function locate(ref: TextRef, lineStarts: number[] | undefined): Located {
  const { node, start, end } = ref;
  const rawStart = nfcIndexToRaw(node.nfcToRaw, start);
  const rawEnd = Math.max(rawStart, nfcIndexToRaw(node.nfcToRaw, end, true));
  const text = node.value.slice(start, end);
  const location: Located['location'] = { paragraph: node.loc.ordinal };
  if (node.path) location.section = node.path;
  if (node.loc.table) location.table = { table: node.loc.table.table + 1, row: node.loc.table.row + 1, cell: node.loc.table.cell + 1 };
  const internal = { docxIndex: node.loc.docxIndex, part: node.loc.part, start, end, rawStart, rawEnd };
  if (node.map.kind === 'text' && lineStarts) {
    const offs = node.map.offsets;
    const so = offs[Math.min(rawStart, offs.length - 1)]!;
    const eo = rawEnd > rawStart ? offs[Math.min(rawEnd - 1, offs.length - 1)]! + 1 : so;
    const s = offsetToPoint(lineStarts, so);
    const e = offsetToPoint(lineStarts, eo);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column, text, location, internal, fileRange: [so, eo] };
  }
  return { line: node.loc.ordinal, column: start + 1, endLine: node.loc.ordinal, endColumn: end + 1, text, location, internal };
}

/** The whole text of a paragraph as a range (trimmed). */
export function wholeParagraph(node: ParagraphNode): TextRef {
  const lead = /^\s*/.exec(node.value)![0].length;
  return { node, start: lead, end: Math.max(lead, node.value.trimEnd().length) };
}
