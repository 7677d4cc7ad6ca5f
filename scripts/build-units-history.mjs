// Build data/units-history.json: the administrative units in force before 1 July 2025 (63 provinces,
// their communes, wards and towns, and the districts the 2025 resolutions name) with their successors,
// from ../shared/data/units-2025-mapping (MIT, dvhcvn; its notice is kept in data/units-history.LICENSE).
// Usage: npm run build:units-history [-- path/to/units-2025-mapping]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? path.resolve(root, '..', 'shared', 'data', 'units-2025-mapping');
const splits = JSON.parse(fs.readFileSync(path.join(src, 'splits.json'), 'utf8')).data;

const TYPE = { 'phường': 'p', 'xã': 'x', 'thị trấn': 't', 'đặc khu': 'd', 'huyện': 'h', 'quận': 'q', 'thị xã': 's', 'thành phố': 'c' };
const TYPE_RE = /^(thành phố|thị trấn|thị xã|đặc khu|phường|xã|tỉnh|huyện|quận)\s+/iu;
/** "Phường Phúc Xá" → ["p", "Phúc Xá"]. */
function split(name) {
  const n = name.normalize('NFC').trim();
  const m = TYPE_RE.exec(n);
  if (!m) return ['?', n];
  return [TYPE[m[1].toLowerCase()] ?? '?', n.slice(m[0].length).trim()];
}
const bare = (name) => split(name)[1];

const provinces = [];
const byName = new Map();
for (const p of splits) {
  const isCity = /^thành phố/iu.test(p.name);
  const prov = {
    name: bare(p.name),
    type: isCity ? 'thành phố' : 'tỉnh',
    successors: [...new Set(p.splits.map((s) => bare(s.name)))],
    // "x:Phúc Xá>p:Hồng Hà;p:Ba Đình": old type and name, then the successors
    units: p.level3s
      .map((u) => {
        const [t, n] = split(u.name);
        const succ = u.splits.map((s) => split(s.name).join(':')).join(';');
        return `${t}:${n}>${succ}`;
      })
      .join('|'),
    districts: [],
  };
  provinces.push(prov);
  byName.set(prov.name.toLowerCase(), prov);
}

// Districts: the resolutions name many of them ("xã Tân Hòa (huyện Phú Tân)"); each resolution is
// about one new province, so a district it names belonged to one of the old provinces merged into it.
const UPPER = 'A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ';
const WORD = `[${UPPER}0-9][^\\s,.;:()*\\\\]*`;
const DISTRICT = new RegExp(`(?<![\\p{L}])(huyện|quận|thị xã|thành phố) (${WORD}(?: ${WORD})*)`, 'gu');
const resDir = path.join(src, 'resolutions');
let districtCount = 0;
for (const f of fs.readdirSync(resDir).filter((n) => /UBTVQH15\.md$/.test(n))) {
  const text = fs.readFileSync(path.join(resDir, f), 'utf8').normalize('NFC').replace(/\s+/g, ' ').replace(/\*/g, '');
  const title = /CỦA (?:TỈNH|THÀNH PHỐ) (.+?) NĂM 2025/u.exec(text);
  if (!title) continue;
  const newProv = title[1].toLowerCase();
  const olds = provinces.filter((p) => p.successors.some((s) => s.toLowerCase() === newProv));
  for (const m of text.matchAll(DISTRICT)) {
    const type = TYPE[m[1]];
    const name = m[2].trim();
    // "thành phố Hà Nội Trên cơ sở …": a province's name with a sentence's next word is no district
    if (olds.length === 0 || [...byName.keys()].some((k) => name.toLowerCase() === k || name.toLowerCase().startsWith(`${k} `))) continue;
    // which old province: the one with a commune or town of that name, else the first merged
    const owner = olds.find((p) => p.units.includes(`:${name}>`)) ?? (olds.length === 1 ? olds[0] : undefined);
    if (!owner) continue;
    const entry = `${type}:${name}`;
    if (!owner.districts.includes(entry)) {
      owner.districts.push(entry);
      districtCount++;
    }
  }
}

const out = {
  source:
    'Vietnam administrative units before 2025-07-01 (63 provinces; communes, wards, towns with their successors; districts named in the 2025 resolutions). Derived from dvhcvn units-2025-mapping (MIT), see units-history.LICENSE.',
  provinces: provinces.map((p) => ({ ...p, districts: p.districts.join('|') })),
};
fs.writeFileSync(path.join(root, 'data', 'units-history.json'), `${JSON.stringify(out)}\n`);
const licence = fs.readFileSync(path.join(src, 'LICENSE'), 'utf8');
fs.writeFileSync(
  path.join(root, 'data', 'units-history.LICENSE'),
  `data/units-history.json is derived from the dvhcvn units-2025-mapping data, under this licence:\n\n${licence}`,
);
const units = provinces.reduce((n, p) => n + p.units.split('|').length, 0);
console.log(`data/units-history.json: ${provinces.length} provinces, ${units} communes, ${districtCount} districts`);
