// The engine: read one file, build its plan tree, run the enabled rules over it
// once, and turn their reports into messages.
import { visit } from 'unist-util-visit';
import type {
  Lang,
  LintMessage,
  LintResult,
  PlanNode,
  PlanRoot,
  ReadDocument,
  ReportDescriptor,
  ResolvedConfig,
  RuleContext,
  RuleModule,
  Severity,
  SeverityName,
  TextRef,
  Visitor,
} from '../types.js';
import vm from 'node:vm';
import { prepareRead, type ReadPlan } from '../readers/index.js';
import { FatalError, fatalText, fill } from '../readers/errors.js';
import { documentSummary } from '../crosscheck.js';
import { buildPlan, paragraphsOf } from '../plan/build.js';
import { createExtractors } from '../extract/index.js';
import { locate, wholeParagraph } from './locate.js';
import { applyDirectives, applyWordComments } from './disables.js';
import type { ZipLimits } from '../readers/zip.js';
import { detectLegacyEncoding } from '../text/legacy.js';

export const SEVERITY: Record<SeverityName, Severity> = { off: 0, warn: 1, error: 2 };

export interface LintInput {
  filePath: string;
  bytes: Uint8Array;
  config: ResolvedConfig;
  rules: Map<string, RuleModule>;
  zipLimits?: ZipLimits;
  /** Stop with a time-limit message after this moment (Date.now() milliseconds). */
  deadline?: number;
  timeLimitMs?: number;
  /**
   * Who stops a file that overruns its deadline while a rule is running: this thread, by a V8 timeout
   * around the file (the default), or the thread that started this worker, by ending it (src/run.ts),
   * so that no watchdog is started for every file. The deadline is checked between rule calls either way.
   */
  stoppedBy?: 'self' | 'parent';
}

export interface ParsedPlan {
  doc: ReadDocument;
  tree: PlanRoot;
  text?: string;
}

export async function parseFile(filePath: string, bytes: Uint8Array, zipLimits?: ZipLimits): Promise<ParsedPlan> {
  return toPlan((await prepareRead(filePath, bytes, { zipLimits }))());
}

function toPlan({ doc, text }: ReadPlan): ParsedPlan {
  const tree = buildPlan(doc);
  const legacy = detectLegacyEncoding(paragraphsOf(tree.children).map((p) => p.value));
  if (legacy) throw new FatalError('legacy-encoding', { detail: legacy.encoding, sample: legacy.sample });
  return { doc, tree, text };
}

export function fatalMessage(err: unknown, lang: Lang): LintMessage {
  const e = err instanceof FatalError ? err : new FatalError('internal', { detail: errorDetail(err) });
  return { ruleId: null, fatal: true, severity: 2, message: fatalText(e.code, e.data, lang), line: 0, column: 0, messageId: e.code };
}

function errorDetail(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0]!.slice(0, 200);
  return String(err);
}

export async function lintBytes(input: LintInput): Promise<LintResult> {
  const lang = input.config.lang;
  const { deadline } = input;
  const timeLimit = (): LintResult => {
    const limit = `${Math.round((input.timeLimitMs ?? 0) / 100) / 10} s`;
    return summarize(input.filePath, [fatalMessage(new FatalError('time-limit', { limit }), lang)]);
  };
  // reading and linting in one timed call (a timed call starts a watchdog: one a file, not two)
  try {
    const read = await prepareRead(input.filePath, input.bytes, { zipLimits: input.zipLimits });
    return withDeadline(input.stoppedBy === 'parent' ? undefined : deadline, () => {
      let parsed: ParsedPlan;
      try {
        parsed = toPlan(read());
      } catch (err) {
        if (err instanceof TimeLimit) throw err;
        return summarize(input.filePath, [fatalMessage(err, lang)]);
      }
      return lintParsed(input.filePath, parsed, input.config, input.rules, deadline);
    });
  } catch (err) {
    if (err instanceof TimeLimit) return timeLimit();
    return summarize(input.filePath, [fatalMessage(err, lang)]);
  }
}

