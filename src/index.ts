// plan-lint as a library: read a plan, lint it, format the results.
export { lintBytes, lintParsed, parseFile } from './engine/linter.js';
export { builtinRuleMap, loadPlugin } from './engine/rules.js';
export { ConfigResolver, mergeLayers, validateConfig, ConfigError } from './config/load.js';
export { getFormatter, FORMAT_NAMES } from './formatters/index.js';
export { printTree, outline } from './plan/print.js';
export type * from './types.js';
// the extractor layer adds its members to the rule context's Extractors (declaration merging)
export type { ExtractorFactory } from './extract/index.js';
