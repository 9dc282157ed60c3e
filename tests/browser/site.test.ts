/**
 * The site around the record pages, in a browser: old links forwarded, unknown addresses answered
 * with suggestions, a phone-width screen, the theme toggle, the kind table's filter, and the
 * JavaScript a record page costs before the graph tab is opened.
 */
import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { embedded, useBrowser } from './helpers';

describeBrowser('site (embedded atlas)', () => {
  const open = useBrowser();

  it('forwards a legacy /n/<encodeURIComponent(id)>?tab=json link to the new URL with the JSON tab', async () => {
    const page = await open();
    const { url } = embedded();
    const res = await page.goto(`${url}n/workflow%3Aschema-migration?tab=json`);
    expect(res?.status()).toBe(404); // the host serves 404.html; its script forwards
    await page.waitForURL(`${url}n/workflow/schema-migration/?tab=json`);
    expect(await page.locator('#record-id').textContent()).toBe('workflow:schema-migration');
    expect(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-json').isVisible()).toBe(true);
  });

  it('keeps the hash of a legacy link too', async () => {
    const page = await open();
    const { url } = embedded();
    await page.goto(`${url}n/${encodeURIComponent('workflow:schema-migration')}#json`);
    await page.waitForURL(`${url}n/workflow/schema-migration/#json`);
    expect(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
  });

  it('answers an unknown record address with the search, and a near miss with suggestions', async () => {
    const page = await open();
    const { url } = embedded();
    const res = await page.goto(`${url}n/nope/`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    // Nothing is close to "nope": the page says so and offers the search, already filled in.
    await page.getByText('no record id is close to “nope”').waitFor();
    const search = page.getByRole('searchbox', { name: 'Search the atlas' });
    expect(await search.inputValue()).toBe('nope');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await page.waitForURL(`${url}search/?q=nope`);

    // A near miss suggests the record meant, and the suggestion leads there.
    await page.goto(`${url}n/workflow/schema-migraton/`);
    const suggestions = page.locator('[data-suggestions] li');
    await suggestions.first().waitFor();
    expect(await page.getByRole('heading', { name: 'Did you mean' }).isVisible()).toBe(true);
    const near = suggestions.filter({ hasText: 'workflow:schema-migration' }).locator('a');
    await near.click();
    await page.waitForURL(`${url}n/workflow/schema-migration/`);

    // A legacy-form id that does not exist gets suggestions too.
    await page.goto(`${url}n/${encodeURIComponent('workflow:schema-migratio')}`);
    await suggestions.filter({ hasText: 'workflow:schema-migration' }).first().waitFor();
  });

  it('works at 390 px: no sideways page scroll, navigation reachable', async () => {
    const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { url } = embedded();
    for (const path of ['', 'kinds/', 'kinds/Tool/', 'edges/', 'n/workflow/schema-migration/', 'n/workflow/schema-migration/?tab=article', 'n/workflow/schema-migration/?tab=json', 'n/workflow/schema-migration/?tab=graph', 'integrity/', 'n/nope/']) {
      await page.goto(url + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path || 'home'} is ${width}px wide`).toBeLessThanOrEqual(390);
    }
    await page.goto(url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [label, path] of [
      ['Kinds', 'kinds/'],
      ['Edges', 'edges/'],
      ['For agents', 'for-agents/'],
    ] as const) {
      await nav.getByRole('link', { name: label }).tap();
      await page.waitForURL(url + path);
    }
    // The search entry point is there on a phone too.
    await page.goto(url);
    expect(await page.getByLabel('Search records and wiki').isVisible()).toBe(true);
  });

  it('switches to the dark theme and keeps it after a reload', async () => {
    const page = await open({ colorScheme: 'light' });
    await page.goto(embedded().url);
    const background = () =>
      page.evaluate(() => {
        const [html, body] = [getComputedStyle(document.documentElement), getComputedStyle(document.body)];
        return `${html.backgroundColor} ${body.backgroundColor} ${body.color}`;
      });
    const light = await background();
    const toggle = page.getByRole('button', { name: 'Toggle dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);
    await page.goto(`${embedded().url}kinds/`);
    expect(await background()).toBe(dark);
    await page.getByRole('button', { name: 'Toggle dark theme' }).click();
    expect(await background()).toBe(light);
  });

  it('narrows and sorts a kind table with its filter box', async () => {
    const page = await open();
    await page.goto(`${embedded().url}kinds/Tool/`);
    const rows = page.locator('record-table tbody tr');
    const before = await rows.count();
    expect(before).toBeGreaterThan(10);
    const firstName = (await rows.first().locator('td a').textContent())!.trim();
    const filter = page.getByRole('searchbox', { name: 'Filter' });
    await filter.fill(firstName);
    await page.locator('record-table .table-status').filter({ hasText: /of \d+ records/ }).waitFor();
    const after = await rows.count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    for (const text of await rows.allInnerTexts()) expect(text.toLowerCase()).toContain(firstName.toLowerCase());

    await filter.fill('');
    await page.waitForFunction((n) => document.querySelectorAll('record-table tbody tr').length === n, before);
    // Sort by incoming edges, most first.
    await page.getByRole('button', { name: 'In', exact: true }).click();
    const ins = (await page.locator('record-table tbody tr td:last-child').allTextContents()).map(Number);
    expect(ins).toEqual([...ins].sort((a, b) => b - a));
    expect(await page.locator('record-table th[aria-sort="descending"]').textContent()).toBe('In');
  });

  it('loads little JavaScript on a record page before the graph tab is opened', async () => {
    const page = await open();
    const scripts: { url: string; bytes: number; gzipped: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      pending.push(
        res.body().then((body) => {
          scripts.push({ url: new URL(res.url()).pathname, bytes: body.length, gzipped: zlib.gzipSync(body, { level: 9 }).length });
        }),
      );
    });
    await page.goto(`${embedded().url}n/workflow/schema-migration/`, { waitUntil: 'networkidle' });
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
    const inlineGz = zlib.gzipSync(Buffer.from(inline), { level: 9 }).length;
    const total = scripts.reduce((n, s) => n + s.gzipped, 0);
    console.log(
      `[js-weight] record page before the graph tab: ${scripts.length} script files, ${(total / 1024).toFixed(1)} KB gzipped (${(scripts.reduce((n, s) => n + s.bytes, 0) / 1024).toFixed(1)} KB raw); inline ${(inlineGz / 1024).toFixed(1)} KB gzipped\n` +
        scripts.map((s) => `  ${s.url}  ${s.bytes} B, ${s.gzipped} B gz`).join('\n'),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(total + inlineGz).toBeLessThanOrEqual(10 * 1024);
  });
});
