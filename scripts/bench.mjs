// npm run bench: how fast plan-lint is, each figure beside its goal.
//
//  - 1,000 Markdown plans of real size (the seed plans of ../shared, ~23 KB; without them the
//    fixtures, lengthened), linted by plan-lint and by textlint with one trivial rule, side by
//    side in the same process tree (textlint is a devDependency used only here);
//  - one Word plan end to end (start-up included);
//  - the real-dev corpus of ../shared (342 Word documents) as a user runs it, and 037/038 alone;
//  - a generated form of 400 lines of random blanks;
//  - long runs (100,000 characters) of spaces, dots, ellipses, underscores, tabs, digits and
//    slashes after the words that start dates and numbers: each extractor and rule within a budget;
//  - time against length, and memory on a 50 MB Word file of images.
// Wall times depend on what else the machine runs; CPU times (user + system) are printed too.
// Writes the figures as JSON (bench-results.json, or --out FILE). BENCH_FILES=n for fewer plans.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, unzipSync } from 'fflate';
import { buildDocx, p, table } from './docx-builder.mjs';
import { rng } from './rng.mjs';
import { pathologicalDocs, blankForm } from './pathological.mjs';
import { readMarkdown } from '../dist/src/readers/markdown.js';
import { lintBytes, lintParsed, parseFile } from '../dist/src/engine/linter.js';
import { createExtractors } from '../dist/src/extract/index.js';
import { builtinRuleMap } from '../dist/src/engine/rules.js';
import { mergeLayers } from '../dist/src/config/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
// the command as installed (package.json "bin"): the launcher and the code-cached bundle
const cli = path.join(root, 'dist', 'src', 'bin.cjs');
const args = process.argv.slice(2);
const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(root, 'bench-results.json');
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const r = rng(7);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lint-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const has = (p) => fs.existsSync(p);

// ---------- measuring a child process: wall, and its CPU reported by itself at exit ----------
const usage = path.join(work, 'usage.cjs');
// The peak memory is the child's own high-water mark (VmHWM, Linux): getrusage's maxRSS keeps, across
// fork and exec, the size of the process that spawned it — this bench, some hundreds of MB by the end.
fs.writeFileSync(
  usage,
  "process.on('exit', () => { const fs = require('fs'); const u = process.cpuUsage(); let kb = process.resourceUsage().maxRSS;" +
    " try { const m = /VmHWM:\\s*(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8')); if (m) kb = Number(m[1]); } catch {}" +
    " fs.writeSync(2, '\\nBENCH-CPU ' + (u.user + u.system) / 1000 + ' ' + kb + '\\n'); });\n",
);
function run(script, scriptArgs, opts = {}) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--require', usage, script, ...scriptArgs], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: opts.cwd ?? root, env: opts.env ?? process.env });
  const ms = performance.now() - t0;
  const m = /BENCH-CPU ([\d.]+) (\d+)/.exec(res.stderr ?? '');
  return { ms, cpuMs: m ? Number(m[1]) : NaN, rssMB: m ? Number(m[2]) / 1024 : NaN, code: res.status, stdout: res.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

const results = { machine: { cpus: os.availableParallelism(), node: process.version, loadavg: os.loadavg().map((x) => +x.toFixed(1)) } };
const goals = [];
const goal = (name, measured, target, met) => goals.push({ name, measured, goal: target, met });

// the Markdown fixtures (the plans below are the seeds when ../shared is at hand)
const fixtures = fs.readdirSync(path.join(root, 'fixtures')).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(root, 'fixtures', f), 'utf8'));

