// Build data/units.json, the compact gazetteer shipped with plan-lint, from the
// official list of units in force since 1 July 2025 (../shared/data/units-2025.json).
// Usage: npm run build:units [-- path/to/units-2025.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? path.resolve(root, '..', 'shared', 'data', 'units-2025.json');
const data = JSON.parse(fs.readFileSync(src, 'utf8'));
const TYPE = { 'phường': 'p', 'xã': 'x', 'đặc khu': 'd' };
const strip = (name, type) => name.normalize('NFC').replace(new RegExp(`^${type}\\s+`, 'iu'), '').trim();
const provinces = data.provinces.map((p) => {
  const type = p.type === 'tỉnh' ? 'tỉnh' : 'thành phố';
  return {
    name: strip(p.name, type),
    type,
    code: p.code,
    // "p:Ba Đình|x:…": type letter and name, in the source's order
    units: p.units.map((u) => `${TYPE[u.type] ?? '?'}:${strip(u.name, u.type)}`).join('|'),
  };
});
const out = {
  source: 'Vietnam administrative units in force from 2025-07-01 (34 provinces; communes, wards, special zones). Names only.',
  provinces,
};
fs.writeFileSync(path.join(root, 'data', 'units.json'), `${JSON.stringify(out)}\n`);
const count = provinces.reduce((n, p) => n + p.units.split('|').length, 0);
console.log(`data/units.json: ${provinces.length} provinces, ${count} units`);
