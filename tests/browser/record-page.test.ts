/**
 * The reference record page, used as a reader uses it: read the header and edges, switch tabs with
 * the mouse and the keyboard, deep-link a tab, copy and download the JSON, follow an edge.
 */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { displayName } from '../../src/pipeline/model';
import { describeBrowser } from '../support/browser';
import { SITES } from '../support/sites';
import { REFERENCE_ID, embedded, useBrowser } from './helpers';

const reference = () => loadAtlas(SITES.embedded.domain).records.get(REFERENCE_ID)!;
const pageUrl = () => `${embedded().url}n/workflow/schema-migration/`;
const jsonUrl = () => `${embedded().url}n/workflow/schema-migration.json`;

describeBrowser('record page (embedded atlas, workflow:schema-migration)', () => {
  const open = useBrowser();

  it('shows name, id, edge counts, a confidence badge, an evidence quote and "declared 2×"', async () => {
    const page = await open();
    await page.goto(pageUrl());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(displayName(reference()));
    await expect(page.locator('#record-id').textContent()).resolves.toBe(REFERENCE_ID);
    const outgoing = page.getByRole('heading', { level: 2, name: /Outgoing edges/ });
    const incoming = page.getByRole('heading', { level: 2, name: /Incoming edges/ });
    expect(await outgoing.innerText()).toMatch(/Outgoing edges\s*15$/);
    expect(await incoming.innerText()).toMatch(/Incoming edges\s*8$/);
    expect(await page.locator('section[aria-labelledby="outgoing"] li.edge').count()).toBe(15);
    expect(await page.locator('section[aria-labelledby="incoming"] li.edge').count()).toBe(8);
    const badge = page.locator('li.edge .badge[title="confidence"]').first();
    expect(await badge.isVisible()).toBe(true);
    expect(['high', 'medium', 'low']).toContain(await badge.textContent());
    const quote = page.locator('li.edge blockquote').first();
    expect(await quote.isVisible()).toBe(true);
    expect((await quote.innerText()).length).toBeGreaterThan(10);
    expect(await page.getByText('declared 2×').first().isVisible()).toBe(true);
    // Kind badge links to the kind's listing.
    const kind = page.locator('.record-meta a', { hasText: reference().kind }).first();
    expect(await kind.getAttribute('href')).toBe(`/kinds/${reference().kind}/`);
  });

  it('switches tabs with the mouse and keeps ?tab= in the URL', async () => {
    const page = await open();
    await page.goto(pageUrl());
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    const panel = (key: string) => page.locator(`#panel-${key}`);
    expect(await tab('Overview').getAttribute('aria-selected')).toBe('true');
    expect(await panel('overview').isVisible()).toBe(true);
    expect(await panel('json').isVisible()).toBe(false);

    await tab('JSON').click();
    expect(await tab('JSON').getAttribute('aria-selected')).toBe('true');
    expect(await tab('Overview').getAttribute('aria-selected')).toBe('false');
    expect(await panel('json').isVisible()).toBe(true);
    expect(await panel('overview').isVisible()).toBe(false);
    expect(new URL(page.url()).search).toBe('?tab=json');

    await tab('Graph').click();
    expect(await panel('graph').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('?tab=graph');

    await tab('Overview').click();
    expect(await panel('overview').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
  });

  it('shows a long description once: a teaser on the overview whose link opens the Article tab', async () => {
    const page = await open();
    await page.goto(pageUrl());
    const description = String(reference().attributes.description);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const ending = flat(description.trim()).split(/(?<=\.) /).at(-1)!;
    expect(description.length).toBeGreaterThan(600);
    expect(flat(await page.locator('#panel-overview').innerText())).not.toContain(ending);
    const link = page.getByRole('link', { name: 'Read it all on the Article tab' });
    await link.click();
    expect(await page.getByRole('tab', { name: 'Article', exact: true }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-article').isVisible()).toBe(true);
    expect(await page.locator('#panel-overview').isVisible()).toBe(false);
    expect(flat(await page.locator('#panel-article').innerText())).toContain(ending);
    expect(new URL(page.url()).search).toBe('?tab=article');
  });

  it('moves selection and focus with arrow keys, Home and End', async () => {
    const page = await open();
    await page.goto(pageUrl());
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['Overview', 'Article', 'JSON', 'Graph']);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { role: el?.getAttribute('role'), name: el?.textContent, selected: el?.getAttribute('aria-selected') };
      });
    const visiblePanels = () => page.locator('[role="tabpanel"]:visible').evaluateAll((els) => els.map((e) => e.id));

    // Reach the tablist with the keyboard: Tab lands on the selected tab only (roving tabindex).
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ role: 'tab', name: 'Article', selected: 'true' });
    expect(await visiblePanels()).toEqual(['panel-article']);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('article');

    await page.keyboard.press('End');
    expect(await focused()).toEqual({ role: 'tab', name: 'Graph', selected: 'true' });
    expect(await visiblePanels()).toEqual(['panel-graph']);

    await page.keyboard.press('ArrowRight'); // wraps around
    expect(await focused()).toEqual({ role: 'tab', name: 'Overview', selected: 'true' });

    await page.keyboard.press('ArrowLeft'); // and back
    expect(await focused()).toEqual({ role: 'tab', name: 'Graph', selected: 'true' });

    await page.keyboard.press('Home');
    expect(await focused()).toEqual({ role: 'tab', name: 'Overview', selected: 'true' });
    expect(await visiblePanels()).toEqual(['panel-overview']);
    expect(new URL(page.url()).search).toBe('');

    // Only the selected tab is in the tab order.
    const tabIndexes = await page.getByRole('tab').evaluateAll((els) => els.map((e) => (e as HTMLElement).tabIndex));
    expect(tabIndexes).toEqual([0, -1, -1, -1]);
  });

  it.each([
    ['?tab=json', 'query'],
    ['#json', 'hash'],
    ['#panel-json', "the tab link's own address"],
  ])('opens the JSON tab directly from %s (%s), its tab in view on a phone', async (suffix) => {
    const page = await open({ viewport: { width: 390, height: 844 } });
    await page.goto(pageUrl() + suffix);
    expect(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
    // An address that scrolls to the panel still shows the tab strip above it.
    expect(await page.getByRole('tab', { name: 'JSON' }).evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
    expect(await page.locator('[role="tabpanel"]:visible').evaluateAll((els) => els.map((e) => e.id))).toEqual(['panel-json']);
    expect(await page.getByRole('button', { name: 'Copy JSON' }).isVisible()).toBe(true);
  });

  it('follows a tab address pasted over the page (a hash change), and back', async () => {
    const page = await open();
    await page.goto(pageUrl());
    await page.goto(pageUrl() + '#panel-graph');
    expect(await page.getByRole('tab', { name: 'Graph' }).getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    expect(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
  });

  it('copies the JSON to the clipboard, by mouse and by keyboard, and says so', async () => {
    const expected = await (await fetch(jsonUrl())).text();
    const page = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${pageUrl()}?tab=json`);
    const copy = page.getByRole('button', { name: 'Copy JSON' });
    await copy.click();
    await page.locator('copy-button[data-target="record-json"] [role="status"]').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // Keyboard: from the selected JSON tab, Tab reaches the Copy button; Enter copies.
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.getByRole('tab', { name: 'JSON' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Copy JSON');
    await page.keyboard.press('Enter');
    await page.waitForFunction(async (text) => (await navigator.clipboard.readText()) === text, expected);
  });

  it('downloads <id>.json and links the raw file', async () => {
    const expected = await (await fetch(jsonUrl())).text();
    const page = await open({ acceptDownloads: true });
    await page.goto(`${pageUrl()}?tab=json`);
    const link = page.getByRole('link', { name: 'Download' });
    expect(await link.getAttribute('download')).toMatch(/^workflow.schema-migration\.json$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^workflow.schema-migration\.json$/);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(expected);

    const raw = page.getByRole('link', { name: 'Raw' });
    await raw.click();
    await page.waitForURL(jsonUrl());
    expect(JSON.parse((await page.locator('body').innerText()).trim())).toEqual(JSON.parse(expected));
  });

  it('follows an edge to the record at the other end', async () => {
    const page = await open();
    await page.goto(pageUrl());
    const edge = page.locator('section[aria-labelledby="outgoing"] li.edge').first();
    const targetId = (await edge.locator('code').first().textContent())!.trim();
    const targetName = (await edge.locator('a').first().textContent())!.trim();
    await edge.locator('a').first().click();
    await page.waitForURL((u) => !u.pathname.endsWith('/n/workflow/schema-migration/'));
    expect(await page.locator('#record-id').textContent()).toBe(targetId);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(targetName);
    // The target lists the reference record among its incoming edges, with a link back.
    const back = page.locator('section[aria-labelledby="incoming"] li.edge', { hasText: REFERENCE_ID }).locator('a').first();
    await back.click();
    await page.waitForURL(pageUrl());
    expect(await page.locator('#record-id').textContent()).toBe(REFERENCE_ID);
  });
});
