// --fix and --fix-dry-run for Markdown and text: apply the fixes rules marked safe,
// keep the file's encoding, BOM and line endings, and write atomically.
import fs from 'node:fs';
import path from 'node:path';
import type { LintMessage } from './types.js';
import { decodeText } from './readers/decode.js';

type TextFix = NonNullable<LintMessage['fix']>;

/** Apply non-overlapping fixes (ranges in the decoded text), first come first served. */
export function applyFixes(text: string, fixes: TextFix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const f of sorted) {
    const [s, e] = f.range;
    if (s < at || e > text.length || s > e) continue; // overlaps one already applied
    if (text.slice(s, e) === f.text) continue;
    out += text.slice(at, s) + f.text;
    at = e;
    applied++;
  }
  return { output: out + text.slice(at), applied };
}

/** Encode like the original: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. */
export function encodeLike(original: Uint8Array, text: string): Uint8Array {
  if (original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (original[0] === 0xff && original[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (original[0] === 0xfe && original[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  return Buffer.from(text, 'utf8');
}

/**
 * Write through a temporary file in the same folder, then rename: a crash or a kill leaves either
 * the old file or the new one, never half of one.
 */
export function atomicWrite(file: string, data: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.plan-lint-${process.pid}.tmp`);
  const mode = fs.statSync(file).mode;
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // a test hook: stop here as a crash would, between the write and the rename
  if (process.env.PLAN_LINT_TEST_CRASH_BEFORE_RENAME) process.exit(137);
  fs.renameSync(tmp, file);
}

/** A unified diff of two texts whose fixes stay within lines (3 lines of context). */
export function unifiedDiff(file: string, a: string, b: string): string {
  const split = (s: string): string[] => s.split(/(?<=\n)/);
  const x = split(a);
  const y = split(b);
  const show = (l: string): string => l.replace(/\r?\n$/, '');
  if (x.length !== y.length) {
    return `--- ${file}\n+++ ${file}\n@@ -1,${x.length} +1,${y.length} @@\n${x.map((l) => `-${show(l)}`).join('\n')}\n${y.map((l) => `+${show(l)}`).join('\n')}\n`;
  }
  const changed = x.map((l, i) => l !== y[i]);
  let out = `--- ${file}\n+++ ${file}\n`;
  let i = 0;
  while (i < x.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - 3);
    let end = i;
    // extend the hunk while changes are within 6 lines of each other
    for (let k = i; k < x.length; k++) if (changed[k]) end = k;
    else if (k - end > 6) break;
    const stop = Math.min(x.length, end + 4);
    out += `@@ -${start + 1},${stop - start} +${start + 1},${stop - start} @@\n`;
    for (let k = start; k < stop; k++) {
      if (changed[k]) out += `-${show(x[k]!)}\n+${show(y[k]!)}\n`;
      else out += ` ${show(x[k]!)}\n`;
    }
    i = stop;
  }
  return out;
}

export interface FixOutcome {
  file: string;
  applied: number;
  diff?: string;
  written: boolean;
}

/** Fix one Markdown or text file from its messages; `dryRun` only builds the diff. */
export function fixTextFile(file: string, messages: LintMessage[], dryRun: boolean): FixOutcome {
  const fixes = messages.filter((m) => m.fix && !m.fix.docx).map((m) => m.fix!);
  if (!fixes.length) return { file, applied: 0, written: false };
  const original = fs.readFileSync(file);
  const text = decodeText(original);
  const { output, applied } = applyFixes(text, fixes);
  if (!applied) return { file, applied: 0, written: false };
  const diff = unifiedDiff(file, text, output);
  if (!dryRun) atomicWrite(file, encodeLike(original, output));
  return { file, applied, diff, written: !dryRun };
}
