/**
 * First-search bytes, measured the way a visitor pays them: Chromium opens /search/ on a cold
 * cache, types one query, and we sum the gzip size of every file it fetched (sizes taken from
 * the built files, so the server's own compression does not matter). Pagefind's files are also
 * summed on their own: that is the cost the search engine adds.
 */
import fs from 'node:fs';
import { serveStatic } from '../../tests/support/static-server';
import { fileFor, gzipSize } from './site-metrics';

export const CHROMIUM = '/usr/bin/chromium';
/** Result rows of the search page (current markup first, then older spellings). */
const RESULT_ITEMS = '#search-results li, .search-results li, ol.results li';

export interface SearchBytes {
  query: string;
  /** Results shown after the query (null when the count could not be read). */
  results: number | null;
  /** Everything fetched to open /search/ (HTML, CSS, JS, and whatever the page loads eagerly). */
  pageLoad: { files: number; gzip: number };
  /** Files first fetched after typing the query. */
  afterQuery: { files: number; gzip: number };
  /** Files under /pagefind/ fetched in total (page load and query). */
  pagefind: { files: number; gzip: number };
  /** Both phases together: what a first search costs from a cold cache. */
  total: { files: number; gzip: number };
  /** The largest files fetched, for the report. */
  largest: { path: string; gzip: number }[];
}

export type SearchOutcome = { ok: true; value: SearchBytes } | { ok: false; reason: string };

/** Opens the built site in Chromium and runs one query; a reason instead when that is not possible. */
export async function measureFirstSearch(dist: string, query: string): Promise<SearchOutcome> {
  if (!fs.existsSync(CHROMIUM)) return { ok: false, reason: `Chromium not found at ${CHROMIUM}` };
  if (!fileFor(dist, '/search/')) return { ok: false, reason: 'the site has no /search/ page' };
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { ok: false, reason: 'playwright-core is not installed' };
  }
  const server = await serveStatic(dist, '/');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const seen = new Map<string, { gzip: number; phase: 'load' | 'query' }>();
    let phase: 'load' | 'query' = 'load';
    let lastActivity = Date.now();
    page.on('requestfinished', (request) => {
      lastActivity = Date.now();
      const url = new URL(request.url());
      if (!url.href.startsWith(server.url)) return;
      const file = fileFor(dist, url.pathname);
      if (!file || seen.has(file)) return;
      seen.set(file, { gzip: gzipSize(fs.readFileSync(file)), phase });
    });
    page.on('request', () => (lastActivity = Date.now()));
    const quiet = async (ms: number, limit: number) => {
      const start = Date.now();
      while (Date.now() - lastActivity < ms && Date.now() - start < limit) await page.waitForTimeout(100);
    };
    await page.goto(`${server.url}search/`, { waitUntil: 'load' });
    await quiet(1500, 30_000);
    phase = 'query';
    const input = page.locator('main input[type="search"], input#q, input[type="search"]').first();
    await input.click();
    await input.pressSequentially(query, { delay: 40 });
    await input.press('Enter');
    await page.locator(RESULT_ITEMS).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await quiet(1500, 30_000);
    const results = await page.locator(RESULT_ITEMS).count().catch(() => null);

    const sum = (filter: (file: string, v: { phase: string }) => boolean) => {
      let files = 0;
      let gzip = 0;
      for (const [file, v] of seen) {
        if (!filter(file, v)) continue;
        files++;
        gzip += v.gzip;
      }
      return { files, gzip };
    };
    const rel = (file: string) => file.slice(dist.length).split('\\').join('/');
    return {
      ok: true,
      value: {
        query,
        results,
        pageLoad: sum((_, v) => v.phase === 'load'),
        afterQuery: sum((_, v) => v.phase === 'query'),
        pagefind: sum((f) => rel(f).startsWith('/pagefind/')),
        total: sum(() => true),
        largest: [...seen.entries()]
          .map(([file, v]) => ({ path: rel(file), gzip: v.gzip }))
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, 8),
      },
    };
  } catch (err) {
    return { ok: false, reason: `browser run failed: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    await browser.close();
    await server.close();
  }
}
