/**
 * Neighbourhood graphs: the file format of `/n/<path>.graph.json`, an in-memory store that merges
 * such files, and the filtered view the graph tab and the explorer draw.
 *
 * Pure, and importing nothing but the import-free edge-key.ts, on purpose: the build writes the files with `neighbourhoodFile`, the
 * browser reads them with `GraphStore` and `selectView`, and the unit tests exercise both.
 */
import { edgeKey } from './edge-key';

/** Format version, bumped when the tuple layout changes. */
export const GRAPH_FILE_VERSION = 1;

/** Neighbours drawn per ring before the "N of M shown" notice (the rest stay one filter away). */
export const DISPLAY_CAP = 150;

/** `[id, display name, node kind, path under /n/]`; kind and path are null for a dangling target. */
export type NodeTuple = [id: string, name: string, kind: string | null, path: string | null];
/** `[from node index, to node index, edge kind index, attributes?]`. */
export type EdgeTuple = [from: number, to: number, kind: number, attributes?: Record<string, unknown>];

/**
 * One record's complete depth-1 neighbourhood. Complete, not capped: the sum over all files is
 * twice the edge count, the largest hub stays in the tens of kilobytes, and path finding needs
 * every neighbour. Drawing is what gets capped (`DISPLAY_CAP`), in the file's stable order.
 */
export interface NeighbourhoodFile {
  v: typeof GRAPH_FILE_VERSION;
  /** Edge kinds referenced by index from `edges`. */
  edgeKinds: string[];
  /** Index 0 is the centre; neighbours follow in stable order (edge kind, then name, then id). */
  nodes: NodeTuple[];
  /** The centre's deduplicated edges, in the same order. */
  edges: EdgeTuple[];
}

export interface GraphNode {
  id: string;
  name: string;
  /** Null when no record has this id (a dangling edge target). */
  kind: string | null;
  path: string | null;
}

export interface GraphEdge {
  /** `from\u0000to\u0000kind`: edges are deduplicated on this triple. */
  key: string;
  from: string;
  to: string;
  kind: string;
  attributes?: Record<string, unknown>;
}

/** Label used for dangling targets wherever a node kind is shown or filtered. */
export const UNRESOLVED_KIND = '(unresolved)';

export function nodeKindOf(node: Pick<GraphNode, 'kind'>): string {
  return node.kind ?? UNRESOLVED_KIND;
}

/** Code-unit comparison: the same order in Node and every browser (no locale surprises). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable neighbour order: edge kind, then name (case-insensitive), then id. */
function compareNeighbour(a: { kind: string; name: string; id: string }, b: { kind: string; name: string; id: string }): number {
  return compareText(a.kind, b.kind) || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id);
}

/** Minimal record shape the file writer needs (keeps this module free of the pipeline model). */
export interface NeighbourSource {
  id: string;
  name: string;
  kind: string;
  path: string;
  /** The record's edges in either direction; self-loops may appear twice. */
  edges: readonly { from: string; to: string; kind: string; attributes?: Record<string, unknown> }[];
}

/** Builds a record's neighbourhood file. `lookup` resolves a neighbour id (undefined: dangling). */
export function neighbourhoodFile(centre: NeighbourSource, lookup: (id: string) => { name: string; kind: string; path: string } | undefined): NeighbourhoodFile {
  const seen = new Set<string>();
  const rows: { edge: NeighbourSource['edges'][number]; other: string; name: string; kind: string; id: string }[] = [];
  for (const edge of centre.edges) {
    const key = edgeKey(edge);
    if (seen.has(key)) continue;
    seen.add(key);
    const other = edge.from === centre.id ? edge.to : edge.from;
    const name = other === centre.id ? centre.name : (lookup(other)?.name ?? other);
    rows.push({ edge, other, name, kind: edge.kind, id: other });
  }
  rows.sort(compareNeighbour);
  const nodes: NodeTuple[] = [[centre.id, centre.name, centre.kind, centre.path]];
  const index = new Map<string, number>([[centre.id, 0]]);
  const edgeKinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const edges: EdgeTuple[] = [];
  for (const row of rows) {
    let i = index.get(row.other);
    if (i === undefined) {
      const o = lookup(row.other);
      i = nodes.length;
      index.set(row.other, i);
      nodes.push(o ? [row.other, o.name, o.kind, o.path] : [row.other, row.other, null, null]);
    }
    let k = kindIndex.get(row.kind);
    if (k === undefined) {
      k = edgeKinds.length;
      kindIndex.set(row.kind, k);
      edgeKinds.push(row.kind);
    }
    const tuple: EdgeTuple = [index.get(row.edge.from)!, index.get(row.edge.to)!, k];
    if (row.edge.attributes && Object.keys(row.edge.attributes).length) tuple.push({ ...row.edge.attributes });
    edges.push(tuple);
  }
  return { v: GRAPH_FILE_VERSION, edgeKinds, nodes, edges };
}

