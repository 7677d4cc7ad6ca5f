// Output formats. stylish and compact print exactly what VS Code's $eslint-stylish
// and $eslint-compact problem matchers read.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Lang, LintMessage, LintResult, RuleModule } from '../types.js';
import { squash } from '../text/normalize.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  rules: Map<string, RuleModule>;
  cwd: string;
  version: string;
  docsDir: string; // absolute folder of docs/rules
}

export type Formatter = (results: LintResult[], ctx: FormatContext) => string;

const FORMATTERS: Record<string, Formatter> = { stylish, compact, json, sarif, github };

export function getFormatter(name: string): Formatter | undefined {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}

export const FORMAT_NAMES = Object.keys(FORMATTERS);

const SEV_WORD = ['info', 'warning', 'error'] as const;

const C = {
  red: (s: string, on: boolean) => (on ? `\x1b[31m${s}\x1b[39m` : s),
  yellow: (s: string, on: boolean) => (on ? `\x1b[33m${s}\x1b[39m` : s),
  dim: (s: string, on: boolean) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  under: (s: string, on: boolean) => (on ? `\x1b[4m${s}\x1b[24m` : s),
  bold: (s: string, on: boolean) => (on ? `\x1b[1m${s}\x1b[22m` : s),
};

/** One line of text: the matchers read a message up to two spaces, so runs of space are folded. */
function oneLine(s: string): string {
  return squash(s);
}

function quote(text: string | undefined, max = 40): string {
  if (!text) return '';
  const t = squash(text);
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}

function where(m: LintMessage, lang: Lang): string {
  const parts: string[] = [];
  const loc = m.location;
  if (loc?.section) parts.push(lang === 'vi' ? `mục ${loc.section}` : `section ${loc.section}`);
  if (loc?.table) parts.push(lang === 'vi' ? `bảng ${loc.table.table}, hàng ${loc.table.row}, ô ${loc.table.cell}` : `table ${loc.table.table}, row ${loc.table.row}, cell ${loc.table.cell}`);
  return parts.join(', ');
}

