import { describe, expect, it } from 'vitest';
import { AttributeTypeCompiler, loadDeclaredSchema, parseTypeExpr } from '../../src/pipeline/declared-schema';
import { parseYamlDocuments } from '../../src/pipeline/parse-documents';
import { atlasOf, codes, only } from './helpers';

const SCHEMA = {
  'schema/node-kinds/core.yaml': [
    'nodeKinds:',
    '  - name: Workflow',
    '    prefix: workflow',
    '    attributes:',
    '      - {name: id, type: id, required: true}',
    '      - {name: displayName, type: string, required: true}',
    '      - {name: complexity, type: "enum<simple,moderate,complex>"}',
    '      - {name: since, type: iso-date}',
    '      - {name: homepage, type: url}',
    '      - {name: tags, type: "list<slug>"}',
    '      - {name: steps, type: int}',
    '      - {name: active, type: bool}',
    '  - name: Role',
    '    attributes:',
    '      - {name: displayName, type: string}',
    '',
  ].join('\n'),
  'schema/edge-kinds.yaml': [
    'edgeKinds:',
    '  - name: involves_role',
    '    source: [Workflow]',
    '    target: [Role]',
    '    attributes:',
    '      - {name: confidence, type: "enum<high,medium,low>"}',
    '  - name: related',
    '    source: "*"',
    '    target: any',
    '',
  ].join('\n'),
};

const record = (attrs: string, edges = '') =>
  `nodeKind: Workflow\nid: workflow:w\nattributes:\n${attrs}${edges ? `edges:\n${edges}` : ''}`;

describe('validateRecords', () => {
  it('accepts a record that matches the declared schema', () => {
    const atlas = atlasOf({
      ...SCHEMA,
      'c/w.yaml': record(
        '  displayName: W\n  complexity: complex\n  since: 2024-01-31\n  homepage: https://example.org/x\n  tags: [a-b, c]\n  steps: 3\n  active: true\n',
        '  involves_role: [{target: role:r, confidence: high}]\n  related: [role:r, workflow:w]\n',
      ),
      'c/r.yaml': 'nodeKind: Role\nid: role:r\n',
    });
    expect(atlas.problems).toEqual([]);
  });

  it('reports unknown node kinds (but not the built-in Page kind)', () => {
    const atlas = atlasOf({ ...SCHEMA, 'c/x.yaml': 'nodeKind: Mystery\nid: m:1\n---\nnodeKind: Page\nid: page:p\n' });
    expect(only(atlas.problems, 'unknown-node-kind').map((p) => [p.id, p.severity, p.line])).toEqual([['m:1', 'warning', 1]]);
  });

  it('reports unknown edge kinds and kinds the edge kind does not allow at either end', () => {
    const atlas = atlasOf({
      ...SCHEMA,
      'c/w.yaml': record('  displayName: W\n', '  involves_role: [workflow:w]\n  mystery: role:r\n'),
      'c/r.yaml': 'nodeKind: Role\nid: role:r\nedges:\n  involves_role: role:r\n',
    });
    expect(only(atlas.problems, 'unknown-edge-kind').map((p) => [p.file, p.line, p.id])).toEqual([['c/w.yaml', 7, 'workflow:w']]);
    const mismatches = only(atlas.problems, 'edge-kind-mismatch');
    expect(mismatches.map((p) => [p.file, p.line])).toEqual([
      ['c/r.yaml', 4],
      ['c/w.yaml', 6],
    ]);
    expect(mismatches[0]!.message).toContain('may start at Workflow');
    expect(mismatches[1]!.message).toContain('may end at Role');
  });

  it('reports a missing required attribute (empty string counts as missing; `id` is never an attribute)', () => {
    const atlas = atlasOf({ ...SCHEMA, 'c/w.yaml': record('  displayName: ""\n') });
    const missing = only(atlas.problems, 'missing-required-attribute');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ id: 'workflow:w', severity: 'warning', file: 'c/w.yaml', line: 1 });
    expect(missing[0]!.message).toContain('displayName');
  });

  it.each([
    ['enum', '  complexity: trivial\n', 'complexity'],
    ['list<slug>', '  tags: [Not A Slug]\n', 'tags'],
    ['list as scalar', '  tags: single\n', 'tags'],
    ['iso-date', '  since: 31/01/2024\n', 'since'],
    ['iso-date with a time', '  since: 2024-01-31T10:00:00Z\n', 'since'],
    ['url', '  homepage: example.org\n', 'homepage'],
    ['int', '  steps: 2.5\n', 'steps'],
    ['bool', '  active: "yes"\n', 'active'],
  ])('reports an invalid attribute value: %s', (_name, attrs, attr) => {
    const atlas = atlasOf({ ...SCHEMA, 'c/w.yaml': record(`  displayName: W\n${attrs}`) });
    const bad = only(atlas.problems, 'invalid-attribute');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ id: 'workflow:w', severity: 'warning' });
    expect(bad[0]!.message).toContain(`\`${attr}\``);
  });

  it('reports an invalid edge attribute', () => {
    const atlas = atlasOf({
      ...SCHEMA,
      'c/w.yaml': record('  displayName: W\n', '  involves_role: [{target: role:r, confidence: certain}]\n'),
      'c/r.yaml': 'nodeKind: Role\nid: role:r\n',
    });
    const bad = only(atlas.problems, 'invalid-attribute');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toContain('edge attribute `confidence`');
    expect(bad[0]!.line).toBe(6);
  });

  it('reports a dangling edge at its declaration, keeps the edge and marks it dangling', () => {
    const atlas = atlasOf({ 'c/w.yaml': 'nodeKind: W\nid: w:1\nedges:\n  uses:\n    - t:missing\n' });
    expect(atlas.problems).toMatchObject([{ code: 'dangling-edge', severity: 'warning', file: 'c/w.yaml', line: 5, column: 7, id: 'w:1' }]);
    expect(atlas.edges).toMatchObject([{ from: 'w:1', to: 't:missing', kind: 'uses', dangling: true }]);
    expect(atlas.records.get('w:1')!.outgoing).toHaveLength(1);
    expect(atlas.stats.danglingEdges).toBe(1);
  });

  it('skips kind checks when the schema declares no node kinds or no edge kinds', () => {
    const atlas = atlasOf({ 'c/w.yaml': 'nodeKind: Anything\nid: a:1\nedges:\n  whatever: a:1\n' });
    expect(atlas.problems).toEqual([]);
  });

  it('`strict` raises schema conformance problems to errors and leaves the others alone', () => {
    const files = {
      ...SCHEMA,
      'c/w.yaml': record('  complexity: trivial\n', '  mystery: nowhere:1\n'),
      'c/x.yaml': 'nodeKind: Mystery\nid: m:1\n',
    };
    const lax = atlasOf(files);
    const strict = atlasOf(files, { strict: true });
    const sev = (ps: typeof lax.problems) => Object.fromEntries(ps.map((p) => [p.code, p.severity]));
    expect(sev(lax.problems)).toEqual({
      'missing-required-attribute': 'warning',
      'invalid-attribute': 'warning',
      'unknown-edge-kind': 'warning',
      'unknown-node-kind': 'warning',
      'dangling-edge': 'warning',
    });
    expect(sev(strict.problems)).toEqual({
      'missing-required-attribute': 'error',
      'invalid-attribute': 'error',
      'unknown-edge-kind': 'error',
      'unknown-node-kind': 'error',
      'dangling-edge': 'warning',
    });
    expect(strict.stats.problemsBySeverity).toEqual({ error: 4, warning: 1, info: 0 });
  });
});

