/**
 * The benchmark's synthetic atlas: deterministic for a seed, and shaped like the real atlas as the
 * pipeline reads it (the benchmark itself is `npm run bench`, never part of the tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAtlas, generateAtlas, writeAtlas } from '../../scripts/bench/generate-atlas';
import { mulberry32 } from '../../scripts/bench/prng';
import { clearAtlasCache, loadAtlas } from '../../src/pipeline/load-atlas';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const RECORDS = 200;
const SEED = 42;

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws Zipf ranks with a heavy head and a long tail', () => {
    const r = mulberry32(1);
    const hits = new Array<number>(1000).fill(0);
    for (let i = 0; i < 20_000; i++) hits[r.zipf(1000)]!++;
    expect(hits[0]!).toBeGreaterThan(hits[500]! * 20);
    expect(hits.filter((h) => h > 0).length).toBeGreaterThan(500);
  });
});

describe('generateAtlas', () => {
  const first = generateAtlas({ records: RECORDS, seed: SEED });

  it('produces the same files byte for byte for the same seed, and different ones for another seed', () => {
    const again = generateAtlas({ records: RECORDS, seed: SEED });
    expect([...again.files.keys()]).toEqual([...first.files.keys()]);
    for (const [rel, text] of first.files) expect(again.files.get(rel), rel).toBe(text);
    expect(again.stats).toEqual(first.stats);
    const other = generateAtlas({ records: RECORDS, seed: SEED + 1 });
    expect([...other.files.values()].join('')).not.toBe([...first.files.values()].join(''));
  });

  it('lays files out like an atlas: schema/, clusters with multi-document files, bundles, extensions, wiki pages', () => {
    const paths = [...first.files.keys()];
    expect(paths).toContain('schema/edge-kinds.yaml');
    expect(paths.some((p) => p.startsWith('schema/node-kinds/'))).toBe(true);
    expect(paths.some((p) => /\/bundles\//.test(p))).toBe(true);
    expect(paths.some((p) => /\/extensions\//.test(p))).toBe(true);
    expect(paths.some((p) => /\/overlays\//.test(p))).toBe(true);
    expect(paths.filter((p) => p.startsWith('wiki/') && p.endsWith('.md'))).toHaveLength(first.stats.pages);
    for (const [rel, text] of first.files) {
      if (!/\/g\d+\/.+\.yaml$/.test(rel)) continue;
      const docs = yaml.loadAll(text);
      expect(docs.length, rel).toBeGreaterThanOrEqual(1);
      expect(docs.length, rel).toBeLessThanOrEqual(20);
    }
  });

  it('loads through the pipeline with the predicted records, duplicates and dangling edges, and no errors', () => {
    const dir = path.join(tmp, 'atlas');
    writeAtlas(dir, first);
    clearAtlasCache();
    const atlas = loadAtlas(dir);
    const codes = (code: string) => atlas.problems.filter((p) => p.code === code).length;

    expect(atlas.stats.records).toBe(RECORDS);
    expect(atlas.records.size).toBe(first.stats.records);
    expect(atlas.pages).toHaveLength(first.stats.pages);
    expect(atlas.stats.files).toBe(first.stats.files);
    expect(atlas.stats.documents).toBe(first.stats.documents);
    expect(atlas.stats.edgesDeclared).toBe(first.stats.declarations);
    expect(atlas.edges).toHaveLength(first.stats.edges);
    expect(atlas.problems.filter((p) => p.severity === 'error')).toEqual([]);

    expect(first.stats.duplicateIds).toBeGreaterThan(0);
    expect(codes('duplicate-id')).toBe(first.stats.duplicateIds);
    expect(first.stats.duplicatedEdges).toBeGreaterThan(0);
    expect(codes('duplicate-edge')).toBe(first.stats.duplicatedEdges);
    expect(codes('dangling-edge')).toBe(first.stats.danglingEdges);
    // Edges follow the declared schema.
    expect(codes('unknown-node-kind') + codes('unknown-edge-kind') + codes('edge-kind-mismatch') + codes('schema-invalid')).toBe(0);

    // Every document form is there.
    const forms = new Set([...atlas.records.values()].flatMap((r) => [...r.definitions, ...r.contributions].map((c) => c.form)));
    for (const form of ['node', 'bundle-node', 'extension', 'patch', 'wiki']) expect(forms, form).toContain(form);
    // Some edges carry confidence and evidence.
    expect(atlas.edges.some((e) => e.attributes?.confidence && e.attributes.evidence)).toBe(true);
    // Hubs: the most-linked record has many times the average incoming edges.
    const maxIncoming = Math.max(...[...atlas.records.values()].map((r) => r.incoming.length));
    expect(maxIncoming).toBeGreaterThan((5 * atlas.edges.length) / atlas.records.size);
  });

  it('writes descriptions shaped like the real atlas: mostly short prose, a long tail, some Markdown', () => {
    const dir = path.join(tmp, 'atlas');
    clearAtlasCache();
    const descriptions = [...loadAtlas(dir).records.values()]
      .filter((r) => r.kind !== 'Page')
      .map((r) => r.attributes.description)
      .filter((d): d is string => typeof d === 'string');
    expect(descriptions.length).toBeGreaterThan(RECORDS * 0.9);
    const lengths = descriptions.map((d) => d.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    // The sample's median is 211 characters; a few hundred records land near it.
    expect(median).toBeGreaterThan(120);
    expect(median).toBeLessThan(350);
    expect(lengths.at(-1)!).toBeGreaterThan(900);
    const markdown = descriptions.filter((d) => /^- /m.test(d) || /\n\s*\n/.test(d) || /\*\*|`/.test(d));
    expect(markdown.length).toBeGreaterThan(0);
    expect(markdown.length).toBeLessThan(descriptions.length * 0.2);
    expect(descriptions.some((d) => /^- /m.test(d) && /\]\(https:\/\//.test(d))).toBe(true);
  });
});

describe('ensureAtlas', () => {
  it('reuses a folder made with the same version, seed and size, and regenerates otherwise', () => {
    const parent = path.join(tmp, 'cache');
    expect(ensureAtlas(parent, 60, SEED).reused).toBe(false);
    const again = ensureAtlas(parent, 60, SEED);
    expect(again.reused).toBe(true);
    expect(again.stats.records).toBe(60);
    expect(ensureAtlas(parent, 60, SEED + 1).reused).toBe(false);
  });
});
