/**
 * Property tests: dedupe is idempotent and order-independent, the pipeline's output does not
 * depend on the order files were created in, and record paths round-trip for arbitrary ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeEdges } from '../../src/pipeline/dedupe-edges';
import { runPipeline } from '../../src/pipeline/load-atlas';
import { recordJson, type AtlasEdge } from '../../src/pipeline/model';
import type { EdgeDeclaration } from '../../src/pipeline/normalize-records';
import { readAtlasFiles } from '../../src/pipeline/read-files';
import { assignPaths, idToPath, pathToId } from '../../src/pipeline/record-path';
import { cmp } from '../../src/pipeline/problems';
import { sourceFiles, tempAtlas } from './helpers';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));

/** Declarations over a small vocabulary, so duplicates and attribute conflicts are common. */
const attributesArb = fc.option(
  fc.dictionary(fc.constantFrom('confidence', 'evidence', 'weight'), fc.oneof(fc.constantFrom('high', 'low'), fc.integer({ min: 0, max: 2 })), {
    minKeys: 1,
    maxKeys: 3,
  }),
  { nil: undefined },
);
const declarationArb = (idArb: fc.Arbitrary<string>, kindArb: fc.Arbitrary<string> = fc.constantFrom('uses', 'involves_role', 'k')) =>
  fc.record({
    from: idArb,
    kind: kindArb,
    to: idArb,
    attributes: attributesArb,
    file: fc.constantFrom('a/x.yaml', 'b/y.yaml'),
    line: fc.integer({ min: 1, max: 500 }),
  });
const toDeclarations = (raw: { from: string; kind: string; to: string; attributes: Record<string, unknown> | undefined; file: string; line: number }[]) =>
  raw.map(({ from, kind, to, attributes, file, line }, i): EdgeDeclaration => ({
    from,
    kind,
    to,
    ...(attributes ? { attributes } : {}),
    at: { file, line, column: i + 1 }, // the column makes every declaration distinguishable
  }));
const declarationsArb = fc.array(declarationArb(fc.constantFrom('a:1', 'a:2', 'b:1', 'B:1')), { maxLength: 40 }).map(toDeclarations);

const tripleKey = (e: { from: string; kind: string; to: string }) => JSON.stringify([e.from, e.kind, e.to]);
const locKey = (l: { file: string; line: number; column: number }) => `${l.file}:${l.line}:${l.column}`;

