/**
 * The shapes of the exported files, as zod schemas: the single definition from which the
 * published JSON Schemas are generated (`json-schemas.ts`) and against which the tests check the
 * files. Field documentation is written with `.describe()` rather than doc comments so that it
 * reaches the JSON Schema (and so editors and agents), written once.
 */
import * as z from 'zod';
import { EdgePayloadSchema } from '../pipeline/model';
import { ProblemSchema, SeveritySchema } from '../pipeline/problems';

const count = z.number().int().nonnegative();

export const SourceLocationSchema = z
  .object({
    file: z.string().describe('Path relative to the atlas root, `/`-separated.'),
    line: z.number().int().positive().describe('1-based line.'),
    column: z.number().int().positive().describe('1-based column.'),
  })
  .meta({ title: 'Source location', description: 'Where something was written in the atlas folder.' });

/** One line of `edges.ndjson`: the edge payload plus where it was declared. */
export const EdgeLineSchema = EdgePayloadSchema.extend({
  declarations: z.number().int().positive().describe('How many times the edge was declared (more than 1: duplicates were merged).'),
  places: z.array(SourceLocationSchema).min(1).describe('Every declaration, in declaration order.'),
  dangling: z.boolean().describe('True when no record has the target id.'),
}).meta({ title: 'Edge line', description: 'One line of edges.ndjson: a deduplicated edge with its declarations.' });

/** `ids.json`: the compact id index the site's pickers, search and 404 page read. */
export const IdsFileSchema = z
  .record(
    z.string(),
    z
      .tuple([
        z.string().describe('Display name (displayName, name or title attribute; the id when none).'),
        z.string().describe('Node kind.'),
        z.string().describe('Path under `n/`: the page is `n/<path>/`, the JSON `n/<path>.json` (URL-encode each segment).'),
      ])
      .describe('[display name, node kind, path under n/]'),
  )
  .meta({ title: 'Id index', description: 'Every record id mapped to [display name, node kind, path under n/].' });

const AttributeDeclLineSchema = z
  .object({
    name: z.string().describe('Attribute name.'),
    type: z.string().optional().describe('Type expression, e.g. `string`, `list<id>`, `enum<low,medium,high>`.'),
    required: z.boolean().optional().describe('Whether every record of the kind must have it.'),
    description: z.string().optional().describe('What the attribute holds (the declaration\'s description or notes).'),
  })
  .meta({ title: 'Attribute declaration' });

export const NodeKindEntrySchema = z
  .object({
    name: z.string().describe('Kind name as used in `nodeKind:`.'),
    declared: z.boolean().describe('False for kinds records use without a declaration in schema/node-kinds/.'),
    count: count.describe('Records of this kind.'),
    prefix: z.string().optional().describe('Conventional id prefix.'),
    cluster: z.string().optional().describe('Cluster the kind belongs to.'),
    purpose: z.string().optional().describe('One-line purpose.'),
    attributes: z.array(AttributeDeclLineSchema).describe('Declared attributes (empty when undeclared).'),
  })
  .meta({ title: 'Node kind' });

export const EdgeKindEntrySchema = z
  .object({
    name: z.string().describe('Edge kind as used under `edges:`.'),
    declared: z.boolean().describe('False for edge kinds records use without a declaration in schema/edge-kinds.yaml.'),
    count: count.describe('Distinct edges of this kind (after dedupe).'),
    description: z.string().optional().describe('What the edge means.'),
    source: z.array(z.string()).nullable().describe('Allowed source node kinds; null for any.'),
    target: z.array(z.string()).nullable().describe('Allowed target node kinds; null for any.'),
    cardinality: z.string().optional().describe('e.g. `1:N`, `N:M`.'),
    inverse: z.string().optional().describe('Name of the inverse edge kind (not materialized).'),
    attributes: z.array(AttributeDeclLineSchema).describe('Declared edge attributes.'),
  })
  .meta({ title: 'Edge kind' });

/** `kinds.json`. */
export const KindsFileSchema = z
  .object({
    nodeKinds: z.array(NodeKindEntrySchema).describe('Node kinds, sorted by name.'),
    edgeKinds: z.array(EdgeKindEntrySchema).describe('Edge kinds, sorted by name.'),
  })
  .meta({ title: 'Kinds', description: 'Node and edge kinds: declared ones from schema/, plus undeclared kinds in use, with counts.' });

