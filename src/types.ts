// Shared types of plan-lint: the plan tree, read documents, rules, messages, config.
// Data flows one way: reader → ReadDocument → plan tree → extractors → rules → messages → formatter.

// ---------- positions ----------

export interface Point {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
  offset?: number; // 0-based offset into the decoded text (text input only)
}

export interface Position {
  start: Point;
  end: Point;
}

/** A run of a DOCX paragraph's raw text that comes from one w:t element (or is synthetic: numbering, tab, break). */
export interface DocxSegment {
  start: number; // index into the paragraph's raw text
  end: number;
  tIndex: number; // index of the w:t element in its part, -1 when synthetic
  tOffset: number; // offset inside that w:t's text
}

/** Where each character of a paragraph's raw text came from. */
export type CharMap =
  | { kind: 'text'; offsets: Int32Array } // original offset of raw[i]; offsets[raw.length] is the end
  | { kind: 'docx'; part: string; segments: DocxSegment[] };

export interface TableCoord {
  table: number; // 0-based, reading order over all tables of the part
  row: number; // 0-based
  cell: number; // 0-based within the row
}

/** Where a paragraph stands in its file. */
export interface BlockLoc {
  ordinal: number; // 1-based paragraph number in reading order, table cells included (DOCX "line")
  docxIndex?: number; // index of the w:p element in its part's XML, in document order
  part?: string; // e.g. "word/document.xml", "word/footnotes.xml"
  table?: TableCoord;
  textBox?: boolean;
}

// ---------- what a reader produces ----------

export interface ParaBlock {
  kind: 'p';
  raw: string; // text as it stands in the file (numbering labels rendered, tabs and breaks kept)
  map: CharMap;
  loc: BlockLoc;
  /** Markdown heading depth or Word outline level (1-based), when known. */
  headingLevel?: number;
  /** End of the label when a reader rendered it (Word automatic numbering, Markdown list marker). */
  labelEnd?: number;
  autoLabel?: boolean; // the label was rendered from Word numbering
  listItem?: boolean; // came from a Markdown list item or a Word numbered/bulleted paragraph
  /** Word: the paragraph's formatting as Word resolves it (direct → styles → document defaults). */
  format?: ParaFormat;
}

/** A stretch of a Word paragraph's raw text with one resolved character formatting. */
export interface RunFormat {
  start: number; // offsets in the paragraph's raw text
  end: number;
  font?: string; // the font Vietnamese letters are shown in (w:hAnsi, theme fonts resolved), else w:ascii
  size?: number; // points
  bold: boolean;
  italic: boolean;
  caps: boolean; // w:caps (shown in capitals whatever was typed)
}

/** A Word paragraph's resolved formatting. */
export interface ParaFormat {
  align?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  runs: RunFormat[];
  /** A horizontal rule drawn with the paragraph: a top or bottom border, or a line shape anchored in it. */
  rule?: 'border-top' | 'border-bottom' | 'shape';
  /** How many horizontal line shapes are anchored in the paragraph (a header's two rules are often both in one). */
  lineShapes?: number;
}

/** Word: the page of the first section (sectPr), in millimetres. */
export interface PageLayout {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CellBlock {
  blocks: Block[];
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}

export interface TableBlock {
  kind: 'table';
  rows: { cells: CellBlock[] }[];
  index: number; // table number in reading order
  startLine?: number; // text input: first line of the table
}

export type Block = ParaBlock | TableBlock;

/** A comment attached to a range of text (a Word comment, or an inline directive in Markdown). */
export interface DocComment {
  id: string;
  author: string;
  text: string;
  start: { docxIndex: number; offset: number };
  end: { docxIndex: number; offset: number };
}

/** An inline directive in Markdown/text: <!-- plan-lint-disable RULE --> etc. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[]; // empty = all rules
  line: number;
}

export interface ReadDocument {
  format: 'docx' | 'markdown' | 'text';
  blocks: Block[];
  footnotes: Block[];
  comments: DocComment[];
  directives: Directive[];
  /** Text input: start offset of every line in the decoded text. */
  lineStarts?: number[];
  /** Word: paper size and margins. */
  page?: PageLayout;
}

// ---------- the plan tree (unist-compatible) ----------

export type LabelStyle = 'roman' | 'arabic' | 'letter' | 'hier' | 'bullet';

