// DOCX reader: a streaming walk over word/document.xml (and footnotes, comments)
// producing paragraphs and tables in reading order, with Word's automatic
// numbering rendered and a map from every character back to its w:t element.
import type { Block, CellBlock, DocComment, DocxSegment, PageLayout, ParaBlock, ParaFormat, ReadDocument, RunFormat, TableBlock } from '../types.js';
import { FatalError } from './errors.js';
import { NumberingState, parseNumbering, styleProp, type NumberingDefs } from './numbering.js';
import { parseXml } from './xml.js';
import { ZipArchive, type ZipLimits } from './zip.js';
import { assignOrdinals } from './blocks.js';
import { FormatResolver, pageFrom, parseFormatDefs, readParaProp, readRunProp, type ParaProps, type RunProps } from './formatting.js';

export const DOCUMENT_PART = 'word/document.xml';
const MAX_TABLE_DEPTH = 32;

interface ParaBuilder {
  raw: string;
  segments: DocxSegment[];
  docxIndex: number;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  textBox: boolean;
  after: Block[]; // text-box paragraphs met inside this one, emitted after it
  shift: number; // length of the rendered label prepended at close
  props: ParaProps; // direct paragraph formatting
  runs: { start: number; end: number; run: RunState }[];
  lines: number; // horizontal line shapes anchored in this paragraph
}

/** A w:r being read: its direct character formatting and character style. */
interface RunState {
  direct: RunProps;
  style?: string;
}

interface Anchor {
  para: ParaBuilder | null;
  docxIndex: number;
  offset: number;
}

interface WalkResult {
  blocks: Block[];
  comments: Map<string, { start?: Anchor; end?: Anchor }>;
  page?: PageLayout;
}

/** Tags whose whole content is not visible text (deleted runs, field codes, fallbacks). */
export const SKIP = new Set([
  'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'mc:Fallback',
  'w:sdtPr', 'w:sdtEndPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:sectPr', 'w:footnoteReference', 'w:endnoteReference',
]);

