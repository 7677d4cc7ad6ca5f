// Word formatting as Word resolves it: character properties (font, size, bold,
// italic, capitals) and paragraph properties (alignment, borders) through direct
// formatting → character style → paragraph style (each along its basedOn chain)
// → document defaults, with theme fonts looked up in the theme part.
// Table styles and the toggling of bold/italic between style levels are not modelled:
// a property set at a nearer level replaces the farther one.
import type { PageLayout, ParaFormat } from '../types.js';
import type { StyleInfo } from './numbering.js';
import { parseXml } from './xml.js';

/** Character properties as written at one level; unset fields inherit. */
export interface RunProps {
  ascii?: string; // a font name, or "theme:<slot>" for a theme font
  hAnsi?: string;
  size?: number; // points
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
}

/** Paragraph properties as written at one level. */
export interface ParaProps {
  align?: ParaFormat['align'];
  borderTop?: boolean;
  borderBottom?: boolean;
}

interface StyleDef {
  type: string;
  basedOn?: string;
  rPr: RunProps;
  pPr: ParaProps;
}

export interface FormatDefs {
  styles: Map<string, StyleDef>;
  defaultParagraphStyle?: string;
  defaultCharacterStyle?: string;
  docRun: RunProps;
  docPara: ParaProps;
  theme: { major?: string; minor?: string };
  /** Paragraph styles' numbering and outline properties, read in the same pass for the numbering renderer. */
  numberingStyles: Map<string, StyleInfo>;
}

export interface ResolvedRun {
  ascii?: string;
  hAnsi?: string;
  size: number;
  bold: boolean;
  italic: boolean;
  caps: boolean;
}

const TWIP_MM = 25.4 / 1440;

