// Word's automatic numbering (numbering.xml + styles.xml), rendered to the
// label a reader sees on the page: "I.", "1.", "a)", "1.1.".
import { parseXml } from './xml.js';

interface Level {
  start: number;
  numFmt: string; // decimal, upperRoman, lowerLetter, bullet…
  lvlText: string; // "%1." "%1.%2." "-"
  isLgl: boolean;
  restart?: number; // w:lvlRestart: restart after this (1-based) level; 0 = never
  suff: 'tab' | 'space' | 'nothing';
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Partial<Level> }>;
}

export interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  name?: string;
}

export interface NumberingDefs {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, NumDef>;
  styles: Map<string, StyleInfo>;
}

/** `styles`: the paragraph styles when the caller has read styles.xml already (then `stylesXml` is not parsed again). */
export function parseNumbering(numberingXml: string | undefined, stylesXml: string | undefined, styles?: Map<string, StyleInfo>): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles: styles ?? new Map() };
  if (numberingXml) {
    let abs: Map<number, Level> | null = null;
    let lvl: Level | null = null;
    let lvlIndex = 0;
    let num: NumDef | null = null;
    let override: { start?: number; level?: Partial<Level> } | null = null;
    let overrideLvl: Level | null = null;
    parseXml(numberingXml, 'word/numbering.xml', {
      open(name, a) {
        switch (name) {
          case 'w:abstractNum':
            abs = new Map();
            defs.abstracts.set(a['w:abstractNumId'] ?? '', abs);
            break;
          case 'w:lvl': {
            lvlIndex = Number(a['w:ilvl'] ?? 0);
            const l: Level = { start: 1, numFmt: 'decimal', lvlText: `%${lvlIndex + 1}.`, isLgl: false, suff: 'tab' };
            if (override) overrideLvl = l;
            else if (abs) {
              lvl = l;
              abs.set(lvlIndex, l);
            }
            break;
          }
          case 'w:num':
            num = { abstractId: '', overrides: new Map() };
            defs.nums.set(a['w:numId'] ?? '', num);
            break;
          case 'w:abstractNumId':
            if (num) num.abstractId = a['w:val'] ?? '';
            break;
          case 'w:lvlOverride':
            override = {};
            num?.overrides.set(Number(a['w:ilvl'] ?? 0), override);
            break;
          case 'w:startOverride':
            if (override) override.start = Number(a['w:val'] ?? 0);
            break;
          default: {
            const target = overrideLvl ?? lvl;
            if (!target) break;
            if (name === 'w:start') target.start = Number(a['w:val'] ?? 1);
            else if (name === 'w:numFmt') target.numFmt = a['w:val'] ?? 'decimal';
            else if (name === 'w:lvlText') target.lvlText = a['w:val'] ?? '';
            else if (name === 'w:isLgl') target.isLgl = a['w:val'] !== '0' && a['w:val'] !== 'false';
            else if (name === 'w:lvlRestart') target.restart = Number(a['w:val'] ?? 0);
            else if (name === 'w:suff') target.suff = (a['w:val'] as Level['suff']) ?? 'tab';
          }
        }
      },
      close(name) {
        if (name === 'w:abstractNum') abs = null;
        else if (name === 'w:lvl') {
          if (override && overrideLvl) override.level = overrideLvl;
          overrideLvl = null;
          lvl = null;
        } else if (name === 'w:lvlOverride') override = null;
        else if (name === 'w:num') num = null;
      },
    });
  }
  if (stylesXml && !styles) {
    let style: StyleInfo | null = null;
    let inPPr = 0;
    parseXml(stylesXml, 'word/styles.xml', {
      open(name, a) {
        if (name === 'w:style') {
          style = {};
          if (a['w:type'] === 'paragraph' || a['w:type'] === undefined) defs.styles.set(a['w:styleId'] ?? '', style);
        } else if (!style) return;
        else if (name === 'w:basedOn') style.basedOn = a['w:val'];
        else if (name === 'w:name') style.name = a['w:val'];
        else if (name === 'w:pPr') inPPr++;
        else if (inPPr && name === 'w:numId') style.numId = a['w:val'];
        else if (inPPr && name === 'w:ilvl') style.ilvl = Number(a['w:val'] ?? 0);
        else if (inPPr && name === 'w:outlineLvl') style.outlineLevel = Number(a['w:val'] ?? 9);
      },
      close(name) {
        if (name === 'w:style') style = null;
        else if (name === 'w:pPr') inPPr--;
      },
    });
  }
  return defs;
}

/** Resolve a style's inherited property along its basedOn chain. */
export function styleProp<K extends keyof StyleInfo>(defs: NumberingDefs, styleId: string | undefined, key: K): StyleInfo[K] | undefined {
  const seen = new Set<string>();
  let id = styleId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const s = defs.styles.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn;
  }
  return undefined;
}

/**
 * Counters in document order. Word continues a list across w:num instances that
 * share an abstract definition, unless an instance restarts it with a start override.
 */
export class NumberingState {
  private readonly counters = new Map<string, number[]>();
  private readonly startedOverride = new Set<string>();

  constructor(private readonly defs: NumberingDefs) {}

  /** The rendered label and its suffix for a paragraph numbered (numId, ilvl); undefined for none. */
  next(numId: string, ilvl: number): { label: string; suffix: string; bullet: boolean } | undefined {
    if (!numId || numId === '0') return undefined;
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    const abs = this.defs.abstracts.get(num.abstractId);
    if (!abs) return undefined;
    const level = (i: number): Level => {
      const base = abs.get(i) ?? { start: 1, numFmt: 'decimal', lvlText: `%${i + 1}.`, isLgl: false, suff: 'tab' as const };
      const o = num.overrides.get(i)?.level;
      return o ? { ...base, ...o } : base;
    };
    const hasOverride = [...num.overrides.values()].some((o) => o.start !== undefined);
    const key = hasOverride ? `num:${numId}` : `abs:${num.abstractId}`;
    let c = this.counters.get(key);
    if (!c || (hasOverride && !this.startedOverride.has(numId))) {
      c = [];
      this.counters.set(key, c);
      this.startedOverride.add(numId);
    }
    const startOf = (i: number): number => num.overrides.get(i)?.start ?? level(i).start;
    const lv = level(ilvl);
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    // deeper levels restart after this one (unless lvlRestart says otherwise)
    for (let i = ilvl + 1; i < 9; i++) {
      const r = level(i).restart;
      if (r === undefined || (r !== 0 && r - 1 <= ilvl)) c[i] = undefined as unknown as number;
    }
    const suffix = lv.suff === 'space' ? ' ' : lv.suff === 'nothing' ? '' : '\t';
    if (lv.numFmt === 'bullet' || lv.numFmt === 'none') {
      return { label: lv.numFmt === 'none' ? '' : bulletChar(lv.lvlText), suffix, bullet: true };
    }
    const label = lv.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
      const i = Number(d) - 1;
      const value = c[i] ?? startOf(i);
      const fmt = i !== ilvl && lv.isLgl ? 'decimal' : level(i).numFmt;
      return formatNumber(value, fmt);
    });
    return { label, suffix, bullet: false };
  }
}

function bulletChar(lvlText: string): string {
  // Symbol/Wingdings private-use glyphs show as bullets
  if (!lvlText || /[\uf000-\uf0ff]/.test(lvlText)) return '•';
  return lvlText;
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerLetter':
      return toLetters(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

export function toRoman(n: number): string {
  if (n <= 0) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz. */
function toLetters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}