// ---------- one Word plan, end to end ----------
// measured first, before the runs of thousands of files, whose writing and reading of files the machine
// is still busy with for a while after they end
const docxDir = path.join(shared, 'docx');
const oneDocx = has(docxDir) ? path.join(docxDir, fs.readdirSync(docxDir).filter((f) => f.endsWith('.docx')).sort()[0]) : path.join(work, 'one.docx');
if (!has(docxDir)) {
  const doc = readMarkdown(fixtures[0], 'markdown');
  const xml = (b) => (b.kind === 'p' ? p(b.raw) : table(b.rows.map((row) => row.cells.map((c) => c.blocks.map(xml)))));
  fs.writeFileSync(oneDocx, buildDocx(doc.blocks.map(xml).join('')));
}
run(cli, [oneDocx, '-f', 'json']); // one untimed run first, so that the files are read from the page cache in every timed run
const oneRuns = Array.from({ length: 9 }, () => run(cli, [oneDocx, '-f', 'json']));
const oneWall = median(oneRuns.map((x) => x.ms));
const oneCpu = median(oneRuns.map((x) => x.cpuMs));
const versionWall = median(Array.from({ length: 5 }, () => run(cli, ['--version']).ms));
// Node alone, for what part of the wall is plan-lint's: an empty script, started the same way
const empty = path.join(work, 'empty.cjs');
fs.writeFileSync(empty, '');
const nodeWall = median(Array.from({ length: 9 }, () => run(empty, []).ms));
const startInfo = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8', env: { ...process.env, PLAN_LINT_START_INFO: '1' } }).stderr.trim();
results.oneDocx = { file: path.basename(oneDocx), wallMs: Math.round(oneWall), cpuMs: Math.round(oneCpu), nodeAndVersionOnlyMs: Math.round(versionWall), nodeAloneMs: Math.round(nodeWall), start: startInfo };
// NODE_EXTRA_CA_CERTS makes Node read and parse that certificate file at every start, before any script runs
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _, ...withoutCerts } = process.env;
  results.oneDocx.nodeAloneWithoutExtraCertsMs = Math.round(median(Array.from({ length: 9 }, () => run(empty, [], { env: withoutCerts }).ms)));
  results.oneDocx.wallWithoutExtraCertsMs = Math.round(median(Array.from({ length: 9 }, () => run(cli, [oneDocx, '-f', 'json'], { env: withoutCerts }).ms)));
}
goal('one Word plan, end to end (wall, median of 9)', fmt(oneWall), '≤ 150 ms', oneWall <= 150);

// ---------- 1,000 Markdown plans of real size, plan-lint against textlint ----------
/** A plan n times as long: its body repeated. */
function longer(md, n) {
  const at = md.indexOf('### I.') >= 0 ? md.indexOf('### I.') : Math.max(0, md.indexOf('I. '));
  const end = md.indexOf('Nơi nhận') > at ? md.indexOf('Nơi nhận') : md.length;
  return md.slice(0, at) + Array.from({ length: n }, () => md.slice(at, end)).join('\n') + md.slice(end);
}
const plans = has(path.join(shared, 'seeds'))
  ? fs.readdirSync(path.join(shared, 'seeds')).map((f) => fs.readFileSync(path.join(shared, 'seeds', f), 'utf8'))
  : fixtures.map((md) => longer(md, Math.max(1, Math.round(23_000 / Buffer.byteLength(md)))));
const mdDir = path.join(work, 'md');
fs.mkdirSync(mdDir);
for (let i = 0; i < FILES; i++) {
  const md = plans[i % plans.length].replace(/số (\d+)/g, (_m, d) => `số ${Number(d) + Math.floor(r() * 9)}`);
  fs.writeFileSync(path.join(mdDir, `plan-${String(i).padStart(4, '0')}.md`), md);
}
const mdBytes = fs.readdirSync(mdDir).reduce((n, f) => n + fs.statSync(path.join(mdDir, f)).size, 0);
results.plans = { files: FILES, averageKB: +(mdBytes / FILES / 1024).toFixed(1), source: has(path.join(shared, 'seeds')) ? 'seeds' : 'fixtures' };

