/**
 * Search in a real browser over the built sites: ranking of names and ids, go-to-id, filters in
 * the URL, wiki text, keyboard-only use, and Pagefind loading only when search is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idSearchTerms, looksLikeId } from '../../src/site/search-terms';
import { describeBrowser, launchBrowser } from '../support/browser';

/** Ids of the result rows on the search page, in order (the go-to-id row included). */
async function resultIds(page: Page): Promise<string[]> {
  return page.locator('search-page [role="option"] .search-hit-id').allTextContents();
}

/** Opens /search/ with a query and waits for the status line to report the outcome. */
async function searchPage(page: Page, base: string, query: string, extra = ''): Promise<void> {
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}${extra}`);
  await page.locator('search-page [role="status"]').filter({ hasText: /result/ }).waitFor();
}

describe('id search terms', () => {
  it('splits an id at : / . @ _ - and joins runs of parts', () => {
    const terms = idSearchTerms('agentVersion:claude-code:1.0.35').split(' ');
    expect(terms).toEqual(expect.arrayContaining(['agentversion', 'agent', 'version', 'claude', 'code', 'claudecode', '1', '0', '35', '1035', 'agentversionclaudecode1035']));
    expect(idSearchTerms('model:claude-opus-4-7@current').split(' ')).toEqual(expect.arrayContaining(['opus', 'current', 'claudeopus47current', '47current']));
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('recognises id-shaped queries', () => {
    expect(looksLikeId('workflow:schema-migration')).toBe(true);
    expect(looksLikeId('schema migration')).toBe(false);
    expect(looksLikeId('schema-migration')).toBe(false);
  });
});

describe('index build', () => {
  it('writes the Pagefind bundle and indexes record pages only, not the chrome', () => {
    const { dir } = inject('sites').embedded;
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'pagefind', 'fragment')).length).toBeGreaterThan(300);
    const kinds = fs.readFileSync(path.join(dir, 'kinds', 'index.html'), 'utf8');
    expect(kinds).not.toContain('data-pagefind-body');
  });
});

describeBrowser('search in the browser', () => {
  let browser: Browser;
  const { url } = inject('sites').embedded;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('"schema migration" returns workflow:schema-migration first', async () => {
    const page = await browser.newPage();
    await searchPage(page, url, 'schema migration');
    expect((await resultIds(page))[0]).toBe('workflow:schema-migration');
    await page.close();
  });

  it('the exact id jumps to its record first (go-to-id)', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await searchPage(page, url, 'workflow:schema-migration');
    // Confirmed from Pagefind's own top results: the id table is not needed.
    expect(requested.filter((u) => u.endsWith('/ids.json'))).toEqual([]);
    const first = page.locator('search-page [role="option"]').first();
    await expect(first.getAttribute('class')).resolves.toContain('exact');
    expect(await first.locator('.search-hit-id').textContent()).toBe('workflow:schema-migration');
    // Listed once: the full-text copy of the same record is dropped.
    expect((await resultIds(page)).filter((id) => id === 'workflow:schema-migration')).toHaveLength(1);
    // Enter in the box follows the pre-selected jump.
    await page.locator('#q').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/n\/workflow\/schema-migration\/$/);
    await page.close();
  });

  it('parts of multi-colon ids find their record first', async () => {
    const page = await browser.newPage();
    for (const [query, id] of [
      ['schema-migration', 'workflow:schema-migration'],
      ['amp 0-0-175', 'agentVersion:amp:0-0-1750000000-gabc123'],
      ['0-0-1750000000-gabc123', 'agentVersion:amp:0-0-1750000000-gabc123'],
      ['claude-code 1.0.35', 'agentVersion:claude-code:1.0.35'],
      ['claude-code:1.0.35', 'agentVersion:claude-code:1.0.35'],
    ]) {
      await searchPage(page, url, query!);
      expect((await resultIds(page))[0], query).toBe(id);
    }
    await page.close();
  });

  it('a kind filter narrows the results and is kept in the URL', async () => {
    const page = await browser.newPage();
    await searchPage(page, url, 'migration');
    const before = (await resultIds(page)).length;
    const chip = page.locator('.chip[data-group="kind"][data-value="Workflow"]');
    const count = Number(await chip.locator('.chip-count').textContent());
    await chip.click();
    await page.waitForURL(/[?&]kind=Workflow\b/);
    await expect.poll(() => page.locator('search-page [role="status"]').textContent()).toContain('in Workflow');
    const kinds = await page.locator('search-page [role="option"] .badge.kind').allTextContents();
    expect(kinds.length).toBe(count);
    expect(kinds.length).toBeLessThan(before);
    expect(new Set(kinds)).toEqual(new Set(['Workflow']));
    expect(new URL(page.url()).searchParams.get('q')).toBe('migration');
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    // The URL alone reproduces the view.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await shared.locator('search-page [role="status"]').filter({ hasText: 'in Workflow' }).waitFor();
    expect(await shared.locator('search-page [role="option"] .badge.kind').allTextContents()).toEqual(kinds);
    await shared.close();
    await page.close();
  });

  it('finds a wiki page by a phrase from its body', async () => {
    const page = await browser.newPage();
    // From domain/wiki/guides/schema-changes.md, not in its title.
    await searchPage(page, url, 'expand and contract');
    const hits = page.locator('search-page [role="option"]');
    const names = await hits.locator('.search-hit-name').allTextContents();
    expect(names).toContain('Safe Schema Changes');
    const wiki = hits.filter({ hasText: 'Safe Schema Changes' }).first();
    expect(await wiki.locator('mark').count()).toBeGreaterThan(0);
    // The wiki's article view is the result (once, not again as its record page), with the
    // record's kind and id.
    expect(names.filter((n) => n === 'Safe Schema Changes')).toHaveLength(1);
    expect(await wiki.locator('a').getAttribute('href')).toBe('/wiki/guides/schema-changes/');
    expect(await wiki.locator('.badge.kind').textContent()).toBe('Page');
    expect(await wiki.locator('.search-hit-id').textContent()).toBe('page:guides-schema-changes');
    await page.close();
  });

  it('works by keyboard alone: / focuses, arrows move, Enter navigates', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}kinds/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('schema migration');
    const box = page.locator('#site-search');
    await page.locator('#site-search-results[data-query="schema migration"] [role="option"]').first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`#${active} .search-hit-id`).textContent()).toBe('workflow:schema-migration');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/n\/workflow\/schema-migration\/$/);
    // Ctrl-K from anywhere focuses the box again; Escape closes the panel.
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('claude-code 1.0.35');
    await page.locator('#site-search-results[data-query="claude-code 1.0.35"] [role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('loads Pagefind only once search is used', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${url}n/workflow/schema-migration/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    expect(requested.filter((u) => u.endsWith('/ids.json'))).toEqual([]);
    await page.locator('#site-search').focus();
    await expect.poll(() => requested.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.close();
  });

  it('suggests close ids when an id names no record', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}search/?q=${encodeURIComponent('workflow:schema-migratoin')}`);
    const suggest = page.locator('.search-suggest');
    await suggest.waitFor();
    expect(await suggest.locator('code').allTextContents()).toContain('workflow:schema-migration');
    await page.close();
  });

  it('keeps the site base in result links', async () => {
    const fixture = inject('sites').fixture;
    const page = await browser.newPage();
    const ids = JSON.parse(fs.readFileSync(path.join(fixture.dir, 'ids.json'), 'utf8')) as Record<string, [string, string, string]>;
    const [id, [name]] = Object.entries(ids).find(([, [n]]) => /^[A-Za-z][\w ]{3,}$/.test(n))!;
    await searchPage(page, fixture.url, name);
    const hit = page.locator('search-page [role="option"]').filter({ hasText: id }).first();
    await hit.locator('a').click();
    await page.waitForURL((u) => u.pathname.startsWith('/atlas/n/'));
    expect(await page.locator('#record-id').textContent()).toBe(id);
    await page.close();
  });
});
