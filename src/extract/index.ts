// Shared extractors: facts about a plan that several rules need, computed once
// per file on first use (citations, dates, unit mentions, numbering labels).
import type { Extractors, PlanRoot, ResolvedConfig } from '../types.js';
import { paragraphsOf } from '../plan/build.js';
import { extractCitations, ownNumber, type Citation, type OwnNumber } from './citations.js';
import { datesIn, type DateMention } from './dates.js';
import { extractUnitMentions, type UnitMention } from './units.js';

// The extractors' results, added to the rule context's interface here (types.ts imports nothing).
declare module '../types.js' {
  interface Extractors {
    citations(): Citation[];
    dates(): DateMention[];
    unitMentions(): UnitMention[];
    ownNumber(): OwnNumber | undefined;
    /** The document's own date from its place-date line. */
    ownDate(): DateMention | undefined;
  }
}

export type ExtractorFactory = (tree: PlanRoot, config: ResolvedConfig, extract: Extractors) => unknown;

/** The extractors by name; each runs lazily and at most once per file. */
const FACTORIES: { [K in keyof Extractors]: ExtractorFactory } = {
  paragraphs: (tree) => paragraphsOf(tree.children),
  citations: (tree) => extractCitations(tree),
  dates: (_tree, _config, extract) => extract.paragraphs().flatMap(datesIn),
  unitMentions: (tree) => extractUnitMentions(tree),
  ownNumber: (tree) => ownNumber(tree),
  ownDate: (tree) => {
    const pd = tree.meta.placeDate;
    return pd ? datesIn(pd.node).find((d) => d.ref.start >= pd.start) : undefined;
  },
};

export function createExtractors(tree: PlanRoot, config: ResolvedConfig): Extractors {
  const cache = new Map<string, unknown>();
  const extract = {} as Extractors;
  for (const [name, factory] of Object.entries(FACTORIES)) {
    (extract as unknown as Record<string, () => unknown>)[name] = () => {
      if (!cache.has(name)) cache.set(name, factory(tree, config, extract));
      return cache.get(name);
    };
  }
  return extract;
}