/**
 * Nodes and edges merged from any number of neighbourhood files. `complete` holds the ids whose
 * own file was added, i.e. whose adjacency is fully known.
 */
export class GraphStore {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  readonly complete = new Set<string>();
  /** Node id to keys of its known edges, in insertion (stable) order. */
  private readonly adjacency = new Map<string, string[]>();

  add(file: NeighbourhoodFile): string {
    const ids = file.nodes.map(([id, name, kind, path]) => {
      if (!this.nodes.has(id)) this.nodes.set(id, { id, name, kind, path });
      return id;
    });
    for (const [f, t, k, attributes] of file.edges) {
      const from = ids[f]!;
      const to = ids[t]!;
      const kind = file.edgeKinds[k]!;
      const key = edgeKey({ from, kind, to });
      if (this.edges.has(key)) continue;
      this.edges.set(key, attributes ? { key, from, to, kind, attributes } : { key, from, to, kind });
      this.link(from, key);
      if (to !== from) this.link(to, key);
    }
    const centre = ids[0]!;
    this.complete.add(centre);
    return centre;
  }

  private link(id: string, key: string): void {
    const list = this.adjacency.get(id);
    if (list) list.push(key);
    else this.adjacency.set(id, [key]);
  }

  /** Known edges touching `id` (all of them once `complete.has(id)`). */
  edgesOf(id: string): GraphEdge[] {
    return (this.adjacency.get(id) ?? []).map((k) => this.edges.get(k)!);
  }

  /** Distinct neighbour ids of `id`, either direction. */
  neighbours(id: string): string[] {
    const out = new Set<string>();
    for (const e of this.edgesOf(id)) {
      const other = e.from === id ? e.to : e.from;
      if (other !== id) out.add(other);
    }
    return [...out];
  }
}

export type Direction = 'both' | 'out' | 'in';

export interface ViewFilters {
  /** Edge kinds switched off. */
  hiddenEdgeKinds: ReadonlySet<string>;
  /** Node kinds switched off (dangling targets are `UNRESOLVED_KIND`). */
  hiddenNodeKinds: ReadonlySet<string>;
  /** Follow edges out of the centre, into it, or both ways (at depth 2, per hop). */
  direction: Direction;
  depth: 1 | 2;
}

export const DEFAULT_FILTERS: ViewFilters = { hiddenEdgeKinds: new Set(), hiddenNodeKinds: new Set(), direction: 'both', depth: 1 };

export interface ViewNode extends GraphNode {
  /** 0 for the centre, 1 or 2 for rings. */
  depth: number;
}

export interface NeighbourhoodView {
  centre: string;
  nodes: ViewNode[];
  edges: GraphEdge[];
  /** Ring 1: neighbours matching the filters, and how many of them are drawn. */
  ring1: { total: number; shown: number };
  /** Ring 2 (depth 2 only): records two hops away through drawn ring-1 nodes. */
  ring2: { total: number; shown: number };
  /** Ring-1 nodes whose own file is not loaded yet (depth 2 is incomplete without them). */
  missing: string[];
  /** Facet counts over the view with no kind filters (same direction and depth, no cap). */
  edgeKindCounts: Map<string, number>;
  nodeKindCounts: Map<string, number>;
}

/** Whether `edge` may be followed from `from` under `direction`. */
function follows(edge: GraphEdge, from: string, direction: Direction): boolean {
  if (direction === 'out') return edge.from === from;
  if (direction === 'in') return edge.to === from;
  return true;
}

/**
 * The drawn neighbourhood of `centre` under `filters`: ring 1 in stable order (edge kind, name),
 * capped at `cap`; ring 2 ranked by how many drawn ring-1 nodes reach it, then edge kind and name.
 * Edges are those followed from a node inside the depth limit to another drawn node, so depth 1
 * is exactly the centre's edges and depth 2 adds the ties between and beyond its neighbours.
 */
