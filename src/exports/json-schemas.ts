/**
 * The published JSON Schemas, generated from the zod schemas by zod's own `z.toJSONSchema`
 * (never written by hand). Draft-07, the dialect every editor and validator understands
 * (yaml-language-server included).
 */
import * as z from 'zod';
import { AtlasDocumentSchema } from '../pipeline/document-schema';
import { RecordPayloadSchema } from '../pipeline/model';
import { AtlasSummarySchema, EdgeLineSchema, IdsFileSchema, KindsFileSchema, ProblemsFileSchema } from './export-schemas';
import { exportAbsolute, type ExportOptions } from './options';

interface SchemaSource {
  /** File name under `schema/`. */
  file: string;
  schema: z.ZodType;
  /** `input` for what authors write (defaults and transforms are not applied yet), `output` for what the build writes. */
  io: 'input' | 'output';
  /** What it validates, for the catalog and documentation. */
  validates: string;
}

/** Every schema the site publishes, in the order the documentation lists them. */
export const SCHEMA_SOURCES = [
  { file: 'atlas-document.schema.json', schema: AtlasDocumentSchema, io: 'input', validates: 'each YAML document of a record file (for editors)' },
  { file: 'record.schema.json', schema: RecordPayloadSchema, io: 'output', validates: 'a record payload: n/<path>.json, each line of records.ndjson, `atlas get`' },
  { file: 'edge.schema.json', schema: EdgeLineSchema, io: 'output', validates: 'each line of edges.ndjson' },
  { file: 'atlas.schema.json', schema: AtlasSummarySchema, io: 'output', validates: 'atlas.json' },
  { file: 'kinds.schema.json', schema: KindsFileSchema, io: 'output', validates: 'kinds.json' },
  { file: 'ids.schema.json', schema: IdsFileSchema, io: 'output', validates: 'ids.json' },
  { file: 'problems.schema.json', schema: ProblemsFileSchema, io: 'output', validates: 'problems.json' },
] as const satisfies readonly SchemaSource[];

export type SchemaFile = (typeof SCHEMA_SOURCES)[number]['file'];

/** The JSON Schema of one source; `$id` is its absolute URL when the site origin is known. */
export function jsonSchema(source: SchemaSource, options: Pick<ExportOptions, 'base' | 'site'>): Record<string, unknown> {
  const generated = z.toJSONSchema(source.schema, { target: 'draft-7', io: source.io }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const id = exportAbsolute(options, `schema/${source.file}`);
  return { $schema, ...(id && { $id: id }), ...rest };
}

/** The serialized schema files, keyed by file name under `schema/`. */
export function jsonSchemaFiles(options: Pick<ExportOptions, 'base' | 'site'>): { file: SchemaFile; validates: string; text: string }[] {
  return SCHEMA_SOURCES.map((s) => ({ file: s.file, validates: s.validates, text: `${JSON.stringify(jsonSchema(s, options), null, 2)}\n` }));
}
