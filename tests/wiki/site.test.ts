/**
 * The wiki on the built sites: a reader opens an article with a diagram and sees it drawn, follows
 * a rewritten link, finds backlinks; pages without diagrams never load mermaid; hostile Markdown
 * stays inert; every /wiki/ link in the built pages leads to a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeBrowser, launchBrowser } from '../support/browser';
import { checkLinks, formatLinkReport } from '../support/link-checker';

const sites = inject('sites');

describe('built wiki pages', () => {
  it('has an article per page, a hub and section pages (embedded atlas)', () => {
    const dir = sites.embedded.dir;
    for (const p of ['wiki/index.html', 'wiki/guides/index.html', 'wiki/guides/schema-changes/index.html', 'wiki/concepts/index.html', 'wiki/reference/glossary/index.html']) {
      expect(fs.existsSync(path.join(dir, p)), p).toBe(true);
    }
    const hub = fs.readFileSync(path.join(dir, 'wiki/index.html'), 'utf8');
    expect(hub).toContain('All wiki pages');
    expect(hub).toMatch(/href="\/wiki\/guides\/schema-changes\/"/);
  });

  it('the record page of a wiki page links to the wiki view, and the wiki view back to the record', () => {
    const dir = sites.embedded.dir;
    const record = fs.readFileSync(path.join(dir, 'n/page/guides-schema-changes/index.html'), 'utf8');
    expect(record).toMatch(/<a href="\/wiki\/guides\/schema-changes\/"[^>]*>Open “Safe Schema Changes” in the wiki<\/a>/);
    const article = fs.readFileSync(path.join(dir, 'wiki/guides/schema-changes/index.html'), 'utf8');
    expect(article).toContain('href="/n/page/guides-schema-changes/"');
  });

  it('records list the wiki pages that document or mention them', () => {
    const html = fs.readFileSync(path.join(sites.embedded.dir, 'n/workflow/schema-migration/index.html'), 'utf8');
    const line = /<p class="documented-by[\s"][^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(line).toContain('href="/wiki/guides/schema-changes/"');
    expect(line).toContain('href="/wiki/"');
  });

  for (const name of ['embedded', 'fixture'] as const) {
    it(`the link checker finds no broken link on wiki pages or to them (${name})`, () => {
      const { dir, url } = sites[name];
      const report = checkLinks(dir, new URL(url).pathname, { site: 'https://atlas.example.org' });
      const wikiLinks = report.broken.filter((b) => b.page.startsWith('wiki/') || /\/wiki\//.test(b.href));
      expect(report.checked).toBeGreaterThan(0);
      expect(wikiLinks, formatLinkReport({ ...report, broken: wikiLinks })).toEqual([]);
      expect(report.external.filter((e) => e.file.startsWith('wiki/'))).toEqual([]);
    });
  }
});

describeBrowser('wiki in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the mermaid diagram as SVG, follows a rewritten link, and shows backlinks', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${sites.embedded.url}wiki/guides/schema-changes/`);
    await page.locator('mermaid-diagram svg').first().waitFor();
    expect(await page.locator('mermaid-diagram[data-state="rendered"]').count()).toBeGreaterThan(0);
    expect(requests.some((u) => /mermaid/i.test(u))).toBe(true);
    // Every request stays on this host.
    expect(requests.every((u) => u.startsWith(sites.embedded.url.replace(/\/$/, '')))).toBe(true);

    const backlinks = page.getByRole('region', { name: /Linked from/ });
    await expect(backlinks.getByRole('link', { name: 'Engineering Work with AI Agents — Atlas Wiki' }).count()).resolves.toBe(1);

    await page.locator('.prose').getByRole('link', { name: 'stack profiles', exact: true }).click();
    await page.waitForURL(/\/wiki\/reference\/stack-profiles\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/stack profiles/i);
    await page.close();
  });

  it('re-draws diagrams when the theme changes', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    await page.goto(`${sites.embedded.url}wiki/guides/schema-changes/`);
    const svg = page.locator('mermaid-diagram svg').first();
    await svg.waitFor();
    const before = await svg.getAttribute('id');
    await page.getByRole('button', { name: /theme|dark/i }).first().click();
    await page.waitForFunction((old) => {
      const s = document.querySelector('mermaid-diagram svg');
      return s !== null && s.id !== old;
    }, before);
    await page.close();
  });

  it('shows the source and the error when a diagram cannot be drawn', async () => {
    const page = await browser.newPage();
    await page.goto(`${sites.embedded.url}wiki/guides/schema-changes/`);
    await page.locator('mermaid-diagram svg').first().waitFor();
    await page.evaluate(() => {
      const el = document.createElement('mermaid-diagram');
      el.innerHTML = '<pre class="mermaid">flowchart TD\n  A --> </pre>';
      el.id = 'broken-diagram';
      document.querySelector('.prose')!.prepend(el);
    });
    const broken = page.locator('#broken-diagram');
    await page.locator('#broken-diagram[data-state="error"]').waitFor();
    await expect(broken.locator('.mermaid-error').textContent()).resolves.toMatch(/could not be drawn/);
    await expect(broken.locator('pre').textContent()).resolves.toContain('A -->');
    await page.close();
  });

  it('pages without a diagram never load mermaid', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${sites.embedded.url}wiki/reference/glossary/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('mermaid-diagram').count()).toBe(0);
    expect(requests.filter((u) => /mermaid/i.test(u))).toEqual([]);
    await page.close();
  });

  it('hostile Markdown stays inert (no script runs, no onerror attribute)', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${sites.fixture.url}wiki/`);
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
    expect(await page.locator('.prose [onerror], .prose script').count()).toBe(0);
    expect(await page.locator('.prose img').count()).toBe(0);
    expect(await page.locator('.prose').first().textContent()).not.toContain("alert('wiki')");
    await page.close();
  });
});