export function selectView(store: GraphStore, centre: string, filters: ViewFilters, cap = DISPLAY_CAP): NeighbourhoodView {
  const raw = rings(store, centre, { ...filters, hiddenEdgeKinds: new Set(), hiddenNodeKinds: new Set() }, Infinity);
  const edgeKindCounts = new Map<string, number>();
  const nodeKindCounts = new Map<string, number>();
  for (const e of raw.edges) edgeKindCounts.set(e.kind, (edgeKindCounts.get(e.kind) ?? 0) + 1);
  for (const n of raw.nodes) if (n.depth > 0) nodeKindCounts.set(nodeKindOf(n), (nodeKindCounts.get(nodeKindOf(n)) ?? 0) + 1);
  return { ...rings(store, centre, filters, cap), edgeKindCounts, nodeKindCounts };
}

function rings(store: GraphStore, centre: string, filters: ViewFilters, cap: number): Omit<NeighbourhoodView, 'edgeKindCounts' | 'nodeKindCounts'> {
  const edgeOk = (e: GraphEdge) => !filters.hiddenEdgeKinds.has(e.kind);
  const nodeOk = (id: string) => {
    const n = store.nodes.get(id);
    return !!n && !filters.hiddenNodeKinds.has(nodeKindOf(n));
  };
  const rank = (id: string, kind: string) => ({ id, kind, name: store.nodes.get(id)?.name ?? id });

  // Ring 1: the smallest edge kind that reaches each neighbour decides its place.
  const first = new Map<string, { id: string; kind: string; name: string }>();
  for (const e of store.edgesOf(centre)) {
    if (!edgeOk(e) || !follows(e, centre, filters.direction)) continue;
    const other = e.from === centre ? e.to : e.from;
    if (other === centre || !nodeOk(other)) continue;
    const prev = first.get(other);
    if (!prev || compareText(e.kind, prev.kind) < 0) first.set(other, rank(other, e.kind));
  }
  const ring1All = [...first.values()].sort(compareNeighbour);
  const ring1 = ring1All.slice(0, cap).map((r) => r.id);
  const depth = new Map<string, number>([[centre, 0]]);
  for (const id of ring1) depth.set(id, 1);

  let ring2All: string[] = [];
  const missing: string[] = [];
  if (filters.depth === 2) {
    const reach = new Map<string, { links: number; kind: string; name: string; id: string }>();
    for (const u of ring1) {
      if (!store.complete.has(u)) missing.push(u);
      const linked = new Set<string>();
      for (const e of store.edgesOf(u)) {
        if (!edgeOk(e) || !follows(e, u, filters.direction)) continue;
        const v = e.from === u ? e.to : e.from;
        if (v === centre || first.has(v) || !nodeOk(v)) continue;
        const prev = reach.get(v) ?? { ...rank(v, e.kind), links: 0 };
        if (!linked.has(v)) {
          linked.add(v);
          prev.links += 1;
        }
        if (compareText(e.kind, prev.kind) < 0) prev.kind = e.kind;
        reach.set(v, prev);
      }
    }
    ring2All = [...reach.values()].sort((a, b) => b.links - a.links || compareNeighbour(a, b)).map((r) => r.id);
    for (const id of ring2All.slice(0, cap)) depth.set(id, 2);
  }

  const nodes: ViewNode[] = [...depth].map(([id, d]) => ({ ...store.nodes.get(id)!, depth: d }));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const [id, d] of depth) {
    if (d >= filters.depth) continue;
    for (const e of store.edgesOf(id)) {
      if (seen.has(e.key) || !edgeOk(e) || !follows(e, id, filters.direction)) continue;
      const other = e.from === id ? e.to : e.from;
      if (!depth.has(other)) continue;
      seen.add(e.key);
      edges.push(e);
    }
  }
  return {
    centre,
    nodes,
    edges,
    ring1: { total: ring1All.length, shown: ring1.length },
    ring2: { total: ring2All.length, shown: Math.min(ring2All.length, cap) },
    missing,
  };
}

/** The notice under a capped view, or undefined when everything is drawn. */
export function capNotice(view: Pick<NeighbourhoodView, 'ring1' | 'ring2'>): string | undefined {
  const parts: string[] = [];
  const n = (x: number) => x.toLocaleString('en-US');
  if (view.ring1.shown < view.ring1.total) parts.push(`${n(view.ring1.shown)} of ${n(view.ring1.total)} neighbours shown`);
  if (view.ring2.shown < view.ring2.total) parts.push(`${n(view.ring2.shown)} of ${n(view.ring2.total)} second-degree records shown`);
  return parts.length ? `${parts.join('; ')} — filter to see more` : undefined;
}
