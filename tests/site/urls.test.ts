/**
 * URL-level behaviour of record links under ATLAS_BASE=/atlas/: whatever the id, the `href` the
 * site writes decodes back to the record's folder on disk, carries no query or fragment of its
 * own, and the static server (like any host) serves the page there. (`record-path` itself, the
 * id <-> path mapping and collision suffixes, is tested in tests/pipeline/record-path.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { encodePathForUrl, idToPath, pathToId } from '../../src/pipeline/record-path';
import { SITES } from '../support/sites';

// The URL helpers read ATLAS_BASE and ATLAS_DOMAIN_DIR once, at import: set them first.
vi.hoisted(() => {
  process.env.ATLAS_BASE = '/atlas/';
  process.env.ATLAS_DOMAIN_DIR = 'tests/fixtures/site-atlas';
});

type Urls = typeof import('../../src/site/urls');
type AtlasData = typeof import('../../src/site/atlas-data');
let urls: Urls;
let atlasData: AtlasData;
beforeAll(async () => {
  urls = await import('../../src/site/urls');
  atlasData = await import('../../src/site/atlas-data');
});

const ORIGIN = 'http://host.test';
/** The on-disk path under /atlas/n/ that an href points to, as a browser or static host decodes it. */
function hrefToDiskPath(h: string): { dir: string; search: string; hash: string } {
  const url = new URL(h, `${ORIGIN}/atlas/kinds/Thing/`);
  expect(url.origin).toBe(ORIGIN);
  expect(url.pathname.startsWith('/atlas/n/')).toBe(true);
  const rest = url.pathname.slice('/atlas/n/'.length);
  return { dir: rest.split('/').map(decodeURIComponent).join('/'), search: url.search, hash: url.hash };
}

/** Ids made of the characters that break naive URL building. */
const oddChar = fc.constantFrom(':', '/', '~', '%', '#', '?', ' ', '.', '..', '@', '&', '=', '+', '\\', '"', '<', '>', '|', '*', 'ü', '日', '😀', 'A', 'a', '-', '_', '%2F', '~2F', '\t', '\u0000');
const oddId = fc.oneof(
  fc.array(oddChar, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.tuple(fc.constantFrom('thing', 'model', 'a.b'), fc.string({ unit: 'binary', minLength: 0, maxLength: 12 })).map(([p, s]) => `${p}:${s}`),
);

describe('record URLs under ATLAS_BASE=/atlas/', () => {
  it('round-trips any id: id -> path -> href -> decoded path -> id', () => {
    fc.assert(
      fc.property(oddId, (id) => {
        const p = idToPath(id);
        expect(pathToId(p)).toBe(id);
        const h = urls.recordHref(id);
        expect(h.startsWith('/atlas/n/')).toBe(true);
        expect(h.endsWith('/')).toBe(true);
        const { dir, search, hash } = hrefToDiskPath(h);
        expect(search).toBe('');
        expect(hash).toBe('');
        expect(dir).toBe(`${p}/`);
        expect(pathToId(dir.slice(0, -1))).toBe(id);
      }),
      { numRuns: 1500 },
    );
  });

  it('encodes each path segment so the URL parser neither splits, drops nor normalizes it', () => {
    fc.assert(
      fc.property(oddId, (id) => {
        const p = idToPath(id);
        const encoded = encodePathForUrl(p);
        expect(encoded.split('/')).toHaveLength(p.split('/').length);
        // Only URL-safe characters remain; `%` starts a valid escape.
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.!~*'()@/]|%[0-9A-F]{2})*$/);
        expect(new URL(`${ORIGIN}/atlas/n/${encoded}/`).pathname).toBe(`/atlas/n/${encoded}/`);
      }),
      { numRuns: 1500 },
    );
  });

  it('adds the tab as a query after the trailing slash', () => {
    const h = urls.recordHref('thing:a/b~c', 'json');
    expect(h).toBe('/atlas/n/thing/a~2Fb~7Ec/?tab=json');
    expect(hrefToDiskPath(h)).toEqual({ dir: 'thing/a~2Fb~7Ec/', search: '?tab=json', hash: '' });
  });

  it('looks routes up in the atlas path table (collision suffixes included), for every fixture record', () => {
    const atlas = atlasData.getAtlas();
    const { dir: built } = inject('sites').fixture;
    expect(atlas.root).toBe(path.resolve(SITES.fixture.domain));
    for (const record of atlas.recordList) {
      const diskPath = atlas.paths.get(record.id)!;
      const page = hrefToDiskPath(urls.recordHref(record.id));
      expect(page.dir).toBe(`${diskPath}/`);
      expect(fs.existsSync(path.join(built, 'n', diskPath, 'index.html')), record.id).toBe(true);
      const json = new URL(urls.recordJsonHref(record.id), ORIGIN).pathname;
      expect(json.split('/').map(decodeURIComponent).join('/')).toBe(`/atlas/n/${diskPath}.json`);
      expect(fs.existsSync(path.join(built, 'n', `${diskPath}.json`)), record.id).toBe(true);
    }
    // thing:Case sorts before thing:case, so the lower-case id is the one that gets a suffix.
    expect(urls.recordHref('thing:Case')).toBe('/atlas/n/thing/Case/');
    expect(urls.recordHref('thing:case')).toBe('/atlas/n/thing/case~2/');
    expect(urls.recordHref('model:odd.name@current')).toBe('/atlas/n/model/odd.name@current/');
  });

  it('serves every record at its href, as a static host decodes it', async () => {
    const { url } = inject('sites').fixture;
    const origin = new URL(url).origin;
    for (const record of atlasData.getAtlas().recordList) {
      const res = await fetch(origin + urls.recordHref(record.id));
      expect(res.status, record.id).toBe(200);
      const html = await res.text();
      expect(/<record-tabs[\s>]/.test(html), `${record.id} has a record page`).toBe(true);
      const json = await fetch(origin + urls.recordJsonHref(record.id));
      expect(((await json.json()) as { id: string }).id).toBe(record.id);
    }
  });
});
