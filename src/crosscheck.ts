// The folder-wide check: when several documents are linted together, a document that is itself in
// the run (known by its own kind, number, date and issuer) is checked against every citation of it in
// the other files. Each file's lint result carries a small serialisable summary (its own identity and
// its citations, with where each stands), cached with the result and sent back by workers; this
// post-pass runs in the main process once all files are done, so the outcome does not depend on
// --cache or --concurrency.
import path from 'node:path';
import type { Extractors, Lang, LintMessage, LintResult, PlanRoot, ResolvedConfig, TextRef } from './types.js';
import type { Located } from './engine/locate.js';
import { identityOf, ownKind } from './extract/citations.js';
import { fullNumber, relate, type DocIdentity, type Evidence } from './extract/identity.js';
import { rule as refMismatch } from '../rules/ref-mismatch.js';
import { fill } from './readers/errors.js';
import { byPosition, summarize } from './engine/linter.js';

type Anchor = Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn' | 'text' | 'location' | 'internal'>;

export interface CitedSummary {
  id: DocIdentity;
  type: string; // as written: "Kế hoạch"
  number: Anchor; // the number and code as written
  date?: Anchor;
}

export interface DocSummary {
  /** The document's own identity, when its header gives its number. */
  own?: DocIdentity;
  citations: CitedSummary[];
}

const anchor = (l: Located): Anchor => ({ line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, text: l.text, location: l.location, internal: l.internal });

/** What a file tells the folder-wide check: who it is and whom it cites. */
export function documentSummary(tree: PlanRoot, extract: Extractors, locate: (ref: TextRef) => Located): DocSummary {
  const own = extract.ownNumber();
  const ownDate = extract.ownDate();
  const kind = ownKind(tree, own);
  const summary: DocSummary = { citations: [] };
  if (own?.number && own.code && kind) {
    const written = own.ref.node.value.slice(own.ref.start, own.ref.end);
    summary.own = {
      kind,
      number: own.number,
      code: own.code,
      year: /^\d+\/(\d{4})\//.exec(written)?.[1],
      sep: /^\d+\s*-/.test(written) ? '-' : '/',
      date: ownDate && !ownDate.blank ? { day: ownDate.day, month: ownDate.month, year: ownDate.year } : undefined,
      issuer: tree.meta.issuer?.name ?? tree.meta.issuingBody,
      subject: tree.meta.title,
    };
  }
  for (const c of extract.citations()) {
    if (!c.number) continue;
    summary.citations.push({
      id: identityOf(c),
      type: c.type,
      number: anchor(locate(c.numberRef)),
      date: c.date && !c.date.blank ? anchor(locate(c.date.ref)) : undefined,
    });
  }
  return summary;
}

const EVIDENCE: Record<Evidence, { vi: string; en: string }> = {
  'same-number': { vi: 'cùng số', en: 'the same number' },
  'code-order': { vi: 'cùng số, các phần ký hiệu đổi chỗ', en: 'the same number, the parts of its code in another order' },
  'same-subject': { vi: 'cùng trích yếu', en: 'the same subject' },
  'date-issuer': { vi: 'cùng ngày và cơ quan ban hành, số chỉ khác một chữ số', en: 'the same date and issuer, a number one keystroke away' },
  title: { vi: 'cùng trích yếu', en: 'the same subject' },
};

const dmy = (d: DocIdentity['date']): string => (d ? `${d.day ?? '…'}/${d.month ?? '…'}/${d.year ?? '…'}` : '');

/**
 * Check every citation of a document of the run against the document itself; findings are added to
 * the citing file's result (rule ref-mismatch, at its configured severity, in the file's language).
 */
export function crossCheck(results: LintResult[], configs: ResolvedConfig[]): void {
  const docs = results
    .map((r, i) => ({ r, i, own: r.summary?.own }))
    .filter((d): d is { r: LintResult; i: number; own: DocIdentity } => !!d.own);
  if (docs.length === 0) return;
  results.forEach((r, i) => {
    if (!r.summary) return;
    const config = configs[i];
    const setting = config?.rules['ref-mismatch'];
    const severity = setting ? setting.severity : 2;
    if (!severity) return;
    const lang: Lang = config?.lang ?? 'vi';
    const added: LintMessage[] = [];
    for (const c of r.summary.citations) {
      // the document it names exactly, if the run holds it; else one the evidence says it miswrites
      const exact = docs.filter((d) => d.i !== i && d.own.kind === c.id.kind && d.own.number === c.id.number && d.own.code === c.id.code);
      let target: { d: (typeof docs)[number]; evidence: Evidence } | undefined;
      for (const d of exact.length ? exact : docs) {
        if (d.i === i) continue;
        const rel = relate(d.own, c.id, { basis: true, crossFile: true });
        if (rel.same && rel.evidence) {
          target = { d, evidence: rel.evidence };
          break;
        }
      }
      if (!target) continue;
      const { d, evidence } = target;
      const file = path.basename(d.r.filePath);
      const expectedNumber = fullNumber(d.own);
      const ev = EVIDENCE[evidence][lang];
      const msg = (id: 'crossNumber' | 'crossDate', at: Anchor, data: Record<string, string>, text: string): LintMessage => ({
        ruleId: 'ref-mismatch',
        severity: severity as 1 | 2,
        message: fill(refMismatch.meta.messages[id]![lang], { ...data, file, evidence: ev }),
        messageId: id,
        ...at,
        suggestions: [{ desc: fill(refMismatch.meta.messages.replace![lang], { text }), text }],
      });
      if (c.id.number !== d.own.number || c.id.code !== d.own.code) {
        added.push(msg('crossNumber', c.number, { type: c.type, found: c.number.text ?? '', expected: expectedNumber }, expectedNumber));
      }
      const cd = c.id.date;
      const od = d.own.date;
      if (c.date && cd && od && (cd.day !== od.day || cd.month !== od.month || cd.year !== od.year)) {
        added.push(msg('crossDate', c.date, { type: c.type, number: expectedNumber, found: c.date.text ?? '', expected: dmy(od) }, `ngày ${dmy(od)}`));
      }
    }
    if (!added.length) return;
    const messages = [...r.messages, ...added].sort(byPosition);
    const next = summarize(r.filePath, messages);
    results[i] = { ...r, ...next, summary: r.summary, source: r.source };
  });
}