/** A numbering label at the start of a paragraph: "I.", "2)", "đ)", "1.2.", "-". */
export interface Label {
  raw: string; // as written, e.g. "III." or "1.1."
  core: string; // without delimiters, e.g. "III", "1.1", "đ"
  style: LabelStyle;
  delim: string; // "." ")" "-" "/" or "" ; for hier the final delimiter
  value: number; // ordinal of the last component (III → 3, đ → 6, 1.2 → 2)
  parts?: number[]; // hierarchical components, e.g. [1, 2]
  start: number; // offsets in the paragraph value
  end: number;
  auto: boolean; // rendered from Word numbering
  /** Legal and guidance headings: "Điều 5.", "Chương II", "PHẦN A", "Mục 1", "Bước 2" — the word before the number. */
  keyword?: LabelKeyword;
}

/** The heading word of a structural unit, lower case and without diacritics: Phần, Chương, Mục, Tiểu mục, Điều, Bước. */
export type LabelKeyword = 'phan' | 'chuong' | 'muc' | 'tieu-muc' | 'dieu' | 'buoc';

/**
 * The type of a numbering scope in the document model. Legal units (Phần … điểm) for
 * normative texts and decisions; label styles for other documents; appendices, forms,
 * quoted amended text and tables are scopes of their own.
 */
export type ScopeType =
  | 'part' // Phần
  | 'chapter' // Chương
  | 'section' // Mục
  | 'subsection' // Tiểu mục
  | 'article' // Điều
  | 'clause' // khoản ("1." inside an Điều)
  | 'point' // điểm ("a)" inside a khoản or Điều)
  | 'step' // Bước
  | 'roman'
  | 'arabic'
  | 'letter'
  | 'hier'
  | 'appendix'
  | 'form'
  | 'attached' // a document issued with another ("Ban hành kèm theo Quyết định …")
  | 'quote' // quoted amended text ("Sửa đổi khoản 2 Điều 5 như sau: “2. …”")
  | 'table';

interface NodeBase {
  position?: Position;
  /** Section path such as "V.5" of the innermost section holding this node ("" at top level). */
  path?: string;
}

export interface ParagraphNode extends NodeBase {
  type: 'paragraph';
  value: string; // NFC text analysed by rules
  raw: string; // text as in the file
  nfcToRaw: Int32Array | null; // null when value === raw
  map: CharMap;
  loc: BlockLoc;
  label?: Label;
  headingLevel?: number;
  /** Inside a form template (Mẫu, Biểu, a fill-in block): its blanks are meant to be filled by the form's user. */
  template?: boolean;
  /** Word: resolved formatting (see ParaBlock.format). */
  format?: ParaFormat;
}

export interface TableNode extends NodeBase {
  type: 'table';
  index: number;
  children: RowNode[];
}
export interface RowNode extends NodeBase {
  type: 'row';
  index: number;
  children: CellNode[];
}
export interface CellNode extends NodeBase {
  type: 'cell';
  index: number;
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
  children: (ParagraphNode | TableNode)[];
}

export interface SectionNode extends NodeBase {
  type: 'section';
  label: Label;
  depth: number; // 1 = top level of its scope
  /** What the section is in the document model: Điều, khoản, a Roman section … */
  scope: ScopeType;
  /** The labelled paragraph is children[0]. */
  children: PlanContent[];
}

export interface ListItemNode extends NodeBase {
  type: 'listItem';
  label: Label;
  children: PlanContent[];
}

export interface ContainerNode<T extends string> extends NodeBase {
  type: T;
  children: PlanContent[];
}

export interface SignatureNode extends NodeBase {
  type: 'signature';
  authority: string[]; // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
  title?: string; // "PHÓ CHỦ TỊCH"
  signer?: string;
  children: PlanContent[];
}

export interface AppendixNode extends NodeBase {
  type: 'appendix';
  label?: string; // "01", "I", "1" — as written after "PHỤ LỤC" (or "MẪU SỐ", "BIỂU SỐ")
  /** appendix (PHỤ LỤC), form (Mẫu, Biểu) or an attached document ("… ban hành kèm theo Quyết định …"). */
  scope: 'appendix' | 'form' | 'attached';
  /** A template to be filled by its user: its blanks are the form's, not the author's. */
  template: boolean;
  /** The kind of a nested document (an attached plan, regulation, charter …). */
  docKind?: DocKind;
  title?: string; // its caption, squashed
  children: PlanContent[];
}

