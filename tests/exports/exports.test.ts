/**
 * The exports in the built test sites: each file validates against the JSON Schema the build
 * published (ajv, draft-07) and against the zod schema it was generated from; records.ndjson
 * agrees with `atlas get`; sizes, links and byte-stability hold. Runs on both test sites
 * (`embedded` at base `/`, `fixture` at base `/atlas/`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type * as z from 'zod';
import { main, type Io } from '../../src/cli/main';
import { idsJson } from '../../src/exports/tables';
import { AtlasSummarySchema, EdgeLineSchema, IdsFileSchema, KindsFileSchema, ProblemsFileSchema } from '../../src/exports/export-schemas';
import { SCHEMA_SOURCES } from '../../src/exports/json-schemas';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { recordPayload, RecordPayloadSchema, type Atlas } from '../../src/pipeline/model';
import { formatBytes } from '../../src/pipeline/format-bytes';
import { SITES, type SiteName } from '../support/sites';
import { compileSchema, describeErrors } from './support';

const SITE = 'https://atlas.example.org'; // what the global setup sets as ATLAS_SITE

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-test-'));
  tmp.push(d);
  return d;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), cwd: process.cwd(), env };
  const code = await main(argv, io);
  return { code, out, err };
}

function lines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** Every ~n-th element plus the first and last: a spread sample that stays fast. */
function sample<T>(list: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(list.length / count));
  return [...new Set([list[0]!, ...list.filter((_, i) => i % step === 0), list.at(-1)!])];
}

/** File name under the site -> [zod schema, schema file, one value per line?]. */
const CHECKS: [string, z.ZodType, string, boolean][] = [
  ['atlas.json', AtlasSummarySchema, 'atlas.schema.json', false],
  ['records.ndjson', RecordPayloadSchema, 'record.schema.json', true],
  ['edges.ndjson', EdgeLineSchema, 'edge.schema.json', true],
  ['kinds.json', KindsFileSchema, 'kinds.schema.json', false],
  ['ids.json', IdsFileSchema, 'ids.schema.json', false],
  ['problems.json', ProblemsFileSchema, 'problems.schema.json', false],
];

