import { describe, expect, it } from 'vitest';
import { idFlaw, toJson } from '../../src/pipeline/normalize-records';
import { recordPayload } from '../../src/pipeline/model';
import { atlasOf, codes, normalize, only } from './helpers';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('normalize: the four document forms', () => {
  it('form 1, node: id, kind, cluster, defining location, attributes always an object', () => {
    const { records, problems, declarations } = normalize({
      'domain/w.yaml': 'nodeKind: Workflow\nid: workflow:a\nattributes:\n  displayName: A\n---\nnodeKind: Role\nid: role:b\n',
    });
    expect(problems).toEqual([]);
    expect(declarations).toEqual([]);
    const a = records.get('workflow:a')!;
    expect(a).toMatchObject({ id: 'workflow:a', kind: 'Workflow', cluster: 'domain', source: { file: 'domain/w.yaml', line: 1, column: 1 } });
    expect(plain(a.attributes)).toEqual({ displayName: 'A' });
    expect(a.definitions).toEqual([{ form: 'node', file: 'domain/w.yaml', line: 1, column: 1 }]);
    const b = records.get('role:b')!;
    expect(b.source).toEqual({ file: 'domain/w.yaml', line: 6, column: 1 });
    expect(plain(b.attributes)).toEqual({});
  });

  it('form 2, extension: adds edges and fills missing attributes of a record defined elsewhere, without duplicate-id', () => {
    const atlas = atlasOf({
      'a/def.yaml': 'nodeKind: Workflow\nid: workflow:a\nattributes:\n  displayName: A\n  owner: first\n',
      'b/ext.yaml': [
        'extendsNode: {nodeKind: Workflow, id: workflow:a}',
        'attributes:',
        '  owner: second',
        '  extra: added',
        'edges:',
        '  involves_role: [role:x]',
        '',
      ].join('\n'),
    });
    const rec = atlas.records.get('workflow:a')!;
    expect(codes(atlas.problems)).toEqual(['dangling-edge']);
    expect(rec.source.file).toBe('a/def.yaml');
    expect(rec.cluster).toBe('a');
    expect(plain(rec.attributes)).toEqual({ displayName: 'A', owner: 'first', extra: 'added' });
    expect(rec.contributions).toEqual([{ form: 'extension', file: 'b/ext.yaml', line: 1, column: 1 }]);
    expect(rec.outgoing.map((e) => [e.kind, e.to, e.declarations[0]!.file, e.declarations[0]!.line])).toEqual([['involves_role', 'role:x', 'b/ext.yaml', 6]]);
  });

  it('form 3, patch: `patch: true` merges into the record, overwriting attributes and adding edges', () => {
    const atlas = atlasOf({
      'a/def.yaml': 'nodeKind: Tool\nid: tool:t\nattributes:\n  displayName: T\n  status: draft\n',
      'z/patch.yaml': 'patch: true\nnodeKind: Tool\nid: tool:t\nattributes:\n  status: stable\nedges:\n  uses: tool:t\n',
    });
    const rec = atlas.records.get('tool:t')!;
    expect(only(atlas.problems, 'duplicate-id')).toEqual([]);
    expect(rec.source.file).toBe('a/def.yaml');
    expect(rec.definitions).toHaveLength(1);
    expect(rec.contributions).toMatchObject([{ form: 'patch', file: 'z/patch.yaml' }]);
    expect(plain(rec.attributes)).toEqual({ displayName: 'T', status: 'stable' });
    expect(rec.outgoing.map((e) => e.to)).toEqual(['tool:t']);
  });

  it('form 4, bundle: `kind: NodeDocument` nodes with `kind`/`nodeKind` spelling and attributes beside id', () => {
    const { records, problems } = normalize({
      'c/bundle.yaml': [
        'kind: NodeDocument',
        'nodes:',
        '  - kind: Role',
        '    id: role:a',
        '    displayName: Role A',
        '    level: 3',
        '    edges:',
        '      reports_to: role:b',
        '  - nodeKind: Role',
        '    id: role:b',
        '    attributes:',
        '      displayName: Role B',
        '    note: beside',
        '',
      ].join('\n'),
    });
    expect(problems).toEqual([]);
    const a = records.get('role:a')!;
    expect(a).toMatchObject({ kind: 'Role', cluster: 'c', source: { file: 'c/bundle.yaml', line: 3, column: 5 } });
    expect(a.definitions[0]!.form).toBe('bundle-node');
    expect(plain(a.attributes)).toEqual({ displayName: 'Role A', level: 3 });
    const b = records.get('role:b')!;
    expect(b.source.line).toBe(9);
    // Nested attributes win over a same-named key beside the id; other keys are added.
    expect(plain(b.attributes)).toEqual({ displayName: 'Role B', note: 'beside' });
  });

  it('a bundle node with `patch: true` patches instead of defining', () => {
    const { records, problems } = normalize({
      'a/a.yaml': 'nodeKind: Role\nid: role:a\nattributes: {displayName: Old}\n',
      'b/b.yaml': 'kind: NodeDocument\nnodes:\n  - {kind: Role, id: role:a, patch: true, displayName: New}\n',
    });
    expect(problems).toEqual([]);
    const rec = records.get('role:a')!;
    expect(rec.definitions).toHaveLength(1);
    expect(rec.contributions).toMatchObject([{ form: 'patch', file: 'b/b.yaml' }]);
    expect(plain(rec.attributes)).toEqual({ displayName: 'New' });
  });

  it('reports a bundle without a nodes list, and non-mapping bundle nodes', () => {
    const { problems } = normalize({
      'c/a.yaml': 'kind: NodeDocument\nnodes: 3\n---\nkind: NodeDocument\nnodes:\n  - just-a-string\n  - {kind: Role, id: role:ok}\n',
    });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['document-invalid', 2],
      ['document-invalid', 6],
    ]);
  });
});

