// unit-name — the plan names its own ward, not another (tên đơn vị hành chính).
// Plans are often copied from a neighbour's: "phường Thành Đông" left in a Hải An plan.
import type { ParagraphNode, RuleContext, RuleModule } from '../src/types.js';
import { distance, gazetteer, nameKey, titleCase, type Gazetteer, type UnitMention } from '../src/extract/units.js';
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
  const after = (y?: number, m?: number): boolean => y !== undefined && (y > 2025 || (y === 2025 && m !== undefined && m >= 7));
  if (own?.year !== undefined) return after(own.year, own.month);
  return context.extract.dates().some((d) => d.valid && after(d.year, d.month));
}

export const rule: RuleModule = {
  meta: {
    id: 'unit-name',
    description: {
      vi: 'Kế hoạch chỉ nêu tên đơn vị của mình (phường, xã), tên có thật sau sắp xếp 01/7/2025',
      en: "The plan names its own ward or commune, and units that exist since 1 July 2025",
    },
    docs: 'docs/rules/unit-name.md',
    defaultSeverity: 'error',
    normative: false, // a law names units of every province: no own ward to compare with
    fixable: false,
    options: {},
    messages: {
      otherUnit: {
        vi: '"{found}" không phải đơn vị ban hành kế hoạch ({expected})',
        en: '"{found}" is not the plan\'s own unit ({expected})',
      },
      unknownUnit: {
        vi: 'Không có đơn vị hành chính "{found}"{near}',
        en: 'There is no administrative unit "{found}"{near}',
      },
      otherProvince: {
        vi: '"{found}" không phải tỉnh, thành phố của kế hoạch ({expected})',
        en: '"{found}" is not the plan\'s own province ({expected})',
      },
      abolished: {
        vi: '"{found}": cấp huyện (quận, huyện, thị xã, thị trấn, thành phố thuộc tỉnh) đã bỏ từ 01/7/2025',
        en: '"{found}": district-level units (quận, huyện, thị xã, thị trấn, provincial cities) were abolished on 1 July 2025',
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

function check(context: RuleContext): void {
  const g = gazetteer();
  const own = ownUnit(context, g);
  const province = ownProvince(context, g, own);
  const allowed = new Set(context.settings.allowUnits.map((a) => nameKey(parseUnit(a).name)));
  const ownKey = own ? nameKey(own.name) : undefined;
  const reform = datedAfterReform(context);
  const text = (u: UnitMention): string => u.node.value.slice(u.ref.start, u.ref.end);
  let sawLocal = false;

  for (const u of context.extract.unitMentions()) {
    const key = nameKey(u.name);
    const before = u.node.value.slice(Math.max(0, u.ref.start - 12), u.ref.start);
    const after = u.node.value.slice(u.ref.end, u.ref.end + 8);
    const former = /(trước đây|nguyên|cũ)\W*$/iu.test(before) || /^\s*(?:\(\s*)?cũ(?![\p{L}])/iu.test(after);
    if (LOCAL_TYPES.has(u.type)) {
      sawLocal = true;
      if (key === ownKey || allowed.has(key)) continue;
      if (!g.byName.has(key)) {
        if (former) continue;
        const pool = g.units.filter((x) => !province || x.province === province);
        let best: { name: string; d: number } | undefined;
        for (const x of pool) {
          const d = distance(nameKey(x.name), key);
          if (!best || d < best.d) best = { name: x.name, d };
        }
        const near = best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.name : undefined;
        context.report({
          range: u.nameRef,
          messageId: 'unknownUnit',
          data: { found: text(u), near: near ? (context.lang === 'vi' ? ` — có phải "${near}"?` : ` — did you mean "${near}"?`) : '' },
          suggestions: near ? [{ messageId: 'replace', text: near }] : undefined,
        });
        continue;
      }
      if (!own || former) continue;
      context.report({
        range: u.nameRef,
        messageId: 'otherUnit',
        data: { found: text(u), expected: `${own.type ?? ''} ${own.name}`.trim() },
        suggestions: [{ messageId: 'replace', text: own.name }],
      });
      continue;
    }
    if (DISTRICT_TYPES.has(u.type)) {
      if (reform && !former) context.report({ range: u.ref, messageId: 'abolished', severity: 'warn', data: { found: text(u) } });
      continue;
    }
    // thành phố / tỉnh
    const prov = g.provinceByName.get(key);
    if (!prov) {
      if (reform && !former && !g.byName.has(key)) context.report({ range: u.ref, messageId: 'abolished', severity: 'warn', data: { found: text(u) } });
      continue;
    }
    if (!province || nameKey(prov.name) === nameKey(province)) continue;
    // a list of places ("Lào Cai - Hà Nội - Hải Phòng") names provinces on purpose
    if (/[-–,]\s*$/u.test(before) || /^\s*[-–,]/u.test(after)) continue;
    context.report({
      range: u.ref,
      messageId: 'otherProvince',
      severity: 'warn',
      data: { found: text(u), expected: province },
    });
  }

  if (!own && sawLocal) {
    const first = paragraphsOf(context.tree.children)[0] as ParagraphNode | undefined;
    if (first) context.report({ node: first, messageId: 'noOwnUnit', severity: 'info' });
  }
}