describe('declared schema', () => {
  const schemaOf = (text: string, file = 'schema/node-kinds/x.yaml') => loadDeclaredSchema(parseYamlDocuments(file, text).documents);

  it('reads node kinds, edge kinds and attribute types', () => {
    const docs = [
      ...parseYamlDocuments('schema/node-kinds/core.yaml', SCHEMA['schema/node-kinds/core.yaml']).documents,
      ...parseYamlDocuments('schema/edge-kinds.yaml', SCHEMA['schema/edge-kinds.yaml']).documents,
      ...parseYamlDocuments('schema/attribute-types.yaml', 'primitiveTypes:\n  - {name: slug, validator: "^[a-z]+$"}\n  - {name: prose}\n').documents,
    ];
    const { schema, problems } = loadDeclaredSchema(docs);
    expect(problems).toEqual([]);
    expect([...schema.nodeKinds.keys()]).toEqual(['Workflow', 'Role']);
    expect(schema.nodeKinds.get('Workflow')).toMatchObject({ prefix: 'workflow', declaredAt: { file: 'schema/node-kinds/core.yaml', line: 2, column: 5 } });
    expect(schema.nodeKinds.get('Workflow')!.attributes.map((a) => [a.name, a.type, a.required ?? false])).toContainEqual(['displayName', 'string', true]);
    expect(schema.edgeKinds.get('involves_role')).toMatchObject({ source: ['Workflow'], target: ['Role'] });
    expect(schema.edgeKinds.get('related')).toMatchObject({ source: null, target: null });
    expect([...schema.attributeTypes.keys()]).toEqual(['slug', 'prose']);
    expect(schema.hasNodeKinds && schema.hasEdgeKinds).toBe(true);
  });

  it('a damaged unquoted `enum<high, medium, low>` in flow style is `schema-invalid` and falls back to any; records still load', () => {
    const damaged = [
      'nodeKinds:',
      '  - name: Claim',
      '    attributes:',
      '      - {name: displayName, type: string}',
      '      - {name: confidence, type: enum<high, medium, low>}',
      '',
    ].join('\n');
    const atlas = atlasOf({
      'schema/node-kinds/claim.yaml': damaged,
      'c/claims.yaml': 'nodeKind: Claim\nid: claim:1\nattributes:\n  displayName: C\n  confidence: anything-goes\n---\nnodeKind: Claim\nid: claim:2\n',
    });
    expect(atlas.records.size).toBe(2);
    const bad = only(atlas.problems, 'schema-invalid');
    expect(bad.length).toBeGreaterThanOrEqual(1);
    expect(bad.every((p) => p.file === 'schema/node-kinds/claim.yaml' && p.severity === 'warning' && p.line > 0)).toBe(true);
    expect(bad.map((p) => p.message).join('\n')).toContain('enum<high');
    expect(only(atlas.problems, 'invalid-attribute')).toEqual([]);
    // The type is reported even when no record uses the attribute.
    const unused = atlasOf({ 'schema/node-kinds/claim.yaml': damaged, 'c/claims.yaml': 'nodeKind: Claim\nid: claim:2\n' });
    expect(codes(unused.problems)).toContain('schema-invalid');
  });

  it('a type that YAML read as a map is reported and becomes any', () => {
    const { schema, problems } = schemaOf('nodeKinds:\n  - name: K\n    attributes:\n      - name: level\n        type: {high, low}\n');
    expect(problems).toMatchObject([{ code: 'schema-invalid', line: 5, column: 9 }]);
    expect(problems[0]!.hint).toMatch(/[Qq]uote/);
    expect(schema.nodeKinds.get('K')!.attributes).toMatchObject([{ name: 'level', type: 'any' }]);
  });

  it('reports malformed declarations without crashing', () => {
    const { schema, problems } = schemaOf(
      'nodeKinds:\n  - name: Good\n  - purpose: no name\n  - name: Good\n  - 42\n---\nedgeKinds: {not: a list}\n---\n- a list document\n---\nnodeKinds:\n  - name: L\n    attributes:\n      - {type: string}\n',
    );
    expect([...schema.nodeKinds.keys()]).toEqual(['Good', 'L']);
    expect(codes(problems).every((c) => c === 'schema-invalid')).toBe(true);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 7, 14]);
  });

  it('an unknown or unbalanced type is reported once and accepts anything', () => {
    const atlas = atlasOf({
      'schema/node-kinds/k.yaml': 'nodeKinds:\n  - name: K\n    attributes:\n      - {name: a, type: "wibble"}\n      - {name: b, type: "list<enum<x,y>"}\n      - {name: c, type: "wibble"}\n',
      'c/k.yaml': 'nodeKind: K\nid: k:1\nattributes: {a: 1, b: 2, c: 3}\n---\nnodeKind: K\nid: k:2\nattributes: {a: 1, b: 2, c: 3}\n',
    });
    const bad = only(atlas.problems, 'schema-invalid');
    expect(bad.map((p) => p.message.match(/`([^`]*)`/)![1])).toEqual(['wibble', 'list<enum<x,y>'].sort());
    expect(only(atlas.problems, 'invalid-attribute')).toEqual([]);
  });
});

describe('parseTypeExpr', () => {
  it('parses nested type expressions', () => {
    expect(parseTypeExpr('string')).toEqual({ name: 'string', args: [] });
    expect(parseTypeExpr('list<enum<a, b>>')).toEqual({
      name: 'list',
      args: [{ name: 'enum', args: [{ name: 'a', args: [] }, { name: 'b', args: [] }] }],
    });
    expect(parseTypeExpr('map<string,list<ref<Tool>>>')).toEqual({
      name: 'map',
      args: [
        { name: 'string', args: [] },
        { name: 'list', args: [{ name: 'ref', args: [{ name: 'Tool', args: [] }] }] },
      ],
    });
    expect(parseTypeExpr(' evidence-bound< float > ').args[0]!.name).toBe('float');
  });

  it('throws on unbalanced brackets or trailing text', () => {
    expect(() => parseTypeExpr('enum<high')).toThrow(/unbalanced/);
    expect(() => parseTypeExpr('list<a>>')).toThrow(/unexpected/);
    expect(() => parseTypeExpr('a,b')).toThrow(/unexpected/);
  });

  it('compiles types to validators', () => {
    const { schema } = loadDeclaredSchema([]);
    const c = new AttributeTypeCompiler(schema, () => ({ file: 'schema/x.yaml', line: 1, column: 1 }));
    const ok = (type: string, v: unknown) => c.compile(type).safeParse(v).success;
    expect(ok('semver', '1.2.3')).toBe(true);
    expect(ok('semver', '1.2')).toBe(false);
    expect(ok('set<int>', [1, 2])).toBe(true);
    expect(ok('map<string,int>', { a: 1 })).toBe(true);
    expect(ok('map<string,int>', { a: 'x' })).toBe(false);
    expect(ok('evidence-bound<float>', 0.5)).toBe(true);
    expect(ok('evidence-bound<float>', { value: 0.5, evidence: 'x' })).toBe(true);
    expect(ok('ref<Tool>', 'tool:x')).toBe(true);
    expect(ok('ref<Tool>', 'has space')).toBe(false);
    expect(ok('enum<1,2>', 2)).toBe(true);
    expect(ok('any', { whatever: [1] })).toBe(true);
    expect(c.problems).toEqual([]);
    expect(ok('enum<>', 'x')).toBe(true);
    expect(codes(c.problems)).toEqual(['schema-invalid']);
  });
});