function stylish(results: LintResult[], ctx: FormatContext): string {
  const { lang, color } = ctx;
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    if (!r.messages.length) continue;
    infos += r.infoCount;
    errors += r.errorCount;
    warnings += r.warningCount;
    out += `\n${C.under(path.resolve(r.filePath), color)}\n`;
    const rows = r.messages.map((m) => {
      const pos = `${m.line}:${m.column}`;
      const sev = SEV_WORD[m.severity];
      const extra = [where(m, lang), quote(m.text)].filter(Boolean).join(' ');
      return { pos, sev, msg: oneLine(m.message + (extra ? ` (${extra})` : '')), rule: m.ruleId ?? '' };
    });
    const wPos = Math.max(...rows.map((x) => x.pos.length));
    const wSev = Math.max(...rows.map((x) => x.sev.length));
    const wMsg = Math.max(...rows.map((x) => x.msg.length));
    for (const x of rows) {
      const sev = x.sev === 'error' ? C.red(x.sev.padEnd(wSev), color) : x.sev === 'warning' ? C.yellow(x.sev.padEnd(wSev), color) : x.sev.padEnd(wSev);
      const line = `  ${C.dim(x.pos.padStart(wPos), color)}  ${sev}  ${x.rule ? x.msg.padEnd(wMsg) : x.msg}${x.rule ? `  ${C.dim(x.rule, color)}` : ''}`;
      out += `${line.trimEnd()}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0 && infos > 0) out += '\n';
  if (total > 0) {
    const sum =
      lang === 'vi'
        ? `\n✖ ${total} vấn đề (${errors} lỗi, ${warnings} cảnh báo)\n`
        : `\n✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`;
    out += errors ? C.red(C.bold(sum, color), color) : C.yellow(C.bold(sum, color), color);
    out += '\n';
  }
  return out;
}

function compact(results: LintResult[], ctx: FormatContext): string {
  let out = '';
  let total = 0;
  for (const r of results) {
    for (const m of r.messages) {
      total++;
      const sev = ['Info', 'Warning', 'Error'][m.severity];
      const extra = [where(m, ctx.lang), quote(m.text)].filter(Boolean).join(' ');
      out += `${path.resolve(r.filePath)}: line ${m.line}, col ${m.column}, ${sev} - ${oneLine(m.message + (extra ? ` (${extra})` : ''))} (${m.ruleId ?? 'fatal'})\n`;
    }
  }
  if (total > 0) out += `\n${total} problem${total === 1 ? '' : 's'}\n`;
  return out;
}

function publicMessage(m: LintMessage): Record<string, unknown> {
  const { internal: _i, messageId: _id, ...rest } = m;
  return rest;
}

function json(results: LintResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: path.resolve(r.filePath),
      ...(r.documentKind ? { documentKind: r.documentKind } : {}),
      messages: r.messages.map(publicMessage),
      suppressedMessages: [],
      errorCount: r.errorCount,
      fatalErrorCount: r.fatalErrorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
      usedDeprecatedRules: [],
    })),
  );
}

function sarif(results: LintResult[], ctx: FormatContext): string {
  const ruleIds = [...ctx.rules.keys()];
  const rules = ruleIds.map((id) => {
    const meta = ctx.rules.get(id)!.meta;
    return {
      id,
      name: id,
      shortDescription: { text: meta.description[ctx.lang] },
      fullDescription: { text: `${meta.description.vi} / ${meta.description.en}` },
      helpUri: pathToFileURL(path.join(ctx.docsDir, `${id}.md`)).href,
      defaultConfiguration: { level: meta.defaultSeverity === 'error' ? 'error' : meta.defaultSeverity === 'warn' ? 'warning' : 'none' },
      properties: { fixable: !!meta.fixable },
    };
  });
  const artifacts = results.map((r) => ({ location: { uri: pathToFileURL(path.resolve(r.filePath)).href } }));
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  results.forEach((r, index) => {
    for (const m of r.messages) {
      const physical: Record<string, unknown> = { artifactLocation: { uri: artifacts[index]!.location.uri, index } };
      if (m.line > 0) {
        const region: Record<string, unknown> = { startLine: m.line, startColumn: Math.max(1, m.column) };
        if (m.endLine && m.endLine >= m.line) region.endLine = m.endLine;
        if (m.endColumn && m.endColumn >= 1) region.endColumn = m.endColumn;
        if (m.text) region.snippet = { text: m.text };
        physical.region = region;
      }
      const loc: Record<string, unknown> = { physicalLocation: physical };
      if (m.location?.section) loc.logicalLocations = [{ name: m.location.section, kind: 'section' }];
      const level = (['note', 'warning', 'error'] as const)[m.severity];
      if (m.fatal && m.ruleId === null) {
        notifications.push({ level, message: { text: m.message }, locations: [loc], descriptor: { id: m.messageId ?? 'fatal' } });
        continue;
      }
      const res: Record<string, unknown> = { level, message: { text: m.message }, locations: [loc] };
      if (m.ruleId) {
        res.ruleId = m.ruleId;
        const ri = ruleIds.indexOf(m.ruleId);
        if (ri >= 0) res.ruleIndex = ri;
      }
      if (m.suggestions?.length) res.properties = { suggestions: m.suggestions };
      sarifResults.push(res);
    }
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plan-lint', version: ctx.version, semanticVersion: ctx.version, rules } },
        artifacts,
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function github(results: LintResult[], ctx: FormatContext): string {
  let out = '';
  for (const r of results) {
    const file = path.relative(ctx.cwd, path.resolve(r.filePath)) || r.filePath;
    for (const m of r.messages) {
      const kind = ['notice', 'warning', 'error'][m.severity];
      const props = [`file=${escapeProperty(file)}`];
      if (m.line > 0) {
        props.push(`line=${m.line}`, `col=${m.column}`);
        if (m.endLine) props.push(`endLine=${m.endLine}`);
        if (m.endColumn && m.endLine === m.line) props.push(`endColumn=${m.endColumn}`);
      }
      props.push(`title=${escapeProperty(m.ruleId ?? 'plan-lint')}`);
      const extra = [where(m, ctx.lang), quote(m.text)].filter(Boolean).join(' ');
      out += `::${kind} ${props.join(',')}::${escapeData(m.message + (extra ? ` (${extra})` : ''))}\n`;
    }
  }
  return out;
}
