/**
 * The pipeline's output model: records and edges as the site, the exports and the CLI see them,
 * and the JSON payload of a record (what "copy JSON" gives, byte for byte).
 */
import * as z from 'zod';
import type { DeclaredSchema } from './declared-schema';
import type { WikiPage } from './parse-wiki';
import type { Problem } from './problems';
import { processWide } from './process-wide';

/** JSON-safe attribute values (dates already turned into ISO strings). */
export type Attributes = Record<string, unknown>;

/**
 * An empty object without a prototype, for keys read from YAML: `constructor` or `__proto__` is
 * then just a key. Not `Object.create(null)`: V8 gives that its dictionary layout, which for the
 * attributes of 50,000 records cost about twice the memory and several times the time per read.
 */
export function bareObject<T = unknown>(): Record<string, T> {
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}

/** Where something was written. */
export interface SourceLocation {
  /** Path relative to the atlas root, `/`-separated. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** A deduplicated edge. */
export interface AtlasEdge {
  from: string;
  to: string;
  kind: string;
  /** Merged edge attributes; absent (never `{}`) when the edge has none. */
  attributes?: Attributes;
  /** Every place that declared this edge, in declaration order (length > 1 means "declared N×"). */
  declarations: SourceLocation[];
  /** True when no record has the target id. */
  dangling: boolean;
}

/** How a document contributed to a record. */
export type ContributionForm = 'node' | 'bundle-node' | 'extension' | 'patch' | 'wiki';

export interface Contribution extends SourceLocation {
  form: ContributionForm;
}

/** A normalized record. */
export interface AtlasRecord {
  id: string;
  /** Node kind (from the defining document). */
  kind: string;
  /** First folder under the root of the defining document. */
  cluster: string;
  /** Where the defining document starts. */
  source: SourceLocation;
  /** Always an object (`{}` when the documents gave none). */
  attributes: Attributes;
  /** Node documents that define this id, the first one defining `_file` (length > 1: duplicate id). */
  definitions: Contribution[];
  /** Extensions and patches merged into the record. */
  contributions: Contribution[];
  /** Outgoing edges in first-declaration order. */
  outgoing: AtlasEdge[];
  /** Edges whose target is this record, in first-declaration order. */
  incoming: AtlasEdge[];
}

/** Counts for `stats`, the home page and atlas.json. */
export interface AtlasStats {
  files: number;
  documents: number;
  records: number;
  /** Edge declarations before dedupe. */
  edgesDeclared: number;
  /** Distinct edges after dedupe. */
  edges: number;
  danglingEdges: number;
  byCluster: Record<string, number>;
  byKind: Record<string, number>;
  byEdgeKind: Record<string, number>;
  problemsBySeverity: Record<'error' | 'warning' | 'info', number>;
  problemsByCode: Record<string, number>;
}

/** The pipeline's immutable result. */
export interface Atlas {
  /** Absolute path of the atlas root. */
  root: string;
  /** Records by id, in id order. */
  records: ReadonlyMap<string, AtlasRecord>;
  /** Records sorted by id (byte order). */
  recordList: readonly AtlasRecord[];
  /** Distinct edges in first-declaration order. */
  edges: readonly AtlasEdge[];
  /** Declared node kinds, edge kinds and attribute types. */
  schema: DeclaredSchema;
  /** Every problem, sorted by file, line, column. */
  problems: readonly Problem[];
  stats: AtlasStats;
  /** Records of each node kind, in id order. */
  byKind: ReadonlyMap<string, readonly AtlasRecord[]>;
  /** Records of each cluster, in id order. */
  byCluster: ReadonlyMap<string, readonly AtlasRecord[]>;
  /** Edges of each edge kind, in declaration order. */
  byEdgeKind: ReadonlyMap<string, readonly AtlasEdge[]>;
  /** Record id to its path under `/n/` (unique, also case-insensitively): routes are computed once, here. */
  paths: ReadonlyMap<string, string>;
  /** Wiki pages in path order (each is also a `Page` record). */
  pages: readonly WikiPage[];
  /** The schema's files as read (path relative to the root, text): the workspace hands them to the browser's pipeline. */
  schemaFiles: readonly { path: string; text: string }[];
}

export const EdgePayloadSchema = z
  .object({
    /** Source record id. */
    from: z.string(),
    /** Target record id (may not exist: a dangling edge). */
    to: z.string(),
    /** Edge kind. */
    kind: z.string(),
    /** Edge attributes (confidence, evidence, weight, …); omitted when there are none. */
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: 'Edge', description: 'A deduplicated edge, as in the original atlas.' });

export const RecordPayloadSchema = z
  .object({
    /** The record id. */
    id: z.string(),
    /** Node kind. */
    _kind: z.string(),
    /** Defining document's path relative to the atlas root. */
    _file: z.string(),
    /** First folder of `_file`. */
    _cluster: z.string(),
    /** Attributes; always present, `{}` when empty. */
    attributes: z.record(z.string(), z.unknown()),
    /** Edges from this record, deduplicated, in declaration order. */
    outgoingEdges: z.array(EdgePayloadSchema),
    /** Edges to this record, deduplicated, in declaration order. */
    incomingEdges: z.array(EdgePayloadSchema),
  })
  .meta({ title: 'Record', description: 'A record payload: what `atlas get <id>` prints and the JSON tab shows.' });

export type EdgePayload = z.infer<typeof EdgePayloadSchema>;
export type RecordPayload = z.infer<typeof RecordPayloadSchema>;

export function edgePayload(edge: AtlasEdge): EdgePayload {
  const out: EdgePayload = { from: edge.from, to: edge.to, kind: edge.kind };
  if (edge.attributes) out.attributes = edge.attributes;
  return out;
}

/** The record payload; key order is fixed so the JSON is byte-stable. */
export function recordPayload(record: AtlasRecord): RecordPayload {
  return {
    id: record.id,
    _kind: record.kind,
    _file: record.source.file,
    _cluster: record.cluster,
    attributes: record.attributes,
    outgoingEdges: record.outgoing.map(edgePayload),
    incomingEdges: record.incoming.map(edgePayload),
  };
}

/** The payload as pretty JSON (two-space indent, trailing newline): the one serialization everyone uses. */
export function recordJson(record: AtlasRecord): string {
  let json = jsonCache.get(record);
  if (json === undefined) {
    json = `${JSON.stringify(recordPayload(record), null, 2)}\n`;
    jsonCache.set(record, json);
  }
  return json;
}

/**
 * The page, its JSON file and the exports all serialize each record: once per process is enough
 * (records are immutable), whichever copy of this module asks first.
 */
const jsonCache = processWide('record-json', () => new WeakMap<AtlasRecord, string>());

/** Human name of a record: displayName, then name, then title, then the id. */
export function displayName(record: Pick<AtlasRecord, 'id' | 'attributes'>): string {
  const a = record.attributes;
  return nonBlank(a.displayName) ?? nonBlank(a.name) ?? nonBlank(a.title) ?? record.id;
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}
