// repeated-word — the same word or two-word phrase written twice in a row ("để để",
// "công tác công tác"); reduplications and two words that share a syllable are left alone. The fix removes
// the copy, except where that would leave a misspelt phrase ("hệ thống thống tin") or a syllable without its
// partner ("tình tình," for "tình hình"): those are reported with the phrase meant as a suggestion.
import type { RuleModule } from '../src/types.js';
import { sharedModel, typoAdditions, type SyllableModel } from '../src/typo/model.js';
import { cohesion, findRepeats, STRONG_WORD } from '../src/typo/repeat.js';
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

/** A pair office text writes often: a hundred times or more. */
const COMMON_PAIR = 100;

/**
 * The word meant, when a syllable doubled at the end of a clause is bound to a partner the text lacks:
 * removing a copy would leave it alone ("nắm chắc tình tình," → "nắm chắc tình"; "Hội đồng dân dân," →
 * "Hội đồng dân"), while one copy read as that partner gives the word ("tình hình", "Hội đồng nhân dân").
 * Bound: the syllable's most frequent neighbour takes at least STRONG_WORD of its uses, after it (the second
 * copy meant: "tình" → "hình") or before it, one that also follows the syllable before the doubling often
 * (the first copy meant: "đồng" → "nhân" → "dân"). Only where the word meant is written a hundred times more
 * often than the doubling and the syllable does not end a word with the one before it ("phát triển triển."
 * loses its copy as usual).
 */
function boundPartner(model: SyllableModel, before: Token | undefined, copy: Token): string | undefined {
  if (copy.caseForm !== 'lower') return undefined;
  const key = (t: Token): string => model.analyze(t.lower).key ?? t.lower;
  const x = key(copy);
  const uses = model.unigram(x);
  if (!uses) return undefined;
  const prev = before && copy.joined ? key(before) : undefined;
  if (prev && cohesion(model, prev, x) >= STRONG_WORD) return undefined;
  let best: string | undefined;
  let most = 0;
  // the second copy meant: the syllable's usual next one
  for (const [y, n] of model.successors(x)) if (y !== x && n / uses >= STRONG_WORD && n > most) [best, most] = [`${copy.lower} ${y}`, n];
  // the first copy meant: a syllable that usually comes before this one and often after the one before
  if (prev) {
    for (const [y, n] of model.successors(prev)) {
      if (y === x || n < COMMON_PAIR) continue;
      const m = model.bigram(y, x);
      if (m / uses >= STRONG_WORD && m > most) [best, most] = [`${y} ${copy.lower}`, m];
    }
  }
  // the word meant is written a hundred times more often than the doubling as it stands
  return best && model.bigram(x, x) * 100 < most ? best : undefined;
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
            // A syllable doubled at the end of a clause, which removing a copy would leave without its partner
            // ("tình tình," for "tình hình"): no fix, the word meant suggested.
            const before = tokens[r.first - 1];
            const word = r.end - r.copy === 1 && !next?.joined ? boundPartner(model, before, tokens[r.first]!) : undefined;
            if (word) {
              const after = (before && tokens[r.first]!.joined ? `${before.text} ` : '') + tokens[r.first]!.text;
              context.report({ range, messageId: 'repeatedMisspelt', data: { found, after }, suggestions: [{ messageId: 'replaceWith', text: word }] });
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
