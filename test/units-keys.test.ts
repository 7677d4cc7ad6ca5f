// The gazetteers' name keys: the letter-table nameKey agrees with the definition by Unicode
// normalisation, and data/units-keys.json (built by scripts/build-units-keys.mjs) holds the keys of
// the data files as they are now.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteer, history, nameKey, nameKeyByNormalization, unitKeys } from '../src/extract/units.js';
import { ROOT } from './helpers.js';

const data = <T,>(name: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, 'data', name), 'utf8')) as T;
const units = data<{ provinces: { name: string; units: string }[] }>('units.json');
const hist = data<{ provinces: { name: string; successors: string[]; units: string; districts: string }[] }>('units-history.json');

/** Every name the two data files hold: provinces, units, old units, successors and districts. */
function allNames(): string[] {
  const names: string[] = [];
  for (const p of units.provinces) names.push(p.name, ...p.units.split('|').map((e) => e.slice(2)));
  for (const p of hist.provinces) {
    names.push(p.name, ...p.successors);
    for (const e of p.units.split('|')) {
      const [old, succ = ''] = e.split('>');
      names.push(old!.slice(2), ...succ.split(';').map((s) => s.slice(2)));
    }
    names.push(...p.districts.split('|').map((d) => d.slice(2)));
  }
  return names;
}

describe('nameKey', () => {
  it('moves tone marks to the end of each syllable and folds case, spaces and composition', () => {
    expect(nameKey('Hoà  Bình')).toBe(nameKey('HÒA BÌNH'));
    expect(nameKey('Hòa\u00a0Bình')).toBe(nameKey('hòa bình'));
    expect(nameKey('Ho\u0300a Bi\u0300nh')).toBe(nameKey('Hòa Bình'));
    expect(nameKey('Hòa Bình')).toBe('hoa\u0300 binh\u0300');
    expect(nameKey('Hòa Bình')).not.toBe(nameKey('Hóa Bình'));
  });

  it('equals the key by normalisation on every name of the gazetteers, in capitals and decomposed too', () => {
    const names = allNames();
    expect(names.length).toBeGreaterThan(20_000);
    const odd = ['İstanbul', 'Ωmega Δ', '日本 区', 'e\u0302\u0301 ê\u0301', 'ǘ Ǹ', 'a\u0323\u0302', ' Quận  1 ', '', 'Ỷ Lan', 'Đắk Lắk', 'ﬁ'];
    const differ = [...names, ...names.map((n) => n.toUpperCase()), ...names.map((n) => n.normalize('NFD')), ...odd].filter((n) => nameKey(n) !== nameKeyByNormalization(n));
    expect(differ).toEqual([]);
  });
});

describe('data/units-keys.json', () => {
  it('holds the keys of data/units.json and data/units-history.json (rebuild: npm run build:units-keys)', () => {
    expect(data('units-keys.json')).toEqual(unitKeys(units as never, hist as never));
  });

  it('indexes the units, current and old, by key in code-unit order (looked up by halves), pairs of numbers for each', () => {
    const stored = unitKeys(units as never, hist as never);
    const cases = [
      { index: stored.current.units, table: gazetteer().byName, least: 2500 },
      { index: stored.history.units, table: history().units, least: 5000 },
    ];
    for (const { index, table, least } of cases) {
      const k = index.keys.split('|');
      const r = index.refs.split('|');
      expect(k.length).toBeGreaterThan(least);
      expect(r).toHaveLength(k.length);
      for (let i = 1; i < k.length; i++) expect(k[i - 1]! < k[i]!, `${k[i - 1]} / ${k[i]}`).toBe(true);
      for (const x of r) expect(x.split(',').length % 2).toBe(0);
      // every key is found, the first and the last too
      for (const key of [k[0]!, k[k.length - 1]!, ...k.filter((_, i) => i % 97 === 0)]) expect(table.has(key), key).toBe(true);
    }
  });

  it('the tables built from it key every unit by its name', () => {
    const g = gazetteer();
    expect(g.units.length).toBe(units.provinces.reduce((n, p) => n + p.units.split('|').length, 0));
    for (const u of g.units) expect(g.byName.get(nameKey(u.name))).toContain(u);
    for (const p of g.provinces) expect(g.provinceByName.get(nameKey(p.name))).toBe(p);
    // a hyphenated name's first part, for names written without their second part
    const heads = new Set(g.units.filter((u) => u.name.includes(' - ')).map((u) => nameKey(u.name.split(' - ')[0]!)));
    expect(heads.size).toBeGreaterThan(0);
    expect(g.hyphenHeads()).toEqual(heads);
    expect(g.byName.get(nameKey('Không Có Phường Này'))).toBeUndefined();
    const h = history();
    // every old unit, walked by province, is found by its name's key; and each key's list holds only units of that name
    let count = 0;
    for (const [pk, list] of h.byProvince) {
      expect(h.provinces.has(pk)).toBe(true);
      for (const o of list) {
        const named = h.units.get(nameKey(o.name))!;
        expect(named).toContain(o);
        for (const x of named) expect(nameKey(x.name)).toBe(nameKey(o.name));
        count++;
      }
    }
    expect(count).toBe(hist.provinces.reduce((n, p) => n + p.units.split('|').length + p.districts.split('|').filter(Boolean).length, 0));
    expect(h.units.has(nameKey('Phúc Xá'))).toBe(true);
    expect(h.units.get(nameKey('Không Có Xã Này'))).toBeUndefined();
    const phucXa = h.units.get(nameKey('Phúc Xá'))?.find((o) => o.province === 'Hà Nội');
    expect(phucXa).toMatchObject({ type: 'phường', name: 'Phúc Xá', province: 'Hà Nội' });
    expect(phucXa?.successors).toEqual([{ type: 'phường', name: 'Hồng Hà' }]);
    const district = h.units.get(nameKey('Ba Vì'))?.find((o) => o.type === 'huyện');
    expect(district?.successors).toEqual([]);
  });
});
