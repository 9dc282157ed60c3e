/**
 * The MCP server's tools: names, descriptions and input schemas, kept apart from the SDK wiring so
 * the documentation exports (agents.md, the For agents page) list exactly what the server offers.
 * Parameter documentation uses `.describe()` because that is what reaches the client.
 */
import * as z from 'zod';
import { SeveritySchema } from '../pipeline/problems';

const id = (what: string) => z.string().min(1).describe(what);
const edgeKinds = z.array(z.string().min(1)).min(1).optional().describe('Only follow edges of these kinds (default: all).');

export const TOOL_SPECS = {
  get_record: {
    title: 'Get record',
    description: 'The full JSON payload of one record (id, _kind, _file, _cluster, attributes, outgoingEdges, incomingEdges), as `atlas get` prints it. Unknown ids return an error with the closest ids.',
    input: { id: id('Record id, e.g. `workflow:schema-migration`.') },
  },
  search_records: {
    title: 'Search records',
    description: 'Find records whose id, display name or description contains every word of the query (case-insensitive), best matches first: exact id, then id or name prefix, then the rest. Filter by node kind and cluster; an empty query lists the filtered records in id order.',
    input: {
      query: z.string().max(500).default('').describe('Words to look for in ids, names and descriptions; empty lists everything that passes the filters.'),
      kind: z.string().min(1).optional().describe('Only records of this node kind (see list_kinds).'),
      cluster: z.string().min(1).optional().describe('Only records of this cluster (top-level folder).'),
      limit: z.number().int().min(1).max(200).default(20).describe('Most results to return (1–200, default 20).'),
    },
  },
  neighbours: {
    title: 'Neighbours',
    description: 'Records reachable from a record within `depth` edge hops, with the edges walked. Direction `out` follows outgoing edges, `in` incoming ones, `both` either way.',
    input: {
      id: id('Record id to start from.'),
      depth: z.number().int().min(1).max(4).default(1).describe('Hops to walk (1–4, default 1).'),
      direction: z.enum(['out', 'in', 'both']).default('both').describe('Which edges to follow (default both).'),
      edgeKinds,
      limit: z.number().int().min(1).max(1000).default(200).describe('Most neighbour records to return (1–1000, default 200).'),
    },
  },
  find_path: {
    title: 'Find path',
    description: 'A shortest chain of edges between two records (breadth-first, up to `maxLength` hops). With direction `both` an edge may be walked against its direction; each step says which way it was walked.',
    input: {
      from: id('Start record id.'),
      to: id('Goal record id.'),
      maxLength: z.number().int().min(1).max(12).default(6).describe('Longest path to look for, in edges (1–12, default 6).'),
      direction: z.enum(['out', 'both']).default('both').describe('`out`: only along edge direction; `both`: either way (default).'),
      edgeKinds,
    },
  },
  list_kinds: {
    title: 'List node kinds',
    description: 'Every node kind (declared in schema/ or used by records) with its record count, id prefix, purpose and declared attributes.',
    input: {},
  },
  list_edge_kinds: {
    title: 'List edge kinds',
    description: 'Every edge kind with its count, description, allowed source and target kinds, and declared attributes.',
    input: {},
  },
  check_atlas: {
    title: 'Check atlas',
    description: 'Problems the pipeline found in the atlas source (file:line:column, code, message, hint), with counts. Filter by minimum severity, code and file prefix.',
    input: {
      severity: SeveritySchema.optional().describe('Only problems at or above this severity (error, warning, info; default: all).'),
      code: z.string().min(1).optional().describe('Only problems with this code, e.g. `dangling-edge`.'),
      file: z.string().min(1).optional().describe('Only problems in files whose path starts with this.'),
      limit: z.number().int().min(1).max(1000).default(100).describe('Most problems to list (1–1000, default 100); counts cover all.'),
    },
  },
} as const satisfies Record<string, { title: string; description: string; input: z.ZodRawShape }>;

export type ToolName = keyof typeof TOOL_SPECS;
export type ToolInput<T extends ToolName> = z.infer<z.ZodObject<(typeof TOOL_SPECS)[T]['input']>>;
