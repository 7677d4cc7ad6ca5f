// --annotate: a copy of a Word plan in which every finding is a Word comment by
// "plan-lint", anchored on the flagged text (across runs when Word split it).
// The original is never modified.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { LintMessage, ParagraphNode } from './types.js';
import { parseFile } from './engine/linter.js';
import { paragraphsOf } from './plan/build.js';
import { DOCUMENT_PART, SKIP } from './readers/docx.js';
import { squash } from './text/normalize.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface TextElement {
  runStart: number; // offset of "<w:r" in the XML
  runOpenEnd: number; // just after the run's open tag
  tOpenStart: number; // offset of "<w:t"
  textStart: number; // just after "<w:t …>"
  textEnd: number; // offset of "</w:t>"
  runCloseStart: number; // offset of "</w:r>"
  runEnd: number; // just after "</w:r>"
  rPr: string; // the run's properties, repeated on the pieces of a split run
}

/** Find the w:t elements the reader counted, in the same order (skipping deleted text, field codes, fallbacks). */
export function textElements(xml: string): TextElement[] {
  const out: TextElement[] = [];
  // regex-safe: runs on document.xml the reader has parsed as well-formed XML, where every '<' has its '>'
  const tag = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)(?![\w.:-])((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let skip = 0;
  let run: { start: number; openEnd: number; rPr: string } | null = null;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml))) {
    const [whole, close, name, , self] = m;
    const at = m.index;
    if (close) {
      if (SKIP.has(name!)) skip--;
      else if (name === 'w:r') run = null;
      continue;
    }
    // the run's own properties (not those of the paragraph mark), repeated on each piece of a split run
    if (name === 'w:rPr' && run && skip === 0) run.rPr = self ? whole : xml.slice(at, xml.indexOf('</w:rPr>', at) + 8);
    if (SKIP.has(name!)) {
      if (!self) skip++;
      continue;
    }
    if (self || skip) continue;
    if (name === 'w:r') run = { start: at, openEnd: at + whole.length, rPr: '' };
    else if (name === 'w:t' && run) {
      const textStart = at + whole.length;
      const textEnd = xml.indexOf('</w:t>', textStart);
      const runCloseStart = xml.indexOf('</w:r>', textEnd);
      out.push({ runStart: run.start, runOpenEnd: run.openEnd, tOpenStart: at, textStart, textEnd, runCloseStart, runEnd: runCloseStart + 6, rPr: run.rPr });
    }
  }
  return out;
}

/** XML offset of the n-th decoded character of an element's text (entities count as one). */
function xmlOffset(xml: string, from: number, to: number, n: number): number {
  let i = from;
  for (let k = 0; k < n && i < to; k++) i = xml[i] === '&' ? xml.indexOf(';', i) + 1 : i + 1;
  return i;
}

interface Anchor {
  tIndex: number;
  offset: number; // decoded characters into that w:t
}

/** Map a range of a paragraph's raw text to w:t positions through the reader's source map. */
function anchors(p: ParagraphNode, rawStart: number, rawEnd: number): [Anchor, Anchor] | undefined {
  if (p.map.kind !== 'docx') return undefined;
  const segs = p.map.segments.filter((s) => s.tIndex >= 0);
  if (!segs.length) return undefined;
  const startSeg = segs.find((s) => rawStart < s.end) ?? segs[segs.length - 1]!;
  const endSeg = [...segs].reverse().find((s) => rawEnd > s.start) ?? startSeg;
  const start = { tIndex: startSeg.tIndex, offset: startSeg.tOffset + Math.max(0, rawStart - startSeg.start) };
  const end = { tIndex: endSeg.tIndex, offset: endSeg.tOffset + Math.min(endSeg.end, rawEnd) - endSeg.start };
  return [start, end];
}

/**
 * Changes to the text of w:t elements: markup inserted at a point, or a span replaced (the span's
 * own escaped text is passed to the markup, e.g. to write it as deleted text).
 */
