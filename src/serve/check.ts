// Checking one uploaded file for `plan-lint serve`: the same configuration, rules, limits and
// linting entry point as the command line, on bytes held in memory (nothing is written to disk).
import path from 'node:path';
import type { AppendixNode, Lang, LintMessage, LintResult, PlanContent, PlanRoot, RuleModule, SectionNode } from '../types.js';
import { ConfigError, ConfigResolver, mergeLayers, type LoadedLayer } from '../config/load.js';
import { builtinRuleMap, loadPlugin } from '../engine/rules.js';
import { parseFile } from '../engine/linter.js';
import { paragraphsOf } from '../plan/build.js';
import { squash } from '../text/normalize.js';
import { formatOf } from '../readers/index.js';
import { decodeText } from '../readers/decode.js';
import { applyFixes, encodeLike } from '../fix.js';
import { getFormatter } from '../formatters/index.js';
import { lintFiles, type Limits } from '../run.js';

export interface Upload {
  name: string; // a bare file name (its extension picks the reader)
  bytes: Uint8Array;
}

export interface CheckOptions {
  unit?: string;
  stage?: 'draft' | 'final';
  lang: Lang;
}

export interface CheckerSetup {
  cwd: string;
  configFile?: string;
  noConfig?: boolean;
  limits: Limits;
  version: string;
}

/** Where each finding stands in its paragraph, for showing it highlighted in the page. */
export interface FindingContext {
  /** Section path → how a reader names it and its heading, e.g. "II.1" → { ref: "Mục II.1", heading: "Mục tiêu" }. */
  sections: Record<string, { ref: string; heading: string }>;
  /** Paragraph key → the paragraph's text (only the paragraphs that have findings). */
  paragraphs: Record<string, string>;
  /** Per message, in order: the paragraph key and the offsets of the quoted text in it. */
  spans: ({ paragraph: string; start: number; end: number } | null)[];
}

/** The JSON formatter's object for one file, plus the context the page needs. */
export type ResultView = Record<string, unknown> & { filePath: string; messages: Record<string, unknown>[]; context?: FindingContext };

export class UploadChecker {
  private constructor(
    private readonly setup: CheckerSetup,
    private readonly layers: LoadedLayer[],
    private readonly rules: Map<string, RuleModule>,
  ) {}

  /** Loads the configuration of the folder plan-lint serves from (or -c FILE), its plugins and the rules, once. */
  static async create(setup: CheckerSetup): Promise<UploadChecker> {
    const resolver = new ConfigResolver({ configFile: setup.configFile, noConfig: setup.noConfig });
    const layers = resolver.layersFor(path.join(setup.cwd, 'upload.md'));
    const base = mergeLayers(layers, {});
    const rules = builtinRuleMap();
    for (const p of base.plugins) for (const r of await loadPlugin(p.spec, p.base)) rules.set(r.meta.id, r);
    for (const id of Object.keys(base.rules)) {
      if (!rules.has(id)) throw new ConfigError(base.ruleFiles?.[id] ?? '(config)', `rules.${id}`, `no rule "${id}"`);
    }
    return new UploadChecker(setup, layers, rules);
  }

  /** The unit and stage the configuration gives, which the page starts from. */
  get defaults(): { unit?: string; stage: 'draft' | 'final' } {
    const c = mergeLayers(this.layers, {});
    return { unit: c.unit, stage: c.stage };
  }

  /** A path that is never opened: it carries the name (for the reader) inside the served folder (for the config). */
  private virtualPath(name: string): string {
    return path.join(this.setup.cwd, name);
  }

  /** Lints through the same entry point as the CLI, so its per-file limits (size, time) apply. */
  async lint(upload: Upload, opts: CheckOptions): Promise<LintResult> {
    const filePath = this.virtualPath(upload.name);
    const config = mergeLayers(this.layers, { unit: opts.unit || undefined, stage: opts.stage, lang: opts.lang });
    const { results } = await lintFiles([{ entry: { path: filePath }, bytes: upload.bytes, config, rules: this.rules }], {
      concurrency: 1,
      limits: this.setup.limits,
      version: this.setup.version,
      lang: opts.lang,
      detail: {},
    });
    return results[0]!;
  }

  /** The result as the JSON formatter prints it for one file, named by the upload's name, with the page's context. */
  async view(upload: Upload, result: LintResult, lang: Lang): Promise<ResultView> {
    const json = getFormatter('json')!([result], { lang, color: false, rules: this.rules, cwd: this.setup.cwd, version: this.setup.version, docsDir: '' });
    const one = (JSON.parse(json) as ResultView[])[0]!;
    one.filePath = upload.name;
    if (!result.messages.some((m) => m.fatal)) one.context = await findingContext(this.virtualPath(upload.name), upload.bytes, result.messages, lang);
    return one;
  }

