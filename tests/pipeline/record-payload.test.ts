import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearAtlasCache, loadAtlas } from '../../src/pipeline/load-atlas';
import { RecordPayloadSchema, displayName, edgePayload, recordJson, recordPayload, type Atlas } from '../../src/pipeline/model';
import { FIXTURES, atlasOf, tempAtlas } from './helpers';

const BASIC = path.join(FIXTURES, 'basic');

describe('record payload (recordJson)', () => {
  let atlas: Atlas;
  beforeAll(() => {
    atlas = loadAtlas(BASIC);
  });

  it('has exactly the keys id, _kind, _file, _cluster, attributes, outgoingEdges, incomingEdges, in that order', () => {
    for (const record of atlas.recordList) {
      const payload = JSON.parse(recordJson(record)) as Record<string, unknown>;
      expect(Object.keys(payload)).toEqual(['id', '_kind', '_file', '_cluster', 'attributes', 'outgoingEdges', 'incomingEdges']);
      expect(RecordPayloadSchema.safeParse(payload).success).toBe(true);
      expect(typeof payload.attributes).toBe('object');
      expect(Array.isArray(payload.attributes)).toBe(false);
    }
  });

  it('prints the reference shape for a fixture record, byte for byte', () => {
    const json = recordJson(atlas.records.get('workflow:deploy')!);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual({
      id: 'workflow:deploy',
      _kind: 'Workflow',
      _file: 'work/workflows.yaml',
      _cluster: 'work',
      attributes: { displayName: 'Deploy', complexity: 'moderate', since: '2024-03-01', tags: ['release', 'ops'] },
      outgoingEdges: [
        { from: 'workflow:deploy', to: 'role:dev', kind: 'involves_role', attributes: { weight: 2 } },
        { from: 'workflow:deploy', to: 'role:ops', kind: 'involves_role' },
        { from: 'workflow:deploy', to: 'domain:cloud', kind: 'applies_to_domain' },
      ],
      incomingEdges: [
        { from: 'tool:ci', to: 'workflow:deploy', kind: 'supports_work', attributes: { confidence: 'high', evidence: 'Runs every deploy.' } },
      ],
    });
    expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
  });

  it('edges are {from,to,kind,attributes?}: attributes omitted when there are none, never {}', () => {
    for (const record of atlas.recordList) {
      const payload = recordPayload(record);
      for (const e of [...payload.outgoingEdges, ...payload.incomingEdges]) {
        const keys = Object.keys(e);
        expect(['from,to,kind', 'from,to,kind,attributes']).toContain(keys.join(','));
        if (e.attributes) expect(Object.keys(e.attributes).length).toBeGreaterThan(0);
      }
      expect(JSON.stringify(payload)).not.toContain('"attributes":{}}');
      expect(JSON.stringify(payload)).not.toContain('declarations');
      expect(JSON.stringify(payload)).not.toContain('dangling');
    }
  });

  it('a record without attributes has `attributes: {}`; incomingEdges are the edges whose `to` is the record', () => {
    const a = atlasOf({ 'c/a.yaml': 'nodeKind: X\nid: x:1\nedges:\n  k: x:2\n---\nnodeKind: X\nid: x:2\n' });
    const p = recordPayload(a.records.get('x:2')!);
    expect(p.attributes).toEqual({});
    expect(p.outgoingEdges).toEqual([]);
    expect(p.incomingEdges).toEqual([{ from: 'x:1', to: 'x:2', kind: 'k' }]);
    expect(edgePayload(a.edges[0]!)).toEqual({ from: 'x:1', to: 'x:2', kind: 'k' });
  });

  it('edges keep their first-declaration order (files in path order, then position in the file)', () => {
    const a = atlasOf({
      'b/b.yaml': 'extendsNode: {nodeKind: X, id: x:1}\nedges:\n  k: [t:3, t:1]\n',
      'a/a.yaml': 'nodeKind: X\nid: x:1\nedges:\n  k: [t:2, t:1]\n  j: t:0\n',
    });
    expect(recordPayload(a.records.get('x:1')!).outgoingEdges.map((e) => `${e.kind}>${e.to}`)).toEqual(['k>t:2', 'k>t:1', 'j>t:0', 'k>t:3']);
  });

  it('displayName prefers displayName, then name, then title, then the id', () => {
    expect(displayName({ id: 'x', attributes: { displayName: ' D ', name: 'N' } })).toBe('D');
    expect(displayName({ id: 'x', attributes: { name: 'N', title: 'T' } })).toBe('N');
    expect(displayName({ id: 'x', attributes: { title: 'T' } })).toBe('T');
    expect(displayName({ id: 'x', attributes: { displayName: 3 } })).toBe('x');
  });
});

