/**
 * The catalogue of exports: every file the build publishes for agents and tools, with its media
 * type, description, schema and content. The build step and `atlas export` write it; the For
 * agents page lists it (sizes included), so the three can never disagree.
 */
import { recordJson, type Atlas } from '../pipeline/model';
import { cmp } from '../pipeline/problems';
import type { ExportFileEntry } from './export-schemas';
import { jsonSchemaFiles, type SchemaFile } from './json-schemas';
import { edgeLines, recordLines } from './ndjson';
import { exportAbsolute, exportUrl, type ExportOptions } from './options';
import { atlasSummary } from './summary';
import { idsJson, kindsFile, problemsFile } from './tables';
import { agentsMd, llmsTxt, type ExampleRecord, type TextContext } from './texts';

export interface ExportFile {
  /** Path under the site base, e.g. `records.ndjson` or `schema/record.schema.json`. */
  name: string;
  mediaType: string;
  description: string;
  /** The schema (under schema/) that validates the file, or each of its lines for NDJSON. */
  schema?: SchemaFile;
  /** Rendered by an Astro endpoint during the site build (the build step leaves it to Astro). */
  renderedBySite?: boolean;
  /**
   * Size in bytes of the content: measured on first read, unless a writer that streamed the
   * content already stored what it counted (so a build serializes each file once).
   */
  bytes: number;
  /** The content in order; large files come in many chunks so they can be streamed to disk. */
  chunks(): Iterable<string>;
}

const JSON_TYPE = 'application/json';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Bytes of UTF-8 text, chunk by chunk (an NDJSON file is never joined into one string). */
export function byteSize(chunks: Iterable<string>): number {
  let n = 0;
  for (const c of chunks) n += Buffer.byteLength(c);
  return n;
}

function file(name: string, mediaType: string, description: string, chunks: () => Iterable<string>, extra: Pick<ExportFile, 'schema' | 'renderedBySite'> = {}): ExportFile {
  let bytes: number | undefined;
  return {
    name,
    mediaType,
    description,
    chunks,
    ...extra,
    get bytes() {
      return (bytes ??= byteSize(chunks()));
    },
    set bytes(n: number) {
      bytes = n;
    },
  };
}

/** The record the examples show: the one with most outgoing edges (a wiki page only when nothing else has edges). */
export function exampleRecord(atlas: Atlas): ExampleRecord | undefined {
  let best = atlas.recordList.find((r) => r.kind !== 'Page') ?? atlas.recordList[0];
  for (const r of atlas.recordList) if (r.kind !== 'Page' && r.outgoing.length > (best?.outgoing.length ?? 0)) best = r;
  if (!best) return undefined;
  const edgeKind = best.outgoing[0]?.kind ?? [...atlas.byEdgeKind.keys()].sort(cmp)[0] ?? 'relates_to';
  return { id: best.id, path: atlas.paths.get(best.id)!, kind: best.kind, edgeKind };
}

/**
 * Every export, atlas.json first. Contents and sizes are computed on demand; atlas.json, llms.txt
 * and agents.md read the sizes of the data files, so a writer should write them last.
 */
export function exportFiles(atlas: Atlas, options: ExportOptions): ExportFile[] {
  const data: ExportFile[] = [
    file('records.ndjson', 'application/x-ndjson', 'every record payload, one JSON object per line, sorted by id', () => recordLines(atlas), { schema: 'record.schema.json' }),
    file('edges.ndjson', 'application/x-ndjson', 'every deduplicated edge with its attributes, declaration count and places, one per line', () => edgeLines(atlas), { schema: 'edge.schema.json' }),
    file('kinds.json', JSON_TYPE, 'node and edge kinds from the schema (and undeclared kinds in use), with counts and declared attributes', () => [pretty(kindsFile(atlas))], { schema: 'kinds.schema.json' }),
    file('ids.json', JSON_TYPE, 'every id mapped to [display name, node kind, path under n/]', () => [idsJson(atlas)], { schema: 'ids.schema.json', renderedBySite: true }),
    file('problems.json', JSON_TYPE, 'every problem found in the source, with counts and what each code means', () => [pretty(problemsFile(atlas))], { schema: 'problems.schema.json' }),
  ];
  const schemas = jsonSchemaFiles(options).map((s) => file(`schema/${s.file}`, 'application/schema+json', `JSON Schema for ${s.validates}`, () => [s.text]));
  const summaryDescription = 'start here: counts, node kinds, edge kinds, clusters, build information, and links to every file with its size';
  const ctx = (): TextContext => ({
    sizes: new Map(data.map((f) => [f.name, f.bytes])),
    descriptions: new Map([...data.map((f) => [f.name, f.description] as const), ['atlas.json', summaryDescription]]),
    example: exampleRecord(atlas),
  });
  const texts = [
    file('llms.txt', 'text/plain', 'what this atlas is and where everything is, in the llms.txt convention', () => [llmsTxt(atlas, options, ctx())]),
    file('agents.md', 'text/markdown', 'how to work with this atlas as an agent: files, record shape, recipes, local tools', () => [agentsMd(atlas, options, ctx())]),
  ];
  const others = [...data, ...texts, ...schemas];
  const summaryText = () => {
    const entries: ExportFileEntry[] = [
      entry(options, { name: 'atlas.json', mediaType: JSON_TYPE, description: summaryDescription, schema: 'atlas.schema.json' }),
      ...others.map((f) => entry(options, f)),
    ];
    return [pretty(atlasSummary(atlas, options, entries))];
  };
  return [file('atlas.json', JSON_TYPE, summaryDescription, summaryText, { schema: 'atlas.schema.json' }), ...others];
}

function entry(options: ExportOptions, f: Pick<ExportFile, 'name' | 'mediaType' | 'description' | 'schema'> & { bytes?: number }): ExportFileEntry {
  const absoluteUrl = exportAbsolute(options, f.name);
  return {
    name: f.name,
    url: exportUrl(options, f.name),
    ...(absoluteUrl && { absoluteUrl }),
    mediaType: f.mediaType,
    description: f.description,
    ...(f.schema && { schema: exportUrl(options, `schema/${f.schema}`) }),
    ...(f.bytes !== undefined && { bytes: f.bytes }),
  };
}

/** Number and total size of the per-record JSON files (`n/<path>.json`, rendered by the site). */
export function recordFilesSize(atlas: Atlas): { files: number; bytes: number } {
  let bytes = 0;
  for (const r of atlas.recordList) bytes += Buffer.byteLength(recordJson(r));
  return { files: atlas.recordList.length, bytes };
}
