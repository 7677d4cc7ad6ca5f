// Configuration: plan-lint.config.json, .planlintrc.json or package.json#planLint,
// found from each file's folder upward; the nearest wins, "root": true stops.
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigFile, Lang, ResolvedConfig, RuleSetting, Severity } from '../types.js';

export const CONFIG_NAMES = ['plan-lint.config.json', '.planlintrc.json', 'package.json'] as const;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}: ${key ? `"${key}": ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

const SEVERITIES: Record<string, Severity> = { off: 0, warn: 1, error: 2, '0': 0, '1': 1, '2': 2 };
const STRING_LISTS = ['ignores', 'plugins', 'words', 'allowUnits'] as const;
const KNOWN_KEYS = new Set(['$schema', 'root', 'unit', 'province', 'stage', 'lang', 'rules', ...STRING_LISTS]);

export function parseSeverity(v: unknown): Severity | undefined {
  return typeof v === 'string' || typeof v === 'number' ? SEVERITIES[String(v)] : undefined;
}

/** Check a config object against the schema (src/config/schema.json), naming the key at fault. */
export function validateConfig(obj: unknown, file: string, knownRules?: Set<string>): ConfigFile {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new ConfigError(file, '', 'must be a JSON object');
  const c = obj as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!KNOWN_KEYS.has(key)) throw new ConfigError(file, key, 'unknown key');
  const str = (key: string): void => {
    if (c[key] !== undefined && (typeof c[key] !== 'string' || !(c[key] as string).trim())) throw new ConfigError(file, key, 'must be a non-empty string');
  };
  str('unit');
  str('province');
  if (c.$schema !== undefined && typeof c.$schema !== 'string') throw new ConfigError(file, '$schema', 'must be a string');
  if (c.root !== undefined && typeof c.root !== 'boolean') throw new ConfigError(file, 'root', 'must be true or false');
  if (c.stage !== undefined && c.stage !== 'draft' && c.stage !== 'final') throw new ConfigError(file, 'stage', 'must be "draft" or "final"');
  if (c.lang !== undefined && c.lang !== 'vi' && c.lang !== 'en') throw new ConfigError(file, 'lang', 'must be "vi" or "en"');
  for (const key of STRING_LISTS) {
    const v = c[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) throw new ConfigError(file, key, 'must be an array of strings');
  }
  if (c.rules !== undefined) {
    if (typeof c.rules !== 'object' || c.rules === null || Array.isArray(c.rules)) throw new ConfigError(file, 'rules', 'must be an object');
    for (const [id, setting] of Object.entries(c.rules as Record<string, unknown>)) {
      const key = `rules.${id}`;
      if (knownRules && !knownRules.has(id)) throw new ConfigError(file, key, `unknown rule (known: ${[...knownRules].join(', ')})`);
      const sev = Array.isArray(setting) ? setting[0] : setting;
      if (parseSeverity(sev) === undefined) throw new ConfigError(file, key, 'severity must be "off", "warn" or "error"');
      if (Array.isArray(setting)) {
        if (setting.length > 2) throw new ConfigError(file, key, 'must be [severity] or [severity, options]');
        const opts = setting[1];
        if (opts !== undefined && (typeof opts !== 'object' || opts === null || Array.isArray(opts))) throw new ConfigError(file, key, 'options must be an object');
      }
    }
  }
  return c as ConfigFile;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, '', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(file, '', `is not valid JSON (${(err as Error).message})`);
  }
}

/** The config file of one folder, if any (first of CONFIG_NAMES that applies). */
function configInDir(dir: string): { file: string; config: unknown } | undefined {
  for (const name of CONFIG_NAMES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    if (name === 'package.json') {
      const pkg = readJson(file) as Record<string, unknown> | null;
      if (pkg && typeof pkg === 'object' && 'planLint' in pkg) return { file: `${file}#planLint`, config: pkg.planLint };
      continue;
    }
    return { file, config: readJson(file) };
  }
  return undefined;
}

export interface CliOverrides {
  configFile?: string; // -c
  noConfig?: boolean; // --no-config
  rules?: Record<string, Severity>; // --rule id:severity
  unit?: string;
  stage?: 'draft' | 'final';
  lang?: Lang;
}

export interface LoadedLayer {
  file: string;
  dir: string;
  config: ConfigFile;
}

/** Resolves the configuration of each file, caching per folder. */
export class ConfigResolver {
  private readonly layers = new Map<string, LoadedLayer[]>();
  private explicit?: LoadedLayer;

  constructor(private readonly cli: CliOverrides) {
    if (cli.configFile) {
      const file = path.resolve(cli.configFile);
      this.explicit = { file, dir: path.dirname(file), config: validateConfig(readJson(file), file) };
    }
  }

  /** Layers from the farthest to the nearest folder. */
  layersFor(filePath: string): LoadedLayer[] {
    if (this.cli.noConfig) return [];
    if (this.explicit) return [this.explicit];
    const dir = path.dirname(path.resolve(filePath));
    return this.dirLayers(dir);
  }

  private dirLayers(dir: string): LoadedLayer[] {
    const cached = this.layers.get(dir);
    if (cached) return cached;
    const here = configInDir(dir);
    let result: LoadedLayer[];
    const layer = here ? { file: here.file, dir, config: validateConfig(here.config, here.file) } : undefined;
    const parent = path.dirname(dir);
    if (layer?.config.root || parent === dir) result = layer ? [layer] : [];
    else result = [...this.dirLayers(parent), ...(layer ? [layer] : [])];
    this.layers.set(dir, result);
    return result;
  }

  resolve(filePath: string): ResolvedConfig {
    return mergeLayers(this.layersFor(filePath), this.cli);
  }
}

export function mergeLayers(layers: LoadedLayer[], cli: CliOverrides): ResolvedConfig {
  const out: ResolvedConfig = { stage: 'draft', lang: 'vi', rules: {}, ignores: [], plugins: [], words: [], allowUnits: [], files: [] };
  for (const { file, dir, config: c } of layers) {
    out.files.push(file);
    if (c.unit) out.unit = c.unit;
    if (c.province) out.province = c.province;
    if (c.stage) out.stage = c.stage;
    if (c.lang) out.lang = c.lang;
    for (const [id, s] of Object.entries(c.rules ?? {})) {
      out.rules[id] = ruleSetting(s);
      (out.ruleFiles ??= {})[id] = file;
    }
    for (const g of c.ignores ?? []) out.ignores.push(path.resolve(dir, g));
    for (const p of c.plugins ?? []) out.plugins.push({ spec: p, base: dir });
    out.words.push(...(c.words ?? []));
    out.allowUnits.push(...(c.allowUnits ?? []));
  }
  if (cli.unit) out.unit = cli.unit;
  if (cli.stage) out.stage = cli.stage;
  if (cli.lang) out.lang = cli.lang;
  for (const [id, sev] of Object.entries(cli.rules ?? {})) out.rules[id] = { severity: sev, options: out.rules[id]?.options ?? {} };
  return out;
}

function ruleSetting(s: RuleSetting): { severity: Severity; options: Record<string, unknown> } {
  if (Array.isArray(s)) return { severity: parseSeverity(s[0])!, options: (s[1] as Record<string, unknown>) ?? {} };
  return { severity: parseSeverity(s)!, options: {} };
}
