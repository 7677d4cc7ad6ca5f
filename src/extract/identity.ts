// Document identity for citations: kind + full number (number, year, issuer code) + date + issuer +
// subject (trích yếu). Two mentions name one document when their full numbers agree, or when the
// evidence says one is a miswriting of the other; otherwise they are two documents. Used by
// ref-mismatch within a file and by the folder-wide check across files (so it works on plain,
// serialisable data, not on tree nodes).

/** What a mention says about the document it names; plain data (cached and sent between threads). */
export interface DocIdentity {
  kind: string; // normalised kind word: "kế hoạch", "nghị quyết", "chương trình"
  number?: string; // "16", undefined when left blank
  year?: string; // "2024" in "163/2024/QH15"
  code: string; // "KH-MTTQ-BTT", "QH15", "CTr/TU"
  sep?: string; // "-" (Party style) or "/" (state style), when there is no year
  date?: { day?: number; month?: number; year?: number };
  issuer?: string; // as written
  subject?: string; // after "về", as written
}

/** Why two mentions are taken to be one document. */
export type Evidence =
  | 'same-number' // full numbers agree
  | 'code-order' // same number, the parts of the code in another order
  | 'same-subject' // another number, the same subject
  | 'date-issuer' // another number one keystroke away, the same date and issuer
  | 'title'; // the document the title is about, a number one keystroke away, no date or subject of its own

export interface Relation {
  same: boolean;
  evidence?: Evidence;
}

// Issuers repeat within a document and across a folder: their canonical names are remembered (a pure
// function's results; bounded so a long-running server does not grow without end).
const canonicalMemo = new Map<string, string>();

/** "UBND" = "Ủy ban nhân dân", "Bộ trưởng Bộ X" = "Bộ X", long and short names of Party committees. */
export function canonicalIssuer(s: string): string {
  let c = canonicalMemo.get(s);
  if (c === undefined) {
    if (canonicalMemo.size >= 4096) canonicalMemo.clear();
    c = canonicalize(s);
    canonicalMemo.set(s, c);
  }
  return c;
}

function canonicalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\bUBND\b/gu, 'Ủy ban nhân dân')
    .replace(/\bHĐND\b/gu, 'Hội đồng nhân dân')
    .replace(/\bMTTQ\b/gu, 'Mặt trận Tổ quốc')
    .replace(/\bBTV\b/gu, 'Ban Thường vụ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/uỷ/g, 'ủy')
    .replace(/^bộ trưởng (?=bộ )/u, '')
    .replace(/^ban chấp hành đảng bộ thành phố/u, 'thành ủy')
    .replace(/^ban chấp hành đảng bộ tỉnh/u, 'tỉnh ủy')
    .replace(/^ban chấp hành đảng bộ (phường|xã|đặc khu)/u, 'đảng ủy $1')
    .replace(/^ban chấp hành trung ương đảng.*$/u, 'ban chấp hành trung ương')
    .replace(/ (việt nam|khóa [ivxlc]+)$/u, '')
    .trim();
}

/**
 * One issuer named two ways: equal after canonical naming, or one the other's name with a place added
 * ("Ban Thường vụ Đảng ủy" and "Ban Thường vụ Đảng ủy phường"). A body and its standing committee
 * ("Đảng ủy phường", "Ban Thường vụ Đảng ủy phường") are two issuers.
 */
