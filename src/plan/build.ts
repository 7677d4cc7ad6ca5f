// ReadDocument → plan tree. One builder for every format, so a plan read from
// Word and the same plan read from text give the same outline.
import type {
  AppendixNode,
  Block,
  Label,
  LabelKeyword,
  ParaBlock,
  QuoteNode,
  ScopeType,
  CellNode,
  ClosingNode,
  ParagraphNode,
  PlanContent,
  PlanMeta,
  PlanRoot,
  Position,
  ReadDocument,
  SectionNode,
  SignatureNode,
  TableNode,
  TextRef,
} from '../types.js';
import { isUpperText, offsetToPoint, squash, toNfc } from '../text/normalize.js';
import { parseLabel, rankKey } from './labels.js';
import { assignOrdinals } from '../readers/blocks.js';
import { ATTACHED_CAPTION, FILL_IN, FILL_LINE, FORM_CAPTION, OPINION_HEADING, VV_LINE, isSignOffBox, decideKind, isEnactingLine, keywordScope, numberSymbol, parseKeywordHeading, readIssuer, titleKind } from './model.js';

/** \b only knows ASCII letters; this is a word end for Vietnamese. */
const END = '(?![\\p{L}\\p{N}])';
// regex-safe: one start (^); the colon is tied to the spaces before it, so no two quantifiers share a run.
// A bare "Số" in capitals; after a kind word ("Luật số:") the colon is required — "Nghị quyết số 244/…" in a sentence is a citation.
const NUMBER_LINE = /^\s*(?:(?:Luật|Bộ luật|Nghị quyết|Nghị định|Thông tư|Quyết định|Pháp lệnh)\s+số\s*:|Số(?:\s*[:.])?)\s*[\d.…_/-]/u;
// regex-safe: one start (^) and a bounded part: at most 40 steps for each leading space
const PLACE_DATE = /^\s*([^,\n]{2,40}?),\s*ngày(?!\p{L})/u;
const RECIPIENTS = /^\s*Nơi\s+nhận\s*:?/iu;
const AUTHORITY = /^\s*(TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.|Q\/)\s*\S/u;
const APPENDIX = new RegExp(`^\\s*PHỤ\\s+LỤC(?:\\s+(?:SỐ\\s+)?([0-9]{1,3}|[IVX]{1,6}|[A-Z]))?${END}`, 'u');
const MOTTO = /^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|ĐOÀN TNCS HỒ CHÍ MINH|ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH|MẶT TRẬN TỔ QUỐC VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)$/iu;
const MOTTO_ANYWHERE = /CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/giu;
// starts at "(" or where a run of spaces begins, not at every space of a long run
const DRAFT_MARK = /(?:\(|(?<!\s))\s*DỰ\s+THẢO(?:\s+(?:LẦN\s+)?\d+)?\s*\)?/gu;
/** The state motto as a line of its own (a header), not the country's name in a sentence. */
/** The state motto as a line of its own (a header), not the country's name in a sentence. */
const STATE_MOTTO = /^\s*CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/u;
/** Line by line, each line anchored once (a multi-line /^\s*…/m retries from every line start of a run of blank lines). */
const hasStateMottoLine = (text: string): boolean => text.split(/[\n\r\u2028\u2029]/u).some((line) => STATE_MOTTO.test(line));
const DECORATION = /^[\s*\-_–—=.·•]*$/u;
/** How far into a document its title may stand (header paragraphs and tables before it). */
const TITLE_WITHIN = 30;

