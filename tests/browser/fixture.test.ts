/**
 * The fixture atlas (served under /atlas/) in a browser: hostile names and descriptions render as
 * text and run nothing; long edge groups and the record tabs work without JavaScript.
 */
import { expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { fixture, pathFromIds, urlPath, useBrowser } from './helpers';

const PROBE_NAME = '<img src=x onerror=alert(1)>';

describeBrowser('fixture atlas (hostile input, no JavaScript)', () => {
  const open = useBrowser();

  it('renders the XSS probe record as text and never opens a dialog', async () => {
    const page = await open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    const { url } = fixture();
    const probe = `${url}n/${urlPath(await pathFromIds(url, 'thing:xss'))}/`;
    await page.goto(probe, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(PROBE_NAME);
    const text = await page.locator('body').innerText();
    expect(text).toContain(PROBE_NAME);
    expect(text).toContain('<b>bold</b>'); // a list item
    expect(text).toContain('<svg onload=alert(3)>'); // a nested map value
    expect(text).toContain('<iframe src=javascript:alert(4)>'); // edge evidence
    // None of it became markup: no image, script, frame or event handler from the atlas.
    expect(await page.locator('main img, main iframe, main svg[onload], main b').count()).toBe(0);
    const scripts = await page.locator('script').evaluateAll((els) => els.map((s) => s.getAttribute('src') ?? `inline: ${s.textContent}`));
    for (const s of scripts) expect(s.startsWith('/atlas/_astro/') || (s.startsWith('inline: ') && !s.includes('alert')), s).toBe(true);
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))))).toBe(false);
    // A "URL" carrying markup characters stays text; it never becomes a link (least of all a record link).
    expect(await page.getByRole('link', { name: /example\.org/ }).count()).toBe(0);
    expect(text).toContain('https://example.org/a?b=c&d=<e>');

    // Every view of it, and every page that names it.
    for (const tab of ['JSON', 'Graph', 'Overview']) await page.getByRole('tab', { name: tab, exact: true }).click();
    for (const p of ['', 'kinds/Thing/', 'clusters/things/', 'edges/relates_to/', `n/${urlPath(await pathFromIds(url, 'page:fixture-index'))}/`, 'n/thing/Case/', 'integrity/']) {
      await page.goto(url + p, { waitUntil: 'networkidle' });
    }
    await page.goto(`${url}kinds/Thing/`);
    await page.getByRole('searchbox', { name: 'Filter' }).fill('img');
    await page.getByRole('link', { name: PROBE_NAME }).waitFor();
    expect(dialogs).toEqual([]);
  });

  it('renders a URL attribute as an external link, not as a record', async () => {
    const page = await open();
    const { url } = fixture();
    await page.goto(`${url}n/${urlPath(await pathFromIds(url, 'thing:Case'))}/`);
    const link = page.getByRole('link', { name: 'https://example.org/docs/?a=1&b=two#part' });
    expect(await link.getAttribute('href')).toBe('https://example.org/docs/?a=1&b=two#part');
  });

  it('shows 25 of 40 members and a "show all 40" that works without JavaScript', async () => {
    const page = await open({ javaScriptEnabled: false });
    const { url } = fixture();
    await page.goto(`${url}n/${urlPath(await pathFromIds(url, 'hub:big'))}/`);
    const group = page.locator('section[aria-labelledby="incoming"] .edge-group', { hasText: 'member_of' });
    expect(await group.innerText()).toContain('25 of 40');
    const member = (n: number) => group.getByRole('link', { name: `Member ${String(n).padStart(2, '0')}`, exact: true });
    expect(await member(25).isVisible()).toBe(true);
    expect(await member(26).isVisible()).toBe(false);
    const showAll = group.getByText(/Show all 40/);
    expect(await showAll.isVisible()).toBe(true);
    await showAll.click();
    expect(await member(26).isVisible()).toBe(true);
    expect(await member(40).isVisible()).toBe(true);
    expect(await group.getByRole('link', { name: /^Member \d\d$/ }).count()).toBe(40);
  });

  it('keeps every tab panel on the page without JavaScript, the tabs linking to them', async () => {
    const page = await open({ javaScriptEnabled: false });
    const { url } = fixture();
    await page.goto(`${url}n/${urlPath(await pathFromIds(url, 'thing:xss'))}/?tab=json`);
    const panels = page.locator('[role="tabpanel"]');
    const count = await panels.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) expect(await panels.nth(i).isVisible()).toBe(true);
    // Each panel has its own visible heading, so the page reads in order.
    expect(await page.getByRole('heading', { level: 2, name: 'JSON' }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'JSON' }).click();
    expect(new URL(page.url()).hash).toBe('#panel-json');
    expect(await page.locator('#panel-json').evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    // The JSON is readable as text; the Raw and Download links work without JavaScript too.
    expect(await page.locator('#record-json').innerText()).toContain('"id": "thing:xss"');
    expect(await page.getByRole('link', { name: 'Raw' }).getAttribute('href')).toBe(`/atlas/n/thing/xss.json`);
    // Copy needs JavaScript, so it is not offered.
    expect(await page.getByRole('button', { name: /Copy/ }).count()).toBe(0);
    // Neither is a kind table's filter box; its server-rendered pages and pager are there instead.
    await page.goto(`${url}kinds/Thing/`);
    expect(await page.getByRole('searchbox', { name: 'Filter' }).count()).toBe(0);
    expect(await page.locator('record-table tbody tr').count()).toBe(45);
  });

  it('forwards a legacy link under the /atlas/ base', async () => {
    const page = await open();
    const { url } = fixture();
    await page.goto(`${url}n/${encodeURIComponent('thing:a/b~c')}?tab=json`);
    await page.waitForURL(`${url}n/thing/a~2Fb~7Ec/?tab=json`);
    expect(await page.locator('#record-id').textContent()).toBe('thing:a/b~c');
    expect(await page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
  });
});
