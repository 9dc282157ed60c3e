/**
 * The kind-level graph behind /graph/schema/: node kinds (declared or used) with their record
 * counts, and every declared edge kind as an edge from each allowed source kind to each allowed
 * target kind, counted by the edges that actually connect those kinds.
 */
import type { Atlas } from '../pipeline/model';

/** Stands for "any node kind" in declarations with `*`, `any` or no source/target. */
export const ANY_KIND = '(any kind)';

export interface SchemaGraph {
  kinds: { kind: string; records: number; declared: boolean }[];
  edges: { kind: string; source: string; target: string; edges: number; description?: string }[];
  /** Declared edge kinds and how many edges use them in total. */
  edgeKinds: { kind: string; sources: string[]; targets: string[]; edges: number; description?: string }[];
  /** Edge kinds used by records but not declared. */
  undeclared: { kind: string; edges: number }[];
}

export function schemaGraph(atlas: Atlas): SchemaGraph {
  const kindOf = (id: string) => atlas.records.get(id)?.kind;
  const kinds = new Map<string, { kind: string; records: number; declared: boolean }>();
  for (const [k] of atlas.schema.nodeKinds) kinds.set(k, { kind: k, records: atlas.byKind.get(k)?.length ?? 0, declared: true });
  for (const [k, list] of atlas.byKind) if (!kinds.has(k)) kinds.set(k, { kind: k, records: list.length, declared: false });
  const edges: SchemaGraph['edges'] = [];
  const edgeKinds: SchemaGraph['edgeKinds'] = [];
  let usesAny = false;
  for (const [name, decl] of atlas.schema.edgeKinds) {
    const actual = atlas.byEdgeKind.get(name) ?? [];
    const sources = decl.source?.length ? decl.source : [ANY_KIND];
    const targets = decl.target?.length ? decl.target : [ANY_KIND];
    edgeKinds.push({ kind: name, sources, targets, edges: actual.length, description: decl.description });
    for (const s of sources) {
      for (const t of targets) {
        if (s === ANY_KIND || t === ANY_KIND) usesAny = true;
        const count = actual.filter((e) => (s === ANY_KIND || kindOf(e.from) === s) && (t === ANY_KIND || kindOf(e.to) === t)).length;
        edges.push({ kind: name, source: s, target: t, edges: count, description: decl.description });
        for (const k of [s, t]) if (!kinds.has(k) && k !== ANY_KIND) kinds.set(k, { kind: k, records: 0, declared: false });
      }
    }
  }
  if (usesAny) kinds.set(ANY_KIND, { kind: ANY_KIND, records: 0, declared: true });
  const undeclared = [...atlas.byEdgeKind]
    .filter(([k]) => !atlas.schema.edgeKinds.has(k))
    .map(([kind, list]) => ({ kind, edges: list.length }))
    .sort((a, b) => b.edges - a.edges || (a.kind < b.kind ? -1 : 1));
  return { kinds: [...kinds.values()].sort((a, b) => (a.kind < b.kind ? -1 : 1)), edges, edgeKinds: edgeKinds.sort((a, b) => (a.kind < b.kind ? -1 : 1)), undeclared };
}