function walkPart(xml: string, part: string, defs: NumberingDefs, numbering: NumberingState, tableCounter: { n: number }, fmt: FormatResolver): WalkResult {
  const body: Block[] = [];
  const containers: Block[][] = [body];
  const tables: { block: TableBlock; cell?: CellBlock }[] = [];
  const paras: ParaBuilder[] = [];
  const comments: WalkResult['comments'] = new Map();
  const fields: ('code' | 'result')[] = [];
  const pendingStarts: string[] = [];
  let lastClosed: { para: ParaBuilder; docxIndex: number } | null = null;
  let skip = 0;
  let inT = false;
  let tIndex = -1;
  let tOffset = 0;
  let pIndex = 0;
  let inPPr = 0;
  let footnoteSkip = 0;
  let tagStack: string[] = [];
  let run: RunState | null = null;
  let page: PageLayout | undefined;
  let sect: { size: Record<string, string>; margin: Record<string, string> } | null = null;
  let extent: { cx: number; cy: number } | null = null;

  const visible = (): boolean => skip === 0 && footnoteSkip === 0 && fields.every((f) => f === 'result');
  const cur = (): ParaBuilder | undefined => paras[paras.length - 1];
  const append = (text: string, ti: number, to: number): void => {
    const p = cur();
    if (!p || !text) return;
    const start = p.raw.length;
    p.raw += text;
    if (run) {
      const last = p.runs[p.runs.length - 1];
      if (last && last.run === run && last.end === start) last.end = p.raw.length;
      else p.runs.push({ start, end: p.raw.length, run });
    }
    const last = p.segments[p.segments.length - 1];
    if (last && last.tIndex === ti && ti >= 0 && last.end === start && last.tOffset + (last.end - last.start) === to) last.end = p.raw.length;
    else p.segments.push({ start, end: p.raw.length, tIndex: ti, tOffset: to });
  };

  const finishPara = (p: ParaBuilder): ParaBlock => {
    const numId = p.numId ?? styleProp(defs, p.styleId, 'numId');
    const ilvl = p.ilvl ?? styleProp(defs, p.styleId, 'ilvl') ?? 0;
    const block: ParaBlock = {
      kind: 'p',
      raw: p.raw,
      map: { kind: 'docx', part, segments: p.segments },
      loc: { ordinal: 0, docxIndex: p.docxIndex, part, textBox: p.textBox || undefined },
      format: resolveFormat(p, fmt),
    };
    const outline = p.outlineLevel ?? styleProp(defs, p.styleId, 'outlineLevel');
    const styleName = p.styleId ? (defs.styles.get(p.styleId)?.name ?? p.styleId) : '';
    const hm = /^heading\s*(\d)$/i.exec(styleName);
    if (outline !== undefined && outline < 9) block.headingLevel = outline + 1;
    else if (hm) block.headingLevel = Number(hm[1]);
    const rendered = numId ? numbering.next(numId, ilvl) : undefined;
    if (rendered && rendered.label) {
      const prefix = rendered.label + rendered.suffix;
      p.shift = prefix.length;
      block.raw = prefix + p.raw;
      block.map = {
        kind: 'docx',
        part,
        segments: [
          { start: 0, end: prefix.length, tIndex: -1, tOffset: 0 },
          ...p.segments.map((s) => ({ ...s, start: s.start + prefix.length, end: s.end + prefix.length })),
        ],
      };
      for (const r of block.format!.runs) {
        r.start += prefix.length;
        r.end += prefix.length;
      }
      block.labelEnd = rendered.label.length;
      block.autoLabel = true;
      block.listItem = true;
    }
    return block;
  };

  const anchorHere = (): Anchor => {
    const p = cur();
    if (p) return { para: p, docxIndex: p.docxIndex, offset: p.raw.length };
    if (lastClosed) return { para: lastClosed.para, docxIndex: lastClosed.docxIndex, offset: lastClosed.para.raw.length };
    return { para: null, docxIndex: 0, offset: 0 };
  };

  parseXml(xml, part, {
    open(name, a) {
      tagStack.push(name);
      formatting(name, a);
      if (name === 'w:footnote' || name === 'w:endnote') {
        const t = a['w:type'];
        if (t === 'separator' || t === 'continuationSeparator' || t === 'continuationNotice') footnoteSkip++;
        return;
      }
      if (SKIP.has(name)) {
        skip++;
        return;
      }
      if (skip) return;
      switch (name) {
        case 'w:p': {
          const p: ParaBuilder = { raw: '', segments: [], docxIndex: pIndex++, textBox: paras.length > 0, after: [], shift: 0, props: {}, runs: [], lines: 0 };
          paras.push(p);
          for (const id of pendingStarts.splice(0)) {
            const c = comments.get(id) ?? {};
            c.start = { para: p, docxIndex: p.docxIndex, offset: 0 };
            comments.set(id, c);
          }
          break;
        }
        case 'w:pPr':
          inPPr++;
          break;
        case 'w:pStyle':
          if (inPPr && cur()) cur()!.styleId = a['w:val'];
          break;
        case 'w:numId':
          if (inPPr && cur()) cur()!.numId = a['w:val'];
          break;
        case 'w:ilvl':
          if (inPPr && cur()) cur()!.ilvl = Number(a['w:val'] ?? 0);
          break;
        case 'w:outlineLvl':
          if (inPPr && cur()) cur()!.outlineLevel = Number(a['w:val'] ?? 9);
          break;
        case 'w:t':
          inT = true;
          tIndex++;
          tOffset = 0;
          break;
        case 'w:tab':
          // w:tab inside w:pPr/w:tabs is a tab stop, not text
          if (!inPPr && tagStack[tagStack.length - 2] === 'w:r' && visible()) append('\t', -1, 0);
          break;
        case 'w:br': {
          const type = a['w:type'];
          if (!inPPr && visible() && (type === undefined || type === 'textWrapping')) append('\n', -1, 0);
          break;
        }
        case 'w:cr':
          if (visible()) append('\n', -1, 0);
          break;
        case 'w:noBreakHyphen':
          if (visible()) append('-', -1, 0);
          break;
        case 'w:fldChar': {
          const t = a['w:fldCharType'];
          if (t === 'begin') fields.push('code');
          else if (t === 'separate' && fields.length) fields[fields.length - 1] = 'result';
          else if (t === 'end') fields.pop();
          break;
        }
        case 'w:tbl': {
          // plans nest a table or two; thousands of levels is a damaged or hostile file
          if (tables.length >= MAX_TABLE_DEPTH) throw new FatalError('too-deep', { what_vi: 'bảng', what_en: 'tables', limit: MAX_TABLE_DEPTH });
          const block: TableBlock = { kind: 'table', rows: [], index: tableCounter.n++ };
          tables.push({ block });
          break;
        }
        case 'w:tr':
          tables[tables.length - 1]?.block.rows.push({ cells: [] });
          break;
        case 'w:tc': {
          const t = tables[tables.length - 1];
          if (!t) break;
          const cell: CellBlock = { blocks: [] };
          t.block.rows[t.block.rows.length - 1]?.cells.push(cell);
          t.cell = cell;
          containers.push(cell.blocks);
          break;
        }
        case 'w:gridSpan': {
          const c = tables[tables.length - 1]?.cell;
          if (c) c.gridSpan = Number(a['w:val'] ?? 1);
          break;
        }
        case 'w:vMerge': {
          const c = tables[tables.length - 1]?.cell;
          if (c) c.vMerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
          break;
        }
        case 'w:commentRangeStart': {
          const id = a['w:id'] ?? '';
          if (cur()) {
            const c = comments.get(id) ?? {};
            c.start = anchorHere();
            comments.set(id, c);
          } else pendingStarts.push(id);
          break;
        }
        case 'w:commentRangeEnd': {
          const id = a['w:id'] ?? '';
          const c = comments.get(id) ?? {};
          c.end = anchorHere();
          comments.set(id, c);
          break;
        }
      }
    },
    close(name) {
      tagStack.pop();
      if (name === 'w:r') run = null;
      else if (name === 'w:sectPr' && sect && !page) page = pageFrom(sect.size, sect.margin);
      if (name === 'w:footnote' || name === 'w:endnote') {
        if (footnoteSkip) footnoteSkip--;
        return;
      }
      if (SKIP.has(name)) {
        skip--;
        return;
      }
      if (skip) return;
      switch (name) {
        case 'w:t':
          inT = false;
          break;
        case 'w:pPr':
          inPPr--;
          break;
        case 'w:p': {
          const p = paras.pop();
          if (!p) break;
          const block = finishPara(p);
          lastClosed = { para: p, docxIndex: p.docxIndex };
          const outer = cur();
          if (outer) {
            // a text box inside a paragraph: read after the paragraph that holds it
            outer.after.push(block, ...p.after);
          } else {
            const target = containers[containers.length - 1]!;
            target.push(block, ...p.after);
          }
          break;
        }
        case 'w:tc':
          containers.pop();
          break;
        case 'w:tbl': {
          const t = tables.pop();
          if (!t) break;
          const outer = cur();
          if (outer) outer.after.push(t.block);
          else containers[containers.length - 1]!.push(t.block);
          break;
        }
      }
    },
    text(t) {
      if (!inT || !visible()) return;
      append(t, tIndex, tOffset);
      tOffset += t.length;
    },
  });
  // resolve anchors recorded before labels were prepended
  for (const c of comments.values()) {
    for (const a of [c.start, c.end]) if (a?.para) a.offset += a.para.shift;
  }
  return { blocks: body, comments, page };

  /** Formatting elements, read before the text walk skips property containers (w:rPr, w:sectPr). */
  function formatting(name: string, a: Record<string, string>): void {
    const n = tagStack.length;
    const parent = tagStack[n - 2];
    const grand = tagStack[n - 3];
    if (name === 'w:r') {
      run = skip === 0 ? { direct: {} } : null;
      return;
    }
    if (parent === 'w:rPr' && grand === 'w:r' && run) {
      if (name === 'w:rStyle') run.style = a['w:val'];
      else readRunProp(name, a, run.direct);
      return;
    }
    const p = cur();
    if (p && parent === 'w:pPr' && grand === 'w:p' && !skip) readParaProp(name, a, p.props, false);
    else if (p && parent === 'w:pBdr' && grand === 'w:pPr' && tagStack[n - 4] === 'w:p' && !skip) readParaProp(name, a, p.props, true);
    // the first section's page: the first w:sectPr in document order (not one inside a w:sectPrChange)
    if (name === 'w:sectPr' && !page && !sect && tagStack.indexOf('w:sectPr') === n - 1) sect = { size: {}, margin: {} };
    else if (sect && !page && parent === 'w:sectPr' && tagStack.indexOf('w:sectPr') === n - 2) {
      if (name === 'w:pgSz') sect.size = a;
      else if (name === 'w:pgMar') sect.margin = a;
    }
    // horizontal lines drawn as shapes (DrawingML, or VML outside a fallback)
    if (skip || !p) return;
    if (name === 'wp:extent' || (name === 'a:ext' && parent === 'a:xfrm')) extent = { cx: Number(a['cx'] ?? 0), cy: Number(a['cy'] ?? 0) };
    else if (name === 'a:prstGeom' && /^(line|straightConnector1)$/.test(a['prst'] ?? '')) {
      if (!extent || extent.cy * 5 <= extent.cx) p.lines++;
    } else if (name === 'v:line') {
      const y1 = (a['from'] ?? '').split(',')[1] ?? '';
      const y2 = (a['to'] ?? '').split(',')[1] ?? '';
      if (parseFloat(y1 || '0') === parseFloat(y2 || '0')) p.lines++;
    } else if (name === 'v:shape' && a['type'] === '#_x0000_t32') {
      const h = /(?:^|;)\s*height:\s*([\d.]+)/.exec(a['style'] ?? '');
      const w = /(?:^|;)\s*width:\s*([\d.]+)/.exec(a['style'] ?? '');
      if (!h || !w || Number(h[1]) * 5 <= Number(w[1])) p.lines++;
    }
  }
}

