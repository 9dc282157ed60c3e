/**
 * The two prose exports: `llms.txt` (the llms.txt convention: an H1, a one-paragraph summary in a
 * blockquote, then sections of links) and `agents.md` (how an agent should work with this atlas).
 * Pure functions of the atlas, the options and the sizes of the other exports.
 */
import type { Atlas } from '../pipeline/model';
import { cmp } from '../pipeline/problems';
import { formatBytes } from '../pipeline/format-bytes';
import { TOOL_SPECS } from '../mcp/tool-specs';
import { codeExamples, siteRoot } from './examples';
import { SCHEMA_SOURCES } from './json-schemas';
import { publicUrl, recordJsonPath, recordPagePath, type ExportOptions } from './options';
import { atlasDescription } from './summary';

/** The record the examples use, with a kind and an edge kind that really occur. */
export interface ExampleRecord {
  id: string;
  /** Its path under n/. */
  path: string;
  kind: string;
  /** Kind of its first outgoing edge (or of any edge). */
  edgeKind: string;
}

/** What the text exports need beyond the atlas: the other files and an example record. */
export interface TextContext {
  /** Bytes of each export, by name. */
  sizes: ReadonlyMap<string, number>;
  /** Description of each data export, by name. */
  descriptions: ReadonlyMap<string, string>;
  /** The record used in examples. */
  example: ExampleRecord | undefined;
}

const DATA_FILES = ['atlas.json', 'ids.json', 'records.ndjson', 'edges.ndjson', 'kinds.json', 'problems.json'];

function sized(ctx: TextContext, name: string): string {
  const bytes = ctx.sizes.get(name);
  return bytes === undefined ? '' : ` (${formatBytes(bytes)})`;
}

export function llmsTxt(atlas: Atlas, options: ExportOptions, ctx: TextContext): string {
  const url = (p: string) => publicUrl(options, p);
  const lines: string[] = [];
  lines.push(`# ${options.title}`, '');
  lines.push(`> ${atlasDescription(atlas, options.title)} Every record is published as JSON, and the whole atlas as NDJSON, with JSON Schemas for each file.`, '');
  lines.push(
    'Records have opaque string ids (such as `workflow:schema-migration`), a node kind, attributes, and typed edges to other records. ' +
      `To read one record, find its path in ids.json (id → [display name, kind, path]) and fetch \`${url('n/{path}.json')}\`` +
      (ctx.example ? `, e.g. [${ctx.example.id}](${url(recordJsonPath(ctx.example.path))}).` : '.') +
      ' To read everything, stream records.ndjson (one record per line) and edges.ndjson.',
    '',
  );
  lines.push('## Data', '');
  for (const name of DATA_FILES) lines.push(`- [${name}](${url(name)}): ${ctx.descriptions.get(name) ?? ''}${sized(ctx, name)}`);
  lines.push('', '## Schemas', '');
  for (const s of SCHEMA_SOURCES) lines.push(`- [${s.file}](${url(`schema/${s.file}`)}): JSON Schema for ${s.validates}`);
  lines.push('', '## Guides', '');
  lines.push(`- [agents.md](${url('agents.md')}): how to query this atlas as an agent: files, record shape, jq recipes, the local MCP server`);
  lines.push(`- [For agents](${url('for-agents/')}): the same, as a page with copyable examples`);
  lines.push('', '## Optional', '');
  lines.push(`- [Node kinds](${url('kinds/')}): ${atlas.byKind.size} kinds with their record lists`);
  lines.push(`- [Edge kinds](${url('edges/')}): ${atlas.byEdgeKind.size} edge kinds`);
  // Wiki pages are records too: their record page (from the path table) is a stable address.
  for (const p of [...atlas.pages].sort((a, b) => cmp(a.slug, b.slug))) {
    const path = atlas.paths.get(p.id);
    if (path) lines.push(`- [${p.title.replace(/[[\]]/g, '')}](${url(recordPagePath(path))}): wiki page`);
  }
  return `${lines.join('\n')}\n`;
}