  /** The Word copy with every finding as a comment. */
  async annotate(upload: Upload, result: LintResult, lang: Lang): Promise<{ bytes: Uint8Array; count: number }> {
    const { annotateDocx } = await import('../docx-annotate.js');
    const copy = await annotateDocx(this.virtualPath(upload.name), upload.bytes, result.messages, lang);
    return { bytes: copy.bytes, count: copy.comments };
  }

  /** The safe fixes applied: tracked changes in a Word copy, or the fixed text of Markdown and text files. */
  async fix(upload: Upload, result: LintResult): Promise<{ bytes: Uint8Array; count: number }> {
    if (formatOf(upload.name) === 'docx') {
      const { fixDocxCopy } = await import('../docx-annotate.js');
      const copy = await fixDocxCopy(this.virtualPath(upload.name), upload.bytes, result.messages);
      return { bytes: copy.bytes, count: copy.changes };
    }
    const fixes = result.messages.filter((m) => m.fix && !m.fix.docx).map((m) => m.fix!);
    if (!fixes.length) return { bytes: upload.bytes, count: 0 };
    const { output, applied } = applyFixes(decodeText(upload.bytes), fixes);
    return { bytes: applied ? encodeLike(upload.bytes, output) : upload.bytes, count: applied };
  }
}

/** Reads the file's outline and the paragraphs that have findings (the file was read once already, so this cannot fail differently). */
async function findingContext(filePath: string, bytes: Uint8Array, messages: LintMessage[], lang: Lang): Promise<FindingContext> {
  const { tree } = await parseFile(filePath, bytes);
  const sections = sectionNames(tree, lang);
  const key = (part: string | undefined, ordinal: number): string => `${part ?? ''}#${ordinal}`;
  const wanted = new Set(messages.filter((m) => m.location).map((m) => key(m.internal?.part, m.location!.paragraph)));
  const paragraphs: Record<string, string> = {};
  for (const p of paragraphsOf(tree.children)) {
    const k = key(p.loc.part, p.loc.ordinal);
    if (wanted.has(k)) paragraphs[k] ??= p.value;
  }
  const spans = messages.map((m) => {
    if (!m.location || !m.internal) return null;
    const k = key(m.internal.part, m.location.paragraph);
    return paragraphs[k] === undefined ? null : { paragraph: k, start: m.internal.start, end: m.internal.end };
  });
  return { sections, paragraphs, spans };
}

const NAMES = {
  vi: { section: 'Mục', appendix: 'Phụ lục', form: 'Mẫu', attached: 'Văn bản kèm theo' },
  en: { section: 'Section', appendix: 'Appendix', form: 'Form', attached: 'Attached document' },
};

/**
 * How a reader names each section path: "Mục II.1", "Điều 5" (a legal unit keeps its own word),
 * "Phụ lục 01", "Phụ lục 01, mục I" (inside an appendix the path restarts).
 */
function sectionNames(tree: PlanRoot, lang: Lang): FindingContext['sections'] {
  const n = NAMES[lang];
  const out: FindingContext['sections'] = {};
  const walk = (nodes: PlanContent[], appendix: { path: string; ref: string } | undefined): void => {
    for (const node of nodes) {
      if (node.type === 'section') {
        const s = node as SectionNode;
        const head = s.children[0];
        const heading = head && head.type === 'paragraph' ? shorten(squash(head.value.slice(s.label.end))) : '';
        const path = s.path ?? '';
        const own = appendix && path.startsWith(`${appendix.path}.`) ? path.slice(appendix.path.length + 1) : path;
        const ref = s.label.keyword ? squash(s.label.raw).replace(/[.:]$/, '') : `${n.section} ${own}`;
        out[path] ??= { ref: appendix ? `${appendix.ref}, ${ref.charAt(0).toLowerCase()}${ref.slice(1)}` : ref, heading };
        walk(s.children, appendix);
      } else if (node.type === 'appendix') {
        const a = node as AppendixNode;
        const ref = `${n[a.scope]}${a.label ? ` ${a.label}` : ''}`;
        out[a.path ?? ''] ??= { ref, heading: shorten(a.title ?? '') };
        walk(a.children, { path: a.path ?? '', ref });
      } else if ('children' in node && node.type !== 'table') walk(node.children as PlanContent[], appendix);
    }
  };
  walk(tree.children, undefined);
  return out;
}

/** A heading that runs into its paragraph is cut at a word, for a group's title. */
function shorten(text: string, max = 100): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).replace(/[,;:]$/, '')}…`;
}
