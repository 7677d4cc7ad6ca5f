// npm run bench: how fast plan-lint is, measured on a corpus built from the project's
// own fixtures (1,000 plans, Markdown and DOCX, replicated with other numbers and wards).
// Prints a table and writes the figures as JSON (bench-results.json, or --out FILE).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, unzipSync } from 'fflate';
import { buildDocx, p, table } from './docx-builder.mjs';
import { rng } from './rng.mjs';
import { readMarkdown } from '../dist/src/readers/markdown.js';
import { lintBytes } from '../dist/src/engine/linter.js';
import { builtinRuleMap } from '../dist/src/engine/rules.js';
import { mergeLayers } from '../dist/src/config/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
const args = process.argv.slice(2);
const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(root, 'bench-results.json');
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const r = rng(7);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lint-bench-'));

// ---------- corpus ----------
const mdSources = fs.readdirSync(path.join(root, 'fixtures')).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(root, 'fixtures', f), 'utf8'));
const WARDS = ['Ngọc Hà', 'Tây Hồ', 'Hải Châu', 'Cái Khế', 'Ninh Kiều', 'Hòa Cường', 'Thanh Khê', 'Giảng Võ'];
function vary(md) {
  const ward = WARDS[Math.floor(r() * WARDS.length)];
  return md.replace(/số (\d+)/g, (_m, d) => `số ${Number(d) + Math.floor(r() * 9)}`).replace(/PHƯỜNG [A-ZĐÀ-Ỹ ]+$/mu, `PHƯỜNG ${ward.toUpperCase()}`);
}
/** Word layout of a Markdown plan: one paragraph per block, tables as tables. */
function toDocx(md) {
  const doc = readMarkdown(md, 'markdown');
  const xml = (b) => (b.kind === 'p' ? p(b.raw) : table(b.rows.map((row) => row.cells.map((c) => c.blocks.map(xml)))));
  return buildDocx(doc.blocks.map(xml).join(''));
}
/** A plan n times as long: its body repeated. */
function longer(md, n) {
  const at = md.indexOf('### I.') >= 0 ? md.indexOf('### I.') : md.indexOf('I. ');
  const end = md.indexOf('Nơi nhận');
  const body = md.slice(at, end);
  return md.slice(0, at) + Array.from({ length: n }, () => body).join('\n') + md.slice(end);
}

const dirs = { markdown: path.join(work, 'md'), docx: path.join(work, 'docx') };
for (const d of Object.values(dirs)) fs.mkdirSync(d);
for (let i = 0; i < FILES / 2; i++) {
  const md = vary(mdSources[i % mdSources.length]);
  fs.writeFileSync(path.join(dirs.markdown, `plan-${i}.md`), md);
  fs.writeFileSync(path.join(dirs.docx, `plan-${i}.docx`), toDocx(md));
}
const sizeOf = (d) => fs.readdirSync(d).reduce((n, f) => n + fs.statSync(path.join(d, f)).size, 0);

// ---------- helpers ----------
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
/** Run the CLI in a child and measure its wall time and peak memory. */
function runCli(cliArgs) {
  const wrapper = `import { main } from ${JSON.stringify(cli)}; const code = await main(process.argv.slice(1)); process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code;`;
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper, '--', ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const rss = Number(/RSS (\d+)/.exec(res.stderr)?.[1] ?? 0) / 1024;
  return { ms, rssMB: rss, code: res.status };
}
function wall(cliArgs, times = 7) {
  return median(Array.from({ length: times }, () => {
    const t0 = performance.now();
    spawnSync(process.execPath, [cli, ...cliArgs], { encoding: 'utf8' });
    return performance.now() - t0;
  }));
}

const results = { machine: { cpus: os.availableParallelism(), node: process.version }, files: FILES };

// ---------- throughput over a folder ----------
results.throughput = {};
for (const [format, d] of Object.entries(dirs)) {
  const n = fs.readdirSync(d).length;
  const mbytes = sizeOf(d) / 1024 / 1024;
  for (const conc of ['auto', 'off']) {
    const run = runCli([d, '-f', 'json', '-o', path.join(work, 'out.json'), '--concurrency', conc]);
    results.throughput[`${format} (concurrency ${conc})`] = {
      files: n,
      seconds: +(run.ms / 1000).toFixed(2),
      filesPerSecond: +(n / (run.ms / 1000)).toFixed(1),
      mbPerSecond: +(mbytes / (run.ms / 1000)).toFixed(2),
      peakMemoryMB: +run.rssMB.toFixed(0),
    };
  }
}

// ---------- per-file times, in one process ----------
const config = mergeLayers([], {});
const rules = builtinRuleMap();
results.perFile = {};
for (const [format, d] of Object.entries(dirs)) {
  const times = [];
  const files = fs.readdirSync(d).slice(0, 200);
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(d, f));
    const t0 = performance.now();
    await lintBytes({ filePath: path.join(d, f), bytes, config, rules });
    times.push(performance.now() - t0);
  }
  results.perFile[format] = { p50ms: +pct(times, 0.5).toFixed(2), p95ms: +pct(times, 0.95).toFixed(2) };
}

