// A linear-time reader for the Markdown that plans are written in: paragraphs separated by blank
// lines, with soft and hard line breaks; ATX headings; **strong** and *emphasis* (and __, _) where
// the delimiters can only pair one way; one-line bullet and ordered list items; indented lines;
// plan-lint directives on lines of their own. It gives exactly the blocks that the remark-parse
// reading gives (markdown-remark.ts). On anything else, or anything whose reading it is not sure
// of, it declines (returns undefined) and the file is read by remark-parse: links, images, code
// spans, backslash escapes, entities, HTML, pipe tables, block quotes, fences, setext headings,
// thematic breaks, lazy continuation, nested lists, list items that interrupt a paragraph…
// The commonest are found by one search before any reading, the others at their line, so a declined
// file costs little more than remark-parse's reading.
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Block, Directive, ParaBlock } from '../types.js';
import type { MarkdownBlocks } from './markdown-remark.js';
import { directiveOf } from './markdown-directive.js';
import { paraBlock } from './pieces.js';

const SPACE = 32;
const TAB = 9;
const CR = 13;
const STAR = 42;
const UNDERSCORE = 95;

/** Thrown (one shared object) when the file is outside the subset; caught in readPlainMarkdown. */
const DECLINE = { declined: true };

// ---- the text of the paragraph being built, as segments of the source ----
// Each segment is (start, end): source[start, end). A synthetic character is (offset, -1) for a
// "\n" (a hard break, standing at its first trailing space) or (offset, -2) for the " " after a
// list marker. One buffer for the whole process: reading is synchronous.
let segs: Int32Array = new Int32Array(256);
let nSegs = 0;

/** A buffer twice as long with the same start. */
function grow(a: Int32Array): Int32Array {
  const g = new Int32Array(a.length * 2);
  g.set(a);
  return g;
}

function pushSeg(start: number, end: number): void {
  if (nSegs * 2 + 2 > segs.length) segs = grow(segs);
  segs[nSegs * 2] = start;
  segs[nSegs * 2 + 1] = end;
  nSegs++;
}

/** The paragraph made of the current segments (undefined when it is only white space). */
function buildPara(source: string, extra?: Partial<ParaBlock>): ParaBlock | undefined {
  let raw = '';
  for (let i = 0; i < nSegs; i++) {
    const s = segs[i * 2]!;
    const e = segs[i * 2 + 1]!;
    if (e === -1) raw += '\n';
    else if (e === -2) raw += ' ';
    else raw += source.slice(s, e);
  }
  if (!raw.trim()) return undefined;
  const offsets = new Int32Array(raw.length + 1);
  let k = 0;
  for (let i = 0; i < nSegs; i++) {
    const s = segs[i * 2]!;
    const e = segs[i * 2 + 1]!;
    if (e < 0) offsets[k++] = s;
    else for (let o = s; o < e; o++) offsets[k++] = o;
  }
  offsets[k] = offsets[k - 1]! + 1;
  return paraBlock(raw, offsets, extra);
}

// ---- inline content: the lines of one paragraph, heading or list item ----
// Line i of the block is source[lineFrom[i], lineTo[i]) (without its indentation and trailing white
// space). breakAt[i] says what joins it to the next line: -(s + 1) for a hard break whose first
// trailing space is at s (two or more spaces before the line ending), else a soft break (the line
// ending as written, source[lineEnd[i], nextLine[i])).
let lineFrom: Int32Array = new Int32Array(64);
let lineTo: Int32Array = new Int32Array(64);
let breakAt: Int32Array = new Int32Array(64);
let lineEnd: Int32Array = new Int32Array(64); // where the line ending starts
let nextLine: Int32Array = new Int32Array(64); // start of the next line
let nLines = 0;

function pushLine(from: number, to: number, brk: number, end: number, next: number): void {
  if (nLines === lineFrom.length) {
    lineFrom = grow(lineFrom);
    lineTo = grow(lineTo);
    breakAt = grow(breakAt);
    lineEnd = grow(lineEnd);
    nextLine = grow(nextLine);
  }
  lineFrom[nLines] = from;
  lineTo[nLines] = to;
  breakAt[nLines] = brk;
  lineEnd[nLines] = end;
  nextLine[nLines] = next;
  nLines++;
}

// delimiter runs of * and _ found in the block: start and length; the ones that pair are removed
let runStart: Int32Array = new Int32Array(64);
let runLen: Int32Array = new Int32Array(64);
let runRemoved: Uint8Array = new Uint8Array(64);
let nRuns = 0;
// the stack of open runs (indices into the run arrays)
let stack: Int32Array = new Int32Array(64);

