// unit-name — the plan names its own ward, not another (tên đơn vị hành chính).
// Plans are often copied from a neighbour's: "phường Thành Đông" left in a Hải An plan.
import type { ParagraphNode, PlanNode, RuleContext, RuleModule } from '../src/types.js';
import { distance, gazetteer, history, nameKey, titleCase, type Gazetteer, type History, type UnitMention } from '../src/extract/units.js';
import { paragraphsOf } from '../src/plan/build.js';

interface OwnUnit {
  type?: string;
  name: string;
  source: 'config' | 'header' | 'place' | 'sentence';
}

const LOCAL_TYPES = new Set(['phường', 'xã', 'đặc khu']);
const DISTRICT_TYPES = new Set(['quận', 'huyện', 'thị xã', 'thị trấn']);

function parseUnit(spec: string): { type?: string; name: string } {
  // regex-safe: a unit name from the configuration, never document text
  const m = /^\s*(phường|xã|đặc khu|thị trấn)\s+(.+?)\s*$/iu.exec(spec);
  return m ? { type: m[1]!.toLowerCase(), name: m[2]! } : { name: spec.trim() };
}

function parseProvince(spec: string): string {
  return spec.replace(/^\s*(thành phố|tỉnh|tp\.?)\s+/iu, '').trim();
}

/** The plan's own unit: --unit/config, else the header, else the place-date line, else the issuing sentence. */
function ownUnit(context: RuleContext, g: Gazetteer): OwnUnit | undefined {
  const { tree, settings } = context;
  if (settings.unit) return { ...parseUnit(settings.unit), source: 'config' };
  const mentions = context.extract.unitMentions();
  const within = (type: string): Set<ParagraphNode> => {
    const node = tree.children.find((c) => c.type === type);
    return new Set(node && 'children' in node ? paragraphsOf(node.children) : []);
  };
  const header = within('header');
  const m = mentions.find((u) => header.has(u.node) && LOCAL_TYPES.has(u.type));
  if (m) return { type: m.type, name: m.name, source: 'header' };
  const place = tree.meta.place;
  if (place && g.byName.has(nameKey(place))) return { name: titleCase(place), source: 'place' };
  const preamble = within('preamble');
  for (const u of mentions) {
    if (!preamble.has(u.node) || !LOCAL_TYPES.has(u.type)) continue;
    const before = u.node.value.slice(Math.max(0, u.ref.start - 40), u.ref.start);
    const after = u.node.value.slice(u.ref.end, u.ref.end + 30);
    if (/(Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Đảng ủy|Đảng uỷ|Đảng bộ)\s*$/u.test(before) && /^\s*(ban hành|xây dựng|triển khai)/u.test(after)) {
      return { type: u.type, name: u.name, source: 'sentence' };
    }
  }
  return undefined;
}

function ownProvince(context: RuleContext, g: Gazetteer, own: OwnUnit | undefined): string | undefined {
  const { tree, settings } = context;
  if (settings.province) return parseProvince(settings.province);
  if (tree.meta.superiorBody) {
    // regex-safe: the superior body is one header line
    const m = /(THÀNH PHỐ|TỈNH)\s+(\S.*)$/u.exec(tree.meta.superiorBody);
    if (m && g.provinceByName.has(nameKey(m[2]!))) return g.provinceByName.get(nameKey(m[2]!))!.name;
  }
  if (own) {
    const candidates = (g.byName.get(nameKey(own.name)) ?? []).filter((u) => !own.type || u.type === own.type);
    const provinces = new Set(candidates.map((u) => u.province));
    if (provinces.size === 1) return [...provinces][0];
  }
  return undefined;
}

/** After the 2025 reform (1 July 2025) districts no longer exist; needs the plan's date, or its latest date. */
function datedAfterReform(context: RuleContext): boolean {
  const own = context.extract.ownDate();
  if (own?.year !== undefined) return afterReform(own.year, own.month);
  return context.extract.dates().some((d) => d.valid && afterReform(d.year, d.month));
}
const afterReform = (y?: number, m?: number): boolean => y !== undefined && (y > 2025 || (y === 2025 && m !== undefined && m >= 7));

/** A ward- or commune-level issuer: its own unit named in the header, given by --unit, or in the issuing sentence. */
function wardLevel(context: RuleContext, own: OwnUnit | undefined): boolean {
  if (!own) return false;
  if (own.source === 'config') return true;
  // the document model knows the issuer's level from its header
  const level = context.tree.meta.issuer?.level;
  if (level && level !== 'unknown') return level === 'commune';
  if (own.source !== 'place') return true;
  // the place-date line names a place, not a body: only a document with no body in its header
  return !context.tree.meta.issuingBody && !context.tree.meta.superiorBody;
}

