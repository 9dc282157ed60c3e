import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphStore, capNotice, neighbourhoodFile, selectView, DEFAULT_FILTERS, type NeighbourhoodFile, type ViewFilters } from '../../src/pipeline/graph-data';
import { findShortestPaths } from '../../src/pipeline/graph-paths';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { recordNeighbourhood } from '../../src/site/neighbourhood';

const DOMAIN = path.resolve(import.meta.dirname, '../../domain');

/** A neighbourhood file from a compact edge list. */
function fileFor(centre: string, edges: [string, string, string, Record<string, unknown>?][], known = new Set<string>()): NeighbourhoodFile {
  return neighbourhoodFile(
    { id: centre, name: centre.toUpperCase(), kind: 'K', path: centre, edges: edges.filter(([f, t]) => f === centre || t === centre).map(([from, to, kind, attributes]) => ({ from, to, kind, attributes })) },
    (id) => (known.size === 0 || known.has(id) ? { name: id.toUpperCase(), kind: id.startsWith('t') ? 'Tool' : 'Role', path: id } : undefined),
  );
}

const filters = (over: Partial<ViewFilters> = {}): ViewFilters => ({ ...DEFAULT_FILTERS, ...over });

describe('neighbourhood files', () => {
  it('deduplicates edges, orders by edge kind then name, and marks dangling targets', () => {
    const f = fileFor(
      'c',
      [
        ['c', 'r2', 'b_kind'],
        ['c', 'r1', 'b_kind'],
        ['c', 'r1', 'b_kind'],
        ['t1', 'c', 'a_kind', { confidence: 'high' }],
        ['c', 'ghost', 'b_kind'],
      ],
      new Set(['c', 'r1', 'r2', 't1']),
    );
    expect(f.nodes.map((n) => n[0])).toEqual(['c', 't1', 'ghost', 'r1', 'r2']);
    expect(f.edges).toHaveLength(4);
    expect(f.nodes.find((n) => n[0] === 'ghost')).toEqual(['ghost', 'ghost', null, null]);
    expect(f.edges[0]).toEqual([1, 0, 0, { confidence: 'high' }]);
  });

  it('the reference record has 23 neighbours: 15 out, 8 in', () => {
    const atlas = loadAtlas(DOMAIN, {});
    const f = recordNeighbourhood(atlas, atlas.records.get('workflow:schema-migration')!);
    expect(f.nodes).toHaveLength(24);
    expect(f.edges.filter((e) => e[0] === 0)).toHaveLength(15);
    expect(f.edges.filter((e) => e[1] === 0)).toHaveLength(8);
    const store = new GraphStore();
    store.add(f);
    const v = selectView(store, 'workflow:schema-migration', filters());
    expect(v.nodes).toHaveLength(24);
    expect(v.edgeKindCounts.get('involves_role')).toBe(6);
    expect(v.edgeKindCounts.get('supports_work')).toBe(4);
  });
});

