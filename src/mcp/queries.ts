/**
 * What the MCP tools compute, as pure functions over an `Atlas` (the server only wires them to
 * the protocol, so the tests can call them directly too).
 */
import { closestIds } from '../pipeline/closest-ids';
import { displayName, edgePayload, type Atlas, type AtlasEdge, type AtlasRecord, type EdgePayload } from '../pipeline/model';
import { atLeast, cmp, type Problem, type Severity } from '../pipeline/problems';

/** Thrown for a request that names something the atlas lacks; the server turns it into an error result. */
export class QueryError extends Error {}

/** The record, or a QueryError that suggests the closest ids. */
export function requireRecord(atlas: Atlas, id: string): AtlasRecord {
  const record = atlas.records.get(id);
  if (record) return record;
  const near = closestIds(id, atlas.records.keys(), 5);
  throw new QueryError(`No record has the id "${id}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`);
}

/** A short card for a record in result lists. */
export interface RecordCard {
  id: string;
  name: string;
  kind: string;
  cluster: string;
  description?: string;
}

const DESCRIPTION_LIMIT = 240;

export function recordCard(record: AtlasRecord): RecordCard {
  const d = record.attributes.description;
  const card: RecordCard = { id: record.id, name: displayName(record), kind: record.kind, cluster: record.cluster };
  if (typeof d === 'string' && d.trim()) {
    const text = d.trim().replace(/\s+/g, ' ');
    card.description = text.length > DESCRIPTION_LIMIT ? `${text.slice(0, DESCRIPTION_LIMIT - 1)}…` : text;
  }
  return card;
}

export interface SearchInput {
  query: string;
  kind?: string;
  cluster?: string;
  limit: number;
}

/**
 * Records whose id, display name or description holds every word of the query. Rank: exact id,
 * exact name, id or name prefix, word in id or name, description only; then id order.
 */
export function searchRecords(atlas: Atlas, input: SearchInput): { total: number; results: RecordCard[] } {
  if (input.kind !== undefined && !atlas.byKind.has(input.kind) && !atlas.schema.nodeKinds.has(input.kind)) {
    throw new QueryError(`Unknown node kind "${input.kind}". Known kinds: ${[...atlas.byKind.keys()].sort(cmp).join(', ')}.`);
  }
  if (input.cluster !== undefined && !atlas.byCluster.has(input.cluster)) {
    throw new QueryError(`Unknown cluster "${input.cluster}". Clusters: ${[...atlas.byCluster.keys()].sort(cmp).join(', ')}.`);
  }
  const pool = input.kind !== undefined ? (atlas.byKind.get(input.kind) ?? []) : atlas.recordList;
  const q = input.query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const hits: { record: AtlasRecord; rank: number }[] = [];
  for (const record of pool) {
    if (input.cluster !== undefined && record.cluster !== input.cluster) continue;
    if (!words.length) {
      hits.push({ record, rank: 0 });
      continue;
    }
    const id = record.id.toLowerCase();
    const name = displayName(record).toLowerCase();
    const d = record.attributes.description;
    const description = typeof d === 'string' ? d.toLowerCase() : '';
    if (!words.every((w) => id.includes(w) || name.includes(w) || description.includes(w))) continue;
    const rank =
      id === q ? 0 : name === q ? 1 : id.startsWith(q) || name.startsWith(q) ? 2 : id.includes(q) || name.includes(q) ? 3 : words.every((w) => id.includes(w) || name.includes(w)) ? 4 : 5;
    hits.push({ record, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || cmp(a.record.id, b.record.id));
  return { total: hits.length, results: hits.slice(0, input.limit).map((h) => recordCard(h.record)) };
}

export type Direction = 'out' | 'in' | 'both';

/** One edge walked from `at`, and the record at its other end. */
interface Step {
  edge: AtlasEdge;
  next: string;
  /** `forward` along the edge's direction, `backward` against it. */
  way: 'forward' | 'backward';
}

function steps(atlas: Atlas, id: string, direction: Direction, kinds: ReadonlySet<string> | undefined): Step[] {
  const record = atlas.records.get(id);
  if (!record) return []; // a dangling target: nothing leads on from it
  const out: Step[] = [];
  const keep = (e: AtlasEdge) => !kinds || kinds.has(e.kind);
  if (direction !== 'in') for (const e of record.outgoing) if (keep(e)) out.push({ edge: e, next: e.to, way: 'forward' });
  if (direction !== 'out') for (const e of record.incoming) if (keep(e)) out.push({ edge: e, next: e.from, way: 'backward' });
  return out;
}

function edgeKindSet(atlas: Atlas, edgeKinds: readonly string[] | undefined): Set<string> | undefined {
  if (!edgeKinds) return undefined;
  const unknown = edgeKinds.filter((k) => !atlas.byEdgeKind.has(k) && !atlas.schema.edgeKinds.has(k));
  if (unknown.length) throw new QueryError(`Unknown edge kind${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Use list_edge_kinds to see them.`);
  return new Set(edgeKinds);
}

export interface NeighboursInput {
  id: string;
  depth: number;
  direction: Direction;
  edgeKinds?: string[];
  limit: number;
}

export interface Neighbour extends Partial<RecordCard> {
  id: string;
  /** Hops from the start. */
  distance: number;
  /** True when no record has this id (reached through a dangling edge). */
  missing?: boolean;
}

/** Records within `depth` hops (breadth-first, nearest first, then id order) and the edges walked. */
export function neighbours(atlas: Atlas, input: NeighboursInput): { start: RecordCard; neighbours: Neighbour[]; edges: EdgePayload[]; truncated: boolean } {
  const start = requireRecord(atlas, input.id);
  const kinds = edgeKindSet(atlas, input.edgeKinds);
  const dist = new Map<string, number>([[start.id, 0]]);
  const edges = new Map<AtlasEdge, true>();
  let frontier = [start.id];
  for (let level = 1; level <= input.depth && frontier.length; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const s of steps(atlas, id, input.direction, kinds)) {
        edges.set(s.edge, true);
        if (!dist.has(s.next)) {
          dist.set(s.next, level);
          next.push(s.next);
        }
      }
    }
    frontier = next;
  }
  const found = [...dist.entries()].filter(([id]) => id !== start.id).sort((a, b) => a[1] - b[1] || cmp(a[0], b[0]));
  const kept = found.slice(0, input.limit);
  const keptIds = new Set([start.id, ...kept.map(([id]) => id)]);
  return {
    start: recordCard(start),
    neighbours: kept.map(([id, distance]) => {
      const r = atlas.records.get(id);
      return r ? { ...recordCard(r), distance } : { id, distance, missing: true };
    }),
    edges: [...edges.keys()].filter((e) => keptIds.has(e.from) && keptIds.has(e.to)).map(edgePayload),
    truncated: found.length > kept.length,
  };
}

