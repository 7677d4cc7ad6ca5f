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
    mod = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (err) {
    throw new PluginError(spec, `cannot be loaded: ${(err as Error).message.split('\n')[0]}`);
  }
  const exported = (mod.rules ?? (mod.default as Record<string, unknown> | undefined)?.rules) as unknown;
  const list = Array.isArray(exported) ? exported : exported && typeof exported === 'object' ? Object.values(exported) : [];
  const rules = list.filter(isRule);
  if (!rules.length) throw new PluginError(spec, 'exports no rules (expected `export const rules = [...]`)');
  return rules;
}
