// The XML of a Word part as a stream of events: an element opens (name, attributes, self-closing or
// not), an element closes, text. One sticky expression reads a step (a tag, a comment, a processing
// instruction, CDATA, or the text up to the next "<"), so reading is linear in the part's length and
// runs in the regular expression engine rather than character by character in JavaScript.
// The XML 1.0 rules a well-formed part obeys are checked (one root, tags that match, known entities,
// no forbidden characters, quoted attributes without duplicates); a part that breaks one is a
// FatalError('bad-xml'). Text is given with entities decoded and line ends as "\n"; attribute values
// also have their tabs and line ends as spaces (XML's attribute-value normalisation). CDATA sections,
// comments, processing instructions and a document type declaration give no event.
import { FatalError } from './errors.js';

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text?(t: string): void;
}

// XML 1.0 (fifth edition) names, by the ranges of its NameStartChar and NameChar productions: exact, and
// some ten times cheaper for V8 to compile than Unicode's letter property (~1 ms of every Word file)
const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`;
const NAME = String.raw`[${NAME_START}][${NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*`;
// XML's white space (its S production): space, tab, line feed, carriage return; not the Unicode spaces of \s,
// some of which (U+1680) are name characters
const S = '[ \\t\\n\\r]';
// a start tag's name is followed by a space, "/" or ">" (the look-ahead keeps a failing match from
// giving the name back one letter at a time); its attributes are quoted values and what lies between
const STEP = new RegExp(
  String.raw`<(?:(${NAME})(?=[ \t\n\r/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>|\/(${NAME})${S}*>|!--(?:[^-]|-(?!-))*-->|\?(?:[^?]|\?(?!>))*\?>|!\[CDATA\[(?:[^\]]|\](?!\]>))*\]\]>|!DOCTYPE[^<>\[]*>)|[^<]+`,
  'uy',
);
const ATTRIBUTE = new RegExp(String.raw`${S}+(${NAME})${S}*=${S}*(?:"([^"<]*)"|'([^'<]*)')`, 'uy');
const TAG_END = /[ \t\n\r]*(\/?)$/y;
const ENTITY = /&(?:#x([\da-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// characters XML 1.0 forbids anywhere: controls other than tab, line feed and carriage return,
// U+FFFE and U+FFFF, and halves of surrogate pairs on their own
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class XmlError extends Error {}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Entities and character references decoded; a "&" that starts neither is an error. */
function decode(s: string): string {
  if (!s.includes('&')) return s;
  const out = s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    if (!isXmlChar(code)) throw new XmlError(`character reference to a forbidden character (${code})`);
    return String.fromCodePoint(code);
  });
  // a "&" left once the references are taken out starts none
  if (s.replace(ENTITY, '').includes('&')) throw new XmlError('"&" that starts no known entity');
  return out;
}

const lineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

function attributesOf(body: string): { attrs: Record<string, string>; selfClosing: boolean } {
  const attrs: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = ATTRIBUTE.exec(body))) {
    const name = m[1]!;
    if (Object.prototype.hasOwnProperty.call(attrs, name)) throw new XmlError(`duplicate attribute: ${name}`);
    // XML's attribute-value normalisation: a line end (\r\n as one) or a tab is a space; then references
    const raw = m[2] ?? m[3]!;
    const value = decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
    if (name === '__proto__') Object.defineProperty(attrs, name, { value, enumerable: true, writable: true, configurable: true });
    else attrs[name] = value;
    at = ATTRIBUTE.lastIndex;
  }
  TAG_END.lastIndex = at;
  const end = TAG_END.exec(body);
  if (!end) throw new XmlError(`malformed attributes: ${body.slice(at, at + 40)}`);
  return { attrs, selfClosing: end[1] === '/' };
}

/** Reads one part; `part` names it in the error. */
export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  try {
    walk(xml, handlers);
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    throw new FatalError('bad-xml', { part, detail: err.message.slice(0, 120) });
  }
}

function walk(xml: string, handlers: XmlHandlers): void {
  if (FORBIDDEN.test(xml)) throw new XmlError('forbidden character');
  const open: string[] = [];
  let rootClosed = false;
  let sawRoot = false;
  const at = (i: number): string => {
    const before = xml.slice(0, i);
    const line = before.split('\n').length;
    return `${line}:${i - before.lastIndexOf('\n')}`;
  };
  STEP.lastIndex = 0;
  let i = 0;
  while (i < xml.length) {
    const m = STEP.exec(xml);
    if (!m) throw new XmlError(`${at(i)}: malformed markup`);
    const [token, startName, body, endName] = m;
    if (startName !== undefined) {
      if (rootClosed) throw new XmlError(`${at(i)}: a second root element: ${startName}`);
      const { attrs, selfClosing } = attributesOf(body!);
      sawRoot = true;
      handlers.open(startName, attrs, selfClosing);
      if (selfClosing) {
        handlers.close(startName);
        if (!open.length) rootClosed = true;
      } else open.push(startName);
    } else if (endName !== undefined) {
      const expected = open.pop();
      if (expected !== endName) throw new XmlError(`${at(i)}: ${expected ? `unexpected close tag ${endName} (open: ${expected})` : `close tag with no open tag: ${endName}`}`);
      handlers.close(endName);
      if (!open.length) rootClosed = true;
    } else if (token[0] !== '<') {
      if (token.includes(']]>')) throw new XmlError(`${at(i)}: "]]>" in text`);
      if (!open.length) {
        if (/[^ \t\n\r]/.test(token)) throw new XmlError(`${at(i)}: text outside the root element`);
      } else if (handlers.text) handlers.text(decode(lineEnds(token)));
      else decode(token);
    } else if (token.startsWith('<!DOCTYPE') && sawRoot) throw new XmlError(`${at(i)}: a document type declaration after the root element`);
    i = STEP.lastIndex;
  }
  if (open.length) throw new XmlError(`unclosed tag: ${open[open.length - 1]}`);
  if (!sawRoot) throw new XmlError('no root element');
}
