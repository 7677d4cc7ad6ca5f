// Measure the typo rule, honestly and repeatably (npm run eval:typo):
//  - precision: flags on held-out law text (proofread: nearly every flag is a false alarm)
//    and on clean plans, per 10,000 syllables and per page;
//  - recall: errors injected with a fixed seed into held-out sentences (at most one per
//    sentence), per family, counted when found at the right place with the right suggestion;
//  - on real text (../shared/corpus/real-dev, the held-out fifth the model and lexicon never saw):
//    findings of typo and repeated-word per document, their precision on the findings read and
//    labelled in test/data/typo-labels.json, and recall on the kinds of typos readers found and the
//    rule missed, injected into those documents' sentences.
// Usage: npm run eval:typo [-- --json] [-- --verbose] [-- --subset] [-- --grid] [-- --misses] [-- --unlabelled]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyllableModel } from '../dist/src/typo/model.js';
import { checkTokens, DocumentCounts } from '../dist/src/typo/check.js';
import { tokenize } from '../dist/src/typo/tokens.js';
import { canonicalTone, parseSyllable, splitTone, syllableProblem, withTone, tonePlacements } from '../dist/src/typo/syllable.js';
import { heldOutFiles } from './typo-corpus.mjs';
import { rng } from './rng.mjs';
import { findRepeats } from '../dist/src/typo/repeat.js';
import { typoAdditions } from '../dist/src/typo/model.js';
import { builtinRuleMap, lintBytes, mergeLayers } from '../dist/src/index.js';
import { isHeldOut, realFiles, realParagraphs } from './typo-real.mjs';
import { inject, MISS_KINDS } from './typo-inject.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const corpus = path.join(shared, 'corpus', 'vlc');
const args = new Set(process.argv.slice(2));
const SYLLABLES_PER_PAGE = 450; // a typed A4 page of a plan

const t0 = performance.now();
const model = SyllableModel.load();
const loadMs = performance.now() - t0;

/** Check a document given as paragraphs; returns findings with their paragraph. */
let CONTEXT = process.env.TYPO_CONTEXT ? JSON.parse(process.env.TYPO_CONTEXT) : {};
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
function checkDoc(paragraphs, options = { context: CONTEXT }) {
  const documentPairs = new DocumentCounts();
  const toks = paragraphs.map((p) => tokenize(p));
  for (const t of toks) documentPairs.add(t, model);
  const out = [];
  let syllables = 0;
  toks.forEach((tokens, i) => {
    syllables += tokens.length;
    for (const f of checkTokens(tokens, model, { words: new Set(), documentPairs, context: CONTEXT, ...options })) out.push({ p: i, tokens, f });
  });
  return { findings: out, syllables };
}

function precisionOn(name, docs) {
  let errors = 0;
  let warnings = 0;
  let syllables = 0;
  const words = new Map();
  for (const paras of docs) {
    const r = checkDoc(paras);
    syllables += r.syllables;
    for (const { f } of r.findings) {
      if (f.confident) errors++;
      else warnings++;
      const k = `${f.kind}:${f.found.toLowerCase()}→${f.suggestions[0] ?? ''}`;
      words.set(k, (words.get(k) ?? 0) + 1);
    }
  }
  const per10k = (n) => (syllables ? (n * 10000) / syllables : 0);
  return {
    name,
    syllables,
    errors,
    warnings,
    errorsPer10k: +per10k(errors).toFixed(2),
    warningsPer10k: +per10k(warnings).toFixed(2),
    warningsPerPage: +((warnings * SYLLABLES_PER_PAGE) / Math.max(1, syllables)).toFixed(3),
    top: [...words.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15),
  };
}

// ----- corpora -----
// --subset: a third of the held-out files, for the test that holds the floors
const heldOut = (fs.existsSync(corpus) ? heldOutFiles(corpus) : []).filter((_, i) => !args.has('--subset') || i % 3 === 0);
const heldOutDocs = heldOut.map((f) =>
  fs
    .readFileSync(path.join(corpus, f), 'utf8')
    .normalize('NFC')
    .split('\n')
    .filter((l) => l.trim()),
);

