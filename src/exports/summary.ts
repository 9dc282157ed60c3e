/** `atlas.json`: the entry point for agents — counts, kinds, clusters, build information, links. */
import type { Atlas } from '../pipeline/model';
import type { AtlasSummary, ExportFileEntry } from './export-schemas';
import { exportUrl, type ExportOptions } from './options';
import { sortedRecord } from './tables';

/** One sentence describing the atlas (atlas.json, llms.txt, the page's lead). */
export function atlasDescription(atlas: Atlas, title: string): string {
  const n = (x: number, one: string, many: string) => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`;
  return `${title} is a typed knowledge atlas: ${n(atlas.stats.records, 'record', 'records')} of ${n(atlas.byKind.size, 'node kind', 'node kinds')}, linked by ${n(atlas.stats.edges, 'typed edge', 'typed edges')}.`;
}

export function atlasSummary(atlas: Atlas, options: ExportOptions, files: readonly ExportFileEntry[]): AtlasSummary {
  const s = atlas.stats;
  const nodeKinds = new Set([...atlas.schema.nodeKinds.keys(), ...atlas.byKind.keys()]);
  const edgeKinds = new Set([...atlas.schema.edgeKinds.keys(), ...atlas.byEdgeKind.keys()]);
  return {
    title: options.title,
    description: atlasDescription(atlas, options.title),
    build: { generator: options.generator.name, version: options.generator.version, builtAt: options.builtAt, strict: options.strict },
    base: options.base,
    ...(options.site && { site: options.site }),
    counts: {
      files: s.files,
      documents: s.documents,
      records: s.records,
      wikiPages: atlas.pages.length,
      edges: s.edges,
      edgesDeclared: s.edgesDeclared,
      danglingEdges: s.danglingEdges,
      nodeKinds: nodeKinds.size,
      edgeKinds: edgeKinds.size,
      clusters: atlas.byCluster.size,
    },
    problems: { error: s.problemsBySeverity.error, warning: s.problemsBySeverity.warning, info: s.problemsBySeverity.info },
    kinds: sortedRecord(s.byKind),
    edgeKinds: sortedRecord(s.byEdgeKind),
    clusters: sortedRecord(s.byCluster),
    records: { json: exportUrl(options, 'n/{path}.json'), page: exportUrl(options, 'n/{path}/') },
    files: [...files],
  };
}