// what marks a sentence as speaking of the time before the reform, or of the reform itself
const HISTORY = /(?<![\p{L}])(cũ|đổi tên|trước (?:khi |đây )?(?:sắp xếp|sáp nhập|hợp nhất|thực hiện sắp xếp)|trước đây|nay là|nay thuộc|sáp nhập|hợp nhất|sắp xếp|giải thể|kết thúc hoạt động|nguyên là|\(mới\))(?![\p{L}])/iu;
const PAST = new RegExp(`${HISTORY.source}|(?<![\\p{L}])đã(?![\\p{L}])`, 'iu');
// a year before the reform in the same sentence ("năm 2024", "ngày 12/3/2024", "2021-2025")
const OLD_YEAR = /(?<!\d)(19\d\d|20[01]\d|202[0-4])(?!\d)/u;
const OLD_DATE_2025 = /(?<![\d])(\d{1,2})\s*[/.-]\s*0?([1-6])\s*[/.-]\s*2025(?!\d)|tháng\s+0?([1-6])\s+năm\s+2025/u;

/** The sentence around a mention: from the last "." ";" or line break before it to the next after it. */
function sentence(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[;\n]/.test(text[a - 1]!) && !(text[a - 1] === '.' && /\s/.test(text[a] ?? ''))) a--;
  let b = end;
  while (b < text.length && !/[;\n]/.test(text[b]!) && !(text[b] === '.' && /\s|$/.test(text[b + 1] ?? ''))) b++;
  return text.slice(a, b);
}

// the unit ends an organisation's name ("Hội Công chứng viên tỉnh X", "Sở Tư pháp tỉnh X"): a name, not a use of the unit
const ORGANISATION = /(?<![\p{L}])(Hội|Hiệp hội|Liên hiệp|Liên đoàn|Câu lạc bộ|Quỹ|Công ty|Trường|Bệnh viện|Trung tâm|Đoàn|Ngân hàng|Báo|Đài|Chi hội|Tổng hội|Sở|Bảo tàng|Thư viện|Nhà văn hóa|Nhà văn hoá)\s+\p{Lu}[^,;.()\n]{0,60}$/u;

/** Family names that start a person's name: "PCT UBND tỉnh Nguyễn Thành Sinh" names a person. */
const SURNAMES = new Set([
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh',
  'trịnh', 'đoàn', 'lưu', 'mai', 'cao', 'lương', 'tạ', 'hà', 'chu', 'vương', 'thái', 'lâm', 'châu', 'đào', 'kiều', 'tô', 'la',
]);
// regex-safe: runs on the 40 characters before a unit mention
const TITLE_BEFORE = /(chủ tịch|phó chủ tịch|pct|ct|giám đốc|phó giám đốc|bí thư|phó bí thư|trưởng ban|đồng chí|đ\/c|ông|bà)\s+(ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|đảng ủy)?\s*$/iu;

// a text that speaks of the issuer's own area: "trên địa bàn phường X", "Nhân dân phường X", "tại xã X", "… và phường X nói riêng"
const OWN_AREA_BEFORE = /(địa bàn|tại|của|toàn|nhân dân|ủy ban nhân dân|uỷ ban nhân dân|ubnd|đảng bộ|đảng ủy|đảng uỷ|công an|mặt trận tổ quốc(?: việt nam)?|mttq(?: việt nam)?|hội đồng nhân dân|hđnd|cán bộ|đảng viên|cử tri|chính quyền)\s*$/iu;
const OWN_AREA_AFTER = /^\s*nói riêng/iu;
// addresses and lists: "Số 5 Lý Thường Kiệt, phường X", "các phường X, Y", "phối hợp với phường X"
// regex-safe: runs on the 40 characters before a unit mention
const ADDRESS = /(số\s*\d+[^,;]*|đường\s[^,;]*|phố\s[^,;]*|thôn\s[^,;]*|ấp\s[^,;]*|tổ dân phố\s[^,;]*|khu phố\s[^,;]*|tổ\s+\d+[^,;]*|địa chỉ[^,;]*|trụ sở[^,;]*),\s*$/iu;
const NEIGHBOUR = /(phối hợp với|giáp ranh|giáp|liền kề|tiếp giáp)\s+(\S+\s+){0,2}$|(?<![\p{L}])(các|những|gồm|như|và|với)\s+$/iu;