// Our own clean plans, and the seed plans with their known typos corrected (read from ../shared, never stored).
const cleanPlans = fs
  .readdirSync(path.join(root, 'fixtures'))
  .filter((f) => f.endsWith('.md') && !f.includes('loi'))
  .map((f) => fs.readFileSync(path.join(root, 'fixtures', f), 'utf8').split(/\n\s*\n/));
const SEED_FIXES = [
  [/bồi cảnh/g, 'bối cảnh'], [/([Cc])ông thông tin/g, (m, c) => `${c === 'C' ? 'C' : 'c'}ổng thông tin`], [/Lòng ghép/g, 'Lồng ghép'],
  [/chuyên biến/g, 'chuyển biến'], [/tham\s+những/g, 'tham nhũng'], [/cô đọng trực quan/g, 'cổ động trực quan'], [/nền\s+tăng số/g, 'nền tảng số'],
];
const seedDir = path.join(shared, 'seeds');
const seedPlans = fs.existsSync(seedDir)
  ? fs.readdirSync(seedDir).sort().map((f) => SEED_FIXES.reduce((t, [re, s]) => t.replace(re, s), fs.readFileSync(path.join(seedDir, f), 'utf8')).split(/\n\s*\n|\t/))
  : [];

// ----- recall: inject one error per sentence -----
const FAMILIES = ['tone', 'vowel', 'initial', 'final', 'nonword'];
const VOWEL = { a: 'ăâ', ă: 'aâ', â: 'aă', e: 'ê', ê: 'e', o: 'ôơ', ô: 'oơ', ơ: 'oô', u: 'ư', ư: 'u' };
const INITIAL = [['ch', 'tr'], ['s', 'x'], ['d', 'gi', 'r'], ['l', 'n']];
const FINAL = [[/ng$/, 'n'], [/n$/, 'ng'], [/c$/, 't'], [/t$/, 'c'], [/ch$/, 't'], [/nh$/, 'n']];

