/**
 * The parts of the site shell that are the same on every page of a section: skip link, header
 * (brand, search box, theme toggle, navigation with the current section marked) and footer.
 * Written once per section and build (see ./html.ts for why strings), then reused by every page
 * through src/layouts/BaseLayout.astro, which loads the search box's and the toggle's scripts.
 */
import type { Atlas } from '../pipeline/model';
import { siteConfig } from './config';
import { html, type Html } from './html';
import { href } from './urls';

/** The navigation entry a page belongs to. */
export type SiteSection = 'home' | 'kinds' | 'edges' | 'wiki' | 'graph' | 'search' | 'agents' | 'workspace' | 'integrity';

const NAV: { key: SiteSection; label: string; path: string }[] = [
  { key: 'home', label: 'Overview', path: '' },
  { key: 'kinds', label: 'Kinds', path: 'kinds/' },
  { key: 'edges', label: 'Edges', path: 'edges/' },
  { key: 'wiki', label: 'Wiki', path: 'wiki/' },
  { key: 'graph', label: 'Graph', path: 'graph/' },
  { key: 'search', label: 'Search', path: 'search/' },
  { key: 'workspace', label: 'Workspace', path: 'workspace/' },
  { key: 'agents', label: 'For agents', path: 'for-agents/' },
];

/**
 * The header's search: a plain GET form to the search page, so it works without JavaScript.
 * <search-box> (src/scripts/search/search-box.ts) turns it into a combobox with a results panel
 * (Pagefind loads on first focus) and binds `/` and Ctrl/Cmd-K.
 */
function searchBoxHtml(): Html {
  return html`<search-box class="search-box"> <form role="search" action="${href('search/')}" method="get"> <label class="visually-hidden" for="site-search">Search records and wiki</label> <input id="site-search" name="q" type="search" placeholder="Search or paste an id…" autocomplete="off" spellcheck="false"> <kbd class="search-key" aria-hidden="true">/</kbd> <button type="submit">Search</button> <div class="search-panel" hidden> <ul id="site-search-results" role="listbox" aria-label="Search results"></ul> </div> <p class="visually-hidden" role="status" aria-live="polite"></p> </form> </search-box>`;
}

/** Light/dark switch (src/scripts/theme-toggle.ts): follows the system until the reader picks one; the choice is remembered. */
const THEME_TOGGLE = html`<theme-toggle> <button type="button" class="icon-button" aria-label="Toggle dark theme" aria-pressed="false" title="Toggle dark theme"> <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"></path></svg> </button> </theme-toggle>`;

const BRAND_ICON = html`<svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24"><circle cx="6" cy="6" r="3"></circle><circle cx="18" cy="8" r="3"></circle><circle cx="10" cy="18" r="3"></circle><path d="M8.5 7.5l7 0.8M7 8.7l2.3 6.6M16.4 10.4l-4.6 5.6"></path></svg>`;

export interface SiteChrome {
  /** Skip link and header, before <main>. */
  header: Html;
  /** After </main>. */
  footer: Html;
}

const chromes = new WeakMap<Atlas, Map<SiteSection | undefined, SiteChrome>>();

export function siteChrome(atlas: Atlas, section?: SiteSection): SiteChrome {
  let bySection = chromes.get(atlas);
  if (!bySection) chromes.set(atlas, (bySection = new Map()));
  let chrome = bySection.get(section);
  if (!chrome) {
    const { error, warning } = atlas.stats.problemsBySeverity;
    chrome = {
      header: html`<a class="skip-link" href="#main">Skip to content</a> <header class="site-header"> <div class="header-inner"> <a class="brand" href="${href('')}"> ${BRAND_ICON} <span>${siteConfig.title}</span> </a> ${searchBoxHtml()} ${THEME_TOGGLE} </div> <nav class="site-nav" aria-label="Main"> <ul> ${NAV.map(
        (n) => html`<li><a href="${href(n.path)}"${section === n.key && html` aria-current="page"`}>${n.label}</a></li>`,
      )} </ul> </nav> </header>`,
      footer: html`<footer class="site-footer"> <p> ${atlas.stats.records.toLocaleString('en-US')} records · ${atlas.stats.edges.toLocaleString('en-US')} edges · <a href="${href('integrity/')}">${error} errors, ${warning} warnings</a> · <a href="${href('atlas.json')}">build info</a> · static site, nothing loaded from other hosts </p> </footer>`,
    };
    bySection.set(section, chrome);
  }
  return chrome;
}
