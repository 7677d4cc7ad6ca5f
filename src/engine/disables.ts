// Inline disables: Markdown comments <!-- plan-lint-disable RULE --> and Word
// comments whose text starts with "plan-lint-disable RULE".
import type { DocComment, Directive, LintMessage, ParagraphNode } from '../types.js';

export function applyDirectives(messages: LintMessage[], directives: Directive[], paragraphs: ParagraphNode[]): LintMessage[] {
  if (!directives.length) return messages;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  const matches = (d: Directive, rule: string | null): boolean => !d.rules.length || (rule !== null && d.rules.includes(rule));
  // "next line" means the next block: a paragraph can span several lines
  const nextBlock = (line: number): [number, number] => {
    const p = paragraphs.find((q) => q.position && q.position.start.line > line);
    return p?.position ? [p.position.start.line, p.position.end.line] : [line + 1, line + 1];
  };
  return messages.filter((m) => {
    if (m.fatal) return true;
    let disabled = false;
    for (const d of sorted) {
      if (d.kind === 'disable' && d.line <= m.line && matches(d, m.ruleId)) disabled = true;
      else if (d.kind === 'enable' && d.line <= m.line && matches(d, m.ruleId)) disabled = false;
      else if (d.kind === 'disable-line' && d.line === m.line && matches(d, m.ruleId)) return false;
      else if (d.kind === 'disable-next-line' && matches(d, m.ruleId)) {
        const [a, b] = nextBlock(d.line);
        if (m.line >= a && m.line <= b) return false;
      }
    }
    return !disabled;
  });
}

const COMMENT_DIRECTIVE = /^[ \t]*plan-lint-disable\b(.*)$/m;

/** Word comments: a "plan-lint-disable RULE" comment silences RULE on the commented text. */
export function applyWordComments(messages: LintMessage[], comments: DocComment[]): LintMessage[] {
  const ranges = comments
    .map((c) => {
      const m = COMMENT_DIRECTIVE.exec(c.text);
      if (!m) return null;
      const rules = m[1]!.split(/[\s,]+/).filter(Boolean);
      return { rules, c };
    })
    .filter((x): x is { rules: string[]; c: DocComment } => x !== null);
  if (!ranges.length) return messages;
  const cmp = (a: number, ao: number, b: number, bo: number): number => (a !== b ? a - b : ao - bo);
  return messages.filter((m) => {
    const i = m.internal;
    // Word comments anchor in the document body, not in footnotes
    if (m.fatal || !i || i.docxIndex === undefined || (i.part !== undefined && i.part !== 'word/document.xml')) return true;
    return !ranges.some(({ rules, c }) => {
      if (rules.length && (m.ruleId === null || !rules.includes(m.ruleId))) return false;
      // overlap of [msgStart, msgEnd) with [commentStart, commentEnd]
      const startsBeforeEnd = cmp(i.docxIndex!, i.rawStart, c.end.docxIndex, c.end.offset) <= 0;
      const endsAfterStart = cmp(i.docxIndex!, i.rawEnd, c.start.docxIndex, c.start.offset) >= 0;
      return startsBeforeEnd && endsAfterStart;
    });
  });
}
