/**
 * The YAML document format round-trips through its schema: every form in fixtures/valid.yaml
 * passes both the zod schema and the JSON Schema generated from it (what editors use), the real
 * pipeline loads it without errors, and each invalid case fails at the expected path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { jsonSchema, SCHEMA_SOURCES } from '../../src/exports/json-schemas';
import { AtlasDocumentSchema } from '../../src/pipeline/document-schema';
import { clearAtlasCache, loadAtlas } from '../../src/pipeline/load-atlas';
import { compileSchema, describeErrors, errorPath } from './support';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const source = SCHEMA_SOURCES.find((s) => s.file === 'atlas-document.schema.json')!;
const generated = jsonSchema(source, { base: '/' });
const validate = compileSchema(generated);

/** Every issue path zod reports, unions included (a union reports each branch's issues). */
function zodPaths(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  return issues.flatMap((i) => {
    const at = [...prefix, ...i.path];
    const nested = i.code === 'invalid_union' ? i.errors.flatMap((branch) => zodPaths(branch, at)) : [];
    return [`/${at.map(String).join('/')}`.replace(/\/$/, '') || '', ...nested];
  });
}

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

describe('atlas-document.schema.json', () => {
  it('is a draft-07 JSON Schema generated from the zod document schema', () => {
    expect(generated.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(generated.title).toBe('Atlas record document');
    expect(JSON.parse(JSON.stringify(generated))).toEqual(generated);
  });

  const docs = yaml.loadAll(fs.readFileSync(path.join(FIXTURES, 'valid.yaml'), 'utf8'));

  it('accepts every document of the valid fixture (zod and JSON Schema agree)', () => {
    expect(docs.length).toBe(6);
    for (const doc of docs) {
      const parsed = AtlasDocumentSchema.safeParse(doc);
      expect(parsed.success, JSON.stringify(doc)).toBe(true);
      expect(validate(doc), `${JSON.stringify(doc)}: ${describeErrors(validate.errors)}`).toBe(true);
    }
  });

  it('the valid fixture loads through the real pipeline without errors or warnings', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-docs-'));
    tmp.push(root);
    fs.mkdirSync(path.join(root, 'tools'));
    fs.mkdirSync(path.join(root, 'schema'));
    fs.copyFileSync(path.join(FIXTURES, 'valid.yaml'), path.join(root, 'tools', 'valid.yaml'));
    fs.copyFileSync(path.join(FIXTURES, 'schema.yaml'), path.join(root, 'schema', 'atlas.yaml'));
    clearAtlasCache();
    const atlas = loadAtlas(root);
    expect(atlas.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect([...atlas.records.keys()]).toEqual(['tool:hammer', 'tool:mallet', 'tool:nail-gun', 'vendor:acme', 'vendor:globex']);
    const hammer = atlas.records.get('tool:hammer')!;
    expect(hammer.attributes).toMatchObject({ displayName: 'Hammer', weightGrams: 450, description: 'A hand tool for driving nails.' });
    expect(hammer.outgoing.find((e) => e.to === 'tool:nail-gun')?.attributes).toEqual({ confidence: 'high', evidence: 'Both drive nails.' });
  });

  const invalid: { name: string; yaml: string; path: string }[] = [
    { name: 'empty nodeKind', yaml: 'nodeKind: ""\nid: tool:x', path: '/nodeKind' },
    { name: 'empty id', yaml: 'nodeKind: Tool\nid: ""', path: '/id' },
    { name: 'id that is a list', yaml: 'nodeKind: Tool\nid: [a, b]', path: '/id' },
    { name: 'attributes that are a list', yaml: 'nodeKind: Tool\nid: tool:x\nattributes: [1, 2]', path: '/attributes' },
    { name: 'edge targets that are a boolean', yaml: 'nodeKind: Tool\nid: tool:x\nedges:\n  made_by: true', path: '/edges/made_by' },
    { name: 'edge list holding a boolean', yaml: 'nodeKind: Tool\nid: tool:x\nedges:\n  made_by: [vendor:a, false]', path: '/edges/made_by/1' },
    { name: 'patch that is not a boolean', yaml: 'nodeKind: Tool\nid: tool:x\npatch: "yes"', path: '/patch' },
    { name: 'extension without an id', yaml: 'extendsNode:\n  nodeKind: Tool', path: '/extendsNode/id' },
    { name: 'extension with an empty kind', yaml: 'extendsNode:\n  nodeKind: ""\n  id: tool:x', path: '/extendsNode/nodeKind' },
    { name: 'bundle whose nodes are a map', yaml: 'kind: NodeDocument\nnodes: {a: 1}', path: '/nodes' },
    { name: 'bundle node without an id', yaml: 'kind: NodeDocument\nnodes:\n  - kind: Tool\n    displayName: X', path: '/nodes/0/id' },
    { name: 'no document form at all', yaml: 'name: just a map', path: '/nodeKind' },
  ];

  for (const c of invalid) {
    it(`rejects ${c.name} at ${c.path}`, () => {
      const doc = yaml.load(c.yaml);
      const parsed = AtlasDocumentSchema.safeParse(doc);
      expect(parsed.success).toBe(false);
      expect(zodPaths(parsed.error!.issues)).toContain(c.path);
      expect(validate(doc)).toBe(false);
      expect(validate.errors!.map(errorPath)).toContain(c.path);
    });
  }

  it('refinements zod checks but JSON Schema cannot express are still caught by the pipeline schema', () => {
    // An edge object needs a target, a bundle node a kind: editors accept these, `atlas check` does not.
    for (const text of ['nodeKind: Tool\nid: tool:x\nedges:\n  made_by:\n    - confidence: high', 'kind: NodeDocument\nnodes:\n  - id: tool:x']) {
      const doc = yaml.load(text);
      expect(validate(doc)).toBe(true);
      expect(AtlasDocumentSchema.safeParse(doc).success).toBe(false);
    }
  });
});
