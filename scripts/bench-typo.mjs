// How much the spelling rules cost (typo, repeated-word): CPU time inside their visitors per plan,
// measured in the process that lints, and the typo model's load time in a fresh process.
// Goals (issue 13): both rules together ≤ 2 ms a plan of the seeds' size; the model ready in ≤ 15 ms.
// Usage: npm run build && node scripts/bench-typo.mjs [FILES or folders…] (default: the seed plans of
// ../shared, read as Markdown, each 3 times)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lintBytes } from '../dist/src/engine/linter.js';
import { builtinRuleMap } from '../dist/src/engine/rules.js';
import { mergeLayers } from '../dist/src/config/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const TIMED = ['typo', 'repeated-word'];

function inputs() {
  const args = process.argv.slice(2);
  if (!args.length) {
    const seeds = path.join(shared, 'seeds');
    const files = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
    // the seeds as Markdown plans (the reader of the 1,000-plan comparison), three rounds
    return [0, 1, 2].flatMap((round) => files.map((f) => ({ name: `plan-${round}-${f.replace(/\.txt$/, '.md')}`, bytes: fs.readFileSync(path.join(seeds, f)) })));
  }
  return args.flatMap((a) => (fs.statSync(a).isDirectory() ? fs.readdirSync(a).sort().map((f) => path.join(a, f)) : [a])).map((f) => ({ name: f, bytes: fs.readFileSync(f) }));
}

// the rules, with the visitors of the timed ones wrapped in a CPU clock
const spent = Object.fromEntries(TIMED.map((id) => [id, 0]));
const rules = new Map(
  [...builtinRuleMap()].map(([id, rule]) => {
    if (!TIMED.includes(id)) return [id, rule];
    return [
      id,
      {
        ...rule,
        create(context) {
          const t0 = process.cpuUsage();
          const visitor = rule.create(context) ?? {};
          const d0 = process.cpuUsage(t0);
          spent[id] += d0.user + d0.system;
          return Object.fromEntries(
            Object.entries(visitor).map(([k, fn]) => [
              k,
              (...a) => {
                const t = process.cpuUsage();
                try {
                  return fn(...a);
                } finally {
                  const d = process.cpuUsage(t);
                  spent[id] += d.user + d.system;
                }
              },
            ]),
          );
        },
      },
    ];
  }),
);

const files = inputs();
const config = mergeLayers([], {});
let findings = 0;
const all0 = process.cpuUsage();
for (const f of files) {
  const res = await lintBytes({ filePath: f.name, bytes: f.bytes, config, rules });
  findings += res.messages.filter((m) => TIMED.includes(m.ruleId)).length;
}
const all = process.cpuUsage(all0);
const ms = (us) => us / 1000;
const total = TIMED.reduce((n, id) => n + spent[id], 0);
console.log(`${files.length} files; ${findings} findings of ${TIMED.join(' and ')}`);
for (const id of TIMED) console.log(`  ${id.padEnd(14)} ${ms(spent[id]).toFixed(0).padStart(6)} ms CPU, ${(ms(spent[id]) / files.length).toFixed(2)} ms a file`);
console.log(`  both           ${ms(total).toFixed(0).padStart(6)} ms CPU, ${(ms(total) / files.length).toFixed(2)} ms a file (goal ≤ 2 ms a seed-size plan; the first file pays the model's load)`);
console.log(`  whole lint     ${ms(all.user + all.system).toFixed(0).padStart(6)} ms CPU`);

// the model's load in a fresh process (median of 5): reading and preparing data/typo-tables.bin
const loads = [];
for (let k = 0; k < 5; k++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const { SyllableModel } = await import(${JSON.stringify(path.join(root, 'dist', 'src', 'typo', 'model.js'))}); const t = performance.now(); SyllableModel.load(); console.log(performance.now() - t);`], { encoding: 'utf8' });
  loads.push(Number(r.stdout.trim()));
}
loads.sort((a, b) => a - b);
console.log(`model load (fresh process, median of 5): ${loads[2].toFixed(1)} ms (goal ≤ 15 ms)`);