/** A file's deadline has passed (between rule calls, or V8 stopped what was running). */
class TimeLimit extends Error {}

// A hard time limit in this thread: code run through a vm script with a timeout is stopped by V8
// when the time is up, wherever it is (a rule's endless loop, a regular expression backtracking),
// and the script throws. The script runs in this context (a context of its own would cost some 1 ms
// to make) and calls the function under a symbol of the global object; it is compiled once, and a call
// costs some 50 µs.
const TIMED = Symbol.for('plan-lint.timed-call');
let timedScript: vm.Script | undefined;

function withDeadline<T>(deadline: number | undefined, run: () => T): T {
  if (deadline === undefined) return run();
  const left = Math.floor(deadline - Date.now());
  if (left <= 0) throw new TimeLimit();
  timedScript ??= new vm.Script(`globalThis[Symbol.for(${JSON.stringify(TIMED.description)})]()`);
  const slot = globalThis as unknown as Record<symbol, (() => unknown) | undefined>;
  const outer = slot[TIMED];
  slot[TIMED] = run;
  try {
    return timedScript.runInThisContext({ timeout: left }) as T;
  } catch (err) {
    if ((err as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimit();
    throw err;
  } finally {
    slot[TIMED] = outer;
  }
}

export function lintParsed(filePath: string, parsed: ParsedPlan, config: ResolvedConfig, rules: Map<string, RuleModule>, deadline?: number): LintResult {
  const { doc, tree } = parsed;
  const lang = config.lang;
  const messages: LintMessage[] = [];
  const extract = createExtractors(tree, config);
  const active: { id: string; rule: RuleModule; visitor: Visitor; severity: Severity }[] = [];

  const internalError = (id: string, err: unknown): void => {
    messages.push({
      ruleId: id,
      fatal: true,
      severity: 2,
      message:
        lang === 'vi'
          ? `Lỗi nội bộ trong quy tắc "${id}": ${errorDetail(err)}. Các quy tắc khác vẫn chạy; vui lòng báo lỗi kèm tệp này.`
          : `Internal error in rule "${id}": ${errorDetail(err)}. The other rules still ran; please report it with this file.`,
      line: 0,
      column: 0,
      messageId: 'internal-error',
    });
  };

  for (const [id, rule] of rules) {
    const setting = config.rules[id];
    const severity = setting ? setting.severity : SEVERITY[rule.meta.defaultSeverity];
    if (!severity || !appliesTo(rule, tree)) continue;
    const context: RuleContext = {
      tree,
      filePath,
      options: setting?.options ?? {},
      settings: config,
      lang,
      extract,
      report: (d) => messages.push(toMessage(id, rule, severity, d, lang, doc)),
    };
    try {
      const visitor = rule.create(context) ?? {};
      active.push({ id, rule, visitor, severity });
    } catch (err) {
      internalError(id, err);
    }
  }

  // one walk over the tree for all rules; a rule that throws is stopped, the others go on
  const failed = new Set<string>();
  const call = (id: string, fn: (n: never) => void, node: PlanNode): void => {
    if (failed.has(id)) return;
    try {
      fn(node as never);
    } catch (err) {
      failed.add(id);
      internalError(id, err);
    }
  };
  const checkTime = (): void => {
    if (deadline !== undefined && Date.now() > deadline) throw new TimeLimit();
  };
  checkTime();
  visit(tree as never, (node: PlanNode) => {
    checkTime();
    for (const a of active) {
      const fn = (a.visitor as Record<string, ((n: never) => void) | undefined>)[node.type];
      if (fn) call(a.id, fn, node);
    }
  });
  for (const a of active) {
    checkTime();
    if (a.visitor['plan:exit']) call(a.id, a.visitor['plan:exit'] as (n: never) => void, tree);
  }

  let kept = applyDirectives(messages, doc.directives, paragraphsOf(tree.children));
  kept = applyWordComments(kept, doc.comments);
  kept.sort(byPosition);
  const result = summarize(filePath, dedupe(kept));
  result.documentKind = tree.meta.docKind;
  // what the folder-wide check needs from this file (src/crosscheck.ts)
  if (active.some((a) => a.id === 'ref-mismatch')) result.summary = documentSummary(tree, extract, (ref) => locate(ref, doc.lineStarts));
  return result;
}

/** Two reports of one rule at one place with one text are one finding. */
/**
 * The order of a report: by line, column, then rule id. Rule ids are compared by code unit, not with
 * localeCompare, whose first call loads ICU's collation data (some 6 ms of a one-file run).
 */
export function byPosition(a: LintMessage, b: LintMessage): number {
  const x = a.ruleId ?? '';
  const y = b.ruleId ?? '';
  return a.line - b.line || a.column - b.column || (x < y ? -1 : x > y ? 1 : 0);
}

function dedupe(messages: LintMessage[]): LintMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const k = `${m.ruleId}|${m.line}|${m.column}|${m.endColumn}|${m.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function toMessage(id: string, rule: RuleModule, configured: Severity, d: ReportDescriptor, lang: Lang, doc: ReadDocument): LintMessage {
  const template = rule.meta.messages[d.messageId];
  if (!template) throw new Error(`rule ${id} reported unknown messageId "${d.messageId}"`);
  let severity: 0 | 1 | 2 = configured as 1 | 2;
  if (d.severity === 'info') severity = 0;
  else if (d.severity) severity = Math.min(configured, SEVERITY[d.severity]) as 1 | 2;
  const ref: TextRef | undefined = d.range ?? refOfNode(d.node);
  const msg: LintMessage = {
    ruleId: id,
    severity,
    message: fill(template[lang], d.data),
    line: 0,
    column: 0,
    messageId: d.messageId,
  };
  if (ref) {
    const l = locate(ref, doc.lineStarts);
    Object.assign(msg, { line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, text: l.text, location: l.location, internal: l.internal });
    if (d.fix && rule.meta.fixable) {
      const f = locate(d.fix.range, doc.lineStarts);
      msg.fix = {
        range: f.fileRange ?? [f.internal.rawStart, f.internal.rawEnd],
        text: d.fix.text,
        ...(d.fix.range.node.map.kind === 'docx'
          ? { docx: { part: d.fix.range.node.map.part, docxIndex: f.internal.docxIndex ?? -1, start: f.internal.rawStart, end: f.internal.rawEnd } }
          : {}),
      };
    }
  }
  if (d.suggestions?.length) {
    msg.suggestions = d.suggestions.map((s) => ({
      desc: s.desc ?? (s.messageId && rule.meta.messages[s.messageId] ? fill(rule.meta.messages[s.messageId]![lang], { ...s.data, text: s.text }) : s.text),
      text: s.text,
    }));
  }
  return msg;
}

function refOfNode(node: PlanNode | undefined): TextRef | undefined {
  if (!node) return undefined;
  if (node.type === 'paragraph') return wholeParagraph(node);
  const first = 'children' in node ? paragraphsOf(node.children as { type: string }[])[0] : undefined;
  return first ? wholeParagraph(first) : undefined;
}

/** A rule runs on the document kinds it declares (all when it declares none), and on normative texts unless it opts out. */
export function appliesTo(rule: RuleModule, tree: PlanRoot): boolean {
  if (rule.meta.kinds && !rule.meta.kinds.includes(tree.meta.docKind)) return false;
  if (tree.meta.normative && rule.meta.normative === false) return false;
  return true;
}

export function summarize(filePath: string, messages: LintMessage[]): LintResult {
  const r: LintResult = { filePath, messages, errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const m of messages) {
    if (m.severity === 2) r.errorCount++;
    else if (m.severity === 1) r.warningCount++;
    else r.infoCount++;
    if (m.fatal) r.fatalErrorCount++;
    if (m.fix && m.severity === 2) r.fixableErrorCount++;
    else if (m.fix && m.severity === 1) r.fixableWarningCount++;
  }
  return r;
}
