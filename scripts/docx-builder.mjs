// A small DOCX writer for the project's own fixtures and tests: it writes the
// WordprocessingML parts by hand, so tests can make any construct a plan may
// hold (automatic numbering, tracked changes, comments, text boxes, fields…).
import { zipSync, strToU8 } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = `xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`;

export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Direct character formatting: b, i, caps (booleans; false writes an explicit off), font, size (points), style (character style id). */
export function rPr({ b, i, caps, font, size, style } = {}) {
  const on = (tag, v) => (v === undefined ? '' : v ? `<w:${tag}/>` : `<w:${tag} w:val="0"/>`);
  const inner = `${style ? `<w:rStyle w:val="${style}"/>` : ''}${font ? `<w:rFonts w:ascii="${esc(font)}" w:hAnsi="${esc(font)}" w:cs="${esc(font)}"/>` : ''}${on('b', b)}${on('i', i)}${on('caps', caps)}${size ? `<w:sz w:val="${Math.round(size * 2)}"/>` : ''}`;
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
}

/** A run of text; `\n` becomes a line break and `\t` a tab. Options: see rPr (b and i only when true, as before). */
export function r(text, { b = false, i = false, caps, font, size, style } = {}) {
  const props = rPr({ b: b || undefined, i: i || undefined, caps, font, size, style });
  const parts = String(text).split(/(\n|\t)/);
  const inner = parts
    .map((p) => (p === '\n' ? '<w:br/>' : p === '\t' ? '<w:tab/>' : p ? `<w:t xml:space="preserve">${esc(p)}</w:t>` : ''))
    .join('');
  return `<w:r>${props}${inner}</w:r>`;
}

/**
 * A paragraph from runs (strings are wrapped in runs). Options: numId/ilvl (automatic numbering), style,
 * jc (alignment), border ('bottom' | 'top'), and run options for its string runs (b, i, caps, font, size).
 */
export function p(content, { numId, ilvl = 0, style, jc, border, ...run } = {}) {
  const runs = (Array.isArray(content) ? content : [content]).map((c) => (c.startsWith('<') ? c : r(c, run))).join('');
  const numPr = numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : '';
  const pStyle = style ? `<w:pStyle w:val="${style}"/>` : '';
  const pBdr = border ? `<w:pBdr><w:${border} w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>` : '';
  return `<w:p><w:pPr>${pStyle}${numPr}${pBdr}${jc ? `<w:jc w:val="${jc}"/>` : ''}</w:pPr>${runs}</w:p>`;
}

/** A horizontal line drawn as a shape (DrawingML, with the VML fallback Word writes), anchored in its paragraph. */
export function lineShape(widthMm = 40) {
  const cx = Math.round(widthMm * 36000);
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="${cx}" cy="0"/><wp:wrapNone/><wp:docPr id="2" name="Straight Connector 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="${widthMm}mm,0"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
}

/** styles.xml with document defaults (font, size in points) and extra style XML. */
export function stylesXml({ font, size, extra = '' } = {}) {
  const defaults = font || size ? `<w:docDefaults><w:rPrDefault><w:rPr>${font ? `<w:rFonts w:ascii="${esc(font)}" w:hAnsi="${esc(font)}" w:cs="${esc(font)}"/>` : ''}${size ? `<w:sz w:val="${Math.round(size * 2)}"/>` : ''}</w:rPr></w:rPrDefault></w:docDefaults>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${defaults}<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>${extra}</w:styles>`;
}

/** A theme part with these major and minor Latin fonts. */
export function themeXml(major, minor) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="${esc(major)}"/></a:majorFont><a:minorFont><a:latin typeface="${esc(minor)}"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;
}