describe('normalize: duplicate ids', () => {
  const files = {
    'b/second.yaml': 'nodeKind: Role\nid: role:x\nattributes:\n  displayName: Second\n  extra: from-second\n',
    'a/first.yaml': '# leading comment\nnodeKind: Role\nid: role:x\nattributes:\n  displayName: First\n',
    'c/third.yaml': 'kind: NodeDocument\nnodes:\n  - kind: Role\n    id: role:x\n    extra: from-third\n    more: from-third\n',
  };

  it('the first node document in path order defines _file and _cluster; later ones fill only missing keys', () => {
    const { records } = normalize(files);
    const rec = records.get('role:x')!;
    expect(rec.source).toEqual({ file: 'a/first.yaml', line: 2, column: 1 });
    expect(rec.cluster).toBe('a');
    expect(plain(rec.attributes)).toEqual({ displayName: 'First', extra: 'from-second', more: 'from-third' });
    expect(rec.definitions.map((d) => [d.form, d.file])).toEqual([
      ['node', 'a/first.yaml'],
      ['node', 'b/second.yaml'],
      ['bundle-node', 'c/third.yaml'],
    ]);
  });

  it('gives one duplicate-id warning per id naming every location', () => {
    const { problems } = normalize(files);
    const dups = only(problems, 'duplicate-id');
    expect(dups).toHaveLength(1);
    const p = dups[0]!;
    expect(p).toMatchObject({ severity: 'warning', id: 'role:x', file: 'b/second.yaml', line: 1 });
    for (const place of ['a/first.yaml:2', 'b/second.yaml:1', 'c/third.yaml:3']) expect(p.message).toContain(place);
    expect(p.message).toContain('3 node documents');
  });

  it('counts duplicates inside one file too, and reports kind conflicts', () => {
    const { problems, records } = normalize({ 'a/a.yaml': 'nodeKind: Role\nid: r:1\n---\nnodeKind: Tool\nid: r:1\n' });
    expect(codes(problems).sort()).toEqual(['duplicate-id', 'kind-conflict']);
    expect(records.get('r:1')!.kind).toBe('Role');
  });

  it('patches and extensions never count as duplicates', () => {
    const { problems } = normalize({
      'a/a.yaml': 'nodeKind: Role\nid: r:1\n',
      'b/b.yaml': 'patch: true\nnodeKind: Role\nid: r:1\n---\nextendsNode: {nodeKind: Role, id: r:1}\nattributes: {a: 1}\n',
    });
    expect(problems).toEqual([]);
  });
});

