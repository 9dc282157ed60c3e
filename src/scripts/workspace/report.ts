/**
 * The overlay check's result as plain data the page can render (it crosses from the worker by
 * structured clone, so it carries only what the views need, not the whole combined atlas).
 */
import { displayName, recordJson, type AtlasRecord } from '../../pipeline/model';
import type { Problem } from '../../pipeline/problems';
import type { EdgeRef, OverlayDiff, OverlayResult, RecordChange } from './analyze';

export interface DraftRecord {
  record: AtlasRecord;
  name: string;
  /** The payload JSON, exactly as `atlas get` would print it for this record. */
  json: string;
  /** True when a published record has this id (the draft changes it). */
  published: boolean;
}

export interface OverlayReport {
  problems: Problem[];
  skipped: { path: string; reason: string }[];
  replaces: string[];
  drafts: DraftRecord[];
  diff: {
    added: { id: string; name: string; kind: string }[];
    removed: { id: string; kind: string; file: string }[];
    changed: RecordChange[];
    newlyDangling: EdgeRef[];
    newlyResolved: EdgeRef[];
  };
  /** Name and kind of every record the views mention (other ends of edges). */
  names: Record<string, [string, string]>;
  /** Edge kind descriptions from the schema. */
  edgeKinds: Record<string, string>;
  /** Edge kinds of the drafts that the schema does not declare (when it declares any). */
  undeclaredEdgeKinds: string[];
  /** Declared attribute types of the drafts' node kinds: kind -> attribute -> [type, required]. */
  attributeTypes: Record<string, Record<string, [string, boolean]>>;
  /** Normalized form of the overlay: the payload of every record it adds or changes. */
  normalized: unknown[];
}

export function buildReport(result: OverlayResult, publishedIds: ReadonlySet<string>): OverlayReport {
  const { atlas } = result;
  const names: OverlayReport['names'] = {};
  const mention = (id: string) => {
    const r = atlas.records.get(id);
    if (r && !names[id]) names[id] = [displayName(r), r.kind];
  };
  const edgeKinds: Record<string, string> = {};
  const undeclared = new Set<string>();
  const attributeTypes: OverlayReport['attributeTypes'] = {};
  for (const r of result.drafts) {
    for (const e of [...r.outgoing, ...r.incoming]) {
      mention(e.from);
      mention(e.to);
      const d = atlas.schema.edgeKinds.get(e.kind);
      if (d?.description) edgeKinds[e.kind] = d.description;
      if (!d && atlas.schema.hasEdgeKinds) undeclared.add(e.kind);
    }
    const decl = atlas.schema.nodeKinds.get(r.kind);
    if (decl && !attributeTypes[r.kind]) {
      attributeTypes[r.kind] = Object.fromEntries(decl.attributes.map((a) => [a.name, [a.type ?? '', a.required === true]]));
    }
  }
  const diff = result.diff;
  for (const c of diff.changed) for (const e of [...c.edgesAdded, ...c.edgesRemoved]) (mention(e.from), mention(e.to));
  for (const e of [...diff.newlyDangling, ...diff.newlyResolved]) mention(e.from);
  return {
    problems: result.problems,
    skipped: result.skipped,
    replaces: result.replaces,
    drafts: result.drafts.map((r) => ({ record: r, name: displayName(r), json: recordJson(r), published: publishedIds.has(r.id) })),
    diff: plainDiff(diff),
    names,
    edgeKinds,
    undeclaredEdgeKinds: [...undeclared],
    attributeTypes,
    normalized: [...result.drafts, ...diff.changed.map((c) => atlas.records.get(c.id)!)]
      .filter((r, i, all) => all.indexOf(r) === i)
      .map((r) => JSON.parse(recordJson(r)) as unknown),
  };
}

function plainDiff(d: OverlayDiff): OverlayReport['diff'] {
  return {
    added: d.added.map((r) => ({ id: r.id, name: displayName(r), kind: r.kind })),
    removed: d.removed.map((p) => ({ id: p.id, kind: p._kind, file: p._file })),
    changed: d.changed,
    newlyDangling: d.newlyDangling.map((e) => ({ from: e.from, kind: e.kind, to: e.to })),
    newlyResolved: d.newlyResolved,
  };
}
