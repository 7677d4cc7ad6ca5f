// ReadDocument → plan tree. One builder for every format, so a plan read from
// Word and the same plan read from text give the same outline.
import type {
  AppendixNode,
  Block,
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

const TITLE = /^\s*KẾ\s+HOẠCH(?=\s|$)[ \t]*\n?/u;
/** \b only knows ASCII letters; this is a word end for Vietnamese. */
const END = '(?![\\p{L}\\p{N}])';
const NUMBER_LINE = /^\s*Số(?:\s*[:.])?\s*[\d.…_/-]/u;
// regex-safe: one start (^) and a bounded part: at most 40 steps for each leading space
const PLACE_DATE = /^\s*([^,\n]{2,40}?),\s*ngày\b/u;
const RECIPIENTS = /^\s*Nơi\s+nhận\s*:?/iu;
const AUTHORITY = /^\s*(TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.|Q\/)\s*\S/u;
const APPENDIX = new RegExp(`^\\s*PHỤ\\s+LỤC(?:\\s+(?:SỐ\\s+)?([0-9]{1,3}|[IVX]{1,6}|[A-Z]))?${END}`, 'u');
const MOTTO = /^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)$/iu;
const DECORATION = /^[\s*\-_–—=.·•]*$/u;

export function buildPlan(doc: ReadDocument): PlanRoot {
  const toNode = makeConverter();
  const items = doc.blocks.map(toNode);
  const root: PlanRoot = { type: 'plan', format: doc.format, meta: { kind: 'unknown' }, children: [] };

  // 1. Header and title: everything before "KẾ HOẠCH" is the header.
  const titleAt = items.findIndex((n) => n.type === 'paragraph' && TITLE.test(n.value));
  let i = 0;
  if (titleAt >= 0) {
    if (titleAt > 0) root.children.push({ type: 'header', children: items.slice(0, titleAt) });
    const titleNode: PlanContent = { type: 'title', children: [items[titleAt]!] };
    root.children.push(titleNode);
    i = titleAt + 1;
    const head = items[titleAt] as ParagraphNode;
    const rest = head.value.replace(TITLE, '');
    if (rest.trim()) root.meta.titleRef = refOf(head, head.value.length - rest.length, head.value.length);
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
  }

  // 2. Preamble: until the first numbered heading.
  const preamble: PlanContent[] = [];
  while (i < items.length) {
    const n = items[i]!;
    if (isBoundary(n) || (n.type === 'paragraph' && n.label && n.label.style !== 'bullet')) break;
    preamble.push(n);
    i++;
  }
  if (preamble.length) root.children.push({ type: 'preamble', children: preamble });

  // 3. Body, closing and appendices.
  let scope: { children: PlanContent[] } = root;
  let stack: { key: string; node: SectionNode }[] = [];
  let closing: ClosingNode | null = null;
  for (; i < items.length; i++) {
    const n = items[i]!;
    const appendixMatch = n.type === 'paragraph' ? APPENDIX.exec(n.value) : null;
    if (appendixMatch && n.type === 'paragraph' && isUpperText(n.value.split('\n')[0]!)) {
      const app: AppendixNode = { type: 'appendix', label: appendixMatch[1], children: [n] };
      root.children.push(app);
      scope = app;
      stack = [];
      closing = null;
      continue;
    }
    if (!closing && scope === root && startsClosing(n)) {
      closing = { type: 'closing', children: [] };
      root.children.push(closing);
    }
    if (closing) {
      addToClosing(closing, n);
      continue;
    }
    if (n.type === 'paragraph' && n.label && n.label.style !== 'bullet') {
      const key = rankKey(n.label);
      const at = stack.findIndex((e) => e.key === key);
      if (at >= 0) stack.length = at;
      const parent = stack.length ? stack[stack.length - 1]!.node : scope;
      const section: SectionNode = { type: 'section', label: n.label, depth: stack.length + 1, children: [n] };
      parent.children.push(section);
      stack.push({ key, node: section });
      continue;
    }
    const parent = stack.length ? stack[stack.length - 1]!.node : scope;
    if (n.type === 'paragraph' && n.label?.style === 'bullet') parent.children.push({ type: 'listItem', label: n.label, children: [n] });
    else parent.children.push(n);
  }

  if (doc.footnotes.length) root.children.push({ type: 'footnotes', children: doc.footnotes.map(toNode) });
  root.meta = { ...root.meta, ...readMeta(root) };
  finish(root, doc);
  return root;
}