// ---------- start-up and a 10-page plan, end to end ----------
const small = path.join(dirs.markdown, 'plan-0.md');
results.startupSmallFileMs = +wall([small]).toFixed(0);
const tenPages = path.join(work, 'ten-pages.docx');
fs.writeFileSync(tenPages, toDocx(longer(mdSources[0], 8)));
const tenPagesSyllables = readMarkdown(longer(mdSources[0], 8), 'markdown').blocks.length;
results.tenPageDocxMs = +wall([tenPages]).toFixed(0);
results.tenPageDocxBlocks = tenPagesSyllables;

// ---------- growth with size ----------
results.growth = {};
for (const format of ['markdown', 'docx']) {
  const base = {};
  for (const n of [1, 10, 100]) {
    const md = longer(mdSources[0], n);
    const bytes = format === 'docx' ? toDocx(md) : strToU8(md);
    const name = format === 'docx' ? 'x.docx' : 'x.md';
    const ms = median(await Promise.all([0, 1, 2].map(async () => {
      const t0 = performance.now();
      await lintBytes({ filePath: `/bench/${name}`, bytes, config, rules });
      return performance.now() - t0;
    })));
    base[`${n}x`] = +ms.toFixed(1);
  }
  base.ratio100x = +(base['100x'] / base['1x']).toFixed(1);
  results.growth[format] = base;
}

// ---------- a 50 MB DOCX full of images ----------
const images = {};
let total = 0;
for (let i = 0; total < 50 * 1024 * 1024; i++) {
  const img = new Uint8Array(2 * 1024 * 1024);
  for (let k = 0; k < img.length; k += 4096) img[k] = Math.floor(r() * 256); // incompressible enough, never decoded
  images[`word/media/image${i}.png`] = [img, { level: 0 }];
  total += img.length;
}
const plan = unzipSync(toDocx(mdSources[0]));
const heavy = path.join(work, 'heavy.docx');
fs.writeFileSync(heavy, zipSync({ ...plan, ...images }));
const heavyRun = runCli([heavy, '-f', 'json', '-o', path.join(work, 'out.json')]);
results.heavyDocx = { sizeMB: +(fs.statSync(heavy).size / 1024 / 1024).toFixed(1), ms: +heavyRun.ms.toFixed(0), peakMemoryMB: +heavyRun.rssMB.toFixed(0) };

// ---------- report ----------
const goals = {
  'single 10-page DOCX, end to end': [`${results.tenPageDocxMs} ms`, '≤ 250 ms', results.tenPageDocxMs <= 250],
  'DOCX plans per second over a folder': [`${results.throughput['docx (concurrency auto)'].filesPerSecond}/s`, '≥ 150/s', results.throughput['docx (concurrency auto)'].filesPerSecond >= 150],
  'time at 100× length (Markdown)': [`${results.growth.markdown.ratio100x}×`, '≤ 120×', results.growth.markdown.ratio100x <= 120],
  'time at 100× length (DOCX)': [`${results.growth.docx.ratio100x}×`, '≤ 120×', results.growth.docx.ratio100x <= 120],
  'peak memory, 50 MB DOCX of images': [`${results.heavyDocx.peakMemoryMB} MB`, '≤ 200 MB', results.heavyDocx.peakMemoryMB <= 200],
};
results.goals = Object.fromEntries(Object.entries(goals).map(([k, [v, g, ok]]) => [k, { measured: v, goal: g, met: ok }]));

console.log(`plan-lint bench — ${FILES} files, ${results.machine.cpus} cores, Node ${process.version}\n`);
console.log('throughput                         files   seconds  files/s   MB/s  peak MB');
for (const [k, v] of Object.entries(results.throughput)) {
  console.log(`  ${k.padEnd(32)} ${String(v.files).padStart(5)} ${String(v.seconds).padStart(9)} ${String(v.filesPerSecond).padStart(8)} ${String(v.mbPerSecond).padStart(6)} ${String(v.peakMemoryMB).padStart(8)}`);
}
console.log('\nper file (in process)              p50 ms   p95 ms');
for (const [k, v] of Object.entries(results.perFile)) console.log(`  ${k.padEnd(32)} ${String(v.p50ms).padStart(6)} ${String(v.p95ms).padStart(8)}`);
console.log(`\nstart-up, one small file: ${results.startupSmallFileMs} ms (whole process)`);
console.log('\ngrowth with length (in process)    1×       10×      100×    100×/1×');
for (const [k, v] of Object.entries(results.growth)) console.log(`  ${k.padEnd(32)} ${String(v['1x']).padStart(6)} ${String(v['10x']).padStart(8)} ${String(v['100x']).padStart(9)} ${String(v.ratio100x).padStart(8)}`);
console.log(`\n50 MB DOCX of images: ${results.heavyDocx.sizeMB} MB read in ${results.heavyDocx.ms} ms, peak ${results.heavyDocx.peakMemoryMB} MB`);
console.log('\ngoal                                   measured     goal        met');
for (const [k, v] of Object.entries(results.goals)) console.log(`  ${k.padEnd(36)} ${String(v.measured).padStart(10)}   ${v.goal.padEnd(10)} ${v.met ? 'yes' : 'NO'}`);
fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nJSON: ${outFile}`);
fs.rmSync(work, { recursive: true, force: true });