const tlDir = path.join(work, 'textlint');
fs.mkdirSync(path.join(tlDir, 'rules'), { recursive: true });
fs.writeFileSync(path.join(tlDir, '.textlintrc.json'), '{}\n');
// one trivial rule: look at every text node for a word
fs.writeFileSync(path.join(tlDir, 'rules', 'trivial.js'), `module.exports = function (context) {
  const { Syntax, report, RuleError } = context;
  return { [Syntax.Str](node) { if (node.value.includes('XYZZY')) report(node, new RuleError('XYZZY')); } };
};\n`);
const textlintBin = path.join(root, 'node_modules', 'textlint', 'bin', 'textlint.js');
const out = path.join(work, 'out.json');
// as a user runs it (the default: worker threads for this many files), and in one thread for comparison
const planLint = run(cli, [mdDir, '-f', 'json', '-o', out]);
const planLintReport = JSON.parse(fs.readFileSync(out, 'utf8'));
results.plans.planLint = { seconds: +(planLint.ms / 1000).toFixed(2), cpuSeconds: +(planLint.cpuMs / 1000).toFixed(2), peakMB: Math.round(planLint.rssMB), messages: planLintReport.reduce((n, f) => n + f.messages.length, 0) };
const serialRun = run(cli, [mdDir, '-f', 'json', '-o', out, '--concurrency', 'off']);
results.plans.planLintOneThread = { seconds: +(serialRun.ms / 1000).toFixed(2), cpuSeconds: +(serialRun.cpuMs / 1000).toFixed(2), msPerFile: +(serialRun.ms / FILES).toFixed(1) };
if (has(textlintBin)) {
  const tl = run(textlintBin, ['--rulesdir', 'rules', '--format', 'json', '-o', path.join(work, 'tl.json'), mdDir], { cwd: tlDir });
  results.plans.textlint = { seconds: +(tl.ms / 1000).toFixed(2), cpuSeconds: +(tl.cpuMs / 1000).toFixed(2), peakMB: Math.round(tl.rssMB), exit: tl.code };
  const wallX = tl.ms / planLint.ms;
  const cpuX = tl.cpuMs / planLint.cpuMs;
  results.plans.speedup = { wall: +wallX.toFixed(2), cpu: +cpuX.toFixed(2) };
  goal(`${FILES} Markdown plans: textlint time / plan-lint time (wall)`, `${wallX.toFixed(2)}×`, '≥ 3×', wallX >= 3);
  // the CPU of all threads is printed for information: the goal is the time a user waits
} else {
  console.log('textlint is not installed (npm install): the comparison is skipped');
}

// ---------- the real-dev corpus (the default run); 037 and 038 alone ----------
const realDir = path.join(shared, 'corpus', 'real-dev');
if (has(realDir)) {
  const files = fs.readdirSync(realDir).filter((f) => f.endsWith('.docx')).sort().map((f) => path.join(realDir, f));
  const all = run(cli, [...files, '-f', 'json', '-o', out]);
  const rep = JSON.parse(fs.readFileSync(out, 'utf8'));
  const stopped = rep.filter((f) => f.messages.some((m) => m.messageId === 'time-limit')).length;
  results.realDev = { files: files.length, seconds: +(all.ms / 1000).toFixed(2), cpuSeconds: +(all.cpuMs / 1000).toFixed(2), msPerFile: Math.round(all.ms / files.length), stoppedByTimeLimit: stopped };
  goal(`real-dev: ${files.length} Word documents (default run), none stopped`, `${stopped} stopped, ${fmt(all.ms)}`, '0 stopped', stopped === 0);
  // each file in this process (reading and all rules; start-up excluded)
  const config = mergeLayers([], {});
  const rules = builtinRuleMap();
  const times = [];
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    const t0 = performance.now();
    await lintBytes({ filePath: f, bytes, config, rules });
    times.push({ f: path.basename(f), ms: performance.now() - t0 });
  }
  const ms = times.map((t) => t.ms);
  const slowest = times.sort((a, b) => b.ms - a.ms)[0];
  results.realDev.inProcess = { p50ms: +pct(ms, 0.5).toFixed(1), p95ms: +pct(ms, 0.95).toFixed(1), maxMs: Math.round(slowest.ms), slowest: slowest.f };
  goal('real-dev: slowest single document (in process)', `${fmt(slowest.ms)}`, '< 3 s', slowest.ms < 3000);
  for (const prefix of ['037-', '038-']) {
    const f = files.find((x) => path.basename(x).startsWith(prefix));
    if (!f) continue;
    const one = run(cli, [f, '-f', 'json']);
    results[`realDev${prefix.slice(0, 3)}`] = { wallMs: Math.round(one.ms), cpuMs: Math.round(one.cpuMs) };
    goal(`real-dev ${prefix}… alone, end to end`, fmt(one.ms), '< 3 s', one.ms < 3000);
  }
} else console.log(`${realDir} is absent: the real-dev figures are skipped`);

