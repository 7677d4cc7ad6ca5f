// typo — Vietnamese spelling in the administrative register (chính tả): non-words,
// reviewed misspellings of administrative phrases, and real syllables in the
// wrong place found from their neighbours ("Công thông tin" for "Cổng").
import type { ParagraphNode, RuleContext, RuleModule } from '../src/types.js';
import { sharedModel } from '../src/typo/model.js';
import { checkTokens, DocumentCounts, type TypoFinding } from '../src/typo/check.js';
import { tokensOf, type Token } from '../src/typo/tokens.js';
import { isUpperText } from '../src/text/normalize.js';


export const rule: RuleModule = {
  meta: {
    id: 'typo',
    description: {
      vi: 'Chính tả tiếng Việt: từ không có, lỗi thường gặp trong văn bản hành chính, âm tiết sai ngữ cảnh',
      en: 'Vietnamese spelling: non-words, frequent misspellings of administrative phrases, syllables wrong in context',
    },
    docs: 'docs/rules/typo.md',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      nonword: { vi: '"{found}" không phải tiếng Việt đúng chính tả{hint}', en: '"{found}" is not a Vietnamese word{hint}' },
      confusion: { vi: '"{found}" viết sai chính tả — đúng là "{expected}"', en: '"{found}" is misspelt — it should be "{expected}"' },
      split: { vi: '"{found}" có dấu cách thừa giữa một tiếng — đúng là "{expected}"', en: '"{found}" has a stray space inside a syllable — it should be "{expected}"' },
      context: { vi: '"{found}" có vẻ sai trong ngữ cảnh này — có phải "{expected}"?', en: '"{found}" looks wrong here — did you mean "{expected}"?' },
      replace: { vi: 'Sửa thành "{text}"', en: 'Change to "{text}"' },
    },
  },
  create(context) {
    const m = sharedModel();
    const words = new Set(context.settings.words.flatMap((w) => w.toLowerCase().split(/\s+/)));
    return {
      'plan:exit'() {
        const paragraphs = context.extract.paragraphs();
        const tokensOfParagraphs = paragraphs.map((p) => tokensOf(p.value));
        // the plan's own pairs of syllables: its register, which laws do not have
        const documentPairs = new DocumentCounts();
        for (const t of tokensOfParagraphs) documentPairs.add(t, m);
        let prev: { node: ParagraphNode; last: Token } | undefined;
        paragraphs.forEach((p, k) => {
          // the numbering label is not a word
          const all = tokensOfParagraphs[k]!;
          const tokens = p.label ? all.filter((t) => t.start >= p.label!.end) : all;
          if (!tokens.length) return;
          // a sentence broken across two paragraphs ("nền" / "tăng số") is read as one
          const sameBox = (a: ParagraphNode, b: ParagraphNode): boolean =>
            a.loc.table === undefined ? b.loc.table === undefined : !!b.loc.table && a.loc.table.table === b.loc.table.table && a.loc.table.row === b.loc.table.row && a.loc.table.cell === b.loc.table.cell;
          const joinable = !!prev && !p.label && /^\s*\p{Ll}/u.test(p.value) && sameBox(prev.node, p) && !/[.;:!?…)”"]\s*$/u.test(prev.node.value);
          const run = joinable ? [{ ...prev!.last, sentenceStart: false }, { ...tokens[0]!, joined: true }, ...tokens.slice(1)] : tokens;
          const offset = joinable ? 1 : 0;
          const upperLine = tokens.length > 1 && isUpperText(p.value);
          for (const f of checkTokens(run, m, { words, documentPairs }, upperLine)) {
            if (f.start < offset) continue;
            report(context, p, run, f);
          }
          prev = { node: p, last: tokens[tokens.length - 1]! };
        });
      },
    };
  },
};

function report(context: RuleContext, node: ParagraphNode, run: Token[], f: TypoFinding): void {
  const range = { node, start: run[f.start]!.start, end: run[f.end - 1]!.end };
  const expected = f.suggestions[0];
  const hint = expected ? (context.lang === 'vi' ? ` — có thể là "${expected}"` : ` — perhaps "${expected}"`) : '';
  const safe = f.kind !== 'context' && f.confident && f.suggestions.length === 1;
  context.report({
    range,
    messageId: f.kind,
    severity: f.confident ? 'error' : 'warn',
    data: { found: f.found, expected: expected ?? '', hint },
    suggestions: f.suggestions.map((text) => ({ messageId: 'replace', text })),
    fix: safe && expected ? { range, text: expected } : undefined,
  });
}
