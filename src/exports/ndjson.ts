/**
 * The two big exports, one JSON value per line: records.ndjson (each line byte-identical to
 * `JSON.stringify(recordPayload(record))`, in id order) and edges.ndjson (deduplicated edges
 * sorted by source, kind and target).
 *
 * The lines are serialized once per atlas and process, then kept: a site build needs them twice,
 * when the For agents page reports the files' sizes while Astro renders and when the exports
 * step writes them afterwards. Writers still stream them to disk in batches.
 */
import { edgePayload, recordPayload, type Atlas, type AtlasEdge } from '../pipeline/model';
import { processWide } from '../pipeline/process-wide';
import { cmp } from '../pipeline/problems';
import type { EdgeLine } from './export-schemas';

const serialized = processWide('ndjson-lines', () => new WeakMap<Atlas, { records?: readonly string[]; edges?: readonly string[] }>());

function linesOf(atlas: Atlas) {
  let lines = serialized.get(atlas);
  if (!lines) serialized.set(atlas, (lines = {}));
  return lines;
}

export function recordLines(atlas: Atlas): readonly string[] {
  const lines = linesOf(atlas);
  return (lines.records ??= atlas.recordList.map((r) => `${JSON.stringify(recordPayload(r))}\n`));
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

export function edgeLines(atlas: Atlas): readonly string[] {
  const lines = linesOf(atlas);
  return (lines.edges ??= sortedEdges(atlas).map((e) => `${JSON.stringify(edgeLine(e))}\n`));
}