// ---------- a form of 400 lines of random blanks ----------
const form = path.join(work, 'form.txt');
fs.writeFileSync(form, blankForm(400, rng(13)));
const formRun = run(cli, [form, '-f', 'json']);
results.blankForm = { lines: 400, wallMs: Math.round(formRun.ms), cpuMs: Math.round(formRun.cpuMs) };
goal('a form of 400 lines of random blanks, end to end', fmt(formRun.ms), '< 3 s', formRun.ms < 3000);

// ---------- long runs: each extractor and rule within a budget ----------
// budgets for one input: 19 paragraphs of 100,000 characters (1.9 million) and a year after each
const BUDGET_MS = 2000; // an extractor or a rule
const READ_BUDGET_MS = 15_000; // reading (the Markdown parser: linear, some 5 µs a character)
{
  const config = mergeLayers([], {});
  const rules = builtinRuleMap();
  results.longRuns = {};
  let worst = { name: '', ms: 0 };
  let worstRead = { name: '', ms: 0 };
  for (const { name, text } of pathologicalDocs(100_000)) {
    const bytes = strToU8(text);
    const row = {};
    for (const ext of ['txt', 'md']) {
      let t0 = performance.now();
      let parsed;
      try {
        parsed = await parseFile(`/bench/runs.${ext}`, bytes);
      } catch {
        row[`${ext} read`] = 'refused';
        continue;
      }
      row[`${ext} read`] = Math.round(performance.now() - t0);
      const extract = createExtractors(parsed.tree, config);
      for (const [id, fn] of Object.entries(extract)) {
        t0 = performance.now();
        fn();
        row[`${ext} ${id}`] = Math.round(performance.now() - t0);
      }
      // each rule alone on the tree read once (its extractors computed afresh)
      for (const [id, rule] of rules) {
        t0 = performance.now();
        lintParsed(`/bench/runs.${ext}`, parsed, config, new Map([[id, rule]]));
        row[`${ext} rule ${id}`] = Math.round(performance.now() - t0);
      }
    }
    results.longRuns[name] = row;
    for (const [k, v] of Object.entries(row)) {
      if (typeof v !== 'number') continue;
      if (k.endsWith(' read')) {
        if (v > worstRead.ms) worstRead = { name: `${name}: ${k}`, ms: v };
      } else if (v > worst.ms) worst = { name: `${name}: ${k}`, ms: v };
    }
  }
  results.longRunsWorst = { step: worst, read: worstRead };
  goal(`long runs: slowest extractor or rule (${worst.name})`, fmt(worst.ms), `≤ ${fmt(BUDGET_MS)}`, worst.ms <= BUDGET_MS);
  goal(`long runs: slowest reading (${worstRead.name})`, fmt(worstRead.ms), `≤ ${fmt(READ_BUDGET_MS)}`, worstRead.ms <= READ_BUDGET_MS);
}

// ---------- time against length ----------
{
  const config = mergeLayers([], {});
  const rules = builtinRuleMap();
  results.growth = {};
  for (const n of [1, 10, 100]) {
    const bytes = strToU8(longer(fixtures[0], n));
    const ms = median(await Promise.all([0, 1, 2].map(async () => {
      const t0 = performance.now();
      await lintBytes({ filePath: '/bench/x.md', bytes, config, rules });
      return performance.now() - t0;
    })));
    results.growth[`${n}x`] = +ms.toFixed(1);
  }
  const ratio = results.growth['100x'] / results.growth['1x'];
  goal('time at 100× length (Markdown)', `${ratio.toFixed(1)}×`, '≤ 120×', ratio <= 120);
}

// ---------- a 50 MB Word file of images ----------
{
  const images = {};
  let total = 0;
  for (let i = 0; total < 50 * 1024 * 1024; i++) {
    const img = new Uint8Array(2 * 1024 * 1024);
    for (let k = 0; k < img.length; k += 4096) img[k] = Math.floor(r() * 256);
    images[`word/media/image${i}.png`] = [img, { level: 0 }];
    total += img.length;
  }
  const doc = readMarkdown(fixtures[0], 'markdown');
  const xml = (b) => (b.kind === 'p' ? p(b.raw) : table(b.rows.map((row) => row.cells.map((c) => c.blocks.map(xml)))));
  const heavy = path.join(work, 'heavy.docx');
  fs.writeFileSync(heavy, zipSync({ ...unzipSync(buildDocx(doc.blocks.map(xml).join(''))), ...images }));
  const h = run(cli, [heavy, '-f', 'json', '-o', out]);
  results.heavyDocx = { sizeMB: +(fs.statSync(heavy).size / 1024 / 1024).toFixed(1), wallMs: Math.round(h.ms), peakMB: Math.round(h.rssMB) };
  goal('peak memory, 50 MB Word file of images', `${Math.round(h.rssMB)} MB`, '≤ 200 MB', h.rssMB <= 200);
}

