/**
 * The MCP server end to end: started over stdio by the SDK's own client exactly as an MCP client
 * would (`node --import tsx src/cli/main.ts mcp --domain domain`, and the same through the compiled
 * `atlas` bin), every tool listed and called, with good and bad input. Answers are compared with
 * the pipeline's own result.
 */
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { recordPayload } from '../../src/pipeline/model';

const REPO = path.resolve(import.meta.dirname, '../..');
const atlas = loadAtlas(path.join(REPO, 'domain'));
const REF = 'workflow:schema-migration';
const HUB = 'domain:software-engineering';

let client: Client;
let transport: StdioClientTransport;
let stderr = '';

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(r: CallToolResult): string {
  const first = r.content[0];
  return first && first.type === 'text' ? first.text : '';
}

/** A successful result's JSON (the text content and the structured content must agree). */
function ok<T = Record<string, unknown>>(r: CallToolResult): T {
  expect(r.isError, text(r)).toBeFalsy();
  const parsed = JSON.parse(text(r)) as T;
  expect(r.structuredContent).toEqual(parsed);
  return parsed;
}

function failed(r: CallToolResult, pattern: RegExp): void {
  expect(r.isError).toBe(true);
  expect(text(r)).toMatch(pattern);
}

// From source, as the tests run everything, and as users run it: the `atlas` bin, compiled with
// zod inside it (scripts/compiled-entry.mjs) while the SDK validates tool input with its own copy.
describe.each([
  { how: 'from source', entry: ['--import', 'tsx', 'src/cli/main.ts'] },
  { how: 'the atlas bin', entry: ['scripts/atlas.mjs'] },
])('atlas mcp (stdio), $how', ({ entry }) => {
  beforeAll(async () => {
    stderr = '';
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [...entry, 'mcp', '--domain', 'domain'],
      cwd: REPO,
      env: { ...(process.env as Record<string, string>), ATLAS_DEBUG_PIPELINE: '1' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    client = new Client({ name: 'atlas-test', version: '0.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
  });

  it('announces itself and lists the seven tools with input schemas', async () => {
    expect(client.getServerVersion()?.name).toBe('atlas-record-viewer');
    expect(client.getInstructions()).toContain('search_records');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check_atlas', 'find_path', 'get_record', 'list_edge_kinds', 'list_kinds', 'neighbours', 'search_records']);
    for (const t of tools) {
      expect(t.description?.length).toBeGreaterThan(20);
      expect(t.inputSchema.type).toBe('object');
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const search = tools.find((t) => t.name === 'search_records')!;
    expect(Object.keys(search.inputSchema.properties ?? {})).toEqual(['query', 'kind', 'cluster', 'limit']);
  });

  it('logs only to stderr (stdout is the protocol channel)', () => {
    expect(stderr).toContain('atlas mcp: serving 372 records');
    expect(stderr).toContain('[pipeline] loading');
  });

  it('get_record returns the record payload, byte for byte what `atlas get` prints', async () => {
    const r = ok(await call('get_record', { id: REF }));
    expect(r).toEqual(recordPayload(atlas.records.get(REF)!));
    expect((r.outgoingEdges as unknown[]).length).toBe(15);
    expect((r.incomingEdges as unknown[]).length).toBe(8);
  });

  it('get_record: unknown ids and bad input are error results with help', async () => {
    failed(await call('get_record', { id: 'workflow:schema-migratio' }), /No record has the id "workflow:schema-migratio"\. Did you mean: workflow:schema-migration/);
    failed(await call('get_record', {}), /id/);
    failed(await call('get_record', { id: 42 }), /id/);
    failed(await call('get_record', { id: '' }), /id/);
  });

  it('search_records ranks the exact name first and honours filters and limit', async () => {
    const r = ok<{ total: number; results: { id: string; kind: string; cluster: string; name: string }[] }>(await call('search_records', { query: 'Schema Migration' }));
    expect(r.results[0]).toMatchObject({ id: REF, name: 'Schema Migration', kind: 'Workflow' });
    const byKind = ok<{ total: number; results: { kind: string }[] }>(await call('search_records', { kind: 'Workflow', limit: 5 }));
    expect(byKind.total).toBe(atlas.byKind.get('Workflow')!.length);
    expect(byKind.results).toHaveLength(5);
    expect(byKind.results.every((x) => x.kind === 'Workflow')).toBe(true);
    const cluster = ok<{ results: { cluster: string }[] }>(await call('search_records', { query: 'review', cluster: 'workflows', limit: 200 }));
    expect(cluster.results.length).toBeGreaterThan(0);
    expect(cluster.results.every((x) => x.cluster === 'workflows')).toBe(true);
    // Words may match id, name or description, in any order.
    const words = ok<{ results: { id: string }[] }>(await call('search_records', { query: 'migration schema' }));
    expect(words.results.map((x) => x.id)).toContain(REF);
  });

  it('search_records: bad filters and limits are error results', async () => {
    failed(await call('search_records', { kind: 'Nope' }), /Unknown node kind "Nope"/);
    failed(await call('search_records', { cluster: 'nope' }), /Unknown cluster "nope"/);
    failed(await call('search_records', { limit: 0 }), /limit/);
    failed(await call('search_records', { limit: 'ten' }), /limit/);
    failed(await call('search_records', { query: 5 }), /query/);
  });

  it('neighbours at depth 1 are exactly the ends of the edges of the record', async () => {
    const record = atlas.records.get(REF)!;
    const expected = new Set([...record.outgoing.map((e) => e.to), ...record.incoming.map((e) => e.from)]);
    const r = ok<{ start: { id: string }; neighbours: { id: string; distance: number }[]; edges: unknown[]; truncated: boolean }>(await call('neighbours', { id: REF }));
    expect(r.start.id).toBe(REF);
    expect(new Set(r.neighbours.map((n) => n.id))).toEqual(expected);
    expect(r.neighbours.every((n) => n.distance === 1)).toBe(true);
    expect(r.edges).toHaveLength(record.outgoing.length + record.incoming.length);
    expect(r.truncated).toBe(false);
  });

  it('neighbours follows direction, edge kinds, depth and limit', async () => {
    const out = ok<{ edges: { from: string; kind: string }[] }>(await call('neighbours', { id: REF, direction: 'out', edgeKinds: ['involves_role'] }));
    expect(out.edges.length).toBeGreaterThan(0);
    expect(out.edges.every((e) => e.from === REF && e.kind === 'involves_role')).toBe(true);
    const deep = ok<{ neighbours: { distance: number }[]; truncated: boolean }>(await call('neighbours', { id: REF, depth: 2, limit: 10 }));
    expect(deep.neighbours).toHaveLength(10);
    expect(deep.truncated).toBe(true);
    const two = ok<{ neighbours: { distance: number }[] }>(await call('neighbours', { id: REF, depth: 2, limit: 1000 }));
    expect(two.neighbours.some((n) => n.distance === 2)).toBe(true);
  });

  it('neighbours: bad input is an error result', async () => {
    failed(await call('neighbours', { id: REF, depth: 9 }), /depth/);
    failed(await call('neighbours', { id: REF, direction: 'sideways' }), /direction/);
    failed(await call('neighbours', { id: REF, edgeKinds: ['nope'] }), /Unknown edge kind: nope/);
    failed(await call('neighbours', { id: 'no:such' }), /No record has the id/);
  });

  it('find_path returns a shortest chain of real edges', async () => {
    const r = ok<{ found: boolean; length: number; records: { id: string }[]; steps: { from: string; to: string; kind: string; walked: string }[] }>(
      await call('find_path', { from: REF, to: HUB }),
    );
    expect(r.found).toBe(true);
    expect(r.steps).toHaveLength(r.length);
    expect(r.records[0]!.id).toBe(REF);
    expect(r.records.at(-1)!.id).toBe(HUB);
    r.steps.forEach((s, i) => {
      expect(atlas.edges.some((e) => e.from === s.from && e.to === s.to && e.kind === s.kind)).toBe(true);
      const [a, b] = s.walked === 'forward' ? [s.from, s.to] : [s.to, s.from];
      expect([a, b]).toEqual([r.records[i]!.id, r.records[i + 1]!.id]);
    });
    const self = ok<{ found: boolean; length: number }>(await call('find_path', { from: REF, to: REF }));
    expect(self).toMatchObject({ found: true, length: 0 });
  });

  it('find_path respects direction and maxLength, and rejects bad input', async () => {
    // Nothing leads out of the hub back to the workflow along edge direction within one hop.
    const none = ok<{ found: boolean }>(await call('find_path', { from: HUB, to: REF, direction: 'out', maxLength: 1 }));
    expect(none.found).toBe(false);
    failed(await call('find_path', { from: REF, to: 'no:such' }), /No record has the id "no:such"/);
    failed(await call('find_path', { from: REF, to: HUB, maxLength: 50 }), /maxLength/);
    failed(await call('find_path', { from: REF }), /to/);
  });

  it('list_kinds and list_edge_kinds count what the pipeline counted', async () => {
    const kinds = ok<{ nodeKinds: { name: string; count: number; declared: boolean }[] }>(await call('list_kinds'));
    for (const [name, records] of atlas.byKind) expect(kinds.nodeKinds.find((k) => k.name === name)?.count).toBe(records.length);
    const edges = ok<{ edgeKinds: { name: string; count: number }[] }>(await call('list_edge_kinds'));
    for (const [name, list] of atlas.byEdgeKind) expect(edges.edgeKinds.find((k) => k.name === name)?.count).toBe(list.length);
  });

  it('check_atlas lists problems with filters, and rejects a bad severity', async () => {
    const all = ok<{ total: number; counts: Record<string, number>; problems: { code: string; severity: string }[] }>(await call('check_atlas'));
    expect(all.total).toBe(atlas.problems.length);
    expect(all.counts).toEqual(atlas.stats.problemsBySeverity);
    const errors = ok<{ total: number }>(await call('check_atlas', { severity: 'error' }));
    expect(errors.total).toBe(atlas.stats.problemsBySeverity.error);
    const dup = ok<{ problems: { code: string }[] }>(await call('check_atlas', { code: 'duplicate-edge', limit: 2 }));
    expect(dup.problems.length).toBeLessThanOrEqual(2);
    expect(dup.problems.every((p) => p.code === 'duplicate-edge')).toBe(true);
    failed(await call('check_atlas', { severity: 'fatal' }), /severity/);
  });

  it('an unknown tool is an error result, and the server keeps serving afterwards', async () => {
    failed(await call('drop_tables', {}), /drop_tables/);
    expect(ok(await call('get_record', { id: HUB })).id).toBe(HUB);
  });
});