export interface PathInput {
  from: string;
  to: string;
  maxLength: number;
  direction: 'out' | 'both';
  edgeKinds?: string[];
}

export interface PathStep extends EdgePayload {
  /** `forward`: walked from `from` to `to`; `backward`: walked against the edge. */
  walked: 'forward' | 'backward';
}

/**
 * One shortest path by breadth-first search, expanding neighbours in edge declaration order, so
 * the answer is deterministic. (src/pipeline/graph-paths.ts serves the browser, which fetches
 * neighbourhoods lazily and ignores edge direction; here the graph is in memory and the
 * direction and edge kinds matter.)
 */
export function findPath(atlas: Atlas, input: PathInput): { found: boolean; length?: number; records: RecordCard[]; steps: PathStep[] } {
  const from = requireRecord(atlas, input.from);
  const to = requireRecord(atlas, input.to);
  const kinds = edgeKindSet(atlas, input.edgeKinds);
  if (from.id === to.id) return { found: true, length: 0, records: [recordCard(from)], steps: [] };
  const parent = new Map<string, Step & { prev: string }>();
  const seen = new Set([from.id]);
  let frontier = [from.id];
  for (let level = 1; level <= input.maxLength && frontier.length; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const s of steps(atlas, id, input.direction, kinds)) {
        if (seen.has(s.next)) continue;
        seen.add(s.next);
        parent.set(s.next, { ...s, prev: id });
        if (s.next === to.id) {
          const chain: PathStep[] = [];
          const ids = [to.id];
          for (let at = to.id; at !== from.id; ) {
            const p = parent.get(at)!;
            chain.unshift({ ...edgePayload(p.edge), walked: p.way });
            ids.unshift(p.prev);
            at = p.prev;
          }
          return { found: true, length: chain.length, records: ids.map((i) => recordCard(atlas.records.get(i)!)), steps: chain };
        }
        next.push(s.next);
      }
    }
    frontier = next;
  }
  return { found: false, records: [], steps: [] };
}

export interface CheckInput {
  severity?: Severity;
  code?: string;
  file?: string;
  limit: number;
}

/** Problems matching the filters (counts over all matches, the list cut at `limit`). */
export function checkAtlas(atlas: Atlas, input: CheckInput): { total: number; counts: Record<Severity, number>; problems: Problem[]; truncated: boolean } {
  const matches = atlas.problems.filter(
    (p) => (!input.severity || atLeast(p.severity, input.severity)) && (!input.code || p.code === input.code) && (!input.file || p.file.startsWith(input.file)),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of matches) counts[p.severity]++;
  return { total: matches.length, counts, problems: matches.slice(0, input.limit), truncated: matches.length > input.limit };
}
