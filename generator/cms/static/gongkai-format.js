// The CMS's YAML format: what `gongkai fmt` would write, with the file's comments and untouched lines kept.
//
// Decap CMS hands a format only the entry's data, so the file's text is remembered when it is read (by kind and
// id) and the edit is applied to that document: unchanged values keep their nodes (quotes, flow style, comments),
// keys follow the models' order (the CMS fields are generated in that order), and new values are laid out the way
// ruamel.yaml lays them out in `fmt` (mapping indent 2, sequence indent 4 with offset 2, no folding).
// The same module runs in the browser (import map: yaml → vendor copy) and in Node for the tests.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

const PARSE = { version: '1.2', uniqueKeys: true, prettyErrors: true };
const LAYOUT = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

// Plain scalars that ruamel.yaml (YAML 1.2 as it implements it, and so `check`) reads as something other than
// text; the yaml library would write some of them (1_000, 0b1, 0o7) plain. Same patterns as generator/fastyaml.py.
const NOT_TEXT = [
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:<<|=)$/,
];

export function readsAsText(text) {
  return !NOT_TEXT.some((pattern) => pattern.test(text));
}

// Field order tree from the CMS fields: { order: [names], children: {name: tree} }.
export function orderTree(fields) {
  const tree = { order: [], children: {} };
  for (const field of fields || []) {
    tree.order.push(field.name);
    if (field.fields) tree.children[field.name] = orderTree(field.fields);  // an object, or a list of objects
  }
  return tree;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function isEmpty(value) {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

function sameValue(a, b) {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

// What the form holds, minus blank values (the form keeps "" and [] for fields nobody filled in). Text is trimmed
// as the models do. A value equal to the model's default is written when the editor chose it: the file says what
// the department said, and an unstated value stays unstated (the forms set no defaults).
export function clean(value, original, tree) {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) {
    return value.map((item, i) => clean(item, original?.[i], tree)).filter((item) => !isEmpty(item));
  }
  if (!isObject(value)) return value;
  const out = {};
  for (const [key, raw] of Object.entries(value)) {
    const had = isObject(original) && key in original;
    const item = clean(raw, had ? original[key] : undefined, tree?.children?.[key]);
    if (isEmpty(item)) {
      if (had && isEmpty(original[key])) out[key] = original[key];  // `x: []` or `x:` in the file stays
      continue;
    }
    out[key] = item;
  }
  return out;
}

function quoteIfNeeded(node) {
  if (isScalar(node) && typeof node.value === 'string' && !readsAsText(node.value)) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

function fresh(doc, value) {
  const node = doc.createNode(value);
  if (isScalar(node)) return quoteIfNeeded(node);
  visit(node, { Scalar: (_, scalar) => { quoteIfNeeded(scalar); } });
  return node;
}

function keyOf(pair) {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

// Known keys in model order, unknown keys after them in their own order (as generator/editor/fmt.py reorders).
function reorder(map, tree) {
  if (!tree) return;
  const rank = new Map(tree.order.map((name, i) => [name, i]));
  const ranked = map.items.map((pair, i) => [rank.has(keyOf(pair)) ? rank.get(keyOf(pair)) : tree.order.length, i, pair]);
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  map.items = ranked.map((entry) => entry[2]);
}

function updateMap(doc, node, value, original, tree) {
  const map = isMap(node) ? node : new YAMLMap(doc.schema);
  map.items = map.items.filter((pair) => keyOf(pair) in value);
  for (const [key, item] of Object.entries(value)) {
    const pair = map.items.find((p) => keyOf(p) === key);
    const child = tree?.children?.[key];
    if (pair) pair.value = update(doc, pair.value, item, original?.[key], child);
    else map.items.push(new Pair(new Scalar(key), update(doc, null, item, undefined, child)));
  }
  reorder(map, tree);
  return map;
}

function updateSeq(doc, node, value, original, tree) {
  const seq = isSeq(node) ? node : new YAMLSeq(doc.schema);
  seq.items = seq.items.slice(0, value.length);
  value.forEach((item, i) => {
    seq.items[i] = update(doc, seq.items[i] ?? null, item, Array.isArray(original) ? original[i] : undefined, tree);
  });
  return seq;
}

// An unchanged value keeps its node; only its keys are put in order, as `fmt` would.
function reorderDeep(node, tree) {
  if (isMap(node)) {
    reorder(node, tree);
    for (const pair of node.items) reorderDeep(pair.value, tree?.children?.[keyOf(pair)]);
  } else if (isSeq(node)) {
    for (const item of node.items) reorderDeep(item, tree);
  }
  return node;
}

function update(doc, node, value, original, tree) {
  if (node && original !== undefined && sameValue(original, value)) return reorderDeep(node, tree);
  if (Array.isArray(value)) return updateSeq(doc, node, value, original, tree);
  if (isObject(value)) return updateMap(doc, node, value, original, tree);
  if (isScalar(node) && typeof node.value === typeof value && !(typeof value === 'string' && value.includes('\n'))) {
    node.value = value;  // keeps the node's quotes unless the new text needs them
    if (node.type === Scalar.PLAIN || node.type === undefined) return quoteIfNeeded(node);
    return node;
  }
  return fresh(doc, value);
}

// The yaml library writes one space before a comment at the end of a line; ruamel.yaml (and so `fmt`) keeps the
// spaces the file had. Lines that differ from a line of the source only there get the source's line back.
const COMMENT_GAP = /[ \t]+#(?=[^\n]*$)/;

function keepCommentGaps(source, text) {
  const lines = new Map();
  for (const line of source.split('\n')) {
    if (!COMMENT_GAP.test(line)) continue;
    const key = line.replace(COMMENT_GAP, ' #');
    lines.set(key, lines.has(key) && lines.get(key) !== line ? null : line);  // ambiguous: leave it
  }
  return text.split('\n').map((line) => lines.get(line) ?? line).join('\n');
}

// The file's text for `data`, applied to `source` (the text read from the file; null for a new file).
export function formatRecord(source, data, tree) {
  const doc = source ? parseDocument(source, PARSE) : new Document({}, PARSE);
  if (doc.errors.length) throw doc.errors[0];
  const original = source ? doc.toJS() : undefined;
  const value = clean(data, original, tree);
  doc.contents = update(doc, doc.contents, value, original, tree);
  const text = doc.toString(LAYOUT);
  return source ? keepCommentGaps(source, text) : text;
}

export function parseRecord(text) {
  const doc = parseDocument(text, PARSE);
  if (doc.errors.length) throw doc.errors[0];
  const data = doc.toJS();
  return isObject(data) ? data : {};
}

// A Decap custom format for one record kind: remembers each file's text by id to apply edits to it.
export function recordFormat(fields) {
  const tree = orderTree(fields);
  const sources = new Map();
  return {
    fromFile(text) {
      const data = parseRecord(text);
      if (typeof data.id === 'string') sources.set(data.id, text);
      return data;
    },
    toFile(data) {
      const source = typeof data?.id === 'string' ? sources.get(data.id) ?? null : null;
      return formatRecord(source, data, tree);
    },
  };
}
