/**
 * Stage 4, dedupe edges: an edge is identified by (from, kind, to). Repeated declarations merge
 * into one edge that remembers every place that declared it; attribute values that agree are
 * kept, a conflicting value keeps the first one and is reported.
 */
import { edgeKey } from './edge-key';
import { bareObject, type AtlasEdge, type Attributes } from './model';
import type { EdgeDeclaration } from './normalize-records';
import { problem, type Problem } from './problems';

export interface DedupeResult {
  /** Distinct edges in first-declaration order; `dangling` is decided later, by the indexer. */
  edges: AtlasEdge[];
  problems: Problem[];
}

export function dedupeEdges(declarations: readonly EdgeDeclaration[]): DedupeResult {
  const byKey = new Map<string, AtlasEdge>();
  const problems: Problem[] = [];
  for (const d of declarations) {
    const key = edgeKey(d);
    const seen = byKey.get(key);
    if (!seen) {
      const edge: AtlasEdge = { from: d.from, to: d.to, kind: d.kind, declarations: [d.at], dangling: false };
      if (d.attributes) edge.attributes = Object.assign(bareObject(), d.attributes);
      byKey.set(key, edge);
      continue;
    }
    seen.declarations.push(d.at);
    if (!d.attributes) continue;
    const merged: Attributes = seen.attributes ?? bareObject();
    for (const name of Object.keys(d.attributes)) {
      const value = d.attributes[name];
      if (!Object.hasOwn(merged, name)) {
        merged[name] = value;
        continue;
      }
      if (canonicalJson(merged[name]) !== canonicalJson(value)) {
        const first = seen.declarations[0]!;
        problems.push(
          problem({
            code: 'edge-attribute-conflict',
            file: d.at.file,
            line: d.at.line,
            column: d.at.column,
            id: d.from,
            message: `\`${d.from}\` ${d.kind} \`${d.to}\`: \`${name}\` is ${JSON.stringify(value)} here but ${JSON.stringify(merged[name])} at ${first.file}:${first.line}; kept the first.`,
          }),
        );
      }
    }
    if (Object.keys(merged).length) seen.attributes = merged;
  }
  const edges = [...byKey.values()];
  for (const e of edges) {
    if (e.declarations.length < 2) continue;
    const [first, second] = e.declarations;
    problems.push(
      problem({
        code: 'duplicate-edge',
        file: second!.file,
        line: second!.line,
        column: second!.column,
        id: e.from,
        message: `\`${e.from}\` ${e.kind} \`${e.to}\` is declared ${e.declarations.length}× (first at ${first!.file}:${first!.line}); merged into one edge.`,
      }),
    );
  }
  return { edges, problems };
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` agree. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}
