// Administrative units: the gazetteer in force since 1 July 2025 and the unit
// mentions of a plan ("phường Hải An", "PHƯỜNG KHƯƠNG ĐÌNH", "thành phố Hải Phòng").
import fs from 'node:fs';
import type { ParagraphNode, PlanRoot, TextRef } from '../types.js';
import { dataPath } from '../paths.js';

export type UnitType = 'phường' | 'xã' | 'đặc khu' | 'thị trấn' | 'thành phố' | 'tỉnh' | 'quận' | 'huyện' | 'thị xã';

export interface Unit {
  type: 'phường' | 'xã' | 'đặc khu';
  name: string;
  province: string;
}

export interface Province {
  name: string;
  type: 'tỉnh' | 'thành phố';
}

export interface Gazetteer {
  provinces: Province[];
  /** Every unit (made on first use: only the search for a misspelt name walks them all). */
  readonly units: Unit[];
  /** Units by name key (tone placement and case folded); a unit is made when its name is first looked up. */
  byName: { get(key: string): Unit[] | undefined; has(key: string): boolean };
  provinceByName: Map<string, Province>;
  /** The keys of the first part of hyphenated names ("xuân hương" of "Xuân Hương - Đà Lạt"). */
  hyphenHeads(): Set<string>;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** nameKey by Unicode normalisation, syllable by syllable: the definition, used for text outside the Vietnamese Latin letters. */
export function nameKeyByNormalization(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((syl) => {
      const d = syl.normalize('NFD');
      const tone = (d.match(TONES) ?? []).join('');
      return d.replace(TONES, '').normalize('NFC') + tone;
    })
    .join(' ');
}

// A precomposed Latin letter's form without tone marks and its tone marks ("ờ" → "ơ", "\u0300"), filled on first sight.
const letterParts = new Map<string, readonly [string, string]>();

function partsOf(c: string): readonly [string, string] {
  let parts = letterParts.get(c);
  if (!parts) {
    const d = c.normalize('NFD');
    parts = [d.replace(TONES, '').normalize('NFC'), (d.match(TONES) ?? []).join('')];
    letterParts.set(c, parts);
  }
  return parts;
}

/**
 * A comparison key for Vietnamese names: case-folded, with the tone mark moved to the end of each syllable ("Hoà" = "Hòa").
 * Letter by letter from a table: in the Latin blocks (up to U+024F and U+1E00–U+1EFF) every letter decomposes into
 * a base letter and marks that stay with it, so the key equals nameKeyByNormalization's; other text takes that path.
 */
export function nameKey(s: string): string {
  const folded = s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  let out = '';
  let tones = '';
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code < 0xc0) {
      // no letter below U+00C0 has a canonical decomposition
      if (code === 0x20) {
        out += `${tones} `;
        tones = '';
      } else out += folded[i];
      continue;
    }
    if (code > 0x24f && (code < 0x1e00 || code > 0x1eff)) return nameKeyByNormalization(s);
    const [base, tone] = partsOf(folded[i]!);
    out += base;
    tones += tone;
  }
  return out + tones;
}

interface UnitsFile {
  provinces: { name: string; type: Province['type']; units: string }[];
}

interface HistoryFile {
  provinces: { name: string; type: OldProvince['type']; successors: string[]; units: string; districts: string }[];
}

/**
 * What data/units-keys.json holds (scripts/build-units-keys.mjs writes it; test/units-keys.test.ts checks it
 * is current), so that loading the gazetteers computes no name key:
 * - `current`: the keys of data/units.json's provinces, joined by "|", the length of each province's entry
 *   list, and its units by name key (pairs of numbers: province, entry);
 * - `history`: the same for data/units-history.json, the entries of an old province counted through its units
 *   and then its districts.
 * `lengths` is a check that the index was built from this data (when it was not, it is made at loading).
 */
export interface UnitKeys {
  current: { provinces: string; lengths: number[]; units: UnitIndex };
  history: { provinces: string; lengths: number[]; units: UnitIndex };
}

