/**
 * Shared set-up for browser tests: one Chromium per test file, a fresh context per test (so
 * permissions, storage and viewport never leak between tests), and the built sites' URLs.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../support/browser';

export const REFERENCE_ID = 'workflow:schema-migration';

/** Call at the top of a `describeBrowser` body; returns a function opening a page in a new context. */
export function useBrowser(): (options?: BrowserContextOptions) => Promise<Page> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    // Any script error on a page fails the test that caused it.
    if (errors.length) throw new Error(`Uncaught errors in the page:\n${errors.splice(0).join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (options = {}) => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
    return page;
  };
}

export const embedded = () => inject('sites').embedded;
export const fixture = () => inject('sites').fixture;

/** The page path of an id, read from the site's own `/ids.json` as a visitor's browser would. */
export async function pathFromIds(siteUrl: string, id: string): Promise<string> {
  const ids = (await (await fetch(`${siteUrl}ids.json`)).json()) as Record<string, [string, string, string]>;
  const entry = ids[id];
  if (!entry) throw new Error(`${id} is not in ${siteUrl}ids.json`);
  return entry[2];
}

/** `a/b~2Fc` -> `a/b~2Fc` percent-encoded per segment, for building a URL by hand. */
export const urlPath = (p: string) => p.split('/').map(encodeURIComponent).join('/');