export function sameIssuer(a: string, b: string): boolean {
  const x = canonicalIssuer(a);
  const y = canonicalIssuer(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** Words of a subject, for comparing two subjects. */
export function subjectWords(s: string | undefined): string[] {
  return (s ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/^(?:về\s+)?(?:(?:việc|vấn đề)\s+)?/u, '')
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Two subjects say the same: as long as each other (at least five words) and word for word the same
 * but for one word in ten. A year or number that differs makes them two subjects ("năm 2025" and
 * "năm 2026"), and so does a different ending ("… tại huyện A" and "… tại huyện B").
 */
export function sameSubject(a: string | undefined, b: string | undefined): boolean {
  const x = subjectWords(a);
  const y = subjectWords(b);
  if (x.length < 5 || y.length < 5 || x.length !== y.length) return false;
  if (x.filter((w) => /\d/.test(w)).join(' ') !== y.filter((w) => /\d/.test(w)).join(' ')) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff <= Math.floor(x.length / 10);
}

/** One subject begins the other (a title and a citation's "về …" cut at a comma), five words at least. */
export function startsAlike(a: string | undefined, b: string | undefined): boolean {
  const x = subjectWords(a).filter((w) => w !== 'về');
  const y = subjectWords(b).filter((w) => w !== 'về');
  const n = Math.min(x.length, y.length);
  if (n < 5) return false;
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Two subjects clearly apart: few words in common. */
export function differentSubject(a: string | undefined, b: string | undefined): boolean {
  const wa = new Set(subjectWords(a).filter((w) => w.length > 1));
  const wb = new Set(subjectWords(b).filter((w) => w.length > 1));
  if (wa.size < 3 || wb.size < 3) return false;
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.min(wa.size, wb.size) < 0.5;
}

/** Damerau edit distance of two short strings is at most one (one digit changed, added, dropped or two swapped). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    return diffs.length === 2 && diffs[1] === diffs[0]! + 1 && a[diffs[0]!] === b[diffs[1]!] && a[diffs[1]!] === b[diffs[0]!];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return true;
  return false;
}

const codeParts = (code: string): string => code.split(/[-/]/).sort().join('|');

function sameDate(a: DocIdentity['date'], b: DocIdentity['date']): boolean | undefined {
  if (!a || !b || a.year === undefined || b.year === undefined || a.day === undefined || b.day === undefined) return undefined;
  return a.day === b.day && a.month === b.month && a.year === b.year;
}

function issuersAgree(a: DocIdentity, b: DocIdentity): boolean {
  return !a.issuer || !b.issuer || sameIssuer(a.issuer, b.issuer);
}

/** The full number as written in a message: "16/KH-MTTQ-BTT", "163/2024/QH15", "14-CTr/TU". */
export function fullNumber(d: DocIdentity): string {
  if (d.year) return `${d.number ?? ''}/${d.year}/${d.code}`;
  return `${d.number ?? ''}${d.sep ?? '/'}${d.code}`;
}

/**
 * Whether two mentions name one document, and on what evidence. `a` is the reference (the basis or the
 * document itself), `b` the mention checked against it; `titleOf` says `a` is the document the title
 * is about (the only one of its series there); `basis` that `a` is in the basis (title, "Căn cứ");
 * `crossFile` that `a` is the document itself (another file of the run): its title is its subject, and
 * a citation with that subject and a number one keystroke away names it even with another date.
 */
export function relate(a: DocIdentity, b: DocIdentity, opts: { titleOf?: boolean; basis?: boolean; crossFile?: boolean } = {}): Relation {
  if (a.kind !== b.kind || !a.number || !b.number) return { same: false };
  const sameCode = a.code === b.code;
  const permuted = !sameCode && codeParts(a.code) === codeParts(b.code) && a.code.includes('-') === b.code.includes('-');
  if (!sameCode && !permuted) return { same: false };
  if ((a.year ?? '') !== (b.year ?? '') && a.year && b.year) return { same: false };
  if (a.number === b.number) {
    // numbers without a year start again each year: the same number in another year is another document
    if (!a.year && !b.year && a.date?.year !== undefined && b.date?.year !== undefined && a.date.year !== b.date.year) {
      return { same: false };
    }
    if (!issuersAgree(a, b) && sameDate(a.date, b.date) === false) return { same: false };
    if (differentSubject(a.subject, b.subject)) return { same: false };
    return { same: true, evidence: sameCode ? 'same-number' : 'code-order' };
  }
  if (!sameCode) return { same: false };
  // another number: another document, unless the evidence says it is this one miswritten
  const dates = sameDate(a.date, b.date);
  if (sameSubject(a.subject, b.subject) && dates !== false && issuersAgree(a, b)) return { same: true, evidence: 'same-subject' };
  if (opts.crossFile && oneEditApart(a.number, b.number) && startsAlike(a.subject, b.subject)) return { same: true, evidence: 'same-subject' };
  // many documents of one issuer bear one date (2631 and 2632 the same day): only the basis's document is
  // taken to be miswritten this way, by a mention with no subject of its own
  if (opts.basis && dates === true && issuersAgree(a, b) && oneEditApart(a.number, b.number) && (!b.subject || sameSubject(a.subject, b.subject))) {
    return { same: true, evidence: 'date-issuer' };
  }
  if (opts.titleOf && !b.date && !b.subject && issuersAgree(a, b) && oneEditApart(a.number, b.number)) return { same: true, evidence: 'title' };
  return { same: false };
}

/** The kind a document's own number code names: "KH-UBND" is a plan, "HD-MTTQ" a guidance. */
const KIND_BY_CODE: Record<string, string> = {
  KH: 'kế hoạch', HD: 'hướng dẫn', QĐ: 'quyết định', BC: 'báo cáo', TTr: 'tờ trình', NQ: 'nghị quyết', CTr: 'chương trình',
  TB: 'thông báo', KL: 'kết luận', CT: 'chỉ thị', QC: 'quy chế', QyĐ: 'quy định', CV: 'công văn', ĐA: 'đề án', CĐ: 'công điện',
  TT: 'thông tư', NĐ: 'nghị định',
};

export function kindOfCode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const first = code.split(/[-/]/)[0]!;
  return KIND_BY_CODE[first];
}