export function agentsMd(atlas: Atlas, options: ExportOptions, ctx: TextContext): string {
  const url = (p: string) => publicUrl(options, p);
  const ex = ctx.example;
  const exId = ex?.id ?? '<id>';
  const tools = Object.entries(TOOL_SPECS)
    .map(([name, t]) => `- \`${name}\`: ${t.description}`)
    .join('\n');
  return `# ${options.title}: guide for agents

${atlasDescription(atlas, options.title)} This site is static: everything below is a plain file you can fetch, and nothing needs a key.

## Start here

1. Fetch [atlas.json](${url('atlas.json')}): counts, node kinds, edge kinds, clusters and links to every file below, with sizes.
2. To look a record up by id, fetch [ids.json](${url('ids.json')})${sized(ctx, 'ids.json')}: \`{"<id>": ["<display name>", "<kind>", "<path>"]}\`.
   The record's JSON is at \`${url('n/{path}.json')}\` and its page at \`${url('n/{path}/')}\`; URL-encode each \`/\`-separated segment of the path.
3. To work on the whole atlas, stream [records.ndjson](${url('records.ndjson')})${sized(ctx, 'records.ndjson')} and [edges.ndjson](${url('edges.ndjson')})${sized(ctx, 'edges.ndjson')}: one JSON value per line.

## Files

${DATA_FILES.map((n) => `- [${n}](${url(n)}): ${ctx.descriptions.get(n) ?? ''}${sized(ctx, n)}`).join('\n')}
- [llms.txt](${url('llms.txt')}): the index of this site in the llms.txt convention.

Each file has a JSON Schema (draft-07) under [schema/](${url('schema/record.schema.json')}):
${SCHEMA_SOURCES.map((s) => `- [${s.file}](${url(`schema/${s.file}`)}): ${s.validates}`).join('\n')}

## The record payload

\`\`\`json
{
  "id": "${exId}",
  "_kind": "<node kind>",
  "_file": "<defining YAML file, relative to the atlas root>",
  "_cluster": "<first folder of _file>",
  "attributes": { "...": "..." },
  "outgoingEdges": [{ "from": "${exId}", "to": "<id>", "kind": "<edge kind>", "attributes": { "confidence": "high" } }],
  "incomingEdges": [{ "from": "<id>", "to": "${exId}", "kind": "<edge kind>" }]
}
\`\`\`

- Ids are opaque: compare them as strings, never parse meaning out of them.
- Edges are directed and deduplicated; an edge's \`to\` may name a record that does not exist (a dangling edge, flagged in edges.ndjson and problems.json).
- \`attributes\` is always an object; edge \`attributes\` is omitted when the edge has none.
- The payload is byte-identical everywhere: \`n/<path>.json\` (pretty-printed), each line of records.ndjson (compact), and \`atlas get <id>\`.

## Recipes

${codeExamples(options, ex)
  .map((e) => `${e.title}:\n\n\`\`\`${e.language}\n${e.code}\n\`\`\``)
  .join('\n\n')}

## Local tools

With a checkout of the viewer and the atlas folder:

- \`npm run atlas -- get ${exId}\` prints a record; \`npm run atlas -- check\` lists problems with file:line:column.
- \`npm run atlas -- export --out DIR\` writes every file above into DIR without building the site.
- \`npm run atlas -- mcp --domain DIR\` starts a Model Context Protocol server on stdio with these tools:

${tools}

## Editing the atlas

Records are YAML documents under \`<cluster>/\` folders. Point your editor at [atlas-document.schema.json](${url('schema/atlas-document.schema.json')}) for completion
(\`# yaml-language-server: $schema=${siteRoot(options).url}/schema/atlas-document.schema.json\` as a file's first line), then run \`npm run atlas -- check\` before committing.
`;
}