describe('normalize: extensions and patches without a target', () => {
  it('reports `extension-target-missing` as an error and loads none of their edges', () => {
    const atlas = atlasOf({
      'a/a.yaml': [
        'extendsNode: {nodeKind: Workflow, id: workflow:ghost}',
        'edges:',
        '  involves_role: [role:a]',
        '---',
        'patch: true',
        'nodeKind: Workflow',
        'id: workflow:phantom',
        'edges:',
        '  involves_role: [role:a]',
        '',
      ].join('\n'),
      'b/b.yaml': 'nodeKind: Role\nid: role:a\n',
    });
    const missing = only(atlas.problems, 'extension-target-missing');
    expect(missing.map((p) => [p.severity, p.id, p.line])).toEqual([
      ['error', 'workflow:ghost', 1],
      ['error', 'workflow:phantom', 5],
    ]);
    expect(atlas.records.has('workflow:ghost')).toBe(false);
    expect(atlas.records.has('workflow:phantom')).toBe(false);
    expect(atlas.edges).toEqual([]);
    expect(atlas.records.get('role:a')!.incoming).toEqual([]);
  });
});

describe('normalize: edges', () => {
  const text = [
    'nodeKind: Workflow', // 1
    'id: w:1', // 2
    'edges:', // 3
    '  single: t:single', // 4
    '  listed: [t:a, t:b]', // 5
    '  objects:', // 6
    '    - target: t:target', // 7
    '      confidence: high', // 8
    '      evidence: Seen in prod.', // 9
    '    - to: t:to', // 10
    '      attributes: {weight: 2}', // 11
    '    - id: t:id', // 12
    '      attrs:', // 13
    '        note: nested', // 14
    '      weight: 1', // 15
    '    - t:plain', // 16
    '  lonely_object: {target: t:obj, confidence: low}', // 17
    '  nothing:', // 18
    '',
  ].join('\n');

  it('accepts a string, a list of strings and a list of objects with target/to/id and inline or nested attributes', () => {
    const { declarations, problems } = normalize({ 'c/w.yaml': text });
    expect(plain(declarations.map(({ from, kind, to, attributes, at }) => ({ from, kind, to, attributes, line: at.line })))).toEqual([
      { from: 'w:1', kind: 'single', to: 't:single', line: 4 },
      { from: 'w:1', kind: 'listed', to: 't:a', line: 5 },
      { from: 'w:1', kind: 'listed', to: 't:b', line: 5 },
      { from: 'w:1', kind: 'objects', to: 't:target', attributes: { confidence: 'high', evidence: 'Seen in prod.' }, line: 7 },
      { from: 'w:1', kind: 'objects', to: 't:to', attributes: { weight: 2 }, line: 10 },
      { from: 'w:1', kind: 'objects', to: 't:id', attributes: { note: 'nested', weight: 1 }, line: 12 },
      { from: 'w:1', kind: 'objects', to: 't:plain', line: 16 },
      { from: 'w:1', kind: 'lonely_object', to: 't:obj', attributes: { confidence: 'low' }, line: 17 },
    ]);
    expect(declarations.every((d) => d.attributes === undefined || Object.keys(d.attributes).length > 0)).toBe(true);
    expect(problems.map((p) => [p.code, p.severity, p.line, p.column])).toEqual([['empty-edge-list', 'warning', 18, 3]]);
  });

  it('columns of list items point at the item', () => {
    const { declarations } = normalize({ 'c/w.yaml': text });
    expect(declarations.find((d) => d.to === 't:b')!.at).toEqual({ file: 'c/w.yaml', line: 5, column: 17 });
  });

  it('reports edge entries of the wrong shape and keeps the good ones', () => {
    const { declarations, problems } = normalize({
      'c/w.yaml': 'nodeKind: X\nid: x:1\nedges:\n  k:\n    - t:ok\n    - {confidence: high}\n    - 42\n    - [nested]\n    - ""\n',
    });
    expect(declarations.map((d) => d.to)).toEqual(['t:ok']);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['invalid-edges', 6],
      ['invalid-edges', 7],
      ['invalid-edges', 8],
      ['invalid-edges', 9],
    ]);
  });

  it('trims target ids', () => {
    const { declarations } = normalize({ 'c/w.yaml': 'nodeKind: X\nid: x:1\nedges:\n  k: ["  t:1  "]\n' });
    expect(declarations[0]!.to).toBe('t:1');
  });
});

