// repeated-word — the same word or two-word phrase written twice in a row ("để để",
// "công tác công tác"); reduplications and two words that share a syllable are left alone.
import type { RuleModule } from '../src/types.js';
import { sharedModel, typoAdditions } from '../src/typo/model.js';
import { findRepeats } from '../src/typo/repeat.js';
import { tokensOf } from '../src/typo/tokens.js';

export const rule: RuleModule = {
  meta: {
    id: 'repeated-word',
    description: {
      vi: 'Từ hoặc cụm hai từ bị gõ lặp liền nhau ("để để")',
      en: 'A word or two-word phrase typed twice in a row ("để để")',
    },
    docs: 'docs/rules/repeated-word.md',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      repeated: { vi: '"{found}" bị lặp lại — bỏ một lần', en: '"{found}" is repeated — remove one copy' },
      remove: { vi: 'Bỏ "{found}" thừa', en: 'Remove the extra "{found}"' },
    },
  },
  create(context) {
    const model = sharedModel();
    const { reduplications } = typoAdditions();
    return {
      'plan:exit'() {
        for (const p of context.extract.paragraphs()) {
          const all = tokensOf(p.value);
          const tokens = p.label ? all.filter((t) => t.start >= p.label!.end) : all;
          for (const r of findRepeats(tokens, model, reduplications)) {
            const found = p.value.slice(tokens[r.copy]!.start, tokens[r.end - 1]!.end);
            // the fix removes the copy and the space before it
            const fix = { range: { node: p, start: tokens[r.copy - 1]!.end, end: tokens[r.end - 1]!.end }, text: '' };
            context.report({
              range: { node: p, start: tokens[r.first]!.start, end: tokens[r.end - 1]!.end },
              messageId: 'repeated',
              data: { found },
              suggestions: [{ messageId: 'remove', data: { found }, text: p.value.slice(tokens[r.first]!.start, tokens[r.copy - 1]!.end) }],
              fix,
            });
          }
        }
      },
    };
  },
};
