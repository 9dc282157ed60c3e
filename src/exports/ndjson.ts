/**
 * The two big exports, one JSON value per line: records.ndjson (each line byte-identical to
 * `JSON.stringify(recordPayload(record))`, in id order) and edges.ndjson (deduplicated edges
 * sorted by source, kind and target). Generators, so callers can stream them to disk.
 */
import { edgePayload, recordPayload, type Atlas, type AtlasEdge } from '../pipeline/model';
import { cmp } from '../pipeline/problems';
import type { EdgeLine } from './export-schemas';

export function* recordLines(atlas: Atlas): Generator<string> {
  for (const r of atlas.recordList) yield `${JSON.stringify(recordPayload(r))}\n`;
}

export function edgeLine(edge: AtlasEdge): EdgeLine {
  return {
    ...edgePayload(edge),
    declarations: edge.declarations.length,
    places: edge.declarations.map(({ file, line, column }) => ({ file, line, column })),
    dangling: edge.dangling,
  };
}

/** Edges in (from, kind, to) byte order, which diffs well between two versions of an atlas. */
export function sortedEdges(atlas: Atlas): AtlasEdge[] {
  return [...atlas.edges].sort((a, b) => cmp(a.from, b.from) || cmp(a.kind, b.kind) || cmp(a.to, b.to));
}

export function* edgeLines(atlas: Atlas): Generator<string> {
  for (const e of sortedEdges(atlas)) yield `${JSON.stringify(edgeLine(e))}\n`;
}
