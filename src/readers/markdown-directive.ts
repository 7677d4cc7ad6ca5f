// plan-lint directives written as HTML comments in Markdown and text plans.
import type { Directive } from '../types.js';

const DIRECTIVE = /^<!--\s*plan-lint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->\s*$/;

/** The directive an HTML comment holds (its text as the parser gives it), if any. */
export function directiveOf(html: string, line: number): Directive | undefined {
  const m = DIRECTIVE.exec(html.trim());
  if (!m) return undefined;
  // a "-- reason" on the last line ends the list (a scan, not /--.*$/: that is quadratic on "- - - …")
  let list = m[2]!;
  const dash = list.indexOf('--', list.lastIndexOf('\n') + 1);
  if (dash >= 0) list = list.slice(0, dash);
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as Directive['kind'], rules, line };
}
