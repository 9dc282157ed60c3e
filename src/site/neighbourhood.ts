/**
 * Build-time neighbourhoods: a record's depth-1 graph file (see `graph-data.ts` for the format)
 * and where it is served. The graph tab's table and the graph build step both use this, so the
 * server-rendered mirror and the drawn graph list the same edges in the same order.
 */
import { neighbourhoodFile, type NeighbourhoodFile } from '../pipeline/graph-data';
import { displayName, type Atlas, type AtlasRecord } from '../pipeline/model';
import { processWide } from '../pipeline/process-wide';

/**
 * The page's graph table and the graph step's file are the same neighbourhood: computed once per
 * record in the process (records are immutable), whichever asks first.
 */
const neighbourhoods = processWide('neighbourhoods', () => new WeakMap<AtlasRecord, NeighbourhoodFile>());

export function recordNeighbourhood(atlas: Atlas, record: AtlasRecord): NeighbourhoodFile {
  let file = neighbourhoods.get(record);
  if (!file) {
    file = neighbourhoodFile(
      {
        id: record.id,
        name: displayName(record),
        kind: record.kind,
        path: atlas.paths.get(record.id)!,
        edges: [...record.outgoing, ...record.incoming],
      },
      (id) => {
        const other = atlas.records.get(id);
        return other ? { name: displayName(other), kind: other.kind, path: atlas.paths.get(id)! } : undefined;
      },
    );
    neighbourhoods.set(record, file);
  }
  return file;
}

/** File path of a record's neighbourhood, relative to the site root (not URL-encoded). */
export function neighbourhoodFilePath(atlas: Atlas, id: string): string {
  return `n/${atlas.paths.get(id)!}.graph.json`;
}

/** The most connected records: starting points offered by the explorer. */
export function hubSuggestions(atlas: Atlas, count = 8): { id: string; name: string; kind: string; degree: number }[] {
  return atlas.recordList
    .map((r) => ({ id: r.id, name: displayName(r), kind: r.kind, degree: r.outgoing.length + r.incoming.length }))
    .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1))
    .slice(0, count);
}