describe('dedupe properties', () => {
  it('is idempotent: deduping the deduped edges again changes nothing', () => {
    fc.assert(
      fc.property(declarationsArb, (declarations) => {
        const once = dedupeEdges(declarations).edges;
        const redeclared: EdgeDeclaration[] = once.map((e) => ({
          from: e.from,
          kind: e.kind,
          to: e.to,
          ...(e.attributes ? { attributes: e.attributes } : {}),
          at: e.declarations[0]!,
        }));
        const twice = dedupeEdges(redeclared);
        expect(twice.problems).toEqual([]);
        expect(twice.edges.map((e) => [tripleKey(e), plain(e.attributes), e.declarations])).toEqual(
          once.map((e) => [tripleKey(e), plain(e.attributes), [e.declarations[0]]]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('repeating every declaration keeps the same edges, attributes and order, and doubles the declaration lists', () => {
    fc.assert(
      fc.property(declarationsArb, (declarations) => {
        const once = dedupeEdges(declarations).edges;
        const doubled = dedupeEdges([...declarations, ...declarations]).edges;
        expect(doubled.map((e) => [tripleKey(e), plain(e.attributes)])).toEqual(once.map((e) => [tripleKey(e), plain(e.attributes)]));
        expect(doubled.map((e) => e.declarations.length)).toEqual(once.map((e) => e.declarations.length * 2));
      }),
      { numRuns: 200 },
    );
  });

  it('is order-independent as a set: same (from,kind,to) keys, same declaration multiset, same attribute names', () => {
    const summary = (edges: AtlasEdge[]) =>
      edges
        .map((e) => ({
          key: tripleKey(e),
          declarations: e.declarations.map(locKey).sort(cmp),
          attributeNames: Object.keys(e.attributes ?? {}).sort(cmp),
        }))
        .sort((a, b) => cmp(a.key, b.key));
    fc.assert(
      fc.property(
        declarationsArb.chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray(d, { minLength: d.length, maxLength: d.length }))),
        ([declarations, shuffled]) => {
          expect(summary(dedupeEdges(shuffled).edges)).toEqual(summary(dedupeEdges(declarations).edges));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('produces exactly one edge per distinct (from, kind, to), whatever characters the ids hold', () => {
    const anyId = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', ':', '"', '\\', '\u00ff'), maxLength: 3 });
    fc.assert(
      fc.property(fc.array(declarationArb(anyId, anyId), { maxLength: 30 }).map(toDeclarations), (declarations) => {
        const { edges } = dedupeEdges(declarations);
        expect(edges.length).toBe(new Set(declarations.map(tripleKey)).size);
        expect(edges.reduce((n, e) => n + e.declarations.length, 0)).toBe(declarations.length);
      }),
      { numRuns: 300 },
    );
    // The case a separator-joined key gets wrong: the NUL moves from one field to the next.
    const at = { file: 'a/x.yaml', line: 1, column: 1 };
    expect(dedupeEdges([{ from: 'a\u0000b', kind: 'c', to: 'd', at }, { from: 'a', kind: 'b\u0000c', to: 'd', at }]).edges).toHaveLength(2);
  });
});

/** Small random atlases: node documents, duplicate ids, extensions, patches, bundles and edges over a shared id pool. */
const ID_POOL = ['w:1', 'w:2', 'r:1', 'r:2', 't:x', 'Q:1'];
const yamlId = fc.constantFrom(...ID_POOL);
const docArb = fc.oneof(
  fc
    .record({ id: yamlId, attrs: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1', 'x', 'y'), { maxKeys: 3 }), edges: fc.array(fc.tuple(fc.constantFrom('uses', 'owns'), yamlId, fc.option(fc.constantFrom('high', 'low'))), { maxLength: 4 }) })
    .map(({ id, attrs, edges }) => {
      const lines = ['nodeKind: Thing', `id: "${id}"`, 'attributes:', ...Object.entries(attrs).map(([k, v]) => `  ${k}: "${v}"`)];
      if (Object.keys(attrs).length === 0) lines[2] = 'attributes: {}';
      if (edges.length) lines.push('edges:', ...edges.map(([k, to, conf]) => `  ${k}: [${conf ? `{target: "${to}", confidence: ${conf}}` : `"${to}"`}]`));
      return lines.join('\n');
    }),
  fc.record({ id: yamlId, to: yamlId }).map(({ id, to }) => `extendsNode: {nodeKind: Thing, id: "${id}"}\nattributes: {ext: yes}\nedges:\n  uses: "${to}"`),
  fc.record({ id: yamlId, v: fc.constantFrom('p', 'q') }).map(({ id, v }) => `patch: true\nnodeKind: Thing\nid: "${id}"\nattributes: {a: ${v}}`),
  fc.uniqueArray(yamlId, { minLength: 1, maxLength: 3 }).map((ids) => `kind: NodeDocument\nnodes:\n${ids.map((id) => `  - {kind: Thing, id: "${id}", b: bundle}`).join('\n')}`),
);
const fileNameArb = fc.constantFrom('a/one.yaml', 'a/two.yml', 'b/x/one.yaml', 'B/upper.yaml', 'b/a-b.yaml', 'b/a_b.yaml', 'c/Z.yaml', 'c/z.yaml');
const atlasFilesArb = fc.dictionary(fileNameArb, fc.array(docArb, { minLength: 1, maxLength: 3 }).map((docs) => `${docs.join('\n---\n')}\n`), {
  minKeys: 1,
  maxKeys: 6,
});

function snapshot(atlas: ReturnType<typeof runPipeline>) {
  return JSON.stringify({
    records: atlas.recordList.map(recordJson),
    problems: atlas.problems,
    stats: atlas.stats,
    paths: [...atlas.paths.entries()],
    declarations: atlas.edges.map((e) => e.declarations),
  });
}

describe('pipeline determinism', () => {
  it('gives byte-identical output whatever order the files were created in on disk', () => {
    fc.assert(
      fc.property(
        atlasFilesArb.chain((files) => {
          const names = Object.keys(files);
          return fc.tuple(fc.constant(files), fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }));
        }),
        ([files, order]) => {
          const sorted = tempAtlas(Object.fromEntries(Object.keys(files).sort(cmp).map((n) => [n, files[n]!])));
          const shuffled = tempAtlas();
          for (const name of order) {
            fs.mkdirSync(path.dirname(path.join(shuffled, name)), { recursive: true });
            fs.writeFileSync(path.join(shuffled, name), files[name]!);
          }
          const a = readAtlasFiles(sorted);
          const b = readAtlasFiles(shuffled);
          expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
          expect(snapshot(runPipeline('/atlas', b.files, b.problems))).toBe(snapshot(runPipeline('/atlas', a.files, a.problems)));
          fs.rmSync(sorted, { recursive: true, force: true });
          fs.rmSync(shuffled, { recursive: true, force: true });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('runPipeline on files shuffled then sorted equals runPipeline on files given sorted, and is repeatable', () => {
    fc.assert(
      fc.property(
        atlasFilesArb.chain((files) => {
          const list = sourceFiles(files);
          return fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }));
        }),
        ([sorted, shuffled]) => {
          const resorted = [...shuffled].sort((x, y) => cmp(x.path, y.path));
          const expected = snapshot(runPipeline('/atlas', sorted, []));
          expect(snapshot(runPipeline('/atlas', resorted, []))).toBe(expected);
          expect(snapshot(runPipeline('/atlas', sorted, []))).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('record path properties', () => {
  const segment = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.constantFrom('', '.', '..', '~', '~2F', '~7E', '/', '%', 'a~b'),
  );
  const idArb = fc.oneof(fc.string({ unit: 'binary' }), fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(':')));

  it('pathToId(idToPath(id)) === id for arbitrary ids (unicode, colons, tildes, slashes, dots)', () => {
    fc.assert(
      fc.property(idArb, (id) => {
        const p = idToPath(id);
        expect(pathToId(p)).toBe(id);
        const segments = p.split('/');
        expect(segments).toHaveLength(id.split(':').length);
        for (const s of segments) {
          expect(s).not.toBe('');
          expect(s).not.toBe('.');
          expect(s).not.toBe('..');
          // eslint-disable-next-line no-control-regex
          expect(s).not.toMatch(/[\\\u0000-\u001f\u007f*?"<>|%#]/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('assignPaths gives every id a path that is unique, also ignoring letter case', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(fc.constantFrom('a', 'A', 'b', 'B', ':', '/', '~', '2'), { maxLength: 5 }).map((c) => c.join('')), { maxLength: 30 }), (ids) => {
        const sorted = [...ids].sort(cmp);
        const { paths } = assignPaths(sorted);
        expect(paths.size).toBe(ids.length);
        expect(new Set([...paths.values()].map((p) => p.toLowerCase())).size).toBe(ids.length);
        expect(assignPaths(sorted).paths).toEqual(paths);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ordering', () => {
  it('cmp orders strings like their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), (a, b) => {
        const bytes = Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
        // Lone surrogates all encode to U+FFFD, so only compare well-formed strings by bytes.
        if (a.isWellFormed() && b.isWellFormed()) expect(Math.sign(cmp(a, b))).toBe(bytes);
        expect(Math.sign(cmp(a, b)) + Math.sign(cmp(b, a))).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
