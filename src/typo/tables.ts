// The compiled spelling model (data/typo-tables.bin), written by src/typo/compile.ts at build time and
// read at start-up without decoding: a JSON header (the syllable table and the small lists) followed by
// the typed arrays, each 4-byte aligned, little-endian, read in place as views of the file's buffer.
//   bytes 0–3: "TYPO"; 4–7: header length (UInt32 LE); the header (UTF-8 JSON); then the arrays.

/** Weight of a reviewed phrase's syllable pair, as if seen this often in the corpus. */
export const PHRASE_WEIGHT = 40;

/** Flags of a syllable of the table. */
export const ATTESTED = 1; // some Vietnamese word uses it (the lexicon or the phrases)
export const REGISTER = 2; // a syllable of the reviewed administrative phrases
export const KNOWN = 4; // counted in office text or the phrases, and attested: worth suggesting
export const NAME = 8; // a syllable of a proper name
export const CONFUSION_START = 16; // first syllable of a reviewed misspelling
export const CANONICAL = 32; // well-formed and in canonical form: a token written so is its own key

export interface TableArrays {
  /** Per id: corpus count plus the phrases' weight. */
  unigrams: Uint32Array;
  /** Per id: ATTESTED | REGISTER | … */
  flags: Uint8Array;
  /** The corpus pairs (a * 65536 + b, vocabulary ids), sorted, and their counts. */
  bigramKeys: Uint32Array;
  bigramCounts: Uint16Array;
  /** The phrases' pairs: (a, b, weight) triples in the order the phrases give them. */
  phrasePairs: Uint32Array;
  /** Every pair's count (office text plus phrases) in an open-addressing hash table: see pairHash(). */
  pairHash: Int32Array;
  /** Lists of ids per id (packLists): phonetic confusion candidates, and common syllables one letter away. */
  candidates: Uint32Array;
  wordCandidates: Uint32Array;
  /** Lists of ids per plain form of `restorationPlain`: the known syllables it reads as. */
  restorations: Uint32Array;
}

/** The compiled model; ids are positions in `syllables`, the corpus vocabulary first, in its order. */
export interface Tables {
  about: string;
  tokens: number;
  syllables: string; // space-separated
  vocabSize: number;
  restorationPlain: string; // space-separated
  foreign: string[];
  /** Reviewed misspellings: the wrong syllables (canonical), the right ones as written and canonical. */
  confusions: { wrong: string[]; right: string[]; rightKeys: string[]; family: string }[];
  arrays: TableArrays;
}

const KINDS = { Uint8Array, Uint16Array, Uint32Array, Int32Array } as const;
type Kind = keyof typeof KINDS;
const MAGIC = 'TYPO';

export function encodeTables(t: Tables): Buffer {
  const { arrays, ...rest } = t;
  const parts: { name: string; kind: Kind; data: Uint8Array | Uint16Array | Uint32Array | Int32Array }[] = Object.entries(arrays).map(([name, data]) => ({
    name,
    kind: data.constructor.name as Kind,
    data,
  }));
  let at = 0;
  const directory = parts.map((p) => {
    const entry = { name: p.name, kind: p.kind, offset: at, length: p.data.length };
    at += Math.ceil(p.data.byteLength / 4) * 4;
    return entry;
  });
  let header = Buffer.from(JSON.stringify({ ...rest, directory }), 'utf8');
  const pad = (4 - ((8 + header.length) % 4)) % 4;
  header = Buffer.concat([header, Buffer.from(' '.repeat(pad))]);
  const out = Buffer.alloc(8 + header.length + at);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  const base = 8 + header.length;
  parts.forEach((p, k) => Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).copy(out, base + directory[k]!.offset));
  return out;
}

export function decodeTables(buf: Buffer): Tables {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a compiled typo model (data/typo-tables.bin)');
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('data/typo-tables.bin is little-endian and this machine is not');
  const headerLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as Omit<Tables, 'arrays'> & { directory: { name: keyof TableArrays; kind: Kind; offset: number; length: number }[] };
  // the arrays are read in place when the buffer is aligned (a file's own buffer is), else from a copy
  const base = buf.byteOffset + 8 + headerLength;
  const source = (base % 4 === 0 ? buf.buffer : new Uint8Array(buf).buffer) as ArrayBuffer;
  const start = base % 4 === 0 ? base : 8 + headerLength;
  const arrays = {} as Record<keyof TableArrays, Uint8Array | Uint16Array | Uint32Array | Int32Array>;
  for (const d of header.directory) arrays[d.name] = new KINDS[d.kind](source, start + d.offset, d.length);
  const { directory: _directory, ...rest } = header;
  return { ...rest, arrays: arrays as unknown as TableArrays };
}

/** Lists of ids in one Uint32Array: number of lists n, n + 1 offsets, then the ids; list k is [offsets[k], offsets[k + 1]). */
export function packLists(lists: ArrayLike<number>[]): Uint32Array {
  let total = 0;
  for (const l of lists) total += l.length;
  const out = new Uint32Array(1 + lists.length + 1 + total);
  out[0] = lists.length;
  let at = 2 + lists.length;
  lists.forEach((l, k) => {
    out[1 + k] = at;
    for (let i = 0; i < l.length; i++) out[at++] = l[i]!;
  });
  out[1 + lists.length] = at;
  return out;
}

/** List k of packLists' output, as a view (no copy). */
export function listOf(packed: Uint32Array, k: number): Uint32Array {
  if (k < 0 || k >= packed[0]!) return NO_IDS;
  return packed.subarray(packed[1 + k]!, packed[2 + k]!);
}
export const NO_IDS = new Uint32Array(0);

/** An empty slot of the pair hash (a * 65536 + b is never -1: ids stay below 65535). */
export const EMPTY_SLOT = -1;

/** Where the probe for a pair's key starts: the high bits of a multiplicative hash, times two (slots are key, count). */
export function pairSlot(key: number, shift: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> shift) << 1;
}

/** The shift of pairSlot() for a table of this many numbers (two per slot). */
export function pairShift(hash: Int32Array): number {
  return 32 - Math.round(Math.log2(hash.length / 2));
}

/** The count of the pair key (a * 65536 + b, as a 32-bit integer) in the hash: linear probing. */
export function pairCount(hash: Int32Array, shift: number, key: number): number {
  const mask = hash.length - 2;
  for (let at = pairSlot(key, shift); ; at = (at + 2) & mask) {
    const k = hash[at]!;
    if (k === key) return hash[at + 1]!;
    if (k === EMPTY_SLOT) return 0;
  }
}

/**
 * The pair hash of (key, count) entries, at most half full (most lookups of the context check are of
 * pairs that are not there, and a miss probes until an empty slot); counts of the same key add up.
 */
export function pairHash(entries: [number, number][]): Int32Array {
  let bits = 4;
  while (1 << bits < 2 * entries.length) bits++;
  const hash = new Int32Array(2 << bits);
  for (let at = 0; at < hash.length; at += 2) hash[at] = EMPTY_SLOT;
  const shift = 32 - bits;
  const mask = hash.length - 2;
  for (const [key, count] of entries) {
    let at = pairSlot(key | 0, shift);
    while (hash[at] !== EMPTY_SLOT && hash[at] !== (key | 0)) at = (at + 2) & mask;
    hash[at] = key | 0;
    hash[at + 1]! += count;
  }
  return hash;
}
