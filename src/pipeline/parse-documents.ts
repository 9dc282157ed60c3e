/**
 * Stage 2, parse documents: YAML text into plain values that remember where they came from.
 *
 * js-yaml is used with its default (safe) schema, so custom tags such as `!!js/function` are
 * refused rather than executed. Positions come from the parser itself: its `listener` reports
 * where every node opens, and we keep a table of the nodes so later stages can ask "which line
 * declared edges.involves_role[2]?" without guessing.
 */
import yaml from 'js-yaml';
import { problem, type Problem } from './problems';

/** A 1-based line and column. */
export interface Pos {
  line: number;
  column: number;
}

/** A path into a parsed value: mapping keys and sequence indexes. */
export type ValuePath = readonly (string | number)[];

export interface ParsedDocument {
  /** File path relative to the atlas root. */
  file: string;
  /** 0-based index of the document within its file (empty documents count). */
  index: number;
  /** The document's value as js-yaml built it. */
  value: unknown;
  /** Where the document's content starts. */
  pos: Pos;
  /** Position of the value at `path` (of its key, for mapping entries); falls back to the nearest ancestor. */
  locate(path: ValuePath): Pos;
}

export interface ParseLimits {
  /** Largest number of values a document may expand to once aliases are followed. */
  maxNodes: number;
  /** Deepest nesting a document may have. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxNodes: 200_000, maxDepth: 64 };

/**
 * The parser's nodes in the order they open (depth first), as parallel arrays: the listener runs
 * for every YAML value, so it only appends numbers, and no object is made per node. A node's
 * subtree is the nodes after it up to `ends[node]`, so its children are found by skipping from
 * one subtree's end to the next.
 */
interface NodeTable {
  /** Where the parser began looking for the node (blanks and comments before it included). */
  starts: number[];
  /** The value the node became. */
  results: unknown[];
  /** The last node of the node's subtree (the node itself when it has no children). */
  ends: number[];
}

export interface ParseResult {
  documents: ParsedDocument[];
  problems: Problem[];
}

/**
 * Parses every YAML document of one file. A syntax error loses that file's documents (a half-read
 * file would silently drop records) and is reported at the parser's line and column.
 */
export function parseYamlDocuments(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const lines = new LineIndex(text);
  const nodes: NodeTable = { starts: [], results: [], ends: [] };
  const { starts, results, ends } = nodes;
  const open: number[] = [];
  const roots: number[] = [];

  const listener = (event: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (event === 'open') {
      open.push(starts.length);
      starts.push(state.position);
      results.push(undefined);
      ends.push(0);
      return;
    }
    const node = open.pop();
    if (node === undefined) return;
    results[node] = state.result;
    ends[node] = starts.length - 1;
    if (open.length === 0) roots.push(node);
  };

  let values: unknown[];
  try {
    // loadAll parses every document before handing any out, so a file is all or nothing.
    values = yaml.loadAll(text, undefined, { filename: file, listener: listener as unknown as yaml.LoadOptions['listener'] });
  } catch (err) {
    return { documents: [], problems: [syntaxProblem(file, err)] };
  }
  // One root frame per document; if the parser ever disagrees, match objects by identity.
  const aligned = roots.length === values.length;
  const raw = values.map((value, i) => ({
    value,
    root: aligned ? roots[i]! : (roots.find((r) => results[r] === value && typeof value === 'object') ?? null),
  }));

  const documents: ParsedDocument[] = [];
  const problems: Problem[] = [];
  raw.forEach(({ value, root }, index) => {
    const start = root !== null ? skipToContent(text, starts[root]!) : 0;
    const pos = lines.pos(start);
    if (value === null || value === undefined) return; // empty document
    const tooBig = measure(value, limits, text.includes('&'));
    if (tooBig) {
      problems.push(
        problem({
          code: 'yaml-too-complex',
          file,
          line: pos.line,
          column: pos.column,
          message: `Document ${index + 1} of ${file} ${tooBig}; it was refused.`,
        }),
      );
      return;
    }
    documents.push({
      file,
      index,
      value,
      pos,
      locate: (p) => lines.pos(skipToContent(text, root !== null ? locateNode(nodes, root, p) : 0)),
    });
  });
  return { documents, problems };
}

function syntaxProblem(file: string, err: unknown): Problem {
  if (err instanceof yaml.YAMLException) {
    const mark = err.mark as { line?: number; column?: number } | undefined;
    return problem({
      code: 'yaml-syntax',
      file,
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
      message: `YAML syntax error: ${err.reason}; no document of this file was loaded.`,
    });
  }
  // Stack overflows on pathological nesting land here rather than crashing the build.
  const why = err instanceof RangeError ? 'nesting is too deep to parse' : err instanceof Error ? err.message : String(err);
  return problem({
    code: err instanceof RangeError ? 'yaml-too-complex' : 'yaml-syntax',
    file,
    line: 1,
    column: 1,
    message: `${file} could not be parsed: ${why}; no document of this file was loaded.`,
  });
}

/**
 * Counts the values a document expands to, following aliases (js-yaml shares one object per
 * anchor, so a "billion laughs" file is small in memory until something walks it). Without an
 * `&` in the file there are no anchors, so nothing is shared and nothing needs remembering.
 */
function measure(value: unknown, limits: ParseLimits, mayShare: boolean): string | null {
  const sizes = mayShare ? new Map<object, number>() : null;
  let tooDeep = false;
  const walk = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return 1;
    if (depth > limits.maxDepth) {
      tooDeep = true;
      return Infinity;
    }
    const known = sizes?.get(v);
    if (known !== undefined) return known;
    sizes?.set(v, Infinity); // a cycle counts as unbounded
    let n = 1;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) {
      n += walk(child, depth + 1);
      if (n > limits.maxNodes) break;
    }
    sizes?.set(v, n);
    return n;
  };
  const total = walk(value, 0);
  if (tooDeep) return `nests deeper than ${limits.maxDepth} levels`;
  if (total > limits.maxNodes) return `expands to more than ${limits.maxNodes.toLocaleString('en-US')} values (aliases included)`;
  return null;
}