describe('normalize: invalid documents', () => {
  it('reports missing id, missing kind, non-mapping documents and non-mapping attributes at their lines', () => {
    const { problems, records } = normalize({
      'c/a.yaml': [
        'nodeKind: X', // 1
        'attributes: {a: 1}', // 2
        '---', // 3
        'id: x:nokind', // 4
        '---', // 5
        '- a', // 6
        '- list', // 7
        '---', // 8
        'just a string', // 9
        '---', // 10
        'nodeKind: X', // 11
        'id: x:badattrs', // 12
        'attributes: [1, 2]', // 13
        '---', // 14
        'nodeKind: ""', // 15
        'id: x:emptykind', // 16
        '',
      ].join('\n'),
    });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['missing-id', 1],
      ['missing-node-kind', 4],
      ['document-invalid', 6],
      ['document-invalid', 9],
      ['invalid-attributes', 13],
      ['missing-node-kind', 15],
    ]);
    expect([...records.keys()]).toEqual(['x:badattrs']);
    expect(plain(records.get('x:badattrs')!.attributes)).toEqual({});
  });

  it('reads a numeric id as a string with an `invalid-id` warning', () => {
    const { problems, records } = normalize({ 'c/a.yaml': 'nodeKind: X\nid: 42\n' });
    expect(problems).toMatchObject([{ code: 'invalid-id', severity: 'warning', line: 2 }]);
    expect(records.get('42')!.id).toBe('42');
  });
});

describe('normalize helpers', () => {
  it('toJson turns dates into ISO strings and maps into null-prototype objects', () => {
    expect(toJson(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(toJson(new Date('2024-03-01T10:20:30Z'))).toBe('2024-03-01T10:20:30.000Z');
    expect(toJson(Infinity)).toBe('Infinity');
    expect(toJson(undefined)).toBeNull();
    const obj = toJson({ a: { b: [1, { c: 2 }] } }) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(obj)).toBeNull();
    expect(Object.getPrototypeOf(obj.a)).toBeNull();
    expect(plain(obj)).toEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('dates in attributes come out as YYYY-MM-DD strings in the payload', () => {
    const atlas = atlasOf({ 'c/a.yaml': 'nodeKind: X\nid: x:1\nattributes:\n  since: 2024-03-01\n' });
    expect(recordPayload(atlas.records.get('x:1')!).attributes).toEqual({ since: '2024-03-01' });
  });

  it('idFlaw names what is wrong with an id', () => {
    expect(idFlaw('workflow:schema-migration')).toBeNull();
    expect(idFlaw('model:claude-opus-4-7@current')).toBeNull();
    expect(idFlaw('a:b:c/d.e_F')).toBeNull();
    expect(idFlaw(' a')).toMatch(/leading or trailing/);
    expect(idFlaw('a b')).toMatch(/spaces/);
    expect(idFlaw('a\u0001b')).toMatch(/control/);
    expect(idFlaw('<b>x</b>')).toMatch(/markup/);
  });
});