/** A table: rows of cells; a cell is a string, an array of paragraph XML, or { content, gridSpan, vMerge }. */
export function table(rows, { borders = true } = {}) {
  const cell = (c) => {
    const o = typeof c === 'object' && !Array.isArray(c) ? c : { content: c };
    const content = o.content === undefined ? [p('')] : Array.isArray(o.content) ? o.content : [o.content.startsWith('<w:') ? o.content : p(o.content)];
    const tcPr = `<w:tcPr>${o.gridSpan ? `<w:gridSpan w:val="${o.gridSpan}"/>` : ''}${o.vMerge ? `<w:vMerge${o.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}</w:tcPr>`;
    return `<w:tc>${tcPr}${content.join('')}</w:tc>`;
  };
  const tblBorders = borders ? '' : '<w:tblBorders><w:top w:val="nil"/><w:bottom w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${tblBorders}</w:tblPr>${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** Tracked insertion and deletion by a reviewer. */
export const ins = (text, id = 901) => `<w:ins w:id="${id}" w:author="Reviewer" w:date="2026-04-01T00:00:00Z">${r(text)}</w:ins>`;
export const del = (text, id = 902) => `<w:del w:id="${id}" w:author="Reviewer" w:date="2026-04-01T00:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
/** A field (e.g. PAGE or a cross-reference): the code is hidden, the cached result shows. */
export const field = (code, result) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${esc(code)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
/** Runs commented with comment `id`. */
export const commented = (id, runs) => `<w:commentRangeStart w:id="${id}"/>${runs}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
/** A text box as Word writes it: DrawingML choice with a VML fallback holding the same text. */
export function textBox(paragraphs) {
  const content = `<w:txbxContent>${paragraphs.join('')}</w:txbxContent>`;
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="914400" cy="457200"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
}

/** numbering.xml: abstract definitions [{ id, levels: [{ fmt, text, start }] }] and nums [{ id, abstractId, startOverride? }]. */
export function numberingXml(abstracts, nums) {
  const a = abstracts
    .map(
      (ab) =>
        `<w:abstractNum w:abstractNumId="${ab.id}">${ab.levels
          .map((l, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/><w:lvlText w:val="${esc(l.text)}"/>${l.suff ? `<w:suff w:val="${l.suff}"/>` : ''}</w:lvl>`)
          .join('')}</w:abstractNum>`,
    )
    .join('');
  const n = nums
    .map(
      (x) =>
        `<w:num w:numId="${x.id}"><w:abstractNumId w:val="${x.abstractId}"/>${
          x.startOverride !== undefined ? `<w:lvlOverride w:ilvl="${x.ilvl ?? 0}"><w:startOverride w:val="${x.startOverride}"/></w:lvlOverride>` : ''
        }</w:num>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${NS}>${a}${n}</w:numbering>`;
}

const STYLES = stylesXml();

const twips = (mm) => Math.round((mm * 1440) / 25.4);
function sectPr(page) {
  if (!page) return '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>';
  const { width = 210, height = 297, top = 20, bottom = 20, left = 30, right = 20 } = page;
  return `<w:sectPr><w:pgSz w:w="${twips(width)}" w:h="${twips(height)}"/><w:pgMar w:top="${twips(top)}" w:right="${twips(right)}" w:bottom="${twips(bottom)}" w:left="${twips(left)}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`;
}

/**
 * Build a .docx. `body` is the XML of the body's children.
 * Options: numbering (numbering.xml text), comments [{ id, author, text }], footnotes [{ id, text }], styles, extra parts,
 * page { width, height, top, bottom, left, right } in millimetres (default: A4 without margins written).
 */
export function buildDocx(body, { numbering, comments, footnotes, styles = STYLES, extra = {}, page } = {}) {
  const rels = [];
  const types = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
  ];
  const files = {};
  rels.push('<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  files['word/styles.xml'] = styles;
  if (numbering) {
    files['word/numbering.xml'] = numbering;
    rels.push('<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
    types.push('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>');
  }
  if (comments?.length) {
    files['word/comments.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${NS}>${comments
      .map((c) => `<w:comment w:id="${c.id}" w:author="${esc(c.author ?? 'Reviewer')}" w:initials="R">${p(c.text)}</w:comment>`)
      .join('')}</w:comments>`;
    rels.push('<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>');
    types.push('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
  }
  if (footnotes?.length) {
    files['word/footnotes.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${footnotes
      .map((f) => `<w:footnote w:id="${f.id}">${p(f.text)}</w:footnote>`)
      .join('')}</w:footnotes>`;
    rels.push('<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>');
    types.push('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>');
  }
  files['word/document.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}${sectPr(page)}</w:body></w:document>`;
  files['word/_rels/document.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  files['_rels/.rels'] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  files['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join('')}</Types>`;
  Object.assign(files, extra);
  const entries = {};
  for (const [name, text] of Object.entries(files)) entries[name] = typeof text === 'string' ? strToU8(text) : text;
  // fixed dates keep committed fixtures byte-for-byte reproducible
  return zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
