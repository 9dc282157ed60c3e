/**
 * Stage 2, parse documents: YAML text into plain values that remember where they came from.
 *
 * js-yaml is used with its default (safe) schema, so custom tags such as `!!js/function` are
 * refused rather than executed. Positions come from the parser itself: its `listener` reports
 * where every node opens, and we keep that tree of frames so later stages can ask "which line
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
 * The parser's tree, kept lean because it has a node per YAML value: scalars get no object of
 * their own, only an entry in their parent's parallel arrays.
 */
interface Frame {
  start: number;
  result: unknown;
  kids: Kids | null;
}
interface Kids {
  starts: number[];
  results: unknown[];
  /** The child's own frame when it has children itself, else null. */
  frames: (Frame | null)[];
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
  const startStack: number[] = [];
  const kidsStack: (Kids | null)[] = [];
  const roots: Frame[] = [];

  const listener = (event: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (event === 'open') {
      startStack.push(state.position);
      kidsStack.push(null);
      return;
    }
    if (startStack.length === 0) return;
    const start = startStack.pop()!;
    const kids = kidsStack.pop()!;
    const result = state.result;
    const depth = kidsStack.length;
    if (depth === 0) {
      roots.push({ start, result, kids });
      return;
    }
    let parent = kidsStack[depth - 1];
    if (!parent) parent = kidsStack[depth - 1] = { starts: [], results: [], frames: [] };
    parent.starts.push(start);
    parent.results.push(result);
    parent.frames.push(kids ? { start, result, kids } : null);
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
    root: aligned ? roots[i]! : (roots.find((r) => r.result === value && typeof value === 'object') ?? null),
  }));

  const documents: ParsedDocument[] = [];
  const problems: Problem[] = [];
  raw.forEach(({ value, root }, index) => {
    const start = root ? skipToContent(text, root.start) : 0;
    const pos = lines.pos(start);
    if (value === null || value === undefined) return; // empty document
    const tooBig = measure(value, limits);
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
      locate: (p) => lines.pos(skipToContent(text, root ? locateFrame(root, p) : 0)),
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
 * anchor, so a "billion laughs" file is small in memory until something walks it).
 */
function measure(value: unknown, limits: ParseLimits): string | null {
  const sizes = new Map<object, number>();
  let tooDeep = false;
  const walk = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return 1;
    if (depth > limits.maxDepth) {
      tooDeep = true;
      return Infinity;
    }
    const known = sizes.get(v);
    if (known !== undefined) return known;
    sizes.set(v, Infinity); // a cycle counts as unbounded
    let n = 1;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) {
      n += walk(child, depth + 1);
      if (n > limits.maxNodes) break;
    }
    sizes.set(v, n);
    return n;
  };
  const total = walk(value, 0);
  if (tooDeep) return `nests deeper than ${limits.maxDepth} levels`;
  if (total > limits.maxNodes) return `expands to more than ${limits.maxNodes.toLocaleString('en-US')} values (aliases included)`;
  return null;
}

/** Drops the wrapper frames js-yaml opens when it tries a scalar as a mapping key first. */
function unwrap(frame: Frame): Frame {
  let f = frame;
  while (f.kids && f.kids.results.length === 1 && f.kids.results[0] === f.result && f.kids.frames[0]) f = f.kids.frames[0];
  return f;
}

/** Start offset of the node at `path`, or of its deepest ancestor that could be found. */
function locateFrame(root: Frame, path: ValuePath): number {
  let frame = unwrap(root);
  let best = frame.start;
  for (const step of path) {
    const value = frame.result;
    const kids = frame.kids;
    if (value === null || typeof value !== 'object' || !kids) break;
    let index = -1;
    let valueIndex = -1;
    if (Array.isArray(value)) {
      if (typeof step !== 'number') break;
      if (kids.results.length === value.length) index = valueIndex = step;
      else {
        const target: unknown = value[step];
        if (target !== null && typeof target === 'object') index = valueIndex = kids.results.indexOf(target);
      }
    } else {
      index = findKey(kids, value as Record<string, unknown>, String(step));
      valueIndex = index + 1;
    }
    if (index < 0 || index >= kids.starts.length) break;
    best = kids.starts[index]!;
    const next = kids.frames[valueIndex];
    if (!next) break;
    frame = unwrap(next);
  }
  return best;
}

/** Index of a mapping's key among its children, which alternate key, value in key order. */
function findKey(kids: Kids, value: Record<string, unknown>, key: string): number {
  const results = kids.results;
  let p = 0;
  for (const k of Object.keys(value)) {
    while (p < results.length && !sameKey(results[p], k)) p++;
    if (p >= results.length) return -1;
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
