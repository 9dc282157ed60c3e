/**
 * The listing pages' table rows, written as template strings: a record table's rows (kind and
 * cluster pages, and <record-table> after a sort) and an edge kind's rows, on the hostile fixture
 * atlas (tests/fixtures/site-atlas). Everything from the atlas is escaped.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/pipeline/model';
import { recordRowsHtml } from '../../src/site/record-rows-html';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-atlas');

// The site modules read ATLAS_DOMAIN_DIR when first imported, so they are imported after setting it.
let atlas: Atlas;
let edges: typeof import('../../src/site/edges-html');
let rows: typeof import('../../src/site/record-rows');
beforeAll(async () => {
  process.env.ATLAS_DOMAIN_DIR = FIXTURE;
  process.env.ATLAS_BASE = '/';
  edges = await import('../../src/site/edges-html');
  rows = await import('../../src/site/record-rows');
  atlas = (await import('../../src/site/atlas-data')).getAtlas();
});

/** Every start tag in the markup, for checking that no atlas text became an element. */
const tags = (markup: string) => [...markup.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]);

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
