/**
 * Copy-and-run examples (curl + jq, JavaScript fetch) for the For agents page and agents.md, made
 * from the atlas's own ids and kinds so every example returns something.
 */
import type { Atlas } from '../pipeline/model';
import { cmp } from '../pipeline/problems';
import type { ExampleRecord } from './texts';
import { exportUrl, type ExportOptions } from './options';

export interface CodeExample {
  /** Stable id (for the page's element ids). */
  key: string;
  title: string;
  language: 'sh' | 'js';
  code: string;
}

/** The site's root URL without trailing slash, or a placeholder to replace when the origin is unknown. */
export function siteRoot(options: Pick<ExportOptions, 'base' | 'site'>): { url: string; known: boolean } {
  const url = options.site ? `${options.site}${exportUrl(options, '')}` : `https://atlas.example.org${exportUrl(options, '')}`;
  return { url: url.replace(/\/+$/, ''), known: options.site !== undefined };
}

export function codeExamples(options: Pick<ExportOptions, 'base' | 'site'>, example: ExampleRecord | undefined): CodeExample[] {
  const root = siteRoot(options);
  const set = `ATLAS=${root.url}${root.known ? '' : '   # replace with where this site is served'}`;
  const id = example?.id ?? 'workflow:schema-migration';
  const kind = example?.kind ?? 'Workflow';
  const edgeKind = example?.edgeKind ?? 'involves_role';
  return [
    {
      key: 'summary',
      title: 'Counts and kinds',
      language: 'sh',
      code: `${set}\ncurl -s "$ATLAS/atlas.json" | jq '{counts, kinds}'`,
    },
    {
      key: 'record',
      title: 'One record by id',
      language: 'sh',
      code: `${set}\n# ids.json maps each id to [name, kind, path]; the JSON lives at n/<path>.json\npath=$(curl -s "$ATLAS/ids.json" | jq -r --arg id '${id}' '.[$id][2] | split("/") | map(@uri) | join("/")')\ncurl -s "$ATLAS/n/$path.json" | jq '{id, kind: ._kind, out: [.outgoingEdges[] | "\\(.kind) -> \\(.to)"]}'`,
    },
    {
      key: 'kind',
      title: 'Every record of a kind',
      language: 'sh',
      code: `${set}\ncurl -s "$ATLAS/records.ndjson" | jq -c 'select(._kind == "${kind}") | {id, name: (.attributes.displayName // .id)}'`,
    },
    {
      key: 'edges',
      title: 'Edges of one kind',
      language: 'sh',
      code: `${set}\ncurl -s "$ATLAS/edges.ndjson" | jq -r 'select(.kind == "${edgeKind}") | "\\(.from) -> \\(.to)"'`,
    },
    {
      key: 'problems',
      title: 'Problems, as file:line:column',
      language: 'sh',
      code: `${set}\ncurl -s "$ATLAS/problems.json" | jq -r '.problems[] | select(.severity != "info") | "\\(.file):\\(.line):\\(.column) \\(.severity) \\(.code): \\(.message)"'`,
    },
    {
      key: 'fetch',
      title: 'A record in JavaScript',
      language: 'js',
      code: `const base = '${root.url}/';\nconst ids = await (await fetch(new URL('ids.json', base))).json();\nconst [name, kind, path] = ids['${id}'];\nconst url = new URL(\`n/\${path.split('/').map(encodeURIComponent).join('/')}.json\`, base);\nconst record = await (await fetch(url)).json();\nconsole.log(name, kind, record.outgoingEdges.map((e) => \`\${e.kind} -> \${e.to}\`));`,
    },
    {
      key: 'stream',
      title: 'Every record in JavaScript (streamed)',
      language: 'js',
      code: `const res = await fetch('${root.url}/records.ndjson');\nconst reader = res.body.pipeThrough(new TextDecoderStream()).getReader();\nlet rest = '';\nfor (;;) {\n  const { value, done } = await reader.read();\n  const lines = (rest + (value ?? '')).split('\\n');\n  rest = lines.pop();\n  for (const line of lines) {\n    const record = JSON.parse(line);\n    // record.id, record._kind, record.attributes, record.outgoingEdges …\n  }\n  if (done) break;\n}`,
    },
  ];
}

/**
 * Editor set-up for the document schema: the per-file comment, and the VS Code `yaml.schemas`
 * setting listing the atlas's record folders (not schema/, whose declarations are another format,
 * nor the wiki's Markdown).
 */
export function editorExamples(atlas: Atlas, options: Pick<ExportOptions, 'base' | 'site'>): { modeline: string; vscodeSettings: string } {
  const clusters = [...atlas.byCluster.keys()].filter((c) => atlas.byCluster.get(c)!.some((r) => r.kind !== 'Page')).sort(cmp);
  const schemaUrl = `${siteRoot(options).url}/schema/atlas-document.schema.json`;
  const globs = clusters.length ? clusters.map((c) => `domain/${c}/**/*.yaml`) : ['domain/*/**/*.yaml'];
  return {
    modeline: `# yaml-language-server: $schema=${schemaUrl}`,
    vscodeSettings: JSON.stringify({ 'yaml.schemas': { [schemaUrl]: globs } }, null, 2),
  };
}

/** An MCP client entry (the `mcpServers` format most clients read) starting the local server. */
export function mcpClientConfig(): string {
  return JSON.stringify(
    {
      mcpServers: {
        atlas: {
          command: 'node',
          args: ['/path/to/atlas-record-viewer/scripts/atlas.mjs', 'mcp', '--domain', '/path/to/atlas-record-viewer/domain'],
        },
      },
    },
    null,
    2,
  );
}