describe('atlas indexes and stats', () => {
  it('indexes records by id (sorted), kind, cluster and edge kind, and counts them', () => {
    const atlas = loadAtlas(BASIC);
    expect(atlas.recordList.map((r) => r.id)).toEqual(['page:guide', 'role:dev', 'role:ops', 'tool:ci', 'workflow:deploy', 'workflow:review']);
    expect([...atlas.records.keys()]).toEqual(atlas.recordList.map((r) => r.id));
    expect([...atlas.byKind.keys()]).toEqual(['Page', 'Role', 'Tool', 'Workflow']);
    expect([...atlas.byCluster.keys()]).toEqual(['people', 'tools', 'wiki', 'work']);
    expect(atlas.stats).toMatchObject({
      files: 7,
      documents: 6,
      records: 6,
      edgesDeclared: 7,
      edges: 6,
      danglingEdges: 1,
      byCluster: { people: 2, tools: 1, wiki: 1, work: 2 },
      byKind: { Page: 1, Role: 2, Tool: 1, Workflow: 2 },
      byEdgeKind: { applies_to_domain: 1, involves_role: 4, supports_work: 1 },
      problemsBySeverity: { error: 0, warning: 2, info: 1 },
      problemsByCode: { 'dangling-edge': 1, 'duplicate-edge': 1, 'unknown-edge-kind': 1 },
    });
    expect(atlas.paths.get('workflow:deploy')).toBe('workflow/deploy');
    expect(atlas.pages.map((p) => p.id)).toEqual(['page:guide']);
    expect(atlas.schema.nodeKinds.has('Workflow')).toBe(true);
  });

  it('does not materialize inverse edge kinds', () => {
    const atlas = loadAtlas(BASIC);
    expect(atlas.schema.edgeKinds.get('supports_work')!.inverse).toBe('supported_by');
    expect(atlas.edges.some((e) => e.kind === 'supported_by')).toBe(false);
  });

  it('problems are sorted by file, line, column', () => {
    const atlas = atlasOf({
      'b/b.yaml': 'nodeKind: X\nid: x:2\nedges:\n  k: [n:1]\n',
      'a/a.yaml': 'nodeKind: X\nid: x:1\nedges:\n  k: [n:2, n:3]\n  j:\n',
    });
    expect(atlas.problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['a/a.yaml:4:7', 'a/a.yaml:4:12', 'a/a.yaml:5:3', 'b/b.yaml:4:7']);
  });

  it('reports ids whose paths collide case-insensitively', () => {
    const atlas = atlasOf({ 'c/a.yaml': 'nodeKind: X\nid: skill:ADR\n---\nnodeKind: X\nid: skill:adr\n' });
    expect(atlas.problems).toMatchObject([{ code: 'path-collision', id: 'skill:adr', line: 4 }]);
    expect(atlas.paths.get('skill:ADR')).toBe('skill/ADR');
    expect(atlas.paths.get('skill:adr')).toBe('skill/adr~2');
  });
});

describe('loadAtlas', () => {
  it('memoizes per root: loading the same root twice returns the same object', () => {
    const dir = tempAtlas({ 'c/a.yaml': 'nodeKind: X\nid: x:1\n' });
    const first = loadAtlas(dir);
    expect(loadAtlas(dir)).toBe(first);
    expect(loadAtlas(dir, { strict: true })).not.toBe(first);
    clearAtlasCache();
    const again = loadAtlas(dir);
    expect(again).not.toBe(first);
    expect(recordJson(again.records.get('x:1')!)).toBe(recordJson(first.records.get('x:1')!));
  });

  it('does not serve a memoized result loaded with different limits', () => {
    const dir = tempAtlas({ 'c/a.yaml': `nodeKind: X\nid: x:1\nattributes: {note: "${'x'.repeat(300)}"}\n` });
    expect(loadAtlas(dir).records.size).toBe(1);
    const limited = loadAtlas(dir, { maxFileBytes: 100 });
    expect(limited.records.size).toBe(0);
    expect(limited.problems.map((p) => p.code)).toContain('file-too-large');
  });

  it('reports stage timings through onStage', () => {
    const dir = tempAtlas({ 'c/a.yaml': 'nodeKind: X\nid: x:1\n' });
    const stages: string[] = [];
    loadAtlas(dir, { onStage: (s) => stages.push(s) });
    expect(stages).toEqual(['read', 'parse', 'normalize', 'dedupe', 'validate', 'index']);
  });
});
