/**
 * The template-string renderers on the hostile fixture atlas (tests/fixtures/site-atlas): the
 * record page's attribute and edge lists, header, tabs, JSON and graph panels, and the listing
 * pages' table rows. Every value typed, everything from the atlas escaped.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/pipeline/model';
import { recordGraphControlsHtml } from '../../src/site/graph-frame-html';
import { recordRowsHtml } from '../../src/site/record-rows-html';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-atlas');

// The site modules read ATLAS_DOMAIN_DIR when first imported, so they are imported after setting it.
let atlas: Atlas;
let attributes: typeof import('../../src/site/attributes-html');
let edges: typeof import('../../src/site/edges-html');
let views: typeof import('../../src/site/record-view');
let parts: typeof import('../../src/site/record-page-html');
let neighbourhood: typeof import('../../src/site/neighbourhood');
let rows: typeof import('../../src/site/record-rows');
beforeAll(async () => {
  process.env.ATLAS_DOMAIN_DIR = FIXTURE;
  process.env.ATLAS_BASE = '/';
  attributes = await import('../../src/site/attributes-html');
  edges = await import('../../src/site/edges-html');
  views = await import('../../src/site/record-view');
  parts = await import('../../src/site/record-page-html');
  neighbourhood = await import('../../src/site/neighbourhood');
  rows = await import('../../src/site/record-rows');
  atlas = (await import('../../src/site/atlas-data')).getAtlas();
});

const record = (id: string) => atlas.records.get(id)!;
/** Every start tag in the markup, for checking that no atlas text became an element. */
const tags = (markup: string) => [...markup.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]);