function pushRun(start: number, len: number): number {
  if (nRuns === runStart.length) {
    runStart = grow(runStart);
    runLen = grow(runLen);
    stack = grow(stack);
    const removed = new Uint8Array(nRuns * 2);
    removed.set(runRemoved);
    runRemoved = removed;
  }
  runStart[nRuns] = start;
  runLen[nRuns] = len;
  return nRuns++;
}

/** Characters that start something other than plain text inside a line (and * and _). */
const INLINE_SPECIAL = /[*_[`\\<~|&]/g;
// A file with no "]" has no link, image, footnote, task box or reference definition: a "[" in it is
// text (micromark's label start never closes), so it is read here rather than declined.
const INLINE_SPECIAL_NO_LABELS = /[*_`\\<~|&]/g;
let inlineSpecial = INLINE_SPECIAL;
// The last search: no special character in [searchedFrom, foundAt). Lines are scanned in order, so
// a search that ran past a line's end answers the next lines too (no rescanning: linear time).
let searchedFrom = 0;
let foundAt = -1;

/** The first special character at or after `from` (source.length when there is none). */
function nextSpecial(source: string, from: number): number {
  if (from >= searchedFrom && from <= foundAt) return foundAt;
  inlineSpecial.lastIndex = from;
  const m = inlineSpecial.exec(source);
  searchedFrom = from;
  foundAt = m ? m.index : source.length;
  return foundAt;
}

/** micromark's class of a character next to a delimiter run: 1 white space, 2 punctuation, 0 other. */
function classOf(code: number): number {
  // a lone half of a surrogate pair is classed differently by code unit and by code point
  if (code >= 0xd800 && code <= 0xdfff) throw DECLINE;
  return classifyCharacter(code) ?? 0;
}

/**
 * Scan the block's lines for inline constructs: decline on any outside the subset, pair the * and _
 * runs (only when the pairing is certain), then append the kept text to the segments.
 */
function inline(source: string): void {
  nRuns = 0;
  let depth = 0;
  let openStar = 0;
  let openUnder = 0;
  for (let li = 0; li < nLines; li++) {
    const from = lineFrom[li]!;
    const to = lineTo[li]!;
    let scan = from;
    for (;;) {
      const at = nextSpecial(source, scan);
      if (at >= to) break;
      scan = at + 1;
      const c = source.charCodeAt(at);
      if (c === 38) {
        // "&" starts a character reference only before "#" or a letter
        const n = at + 1 < to ? source.charCodeAt(at + 1) : SPACE;
        if (n === 35 || (n >= 65 && n <= 90) || (n >= 97 && n <= 122)) throw DECLINE;
        continue;
      }
      if (c !== STAR && c !== UNDERSCORE) throw DECLINE;
      let end = at + 1;
      while (end < to && source.charCodeAt(end) === c) end++;
      scan = end;
      const before = at > from ? source.charCodeAt(at - 1) : SPACE;
      const after = end < to ? source.charCodeAt(end) : SPACE;
      // a * run touching a _ run: micromark counts the other marker as opening/closing
      if (before === STAR || before === UNDERSCORE || after === STAR || after === UNDERSCORE) throw DECLINE;
      const cb = classOf(before);
      const ca = classOf(after);
      // micromark's attention: left/right-flanking, with _ stricter inside words
      const leftFlank = ca === 0 || (ca === 2 && cb !== 0);
      const rightFlank = cb === 0 || (cb === 2 && ca !== 0);
      const open = c === STAR ? leftFlank : leftFlank && (cb !== 0 || !rightFlank);
      const close = c === STAR ? rightFlank : rightFlank && (ca !== 0 || !leftFlank);
      if (!open && !close) continue; // literal text
      const len = end - at;
      if (open && close) throw DECLINE; // pairs either way (rule of three, partial matches)
      // (runs of equal length pair whole, whatever the length: "***" … "***" is strong emphasis)
      const r = pushRun(at, len);
      runRemoved[r] = 0;
      if (open) {
        stack[depth++] = r;
        if (c === STAR) openStar++;
        else openUnder++;
        continue;
      }
      // a closer: pairs with the innermost opener of its marker; only when that is the top of the
      // stack and of the same length is the pairing whole and nested
      const opensOfMarker = c === STAR ? openStar : openUnder;
      if (opensOfMarker === 0) continue; // nothing to close: text
      const top = stack[depth - 1]!;
      if (source.charCodeAt(runStart[top]!) !== c || runLen[top] !== len) throw DECLINE;
      depth--;
      if (c === STAR) openStar--;
      else openUnder--;
      runRemoved[top] = 1;
      runRemoved[r] = 1;
    }
  }
  // openers left unpaired stay as text
  let ri = 0;
  for (let li = 0; li < nLines; li++) {
    let from = lineFrom[li]!;
    const to = lineTo[li]!;
    while (ri < nRuns && runStart[ri]! < to) {
      if (runRemoved[ri]) {
        if (runStart[ri]! > from) pushSeg(from, runStart[ri]!);
        from = runStart[ri]! + runLen[ri]!;
      }
      ri++;
    }
    if (to > from) pushSeg(from, to);
    if (li + 1 < nLines) {
      if (breakAt[li]! < 0) pushSeg(-breakAt[li]! - 1, -1); // hard break: "\n" at its first space
      else pushSeg(lineEnd[li]!, nextLine[li]!); // soft break: the line ending as written
    }
  }
}

// ---- block structure ----

const enum Kind {
  Blank,
  Para,
  Heading,
  Item,
  EmptyItem,
  Directive,
}

/**
 * Read `source` when it is entirely within the subset; `tableLine[i]` marks the lines of tab tables
 * (read elsewhere; blank here, as they are blanked out for remark-parse).
 */
export function readPlainMarkdown(source: string, lineStarts: number[], tableLine: Uint8Array | null): MarkdownBlocks | undefined {
  // a byte-order mark, NUL or a lone CR: micromark rewrites or splits on them
  if (source.charCodeAt(0) === 0xfeff || source.indexOf('\0') >= 0) return undefined;
  if (source.indexOf('\r') >= 0 && /\r(?!\n)/.test(source)) return undefined;
  inlineSpecial = source.indexOf(']') < 0 ? INLINE_SPECIAL_NO_LABELS : INLINE_SPECIAL;
  if (holdsDeclined(source, lineStarts, tableLine)) return undefined;
  searchedFrom = 0;
  foundAt = -1;
  try {
    return readLines(source, lineStarts, tableLine);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  } finally {
    nSegs = 0;
    nLines = 0;
  }
}

/** Characters the reader declines wherever they stand (outside tab tables): a cheap first look. */
const DECLINED_ANYWHERE = /[[`\\~|]/g;
const DECLINED_ANYWHERE_NO_LABELS = /[`\\~|]/g;

/**
 * Whether a link bracket, backtick, backslash, tilde or pipe stands outside the tab tables: such a
 * file is declined before any reading (the reader would decline it at that character anyway, or
 * keep it in an indented line; declining the rare indented one too costs only remark's reading).
 */
function holdsDeclined(source: string, lineStarts: number[], tableLine: Uint8Array | null): boolean {
  const declined = inlineSpecial === INLINE_SPECIAL ? DECLINED_ANYWHERE : DECLINED_ANYWHERE_NO_LABELS;
  declined.lastIndex = 0;
  let li = 0;
  for (let m = declined.exec(source); m; m = declined.exec(source)) {
    if (!tableLine) return true;
    while (li + 1 < lineStarts.length && lineStarts[li + 1]! <= m.index) li++;
    if (!tableLine[li]) return true;
    // skip the rest of this table line
    declined.lastIndex = li + 1 < lineStarts.length ? lineStarts[li + 1]! : source.length;
  }
  return false;
}

function readLines(source: string, lineStarts: number[], tableLine: Uint8Array | null): MarkdownBlocks {
  const out: { offset: number; block: Block }[] = [];
  const directives: Directive[] = [];
  const n = lineStarts.length;

  // the paragraph being gathered (its lines are in the line buffers)
  let paraStart = -1;
  // after a list item: the lines that may follow it are constrained until the list ends
  let inList = false;
  let prevItem = false; // the previous line was a list item
  let itemMarker = 0; // "-", "+", "*" or the delimiter ("." or ")") of that item
  // an indented code block: its start and the end of its last non-blank line
  let codeStart = -1;
  let codeEnd = -1;

  const flushPara = (): void => {
    if (paraStart < 0) return;
    nSegs = 0;
    inline(source);
    const b = buildPara(source);
    if (b) out.push({ offset: paraStart, block: b });
    paraStart = -1;
    nLines = 0;
  };
  const flushCode = (): void => {
    if (codeStart < 0) return;
    nSegs = 0;
    pushSeg(codeStart, codeEnd);
    const b = buildPara(source);
    if (b) out.push({ offset: codeStart, block: b });
    codeStart = -1;
  };

  for (let li = 0; li < n; li++) {
    const ls = lineStarts[li]!;
    const next = li + 1 < n ? lineStarts[li + 1]! : source.length;
    let le = li + 1 < n ? next - 1 : source.length; // the line ending's start
    if (le > ls && source.charCodeAt(le - 1) === CR) le--;

    // leading spaces (a tab in them: columns; declined)
    let p = ls;
    while (p < le && source.charCodeAt(p) === SPACE) p++;
    let te = le;
    while (te > p && (source.charCodeAt(te - 1) === SPACE || source.charCodeAt(te - 1) === TAB)) te--;
    const blank = te === p && (p === le || isBlankRest(source, p, le));

    if (blank || (tableLine && tableLine[li])) {
      if (codeStart >= 0) {
        if (tableLine && tableLine[li]) throw DECLINE; // an indented block across a table
        // a white line of four columns or more belongs to the indented block (its end moves on)
        if (p < le) throw DECLINE; // a tab in it: columns
        if (le - ls >= 4) codeEnd = le;
      }
      flushPara();
      prevItem = false;
      continue;
    }
    if (source.charCodeAt(p) === TAB) throw DECLINE;
    const indent = p - ls;

    let afterCode = false;
    if (codeStart >= 0) {
      if (indent >= 4) {
        codeEnd = le;
        continue;
      }
      flushCode();
      afterCode = true;
    }
    if (indent >= 4) {
      if (inList) throw DECLINE;
      if (paraStart >= 0) {
        continuation(source, p, te, le, next);
        continue;
      }
      codeStart = ls;
      codeEnd = le;
      continue;
    }

    const kind = classify(source, p, te);
    // micromark starts no ordered list at 2… and no empty item right after an indented block
    if (afterCode && (kind === Kind.Item || kind === Kind.EmptyItem)) throw DECLINE;
    if (inList) {
      if (prevItem) {
        // only a sibling item of the same list may follow an item directly
        if ((kind !== Kind.Item && kind !== Kind.EmptyItem) || markerOf(source, p) !== itemMarker || indent > 0) throw DECLINE;
      } else if (indent > 0) throw DECLINE; // could belong to the item above
      if (kind !== Kind.Item && kind !== Kind.EmptyItem) inList = false;
    }

    switch (kind) {
      case Kind.Para:
        if (paraStart < 0) {
          paraStart = p;
          nLines = 0;
        }
        continuation(source, p, te, le, next);
        break;
      case Kind.Heading: {
        flushPara();
        let h = p;
        while (source.charCodeAt(h) === 35) h++;
        const level = h - p;
        while (h < te && (source.charCodeAt(h) === SPACE || source.charCodeAt(h) === TAB)) h++;
        if (te > h && source.charCodeAt(te - 1) === 35) throw DECLINE; // a closing sequence
        if (te > h) {
          nLines = 0;
          pushLine(h, te, te, le, next);
          nSegs = 0;
          inline(source);
          nLines = 0;
          const b = buildPara(source, { headingLevel: level });
          if (b) out.push({ offset: ls, block: b });
        }
        break;
      }
      case Kind.Directive: {
        flushPara();
        const d = directiveOf(source.slice(ls, le), li + 1);
        if (d) directives.push(d);
        break;
      }
      case Kind.Item: {
        if (paraStart >= 0) throw DECLINE; // a list item interrupting a paragraph
        let q = p;
        while (source.charCodeAt(q) >= 48 && source.charCodeAt(q) <= 57) q++;
        const markerEnd = q + 1;
        let c = markerEnd;
        while (c < te && source.charCodeAt(c) === SPACE) c++;
        // content after one to four spaces, and plain text (not a nested block)
        if (c - markerEnd > 4 || c === te || source.charCodeAt(c) === TAB) throw DECLINE;
        if (classify(source, c, te) !== Kind.Para) throw DECLINE;
        nSegs = 0;
        pushSeg(p, markerEnd);
        pushSeg(markerEnd, -2);
        nLines = 0;
        pushLine(c, te, te, le, next);
        inline(source);
        nLines = 0;
        const b = buildPara(source, { labelEnd: markerEnd - p, listItem: true });
        if (b) out.push({ offset: p, block: b });
        inList = true;
        itemMarker = markerOf(source, p);
        break;
      }
      case Kind.EmptyItem:
        // a marker alone: an item without text (it cannot interrupt a paragraph); the next line at
        // the margin is not part of it
        if (paraStart >= 0) throw DECLINE;
        inList = true;
        break;
      default:
        throw DECLINE;
    }
    prevItem = kind === Kind.Item;
  }
  flushPara();
  flushCode();
  return { out, directives };

  /** Add a line to the paragraph; its trailing white space decides the break before the next. */
  function continuation(src: string, from: number, to: number, le: number, next: number): void {
    let brk = to;
    if (le - to >= 2) {
      // two or more trailing spaces: a hard break (when a line follows); a tab among them: declined
      for (let k = to; k < le; k++) if (src.charCodeAt(k) === TAB) throw DECLINE;
      brk = -to - 1;
    }
    pushLine(from, to, brk, le, next);
  }
}

/** Only spaces and tabs from p to le (a tab among the leading spaces of a blank line). */
function isBlankRest(source: string, p: number, le: number): boolean {
  for (let k = p; k < le; k++) {
    const c = source.charCodeAt(k);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** A list item's marker class: the bullet character, or the delimiter of an ordered marker. */
function markerOf(source: string, p: number): number {
  let q = p;
  while (source.charCodeAt(q) >= 48 && source.charCodeAt(q) <= 57) q++;
  return source.charCodeAt(q) + (q > p ? 1000 : 0);
}

/**
 * What a line (from its first non-space character p to the end of its text te, indentation at most
 * three spaces) starts: plain paragraph text, an ATX heading, a one-line list item or a directive
 * comment. Everything else — and anything ambiguous — declines.
 */
function classify(source: string, p: number, te: number): Kind {
  const c = source.charCodeAt(p);
  switch (c) {
    case 35: {
      // "#": a heading when one to six of them are followed by a space or the end of the line
      let h = p;
      while (h < te && source.charCodeAt(h) === 35) h++;
      if (h - p <= 6 && (h === te || source.charCodeAt(h) === SPACE)) return Kind.Heading;
      throw DECLINE;
    }
    case 60: {
      // "<": only a whole-line comment "<!-- … -->"
      if (!source.startsWith('<!--', p)) throw DECLINE;
      const close = source.indexOf('-->', p + 4);
      if (close < 0 || close + 3 !== te) throw DECLINE;
      return Kind.Directive;
    }
    case 45: // "-"
    case 43: // "+"
    case STAR:
    case UNDERSCORE: {
      if (c !== 43 && isBreakLine(source, p, te, c)) throw DECLINE; // thematic break or setext underline
      if (c === 45 && te > p + 1 && /^[-:| \t]*$/.test(source.slice(p, te))) throw DECLINE; // a table's delimiter row
      if (c === UNDERSCORE) return Kind.Para;
      const n = p + 1 < te ? source.charCodeAt(p + 1) : -1;
      if (n === -1) return Kind.EmptyItem;
      if (n === TAB) throw DECLINE; // a tab after the marker: columns
      return n === SPACE ? Kind.Item : Kind.Para;
    }
    case 91: // "[": a reference definition or footnote, when the file has a "]"
      if (inlineSpecial === INLINE_SPECIAL_NO_LABELS) return Kind.Para;
      throw DECLINE;
    case 61: // "=": a setext underline after a paragraph
    case 62: // ">": a block quote
    case 96: // "`": a fence
    case 126: // "~": a fence
    case 124: // "|": a table row
    case 92: // "\\"
    case 58: // ":": a table's delimiter row
      throw DECLINE;
    default:
      if (c >= 48 && c <= 57) {
        let q = p;
        while (q < te && source.charCodeAt(q) >= 48 && source.charCodeAt(q) <= 57) q++;
        const d = source.charCodeAt(q);
        if (q < te && (d === 46 || d === 41)) {
          const n = q + 1 < te ? source.charCodeAt(q + 1) : -1;
          if (q - p <= 3 && n === SPACE) return Kind.Item;
          if (q - p <= 3 && n === -1) return Kind.EmptyItem;
          if (n === -1 || n === SPACE || n === TAB) throw DECLINE; // a long-numbered item, or a tab
        }
      }
      return Kind.Para;
  }
}

/** A line of only `c` (three or more, spaces between) or of only "-": a thematic break or underline. */
function isBreakLine(source: string, p: number, te: number, c: number): boolean {
  let count = 0;
  for (let k = p; k < te; k++) {
    const x = source.charCodeAt(k);
    if (x === c) count++;
    else if (x !== SPACE && x !== TAB) return false;
  }
  return count >= 3 || (c === 45 && count > 1);
}