function isDecoration(n: PlanContent): boolean {
  return n.type === 'paragraph' && DECORATION.test(n.value);
}

function isBoundary(n: PlanContent): boolean {
  return startsClosing(n) || (n.type === 'paragraph' && APPENDIX.test(n.value) && isUpperText(n.value.split('\n')[0]!));
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
  // Line by line: a Word header cell or a Markdown paragraph may hold several lines.
  for (const p of headerParas) {
    let at = 0;
    // lines, and tab-separated parts of a line (a header table pasted as text)
    for (const line of p.value.split(/[\n\t]/)) {
      const start = at + leadOf(line);
      const end = at + line.trimEnd().length;
      at += line.length + 1;
      if (!meta.numberLine && NUMBER_LINE.test(line)) meta.numberLine = refOf(p, start, end);
      const pd = PLACE_DATE.exec(line);
      if (!meta.placeDate && pd) {
        meta.placeDate = refOf(p, start, end);
        meta.place = pd[1]!.trim();
      }
    }
  }
  const bodyLines = headerParas
    .flatMap((p) => p.value.split(/[\n\t]+/))
    .map(squash)
    .filter((l) => l && !DECORATION.test(l) && !MOTTO.test(l) && isUpperText(l) && !NUMBER_LINE.test(l) && !PLACE_DATE.test(l));
  if (bodyLines.length) {
    if (bodyLines.length > 1 && /^ĐẢNG BỘ\s/u.test(bodyLines[0]!) && /^(ĐẢNG ỦY|ĐẢNG UỶ|CHI BỘ|BAN)\s/u.test(bodyLines[1]!)) {
      meta.superiorBody = bodyLines[0];
      meta.issuingBody = bodyLines.slice(1).join(' ');
    } else meta.issuingBody = bodyLines.join(' ');
  }
  const number = meta.numberLine ? meta.numberLine.node.value : '';
  const closing = root.children.find((c) => c.type === 'closing');
  const sig = closing?.children.find((c): c is SignatureNode => c.type === 'signature');
  if (sig) readSignature(sig);
  const auth = sig?.authority.join(' ') ?? '';
  const headerText = headerParas.map((p) => p.value).join('\n');
  if (/ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND/u.test(meta.issuingBody ?? '') || /[-/]UBND\b/u.test(number) || /ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/u.test(auth)) {
    meta.kind = 'state';
  } else if (
    /ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|BAN THƯỜNG VỤ/u.test(meta.issuingBody ?? '') ||
    /-\s*[A-ZĐ]+\/[A-ZĐ]+/u.test(number.replace(/^\s*Số\s*:?/u, '')) ||
    /ĐẢNG CỘNG SẢN VIỆT NAM/u.test(headerText) ||
    /BAN THƯỜNG VỤ|BAN CHẤP HÀNH/u.test(auth)
  ) {
    meta.kind = 'party';
  } else meta.kind = 'unknown';
  return meta;
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

function makeConverter(): (b: Block) => ParagraphNode | TableNode {
  const convert = (b: Block): ParagraphNode | TableNode => {
    if (b.kind === 'p') {
      const { value, nfcToRaw } = toNfc(b.raw);
      const node: ParagraphNode = { type: 'paragraph', value, raw: b.raw, nfcToRaw, map: b.map, loc: b.loc };
      if (b.headingLevel) node.headingLevel = b.headingLevel;
      const label = b.loc.table ? undefined : parseLabel(value, !!b.autoLabel);
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
    if (node.type === 'section') {
      const core = (node as SectionNode).label.core;
      here = path ? `${path}.${core}` : core;
    } else if (node.type === 'appendix') {
      here = `PL${(node as AppendixNode).label ?? ''}`;
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
