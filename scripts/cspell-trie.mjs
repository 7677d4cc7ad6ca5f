// A small reader of cspell's "TrieXv3" word-list format (the format of @cspell/dict-vi-vn),
// written from the format's description: a stream of characters (each a trie node under the
// current one), "$" ends a word and steps back one, "<" or a digit 2–9 after it steps back,
// "#n;" makes the current edge point at an earlier node (numbered in creation order, base given
// in the header), "\" escapes the next character. Returns the words.
import fs from 'node:fs';
import zlib from 'node:zlib';

export function readTrieWords(file) {
  const raw = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
  const at = text.indexOf('__DATA__');
  if (!text.startsWith('#') && !text.includes('TrieXv3')) throw new Error(`${file}: not a TrieXv3 file`);
  const base = Number(/base=(\d+)/.exec(text.slice(0, at))?.[1] ?? 10);
  const data = text.slice(text.indexOf('\n', at) + 1);
  const EOW = { end: true, kids: null };
  const root = { end: false, kids: new Map() };
  const nodes = [root, EOW];
  const stack = [{ node: root, edge: '' }]; // stack[d]: parent of the node at depth d and the edge to it
  let depth = 0;
  let cur = root;
  let mode = 'main';
  let ref = '';
  let escaped = false;
  const back = (n) => {
    depth -= n;
    cur = stack[depth + 1].node;
  };
  const insert = (ch) => {
    if (cur === EOW) {
      // a shared end node gets its own copy before it grows
      const s = stack[depth];
      cur = { end: true, kids: new Map() };
      s.node.kids.set(s.edge, cur);
      nodes.push(cur);
    }
    cur.kids ??= new Map();
    let next = cur.kids.get(ch);
    if (!next) cur.kids.set(ch, (next = { end: false, kids: null }));
    nodes.push(next);
    depth++;
    stack[depth] = { node: cur, edge: ch };
    cur = next;
  };
  for (const ch of data) {
    if (mode === 'ref') {
      if (ch === ';') {
        const s = stack[depth];
        s.node.kids.set(s.edge, nodes[parseInt(ref, base) + 1]);
        nodes.pop();
        mode = 'main';
        ref = '';
      } else ref += ch;
      continue;
    }
    if (escaped) {
      escaped = false;
      insert(ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch);
      continue;
    }
    if (mode === 'back') {
      if (ch === '<') {
        back(1);
        continue;
      }
      if (ch >= '2' && ch <= '9') {
        back(Number(ch) - 1);
        continue;
      }
      mode = 'main';
    }
    if (ch === '\n' || ch === '\r') continue;
    if (ch === '$') {
      if (!cur.kids || cur.kids.size === 0) {
        const s = stack[depth];
        s.node.kids.set(s.edge, EOW);
        if (nodes[nodes.length - 1] === cur) nodes.pop();
        cur = EOW;
      } else cur.end = true;
      back(1);
      mode = 'back';
    } else if (ch === '<') {
      back(1);
      mode = 'back';
    } else if (ch === '#') mode = 'ref';
    else if (ch === '\\') escaped = true;
    else insert(ch);
  }
  const words = [];
  const walk = (node, prefix) => {
    if (node.end) words.push(prefix);
    if (node.kids) for (const [c, n] of node.kids) walk(n, prefix + c);
  };
  walk(root, '');
  return words;
}
