/**
 * The local MCP server: the tools of `tool-specs.ts` over one pipeline run, on stdio.
 *
 * stdout is the protocol channel, so nothing else may ever write to it: diagnostics go to stderr.
 * Tool inputs are validated by the SDK against the zod shapes (a bad input becomes an error
 * result); lookups of unknown ids, kinds or clusters return error results too, never a crash.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { kindsFile } from '../exports/tables';
import { recordPayload, type Atlas } from '../pipeline/model';
import { checkAtlas, findPath, neighbours, QueryError, requireRecord, searchRecords } from './queries';
import { TOOL_SPECS, type ToolInput, type ToolName } from './tool-specs';

export interface ServerInfo {
  name: string;
  version: string;
}

function result(value: object): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** An MCP server answering from `atlas` (which the caller loaded once). */
export function createAtlasServer(atlas: Atlas, info: ServerInfo): McpServer {
  const server = new McpServer(
    { name: info.name, version: info.version },
    {
      instructions:
        `Read-only tools over a typed knowledge atlas (${atlas.stats.records} records, ${atlas.stats.edges} edges). ` +
        'Ids are opaque strings such as `workflow:schema-migration`: find them with search_records, read them with get_record, ' +
        'explore with neighbours and find_path, and see the vocabulary with list_kinds and list_edge_kinds.',
    },
  );

  const register = <T extends ToolName>(name: T, run: (input: ToolInput<T>) => object) => {
    const spec = TOOL_SPECS[name];
    server.registerTool(
      name,
      { title: spec.title, description: spec.description, inputSchema: spec.input, annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false } },
      // The SDK has validated the input against `spec.input` before this runs.
      ((input: ToolInput<T>) => {
        try {
          return result(run(input));
        } catch (err) {
          if (err instanceof QueryError) return failure(err.message);
          process.stderr.write(`atlas mcp: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
          return failure(`Internal error in ${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }) as never,
    );
  };

  register('get_record', ({ id }) => recordPayload(requireRecord(atlas, id)));
  register('search_records', (input) => searchRecords(atlas, input));
  register('neighbours', (input) => neighbours(atlas, input));
  register('find_path', (input) => findPath(atlas, input));
  register('list_kinds', () => ({ nodeKinds: kindsFile(atlas).nodeKinds }));
  register('list_edge_kinds', () => ({ edgeKinds: kindsFile(atlas).edgeKinds }));
  register('check_atlas', (input) => checkAtlas(atlas, input));
  return server;
}

/** Serves `atlas` on stdin/stdout until the client disconnects. */
export async function runStdioServer(atlas: Atlas, info: ServerInfo): Promise<void> {
  const server = createAtlasServer(atlas, info);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
