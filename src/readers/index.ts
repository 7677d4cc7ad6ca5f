// Picks the reader for a file by its extension and its first bytes.
import type { ReadDocument } from '../types.js';
import { decodeText } from './decode.js';
import { FatalError } from './errors.js';
import type { ZipLimits } from './zip.js';

export const PLAN_EXTENSIONS = ['.docx', '.md', '.markdown', '.txt'];

export function formatOf(filePath: string): 'docx' | 'markdown' | 'text' | undefined {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.txt')) return 'text';
  return undefined;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML file is an OLE container holding an "EncryptionInfo" stream. */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const needle = 'EncryptionInfo';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + needle.length * 2 <= limit; i++) {
    for (let k = 0; k < needle.length; k++) {
      if (bytes[i + k * 2] !== needle.charCodeAt(k) || bytes[i + k * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

export interface ReadOptions {
  zipLimits?: ZipLimits;
}

export interface ReadPlan {
  doc: ReadDocument;
  text?: string;
}

export async function readPlan(filePath: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadPlan> {
  return (await prepareRead(filePath, bytes, options))();
}

/**
 * The checks that need no parsing and the loading of the reader this file needs (readers are
 * loaded only when used); the reading itself is returned as a synchronous step, so that a
 * caller can run it under a time limit.
 */
export async function prepareRead(filePath: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<() => ReadPlan> {
  if (bytes.length === 0) throw new FatalError('empty');
  const ext = formatOf(filePath) ?? (filePath.toLowerCase().endsWith('.doc') ? 'doc' : undefined);
  if (isOle(bytes)) throw new FatalError(isEncryptedOoxml(bytes) ? 'ole-encrypted' : 'ole-doc');
  if (ext === 'doc') throw new FatalError('ole-doc');
  const looksZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === 'docx' || (ext === undefined && looksZip)) {
    // the DOCX reader is loaded only when a DOCX is linted
    const { readDocx } = await import('./docx.js');
    return () => ({ doc: readDocx(bytes, options.zipLimits) });
  }
  if (ext === undefined) throw new FatalError('unsupported-type', { detail: filePath });
  const { readMarkdown } = await import('./markdown.js');
  return () => {
    const text = decodeText(bytes);
    return { doc: readMarkdown(text, ext), text };
  };
}