class Edits {
  private readonly byElement = new Map<number, { from: number; to: number; order: number; markup: (oldXml: string, rPr: string) => string }[]>();

  insert(a: Anchor, markup: string, order = 0): void {
    this.add(a.tIndex, { from: a.offset, to: a.offset, order, markup: () => markup });
  }

  replace(tIndex: number, from: number, to: number, markup: (oldXml: string, rPr: string) => string): void {
    this.add(tIndex, { from, to, order: 2, markup });
  }

  has(tIndex: number): boolean {
    return this.byElement.has(tIndex);
  }

  private add(tIndex: number, e: { from: number; to: number; order: number; markup: (oldXml: string, rPr: string) => string }): void {
    const list = this.byElement.get(tIndex) ?? [];
    list.push(e);
    this.byElement.set(tIndex, list);
  }

  /** Rebuild each run that holds an edit, from the end of the document backwards, splitting it where needed. */
  apply(xml: string, elements: TextElement[]): string {
    let out = xml;
    for (const tIndex of [...this.byElement.keys()].sort((a, b) => b - a)) {
      const e = elements[tIndex]!;
      const list = this.byElement.get(tIndex)!.sort((a, b) => a.from - b.from || a.order - b.order);
      const text = out.slice(e.textStart, e.textEnd);
      const tOpen = out.slice(e.tOpenStart, e.textStart).replace(/^<w:t\b[^>]*>/, '<w:t xml:space="preserve">');
      const before = out.slice(e.runOpenEnd, e.tOpenStart); // run properties and earlier children
      const after = out.slice(e.textEnd + 6, e.runCloseStart); // later children
      const runOpen = out.slice(e.runStart, e.runOpenEnd);
      const decodedLength = text.replace(/&[^;&]*;/g, '_').length;
      const at = (n: number): number => xmlOffset(text, 0, text.length, Math.min(n, decodedLength));
      let pieces = '';
      let last = 0;
      let first = true;
      const piece = (from: number, to: number, isLast: boolean): string => {
        const body = at(to) > at(from) ? `${tOpen}${text.slice(at(from), at(to))}</w:t>` : '';
        const head = first ? before : e.rPr;
        const tail = isLast ? after : '';
        first = false;
        return body || head !== e.rPr || tail ? `${runOpen}${head}${body}${tail}</w:r>` : '';
      };
      for (const edit of list) {
        if (edit.from < last) continue; // overlaps an earlier edit
        pieces += piece(last, edit.from, false) + edit.markup(text.slice(at(edit.from), at(edit.to)), e.rPr);
        last = Math.max(last, edit.to);
      }
      pieces += piece(last, decodedLength, true);
      out = out.slice(0, e.runStart) + pieces + out.slice(e.runEnd);
    }
    return out;
  }
}

export interface AnnotateResult {
  bytes: Uint8Array;
  comments: number;
}

