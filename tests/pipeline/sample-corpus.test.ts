/**
 * The sample corpus (../shared/corpora/a5c-atlas-sample): the reference record, the known syntax
 * error, the duplicate ids and the dangling edges. Loaded once per file (loadAtlas memoizes).
 */
import { beforeAll, expect, it } from 'vitest';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { recordJson, recordPayload, type Atlas } from '../../src/pipeline/model';
import { SAMPLE_DIR, describeWithSample } from '../support/corpus';

describeWithSample('sample corpus', () => {
  let atlas: Atlas;
  beforeAll(() => {
    atlas = loadAtlas(SAMPLE_DIR);
  });

  it('loads the corpus once per process', () => {
    expect(loadAtlas(SAMPLE_DIR)).toBe(atlas);
    expect(atlas.stats.records).toBeGreaterThan(1000);
  });

  it('workflow:schema-migration: kind, file, cluster and attributes as the original site shows them', () => {
    const record = atlas.records.get('workflow:schema-migration');
    expect(record).toBeDefined();
    const p = recordPayload(record!);
    expect(p).toMatchObject({
      id: 'workflow:schema-migration',
      _kind: 'Workflow',
      _file: 'domain/workflows/workflows-technical-depth.yaml',
      _cluster: 'domain',
    });
    expect(p.attributes).toMatchObject({
      displayName: 'Schema Migration',
      workflowKind: 'development',
      triggerType: 'on-demand',
      typicalCadence: 'per-feature',
      complexity: 'complex',
    });
    expect(String(p.attributes.description)).toMatch(/^Safe, audited workflow/);
  });

  it('workflow:schema-migration has exactly 15 distinct outgoing edges of the expected kinds', () => {
    const p = recordPayload(atlas.records.get('workflow:schema-migration')!);
    expect(p.outgoingEdges).toHaveLength(15);
    expect(new Set(p.outgoingEdges.map((e) => `${e.kind}>${e.to}`)).size).toBe(15);
    const byKind: Record<string, number> = {};
    for (const e of p.outgoingEdges) {
      expect(e.from).toBe('workflow:schema-migration');
      byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    }
    expect(byKind).toEqual({
      involves_role: 6,
      applies_to_domain: 3,
      requires_skill_area: 2,
      triggers_responsibility: 2,
      performed_by_org_unit: 2,
    });
    // The original site showed 27 with duplicates: the merged declarations are kept.
    const declared = atlas.records.get('workflow:schema-migration')!.outgoing.reduce((n, e) => n + e.declarations.length, 0);
    expect(declared).toBeGreaterThan(15);
  });

  it('workflow:schema-migration incoming edges: tools that support it (with confidence and evidence) and three stack profiles', () => {
    const p = recordPayload(atlas.records.get('workflow:schema-migration')!);
    expect(p.incomingEdges.every((e) => e.to === 'workflow:schema-migration')).toBe(true);
    for (const tool of ['tool:neon', 'tool:supabase', 'tool:saleor']) {
      const edge = p.incomingEdges.find((e) => e.from === tool && e.kind === 'supports_work');
      expect(edge, tool).toBeDefined();
      expect(edge!.attributes).toHaveProperty('confidence');
      expect(edge!.attributes).toHaveProperty('evidence');
    }
    const follows = p.incomingEdges.filter((e) => e.kind === 'follows_workflow');
    expect(follows).toHaveLength(3);
    for (const e of follows) {
      expect(e.from.startsWith('stack-profile:')).toBe(true);
      expect(e).not.toHaveProperty('attributes');
    }
  });

  it('the payload JSON is the one serialization: pretty, stable, no internal fields', () => {
    const json = recordJson(atlas.records.get('workflow:schema-migration')!);
    expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    expect(json).not.toMatch(/"(declarations|dangling|definitions|contributions)"/);
    expect(json).not.toContain('"attributes": {}');
  });

  it('exactly one yaml-syntax problem, at agent-stack/agent-versions/pi-issue-541.yaml line 42', () => {
    const syntax = atlas.problems.filter((p) => p.code === 'yaml-syntax');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ file: 'agent-stack/agent-versions/pi-issue-541.yaml', line: 42, severity: 'error' });
    expect(syntax[0]!.column).toBeGreaterThan(0);
  });

  it('exactly 270 ids are reported as duplicate-id, each once, each defined by several node documents', () => {
    const dups = atlas.problems.filter((p) => p.code === 'duplicate-id');
    const ids = new Set(dups.map((p) => p.id));
    expect(ids.size).toBe(270);
    expect(dups).toHaveLength(270);
    for (const id of ids) {
      const record = atlas.records.get(id!)!;
      expect(record.definitions.length).toBeGreaterThan(1);
      expect(record.definitions.every((d) => d.form === 'node' || d.form === 'bundle-node' || d.form === 'wiki')).toBe(true);
    }
    const defined = atlas.recordList.filter((r) => r.definitions.length > 1).length;
    expect(defined).toBe(270);
  });

  it('every dangling edge is reported, and no dangling target is a record id', () => {
    const dangling = atlas.edges.filter((e) => e.dangling);
    const reported = atlas.problems.filter((p) => p.code === 'dangling-edge');
    expect(dangling.length).toBeGreaterThan(0);
    expect(reported).toHaveLength(dangling.length);
    expect(atlas.stats.danglingEdges).toBe(dangling.length);
    for (const e of dangling) expect(atlas.records.has(e.to)).toBe(false);
    for (const e of atlas.edges) if (!e.dangling) expect(atlas.records.has(e.to)).toBe(true);
    const reportedKeys = new Set(reported.map((p) => `${p.file}:${p.line}:${p.column}:${p.id}`));
    for (const e of dangling) {
      const at = e.declarations[0]!;
      expect(reportedKeys.has(`${at.file}:${at.line}:${at.column}:${e.from}`)).toBe(true);
    }
  });

  it('damaged schema declarations are schema problems, never a crash', () => {
    const schema = atlas.problems.filter((p) => p.code === 'schema-invalid');
    expect(schema.length).toBeGreaterThan(0);
    expect(schema.every((p) => p.file.startsWith('schema/') && p.severity === 'warning')).toBe(true);
    expect(atlas.schema.nodeKinds.has('Workflow')).toBe(true);
  });

  it('every problem has the documented shape', () => {
    for (const p of atlas.problems) {
      expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['code', 'column', 'file', 'hint', 'line', 'message', 'severity']));
      expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(p.severity);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.hint.length).toBeGreaterThan(0);
    }
  });
});