/**
 * Units by name key, as two strings (one JSON string each parses in well under a millisecond; the object of
 * some 7,000 keys with an array each that it replaced took 3 ms to parse, and as long again to be copied by
 * the garbage collector): `keys`, the name keys sorted by code unit and joined by "|", and `refs`, for each key
 * in that order, its pairs of numbers (province, entry) joined by ",", the lists joined by "|".
 */
export interface UnitIndex {
  keys: string;
  refs: string;
}

/** The index of entries by name key (province i, entry j). */
function indexOf(entriesOf: string[][]): UnitIndex {
  const index = new Map<string, number[]>();
  entriesOf.forEach((entries, i) =>
    entries.forEach((e, j) => {
      const key = nameKey(entryName(e));
      const list = index.get(key);
      if (list) list.push(i, j);
      else index.set(key, [i, j]);
    }),
  );
  const sorted = [...index.keys()].sort(byCodeUnit);
  return { keys: sorted.join('|'), refs: sorted.map((k) => index.get(k)!.join(',')).join('|') };
}

/**
 * Look-ups in an index: the entries of a name key, made by `make` (province, entry) on the first look-up of
 * that key and kept; the index's two strings are split on the first look-up of any.
 */
function lookup<T>(index: UnitIndex, make: (i: number, j: number) => T): { get(key: string): T[] | undefined; has(key: string): boolean } {
  let keys: string[] | undefined;
  let refs: string[] | undefined;
  const named = new Map<string, T[]>();
  const at = (key: string): number => find((keys ??= index.keys.split('|')), key);
  return {
    has: (key) => named.has(key) || at(key) >= 0,
    get: (key) => {
      let list = named.get(key);
      if (!list) {
        const i = at(key);
        if (i < 0) return undefined;
        const r = (refs ??= index.refs.split('|'))[i]!.split(',').map(Number);
        list = [];
        for (let k = 0; k < r.length; k += 2) list.push(make(r[k]!, r[k + 1]!));
        named.set(key, list);
      }
      return list;
    },
  };
}

/** "p:Phúc Xá>p:Hồng Hà" → "Phúc Xá". */
const entryName = (entry: string): string => {
  const end = entry.indexOf('>');
  return end < 0 ? entry.slice(2) : entry.slice(2, end);
};
const provinceName = (p: { name: string }): string => p.name;
/** An old province's entries: its communes, wards and towns, then its districts. */
const oldEntries = (p: HistoryFile['provinces'][number]): { entries: string[]; districtsFrom: number } => {
  const entries = p.units.split('|');
  const districtsFrom = entries.length;
  for (const d of p.districts.split('|')) if (d) entries.push(d);
  return { entries, districtsFrom };
};

const entryLength = (p: HistoryFile['provinces'][number]): number => p.units.length + p.districts.length;

