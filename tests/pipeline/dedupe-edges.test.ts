import { describe, expect, it } from 'vitest';
import { canonicalJson, dedupeEdges } from '../../src/pipeline/dedupe-edges';
import { edgeKey } from '../../src/pipeline/edge-key';
import type { EdgeDeclaration } from '../../src/pipeline/normalize-records';
import { atlasOf, codes, only } from './helpers';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
let line = 0;
const decl = (from: string, kind: string, to: string, attributes?: Record<string, unknown>, file = 'c/f.yaml'): EdgeDeclaration => ({
  from,
  kind,
  to,
  ...(attributes ? { attributes } : {}),
  at: { file, line: ++line, column: 3 },
});

describe('dedupeEdges', () => {
  it('merges declarations with the same (from, kind, to), keeping first-declaration order and every declaration', () => {
    line = 0;
    const d = [decl('a', 'k', 'x'), decl('a', 'k', 'y'), decl('a', 'k', 'x', undefined, 'c/g.yaml'), decl('a', 'j', 'x'), decl('b', 'k', 'x'), decl('a', 'k', 'x')];
    const { edges, problems } = dedupeEdges(d);
    expect(edges.map((e) => [e.from, e.kind, e.to])).toEqual([
      ['a', 'k', 'x'],
      ['a', 'k', 'y'],
      ['a', 'j', 'x'],
      ['b', 'k', 'x'],
    ]);
    expect(edges[0]!.declarations).toEqual([
      { file: 'c/f.yaml', line: 1, column: 3 },
      { file: 'c/g.yaml', line: 3, column: 3 },
      { file: 'c/f.yaml', line: 6, column: 3 },
    ]);
    expect(edges.every((e) => e.dangling === false)).toBe(true);
    expect(edges.every((e) => !('attributes' in e))).toBe(true);
    const dup = only(problems, 'duplicate-edge');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'info', file: 'c/g.yaml', line: 3, id: 'a' });
    expect(dup[0]!.message).toContain('3×');
    expect(dup[0]!.message).toContain('c/f.yaml:1');
  });

  it('keeps attribute values that agree and unions attributes from different declarations', () => {
    line = 0;
    const { edges, problems } = dedupeEdges([
      decl('a', 'k', 'x', { confidence: 'high', tags: { b: 1, a: 2 } }),
      decl('a', 'k', 'x'),
      decl('a', 'k', 'x', { confidence: 'high', evidence: 'doc', tags: { a: 2, b: 1 } }),
    ]);
    expect(codes(problems)).toEqual(['duplicate-edge']);
    expect(plain(edges[0]!.attributes)).toEqual({ confidence: 'high', tags: { b: 1, a: 2 }, evidence: 'doc' });
  });

  it('adds attributes to an edge first declared without any', () => {
    line = 0;
    const { edges } = dedupeEdges([decl('a', 'k', 'x'), decl('a', 'k', 'x', { weight: 1 })]);
    expect(plain(edges[0]!.attributes)).toEqual({ weight: 1 });
  });

  it('keeps the first of conflicting values and reports `edge-attribute-conflict` at the later declaration', () => {
    line = 0;
    const { edges, problems } = dedupeEdges([
      decl('a', 'k', 'x', { confidence: 'high', weight: 1 }),
      decl('a', 'k', 'x', { confidence: 'low', weight: 1 }, 'c/other.yaml'),
    ]);
    expect(plain(edges[0]!.attributes)).toEqual({ confidence: 'high', weight: 1 });
    const conflict = only(problems, 'edge-attribute-conflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ severity: 'warning', file: 'c/other.yaml', line: 2, id: 'a' });
    expect(conflict[0]!.message).toContain('"low"');
    expect(conflict[0]!.message).toContain('"high"');
    expect(conflict[0]!.message).toContain('c/f.yaml:1');
  });

  it('compares attribute values by canonical JSON: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson(JSON.parse('{"__proto__": {"x": 1}, "y": null}'))).toBe('{"__proto__":{"x":1},"y":null}');
  });

  it('does not let an edge key collide across fields', () => {
    expect(edgeKey({ from: 'a', kind: 'b', to: 'c' })).not.toBe(edgeKey({ from: 'a', kind: 'bc', to: '' }));
    expect(edgeKey({ from: 'a\u0000b', kind: 'k', to: 'x' })).not.toBe(edgeKey({ from: 'a', kind: 'b\u0000k', to: 'x' }));
    expect(edgeKey({ from: 'a', kind: 'k\u0000x', to: 'y' })).not.toBe(edgeKey({ from: 'a', kind: 'k', to: 'x\u0000y' }));
    line = 0;
    expect(dedupeEdges([decl('a:b', 'k', 'x'), decl('a', 'b:k', 'x')]).edges).toHaveLength(2);
  });

  it('reports a merged edge in the atlas with its declaration list and a single payload entry', () => {
    const atlas = atlasOf({
      'a/w.yaml': 'nodeKind: W\nid: w:1\nedges:\n  uses: [t:1, t:1]\n',
      'b/t.yaml': 'nodeKind: T\nid: t:1\n---\nextendsNode: {nodeKind: W, id: w:1}\nedges:\n  uses: [{target: t:1, confidence: high}]\n',
    });
    expect(atlas.edges).toHaveLength(1);
    expect(atlas.edges[0]!.declarations.map((d) => `${d.file}:${d.line}`)).toEqual(['a/w.yaml:4', 'a/w.yaml:4', 'b/t.yaml:6']);
    expect(atlas.stats).toMatchObject({ edgesDeclared: 3, edges: 1 });
    expect(atlas.records.get('t:1')!.incoming).toHaveLength(1);
    expect(plain(atlas.edges[0]!.attributes)).toEqual({ confidence: 'high' });
  });
});