function hasNonAscii(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** The paragraph's resolved formatting; runs with one formatting are merged. */
function resolveFormat(p: ParaBuilder, fmt: FormatResolver): ParaFormat {
  const props = fmt.para(p.styleId, p.props);
  const runs: RunFormat[] = [];
  for (const r of p.runs) {
    const f = fmt.run(p.styleId, r.run.style, r.run.direct);
    const font = f.ascii === f.hAnsi ? f.ascii : hasNonAscii(p.raw, r.start, r.end) ? (f.hAnsi ?? f.ascii) : (f.ascii ?? f.hAnsi);
    const rf: RunFormat = { start: r.start, end: r.end, font: font ?? 'Times New Roman', size: f.size, bold: f.bold, italic: f.italic, caps: f.caps };
    const last = runs[runs.length - 1];
    if (last && last.end === rf.start && last.font === rf.font && last.size === rf.size && last.bold === rf.bold && last.italic === rf.italic && last.caps === rf.caps) last.end = rf.end;
    else runs.push(rf);
  }
  const format: ParaFormat = { runs };
  if (props.align) format.align = props.align;
  if (p.lines) {
    format.rule = 'shape';
    format.lineShapes = p.lines;
  }
  else if (props.borderBottom) format.rule = 'border-bottom';
  else if (props.borderTop) format.rule = 'border-top';
  return format;
}

export function readDocx(bytes: Uint8Array, limits?: ZipLimits): ReadDocument {
  const zip = new ZipArchive(bytes, limits);
  const docXml = zip.text(DOCUMENT_PART);
  if (docXml === undefined) throw new FatalError('no-document');
  // styles.xml is read once, for formatting and for the numbering styles
  const formatDefs = parseFormatDefs(zip.text('word/styles.xml'), zip.text('word/theme/theme1.xml'), zip.text('word/settings.xml'));
  const defs = parseNumbering(zip.text('word/numbering.xml'), undefined, formatDefs.numberingStyles);
  const numbering = new NumberingState(defs);
  const fmt = new FormatResolver(formatDefs);
  const tableCounter = { n: 0 };
  const main = walkPart(docXml, DOCUMENT_PART, defs, numbering, tableCounter, fmt);
  const fnXml = zip.text('word/footnotes.xml');
  const footnotes = fnXml ? walkPart(fnXml, 'word/footnotes.xml', defs, numbering, { n: 0 }, fmt).blocks : [];

  const comments: DocComment[] = [];
  const commentsXml = zip.text('word/comments.xml');
  if (commentsXml) {
    const texts = readComments(commentsXml);
    for (const [id, r] of main.comments) {
      const info = texts.get(id);
      if (!info || !r.start) continue;
      const end = r.end ?? r.start;
      comments.push({
        id,
        author: info.author,
        text: info.text,
        start: { docxIndex: r.start.docxIndex, offset: r.start.offset },
        end: { docxIndex: end.docxIndex, offset: end.offset },
      });
    }
  }
  const doc: ReadDocument = { format: 'docx', blocks: main.blocks, footnotes, comments, directives: [] };
  if (main.page) doc.page = main.page;
  assignOrdinals(doc.footnotes, assignOrdinals(doc.blocks, 1));
  return doc;
}

function readComments(xml: string): Map<string, { author: string; text: string }> {
  const out = new Map<string, { author: string; text: string }>();
  let id: string | null = null;
  let author = '';
  let text = '';
  let inT = false;
  parseXml(xml, 'word/comments.xml', {
    open(name, a) {
      if (name === 'w:comment') {
        id = a['w:id'] ?? '';
        author = a['w:author'] ?? '';
        text = '';
      } else if (name === 'w:t') inT = true;
      else if ((name === 'w:p' || name === 'w:br') && text) text += '\n';
      else if (name === 'w:tab') text += ' ';
    },
    close(name) {
      if (name === 'w:t') inT = false;
      else if (name === 'w:comment' && id !== null) {
        out.set(id, { author, text: text.trim() });
        id = null;
      }
    },
    text(t) {
      if (inT && id !== null) text += t;
    },
  });
  return out;
}