export function buildPlan(doc: ReadDocument): PlanRoot {
  const toNode = makeConverter(doc.format);
  let blocks = doc.blocks;
  if (doc.format !== 'docx') {
    blocks = doc.blocks.flatMap((b) => splitAtHeadings(b, doc.format));
    if (blocks.length !== doc.blocks.length) assignOrdinals(blocks, 1);
  }
  const items = blocks.map(toNode);
  if (doc.format === 'text') dropBareArticleCells(items);
  const root: PlanRoot = {
    type: 'plan',
    format: doc.format,
    meta: { kind: 'unknown', docKind: 'unknown', normative: false, issuer: { body: 'unknown', level: 'unknown' }, template: false },
    children: [],
  };
  if (doc.page) root.page = doc.page;

  // 1. Header and title: everything before the title ("KẾ HOẠCH", "QUYẾT ĐỊNH" …) is the header;
  //    a letter (công văn) has no title: its header ends with its V/v line or its place and date.
  const titleAt = findTitle(items);
  let i = 0;
  if (titleAt >= 0) {
    if (titleAt > 0) root.children.push({ type: 'header', children: items.slice(0, titleAt) });
    const titleNode: PlanContent = { type: 'title', children: [items[titleAt]!] };
    root.children.push(titleNode);
    i = titleAt + 1;
    const head = items[titleAt] as ParagraphNode;
    const tk = titleKind(head.value)!;
    root.meta.titleWord = tk.word;
    const word = new RegExp(`^\\s*${tk.word.replace(/ /g, '\\s+')}[ \\t]*\\n?`, 'u');
    const rest = head.value.replace(word, '');
    if (rest.trim() && !/^\s*\(/u.test(rest)) root.meta.titleRef = refOf(head, head.value.length - rest.length, head.value.length);
    else {
      // the subject is the next paragraph that is not a separator line
      while (i < items.length && isDecoration(items[i]!)) titleNode.children.push(items[i++]!);
      const next = items[i];
      // the subject, unless the paragraph is already the preamble ("Căn cứ …;", "Thực hiện …, … như sau:")
      const preambleLike = new RegExp(`^\\s*Căn cứ${END}`, 'u').test(next?.type === 'paragraph' ? next.value : '') || (next?.type === 'paragraph' && /[;:]\s*$/u.test(next.value));
      if (next && next.type === 'paragraph' && !parseLabel(next.value) && !preambleLike) {
        titleNode.children.push(next);
        root.meta.titleRef = refOf(next, 0, next.value.length);
        i++;
      }
      while (i < items.length && isDecoration(items[i]!)) titleNode.children.push(items[i++]!);
    }
    if (root.meta.titleRef) root.meta.title = squash(root.meta.titleRef.node.value.slice(root.meta.titleRef.start, root.meta.titleRef.end));
  } else {
    const end = headerEnd(items);
    if (end > 0) {
      root.children.push({ type: 'header', children: items.slice(0, end) });
      i = end;
    }
  }

  // 2. Preamble: until the first numbered heading; a quotation in it keeps its own labels.
  const preamble: PlanContent[] = [];
  while (i < items.length) {
    const n = items[i]!;
    const qEnd = n.type === 'paragraph' && startsQuote(n, preamble) ? quoteEnd(items, i) : -1;
    if (qEnd >= 0) {
      const quoted: QuoteNode = { type: 'quote', children: items.slice(i, qEnd + 1) };
      for (const q of quoted.children) if (q.type === 'paragraph') delete q.label;
      preamble.push(quoted);
      i = qEnd + 1;
      continue;
    }
    if (startsClosing(n) || boundaryAt(items, i) || (n.type === 'paragraph' && n.label && n.label.style !== 'bullet')) break;
    preamble.push(n);
    i++;
  }
  if (preamble.length) root.children.push({ type: 'preamble', children: preamble });

  // 3. Body, closing and nested scopes (appendices, forms, attached documents).
  let scope: { children: PlanContent[] } = root;
  let nested: AppendixNode | null = null;
  let stack: { key: string; node: SectionNode }[] = [];
  let closing: ClosingNode | null = null;
  let quote: QuoteNode | null = null;
  for (; i < items.length; i++) {
    const n = items[i]!;
    const b = boundaryAt(items, i, nested);
    if (b) {
      const app: AppendixNode = { type: 'appendix', scope: b.scope, template: b.scope === 'form', children: [n] };
      if (b.label) app.label = b.label;
      const tk = n.type === 'paragraph' ? titleKind(n.value) : undefined;
      if (tk && b.scope === 'attached') {
        app.docKind = tk.id;
        app.title = squash((n as ParagraphNode).value);
      }
      root.children.push(app);
      scope = app;
      nested = app;
      stack = [];
      closing = null;
      quote = null;
      continue;
    }
    if (nested && n.type === 'paragraph' && !nested.docKind && nested.children.length <= 4 && !n.label) {
      const tk = titleKind(n.value);
      if (tk && isUpperText(n.value.split('\n')[0]!) && !isEnactingLine(n.value)) {
        nested.docKind = tk.id;
        nested.title = squash(n.value);
      }
    }
    if (!closing && (scope === root || nested?.scope === 'attached') && startsClosing(n)) {
      closing = { type: 'closing', children: [] };
      scope.children.push(closing);
    }
    if (closing) {
      addToClosing(closing, n);
      continue;
    }
    const parent = stack.length ? stack[stack.length - 1]!.node : scope;
    // quoted amended text: "… như sau: “2. …”" — its own labels, until the closing quote
    if (n.type === 'paragraph') {
      if (!quote && startsQuote(n, parent.children)) {
        quote = { type: 'quote', children: [] };
        parent.children.push(quote);
      }
      if (quote) {
        delete n.label;
        quote.children.push(n);
        if (/[”"](?:\s*[.;,])?\s*$/u.test(n.value) || quote.children.length >= 60) quote = null;
        continue;
      }
    }
    if (n.type === 'paragraph' && n.label && n.label.style !== 'bullet') {
      const key = rankKey(n.label);
      const at = stack.findIndex((e) => e.key === key);
      if (at >= 0) stack.length = at;
      else if (n.label.keyword) {
        // a higher legal unit closes the lower ones: Chương after Điều, Điều after khoản
        const rank = KEYWORD_RANK[n.label.keyword];
        const lower = stack.findIndex((e) => e.node.label.keyword ? KEYWORD_RANK[e.node.label.keyword] >= rank : true);
        if (lower >= 0) stack.length = lower;
      }
      const up = stack.length ? stack[stack.length - 1]!.node : scope;
      const section: SectionNode = { type: 'section', label: n.label, depth: stack.length + 1, scope: scopeOf(n.label, stack.map((e) => e.node)), children: [n] };
      up.children.push(section);
      stack.push({ key, node: section });
      continue;
    }
    if (n.type === 'paragraph' && n.label?.style === 'bullet') parent.children.push({ type: 'listItem', label: n.label, children: [n] });
    else parent.children.push(n);
  }

  if (doc.footnotes.length) root.children.push({ type: 'footnotes', children: doc.footnotes.map(toNode) });
  root.meta = { ...root.meta, ...readMeta(root) };
  markTemplates(root);
  finish(root, doc);
  return root;
}

/** Legal units from the largest: a unit closes every open unit of its rank or below. */
const KEYWORD_RANK: Record<LabelKeyword, number> = { phan: 1, chuong: 2, muc: 3, 'tieu-muc': 4, buoc: 4, dieu: 5 };

function scopeOf(l: Label, open: SectionNode[]): ScopeType {
  if (l.keyword) return keywordScope(l.keyword);
  const inArticle = open.some((s) => s.label.keyword === 'dieu');
  if (inArticle && l.style === 'arabic') return 'clause';
  if (inArticle && l.style === 'letter') return 'point';
  return l.style === 'bullet' ? 'arabic' : l.style;
}

/** A quotation starts: an opening quote mark after an introduction ("… như sau:"), or before a label ("“1. …"). */
function startsQuote(n: ParagraphNode, before: PlanContent[]): boolean {
  return /^\s*[“"]/u.test(n.value) && (followsIntro(before) || !!parseLabel(n.value.replace(/^\s*[“"]/u, '')));
}