/** A node's children, in order. */
function childrenOf({ ends }: NodeTable, node: number): number[] {
  const kids: number[] = [];
  for (let kid = node + 1; kid <= ends[node]!; kid = ends[kid]! + 1) kids.push(kid);
  return kids;
}

/** Skips the wrapper nodes js-yaml opens when it tries a scalar as a mapping key first. */
function unwrap({ results, ends }: NodeTable, node: number): number {
  let n = node;
  // One child (its subtree ends where ours does), holding the same value, with children of its own.
  while (n < ends[n]! && ends[n + 1] === ends[n] && results[n + 1] === results[n] && ends[n + 1]! > n + 1) n++;
  return n;
}

/** Start offset of the node at `path`, or of its deepest ancestor that could be found. */
function locateNode(nodes: NodeTable, root: number, path: ValuePath): number {
  const { starts, results, ends } = nodes;
  let node = unwrap(nodes, root);
  let best = starts[node]!;
  for (const step of path) {
    const value = results[node];
    if (value === null || typeof value !== 'object' || ends[node] === node) break;
    const kids = childrenOf(nodes, node);
    let index = -1;
    let valueIndex = -1;
    if (Array.isArray(value)) {
      if (typeof step !== 'number') break;
      if (kids.length === value.length) index = valueIndex = step;
      else {
        const target: unknown = value[step];
        if (target !== null && typeof target === 'object') index = valueIndex = kids.findIndex((k) => results[k] === target);
      }
    } else {
      index = findKey(kids, results, value as Record<string, unknown>, String(step));
      valueIndex = index + 1;
    }
    if (index < 0 || index >= kids.length) break;
    best = starts[kids[index]!]!;
    const next = kids[valueIndex];
    if (next === undefined || ends[next] === next) break;
    node = unwrap(nodes, next);
  }
  return best;
}

/** Index of a mapping's key among its children (`kids`), which alternate key, value in key order. */
function findKey(kids: readonly number[], results: readonly unknown[], value: Record<string, unknown>, key: string): number {
  let p = 0;
  for (const k of Object.keys(value)) {
    while (p < kids.length && !sameKey(results[kids[p]!], k)) p++;
    if (p >= kids.length) return -1;
    if (k === key) return p;
    p += 2;
  }
  return -1;
}

function sameKey(result: unknown, key: string): boolean {
  return result !== null && typeof result !== 'object' && String(result) === key;
}

/** Skips blanks, line breaks and comments: the listener reports where a node's search began. */
function skipToContent(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) i++;
    else if (ch === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else break;
  }
  return i < text.length ? i : from;
}

/** Offsets to 1-based line/column, by binary search over line starts. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  pos(offset: number): Pos {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}
