// A small ZIP reader for DOCX: reads the central directory, inflates only the
// parts asked for, and enforces size caps while inflating (zip bombs lie about
// their sizes in the directory, so the declared sizes are not trusted).
// Inflating is Node's zlib (native code, so a one-file run pays no warm-up of a JavaScript inflater),
// its output capped at what is left of the file's budget.
import { inflateRawSync } from 'node:zlib';
import { FatalError } from './errors.js';

export interface ZipLimits {
  maxFileBytes: number; // compressed size of the whole file
  maxEntries: number;
  maxInflatedBytes: number; // total of all parts inflated from this file
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxEntries: 20_000,
  maxInflatedBytes: 64 * 1024 * 1024, // XML parts only: images are never inflated
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  compSize: number;
  size: number;
  localOffset: number;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    if (data.length > limits.maxFileBytes) {
      throw new FatalError('too-large', { detail: mb(data.length), limit: mb(limits.maxFileBytes) });
    }
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Inflate one entry as UTF-8 text; undefined when absent. */
  text(name: string): string | undefined {
    const bytes = this.bytes(name);
    return bytes && new TextDecoder('utf-8').decode(bytes);
  }

  bytes(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const d = this.data;
    const lo = e.localOffset;
    if (lo + 30 > d.length || u32(d, lo) !== 0x04034b50) {
      throw new FatalError('truncated-zip', { detail: `bad local header for ${name}` });
    }
    const start = lo + 30 + u16(d, lo + 26) + u16(d, lo + 28);
    const end = start + e.compSize;
    if (end > d.length) throw new FatalError('truncated-zip', { detail: `${name} is cut short` });
    const raw = d.subarray(start, end);
    if (e.flags & 1) throw new FatalError('zip-encrypted');
    if (e.method === 0) {
      this.count(raw.length, name);
      return raw;
    }
    if (e.method !== 8) throw new FatalError('truncated-zip', { detail: `unknown compression method ${e.method}` });
    let out: Uint8Array;
    try {
      // past the cap zlib stops inflating and throws, whatever the directory claims
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, this.limits.maxInflatedBytes - this.inflated) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new FatalError('zip-bomb', { detail: `${name}: > ${mb(this.limits.maxInflatedBytes)}` });
      if (code === 'Z_BUF_ERROR') throw new FatalError('truncated-zip', { detail: `${name} ends early` });
      throw new FatalError('truncated-zip', { detail: `${name}: ${(err as Error).message}` });
    }
    this.count(out.length, name);
    return out;
  }

  private count(n: number, name: string): void {
    this.inflated += n;
    if (this.inflated > this.limits.maxInflatedBytes) {
      throw new FatalError('zip-bomb', { detail: `${name}: > ${mb(this.limits.maxInflatedBytes)}` });
    }
  }

  private readDirectory(): void {
    const d = this.data;
    const isZipStart = d.length >= 4 && u32(d, 0) === 0x04034b50;
    // End of central directory: 22 bytes + up to 65535 bytes of comment, at the end.
    let eocd = -1;
    for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 65535); i--) {
      if (u32(d, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      if (isZipStart) throw new FatalError('truncated-zip', { detail: 'no central directory' });
      throw new FatalError('not-zip');
    }
    const count = u16(d, eocd + 10);
    const cdSize = u32(d, eocd + 12);
    const cdOffset = u32(d, eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new FatalError('zip64');
    if (count > this.limits.maxEntries) {
      throw new FatalError('zip-bomb', { detail: `${count} entries > ${this.limits.maxEntries}` });
    }
    if (cdOffset + cdSize > eocd) throw new FatalError('truncated-zip', { detail: 'central directory out of range' });
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > d.length || u32(d, p) !== 0x02014b50) {
        throw new FatalError('truncated-zip', { detail: 'damaged central directory' });
      }
      const flags = u16(d, p + 8);
      const method = u16(d, p + 10);
      const compSize = u32(d, p + 20);
      const size = u32(d, p + 24);
      const nameLen = u16(d, p + 28);
      const extraLen = u16(d, p + 30);
      const commentLen = u16(d, p + 32);
      const localOffset = u32(d, p + 42);
      if (p + 46 + nameLen > d.length) throw new FatalError('truncated-zip', { detail: 'damaged central directory' });
      const name = new TextDecoder('utf-8').decode(d.subarray(p + 46, p + 46 + nameLen));
      // the first of duplicated names wins, as in Word
      if (!this.entries.has(name)) this.entries.set(name, { name, method, flags, compSize, size, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }
}

function u16(d: Uint8Array, i: number): number {
  return d[i]! | (d[i + 1]! << 8);
}
function u32(d: Uint8Array, i: number): number {
  return (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
}
function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