/** The last paragraph of a quotation starting at items[k]: the one that closes the quote (at most 60 on). */
function quoteEnd(items: (ParagraphNode | TableNode)[], k: number): number {
  for (let j = k; j < items.length && j < k + 60; j++) {
    const n = items[j]!;
    if (n.type === 'paragraph' && /[”"](?:\s*[.;,])?\s*$/u.test(n.value)) return j;
  }
  return -1;
}

/** The paragraph before ends with "như sau:" (or a colon introducing amended wording). */
function followsIntro(children: PlanContent[]): boolean {
  const last = children[children.length - 1];
  const p = last?.type === 'paragraph' ? last : last?.type === 'section' || last?.type === 'listItem' ? lastParagraph(last.children) : last?.type === 'quote' ? lastParagraph(last.children) : undefined;
  if (!p) return false;
  // regex-safe: the part between the words and the colon is bounded ({0,200})
  return /(như\s+sau|sau\s+đây)\s*:\s*$/u.test(p.value) || (last?.type === 'quote' && /:\s*$/u.test(p.value)) || /(sửa đổi|bổ sung|thay thế)[^:]{0,200}:\s*$/iu.test(p.value);
}

function lastParagraph(list: PlanContent[]): ParagraphNode | undefined {
  for (let k = list.length - 1; k >= 0; k--) {
    const c = list[k]!;
    if (c.type === 'paragraph') return c;
    if ('children' in c && c.type !== 'table') {
      const p = lastParagraph(c.children as PlanContent[]);
      if (p) return p;
    }
  }
  return undefined;
}

/** The title paragraph: a line in capitals opening with a kind word, before the body starts. */
function findTitle(items: (ParagraphNode | TableNode)[]): number {
  const limit = Math.min(items.length, TITLE_WITHIN);
  for (let k = 0; k < limit; k++) {
    const n = items[k]!;
    if (n.type !== 'paragraph') continue;
    const first = n.value.split('\n')[0]!;
    if (!first.trim()) continue;
    if (titleKind(first) && !isEnactingLine(first)) return k;
    // the body has begun: a numbered heading or "Căn cứ" without a title before
    if ((n.label && n.label.style !== 'bullet') || /^\s*(Căn cứ|Kính gửi)/u.test(first)) return -1;
  }
  return -1;
}

/** Without a title: the header is the run of leading items that hold the motto, the body name, number, V/v, place and date. */
function headerEnd(items: (ParagraphNode | TableNode)[]): number {
  let end = 0;
  const limit = Math.min(items.length, 14);
  for (let k = 0; k < limit; k++) {
    const n = items[k]!;
    const texts = n.type === 'paragraph' ? [n.value] : paragraphsOf([n]).map((p) => p.value);
    const lines = texts.flatMap((t) => t.split(/[\n\t]/)).map(squash).filter(Boolean);
    if (!lines.length) continue;
    const headerLike = lines.every((l) => MOTTO.test(l) || NUMBER_LINE.test(l) || PLACE_DATE.test(l) || VV_LINE.test(l) || DECORATION.test(l) || isUpperText(l) || /^(về|Về)\s/u.test(l));
    if (n.type === 'table' ? lines.some((l) => MOTTO.test(l) || NUMBER_LINE.test(l)) : headerLike) end = k + 1;
    else break;
  }
  // a header has a motto, a number or a place and date; capitals alone are a caption
  const marked = paragraphsOf(items.slice(0, end)).some((p) => p.value.split(/[\n\t]/).some((l) => MOTTO.test(squash(l)) || NUMBER_LINE.test(l) || PLACE_DATE.test(l)));
  return marked ? end : 0;
}

/** Does a nested scope start at items[k]? A PHỤ LỤC caption, a form caption, an attached document, a second state motto. */
function boundaryAt(items: (ParagraphNode | TableNode)[], k: number, current: AppendixNode | null = null): { scope: AppendixNode['scope']; label?: string } | undefined {
  const n = items[k]!;
  if (n.type === 'table') {
    // a header table of a nested document (motto in a cell)
    if (current && current.children.length <= 3) return undefined;
    return paragraphsOf([n]).some((p) => hasStateMottoLine(p.value)) && k > 0 ? { scope: 'attached' } : undefined;
  }
  const first = n.value.split('\n')[0]!;
  const app = APPENDIX.exec(n.value);
  if (app && isUpperText(first)) return { scope: 'appendix', label: app[1] };
  const form = FORM_CAPTION.exec(first);
  if (form && (!current || current.children.length > 3)) return { scope: 'form', label: form[1] };
  if (k > 0 && hasStateMottoLine(first) && (!current || current.children.length > 3)) return { scope: 'attached' };
  // "QUY CHẾ …" followed by "(Ban hành kèm theo Quyết định số …)"
  if (titleKind(first) && isUpperText(first) && !isEnactingLine(first) && (!current || current.children.length > 3)) {
    for (let j = 0; j < 3 && k + j < items.length; j++) {
      const m = items[k + j]!;
      if (m.type === 'paragraph' && ATTACHED_CAPTION.test(j === 0 ? m.value.split('\n').slice(1).join(' ') || '' : m.value)) return { scope: 'attached' };
    }
  }
  return undefined;
}

/**
 * Text and Markdown without blank lines between paragraphs (a law copied from the web, a
 * page converted to Markdown) run many lines into one paragraph: a line that opens with a
 * heading ("Điều 5.", "Chương II") or a label after a finished line ("…;" then "2. …")
 * starts a paragraph of its own.
 */
function splitAtHeadings(b: Block, format: ReadDocument['format']): Block[] {
  if (b.kind !== 'p' || b.map.kind !== 'text' || !b.raw.includes('\n')) return [b];
  const offsets = b.map.offsets;
  const cuts: number[] = [];
  let at = b.raw.indexOf('\n');
  while (at >= 0) {
    const lineEnd = b.raw.indexOf('\n', at + 1);
    const prevStart = b.raw.lastIndexOf('\n', at - 1) + 1;
    // tested in NFC (texts copied from the web are often decomposed); cut in the raw text
    const firstLine = b.raw.slice(at + 1, lineEnd < 0 ? b.raw.length : lineEnd).normalize('NFC');
    const label = parseLabel(firstLine);
    const prev = b.raw.slice(prevStart, at).trimEnd().normalize('NFC');
    const heading =
      !!parseKeywordHeading(firstLine.trimStart()) ||
      (!!label && label.style !== 'bullet' && (/[.;:!?)”"]$|^\S[^a-zà-ỹ]*$/u.test(prev) || !!parseKeywordHeading(prev.trimStart()))) ||
      // a quotation opening after "… như sau:"; a label standing alone on its line (a table flattened into text)
      (/:\s*$/u.test(prev) && /^\s*[“"]/u.test(firstLine)) ||
      (format === 'text' && !!label && label.style !== 'bullet' && firstLine.trim() === label.raw.trim()) ||
      // plain text: header and title lines, the number, the place and date, "Căn cứ …" stand on lines of their own
      (format === 'text' && (isUpperText(prev) || (!!titleKind(firstLine) && isUpperText(firstLine)) || NUMBER_LINE.test(prev) || PLACE_DATE.test(prev) || NUMBER_LINE.test(firstLine) || PLACE_DATE.test(firstLine) || /^\s*(Căn cứ|Nơi nhận)/u.test(firstLine)));
    if (heading) cuts.push(at + 1);
    at = b.raw.indexOf('\n', at + 1);
  }
  if (!cuts.length) return [b];
  const out: Block[] = [];
  const bounds = [0, ...cuts, b.raw.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!;
    const end = k + 2 < bounds.length ? bounds[k + 1]! - 1 : bounds[k + 1]!; // drop the line break
    const raw = b.raw.slice(start, end);
    if (!raw.trim()) continue;
    const piece: ParaBlock = { kind: 'p', raw, map: { kind: 'text', offsets: offsets.slice(start, end + 1) }, loc: { ...b.loc } };
    if (k === 0) {
      if (b.headingLevel) piece.headingLevel = b.headingLevel;
      if (b.labelEnd !== undefined) piece.labelEnd = b.labelEnd;
      if (b.listItem) piece.listItem = b.listItem;
    }
    out.push(piece);
  }
  return out;
}

/**
 * "Điều 11" alone on a line, in a text whose articles are written "Điều 5. Tên điều": a cell of a
 * table flattened into text (a list of amended articles), not an article. Old laws that write
 * every article as a bare "Điều 5" keep them.
 */
function dropBareArticleCells(items: (ParagraphNode | TableNode)[]): void {
  const articles = items.filter((n): n is ParagraphNode => n.type === 'paragraph' && n.label?.keyword === 'dieu');
  const bare = articles.filter((p) => !p.label!.delim && p.value.split('\n')[0]!.trim() === p.label!.raw.trim());
  if (bare.length && bare.length * 5 <= articles.length) for (const p of bare) delete p.label;
}

function isDecoration(n: PlanContent): boolean {
  return n.type === 'paragraph' && DECORATION.test(n.value);
}

function startsClosing(n: PlanContent): boolean {
  if (n.type === 'paragraph') return RECIPIENTS.test(n.value) || (AUTHORITY.test(n.value) && isUpperText(n.value.split('\n')[0]!));
  if (n.type === 'table') return firstParagraphs(n).some((p) => RECIPIENTS.test(p.value));
  return false;
}

function firstParagraphs(t: TableNode): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const row of t.children) for (const cell of row.children) {
    const p = cell.children.find((c): c is ParagraphNode => c.type === 'paragraph');
    if (p) out.push(p);
  }
  return out;
}

/** Sort closing paragraphs into the Nơi nhận list and the signature block; a closing table is unwrapped. */
function addToClosing(closing: ClosingNode, n: PlanContent): void {
  if (n.type === 'table') {
    for (const row of n.children) for (const cell of row.children) {
      const isRecipients = cell.children.some((c) => c.type === 'paragraph' && RECIPIENTS.test(c.value));
      for (const c of cell.children) {
        if (c.type !== 'paragraph') continue;
        if (isRecipients) recipients(closing).children.push(c);
        else signature(closing).children.push(c);
      }
    }
    return;
  }
  if (n.type !== 'paragraph') {
    closing.children.push(n);
    return;
  }
  const last = closing.children[closing.children.length - 1];
  const inRecipients = last?.type === 'recipients';
  if (RECIPIENTS.test(n.value) || (inRecipients && /^\s*[-+•]/u.test(n.value))) recipients(closing).children.push(n);
  else signature(closing).children.push(n);
}

function recipients(closing: ClosingNode): { type: 'recipients'; children: PlanContent[] } {
  let r = closing.children.find((c) => c.type === 'recipients');
  if (!r) {
    r = { type: 'recipients', children: [] };
    closing.children.push(r);
  }
  return r as { type: 'recipients'; children: PlanContent[] };
}

function signature(closing: ClosingNode): SignatureNode {
  let s = closing.children.find((c): c is SignatureNode => c.type === 'signature');
  if (!s) {
    s = { type: 'signature', authority: [], children: [] };
    closing.children.push(s);
  }
  return s;
}

function readSignature(s: SignatureNode): void {
  const lines = s.children
    .filter((c): c is ParagraphNode => c.type === 'paragraph')
    .flatMap((p) => p.value.split('\n'))
    .map(squash)
    .filter((l) => l && !DECORATION.test(l));
  s.authority = lines.filter((l) => AUTHORITY.test(l));
  const rest = lines.filter((l) => !AUTHORITY.test(l) && !/^\(.*\)$/.test(l));
  const upper = rest.filter((l) => isUpperText(l));
  s.title = upper[upper.length - 1];
  const names = rest.filter((l) => !isUpperText(l));
  s.signer = names[names.length - 1];
}

function readMeta(root: PlanRoot): Partial<PlanMeta> {
  const meta: Partial<PlanMeta> = {};
  const header = root.children.find((c) => c.type === 'header');
  const headerParas = header ? paragraphsOf(header.children) : [];
  let hasVv = false;
  // Line by line: a Word header cell or a Markdown paragraph may hold several lines.
  for (const p of headerParas) {
    let at = 0;
    // lines, and tab-separated parts of a line (a header table pasted as text)
    for (const line of p.value.split(/[\n\t]/)) {
      const start = at + leadOf(line);
      const end = at + line.trimEnd().length;
      at += line.length + 1;
      if (!meta.numberLine && NUMBER_LINE.test(line)) meta.numberLine = refOf(p, start, end);
      if (VV_LINE.test(line)) hasVv = true;
      const pd = PLACE_DATE.exec(line);
      if (!meta.placeDate && pd) {
        meta.placeDate = refOf(p, start, end);
        meta.place = pd[1]!.trim();
      }
    }
  }
  // the body lines: capitals before the V/v line, without the motto, number and date
  const bodyLines: string[] = [];
  for (const p of headerParas) {
    for (const raw of p.value.split(/[\n\t]+/)) {
      // a motto or a draft mark sharing the line with the body name (cells pasted as one line)
      const l = squash(raw.replace(MOTTO_ANYWHERE, ' ').replace(DRAFT_MARK, ' '));
      if (!l || DECORATION.test(l) || MOTTO.test(l) || NUMBER_LINE.test(l) || PLACE_DATE.test(l) || VV_LINE.test(l) || !isUpperText(l)) continue;
      if (/^[-–—\s]*$|^\*+$/u.test(l)) continue;
      bodyLines.push(trimDecoration(l));
    }
  }
  const issuer = readIssuer(bodyLines.filter(Boolean));
  if (issuer.name) {
    meta.issuingBody = issuer.name;
    if (issuer.superior) meta.superiorBody = issuer.superior;
  }
  const number = meta.numberLine ? meta.numberLine.node.value.slice(meta.numberLine.start, meta.numberLine.end) : '';
  const closing = root.children.find((c) => c.type === 'closing');
  const sig = closing?.children.find((c): c is SignatureNode => c.type === 'signature');
  if (sig) readSignature(sig);
  for (const c of root.children) if (c.type === 'appendix') for (const cl of c.children) if (cl.type === 'closing') {
    const s = cl.children.find((x): x is SignatureNode => x.type === 'signature');
    if (s) readSignature(s);
  }
  const auth = sig?.authority.join(' ') ?? '';
  const headerText = headerParas.map((p) => p.value).join('\n');
  // the body type: the issuer's name first, then the number symbol, the motto, the signature
  if (issuer.body === 'unknown') {
    if (/[-/]UBND\b/u.test(number) || /ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/u.test(auth)) issuer.body = 'state';
    else if (/-\s*[A-ZĐ]+\/[A-ZĐ]+/u.test(number.replace(/^\s*Số\s*:?/u, '')) || /ĐẢNG CỘNG SẢN VIỆT NAM/u.test(headerText) || /BAN THƯỜNG VỤ|BAN CHẤP HÀNH/u.test(auth)) issuer.body = 'party';
    else if (/MTTQ|MẶT TRẬN/u.test(number + auth)) issuer.body = 'front';
  }
  meta.issuer = issuer;
  meta.kind = issuer.body;
  // the kind: title word, number symbol, V/v line
  const symbol = number ? numberSymbol(number) : undefined;
  if (symbol) meta.symbol = symbol;
  const title = root.children.find((c) => c.type === 'title');
  const titleLine = title?.children[0]?.type === 'paragraph' ? title.children[0].value.split('\n')[0] : undefined;
  const kind = decideKind({ title: titleLine, symbol, hasVv, issuer: `${issuer.superior ?? ''} ${issuer.name ?? ''}` });
  meta.docKind = kind.id;
  meta.normative = kind.normative;
  return meta;
}

/**
 * Form templates: forms (Mẫu, Biểu), appendices and attached documents made mostly of
 * fill-in blanks, a document that is itself a form, and runs of three or more fill-in
 * paragraphs in the body. Their paragraphs get `template: true`.
 */
function markTemplates(root: PlanRoot): void {
  const mark = (nodes: readonly { type: string }[]): void => {
    for (const p of paragraphsOf(nodes)) p.template = true;
  };
  const dense = (nodes: readonly { type: string }[]): boolean => {
    const ps = paragraphsOf(nodes).filter((p) => p.value.trim());
    const fill = ps.filter((p) => FILL_IN.test(p.value)).length;
    return fill >= 3 && fill >= ps.length * 0.25;
  };
  for (const c of root.children) {
    if (c.type !== 'appendix') continue;
    if (!c.template && dense(c.children)) c.template = true;
    if (c.template) mark(c.children);
  }
  const head = root.children.filter((c) => c.type === 'header' || c.type === 'title' || c.type === 'preamble');
  const firstLines = paragraphsOf(head).slice(0, 4);
  if (firstLines.some((p) => FORM_CAPTION.test(p.value.split('\n')[0]!))) root.meta.template = true;
  const body = root.children.filter((c) => c.type !== 'appendix' && c.type !== 'footnotes');
  if (root.meta.template || (dense(body) && paragraphsOf(body).filter((p) => FILL_IN.test(p.value)).length >= 8)) {
    root.meta.template = true;
    mark(body);
    return;
  }
  markSignOffBoxes(paragraphsOf(body));
  // runs of fill-in paragraphs in the author's text: a form block
  const ps = paragraphsOf(body);
  let run: ParagraphNode[] = [];
  const flush = (): void => {
    if (run.length >= 3) for (const p of run) p.template = true;
    run = [];
  };
  for (const p of ps) {
    if (FILL_IN.test(p.value) && !p.loc.table) run.push(p);
    else if (p.value.trim()) flush();
  }
  flush();
}

/**
 * The approvers' sign-off boxes of a submission form (a table cell each, or in running text
 * a heading "Ý kiến của …" / "Kính trình …" with its lines): their date and dotted lines are
 * filled by the approver when signing, so they are the form's blanks, not the drafter's.
 */
function markSignOffBoxes(ps: ParagraphNode[]): void {
  const lines = (group: ParagraphNode[]): ParagraphNode[] => group.filter((p) => p.value.trim());
  const mark = (group: ParagraphNode[]): void => {
    // a cell may be one paragraph of several lines (Markdown tables with <br>)
    if (isSignOffBox(group.flatMap((p) => p.value.split('\n')).map((l) => l.trim()).filter(Boolean))) for (const p of group) p.template = true;
  };
  // table cells
  const cells = new Map<string, ParagraphNode[]>();
  for (const p of ps) {
    const t = p.loc.table;
    if (!t) continue;
    const key = `${p.loc.part ?? ''}:${t.table}:${t.row}:${t.cell}`;
    const list = cells.get(key) ?? [];
    list.push(p);
    cells.set(key, list);
  }
  for (const group of cells.values()) mark(lines(group));
  // running text: an opinion heading, or a short heading over dotted lines, and the few short lines under it, up to the approver's name
  const free = lines(ps.filter((p) => !p.loc.table));
  for (let i = 0; i < free.length; i++) {
    const head = free[i]!.value.trim();
    if (head.length > 120 || !(OPINION_HEADING.test(head) || (head.length <= 80 && !/[.;]$/u.test(head) && FILL_LINE.test(free[i + 1]?.value ?? '')))) continue;
    const box = free.slice(i, i + 6);
    const date = box.findIndex((p, k) => k > 0 && /ngày/iu.test(p.value) && /tháng/iu.test(p.value));
    if (date < 1) continue;
    const group = box.slice(0, Math.min(box.length, date + 2));
    if (group.slice(1, date).every((p) => p.value.trim().length <= 160)) mark(group);
  }
}

function leadOf(s: string): number {
  return /^\s*/.exec(s)![0].length;
}

export function paragraphsOf(nodes: readonly { type: string }[]): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  const walk = (list: readonly { type: string; children?: unknown }[]): void => {
    for (const n of list) {
      if (n.type === 'paragraph') out.push(n as ParagraphNode);
      else if (Array.isArray((n as { children?: unknown }).children)) walk((n as { children: { type: string }[] }).children);
    }
  };
  walk(nodes);
  return out;
}

function refOf(node: ParagraphNode, start: number, end: number): TextRef {
  return { node, start, end };
}

function makeConverter(format: ReadDocument['format'] = 'docx'): (b: Block) => ParagraphNode | TableNode {
  const convert = (b: Block): ParagraphNode | TableNode => {
    if (b.kind === 'p') {
      const { value, nfcToRaw } = toNfc(b.raw);
      const node: ParagraphNode = { type: 'paragraph', value, raw: b.raw, nfcToRaw, map: b.map, loc: b.loc };
      if (b.headingLevel) node.headingLevel = b.headingLevel;
      if (b.format) node.format = b.format;
      let label = b.loc.table ? undefined : parseLabel(value, !!b.autoLabel);
      // plain text: a label alone on its line is a cell of a table flattened into text, not a heading
      if (label && format === 'text' && !label.keyword && value.split('\n')[0]!.trim() === label.raw.trim()) label = undefined;
      if (label) node.label = label;
      return node;
    }
    const table: TableNode = {
      type: 'table',
      index: b.index,
      children: b.rows.map((row, r) => ({
        type: 'row' as const,
        index: r,
        children: row.cells.map((cell, c): CellNode => {
          const node: CellNode = { type: 'cell', index: c, children: cell.blocks.map(convert) };
          if (cell.gridSpan && cell.gridSpan > 1) node.gridSpan = cell.gridSpan;
          if (cell.vMerge) node.vMerge = cell.vMerge;
          return node;
        }),
      })),
    };
    return table;
  };
  return convert;
}

/**
 * The path of a section under `path`: "I" + "1" → "I.1"; a hierarchical label carries
 * its parents, so "1.1" under "I.1" is "I.1.1", not "I.1.1.1"; "Điều 5" is "Đ5".
 */
export function sectionPath(path: string, l: Label): string {
  const own = l.keyword ? `${KEYWORD_PREFIX[l.keyword]}${/^thứ/iu.test(l.core) ? l.value : l.core}` : l.core;
  if (!path) return own;
  if (l.style === 'hier' && !l.keyword && l.parts) {
    const up = path.split('.');
    const mine = l.parts.map(String);
    // drop the trailing components of the parent path that the label repeats
    for (let k = Math.min(up.length, mine.length - 1); k > 0; k--) {
      if (up.slice(up.length - k).join('.') === mine.slice(0, k).join('.')) return [...up.slice(0, up.length - k), ...mine].join('.');
    }
  }
  return `${path}.${own}`;
}

const KEYWORD_PREFIX: Record<LabelKeyword, string> = { phan: 'P', chuong: 'C', muc: 'M', 'tieu-muc': 'TM', dieu: 'Đ', buoc: 'B' };

/** Positions and section paths for every node. */
function finish(root: PlanRoot, doc: ReadDocument): void {
  const lineStarts = doc.lineStarts;
  const paraPos = (p: ParagraphNode): Position => {
    if (p.map.kind === 'text' && lineStarts) {
      const offs = p.map.offsets;
      const start = offsetToPoint(lineStarts, offs[0]!);
      const end = offsetToPoint(lineStarts, offs[offs.length - 1]!);
      return { start, end };
    }
    return { start: { line: p.loc.ordinal, column: 1 }, end: { line: p.loc.ordinal, column: p.value.length + 1 } };
  };
  const walk = (node: { type: string; children?: unknown[]; position?: Position; path?: string }, path: string): Position | undefined => {
    let here = path;
    if (node.type === 'section') here = sectionPath(path, (node as SectionNode).label);
    else if (node.type === 'appendix') {
      const a = node as AppendixNode;
      here = `${a.scope === 'form' ? 'M' : a.scope === 'attached' ? 'KT' : 'PL'}${a.label ?? ''}`;
    }
    node.path = here;
    if (node.type === 'paragraph') {
      node.position = paraPos(node as ParagraphNode);
      return node.position;
    }
    let first: Position | undefined;
    let last: Position | undefined;
    for (const c of (node.children ?? []) as { type: string }[]) {
      const p = walk(c, here);
      if (p) {
        first ??= p;
        last = p;
      }
    }
    if (first && last) node.position = { start: first.start, end: last.end };
    return node.position;
  };
  walk(root, '');
  root.path = '';
}

/** Dashes, stars and spaces off both ends (a scan: /[-*\s]+$/ retries from every mark of a long run). */
function trimDecoration(s: string): string {
  const mark = (c: string | undefined): boolean => c !== undefined && /[-–—*\s]/u.test(c);
  let a = 0;
  let b = s.length;
  while (a < b && mark(s[a])) a++;
  while (b > a && mark(s[b - 1])) b--;
  return s.slice(a, b);
}