// ---------- report ----------
results.goals = goals;
const line = (a, b, c) => `  ${a.padEnd(58)} ${b.padStart(12)}  ${c}`;
console.log(`plan-lint bench — ${results.machine.cpus} cores, Node ${process.version}, load average at start ${results.machine.loadavg.join(' ')}\n`);
const pl = results.plans;
console.log(`${pl.files} Markdown plans (${pl.source}, ${pl.averageKB} KB each on average)`);
console.log(`  plan-lint (all rules):       ${pl.planLint.seconds} s wall, ${pl.planLint.cpuSeconds} s CPU, ${pl.planLint.peakMB} MB peak, ${pl.planLint.messages} messages`);
console.log(`  plan-lint in one thread:     ${pl.planLintOneThread.seconds} s wall, ${pl.planLintOneThread.cpuSeconds} s CPU (${pl.planLintOneThread.msPerFile} ms a plan)`);
if (pl.textlint) console.log(`  textlint (one trivial rule): ${pl.textlint.seconds} s wall, ${pl.textlint.cpuSeconds} s CPU, ${pl.textlint.peakMB} MB peak; textlint / plan-lint ${pl.speedup.wall}× wall, ${pl.speedup.cpu}× CPU`);
console.log(`\none Word plan (${results.oneDocx.file}): ${results.oneDocx.wallMs} ms wall, ${results.oneDocx.cpuMs} ms CPU; \`plan-lint --version\` alone ${results.oneDocx.nodeAndVersionOnlyMs} ms; Node alone (an empty script) ${results.oneDocx.nodeAloneMs} ms; ${results.oneDocx.start}`);
if (results.oneDocx.nodeAloneWithoutExtraCertsMs !== undefined) {
  console.log(`  NODE_EXTRA_CA_CERTS is set here: Node reads that certificate file at every start. Without it: Node alone ${results.oneDocx.nodeAloneWithoutExtraCertsMs} ms, the Word plan ${results.oneDocx.wallWithoutExtraCertsMs} ms (for information; the goal above is measured as this machine is set up)`);
}
if (results.realDev) {
  const rd = results.realDev;
  console.log(`real-dev: ${rd.files} files in ${rd.seconds} s (${rd.cpuSeconds} s CPU); in process p50 ${rd.inProcess.p50ms} ms, p95 ${rd.inProcess.p95ms} ms, slowest ${rd.inProcess.maxMs} ms (${rd.inProcess.slowest})`);
}
console.log('\nlong runs of 100,000 characters, ms (txt | md): read, then the slowest extractor and rule');
for (const [name, row] of Object.entries(results.longRuns)) {
  const side = (ext) => {
    if (row[`${ext} read`] === 'refused') return 'refused (too deep)';
    const steps = Object.entries(row).filter(([k]) => k.startsWith(`${ext} `) && !k.endsWith(' read'));
    const [k, v] = steps.sort((a, b) => b[1] - a[1])[0];
    return `read ${row[`${ext} read`]}, ${k.slice(ext.length + 1)} ${v}`;
  };
  console.log(`  ${name.padEnd(15)} ${side('txt').padEnd(40)} ${side('md')}`);
}
console.log(`\ngrowth: 1× ${results.growth['1x']} ms, 10× ${results.growth['10x']} ms, 100× ${results.growth['100x']} ms`);
console.log(`\n${line('goal', 'measured', 'goal       met')}`);
for (const g of goals) console.log(line(g.name, g.measured, `${g.goal.padEnd(10)} ${g.met ? 'yes' : 'NO'}`));
fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nJSON: ${outFile}`);
