// The built-in rules, by id. Rule ids are fixed: users put them in configs and inline disables.
import type { RuleModule } from '../src/types.js';
import { rule as blankField } from './blank-field.js';
import { rule as numbering } from './numbering.js';
import { rule as refMismatch } from './ref-mismatch.js';
import { rule as unitName } from './unit-name.js';
import { rule as typo } from './typo.js';
import { rule as docxLayout } from './docx-layout.js';
import { rule as docFormat } from './doc-format.js';
import { rule as repeatedWord } from './repeated-word.js';

export const builtinRules: RuleModule[] = [refMismatch, unitName, numbering, blankField, typo, docFormat, docxLayout, repeatedWord];
