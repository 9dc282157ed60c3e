/**
 * The overlay checker without a browser, on the embedded site's own published files: an empty
 * overlay changes nothing, and the synthetic published atlas reproduces every record and every
 * edge declaration of the real one (which is what makes the cited file:line positions agree).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { RecordPayloadSchema, recordJson, type RecordPayload } from '../../src/pipeline/model';
import { cmp } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run-pipeline';
import { WORKSPACE_BASE_PATH, WorkspaceBaseSchema } from '../../src/site/workspace-base';
import { analyzeOverlay, syntheticFiles, type Published } from '../../src/scripts/workspace/analyze';
import { toSourceFile } from '../../src/scripts/workspace/overlay-files';
import { SITES } from '../support/sites';

function published(): Published {
  const dir = inject('sites').embedded.dir;
  const base = WorkspaceBaseSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, WORKSPACE_BASE_PATH), 'utf8')));
  const ndjson = path.join(dir, 'records.ndjson');
  const payloads: RecordPayload[] = fs.existsSync(ndjson)
    ? fs.readFileSync(ndjson, 'utf8').split('\n').filter(Boolean).map((l) => RecordPayloadSchema.parse(JSON.parse(l)))
    : loadAtlas(SITES.embedded.domain).recordList.map((r) => JSON.parse(recordJson(r)) as RecordPayload);
  return { base, records: new Map(payloads.map((p) => [p.id, p])) };
}

describe('workspace overlay checker', () => {
  it('finds no problem and no change for an empty overlay', () => {
    const result = analyzeOverlay(published(), []);
    expect(result.problems).toEqual([]);
    expect(result.diff).toEqual({ added: [], removed: [], changed: [], newlyDangling: [], newlyResolved: [] });
  });

  it('rebuilds the published atlas exactly: payloads, definitions and edge declaration places', () => {
    const pub = published();
    const real = loadAtlas(SITES.embedded.domain);
    const files = [...syntheticFiles(pub, new Set(pub.records.keys()))]
      .map(([p, text]) => ({ ...toSourceFile(p, text), role: 'records' as const }))
      .sort((a, b) => cmp(a.path, b.path));
    const rebuilt = runPipeline('/', [...pub.base.schema.map((s) => toSourceFile(s.path, s.text)), ...files], []);
    expect(rebuilt.recordList.map((r) => recordJson(r))).toEqual(real.recordList.map((r) => recordJson(r)));
    const places = (a: typeof real) => a.recordList.map((r) => [r.id, r.definitions.map((d) => `${d.file}:${d.line}`), r.outgoing.map((e) => e.declarations.map((d) => `${d.file}:${d.line}`))]);
    expect(places(rebuilt)).toEqual(places(real));
  });

  it('replaces a published file named like an overlay file, and reports what disappears', () => {
    const pub = published();
    const file = 'role/org-units/org-units.yaml';
    const result = analyzeOverlay(pub, [{ path: file, text: 'nodeKind: OrgUnit\nid: org-unit:engineering\nattributes:\n  displayName: Engineering\n  description: All of it.\n  unitType: department\n' }]);
    expect(result.replaces).toEqual([file]);
    expect(result.diff.removed.map((p) => p.id)).toContain('org-unit:database-team');
    expect(result.diff.newlyDangling.some((e) => e.to === 'org-unit:database-team')).toBe(true);
    expect(result.diff.changed.find((c) => c.id === 'org-unit:engineering')?.attributes.map((a) => a.key)).toEqual(expect.arrayContaining(['description']));
  });
});