const SeverityCountsSchema = z
  .object({ error: count, warning: count, info: count })
  .describe('Problems by severity.');

/** `problems.json`. */
export const ProblemsFileSchema = z
  .object({
    counts: SeverityCountsSchema,
    byCode: z.record(z.string(), count).describe('Problems by code.'),
    codes: z
      .record(
        z.string(),
        z.object({
          severity: SeveritySchema.describe('Default severity.'),
          summary: z.string().describe('What the code means.'),
          hint: z.string().describe('The generic fix.'),
        }),
      )
      .describe('What each code that occurs means.'),
    problems: z.array(ProblemSchema).describe('Every problem, sorted by file, line, column.'),
  })
  .meta({ title: 'Problems', description: 'Everything the pipeline reported about the atlas source.' });

export const ExportFileEntrySchema = z
  .object({
    name: z.string().describe('File name under the site root, e.g. `records.ndjson`.'),
    url: z.string().describe('URL path (under the site base).'),
    absoluteUrl: z.string().optional().describe('Absolute URL, when the site origin is configured.'),
    mediaType: z.string().describe('Media type of the file.'),
    description: z.string().describe('What the file holds.'),
    schema: z.string().optional().describe('URL path of the JSON Schema that validates the file (each line, for NDJSON).'),
    bytes: count.optional().describe('Size in bytes (absent for atlas.json itself).'),
  })
  .meta({ title: 'Export file' });

/** `atlas.json`: the entry point for agents. */
export const AtlasSummarySchema = z
  .object({
    title: z.string().describe('Name of the atlas (ATLAS_TITLE).'),
    description: z.string().describe('One-sentence description.'),
    build: z
      .object({
        generator: z.string().describe('Software that built the site.'),
        version: z.string().describe('Its version.'),
        builtAt: z.string().describe('Build time, ISO 8601 (SOURCE_DATE_EPOCH when set): the only time stamp in the exports.'),
        strict: z.boolean().describe('Whether schema conformance problems counted as errors.'),
      })
      .describe('Build information.'),
    base: z.string().describe('Sub-path the site is served under, with leading and trailing slash.'),
    site: z.string().optional().describe('Absolute origin, when configured (ATLAS_SITE).'),
    counts: z
      .object({
        files: count.describe('Files read.'),
        documents: count.describe('YAML documents read.'),
        records: count.describe('Records after merging.'),
        wikiPages: count.describe('Wiki pages (also records of kind Page).'),
        edges: count.describe('Distinct edges after dedupe.'),
        edgesDeclared: count.describe('Edge declarations before dedupe.'),
        danglingEdges: count.describe('Edges whose target no record has.'),
        nodeKinds: count.describe('Node kinds in use or declared.'),
        edgeKinds: count.describe('Edge kinds in use or declared.'),
        clusters: count.describe('Clusters (top-level folders) with records.'),
      })
      .describe('Counts.'),
    problems: SeverityCountsSchema,
    kinds: z.record(z.string(), count).describe('Records per node kind.'),
    edgeKinds: z.record(z.string(), count).describe('Distinct edges per edge kind.'),
    clusters: z.record(z.string(), count).describe('Records per cluster.'),
    records: z
      .object({
        json: z.string().describe('URL template of a record\'s JSON payload; `{path}` is the third element of its ids.json entry.'),
        page: z.string().describe('URL template of a record\'s page.'),
      })
      .describe('Where each record lives.'),
    files: z.array(ExportFileEntrySchema).describe('Every export, with its schema and size.'),
  })
  .meta({ title: 'Atlas summary', description: 'atlas.json: counts, kinds, clusters, build information and links to every export.' });

export type EdgeLine = z.infer<typeof EdgeLineSchema>;
export type IdsFile = z.infer<typeof IdsFileSchema>;
export type KindsFile = z.infer<typeof KindsFileSchema>;
export type ProblemsFile = z.infer<typeof ProblemsFileSchema>;
export type AtlasSummary = z.infer<typeof AtlasSummarySchema>;
export type ExportFileEntry = z.infer<typeof ExportFileEntrySchema>;