describe('attribute list', () => {
  it('escapes every value and renders each by its type: date, list, nested map, sanitized Markdown', async () => {
    const markup = (await attributes.attributeListHtml(atlas, record('thing:xss'))).value;
    expect(new Set(tags(markup))).toEqual(new Set(['dl', 'div', 'dt', 'span', 'code', 'dd', 'time', 'ul', 'li']));
    expect(markup).toContain('<span class="attr-name" title="displayName">display name</span>');
    expect(markup).toContain('<span class="text-value">&lt;img src=x onerror=alert(1)&gt;</span>');
    // Not a URL (it holds < and >), so text.
    expect(markup).toContain('<span class="text-value">https://example.org/a?b=c&amp;d=&lt;e&gt;</span>');
    expect(markup).toContain('<time datetime="2024-02-29">2024-02-29</time>');
    expect(markup).toContain('<ul class="value-list"><li><span class="text-value">&lt;b&gt;bold&lt;/b&gt;</span></li><li><span class="text-value">plain</span></li></ul>');
    expect(markup).toContain('<dl class="value-map"><div><dt>level1</dt><dd><dl class="value-map"><div><dt>level2</dt><dd><span class="text-value">&lt;svg onload=alert(3)&gt;</span>');
    // Declared `markdown`: through the sanitizer, which drops the script and replaces the image.
    expect(markup).toContain('<div class="prose"> and <span title="Image not published: x">[image: image]</span> in **markdown**</div>');
    // displayName first, description second, the rest as written.
    expect([...markup.matchAll(/class="attr-key" title="[^"]*">([^<]+)</g)].map((m) => m[1])).toEqual(['displayName', 'description', 'homepage', 'released', 'tags', 'nested']);
  });

  it('links URLs as external links and the ids of existing records only', async () => {
    expect((await attributes.attributeListHtml(atlas, record('thing:Case'))).value).toContain(
      '<a href="https://example.org/docs/?a=1&amp;b=two#part" rel="noopener noreferrer nofollow" class="external">https://example.org/docs/?a=1&amp;b=two#part</a>',
    );
    const markup = (await attributes.attributeValueHtml(atlas, 'thing:Case')).value;
    expect(markup).toBe(`<a href="/n/${atlas.paths.get('thing:Case')}/" class="record-link">Upper case</a> <code class="muted">thing:Case</code>`);
    expect((await attributes.attributeValueHtml(atlas, 'thing:nowhere')).value).toBe('<span class="text-value">thing:nowhere</span>');
  });

  it('folds long text behind "show more", and says when a list or map is empty', async () => {
    const long = `${'word '.repeat(200)}end`;
    const markup = (await attributes.attributeValueHtml(atlas, long)).value;
    expect(markup).toMatch(/^<details class="fold"><summary><span class="text-value">word word .*…<\/span> <span class="more">show more<\/span><\/summary><span class="text-value">word .* end<\/span><\/details>$/);
    expect((await attributes.attributeValueHtml(atlas, [])).value).toBe('<span class="muted">(empty list)</span>');
    expect((await attributes.attributeValueHtml(atlas, {})).value).toBe('<span class="muted">(empty map)</span>');
  });

  it('leaves a wiki page body to the Article tab and shows a teaser of a long description', async () => {
    const long = `A long description. ${'More words here. '.repeat(60)}`;
    const withLong = { ...record('thing:Case'), attributes: { displayName: 'Long', description: long } };
    const teaser = (await attributes.attributeListHtml(atlas, withLong, views.articleOf(withLong))).value;
    expect(teaser).toContain('<p class="teaser"><span class="text-value">A long description. More words here.');
    expect(teaser).toContain('<a href="#panel-article" data-show-tab="article">Read it all on the Article tab</a>');
    const page = atlas.recordList.find((r) => r.kind === 'Page')!;
    const pageMarkup = (await attributes.attributeListHtml(atlas, page, views.articleOf(page))).value;
    expect(pageMarkup).not.toContain('title="body"');
  });
});

describe('edge groups', () => {
  it('escapes evidence and names, shows the confidence badge, and links the kind and the other record', async () => {
    const view = views.buildRecordView(atlas, record('thing:xss'));
    const markup = (await edges.edgeGroupsHtml(atlas, view.outgoing, 'out')).value;
    expect(markup).toContain('<h2 id="outgoing">Outgoing edges <span class="count">1</span></h2>');
    expect(markup).toContain('<a href="/edges/relates_to/" class="edge-kind mono">relates_to →</a>');
    expect(markup).toContain(`<a href="/n/${atlas.paths.get('thing:Case')}/">Upper case</a> <code class="edge-id">thing:Case</code>`);
    expect(markup).toContain('<span class="badge conf-high" title="confidence">high</span>');
    expect(markup).toContain('<blockquote class="evidence">&lt;iframe src=javascript:alert(4)&gt;</blockquote>');
    expect(tags(markup)).not.toContain('iframe');
  });

  it('marks unresolved targets', async () => {
    const view = views.buildRecordView(atlas, record('thing:a/b~c'));
    const markup = (await edges.edgeGroupsHtml(atlas, view.outgoing, 'out')).value;
    expect(markup).toContain('<li class="edge dangling">');
    expect(markup).toContain('<span class="badge unresolved" title="No record has this id">unresolved</span> <code>thing:missing-target</code>');
  });

  it(`shows the first ${25} edges of a long group and the rest behind "show all"`, async () => {
    const view = views.buildRecordView(atlas, record('hub:big'));
    const markup = (await edges.edgeGroupsHtml(atlas, view.incoming, 'in')).value;
    const total = view.incoming[0]!.edges.length;
    expect(total).toBeGreaterThan(views.EDGE_GROUP_PREVIEW);
    expect(markup).toContain(`<p class="shown-note muted">${views.EDGE_GROUP_PREVIEW} of ${total} shown</p>`);
    expect(markup).toContain(`<summary>Show all ${total} <span class="muted">(${total - views.EDGE_GROUP_PREVIEW} more)</span></summary>`);
    expect(markup.match(/<li class="edge">/g)).toHaveLength(total);
  });

  it('says when there are none', async () => {
    const markup = (await edges.edgeGroupsHtml(atlas, [], 'in')).value;
    expect(markup).toBe('<section class="edge-section" aria-labelledby="incoming"><h2 id="incoming">Incoming edges <span class="count">0</span></h2><p class="muted">No record points to this one.</p></section>');
  });
});

describe('graph table rows', () => {
  it('has one row per edge around the record, this record in bold, unresolved ends marked, names escaped', () => {
    const xss = record('thing:xss');
    const file = neighbourhood.recordNeighbourhood(atlas, xss);
    const markup = parts.neighbourRowsHtml(file, xss.id).value;
    expect(markup.match(/<tr /g)).toHaveLength(file.edges.length);
    expect(markup).toContain('data-edge-kind="relates_to" data-from="thing:xss" data-to="thing:Case"');
    expect(markup).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong> <span class="muted">(this record)</span>');
    expect(markup).toContain('<td>high</td>');
    const slash = record('thing:a/b~c');
    const dangling = parts.neighbourRowsHtml(neighbourhood.recordNeighbourhood(atlas, slash), slash.id).value;
    expect(dangling).toContain('<span class="badge unresolved">unresolved</span> <code>thing:missing-target</code>');
  });
});

describe('header', () => {
  it('escapes the name, shows id, kind, cluster and source, and carries the copy and pin widgets', () => {
    const view = views.buildRecordView(atlas, record('thing:xss'));
    const markup = parts.recordHeaderHtml(view).value;
    expect(markup).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(markup).toContain('<code id="record-id" class="record-id">thing:xss</code>');
    expect(markup).toContain('<copy-button data-target="record-id">');
    expect(markup).toContain('<pin-button data-id="thing:xss" data-kind="Thing" data-name="&lt;img src=x onerror=alert(1)&gt;"');
    expect(markup).toContain('<a class="badge kind" href="/kinds/Thing/">Thing</a>');
    expect(markup).toContain('<span class="source mono" title="Defining document">things/hostile.yaml:2</span>');
    expect(tags(markup)).not.toContain('img');
  });

  it('lists the problems of a record with warnings, each with its place, code and fix', () => {
    const withProblems = atlas.recordList.map((r) => views.buildRecordView(atlas, r)).find((v) => v.problems.length > 0)!;
    const markup = parts.recordHeaderHtml(withProblems).value;
    const p = withProblems.problems[0]!;
    expect(markup).toContain(`<details class="defined-in record-problems"><summary><span class="badge sev-warning">${withProblems.problems.length} problem`);
    expect(markup).toContain(`<code>${p.file}:${p.line}:${p.column}</code> <a href="/integrity/${p.code}/"><code>${p.code}</code></a>`);
  });
});

describe('tabs', () => {
  it('selects the first tab, wires each tab to its panel, and gives each panel a heading', async () => {
    const { html } = await import('../../src/site/html');
    const markup = parts.recordTabsHtml([
      { key: 'overview', label: 'Overview', panel: html`<p>one</p>` },
      { key: 'json', label: 'JSON', panel: html`<p>two</p>` },
    ]).value;
    expect(markup).toContain('<a role="tab" id="tab-overview" href="#panel-overview" data-tab="overview" aria-controls="panel-overview" aria-selected="true" tabindex="0">Overview</a>');
    expect(markup).toContain('<a role="tab" id="tab-json" href="#panel-json" data-tab="json" aria-controls="panel-json" aria-selected="false" tabindex="-1">JSON</a>');
    expect(markup).toContain('<section role="tabpanel" id="panel-json" data-tab="json" aria-labelledby="tab-json" tabindex="-1"> <h2 class="panel-heading">JSON</h2> <p>two</p> </section>');
  });
});

describe('JSON panel', () => {
  it('highlights the escaped JSON and offers it for download under a safe file name', () => {
    const view = views.buildRecordView(atlas, record('thing:a/b~c'));
    const markup = parts.jsonPanelHtml(view).value;
    expect(markup).toContain(`download="thing_a_b_c.json"`);
    expect(markup).toContain(`href="/n/${atlas.paths.get('thing:a/b~c')}.json"`);
    expect(markup).toContain(`${view.jsonLines} lines`);
    const xss = parts.jsonPanelHtml(views.buildRecordView(atlas, record('thing:xss'))).value;
    expect(xss).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tags(xss)).not.toContain('img');
  });
});

describe('graph panel', () => {
  it('says how many connections there are and mirrors them in a table', () => {
    const view = views.buildRecordView(atlas, record('thing:xss'));
    const markup = parts.graphPanelHtml(atlas, view).value;
    expect(markup).toMatch(/<p class="muted graph-table-summary">\d+ connections? to \d+ records?\.<\/p>/);
    expect(markup).toContain('<caption class="visually-hidden">Edges of the graph around thing:xss</caption>');
    expect(markup).toContain(`<record-graph class="graph-panel" data-id="thing:xss" data-path="${atlas.paths.get('thing:xss')}">`);
    // The controls are the script's to write: the page carries only an empty, hidden place for them.
    expect(markup).toContain('<div class="graph-ui" hidden></div>');
    expect(markup).not.toContain('graph-toolbar');
  });

  it('has controls for the script to write, naming the canvas after the record, escaped', () => {
    const controls = recordGraphControlsHtml('thing:<b>"x"</b>').value;
    expect(controls).toContain('aria-label="Neighbourhood of thing:&lt;b&gt;&quot;x&quot;&lt;/b&gt;"');
    expect(controls).toContain('<form class="graph-filters" aria-label="Graph filters">');
    expect(controls).toContain('data-action="png"');
    expect(tags(controls)).not.toContain('b');
  });

  it('has no table for a record without connections', () => {
    const lonely = atlas.recordList.find((r) => r.outgoing.length === 0 && r.incoming.length === 0)!;
    const markup = parts.graphPanelHtml(atlas, views.buildRecordView(atlas, lonely)).value;
    expect(markup).toContain('This record has no connections.');
    expect(markup).not.toContain('<table');
  });
});

describe('record table rows', () => {
  it('writes one escaped row per record, with the optional columns asked for', () => {
    const row = rows.recordRow(atlas.records.get('thing:xss')!);
    const markup = recordRowsHtml([row], { kind: true, cluster: false }).value;
    expect(new Set(tags(markup))).toEqual(new Set(['tr', 'td', 'a', 'code']));
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;</a>');
    expect(markup).toContain('<td><code>thing:xss</code></td><td>Thing</td><td class="num">1</td>');
    expect(recordRowsHtml([row], { kind: false, cluster: true }).value).toContain(`<td><code>thing:xss</code></td><td>${row.cluster}</td>`);
  });

  it('writes nothing for no rows', () => {
    expect(recordRowsHtml([], { kind: true, cluster: true }).value).toBe('');
  });
});

describe('edge kind rows', () => {
  it('names both ends, escapes the attributes and says where the edge was declared', () => {
    const edge = atlas.byEdgeKind.get('relates_to')!.find((e) => e.from === 'thing:xss')!;
    const markup = edges.edgeTableRowsHtml(atlas, [edge]).value;
    expect(new Set(tags(markup))).toEqual(new Set(['tr', 'td', 'a', 'br', 'code', 'dl', 'div', 'dt', 'dd']));
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;</a><br><code class="muted">thing:xss</code>');
    expect(markup).toContain('<dt>evidence</dt><dd>&lt;iframe src=javascript:alert(4)&gt;</dd>');
    expect(markup).toContain(`title="${edge.declarations.map((d) => `${d.file}:${d.line}`).join('\n')}">${edge.declarations.length}×</td>`);
  });

  it('marks an edge whose target has no record, with no link', () => {
    const edge = atlas.byEdgeKind.get('relates_to')!.find((e) => e.dangling)!;
    const markup = edges.edgeTableRowsHtml(atlas, [edge]).value;
    expect(markup).toContain(`<td><span class="badge unresolved">unresolved</span> <code>${edge.to}</code></td><td></td>`);
  });
});