/** The keys of the data files (for scripts/build-units-keys.mjs, and when the data changed without them). */
export function unitKeys(units: UnitsFile, hist: HistoryFile): UnitKeys {
  const joined = <T>(list: T[], name: (x: T) => string): string => list.map((x) => nameKey(name(x))).join('|');
  return {
    current: {
      provinces: joined(units.provinces, provinceName),
      lengths: units.provinces.map((p) => p.units.length),
      units: indexOf(units.provinces.map((p) => p.units.split('|'))),
    },
    history: {
      provinces: joined(hist.provinces, provinceName),
      lengths: hist.provinces.map(entryLength),
      units: indexOf(hist.provinces.map((p) => oldEntries(p).entries)),
    },
  };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The position of `key` in a list sorted by code unit, or -1. */
function find(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = sorted[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const readData = <T>(name: string): T => JSON.parse(fs.readFileSync(dataPath(name), 'utf8')) as T;

// Read-only tables loaded once per process (not state: they never change after loading).
let storedKeys: UnitKeys | undefined;
const keys = (): UnitKeys => (storedKeys ??= readData<UnitKeys>('units-keys.json'));

const UNIT_TYPES: Record<string, Unit['type']> = { p: 'phường', x: 'xã', d: 'đặc khu' };

/**
 * The units in force, looked up through the stored index: a unit's object is made only when its name is
 * looked up or all are walked, not for each of the 3,321 at loading.
 */
class CurrentUnits implements Gazetteer {
  readonly provinces: Province[] = [];
  readonly provinceByName = new Map<string, Province>();
  readonly byName: Gazetteer['byName'];
  readonly #raw: UnitsFile;
  readonly #entries: (string[] | undefined)[] = [];
  readonly #made: Unit[][] = [];
  #all: Unit[] | undefined;
  #heads: Set<string> | undefined;

  constructor(raw: UnitsFile, stored: UnitKeys['current'] | undefined) {
    this.#raw = raw;
    const current =
      typeof stored?.units?.keys === 'string' && stored.lengths?.length === raw.provinces.length && raw.provinces.every((p, i) => p.units.length === stored.lengths[i]);
    const index = current ? stored : unitKeys(raw, { provinces: [] }).current;
    const provinceKeys = index.provinces.split('|');
    raw.provinces.forEach((p, i) => {
      const prov: Province = { name: p.name, type: p.type };
      this.provinces.push(prov);
      this.provinceByName.set(provinceKeys[i]!, prov);
    });
    this.byName = lookup(index.units, (i, j) => this.#unit(i, j));
  }

  get units(): Unit[] {
    if (!this.#all) {
      this.#all = [];
      this.#raw.provinces.forEach((_, i) => {
        const count = this.#province(i).length;
        for (let j = 0; j < count; j++) this.#all!.push(this.#unit(i, j));
      });
    }
    return this.#all;
  }

  hyphenHeads(): Set<string> {
    if (!this.#heads) {
      this.#heads = new Set();
      // only the provinces that have such a name are split
      this.#raw.provinces.forEach((p, i) => {
        if (!p.units.includes(' - ')) return;
        for (const e of this.#province(i)) if (e.includes(' - ')) this.#heads!.add(nameKey(entryName(e).split(' - ')[0]!));
      });
    }
    return this.#heads;
  }

  #province(i: number): string[] {
    return (this.#entries[i] ??= this.#raw.provinces[i]!.units.split('|'));
  }

  #unit(i: number, j: number): Unit {
    const entry = this.#province(i)[j]!;
    return ((this.#made[i] ??= [])[j] ??= { type: UNIT_TYPES[entry[0]!]!, name: entry.slice(2), province: this.#raw.provinces[i]!.name });
  }
}

let cached: Gazetteer | undefined;

/** The shipped gazetteer (data/units.json), loaded on first use. */
export function gazetteer(): Gazetteer {
  return (cached ??= new CurrentUnits(readData<UnitsFile>('units.json'), keys().current));
}

/** A unit in force before 1 July 2025, with what it became. */
export interface OldUnit {
  type: UnitType;
  name: string;
  province: string; // the old province
  /** Units in force since 1 July 2025 that took it over ("xã Bảo Ái"); empty for districts (abolished). */
  successors: { type: string; name: string }[];
}

export interface OldProvince {
  name: string;
  type: 'tỉnh' | 'thành phố';
  successors: string[];
}

export interface History {
  provinces: Map<string, OldProvince>;
  /** Communes, wards, towns and the districts the 2025 resolutions name, by name key. */
  units: { get(key: string): OldUnit[] | undefined; has(key: string): boolean };
  /** Old units by old province name key (made on first use: only the search for a misspelt name walks them all). */
  readonly byProvince: Map<string, OldUnit[]>;
}

const OLD_TYPES: Record<string, UnitType> = { p: 'phường', x: 'xã', t: 'thị trấn', d: 'đặc khu', h: 'huyện', q: 'quận', s: 'thị xã', c: 'thành phố' };

/** An old unit read from its entry ("p:Phúc Xá>p:Hồng Hà;p:Ba Đình"); its successors are read when first asked for. */
class OldEntry implements OldUnit {
  readonly type: UnitType;
  readonly name: string;
  #successors: string | { type: string; name: string }[];

  constructor(
    entry: string,
    readonly province: string,
    defaultType: UnitType,
  ) {
    const end = entry.indexOf('>');
    this.type = OLD_TYPES[entry[0]!] ?? defaultType;
    this.name = end < 0 ? entry.slice(2) : entry.slice(2, end);
    this.#successors = end < 0 ? '' : entry.slice(end + 1);
  }

  get successors(): { type: string; name: string }[] {
    if (typeof this.#successors === 'string') {
      this.#successors = this.#successors
        .split(';')
        .filter(Boolean)
        .map((s) => ({ type: OLD_TYPES[s[0]!] ?? 'xã', name: s.slice(2) }));
    }
    return this.#successors;
  }
}

/**
 * The old units, looked up through the stored index: a unit's entry is read (and its object made) only when
 * its name is looked up or a province's units are walked, not for each of the some 10,000 at loading.
 */
class OldUnits implements History {
  readonly provinces = new Map<string, OldProvince>();
  readonly units: History['units'];
  readonly #raw: HistoryFile;
  readonly #provinceKeys: string[];
  readonly #entries: ({ entries: string[]; districtsFrom: number; made: OldUnit[] } | undefined)[] = [];
  #byProvince: Map<string, OldUnit[]> | undefined;

  constructor(raw: HistoryFile, stored: UnitKeys['history']) {
    this.#raw = raw;
    const current =
      typeof stored.units?.keys === 'string' && stored.lengths.length === raw.provinces.length && raw.provinces.every((p, i) => entryLength(p) === stored.lengths[i]);
    const index = current ? stored : unitKeys({ provinces: [] }, raw).history;
    this.#provinceKeys = index.provinces.split('|');
    raw.provinces.forEach((p, i) => this.provinces.set(this.#provinceKeys[i]!, { name: p.name, type: p.type, successors: p.successors }));
    this.units = lookup(index.units, (i, j) => this.#unit(i, j));
  }

  get byProvince(): Map<string, OldUnit[]> {
    if (!this.#byProvince) {
      this.#byProvince = new Map();
      this.#raw.provinces.forEach((_, i) => {
        const pk = this.#provinceKeys[i]!;
        let list = this.#byProvince!.get(pk);
        if (!list) this.#byProvince!.set(pk, (list = []));
        const count = this.#province(i).entries.length;
        for (let j = 0; j < count; j++) list.push(this.#unit(i, j));
      });
    }
    return this.#byProvince;
  }

  #province(i: number): { entries: string[]; districtsFrom: number; made: OldUnit[] } {
    return (this.#entries[i] ??= { ...oldEntries(this.#raw.provinces[i]!), made: [] });
  }

  #unit(i: number, j: number): OldUnit {
    const p = this.#province(i);
    return (p.made[j] ??= new OldEntry(p.entries[j]!, this.#raw.provinces[i]!.name, j < p.districtsFrom ? 'xã' : 'huyện'));
  }
}

let cachedHistory: History | undefined;

/** The units before the 2025 reform (data/units-history.json), loaded on first use. */
export function history(): History {
  return (cachedHistory ??= new OldUnits(readData<HistoryFile>('units-history.json'), keys().history));
}

export interface UnitMention {
  type: UnitType;
  typeText: string;
  name: string;
  nameRef: TextRef;
  ref: TextRef; // type word and name
  node: ParagraphNode;
}

// each type word in lower case, Capitalised or UPPER CASE (the name after it must keep its capital)
const TYPE_WORDS = ['đặc khu', 'thị trấn', 'thành phố', 'thị xã', 'phường', 'xã', 'tỉnh', 'quận', 'huyện']
  .flatMap((t) => [t, t[0]!.toUpperCase() + t.slice(1), t.toUpperCase()])
  .map((t) => t.replace(/ /g, '\\s+'))
  .join('|');
// type word then a capitalised name; a lower-case word after the type word is not a name
const MENTION = new RegExp(`(?<![\\p{L}])(${TYPE_WORDS})[ \\t\\u00a0]+((?:[\\p{Lu}\\d][\\p{L}\\d]*)(?:[ \\t\\u00a0]+(?:-[ \\t\\u00a0]+)?[\\p{Lu}\\d][\\p{L}\\d]*){0,6})`, 'gu');

/** Words that follow a type word but are not names: "Xã hội" (society) in any case. */
const NOT_NAMES = new Set(['hội']); // lower-case NFC

export function unitMentionsIn(node: ParagraphNode, g: Gazetteer = gazetteer()): UnitMention[] {
  const out: UnitMention[] = [];
  for (const m of node.value.matchAll(MENTION)) {
    const typeText = m[1]!;
    const type = typeText.toLowerCase().replace(/\s+/g, ' ') as UnitType;
    // hyphenated names exist ("Văn Miếu - Quốc Tử Giám"): "-" is kept as a word and used only when the gazetteer knows the whole
    let words = m[2]!.split(/[ \t\u00a0]+/);
    const upperContext = typeText === typeText.toUpperCase();
    // In normal text the name is the capitalised words; in an all-capitals line every word is capitalised,
    // so we take the longest prefix the gazetteer knows, else two words.
    let n: number;
    const known = (k: number): boolean => {
      const key = nameKey(words.slice(0, k).join(' '));
      return type === 'tỉnh' || type === 'thành phố' ? g.provinceByName.has(key) || g.byName.has(key) : g.byName.has(key);
    };
    let best = 0;
    for (let k = Math.min(words.length, 7); k >= 1; k--) if (words[k - 1] !== '-' && known(k)) {
      best = k;
      break;
    }
    if (!best && words.includes('-')) words = words.slice(0, words.indexOf('-'));
    if (best) n = best;
    else if (upperContext || words.length > 3) n = Math.min(words.length, 2);
    else n = words.length;
    // all-capital words after a normal-case type word are an abbreviation (UBND), not a name
    if (!upperContext && words[0]!.length > 1 && words[0] === words[0]!.toUpperCase() && /\p{L}/u.test(words[0]!) && !best) continue;
    const name = words.slice(0, n).join(' ');
    if (NOT_NAMES.has(words[0]!.toLowerCase()) && !best) continue;
    const typeStart = m.index!;
    const nameStart = typeStart + m[0].indexOf(m[2]!, typeText.length);
    const nameEnd = nameStart + lengthOfWords(node.value.slice(nameStart), n);
    out.push({
      type,
      typeText,
      name: titleCase(name),
      nameRef: { node, start: nameStart, end: nameEnd },
      ref: { node, start: typeStart, end: nameEnd },
      node,
    });
  }
  return out;
}

// the expression for n words, made once for each n (a mention has at most seven)
const WORDS: RegExp[] = [];

function lengthOfWords(s: string, n: number): number {
  const re = (WORDS[n] ??= new RegExp(`^[\\p{L}\\d]+(?:[ \\t\\u00a0]+(?:-|[\\p{L}\\d]+)){${n - 1}}`, 'u'));
  const m = re.exec(s);
  return m ? m[0].length : s.length;
}

/** "HẢI AN" → "Hải An" (names are compared by key; this is for messages). */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export function extractUnitMentions(tree: PlanRoot): UnitMention[] {
  const out: UnitMention[] = [];
  const walk = (nodes: readonly { type: string; children?: unknown }[]): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push(...unitMentionsIn(n as ParagraphNode));
      else if (Array.isArray(n.children)) walk(n.children as { type: string }[]);
    }
  };
  walk(tree.children);
  return out;
}

/** Levenshtein distance over characters of name keys, for "did you mean". */
export function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
