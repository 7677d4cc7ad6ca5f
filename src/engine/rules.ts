// The rule set of a run: built-in rules plus rules from config plugins.
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { RuleModule } from '../types.js';
import { builtinRules } from '../../rules/index.js';

export class PluginError extends Error {
  constructor(
    readonly spec: string,
    readonly detail: string,
  ) {
    super(`plugin "${spec}": ${detail}`);
    this.name = 'PluginError';
  }
}

export function builtinRuleMap(): Map<string, RuleModule> {
  return new Map(builtinRules.map((r) => [r.meta.id, r]));
}

function isRule(x: unknown): x is RuleModule {
  const r = x as RuleModule;
  return !!r && typeof r === 'object' && typeof r.create === 'function' && !!r.meta && typeof r.meta.id === 'string';
}

/**
 * import() of a plugin. The installed command runs a bundle that src/bin.cts compiles from V8's code cache,
 * and in Node 20 a script compiled from a code cache has lost its dynamic-import callback ("A dynamic import
 * callback was not specified"): there the launcher's own import(), registered under this symbol, loads it.
 */
const LAUNCHER_IMPORT = Symbol.for('plan-lint.import');
function importModule(url: string): Promise<Record<string, unknown>> {
  const launcher = (globalThis as Record<symbol, unknown>)[LAUNCHER_IMPORT] as ((u: string) => Promise<Record<string, unknown>>) | undefined;
  return launcher ? launcher(url) : (import(url) as Promise<Record<string, unknown>>);
}

/** Load a plugin: a local file (relative to the config that names it) or a package. It exports `rules` (array or id map). */
export async function loadPlugin(spec: string, base: string): Promise<RuleModule[]> {
  let resolved: string;
  try {
    resolved = spec.startsWith('.') || path.isAbsolute(spec) ? path.resolve(base, spec) : createRequire(path.join(base, 'noop.js')).resolve(spec);
  } catch {
    throw new PluginError(spec, 'not found');
  }
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(pathToFileURL(resolved).href);
  } catch (err) {
    throw new PluginError(spec, `cannot be loaded: ${(err as Error).message.split('\n')[0]}`);
  }
  const exported = (mod.rules ?? (mod.default as Record<string, unknown> | undefined)?.rules) as unknown;
  const list = Array.isArray(exported) ? exported : exported && typeof exported === 'object' ? Object.values(exported) : [];
  const rules = list.filter(isRule);
  if (!rules.length) throw new PluginError(spec, 'exports no rules (expected `export const rules = [...]`)');
  return rules;
}
