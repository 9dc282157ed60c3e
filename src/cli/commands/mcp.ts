/** `atlas mcp`: serve the atlas to MCP clients over stdio. */
import pkg from '../../../package.json';
import { TOOL_SPECS } from '../../mcp/tool-specs';
import { load, type Command } from '../main';

export const mcpCommand: Command = {
  summary: 'Start a Model Context Protocol server on stdio (tools: get_record, search_records, neighbours, find_path, …).',
  usage: `atlas mcp [--domain DIR] [--strict]

  --domain DIR   atlas folder (default: $ATLAS_DOMAIN_DIR or ./domain)
  --strict       schema conformance problems become errors (also ATLAS_STRICT=1)

Speaks MCP on stdin/stdout (register it with your MCP client; see docs/for-agents.md).
Tools: ${Object.keys(TOOL_SPECS).join(', ')}. Diagnostics go to stderr.`,
  options: { domain: { type: 'string' }, strict: { type: 'boolean' } },
  async run({ values, io }) {
    // stdout carries the protocol: anything a library logs must not corrupt it.
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    const atlas = load(values, io);
    io.err(`atlas mcp: serving ${atlas.stats.records.toLocaleString('en-US')} records from ${atlas.root} on stdio (${atlas.problems.length} problems)\n`);
    // Loaded here, not at the top: the MCP SDK would add to every other command's start-up.
    const { runStdioServer } = await import('../../mcp/server');
    await runStdioServer(atlas, { name: 'atlas-record-viewer', version: pkg.version });
    return 0;
  },
};
