/**
 * Link rewriting on a small fixture atlas (tests/fixtures/wiki/links): relative `.md` links to
 * wiki URLs, `[[id]]` and `atlas:` links to record pages with names, broken links rendered as
 * broken exactly where the pipeline reports `broken-wiki-link`, and sanitizing.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/pipeline/model';
import { findWikiLinks, resolveWikiLink } from '../../src/pipeline/wiki-links';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/wiki/links');

// The site modules read ATLAS_DOMAIN_DIR when first imported, so they are imported after setting it.
let atlas: Atlas;
let renderMarkdown: typeof import('../../src/site/markdown').renderMarkdown;
let wiki: typeof import('../../src/site/wiki');
beforeAll(async () => {
  process.env.ATLAS_DOMAIN_DIR = FIXTURE;
  process.env.ATLAS_BASE = '/';
  ({ renderMarkdown } = await import('../../src/site/markdown'));
  wiki = await import('../../src/site/wiki');
  atlas = (await import('../../src/site/atlas-data')).getAtlas();
});

const page = (id: string) => atlas.pages.find((p) => p.id === id)!;
const render = (id: string) => renderMarkdown(page(id).body, { file: page(id).file, article: true });
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('rendering links', () => {
  it('rewrites relative .md links to the target page’s wiki URL, keeping the anchor', async () => {
    const { html } = await render('page:home');
    expect(html).toContain('<a href="/wiki/guides/build/" class="wiki-link">the build guide</a>');
    expect(html).toContain('<a href="/wiki/concepts/ideas/#first-idea" class="wiki-link">ideas</a>');
    const build = (await render('page:build')).html;
    expect(build).toContain('<a href="/wiki/" class="wiki-link">the wiki</a>');
    expect(build).toContain('<a href="/wiki/concepts/ideas/" class="wiki-link">ideas</a>');
  });

  it('turns [[id]], [[id|label]] and atlas: links into record links with display names', async () => {
    const { html } = await render('page:home');
    expect(html).toContain('<a href="/n/tool/hammer/" class="record-link">Claw hammer</a>');
    expect(html).toContain('<a href="/n/tool/saw/" class="record-link">the saw</a>');
    expect(html).toContain('<a href="/n/tool/hammer/" class="record-link">a hammer</a>');
  });

  it('leaves [[id]] inside code alone', async () => {
    const { html } = await render('page:home');
    expect(html).toContain('<code>[[tool:missing]]</code>');
    expect(html).toContain('[[tool:missing]] inside a fence');
  });

  it('renders broken links visibly, with the reason, and never as a dead <a>', async () => {
    const { html } = await render('page:home');
    expect(html).toMatch(/<span class="broken-link" title="Link to record &#x60;tool:missing&#x60;, which does not exist.">tool:missing<\/span>/);
    expect(html).toMatch(/<span class="broken-link" title="[^"]*guides\/gone.md[^"]*">gone<\/span>/);
    expect(html).toMatch(/<span class="broken-link" title="[^"]*also-gone.md[^"]*">reference style<\/span>/);
    expect(html).not.toMatch(/href="[^"]*(gone|missing)/);
    const build = (await render('page:build')).html;
    expect(build).toMatch(/<span class="broken-link" title="[^"]*outside the atlas[^"]*">outside<\/span>/);
  });

  it('draws as broken exactly the links the pipeline reports as broken-wiki-link', async () => {
    for (const p of atlas.pages) {
      const reported = atlas.problems.filter((x) => x.code === 'broken-wiki-link' && x.file === p.file && !x.message.startsWith('`documents:`'));
      const { html } = await renderMarkdown(p.body, { file: p.file, article: true });
      expect(count(html, 'class="broken-link"'), p.file).toBe(reported.length);
    }
    expect(atlas.problems.filter((x) => x.code === 'broken-wiki-link')).toHaveLength(5);
  });

  it('mermaid blocks stay source for the browser, inside <mermaid-diagram>; other code gets a copy button', async () => {
    const build = await render('page:build');
    expect(build.hasDiagram).toBe(true);
    expect(build.html).toContain('<mermaid-diagram><pre class="mermaid">flowchart LR\n  A[Measure] --> B[Cut]</pre></mermaid-diagram>');
    const home = await render('page:home');
    expect(home.hasDiagram).toBe(false);
    expect(home.html).toMatch(/<div class="code-block"><pre[^>]* id="code-block-1"[\s\S]*<copy-button data-target="code-block-1">/);
  });

  it('adds heading anchors and reports headings for the table of contents', async () => {
    const { html, headings } = await render('page:ideas');
    expect(html).toContain('<h2 id="first-idea">First idea<a class="heading-anchor" href="#first-idea" aria-label="Link to this section"></a></h2>');
    expect(headings).toEqual([
      { depth: 1, slug: 'ideas', text: 'Ideas' },
      { depth: 2, slug: 'first-idea', text: 'First idea' },
    ]);
  });

  it('sanitizes: <script>, onerror and javascript: links render inert', async () => {
    const { html } = await render('page:ideas');
    // Raw HTML is parsed and sanitized: harmless tags stay, scripts and handlers go, text stays.
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|alert\('x'\)/i);
    expect(html).toMatch(/Inline <span title="Image not published: x">\[image: image\]<\/span> image, <b>bold<\/b> and/);
    // The javascript: link keeps its text and loses its href.
    expect(html).toContain('<a>js</a>');
  });

  it('plain prose takes the fast path with the same output as the parser', async () => {
    const text = 'One plain line.\nStill the same paragraph.\n\nA second paragraph, with "quotes" and it\'s fine.';
    const fast = await renderMarkdown(text);
    expect(fast.html).toBe('<p>One plain line. Still the same paragraph.</p>\n<p>A second paragraph, with &quot;quotes&quot; and it&#39;s fine.</p>');
    // Syntax that the fast path must not swallow.
    expect((await renderMarkdown('Title\n=====\n\ntext')).html).toContain('<h1');
    expect((await renderMarkdown('line one  \nline two')).html).toContain('<br>');
    expect((await renderMarkdown('see www.example.org')).html).toContain('<a href="http://www.example.org"');
  });
});

describe('resolveWikiLink (shared by the checker and the renderer)', () => {
  const files = new Set(['wiki/index.md', 'wiki/guides/build.md']);
  const records = new Set(['tool:hammer']);
  it('resolves pages relative to the linking file, with anchors', () => {
    expect(resolveWikiLink({ type: 'page', target: '../index.md#top' }, 'wiki/guides/build.md', files, records)).toEqual({ ok: true, type: 'page', file: 'wiki/index.md', anchor: '#top' });
    expect(resolveWikiLink({ type: 'page', target: './build.md' }, 'wiki/guides/build.md', files, records)).toMatchObject({ ok: true, file: 'wiki/guides/build.md' });
  });
  it('explains broken ones', () => {
    expect(resolveWikiLink({ type: 'page', target: 'nope.md' }, 'wiki/index.md', files, records)).toMatchObject({ ok: false, message: expect.stringContaining('no wiki page wiki/nope.md') });
    expect(resolveWikiLink({ type: 'page', target: '../../x.md' }, 'wiki/index.md', files, records)).toMatchObject({ ok: false, message: expect.stringContaining('outside the atlas') });
    expect(resolveWikiLink({ type: 'record', target: 'tool:x' }, 'wiki/index.md', files, records)).toMatchObject({ ok: false });
    expect(resolveWikiLink({ type: 'record', target: 'tool:hammer' }, 'wiki/index.md', files, records)).toEqual({ ok: true, type: 'record', id: 'tool:hammer' });
  });
  it('finds reference definitions but not footnotes', () => {
    expect(findWikiLinks('[a][x]\n\n[x]: other.md\n[^1]: note.md\n')).toEqual([{ type: 'page', target: 'other.md', line: 3, column: 6 }]);
  });
});

describe('wiki index', () => {
  it('gives each page a route from its slug and builds sections from folders', () => {
    const index = wiki.wikiIndex(atlas);
    expect([...index.byRoute.keys()].sort()).toEqual(['', 'concepts', 'concepts/ideas', 'guides/build']);
    expect(index.root.sections.map((s) => s.path)).toEqual(['concepts', 'guides']);
    const concepts = index.sections.get('concepts')!;
    expect(concepts.landing?.page.id).toBe('page:concepts');
    expect(concepts.title).toBe('Concepts');
    expect(concepts.pages.map((e) => e.page.id)).toEqual(['page:ideas']);
    expect(index.sections.get('guides')!.title).toBe('Guides');
    expect(index.counts).toEqual({ pageLinks: 5, recordLinks: 5, broken: 4 });
  });

  it('summarizes the first paragraph as plain text', () => {
    const index = wiki.wikiIndex(atlas);
    expect(index.byId.get('page:ideas')!.summary).toBe('First real paragraph with code, bold and a link.');
    expect(index.byId.get('page:concepts')!.summary).toBe('The ideas behind the Claw hammer and friends.');
  });

  it('knows backlinks: pages linking to a page, records with edges to it, pages mentioning a record', () => {
    const index = wiki.wikiIndex(atlas);
    const build = wiki.articleRelations(atlas, index.byId.get('page:build')!);
    expect(build.linkedFromPages.map((e) => e.page.id)).toEqual(['page:ideas', 'page:home']);
    expect(build.linkedFromRecords).toMatchObject([{ id: 'tool:hammer', name: 'Claw hammer', via: ['described_by'] }]);
    expect(build.documents).toMatchObject([{ id: 'tool:saw', broken: false }, { id: 'tool:nothing', broken: true }]);
    expect(index.mentionedIn.get('tool:hammer')).toEqual(['page:concepts', 'page:home']);
  });
});