/** What both writers need: the paragraphs by index, the parts, the text elements and a free id. */
async function prepare(filePath: string, bytes: Uint8Array) {
  const { tree } = await parseFile(filePath, bytes);
  const byIndex = new Map(paragraphsOf(tree.children).filter((p) => p.loc.part === DOCUMENT_PART).map((p) => [p.loc.docxIndex!, p]));
  const files = unzipSync(bytes);
  const xml = strFromU8(files[DOCUMENT_PART]!);
  const existing = files['word/comments.xml'] ? strFromU8(files['word/comments.xml']) : undefined;
  const ids = [...`${existing ?? ''}${xml}`.matchAll(/w:id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
  return { byIndex, files, xml, elements: textElements(xml), existing, nextId: Math.max(0, ...ids), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
}

/** The safe fixes of a DOCX as tracked changes by "plan-lint" in a copy: the reviewer accepts or rejects each in Word. */
export async function fixDocxCopy(filePath: string, bytes: Uint8Array, messages: LintMessage[]): Promise<{ bytes: Uint8Array; changes: number }> {
  const { byIndex, files, xml, elements, date, nextId: firstId } = await prepare(filePath, bytes);
  let nextId = firstId;
  const edits = new Edits();
  let changes = 0;
  for (const m of messages) {
    const f = m.fix?.docx;
    if (!f || f.part !== DOCUMENT_PART) continue;
    const p = byIndex.get(f.docxIndex);
    const a = p && anchors(p, f.start, f.end);
    // a fix stays inside one w:t (a number, a syllable); one that crosses runs is left for the reviewer
    if (!a || a[0].tIndex !== a[1].tIndex || !elements[a[0].tIndex] || edits.has(a[0].tIndex)) continue;
    const del = nextId++;
    const ins = nextId++;
    const text = m.fix!.text;
    edits.replace(a[0].tIndex, a[0].offset, a[1].offset, (oldXml, rPr) =>
      `<w:del w:id="${del}" w:author="plan-lint" w:date="${date}"><w:r>${rPr}<w:delText xml:space="preserve">${oldXml}</w:delText></w:r></w:del>` +
      `<w:ins w:id="${ins}" w:author="plan-lint" w:date="${date}"><w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:ins>`);
    changes++;
  }
  files[DOCUMENT_PART] = strToU8(edits.apply(xml, elements));
  return { bytes: zipSync(files), changes };
}

/** Write the findings of a DOCX as comments into a copy of it. */
export async function annotateDocx(filePath: string, bytes: Uint8Array, messages: LintMessage[], lang: 'vi' | 'en'): Promise<AnnotateResult> {
  const { byIndex, files, xml, elements, existing, date, nextId: firstId } = await prepare(filePath, bytes);
  let nextId = firstId;
  const edits = new Edits();
  const add = (a: Anchor, markup: string, order: number): void => edits.insert(a, markup, order);
  const comments: string[] = [];
  for (const m of messages) {
    const i = m.internal;
    if (!i || i.docxIndex === undefined || (i.part !== undefined && i.part !== DOCUMENT_PART)) continue;
    const p = byIndex.get(i.docxIndex);
    const a = p && anchors(p, i.rawStart, Math.max(i.rawEnd, i.rawStart + 1));
    if (!a || !elements[a[0].tIndex] || !elements[a[1].tIndex]) continue;
    const id = nextId++;
    add(a[0], `<w:commentRangeStart w:id="${id}"/>`, 1);
    add(a[1], `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`, 0);
    const level = m.severity === 2 ? (lang === 'vi' ? 'Lỗi' : 'Error') : m.severity === 1 ? (lang === 'vi' ? 'Cảnh báo' : 'Warning') : 'Info';
    const text = `${level}: ${squash(m.message)}${m.suggestions?.[0] ? (lang === 'vi' ? ` Đề nghị: "${m.suggestions[0].text}".` : ` Suggested: "${m.suggestions[0].text}".`) : ''} (${m.ruleId ?? 'plan-lint'})`;
    comments.push(`<w:comment w:id="${id}" w:author="plan-lint" w:date="${date}" w:initials="PL"><w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:comment>`);
  }

  const out = edits.apply(xml, elements);
  files[DOCUMENT_PART] = strToU8(out);

  // comments.xml, its relationship and its content type
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  files['word/comments.xml'] = strToU8(
    existing ? existing.replace(/<\/w:comments>\s*$/, `${comments.join('')}</w:comments>`) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}>${comments.join('')}</w:comments>`,
  );
  const relsName = 'word/_rels/document.xml.rels';
  let rels = files[relsName] ? strFromU8(files[relsName]) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  if (!/relationships\/comments"/.test(rels)) {
    rels = rels.replace('</Relationships>', '<Relationship Id="rIdPlanLintComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>');
  }
  files[relsName] = strToU8(rels);
  let types = strFromU8(files['[Content_Types].xml']!);
  if (!/PartName="\/word\/comments\.xml"/.test(types)) {
    types = types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>');
  }
  files['[Content_Types].xml'] = strToU8(types);
  return { bytes: zipSync(files), comments: comments.length };
}
