#!/usr/bin/env node
// Flags regular expressions in src/ and rules/ that can take super-linear time (ReDoS):
// every regex literal and every `new RegExp("literal", "flags")` is checked by recheck
// (its pure-JS engine, no Java or native binary needed). Exit 1 when one is unsafe.
//
// An expression that cannot be checked statically (built from variables) is listed as
// "not checked" and does not fail the run; keep such expressions out of document text
// or make them from parts that are checked.
//
// A line may opt out with a comment `regex-safe: <reason>` on it or on the line before,
// when the expression only ever runs on short, bounded input (the reason is printed).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';

process.env.RECHECK_BACKEND = 'pure';
const { check } = await import('recheck');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'rules'];

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (/\.(ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

/** { file, line, source, flags, optOut } for every regex found statically; unknown for built ones. */
function collect(file) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const found = [];
  const optOut = (line) => {
    const m = /regex-safe:\s*(.+)/.exec(lines[line] ?? '') ?? /regex-safe:\s*(.+)/.exec(lines[line - 1] ?? '');
    return m ? m[1].trim() : undefined;
  };
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const cut = lit.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      found.push({ line: line + 1, source: lit.slice(1, cut), flags: lit.slice(cut + 1), optOut: optOut(line) });
    } else if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf);
      if (callee === 'RegExp' && node.arguments?.length) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const [src, flags] = node.arguments;
        const isLit = (n) => n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
        if (isLit(src) && (!flags || isLit(flags))) {
          found.push({ line: line + 1, source: src.text, flags: flags ? flags.text : '', optOut: optOut(line) });
        } else {
          // the start of its pattern, to know it again when it is built (a template's first literal part)
          const head = ts.isTemplateExpression(src) ? src.head.text : '';
          found.push({ line: line + 1, source: src.getText(sf), flags: '?', unknown: true, optOut: optOut(line), head });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * recheck counts steps of its own backtracking engine (and its fuzzer guesses), while V8 skips much
 * of that work (literal prefixes, first-character filters, line starts under /m). A result is kept
 * only if its attack string is slow in V8 too: over 100 ms for the whole string, under a timeout.
 */
function reproduced(d, source, flags) {
  if (!d.attack?.string) return true;
  const context = vm.createContext({ s: d.attack.string, re: new RegExp(source, flags.includes('g') ? flags : `${flags}g`) });
  const t0 = performance.now();
  try {
    vm.runInContext('for (const m of s.matchAll(re)) {}', context, { timeout: 5000 });
  } catch {
    return true; // still running after 5 s
  }
  return performance.now() - t0 > 100;
}

let unsafe = 0;
let checked = 0;
const notChecked = [];
for (const dir of dirs) {
  for (const file of tsFiles(join(root, dir))) {
    for (const r of collect(file)) {
      const where = `${relative(root, file)}:${r.line}`;
      if (r.unknown) {
        notChecked.push({ file: relative(root, file), head: r.head, optOut: r.optOut });
        continue;
      }
      checked++;
      const d = await check(r.source, r.flags, { timeout: 60000 });
      if (d.status === 'vulnerable' && !reproduced(d, r.source, r.flags)) {
        console.log(`fuzz     ${where}  /${r.source.slice(0, 60)}…/${r.flags}  ${d.complexity.summary}: its attack string runs fast in V8: not counted`);
      } else if (d.status === 'vulnerable') {
        if (r.optOut) {
          console.log(`allowed  ${where}  /${r.source}/${r.flags}  ${d.complexity.summary}  (regex-safe: ${r.optOut})`);
          continue;
        }
        unsafe++;
        const attack = d.attack ? ` e.g. ${JSON.stringify(d.attack.pattern).slice(0, 80)}` : '';
        console.log(`UNSAFE   ${where}  /${r.source}/${r.flags}  ${d.complexity.summary}${attack}`);
      } else if (d.status === 'unknown') {
        console.log(`unknown  ${where}  /${r.source}/${r.flags}  (${d.error?.kind ?? '?'})`);
      }
    }
  }
}
// Expressions built at run time (from parts): recorded as the built code constructs them, while it
// loads and lints the fixtures, and checked the same way. Needs `npm run build` first.
const built = new Map();
const dist = join(root, 'dist');
let runtime = 0;
try {
  statSync(join(dist, 'src', 'index.js'));
  const Native = RegExp;
  globalThis.RegExp = new Proxy(Native, {
    construct(target, argList, newTarget) {
      const re = Reflect.construct(target, argList, newTarget);
      const at = (new Error().stack ?? '').split('\n').slice(2).find((l) => l.includes('/dist/'));
      if (at && typeof argList[0] === 'string') {
        const where = /\/dist\/([^:]+:\d+)/.exec(at)?.[1] ?? at.trim();
        built.set(`${re.source}\u0000${re.flags}`, { where: `dist/${where}`, source: re.source, flags: re.flags });
      }
      return re;
    },
  });
  const { lintBytes } = await import(join(dist, 'src', 'engine', 'linter.js'));
  const { builtinRuleMap } = await import(join(dist, 'src', 'engine', 'rules.js'));
  const { mergeLayers } = await import(join(dist, 'src', 'config', 'load.js'));
  for (const f of readdirSync(join(root, 'fixtures'))) {
    await lintBytes({ filePath: join(root, 'fixtures', f), bytes: readFileSync(join(root, 'fixtures', f)), config: mergeLayers([], {}), rules: builtinRuleMap() });
  }
  globalThis.RegExp = Native;
  for (const r of built.values()) {
    runtime++;
    const d = await check(r.source, r.flags, { timeout: 60000 });
    // a `regex-safe:` comment at the `new RegExp(` in the source covers what it builds
    const srcFile = r.where.replace(/^dist\//, '').replace(/\.js:\d+$/, '.ts');
    const optOut = notChecked.find((n) => n.optOut && n.head && n.file === srcFile && r.source.startsWith(n.head))?.optOut;
    if (d.status === 'vulnerable' && !reproduced(d, r.source, r.flags)) {
      console.log(`fuzz     ${r.where}  /${r.source.slice(0, 60)}…/${r.flags}  ${d.complexity.summary}: its attack string runs fast in V8: not counted`);
    } else if (d.status === 'vulnerable' && optOut) {
      console.log(`allowed  ${r.where}  /${r.source.slice(0, 60)}…/${r.flags}  ${d.complexity.summary}  (regex-safe: ${optOut})`);
    } else if (d.status === 'vulnerable') {
      unsafe++;
      console.log(`UNSAFE   ${r.where}  /${r.source}/${r.flags}  ${d.complexity.summary}`);
    } else if (d.status === 'unknown') console.log(`unknown  ${r.where}  /${r.source.slice(0, 120)}…/${r.flags}  (${d.error?.kind ?? '?'})`);
  }
} catch (err) {
  if (err?.code === 'ENOENT') console.log('dist/ is absent (npm run build): expressions built at run time not checked');
  else throw err;
}
console.log(`${checked} regular expressions checked in the source, ${runtime} built at run time checked, ${unsafe} unsafe`);
process.exit(unsafe ? 1 : 0);