/** w:b, w:i, w:caps: present means on unless w:val says 0/false/off. */
function onOff(a: Record<string, string>): boolean {
  const v = a['w:val'];
  return v === undefined || !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

const ALIGN: Record<string, ParaFormat['align']> = {
  left: 'left', start: 'left', center: 'center', right: 'right', end: 'right', both: 'both', distribute: 'distribute', justify: 'both',
};

/** Apply one child element of a w:rPr to `target`; returns whether it was a character property we model. */
export function readRunProp(name: string, a: Record<string, string>, target: RunProps): boolean {
  switch (name) {
    case 'w:rFonts': {
      // a theme attribute outranks the explicit name at the same level
      const ascii = a['w:asciiTheme'] ? `theme:${a['w:asciiTheme']}` : a['w:ascii'];
      const hAnsi = a['w:hAnsiTheme'] ? `theme:${a['w:hAnsiTheme']}` : a['w:hAnsi'];
      if (ascii) target.ascii = ascii;
      if (hAnsi) target.hAnsi = hAnsi;
      return true;
    }
    case 'w:sz': {
      const v = Number(a['w:val']);
      if (Number.isFinite(v) && v > 0) target.size = v / 2;
      return true;
    }
    case 'w:b':
      target.bold = onOff(a);
      return true;
    case 'w:i':
      target.italic = onOff(a);
      return true;
    case 'w:caps':
      target.caps = onOff(a);
      return true;
  }
  return false;
}

/** Apply one element of a w:pPr (or, for borders, of its w:pBdr) to `target`. */
export function readParaProp(name: string, a: Record<string, string>, target: ParaProps, inBorder: boolean): void {
  if (inBorder) {
    const on = a['w:val'] !== undefined && a['w:val'] !== 'nil' && a['w:val'] !== 'none';
    if (name === 'w:top') target.borderTop = on;
    else if (name === 'w:bottom') target.borderBottom = on;
    return;
  }
  if (name === 'w:jc') {
    const v = ALIGN[a['w:val'] ?? ''];
    if (v) target.align = v;
  }
}

/**
 * Styles, document defaults and theme fonts. `settingsXml` gives the theme font language
 * (w:themeFontLang): for Vietnamese, Word shows theme fonts in the theme's "Viet" script font when it has one.
 */
export function parseFormatDefs(stylesXml: string | undefined, themeXml: string | undefined, settingsXml?: string): FormatDefs {
  const defs: FormatDefs = { styles: new Map(), docRun: {}, docPara: {}, theme: {}, numberingStyles: new Map() };
  if (stylesXml) {
    const stack: string[] = [];
    let style: StyleDef | null = null;
    let info: StyleInfo | null = null;
    let inPPr = 0;
    parseXml(stylesXml, 'word/styles.xml', {
      open(name, a) {
        const parent = stack[stack.length - 1];
        const grand = stack[stack.length - 2];
        stack.push(name);
        if (name === 'w:pPr') inPPr++;
        if (name === 'w:style') {
          style = { type: a['w:type'] ?? 'paragraph', rPr: {}, pPr: {} };
          const id = a['w:styleId'] ?? '';
          defs.styles.set(id, style);
          info = {};
          if (a['w:type'] === 'paragraph' || a['w:type'] === undefined) defs.numberingStyles.set(id, info);
          if (onOff({ 'w:val': a['w:default'] ?? '0' })) {
            if (style.type === 'paragraph') defs.defaultParagraphStyle = id;
            else if (style.type === 'character') defs.defaultCharacterStyle = id;
          }
          return;
        }
        if (style && parent === 'w:style' && name === 'w:basedOn') style.basedOn = a['w:val'];
        if (info) {
          if (name === 'w:basedOn') info.basedOn = a['w:val'];
          else if (name === 'w:name') info.name = a['w:val'];
          else if (inPPr && name === 'w:numId') info.numId = a['w:val'];
          else if (inPPr && name === 'w:ilvl') info.ilvl = Number(a['w:val'] ?? 0);
          else if (inPPr && name === 'w:outlineLvl') info.outlineLevel = Number(a['w:val'] ?? 9);
        }
        // properties of a style, or of the document defaults
        const runTarget = parent === 'w:rPr' ? (grand === 'w:style' ? style?.rPr : grand === 'w:rPrDefault' ? defs.docRun : undefined) : undefined;
        if (runTarget) readRunProp(name, a, runTarget);
        const paraOwner = parent === 'w:pPr' ? grand : parent === 'w:pBdr' ? stack[stack.length - 4] : undefined;
        const paraTarget = paraOwner === 'w:style' ? style?.pPr : paraOwner === 'w:pPrDefault' ? defs.docPara : undefined;
        if (paraTarget) readParaProp(name, a, paraTarget, parent === 'w:pBdr');
      },
      close(name) {
        stack.pop();
        if (name === 'w:pPr') inPPr--;
        if (name === 'w:style') {
          style = null;
          info = null;
        }
      },
    });
  }
  let script: string | undefined;
  if (settingsXml) {
    // the tag first, up to its end ('<' cannot occur inside it), then its attribute: linear on any input
    const tag = /<w:themeFontLang\b[^<>]*>/.exec(settingsXml)?.[0] ?? '';
    const lang = /\bw:val="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (/^vi\b/i.test(lang)) script = 'Viet';
  }
  if (themeXml) {
    // only the two font lists are needed: read them from their elements, not the whole (large) theme
    for (const which of ['major', 'minor'] as const) {
      const open = themeXml.indexOf(`<a:${which}Font>`);
      const close = themeXml.indexOf(`</a:${which}Font>`, open);
      if (open < 0 || close < 0) continue;
      const part = themeXml.slice(open, close);
      const latinTag = /<a:latin\b[^<>]*>/.exec(part)?.[0] ?? '';
      const latin = /\btypeface="([^"]*)"/.exec(latinTag)?.[1];
      let scripted: string | undefined;
      if (script) {
        for (const tag of part.matchAll(/<a:font\b[^<>]*>/g)) {
          if (/\bscript="([^"]*)"/.exec(tag[0])?.[1] === script) scripted = /\btypeface="([^"]*)"/.exec(tag[0])?.[1];
        }
      }
      const face = scripted || latin;
      if (face) defs.theme[which] = unescapeXml(face);
    }
  }
  return defs;
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** Resolves paragraphs' and runs' formatting against one document's styles, memoizing style chains. */
export class FormatResolver {
  private readonly runChains = new Map<string, RunProps>();
  private readonly paraChains = new Map<string, ParaProps>();

  constructor(private readonly defs: FormatDefs) {}

  private chain<T extends object>(id: string | undefined, pick: (s: StyleDef) => T, memo: Map<string, T>): T {
    if (!id) return {} as T;
    const hit = memo.get(id);
    if (hit) return hit;
    const list: StyleDef[] = [];
    const seen = new Set<string>();
    let cur: string | undefined = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const s = this.defs.styles.get(cur);
      if (!s) break;
      list.unshift(s);
      cur = s.basedOn;
    }
    const merged = Object.assign({}, ...list.map(pick)) as T;
    memo.set(id, merged);
    return merged;
  }

  private paraStyle(id: string | undefined): string | undefined {
    return id && this.defs.styles.has(id) ? id : this.defs.defaultParagraphStyle;
  }

  private readonly bases = new Map<string, RunProps>();

  run(paraStyleId: string | undefined, charStyleId: string | undefined, direct: RunProps): ResolvedRun {
    // the styles' part is the same for every run of a paragraph style and character style: merged once
    const key = `${paraStyleId ?? ''}\u0000${charStyleId ?? ''}`;
    let m = this.bases.get(key);
    if (!m) {
      const p = this.chain(this.paraStyle(paraStyleId), (s) => s.rPr, this.runChains);
      const c = this.chain(charStyleId ?? this.defs.defaultCharacterStyle, (s) => s.rPr, this.runChains);
      m = { ...this.defs.docRun, ...p, ...c };
      this.bases.set(key, m);
    }
    return {
      ascii: this.font(direct.ascii ?? m.ascii),
      hAnsi: this.font(direct.hAnsi ?? m.hAnsi),
      size: direct.size ?? m.size ?? 10, // Word's size when nothing sets one
      bold: direct.bold ?? m.bold ?? false,
      italic: direct.italic ?? m.italic ?? false,
      caps: direct.caps ?? m.caps ?? false,
    };
  }

  para(paraStyleId: string | undefined, direct: ParaProps): ParaProps {
    const p = this.chain(this.paraStyle(paraStyleId), (s) => s.pPr, this.paraChains);
    return { ...this.defs.docPara, ...p, ...direct };
  }

  private font(v: string | undefined): string | undefined {
    if (!v?.startsWith('theme:')) return v;
    const slot = v.slice(6);
    return slot.startsWith('major') ? this.defs.theme.major : this.defs.theme.minor;
  }
}

/** Page size and margins from a w:pgSz / w:pgMar pair (twentieths of a point). */
export function pageFrom(size: Record<string, string>, margin: Record<string, string>): PageLayout {
  const mm = (v: string | undefined, dflt: number): number => Math.round((v !== undefined && Number.isFinite(Number(v)) ? Number(v) : dflt) * TWIP_MM * 10) / 10;
  // Word's defaults: Letter, 1 inch all round
  const page: PageLayout = {
    width: mm(size['w:w'], 12240),
    height: mm(size['w:h'], 15840),
    top: Math.abs(mm(margin['w:top'], 1440)),
    bottom: Math.abs(mm(margin['w:bottom'], 1440)),
    left: mm(margin['w:left'], 1440),
    right: mm(margin['w:right'], 1440),
  };
  return page;
}
