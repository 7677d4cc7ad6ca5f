// Paragraph text assembled from pieces of the source, with the source offset of every character.
import type { ParaBlock } from '../types.js';

/**
 * A run of paragraph text. When `offsets` is absent the piece is a slice of the source and its
 * k-th character stands at `start + k`; otherwise `offsets[k]` gives it (text rewritten by a parser).
 */
export interface Piece {
  text: string;
  start: number;
  offsets?: ArrayLike<number>;
}

/** The piece for source[s, e): no per-character array. */
export function slicePiece(source: string, s: number, e: number): Piece {
  return { text: source.slice(s, e), start: s };
}

/**
 * A paragraph block from its pieces, or undefined when it holds only white space. The map has one
 * entry per character plus one for the end (just after the last character).
 */
export function makePara(pieces: Piece[], offset: number, extra: Partial<ParaBlock> = {}): ParaBlock | undefined {
  let text = '';
  for (const p of pieces) text += p.text;
  if (!text.trim()) return undefined;
  const offsets = new Int32Array(text.length + 1);
  let k = 0;
  for (const p of pieces) {
    const n = p.text.length;
    if (p.offsets) for (let i = 0; i < n; i++) offsets[k++] = p.offsets[i]!;
    else for (let i = 0; i < n; i++) offsets[k++] = p.start + i;
  }
  offsets[k] = k ? offsets[k - 1]! + 1 : offset;
  return paraBlock(text, offsets, extra);
}

/** The one place a reader's paragraph object is shaped (the same keys in the same order). */
export function paraBlock(raw: string, offsets: Int32Array, extra: Partial<ParaBlock> = {}): ParaBlock {
  return { kind: 'p', raw, map: { kind: 'text', offsets }, loc: { ordinal: 0 }, ...extra };
}
