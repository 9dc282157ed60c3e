/**
 * The graph tab, the explorer and the schema graph in Chromium, on the embedded atlas, used as a
 * person would: open the tab, tick filters, double-click, export, share a URL, find a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { encodePathForUrl } from '../../src/pipeline/record-path';
import { describeBrowser, launchBrowser } from '../support/browser';

const REFERENCE = 'workflow:schema-migration';
const atlas = loadAtlas(path.resolve(import.meta.dirname, '../../domain'), {});

/** Ready once the graph script has drawn (it sets data-state on its element). */
async function ready(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(`${selector}[data-state="ready"]`, { timeout: 60_000 });
}

async function count(page: Page, selector: string, attr: string): Promise<number> {
  return Number(await page.getAttribute(selector, attr));
}

/** A record exactly three hops (edges either way) from the reference record. */
function threeHopsAway(): string {
  const neighbours = (id: string) => {
    const r = atlas.records.get(id);
    return r ? [...r.outgoing.map((e) => e.to), ...r.incoming.map((e) => e.from)] : [];
  };
  const dist = new Map([[REFERENCE, 0]]);
  let frontier = [REFERENCE];
  for (let d = 1; d <= 3; d++) {
    const next: string[] = [];
    for (const u of frontier) for (const v of neighbours(u)) if (!dist.has(v)) (dist.set(v, d), next.push(v));
    frontier = next;
  }
  return frontier.sort()[0]!;
}

