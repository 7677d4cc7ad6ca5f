// repeated-word — the same word or two-word phrase written twice in a row ("để để",
// "công tác công tác"); reduplications and two words that share a syllable are left alone.
import type { RuleModule } from '../src/types.js';
import { sharedModel, typoAdditions, type SyllableModel } from '../src/typo/model.js';
import { findRepeats } from '../src/typo/repeat.js';
import { tokensOf, type Token } from '../src/typo/tokens.js';

/**
 * The syllable meant, when the pair a removal would leave (the copy's last syllable, the next word) is never written, while a
 * syllable one keystroke from that last syllable makes a common pair with the next word ("thống tin"
 * never, "thông tin" thousands of times): the doubling is part of a misspelt phrase.
 */
function misspeltPair(model: SyllableModel, a: Token, b: Token): string | undefined {
  if (a.caseForm !== 'lower' || b.caseForm !== 'lower') return undefined;
  const x = model.analyzeToken(a).id;
  const y = model.analyzeToken(b).id;
  if (x < 0 || y < 0 || !model.attestedId(x) || !model.attestedId(y) || model.bigramId(x, y) > 0) return undefined;
  let best: string | undefined;
  let count = 99; // a common pair: written a hundred times or more
  for (const c of model.candidates(a.lower)) {
    const n = model.bigram(c, b.lower);
    if (n > count) [best, count] = [c, n];
  }
  return best;
}

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
      repeatedMisspelt: {
        vi: '"{found}" bị lặp lại, nhưng bỏ một lần cũng không thành cụm từ đúng ("{after}") — xem lại cả cụm',
        en: '"{found}" is repeated, but removing one copy does not give a right phrase either ("{after}") — check the whole phrase',
      },
      remove: { vi: 'Bỏ "{found}" thừa', en: 'Remove the extra "{found}"' },
      replaceWith: { vi: 'Sửa thành "{text}"', en: 'Change to "{text}"' },
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
            const range = { node: p, start: tokens[r.first]!.start, end: tokens[r.end - 1]!.end };
            // Removing the copy joins its last word to the word after it, a pair the text already has: when
            // that pair is a misspelling ("Hệ thống thống tin": "thống tin" for "thông tin"), removing a
            // copy is no fix.
            const next = tokens[r.end];
            const meant = next?.joined ? misspeltPair(model, tokens[r.end - 1]!, next) : undefined;
            if (meant) {
              const after = p.value.slice(tokens[r.first]!.start, tokens[r.copy - 1]!.end) + p.value.slice(tokens[r.end - 1]!.end, next!.end);
              // the likely phrase: the last syllable of the copy read as the one meant ("thống thông")
              const text = p.value.slice(tokens[r.first]!.start, tokens[r.end - 1]!.start) + meant;
              context.report({ range, messageId: 'repeatedMisspelt', data: { found, after }, suggestions: [{ messageId: 'replaceWith', text }] });
              continue;
            }
            // the fix removes the copy and the space before it
            const fix = { range: { node: p, start: tokens[r.copy - 1]!.end, end: tokens[r.end - 1]!.end }, text: '' };
            context.report({
              range,
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