export const rule: RuleModule = {
  meta: {
    id: 'unit-name',
    description: {
      vi: 'Văn bản của phường, xã chỉ nêu địa bàn của mình; tên đơn vị hành chính có thật, đúng chính tả, đúng thời điểm (trước/sau 01/7/2025)',
      en: 'A ward or commune body speaks of its own area; unit names exist, are spelt right, and are used for their time (before/after 1 July 2025)',
    },
    docs: 'docs/rules/unit-name.md',
    defaultSeverity: 'error',
    normative: false, // a law names units of every province: no own ward to compare with
    fixable: false,
    options: {},
    messages: {
      otherUnit: {
        vi: '"{found}" không phải đơn vị ban hành ({expected}) mà văn bản nói về địa bàn của mình',
        en: '"{found}" is not the issuing unit ({expected}), where the text speaks of its own area',
      },
      misspelt: {
        vi: 'Tên đơn vị hành chính viết sai: "{found}" — đúng là "{expected}"',
        en: 'A misspelt unit name: "{found}" — the unit is "{expected}"',
      },
      unknownUnit: {
        vi: 'Không có đơn vị hành chính "{found}"{near}',
        en: 'There is no administrative unit "{found}"{near}',
      },
      otherProvince: {
        vi: '"{found}" không phải tỉnh, thành phố của văn bản ({expected})',
        en: '"{found}" is not the document\'s own province ({expected})',
      },
      abolished: {
        vi: '"{found}": cấp huyện (quận, huyện, thị xã, thị trấn, thành phố thuộc tỉnh) đã bỏ từ 01/7/2025',
        en: '"{found}": district-level units (quận, huyện, thị xã, thị trấn, provincial cities) were abolished on 1 July 2025',
      },
      oldUnit: {
        vi: '"{found}" là tên trước ngày 01/7/2025, nay thuộc {successor}',
        en: '"{found}" is a name from before 1 July 2025; it is now part of {successor}',
      },
      noOwnUnit: {
        vi: 'Không xác định được đơn vị ban hành (không có phần đầu); dùng --unit "phường …" hoặc khóa "unit" trong cấu hình để kiểm tra tên đơn vị',
        en: 'The plan\'s own unit could not be found (no header); pass --unit "phường …" or set "unit" in the config to check unit names',
      },
      replace: { vi: 'Sửa thành "{text}"', en: 'Change to "{text}"' },
    },
  },
  create(context) {
    return {
      'plan:exit'() {
        check(context);
      },
    };
  },
};

/** Tables whose header row is of the earlier design ("Huyện", "Đơn vị cấp huyện", "(cũ)"). */
function pastTables(context: RuleContext): Set<number> {
  const out = new Set<number>();
  const walk = (nodes: readonly PlanNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'table') {
        const head = n.children[0] ? paragraphsOf(n.children[0].children.flatMap((c) => c.children)).map((p) => p.value).join(' ') : '';
        if (/(?<![\p{L}])(huyện|quận|thị xã|cũ|trước sắp xếp|trước sáp nhập)(?![\p{L}])/iu.test(head)) out.add(n.index);
      }
      if ('children' in n && Array.isArray(n.children)) walk(n.children as PlanNode[]);
    }
  };
  walk(context.tree.children);
  return out;
}