for (const name of Object.keys(SITES) as SiteName[]) {
  describe(`exports of the ${name} site`, () => {
    const site = SITES[name];
    const dir = () => inject('sites')[name].dir;
    const read = (file: string) => fs.readFileSync(path.join(dir(), file), 'utf8');
    const atlas: Atlas = loadAtlas(site.domain);

    it('publishes every JSON Schema, each valid draft-07 with $schema and an absolute $id', () => {
      for (const s of SCHEMA_SOURCES) {
        const schema = JSON.parse(read(`schema/${s.file}`)) as Record<string, unknown>;
        expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
        expect(schema.$id).toBe(`${SITE}${site.base}schema/${s.file}`);
        expect(typeof schema.title).toBe('string');
        expect(() => compileSchema(schema)).not.toThrow();
      }
    });

    for (const [file, zod, schemaFile, perLine] of CHECKS) {
      it(`${file} validates against ${schemaFile} and its zod schema`, () => {
        const validate = compileSchema(JSON.parse(read(`schema/${schemaFile}`)));
        const text = read(file);
        const values = perLine ? lines(text).map((l) => JSON.parse(l) as unknown) : [JSON.parse(text) as unknown];
        expect(values.length).toBeGreaterThan(0);
        for (const v of values) {
          expect(validate(v), `${file}: ${describeErrors(validate.errors)}`).toBe(true);
          const parsed = zod.safeParse(v);
          expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
        }
      });
    }

    it('n/<path>.json files validate against record.schema.json', () => {
      const validate = compileSchema(JSON.parse(read('schema/record.schema.json')));
      for (const r of sample(atlas.recordList, 40)) {
        const v = JSON.parse(read(`n/${atlas.paths.get(r.id)}.json`)) as unknown;
        expect(validate(v), `${r.id}: ${describeErrors(validate.errors)}`).toBe(true);
      }
    });

    it('records.ndjson: one line per record in id order, each exactly JSON.stringify(recordPayload)', () => {
      const got = lines(read('records.ndjson'));
      expect(got).toHaveLength(atlas.recordList.length);
      atlas.recordList.forEach((r, i) => expect(got[i]).toBe(JSON.stringify(recordPayload(r))));
    });

    it('records.ndjson agrees with `atlas get` and with n/<path>.json for a sample of ids', async () => {
      const byId = new Map(lines(read('records.ndjson')).map((l) => [(JSON.parse(l) as { id: string }).id, l]));
      for (const r of sample(atlas.recordList, 12)) {
        const got = await cli(['get', r.id, '--domain', site.domain]);
        expect(got.code).toBe(0);
        expect(JSON.stringify(JSON.parse(got.out))).toBe(byId.get(r.id));
        expect(read(`n/${atlas.paths.get(r.id)}.json`)).toBe(got.out);
      }
    });

    it('edges.ndjson: every deduplicated edge once, with its declarations', () => {
      const got = lines(read('edges.ndjson')).map((l) => EdgeLineSchema.parse(JSON.parse(l)));
      expect(got).toHaveLength(atlas.edges.length);
      expect(got.reduce((n, e) => n + e.declarations, 0)).toBe(atlas.stats.edgesDeclared);
      expect(got.filter((e) => e.dangling)).toHaveLength(atlas.stats.danglingEdges);
      const keys = got.map((e) => `${e.from}\u0000${e.kind}\u0000${e.to}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const e of got) expect(e.places).toHaveLength(e.declarations);
    });

    it('ids.json keeps its compact shape: id -> [name, kind, path under n/]', () => {
      const text = read('ids.json');
      expect(text).toBe(idsJson(atlas));
      const ids = IdsFileSchema.parse(JSON.parse(text));
      expect(Object.keys(ids)).toEqual(atlas.recordList.map((r) => r.id));
      for (const r of sample(atlas.recordList, 10)) expect(ids[r.id]![2]).toBe(atlas.paths.get(r.id));
    });

    it('atlas.json links every export with its true size and the site base', () => {
      const summary = AtlasSummarySchema.parse(JSON.parse(read('atlas.json')));
      expect(summary.base).toBe(site.base);
      expect(summary.site).toBe(SITE);
      expect(summary.counts.records).toBe(atlas.stats.records);
      expect(summary.records.json).toBe(`${site.base}n/{path}.json`);
      expect(Date.parse(summary.build.builtAt)).not.toBeNaN();
      const names = summary.files.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['atlas.json', 'records.ndjson', 'edges.ndjson', 'kinds.json', 'ids.json', 'problems.json', 'llms.txt', 'agents.md', 'schema/record.schema.json', 'schema/atlas-document.schema.json']));
      for (const f of summary.files) {
        expect(f.url).toBe(`${site.base}${f.name}`);
        expect(f.absoluteUrl).toBe(`${SITE}${site.base}${f.name}`);
        const onDisk = fs.statSync(path.join(dir(), f.name)).size;
        if (f.name === 'atlas.json') expect(f.bytes).toBeUndefined();
        else expect(f.bytes, f.name).toBe(onDisk);
        if (f.schema) expect(fs.existsSync(path.join(dir(), f.schema.slice(site.base.length)))).toBe(true);
      }
    });

    it('llms.txt follows the convention and every link in it and in agents.md resolves to a built file', () => {
      const llms = read('llms.txt');
      const head = llms.split('\n');
      expect(head[0]).toMatch(/^# \S/);
      expect(head[2]).toMatch(/^> \S/);
      expect(llms).toMatch(/^## Data$/m);
      expect(llms).toMatch(/^## Optional$/m);
      for (const file of ['llms.txt', 'agents.md']) {
        const links = [...read(file).matchAll(/\]\((https?:\/\/[^)\s]+|\/[^)\s]*)\)/g)].map((m) => m[1]!);
        expect(links.length).toBeGreaterThan(10);
        for (const link of links) {
          expect(link.startsWith(`${SITE}${site.base}`), link).toBe(true);
          const rel = decodeURIComponent(link.slice(`${SITE}${site.base}`.length));
          const target = path.join(dir(), rel);
          const exists = fs.existsSync(rel.endsWith('/') || rel === '' ? path.join(target, 'index.html') : target);
          expect(exists, `${file}: ${link}`).toBe(true);
        }
      }
    });

    it('the For agents page lists each export with its real size', () => {
      const html = read('for-agents/index.html');
      for (const f of ['records.ndjson', 'edges.ndjson', 'kinds.json', 'ids.json', 'problems.json', 'atlas.json']) {
        expect(html).toContain(`href="${site.base}${f}"`);
        expect(html).toContain(formatBytes(fs.statSync(path.join(dir(), f)).size));
      }
      expect(html).toContain('<copy-button');
      expect(html).toContain('mcpServers');
      expect(html).toContain('yaml-language-server: $schema=');
    });
  });
}

describe('atlas export', () => {
  const fixture = SITES.fixture;

  it('writes the same files as the site build (n/*.json included), byte for byte except atlas.json', async () => {
    const out = tmpDir();
    const r = await cli(['export', '--out', out, '--domain', fixture.domain]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Exported \d+ records into/);
    expect(r.out).toMatch(/records\.ndjson\s+[\d.]+ (B|KiB|MiB)/);
    const built = inject('sites').fixture.dir;
    // Data files do not depend on the base; the test process has no ATLAS_BASE, the fixture site /atlas/.
    for (const f of ['records.ndjson', 'edges.ndjson', 'kinds.json', 'ids.json', 'problems.json']) {
      expect(fs.readFileSync(path.join(out, f), 'utf8'), f).toBe(fs.readFileSync(path.join(built, f), 'utf8'));
    }
    const atlas = loadAtlas(fixture.domain);
    for (const rec of atlas.recordList) {
      const p = `n/${atlas.paths.get(rec.id)}.json`;
      expect(fs.readFileSync(path.join(out, p), 'utf8'), p).toBe(fs.readFileSync(path.join(built, p), 'utf8'));
    }
  });

  it('is byte-stable: two exports differ only in atlas.json build.builtAt, and not at all with SOURCE_DATE_EPOCH', async () => {
    const [a, b, c] = [tmpDir(), tmpDir(), tmpDir()];
    await cli(['export', '--out', a, '--domain', fixture.domain]);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later build time
    await cli(['export', '--out', b, '--domain', fixture.domain]);
    const walk = (d: string, rel = ''): string[] =>
      fs.readdirSync(path.join(d, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(d, path.join(rel, e.name)) : [path.join(rel, e.name)]));
    const files = walk(a).sort();
    expect(walk(b).sort()).toEqual(files);
    for (const f of files) {
      const [x, y] = [fs.readFileSync(path.join(a, f), 'utf8'), fs.readFileSync(path.join(b, f), 'utf8')];
      if (f === 'atlas.json') {
        const strip = (t: string) => ({ ...JSON.parse(t), build: { ...JSON.parse(t).build, builtAt: '' } });
        expect(strip(x)).toEqual(strip(y));
      } else expect(x, f).toBe(y);
    }
    await cli(['export', '--out', c, '--domain', fixture.domain], { SOURCE_DATE_EPOCH: '1700000000' });
    const summary = JSON.parse(fs.readFileSync(path.join(c, 'atlas.json'), 'utf8'));
    expect(summary.build.builtAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('needs --out, and reports a missing atlas folder', async () => {
    const none = await cli(['export']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('export needs --out DIR');
    const missing = await cli(['export', '--out', tmpDir(), '--domain', '/nonexistent/atlas']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Atlas folder not found');
  });
});
