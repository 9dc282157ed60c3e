/**
 * Search documents on the hostile fixture atlas (tests/fixtures/site-atlas): what a record and a
 * wiki article put in the index, with everything from the atlas escaped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackgroundFileWriter } from '../../src/build/file-writer';
import type { Atlas } from '../../src/pipeline/model';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-atlas');

// The site modules read ATLAS_DOMAIN_DIR when first imported, so they are imported after setting it.
let atlas: Atlas;
let docs: typeof import('../../src/site/search-document');
let indexedRecords: typeof import('../../src/build/pagefind-step').indexedRecords;
let pagefindStep: typeof import('../../src/build/pagefind-step').pagefindStep;
beforeAll(async () => {
  process.env.ATLAS_DOMAIN_DIR = FIXTURE;
  process.env.ATLAS_BASE = '/';
  docs = await import('../../src/site/search-document');
  ({ indexedRecords, pagefindStep } = await import('../../src/build/pagefind-step'));
  atlas = (await import('../../src/site/atlas-data')).getAtlas();
});

const recordDoc = (id: string) => docs.recordSearchDocument(atlas, atlas.records.get(id)!);

describe('record search documents', () => {
  it('weights the name, carries the id words, metadata and filters, and points at the record page', async () => {
    const doc = await recordDoc('thing:Case');
    expect(doc.url).toBe(`/n/${atlas.paths.get('thing:Case')}/`);
    expect(doc.html).toContain('<h1 data-pagefind-weight="10" data-pagefind-meta="title">Upper case</h1>');
    expect(doc.html).toContain('data-pagefind-filter="kind">Thing</span>');
    expect(doc.html).toContain('data-pagefind-meta="id">thing:Case</span>');
    expect(doc.html).toMatch(/data-pagefind-weight="8">[^<]*\bthingcase\b/);
    expect(doc.html).toContain('data-pagefind-body');
  });

  it('escapes names, values and evidence from the atlas, and renders Markdown through the sanitizer', async () => {
    const { html } = await recordDoc('thing:xss');
    expect(html).not.toMatch(/<(script|img|iframe|svg|b)\b/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Attribute values as text: a list, a nested map, a URL.
    expect(html).toContain('tags: &lt;b&gt;bold&lt;/b&gt;, plain');
    expect(html).toContain('level2 &lt;svg onload=alert(3)&gt;');
    expect(html).toContain('https://example.org/a?b=c&amp;d=&lt;e&gt;');
    // The description is Markdown with raw HTML: rendered as on the page, the script dropped, the
    // image turned into a label.
    expect(html).toMatch(/<p> *and <span title="Image not published: x">\[image: image\]<\/span> in/);
    // The edge, with its evidence as text.
    expect(html).toMatch(/relates_to: Upper case \(&lt;iframe src=javascript:alert\(4\)&gt;\)/);
  });

  it('leaves the name out of the attributes (it is the title) and lists linked records both ways', async () => {
    const { html } = await recordDoc('thing:Case');
    expect(html).not.toContain('display name:');
    expect(html).toMatch(/<h2>Incoming edges<\/h2><p>relates_to: [^<]*onerror/);
  });
});

describe('wiki search documents', () => {
  it('indexes a wiki page once, at its wiki URL, as the record it is', async () => {
    const entry = (await import('../../src/site/wiki')).wikiIndex(atlas).entries.find((e) => e.page.id === 'page:fixture-index')!;
    const doc = (await docs.wikiSearchDocument(atlas, entry))!;
    expect(doc.url).toBe('/wiki/');
    expect(doc.html).toContain('data-pagefind-meta="title">Fixture wiki</span>');
    expect(doc.html).toContain('data-pagefind-filter="kind">Page</span>');
    expect(doc.html).not.toMatch(/<script\b/i);
    // Its record page is not indexed as well.
    expect(indexedRecords(atlas).map((r) => r.id)).not.toContain('page:fixture-index');
    expect(indexedRecords(atlas).map((r) => r.id)).toContain('thing:xss');
  });
});

describe('the index step', () => {
  it('indexes while the site renders, and hands the finished index to the file writer', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-index-'));
    const context = { atlas, outDir, files: new BackgroundFileWriter() };
    pagefindStep.prepare!(context);
    await pagefindStep.run!(context);
    await context.files.close();
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages).toHaveProperty('en');
    expect(fs.readdirSync(path.join(outDir, 'pagefind', 'fragment'))).toHaveLength(indexedRecords(atlas).length + 1);
    // Only the output folder is written to: no staging folder beside it.
    expect(fs.readdirSync(path.dirname(outDir)).filter((f) => f.startsWith(`${path.basename(outDir)}.`))).toEqual([]);
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('stops, and leaves nothing behind, when the build fails before the index is finished', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-index-'));
    const context = { atlas, outDir, files: new BackgroundFileWriter() };
    pagefindStep.prepare!(context);
    await pagefindStep.abort!(context);
    await context.files.close();
    expect(fs.existsSync(path.join(outDir, 'pagefind'))).toBe(false);
    fs.rmSync(outDir, { recursive: true, force: true });
  });
});