describeBrowser('graph views', () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    base = inject('sites').embedded.url;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads cytoscape only when the graph tab is opened', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${base}n/workflow/schema-migration/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => /cytoscape|record-graph-app|\.graph\.json/.test(u))).toEqual([]);
    await page.click('[role="tab"][data-tab="graph"]');
    await ready(page, 'record-graph');
    expect(requests.some((u) => /cytoscape/.test(u))).toBe(true);
    expect(requests.some((u) => u.endsWith('/n/workflow/schema-migration.graph.json'))).toBe(true);
    await page.close();
  });

  it('draws the reference record’s 23 neighbours with per-kind counts, and filters follow into the table and the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}n/workflow/schema-migration/?tab=graph`);
    await ready(page, 'record-graph');
    expect(await count(page, 'record-graph', 'data-nodes')).toBe(24);
    expect(await count(page, 'record-graph', 'data-edges')).toBe(23);
    expect(await page.locator('table.neighbours tbody tr').count()).toBe(23);

    const record = atlas.records.get(REFERENCE)!;
    const expected = new Map<string, number>();
    for (const e of [...record.outgoing, ...record.incoming]) expected.set(e.kind, (expected.get(e.kind) ?? 0) + 1);
    for (const [kind, n] of expected) {
      const label = page.locator('.gf-edge-list label', { has: page.locator(`input[value="${kind}"]`) });
      expect(await label.locator('.count').textContent()).toBe(String(n));
    }

    const involves = expected.get('involves_role')!;
    await page.locator('.gf-edge-list input[value="involves_role"]').uncheck();
    await page.waitForFunction((n) => document.querySelector('record-graph')?.getAttribute('data-edges') === String(n), 23 - involves);
    expect(await page.locator('table.neighbours tbody tr').count()).toBe(23 - involves);
    expect(await page.locator('table.neighbours tbody tr[data-edge-kind="involves_role"]').count()).toBe(0);
    expect(await count(page, 'record-graph', 'data-nodes')).toBe(24 - involves);
    expect(new URL(page.url()).searchParams.getAll('ek')).toEqual(['involves_role']);

    // The filter survives a reload (it lives in the URL).
    await page.reload();
    await ready(page, 'record-graph');
    expect(await page.locator('.gf-edge-list input[value="involves_role"]').isChecked()).toBe(false);
    expect(await count(page, 'record-graph', 'data-edges')).toBe(23 - involves);

    // Direction: only the 8 incoming connections.
    await page.locator('.gf-edge-list input[value="involves_role"]').check();
    await page.locator('input[name="direction"][value="in"]').check();
    await page.waitForFunction(() => document.querySelector('record-graph')?.getAttribute('data-edges') === '8');
    expect(new URL(page.url()).searchParams.get('dir')).toBe('in');
    await page.close();
  });

  it('depth 2 adds records', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}n/workflow/schema-migration/?tab=graph`);
    await ready(page, 'record-graph');
    await page.locator('input[name="depth"][value="2"]').check();
    await page.waitForFunction(() => Number(document.querySelector('record-graph')?.getAttribute('data-nodes')) > 24, undefined, { timeout: 60_000 });
    expect(await page.locator('table.neighbours tbody tr').count()).toBeGreaterThan(23);
    expect(new URL(page.url()).searchParams.get('depth')).toBe('2');
    await page.close();
  });

  it('a hub states its cap', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}n/domain/software-engineering/?tab=graph`);
    await ready(page, 'record-graph');
    await expect.poll(() => page.locator('.graph-cap').textContent()).toContain('150 of 220 neighbours shown — filter to see more');
    expect(await count(page, 'record-graph', 'data-nodes')).toBe(151);
    // Switching off the biggest edge kind brings the rest into view.
    await page.locator('.gf-edge-list input[value="applies_to_domain"]').uncheck();
    await page.waitForFunction(() => document.querySelector('.graph-cap')?.hasAttribute('hidden'));
    await page.close();
  });

  it('selecting from the node list opens the side panel, and a double-click navigates', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}n/workflow/schema-migration/?tab=graph`);
    await ready(page, 'record-graph');
    await page.selectOption('.graph-focus', 'tool:neon');
    await expect.poll(() => page.locator('.graph-side').isVisible()).toBe(true);
    expect(await page.locator('.graph-side h3').textContent()).toBe('Neon');
    expect(await page.locator('.graph-side a.button').getAttribute('href')).toBe('/n/tool/neon/');
    // The selected node is centred in the canvas: double-click it there.
    await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    const box = (await page.locator('.graph-canvas').boundingBox())!;
    await Promise.all([page.waitForURL(/\/n\/tool\/neon\/$/), page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2)]);
    await page.close();
  });

  it('exports a non-empty PNG and an SVG that parses', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${base}n/workflow/schema-migration/?tab=graph`);
    await ready(page, 'record-graph');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('.graph-toolbar [data-action="png"]')]);
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(2000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('.graph-toolbar [data-action="svg"]')]);
    const text = fs.readFileSync((await svg.path())!, 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.nodeName, circles: doc.querySelectorAll('circle').length, lines: doc.querySelectorAll('line').length };
    }, text);
    expect(parsed).toEqual({ error: false, root: 'svg', circles: 24, lines: 23 });
    await page.close();
  });

  it('the explorer keeps its state in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}graph/?seed=${REFERENCE}&x=${REFERENCE}&nk=Role`);
    await ready(page, 'graph-explorer');
    const roles = atlas.records.get(REFERENCE)!.outgoing.filter((e) => atlas.records.get(e.to)?.kind === 'Role').length;
    expect(await count(page, 'graph-explorer', 'data-nodes')).toBe(24 - roles);
    expect(await page.locator('.gf-node-list input[value="Role"]').isChecked()).toBe(false);

    // Add a record with the picker (type, arrow, Enter) and switch off another kind.
    await page.fill('#explorer-add', 'github actions');
    await page.waitForSelector('#explorer-add + .graph-picker-list [role="option"]');
    await page.press('#explorer-add', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('seed').includes('tool:github-actions'));
    await page.locator('.gf-node-list input[value="Domain"]').uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('nk').includes('Domain'));
    await ready(page, 'graph-explorer');
    const shared = page.url();
    const drawn = await count(page, 'graph-explorer', 'data-nodes');

    const other = await browser.newPage();
    await other.goto(shared);
    await ready(other, 'graph-explorer');
    expect(other.url()).toBe(shared);
    expect(await count(other, 'graph-explorer', 'data-nodes')).toBe(drawn);
    expect(await other.locator('.gf-node-list input[value="Domain"]').isChecked()).toBe(false);
    const q = new URL(shared).searchParams;
    expect(q.getAll('seed')).toEqual([REFERENCE, 'tool:github-actions']);
    expect(q.getAll('x')).toEqual([REFERENCE, 'tool:github-actions']);
    await other.close();
    await page.close();
  });

  it('suggests records for text typed into the picker while the graph library was still loading', async () => {
    const page = await browser.newPage();
    // The explorer shows its inputs, then loads cytoscape: hold that back until the visitor has typed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/cytoscape\.esm\.min\.mjs$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}graph/`);
    await page.fill('#explorer-add', 'github actions');
    expect(await page.locator('#explorer-add + .graph-picker-list').count()).toBe(0);
    release();
    await page.waitForSelector('#explorer-add + .graph-picker-list [role="option"]');
    expect(await page.locator('#explorer-add + .graph-picker-list [role="option"]').first().getAttribute('data-id')).toBe('tool:github-actions');
    await page.close();
  });

  it('draws a record without connections on its own and says so, with no script error', async () => {
    const lonely = atlas.recordList.find((r) => r.outgoing.length + r.incoming.length === 0)!;
    expect(lonely, 'the embedded atlas has a record without connections').toBeDefined();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}n/${encodePathForUrl(atlas.paths.get(lonely.id)!)}/`);
    await page.click('[role="tab"][data-tab="graph"]');
    await ready(page, 'record-graph');
    expect(await count(page, 'record-graph', 'data-nodes')).toBe(1);
    await expect.poll(() => page.locator('record-graph .graph-status').textContent()).toBe('This record has no connections.');
    expect(await page.locator('record-graph .graph-table-summary').textContent()).toBe('This record has no connections.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts a single seed as one record in the explorer status line', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}graph/?seed=${REFERENCE}`);
    await ready(page, 'graph-explorer');
    await expect.poll(() => page.locator('.graph-status').textContent()).toMatch(/^1 record and 0 edges drawn; 0 expanded\./);
    await page.close();
  });

  it('finds a path between two records three hops apart', async () => {
    const target = threeHopsAway();
    const page = await browser.newPage();
    await page.goto(`${base}graph/?from=${encodeURIComponent(REFERENCE)}&to=${encodeURIComponent(target)}`);
    await ready(page, 'graph-explorer');
    await expect.poll(() => page.locator('.path-status').textContent(), { timeout: 60_000 }).toMatch(/shortest paths? of 3 edges/);
    const paths = await page.locator('.path-list li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-path')!.split(' ')));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p).toHaveLength(4);
      expect(p[0]).toBe(REFERENCE);
      expect(p[3]).toBe(target);
    }
    await page.close();
  });

  it('the schema graph draws kinds and edge kinds', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}graph/schema/`);
    await ready(page, 'schema-graph');
    expect(await page.locator('.graph-status').textContent()).toMatch(/\d+ node kinds and \d+ declared connections drawn/);
    expect(await page.locator('schema-graph tbody tr').count()).toBe(atlas.schema.edgeKinds.size);
    await page.close();
  });
});