/** Quoted text of another document (amended wording): its labels are its own. */
export type QuoteNode = ContainerNode<'quote'>;

export type HeaderNode = ContainerNode<'header'>;
export type TitleNode = ContainerNode<'title'>;
export type PreambleNode = ContainerNode<'preamble'>;
export type ClosingNode = ContainerNode<'closing'>;
export type RecipientsNode = ContainerNode<'recipients'>;
export type FootnotesNode = ContainerNode<'footnotes'>;

export type PlanContent =
  | ParagraphNode
  | TableNode
  | SectionNode
  | ListItemNode
  | HeaderNode
  | TitleNode
  | PreambleNode
  | ClosingNode
  | RecipientsNode
  | SignatureNode
  | AppendixNode
  | QuoteNode
  | FootnotesNode;

export type PlanNode = PlanRoot | PlanContent | RowNode | CellNode;

/** The kind of body that issued a document (meta.kind, kept for older rules): state, Party, Fatherland Front and mass organisations. */
export type DocumentKind = 'state' | 'party' | 'front' | 'unknown';

/**
 * What a document is: from its title and its number symbol. Normative legal texts
 * (law, decree, circular, a resolution of the National Assembly or Government) have
 * `normative` set in the meta.
 */
export type DocKind =
  | 'ke-hoach' // Kế hoạch
  | 'bao-cao' // Báo cáo
  | 'quyet-dinh' // Quyết định
  | 'cong-van' // Công văn (V/v …)
  | 'to-trinh' // Tờ trình
  | 'thong-bao' // Thông báo
  | 'huong-dan' // Hướng dẫn
  | 'chuong-trinh' // Chương trình
  | 'de-an' // Đề án
  | 'phuong-an' // Phương án
  | 'nghi-quyet' // Nghị quyết
  | 'chi-thi' // Chỉ thị
  | 'bien-ban' // Biên bản
  | 'giay-moi' // Giấy mời
  | 'phieu-trinh' // Phiếu trình
  | 'dieu-le' // Điều lệ
  | 'quy-che' // Quy chế
  | 'quy-dinh' // Quy định
  | 'luat' // Luật, Bộ luật
  | 'nghi-dinh' // Nghị định
  | 'thong-tu' // Thông tư
  | 'unknown';

/** Administrative level of the issuing body. */
export type AdminLevel = 'commune' | 'district' | 'province' | 'central' | 'unknown';

export interface Issuer {
  body: DocumentKind;
  name?: string; // "ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN"
  superior?: string; // "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
  level: AdminLevel;
}

export interface TextRef {
  node: ParagraphNode;
  start: number; // offsets in node.value
  end: number;
}

export interface PlanMeta {
  kind: DocumentKind; // state body (UBND…), Party body (Đảng ủy…)
  issuingBody?: string; // "ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN"
  superiorBody?: string; // "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
  numberLine?: TextRef; // "Số: 12/KH-UBND" — Số (văn bản)
  placeDate?: TextRef; // "Hải An, ngày 05 tháng 4 năm 2026" — địa danh, ngày tháng
  place?: string;
  title?: string; // the subject after "KẾ HOẠCH" — trích yếu
  titleRef?: TextRef;
  /** What the document is (Kế hoạch, Quyết định …), from its title and number symbol. */
  docKind: DocKind;
  /** The title word as written ("KẾ HOẠCH", "QUYẾT ĐỊNH"); absent for a letter. */
  titleWord?: string;
  /** Law, decree, circular, a resolution of the National Assembly or Government. */
  normative: boolean;
  /** The symbol of the own number: "KH-UBND", "KH/ĐU", "QĐ-UBND", "QH15". */
  symbol?: string;
  issuer: Issuer;
  /** The whole document is a form to be filled (a blank template). */
  template: boolean;
}

export interface PlanRoot extends NodeBase {
  type: 'plan';
  meta: PlanMeta;
  format: ReadDocument['format'];
  /** Word: paper size and margins. */
  page?: PageLayout;
  children: PlanContent[];
}

// ---------- rules and messages ----------