function variants(family, w) {
  const p = parseSyllable(w);
  if (!p) return [];
  const out = [];
  const { base, tone } = splitTone(w);
  const put = (b, t) => {
    const q = parseSyllable(b);
    if (!q) return;
    const places = tonePlacements(q.onset, q.rhyme);
    out.push(withTone(b, t, places[places.length - 1]));
  };
  if (family === 'tone') for (let t = 0; t < 6; t++) if (t !== tone) put(base, t);
  if (family === 'vowel') {
    [...p.rhyme].forEach((c, i) => {
      for (const v of VOWEL[c] ?? '') put(p.onset + p.rhyme.slice(0, i) + v + p.rhyme.slice(i + 1), tone);
    });
  }
  if (family === 'initial') for (const g of INITIAL) if (g.includes(p.onset)) for (const o of g) if (o !== p.onset) put(o + p.rhyme, tone);
  if (family === 'final') for (const [re, s] of FINAL) if (re.test(p.rhyme)) put(p.onset + p.rhyme.replace(re, s), tone);
  if (family === 'nonword') {
    // a misplaced tone, a dropped or doubled letter: shapes no Vietnamese syllable has
    const chars = [...w.normalize('NFC')];
    for (let i = 0; i < chars.length; i++) out.push([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
    for (let i = 0; i < chars.length; i++) out.push([...chars.slice(0, i + 1), chars[i], ...chars.slice(i + 1)].join(''));
    if (tone > 0) for (let k = 0; k < base.length; k++) out.push(withTone(base, tone, k));
    return out.filter((x) => x && syllableProblem(x));
  }
  // a real-word error: the result is a syllable people write
  return out.filter((x) => canonicalTone(x) !== canonicalTone(w) && !syllableProblem(x) && model.known(canonicalTone(x)));
}

function recall(docs = heldOutDocs) {
  const r = rng(20261122);
  const stats = Object.fromEntries(FAMILIES.map((f) => [f, { injected: 0, found: 0, rightSuggestion: 0 }]));
  let falseElsewhere = 0;
  let sentences = 0;
  for (const doc of docs) {
    const lines = doc.flatMap((l) => l.split(/(?<=[.;])\s+/)).filter((l) => tokenize(l).length >= 6);
    const injected = [];
    for (const line of lines) {
      if (r() > 0.5) {
        injected.push(line);
        continue;
      }
      const tokens = tokenize(line);
      const family = FAMILIES[Math.floor(r() * FAMILIES.length)];
      const order = tokens.map((_, i) => i).sort(() => r() - 0.5);
      let done = false;
      for (const i of order) {
        const t = tokens[i];
        if (t.caseForm !== 'lower' || syllableProblem(t.lower)) continue;
        const vs = variants(family, t.lower);
        if (!vs.length) continue;
        const v = vs[Math.floor(r() * vs.length)];
        injected.push({ text: line.slice(0, t.start) + v + line.slice(t.end), at: t.start, len: v.length, original: t.lower, family });
        done = true;
        break;
      }
      if (!done) injected.push(line);
    }
    const paras = injected.map((x) => (typeof x === 'string' ? x : x.text));
    sentences += paras.length;
    const { findings } = checkDoc(paras);
    const byPara = new Map();
    for (const x of findings) {
      const list = byPara.get(x.p) ?? [];
      list.push(x);
      byPara.set(x.p, list);
    }
    injected.forEach((x, i) => {
      const fs_ = byPara.get(i) ?? [];
      if (typeof x === 'string') return;
      stats[x.family].injected++;
      let hit = false;
      const missedBefore = stats[x.family].found;
      for (const { f, tokens } of fs_) {
        const s = tokens[f.start].start;
        const e = tokens[f.end - 1].end;
        if (s <= x.at && e >= x.at + x.len) {
          hit = true;
          stats[x.family].found++;
          if (f.suggestions.some((sg) => canonicalTone(sg.toLowerCase()) === canonicalTone(x.original))) stats[x.family].rightSuggestion++;
        } else falseElsewhere++;
      }
      if (args.has('--misses') && stats[x.family].found === missedBefore && (args.has('--nonword') ? x.family === 'nonword' : x.family !== 'nonword') && Math.random() < 0.05) {
        const around = x.text.slice(Math.max(0, x.at - 25), x.at + x.len + 25);
        console.log(`MISS ${x.family}: ${x.original}→${x.text.slice(x.at, x.at + x.len)} | ${around}`);
      }
      void hit;
    });
  }
  const realWord = FAMILIES.filter((f) => f !== 'nonword').reduce((a, f) => ({ injected: a.injected + stats[f].injected, rightSuggestion: a.rightSuggestion + stats[f].rightSuggestion, found: a.found + stats[f].found }), { injected: 0, found: 0, rightSuggestion: 0 });
  return { stats, realWord, falseElsewhere, sentences };
}

// ----- real text: the held-out fifth of real-dev -----
const realDir = path.join(shared, 'corpus', 'real-dev');
const labelsFile = path.join(root, 'test', 'data', 'typo-labels.json');
const REAL_RULES = ['typo', 'repeated-word'];

/** A finding's place for a label: up to three words either side, no more of the document. */
export function neighbours(paragraph, start, len) {
  const before = paragraph.slice(Math.max(0, start - 60), start).split(/\s+/).filter(Boolean).slice(-3).join(' ');
  const after = paragraph.slice(start + len, start + len + 60).split(/\s+/).filter(Boolean).slice(0, 3).join(' ');
  return `${before} ⟦${paragraph.slice(start, start + len)}⟧ ${after}`.trim();
}

async function realPrecision() {
  const files = realFiles(realDir).filter((_, i) => isHeldOut(i));
  const rules = new Map([...builtinRuleMap()].filter(([id]) => REAL_RULES.includes(id)));
  const config = mergeLayers([], {});
  const labels = fs.existsSync(labelsFile) ? JSON.parse(fs.readFileSync(labelsFile, 'utf8')).labels : [];
  const verdict = new Map(labels.map((l) => [`${l.file}|${l.rule}|${l.context}`, l.verdict]));
  const findings = [];
  for (const f of files) {
    const file = path.join(realDir, f);
    const res = await lintBytes({ filePath: file, bytes: fs.readFileSync(file), config, rules });
    const paras = await realParagraphs(file);
    for (const m of res.messages) {
      if (m.fatal || !m.ruleId) continue;
      const context = neighbours(paras[m.line - 1] ?? '', m.column - 1, (m.text ?? '').length);
      findings.push({ file: f, rule: m.ruleId, word: m.text, suggestion: m.suggestions?.[0]?.text ?? '', severity: m.severity === 2 ? 'error' : 'warning', context, verdict: verdict.get(`${f}|${m.ruleId}|${context}`) });
    }
  }
  const tally = (sev) => {
    const all = findings.filter((x) => x.severity === sev);
    const read = all.filter((x) => x.verdict);
    const typos = read.filter((x) => x.verdict === 'typo').length;
    return { count: all.length, labelled: read.length, typos, precision: read.length ? +((100 * typos) / read.length).toFixed(1) : null };
  };
  const perDoc = (rule, sev) => +(findings.filter((x) => x.rule === rule && x.severity === sev).length / Math.max(1, files.length)).toFixed(2);
  return {
    documents: files.length,
    perDocument: Object.fromEntries(REAL_RULES.map((r) => [r, { errors: perDoc(r, 'error'), warnings: perDoc(r, 'warning') }])),
    errors: tally('error'),
    warnings: tally('warning'),
    unlabelled: findings.filter((x) => !x.verdict),
    falseAlarms: findings.filter((x) => x.verdict === 'correct'),
  };
}

/** Recall on the kinds of typos readers found and the rule missed, injected into held-out real-dev sentences. */
async function realRecall() {
  const r = rng(20261123);
  const { reduplications } = typoAdditions();
  const stats = Object.fromEntries(MISS_KINDS.map((k) => [k, { injected: 0, found: 0, rightSuggestion: 0, rightFirst: 0 }]));
  let falseElsewhere = 0;
  const files = realFiles(realDir).filter((_, i) => isHeldOut(i));
  for (const f of files) {
    const paras = await realParagraphs(path.join(realDir, f));
    const lines = paras.flatMap((l) => l.split(/(?<=[.;])\s+/)).filter((l) => tokenize(l).length >= 6);
    const out = lines.map((line, n) => {
      if (r() > 0.5) return line;
      const kind = MISS_KINDS[n % MISS_KINDS.length];
      const x = inject(kind, line, tokenize(line), model, r);
      return x ? { ...x, kind } : line;
    });
    const texts = out.map((x) => (typeof x === 'string' ? x : x.text));
    const documentPairs = new DocumentCounts();
    const toks = texts.map((t) => tokenize(t));
    for (const t of toks) documentPairs.add(t, model);
    toks.forEach((tokens, i) => {
      const x = out[i];
      if (typeof x === 'string') return;
      stats[x.kind].injected++;
      const spans = [
        ...checkTokens(tokens, model, { words: new Set(), documentPairs }).map((fd) => ({ s: tokens[fd.start].start, e: tokens[fd.end - 1].end, sug: fd.suggestions })),
        ...findRepeats(tokens, model, reduplications).map((rp) => ({ s: tokens[rp.first].start, e: tokens[rp.end - 1].end, sug: [texts[i].slice(tokens[rp.first].start, tokens[rp.copy - 1].end)] })),
      ];
      let hit = false;
      for (const sp of spans) {
        if (sp.s <= x.at && sp.e >= x.at + x.len) {
          if (!hit) {
            stats[x.kind].found++;
            if (sp.sug.some((sg) => canonicalTone(sg.toLowerCase()) === canonicalTone(x.expected.toLowerCase()))) stats[x.kind].rightSuggestion++;
            if (sp.sug.length && canonicalTone(sp.sug[0].toLowerCase()) === canonicalTone(x.expected.toLowerCase())) stats[x.kind].rightFirst++;
          }
          hit = true;
        } else falseElsewhere++;
      }
      if (!hit && args.has('--misses') && r() < 0.2) console.log(`MISS ${x.kind}: ${x.original} → ${x.text.slice(x.at, x.at + x.len)} | ${x.text.slice(Math.max(0, x.at - 30), x.at + x.len + 30)}`);
    });
  }
  return { stats, falseElsewhere };
}

// ----- run -----
if (!heldOutDocs.length) {
  console.error(`eval:typo needs the law corpus in ${corpus}`);
  process.exit(2);
}
if (args.has('--grid')) {
  // threshold search on a third of the held-out files (the table below uses them all)
  const sub = heldOutDocs.filter((_, i) => i % 3 === 0);
  for (const ratio of [100, 500]) for (const wordDice of [0.05, 0.1, 0.2]) for (const wordSupport of [10, 20, 50]) {
    CONTEXT = { ratio, wordDice, wordSupport };
    const rr = recall(sub);
    const pl = precisionOn('laws', sub);
    const pp = precisionOn('plans', [...cleanPlans, ...seedPlans]);
    console.log(JSON.stringify({ ratio, wordDice, wordSupport, realWord: pct(rr.realWord.rightSuggestion, rr.realWord.injected), lawErr10k: pl.errorsPer10k, lawWarn10k: pl.warningsPer10k, planErr: pp.errors, planWarnPage: pp.warningsPerPage }));
  }
  process.exit(0);
}
const precision = [precisionOn('held-out laws', heldOutDocs), precisionOn('own clean plans', cleanPlans)];
if (seedPlans.length) precision.push(precisionOn('seed plans, typos corrected', seedPlans));
const rec = recall();

// speed: the rule's check alone over the held-out text
const t1 = performance.now();
for (const doc of heldOutDocs.slice(0, 10)) checkDoc(doc);
const checkMs = performance.now() - t1;
const checkedSyllables = heldOutDocs.slice(0, 10).reduce((n, d) => n + d.reduce((m, l) => m + tokenize(l).length, 0), 0);

const real = fs.existsSync(realDir) ? { precision: await realPrecision(), recall: await realRecall() } : undefined;
const kindsFound = real ? MISS_KINDS.filter((k) => real.recall.stats[k].rightSuggestion >= 0.5 * real.recall.stats[k].injected) : [];

const result = {
  model: { loadMs: +loadMs.toFixed(1), syllables: model.tokens, heldOutFiles: heldOut.length },
  real: real && {
    documents: real.precision.documents,
    perDocument: real.precision.perDocument,
    errorPrecision: real.precision.errors,
    warningPrecision: real.precision.warnings,
    unlabelled: real.precision.unlabelled.length,
    recall: Object.fromEntries(Object.entries(real.recall.stats).map(([k, v]) => [k, { ...v, recall: pct(v.rightSuggestion, v.injected) }])),
    kindsFound: `${kindsFound.length}/${MISS_KINDS.length}`,
    flagsElsewhere: real.recall.falseElsewhere,
  },
  precision: precision.map(({ top, ...p }) => p),
  recall: Object.fromEntries(Object.entries(rec.stats).map(([k, v]) => [k, { ...v, recall: pct(v.rightSuggestion, v.injected) }])),
  realWordRecall: pct(rec.realWord.rightSuggestion, rec.realWord.injected),
  nonWordRecall: pct(rec.stats.nonword.rightSuggestion, rec.stats.nonword.injected),
  nonWordDetected: pct(rec.stats.nonword.found, rec.stats.nonword.injected),
  speed: { syllablesPerMs: +(checkedSyllables / checkMs).toFixed(1) },
};

if (args.has('--unlabelled')) {
  // the findings still to read, as label entries to complete (verdict: "typo" or "correct")
  for (const u of real?.precision.unlabelled ?? []) console.log(JSON.stringify({ file: u.file, rule: u.rule, word: u.word, context: u.context, suggestion: u.suggestion, severity: u.severity, verdict: '' }));
  process.exit(0);
}
if (args.has('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`model: loaded in ${result.model.loadMs} ms; ${model.tokens} syllables of laws; ${heldOut.length} files held out\n`);
  console.log('precision (flags on text without typos)');
  console.log('  corpus                          syllables   errors  warnings  err/10k  warn/10k  warn/page');
  for (const p of precision) {
    console.log(`  ${p.name.padEnd(30)} ${String(p.syllables).padStart(10)} ${String(p.errors).padStart(8)} ${String(p.warnings).padStart(9)} ${String(p.errorsPer10k).padStart(8)} ${String(p.warningsPer10k).padStart(9)} ${String(p.warningsPerPage).padStart(10)}`);
    if (args.has('--verbose')) for (const [k, n] of p.top) console.log(`      ${n}× ${k}`);
  }
  console.log('\nrecall (one injected error per sentence, fixed seed; found at the place with the right suggestion)');
  console.log('  family      injected   found  right suggestion  recall');
  for (const [k, v] of Object.entries(rec.stats)) console.log(`  ${k.padEnd(10)} ${String(v.injected).padStart(9)} ${String(v.found).padStart(7)} ${String(v.rightSuggestion).padStart(17)}  ${pct(v.rightSuggestion, v.injected)}`);
  console.log(`  real-word (tone, vowel, initial, final): ${result.realWordRecall}; non-word: ${result.nonWordRecall} (detected ${result.nonWordDetected})`);
  console.log(`  flags elsewhere in the injected sentences: ${rec.falseElsewhere} over ${rec.sentences} sentences`);
  console.log(`\nspeed: ${result.speed.syllablesPerMs} syllables/ms for the check alone`);
  if (real) {
    const rp = real.precision;
    console.log(`\nreal text: ${rp.documents} held-out documents of real-dev (every fifth; never seen by the model or the lexicon)`);
    for (const [rule, v] of Object.entries(rp.perDocument)) console.log(`  ${rule.padEnd(14)} ${v.errors} errors, ${v.warnings} warnings a document`);
    const show = (name, t) => console.log(`  ${name}: ${t.count}, labelled ${t.labelled}, typos ${t.typos} — precision ${t.precision ?? '—'}%`);
    show('errors  ', rp.errors);
    show('warnings', rp.warnings);
    if (rp.unlabelled.length) console.log(`  ${rp.unlabelled.length} findings not labelled yet (npm run eval:typo -- --unlabelled)`);
    if (args.has('--verbose')) for (const f of rp.falseAlarms) console.log(`    false: ${f.file} ${f.rule} ${f.context}`);
    console.log('  recall on injected typos of the kinds readers found (right place, right suggestion; right first: the first suggestion is the right one, share of those found):');
    for (const [k, v] of Object.entries(real.recall.stats)) console.log(`    ${k.padEnd(11)} ${String(v.injected).padStart(6)} injected ${String(v.found).padStart(6)} found ${String(v.rightSuggestion).padStart(6)} right  ${pct(v.rightSuggestion, v.injected)}  right first ${pct(v.rightFirst, v.found)}`);
    console.log(`  kinds found (half or more): ${result.real.kindsFound}; flags elsewhere in the injected sentences: ${real.recall.falseElsewhere}`);
  }
}
