// A worker thread for --concurrency: it lints the files the main thread sends it.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { RuleModule } from './types.js';
import { lintBytes, fatalMessage, summarize } from './engine/linter.js';
import { builtinRuleMap, loadPlugin } from './engine/rules.js';
import type { WorkerJob } from './run.js';

const plugins = new Map<string, RuleModule[]>();

async function rulesFor(job: WorkerJob): Promise<Map<string, RuleModule>> {
  const all = builtinRuleMap();
  for (const p of job.config.plugins) {
    const key = `${p.base}|${p.spec}`;
    if (!plugins.has(key)) plugins.set(key, await loadPlugin(p.spec, p.base));
    for (const r of plugins.get(key)!) all.set(r.meta.id, r);
  }
  return new Map([...all].filter(([id]) => job.ruleIds.includes(id)));
}

parentPort!.on('message', async (job: WorkerJob) => {
  let result;
  try {
    result = await lintBytes({
      filePath: job.filePath,
      bytes: fs.readFileSync(job.filePath),
      config: job.config,
      rules: await rulesFor(job),
      deadline: Date.now() + job.limits.timeLimitMs,
      timeLimitMs: job.limits.timeLimitMs,
      stoppedBy: 'parent', // runInWorkers ends a worker whose file overruns
    });
  } catch (err) {
    result = summarize(job.filePath, [fatalMessage(err, job.config.lang)]);
  }
  parentPort!.postMessage({ index: job.index, result });
});