export type Severity = 0 | 1 | 2; // off, warn, error
export type SeverityName = 'off' | 'warn' | 'error';
export type Lang = 'vi' | 'en';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface RuleMeta {
  id: string;
  description: Bilingual;
  messages: Record<string, Bilingual>; // templates with {placeholders}
  /** Document kinds the rule applies to (absent: all); the linter skips it on the others. */
  kinds?: DocKind[];
  /** Whether the rule runs on normative legal texts (Luật, Nghị định, Thông tư …); default true. */
  normative?: boolean;
  docs: string; // docs/rules/<id>.md
  defaultSeverity: SeverityName;
  fixable?: boolean;
  /** JSON-schema-like description of options, for the docs and config validation. */
  options?: Record<string, { type: 'string' | 'number' | 'boolean' | 'string[]'; description: string }>;
}

export interface Suggestion {
  messageId?: string;
  data?: Record<string, string | number>;
  desc?: string; // computed from messageId when absent
  text: string; // the replacement text for the reported range
}

export interface Fix {
  range: TextRef;
  text: string;
}

export interface ReportDescriptor {
  node?: PlanNode;
  range?: TextRef;
  messageId: string;
  data?: Record<string, string | number>;
  /** Lowers the configured severity for this finding: a rule's warning-level or information-level finding. */
  severity?: SeverityName | 'info';
  suggestions?: Suggestion[];
  fix?: Fix;
}

export interface RuleContext {
  readonly tree: PlanRoot;
  readonly filePath: string;
  readonly options: Record<string, unknown>;
  readonly settings: ResolvedConfig;
  readonly lang: Lang;
  /** Shared extractors, computed once per file on first use. */
  readonly extract: Extractors;
  report(descriptor: ReportDescriptor): void;
}

export type Visitor = { [K in PlanNode['type']]?: (node: Extract<PlanNode, { type: K }>) => void } & {
  'plan:exit'?: (node: PlanRoot) => void;
};

export interface RuleModule {
  meta: RuleMeta;
  create(context: RuleContext): Visitor | void;
}

/**
 * Extractors shared by rules; each runs at most once per file. This module imports nothing:
 * the extractor layer (src/extract/index.ts) adds its own members (citations, dates, unit
 * mentions, the own number and date) by declaration merging, so types flow one way.
 */
export interface Extractors {
  paragraphs(): ParagraphNode[];
}

export interface LintMessage {
  ruleId: string | null;
  /** 2 error, 1 warning, 0 information (a plan-lint extension: counted as neither). */
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  text?: string; // the exact flagged text
  messageId?: string;
  suggestions?: { desc: string; text: string }[];
  fix?: { range: [number, number]; text: string; docx?: { part: string; docxIndex: number; start: number; end: number } };
  location?: { paragraph: number; section?: string; table?: { table: number; row: number; cell: number } };
  /** Offsets in the paragraph value, kept for disables and fixes. */
  internal?: { docxIndex?: number; part?: string; start: number; end: number; rawStart: number; rawEnd: number };
}

export interface LintResult {
  filePath: string;
  /** The document kind (plan-lint's model), e.g. "ke-hoach", "quyet-dinh"; absent when the file could not be read. */
  documentKind?: DocKind;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  /** The document's own identity and its citations, for the folder-wide check (cached with the result). */
  summary?: import('./crosscheck.js').DocSummary;
}

// ---------- config ----------

export type RuleSetting = SeverityName | 0 | 1 | 2 | [SeverityName | 0 | 1 | 2, Record<string, unknown>?];

export interface ConfigFile {
  $schema?: string;
  root?: boolean;
  unit?: string;
  province?: string;
  stage?: 'draft' | 'final';
  lang?: Lang;
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  plugins?: string[];
  words?: string[];
  allowUnits?: string[];
}

export interface ResolvedConfig {
  unit?: string;
  province?: string;
  stage: 'draft' | 'final';
  lang: Lang;
  rules: Record<string, { severity: Severity; options: Record<string, unknown> }>;
  ignores: string[];
  plugins: { spec: string; base: string }[];
  words: string[];
  allowUnits: string[];
  /** Files the config was merged from, nearest last. */
  files: string[];
  /** The file that set each rule, for error messages. */
  ruleFiles?: Record<string, string>;
}