describe('selectView', () => {
  const edges: [string, string, string][] = [
    ['c', 'a', 'x'],
    ['c', 'b', 'y'],
    ['d', 'c', 'x'],
    ['a', 'e', 'x'],
    ['b', 'a', 'y'],
    ['f', 'b', 'x'],
  ];
  const store = new GraphStore();
  for (const id of ['c', 'a', 'b', 'd']) store.add(fileFor(id, edges));

  it('depth 1 is exactly the centre’s edges', () => {
    const v = selectView(store, 'c', filters());
    expect(v.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(v.edges).toHaveLength(3);
  });

  it('filters edge kinds, direction and node kinds', () => {
    expect(selectView(store, 'c', filters({ hiddenEdgeKinds: new Set(['x']) })).edges.map((e) => e.to)).toEqual(['b']);
    expect(selectView(store, 'c', filters({ direction: 'in' })).nodes.map((n) => n.id)).toEqual(['c', 'd']);
    expect(selectView(store, 'c', filters({ direction: 'out' })).nodes).toHaveLength(3);
    const v = selectView(store, 'c', filters({ hiddenEdgeKinds: new Set(['x']) }));
    // Facet counts ignore the kind filters, so a switched-off kind still shows its count.
    expect(v.edgeKindCounts.get('x')).toBe(2);
  });

  it('depth 2 adds second-ring records and the ties between neighbours', () => {
    const v = selectView(store, 'c', filters({ depth: 2 }));
    expect(v.nodes.filter((n) => n.depth === 2).map((n) => n.id).sort()).toEqual(['e', 'f']);
    expect(v.edges.some((e) => e.from === 'b' && e.to === 'a')).toBe(true);
    const out = selectView(store, 'c', filters({ depth: 2, direction: 'out' }));
    expect(out.nodes.filter((n) => n.depth === 2).map((n) => n.id)).toEqual(['e']);
  });

  it('caps in a stable order and says so', () => {
    const many: [string, string, string][] = Array.from({ length: 30 }, (_, i) => ['h', `n${String(29 - i).padStart(2, '0')}`, i % 2 ? 'b' : 'a']);
    const s = new GraphStore();
    s.add(fileFor('h', many));
    const v = selectView(s, 'h', filters(), 10);
    expect(v.ring1).toEqual({ total: 30, shown: 10 });
    expect(v.nodes.slice(1).map((n) => n.id)).toEqual(['n01', 'n03', 'n05', 'n07', 'n09', 'n11', 'n13', 'n15', 'n17', 'n19']);
    expect(capNotice(v)).toBe('10 of 30 neighbours shown — filter to see more');
    expect(capNotice(selectView(s, 'h', filters({ hiddenEdgeKinds: new Set(['b']) }), 20))).toBeUndefined();
  });
});

describe('findShortestPaths', () => {
  // a - b - c - d - e, and a - x - d (so a..d is 2 hops, a..e 3).
  const adj: Record<string, string[]> = { a: ['b', 'x'], b: ['a', 'c'], c: ['b', 'd'], d: ['c', 'x', 'e'], x: ['a', 'd'], e: ['d'], lone: [] };
  const nb = async (id: string) => adj[id] ?? [];

  it('finds every shortest path', async () => {
    expect(await findShortestPaths('a', 'd', nb)).toMatchObject({ length: 2, paths: [['a', 'x', 'd']] });
    expect((await findShortestPaths('a', 'e', nb)).paths).toEqual([['a', 'x', 'd', 'e']]);
    expect((await findShortestPaths('b', 'x', nb)).paths).toEqual([['b', 'a', 'x']]);
    const two = await findShortestPaths('b', 'd', nb);
    expect(two.length).toBe(2);
    expect(two.paths).toEqual([['b', 'c', 'd']]);
  });

  it('returns all ties and respects the length limit and budget', async () => {
    const diamond: Record<string, string[]> = { s: ['p', 'q'], p: ['s', 't'], q: ['s', 't'], t: ['p', 'q'] };
    expect((await findShortestPaths('s', 't', async (id) => diamond[id]!)).paths).toEqual([
      ['s', 'p', 't'],
      ['s', 'q', 't'],
    ]);
    expect(await findShortestPaths('a', 'lone', nb)).toMatchObject({ paths: [], exhausted: 'max-length' });
    expect(await findShortestPaths('a', 'e', nb, { maxLength: 2 })).toMatchObject({ paths: [] });
    expect(await findShortestPaths('a', 'e', nb, { maxExpansions: 1 })).toMatchObject({ paths: [], exhausted: 'budget' });
  });

  it('agrees with a plain BFS on a chain of length 4', async () => {
    const chain: Record<string, string[]> = { n0: ['n1'], n1: ['n0', 'n2'], n2: ['n1', 'n3'], n3: ['n2', 'n4'], n4: ['n3', 'n5'], n5: ['n4'] };
    const r = await findShortestPaths('n0', 'n4', async (id) => chain[id]!);
    expect(r.paths).toEqual([['n0', 'n1', 'n2', 'n3', 'n4']]);
    expect((await findShortestPaths('n0', 'n5', async (id) => chain[id]!)).paths).toEqual([]);
  });
});
