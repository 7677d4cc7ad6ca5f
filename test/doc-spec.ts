// One small document written both as Markdown and as Word, for tests that must hold on both readers.
import { buildDocx, p, r, table } from '../scripts/docx-builder.mjs';

/** A body block: a paragraph (a "\n" in it is a line break inside the paragraph), or a table of plain cells. */
export type Block = string | { table: string[][] };

export interface DocSpec {
  /** Left header column: the body ("ỦY BAN NHÂN DÂN", "PHƯỜNG …", "Số: …"). */
  left: string[];
  /** Right header column: the motto and the place-date line. */
  right?: string[];
  kind?: string; // "KẾ HOẠCH"
  title: string;
  body: Block[];
  footnotes?: string[];
}

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

export function asMarkdown(d: DocSpec): string {
  const out: string[] = [];
  out.push(d.left.join('  \n'), '');
  out.push([...MOTTO, ...(d.right ?? [])].join('  \n'), '');
  out.push(`## ${d.kind ?? 'KẾ HOẠCH'}`, '', `**${d.title}**`, '');
  for (const b of d.body) {
    if (typeof b === 'string') out.push(b, '');
    else {
      const [head, ...rows] = b.table;
      out.push(`| ${head!.join(' | ')} |`, `| ${head!.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), '');
    }
  }
  const notes = d.footnotes ?? [];
  // Markdown has no footnotes here: the notes close the document as paragraphs
  notes.forEach((f, i) => out.push(`(${i + 1}) ${f}`, ''));
  return out.join('\n');
}

export function asDocx(d: DocSpec): Uint8Array {
  const header = table([[d.left.map((l) => p(l, { b: true })), [...MOTTO, ...(d.right ?? [])].map((l) => p(l))]], { borders: false });
  const parts: string[] = [header, p(d.kind ?? 'KẾ HOẠCH', { b: true }), p(d.title, { b: true })];
  for (const b of d.body) {
    if (typeof b === 'string') parts.push(p([r(b)]));
    else parts.push(table(b.table));
  }
  const footnotes = (d.footnotes ?? []).map((text, i) => ({ id: i + 1, text }));
  if (footnotes.length) {
    const refs = footnotes.map((f) => `<w:r><w:footnoteReference w:id="${f.id}"/></w:r>`).join('');
    parts.push(`<w:p>${r('Ghi chú')}${refs}</w:p>`);
  }
  return buildDocx(parts.join(''), { footnotes });
}
