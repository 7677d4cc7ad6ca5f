// `plan-lint --print-tree`: the outline of a plan as plan-lint understood it.
import type { PlanContent, PlanRoot, SectionNode, TableNode } from '../types.js';
import { squash } from '../text/normalize.js';
import { kindName } from './model.js';

export interface OutlineEntry {
  depth: number;
  label: string; // as written, e.g. "III." 
  heading: string; // text after the label, squashed
  path: string;
}

/** The section outline: labels and headings in order, for comparing readings of one plan. */
export function outline(root: PlanRoot): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (nodes: PlanContent[], depth: number): void => {
    for (const n of nodes) {
      if (n.type === 'section') {
        const head = n.children[0];
        const text = head && head.type === 'paragraph' ? head.value.slice(n.label.end) : '';
        out.push({ depth, label: n.label.raw.trim(), heading: squash(text), path: n.path ?? '' });
        walk(n.children, depth + 1);
      } else if ('children' in n && n.type !== 'table') walk(n.children as PlanContent[], depth);
    }
  };
  walk(root.children, 0);
  return out;
}

/** Row counts of every table, in reading order. */
export function tableRowCounts(root: PlanRoot): number[] {
  const out: number[] = [];
  const walk = (nodes: readonly { type: string; children?: unknown }[]): void => {
    for (const n of nodes) {
      if (n.type === 'table') out.push((n as TableNode).children.length);
      if (Array.isArray(n.children)) walk(n.children as { type: string }[]);
    }
  };
  walk(root.children);
  return out;
}

const short = (s: string, n = 70): string => {
  const t = squash(s);
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

export function printTree(root: PlanRoot): string {
  const lines: string[] = [];
  const m = root.meta;
  const body = {
    state: 'cơ quan nhà nước / state body',
    party: 'cơ quan Đảng / Party body',
    front: 'MTTQ, đoàn thể / Fatherland Front or mass organisation',
    unknown: 'không rõ / unknown',
  }[m.kind];
  lines.push(`plan (${root.format}) — ${body}`);
  lines.push(`  kind: ${m.docKind} (${kindName(m.docKind, 'vi')} / ${kindName(m.docKind, 'en')})${m.normative ? ' — normative legal text' : ''}${m.template ? ' — form template' : ''}`);
  if (m.issuingBody) lines.push(`  issuing body: ${m.issuingBody}${m.superiorBody ? ` (under ${m.superiorBody})` : ''}`);
  lines.push(`  issuer: ${m.issuer.body}, level ${m.issuer.level}`);
  if (m.symbol) lines.push(`  symbol: ${m.symbol}`);
  if (m.numberLine) lines.push(`  number: "${short(m.numberLine.node.value.slice(m.numberLine.start, m.numberLine.end))}"`);
  if (m.placeDate) lines.push(`  place and date: "${short(m.placeDate.node.value.slice(m.placeDate.start, m.placeDate.end))}"`);
  if (m.title) lines.push(`  title: "${short(m.title, 90)}"`);
  const at = (n: { position?: { start: { line: number } } }): string => (n.position ? ` [${root.format === 'docx' ? '¶' : 'line '}${n.position.start.line}]` : '');
  const walk = (nodes: PlanContent[], indent: string): void => {
    for (const n of nodes) {
      switch (n.type) {
        case 'paragraph':
          break;
        case 'section': {
          const s = n as SectionNode;
          const head = s.children[0];
          const text = head && head.type === 'paragraph' ? head.value.slice(s.label.end) : '';
          lines.push(`${indent}section ${s.path} "${short(s.label.raw.trim() + ' ' + text)}"${s.label.auto ? ' (Word numbering)' : ''} — ${s.scope}${at(s)}`);
          walk(s.children, indent + '  ');
          break;
        }
        case 'table': {
          const cols = Math.max(0, ...n.children.map((r) => r.children.length));
          lines.push(`${indent}table ${n.children.length} rows × ${cols} columns${at(n)}`);
          break;
        }
        case 'listItem':
          break;
        case 'signature':
          lines.push(`${indent}signature: ${[...n.authority, n.title, n.signer].filter(Boolean).join(' / ')}${at(n)}`);
          break;
        case 'recipients':
          lines.push(`${indent}recipients (Nơi nhận): ${n.children.length} lines${at(n)}`);
          break;
        case 'appendix': {
          const what = n.scope === 'appendix' ? `appendix PHỤ LỤC ${n.label ?? ''}` : n.scope === 'form' ? `form ${n.label ?? ''}` : 'attached document';
          const extra = [n.docKind ? `kind ${n.docKind}` : '', n.template ? 'template' : ''].filter(Boolean).join(', ');
          lines.push(`${indent}${what.trim()}${extra ? ` (${extra})` : ''}${n.title ? ` "${short(n.title)}"` : ''}${at(n)}`);
          walk(n.children, indent + '  ');
          break;
        }
        case 'quote':
          lines.push(`${indent}quote (${n.children.length} paragraphs)${at(n)}`);
          break;
        default: {
          const count = n.children.filter((c) => c.type === 'paragraph').length;
          lines.push(`${indent}${n.type}${count ? ` (${count} paragraphs)` : ''}${at(n)}`);
          walk(n.children, indent + '  ');
        }
      }
    }
  };
  walk(root.children, '  ');
  return lines.join('\n') + '\n';
}
