/**
 * The site header and footer, written once per section: the current section is marked, the
 * footer carries the atlas's counts, and each section's chrome is built only once.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/pipeline/model';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-atlas');

// The site modules read ATLAS_DOMAIN_DIR and ATLAS_BASE when first imported.
let atlas: Atlas;
let chrome: typeof import('../../src/site/site-chrome-html');
beforeAll(async () => {
  process.env.ATLAS_DOMAIN_DIR = FIXTURE;
  process.env.ATLAS_BASE = '/';
  chrome = await import('../../src/site/site-chrome-html');
  atlas = (await import('../../src/site/atlas-data')).getAtlas();
});

describe('site chrome', () => {
  it('marks the current section in the navigation, and none on pages outside one', () => {
    const wiki = chrome.siteChrome(atlas, 'wiki').header.value;
    expect(wiki.match(/aria-current="page"/g)).toHaveLength(1);
    expect(wiki).toContain('<li><a href="/wiki/" aria-current="page">Wiki</a></li>');
    expect(wiki).toContain('<li><a href="/kinds/">Kinds</a></li>');
    expect(chrome.siteChrome(atlas).header.value).not.toContain('aria-current');
  });

  it('holds the skip link, the search form that works without JavaScript, and the theme toggle', () => {
    const header = chrome.siteChrome(atlas, 'home').header.value;
    expect(header.startsWith('<a class="skip-link" href="#main">Skip to content</a>')).toBe(true);
    expect(header).toContain('<form role="search" action="/search/" method="get">');
    expect(header).toContain('<input id="site-search" name="q" type="search"');
    expect(header).toContain('<theme-toggle>');
  });

  it("states the atlas's records, edges and problem counts in the footer", () => {
    const footer = chrome.siteChrome(atlas, 'home').footer.value;
    const { error, warning } = atlas.stats.problemsBySeverity;
    expect(footer).toContain(`${atlas.stats.records.toLocaleString('en-US')} records · ${atlas.stats.edges.toLocaleString('en-US')} edges`);
    expect(footer).toContain(`<a href="/integrity/">${error} errors, ${warning} warnings</a>`);
  });

  it('builds each section once per atlas', () => {
    expect(chrome.siteChrome(atlas, 'graph')).toBe(chrome.siteChrome(atlas, 'graph'));
    expect(chrome.siteChrome(atlas, 'graph')).not.toBe(chrome.siteChrome(atlas, 'edges'));
  });
});