function check(context: RuleContext): void {
  const g = gazetteer();
  const h = history();
  const own = ownUnit(context, g);
  const province = ownProvince(context, g, own);
  const ward = wardLevel(context, own);
  const allowed = new Set(context.settings.allowUnits.map((a) => nameKey(parseUnit(a).name)));
  const ownKey = own ? nameKey(own.name) : undefined;
  const reform = datedAfterReform(context);
  const tree = context.tree;
  // a report on a period that began before the reform ("năm 2025", "giai đoạn 2021 - 2025") speaks of the old units
  const title = tree.meta.title ?? '';
  const looksBack = tree.meta.docKind === 'bao-cao' || /tổng kết|sơ kết|kết quả|đánh giá/iu.test(title);
  const titlePast = looksBack && (OLD_YEAR.test(title) || /năm 2025|20[12]\d\s*[-–]\s*2025/u.test(title));
  const oldTables = pastTables(context);
  const text = (u: UnitMention): string => u.node.value.slice(u.ref.start, u.ref.end);
  const mentions = context.extract.unitMentions();
  let sawLocal = false;

  for (const u of mentions) {
    const v = u.node.value;
    const key = nameKey(u.name);
    const before = v.slice(Math.max(0, u.ref.start - 40), u.ref.start);
    const after = v.slice(u.ref.end, u.ref.end + 40);
    const clause = sentence(v, u.ref.start, u.ref.end);
    const upper = u.typeText === u.typeText.toUpperCase();
    const firstWord = u.name.split(' ')[0]!;
    // not units: a placeholder ("xã B tỉnh A"), a count ("xã 04 TTHC", "tỉnh 1"), a cooperative, a person, a plural ("các tỉnh Đồng bằng")
    if (u.name.split(' ').every((w) => w.length === 1)) continue;
    if (/^\d/.test(firstWord) && !(u.type === 'phường' || u.type === 'quận') ) continue;
    if (/hợp tác\s*$/iu.test(before)) continue;
    if (/(?<![\p{L}])(các|những|mọi|nhiều|một số|từng)\s*$/iu.test(before)) continue;
    const knownNow = (u.type === 'tỉnh' || u.type === 'thành phố' ? g.provinceByName.has(key) : false) || g.byName.has(key) || g.hyphenHeads().has(key);
    const olds = (h.units.get(key) ?? []).filter((o) => o.type === u.type || (LOCAL_TYPES.has(u.type) && LOCAL_TYPES.has(o.type)));
    const oldProvince = u.type === 'tỉnh' || u.type === 'thành phố' ? h.provinces.get(key) : undefined;
    if (!knownNow && !olds.length && !oldProvince) {
      // a person: a title before it, or a family name opening a full name of three words or more
      if ((SURNAMES.has(firstWord.toLowerCase()) && u.name.split(' ').length >= 3) || TITLE_BEFORE.test(before)) continue;
    }
    const past =
      PAST.test(clause) ||
      PAST.test(v.slice(0, 40)) ||
      ORGANISATION.test(before) ||
      OLD_YEAR.test(clause) ||
      OLD_DATE_2025.test(clause) ||
      !reform ||
      titlePast ||
      (u.node.loc.table !== undefined && oldTables.has(u.node.loc.table.table));

    if (LOCAL_TYPES.has(u.type) || u.type === 'thị trấn') {
      // the own unit matters where the text speaks of its own area
      sawLocal = sawLocal || (LOCAL_TYPES.has(u.type) && !upper && speaksOfOwnArea(u, before, after, mentions));
      if (key === ownKey || allowed.has(key)) continue;
      if (knownNow && u.type !== 'thị trấn') {
        if (ward && own && !HISTORY.test(clause) && speaksOfOwnArea(u, before, after, mentions)) {
          context.report({
            range: u.nameRef,
            messageId: 'otherUnit',
            data: { found: text(u), expected: `${own.type ?? ''} ${own.name}`.trim() },
            suggestions: [{ messageId: 'replace', text: own.name }],
          });
        }
        continue;
      }
      if (olds.length) {
        // an old commune, ward or town: fine in the past, a warning when used as current
        if (past) continue;
        // the old unit of this province; with no province known, only a name that was one unit's
        const mine = province ? olds.filter((x) => (h.provinces.get(nameKey(x.province))?.successors ?? []).some((s) => nameKey(s) === nameKey(province))) : olds;
        if (mine.length === 0 || new Set(mine.map((x) => x.province)).size > 1) continue;
        const succ = [...new Set(mine.flatMap((x) => x.successors.map((s) => `${s.type} ${s.name}`)))].join(', ');
        if (succ) context.report({ range: u.ref, messageId: 'oldUnit', severity: 'warn', data: { found: text(u), successor: succ } });
        else if (u.type === 'thị trấn') context.report({ range: u.ref, messageId: 'abolished', severity: 'warn', data: { found: text(u) } });
        continue;
      }
      if (upper || cutShort(u)) continue;
      const near = misspelt(key, province, g, h);
      if (!near) continue;
      // one letter or mark away: the name misspelt; further: a name that never existed, with the nearest real one
      context.report({
        range: u.nameRef,
        messageId: near.d === 1 ? 'misspelt' : 'unknownUnit',
        data: { found: text(u), expected: near.name, near: context.lang === 'vi' ? ` — có phải "${near.name}"?` : ` — did you mean "${near.name}"?` },
        suggestions: [{ messageId: 'replace', text: near.name }],
      });
      continue;
    }
    if (DISTRICT_TYPES.has(u.type)) {
      // a district is known by the resolutions, or by the commune or town that bore its name
      if (past || (!olds.length && !knownNow && !h.units.has(key))) continue;
      context.report({ range: u.ref, messageId: 'abolished', severity: 'warn', data: { found: text(u) } });
      continue;
    }
    // thành phố / tỉnh
    const prov = g.provinceByName.get(key);
    if (!prov) {
      if (oldProvince && !past && !upper) {
        context.report({ range: u.ref, messageId: 'oldUnit', severity: 'warn', data: { found: text(u), successor: oldProvince.successors.map((s) => `${g.provinceByName.get(nameKey(s))?.type ?? 'tỉnh'} ${s}`).join(', ') } });
      } else if (u.type === 'thành phố' && !past && !upper && olds.some((o) => o.type === 'thành phố')) {
        context.report({ range: u.ref, messageId: 'abolished', severity: 'warn', data: { found: text(u) } });
      }
      continue;
    }
    if (!ward || !province || nameKey(prov.name) === nameKey(province)) continue;
    // a list of places ("Lào Cai - Hà Nội - Hải Phòng") names provinces on purpose
    if (/[-–,]\s*$/u.test(before) || /^\s*[-–,]/u.test(after) || !speaksOfOwnArea(u, before, after, mentions)) continue;
    context.report({
      range: u.ref,
      messageId: 'otherProvince',
      severity: 'warn',
      data: { found: text(u), expected: province },
    });
  }

  // the document model names the issuing body even where the outline found no header block
  const bodyLine = !!tree.meta.issuer?.name;
  if (!own && sawLocal && !bodyLine && !tree.children.some((c) => c.type === 'header')) {
    const first = paragraphsOf(tree.children)[0] as ParagraphNode | undefined;
    if (first) context.report({ node: first, messageId: 'noOwnUnit', severity: 'info' });
  }
}

/** The text speaks of the issuer's own area here, not of an address, a neighbour or a list of units. */
function speaksOfOwnArea(u: UnitMention, before: string, after: string, mentions: UnitMention[]): boolean {
  if (OWN_AREA_AFTER.test(after)) return true;
  if (ADDRESS.test(before)) return false;
  // a list: another unit right before or after, joined by a comma, "và", "-" or "/"
  const gap = (a: number, b: number): string => (b - a <= 16 ? u.node.value.slice(a, b) : '');
  const listed = mentions.some(
    (o) =>
      o !== u &&
      o.node === u.node &&
      // regex-safe: both run on a gap of at most 16 characters
      ((o.ref.end <= u.ref.start && /^[\s,;/–-]*(và|,|;|\/|–|-)[\s,;/–-]*$/u.test(gap(o.ref.end, u.ref.start))) ||
        (o.ref.start >= u.ref.end && /^\s*(\([^)]*\))?\s*(và|,|;|\/|–|-)\s*$/u.test(gap(u.ref.end, o.ref.start)))), // regex-safe: a gap of at most 16 characters
  );
  if (listed) return false;
  if (NEIGHBOUR.test(before)) return false;
  return OWN_AREA_BEFORE.test(before);
}

/** A name cut by a line wrap or a cell's end ("phường Ngọc" / "Sơn"), or the start of a longer name. */
function cutShort(u: UnitMention): boolean {
  const rest = u.node.value.slice(u.nameRef.end);
  if (/^\s*$/.test(rest) || /^[ \t]*\n/.test(rest)) return true;
  const raw = u.node.raw;
  return /[\n\v\r]/.test(raw.slice(Math.max(0, u.nameRef.start - 1), Math.min(raw.length, u.nameRef.end + 1)));
}

/** The one real name a misspelt one stands for: within the province (now or before), one or two letters away. */
function misspelt(key: string, province: string | undefined, g: Gazetteer, h: History): { name: string; d: number } | undefined {
  const pool: string[] = [];
  const provKey = province ? nameKey(province) : undefined;
  for (const x of g.units) if (!provKey || nameKey(x.province) === provKey) pool.push(x.name);
  for (const [pk, list] of h.byProvince) {
    const succ = h.provinces.get(pk)?.successors ?? [];
    if (provKey && !succ.some((s) => nameKey(s) === provKey)) continue;
    for (const o of list) if (LOCAL_TYPES.has(o.type) || o.type === 'thị trấn') pool.push(o.name);
  }
  // a known name that starts with this one: the name was cut, not misspelt
  if (pool.some((n) => nameKey(n).startsWith(`${key} `))) return undefined;
  const limit = key.length >= 10 && provKey ? 2 : 1;
  if (!provKey && key.length < 6) return undefined;
  let best: { name: string; d: number } | undefined;
  let tie = false;
  for (const n of new Set(pool)) {
    const k = nameKey(n);
    if (k.split(' ').length !== key.split(' ').length) continue;
    // the distance is at least the difference in length: past the limit it cannot be the answer (and a
    // 100,000-character "name" is not compared character by character with every unit)
    if (Math.abs(k.length - key.length) > limit) continue;
    const d = distance(k, key);
    if (d === 0) return undefined;
    if (!best || d < best.d) {
      best = { name: n, d };
      tie = false;
    } else if (d === best.d && nameKey(best.name) !== k) tie = true;
  }
  return best && best.d <= limit && !tie ? best : undefined;
}
