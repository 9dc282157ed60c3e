/**
 * <record-tabs>: one visible panel, selected by click, arrow keys, Home/End, `?tab=`, `#tab` or
 * `#panel-tab` (a tab link's own address, which is what "copy link" on a tab gives).
 * The selection is written to `document.documentElement.dataset.tab`, which the CSS reads, so
 * the head script and this element share one source of truth.
 */
const TABS = ['overview', 'article', 'json', 'graph'] as const;
type Tab = (typeof TABS)[number];

/**
 * The tab the address names. The head script in BaseLayout.astro reads the address by the same
 * rules before first paint (it is inline, so it cannot import this); keep the two alike.
 */
function tabInUrl(): Tab | null {
  const m = /[?&]tab=(overview|article|json|graph)\b/.exec(location.search) || /^#(?:panel-)?(overview|article|json|graph)$/.exec(location.hash);
  return m ? (m[1] as Tab) : null;
}

class RecordTabs extends HTMLElement {
  private tabs: HTMLAnchorElement[] = [];

  connectedCallback(): void {
    this.tabs = [...this.querySelectorAll<HTMLAnchorElement>('[role="tab"]')];
    const available = new Set(this.tabs.map((t) => t.dataset.tab));
    const wanted = document.documentElement.dataset.tab;
    this.select(wanted && available.has(wanted) ? (wanted as Tab) : 'overview', { focus: false, updateUrl: false });
    for (const tab of this.tabs) {
      tab.addEventListener('click', (event) => {
        event.preventDefault();
        this.select(tab.dataset.tab as Tab, { focus: false, updateUrl: true });
      });
      tab.addEventListener('keydown', (event) => this.onKey(event, tab));
    }
    // In-page links to a panel ("Read it all on the Article tab") switch tabs instead of scrolling to a hidden panel.
    this.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-show-tab]');
      const tab = link?.dataset.showTab;
      if (!link || !tab || !available.has(tab)) return;
      event.preventDefault();
      this.select(tab as Tab, { focus: true, updateUrl: true });
      this.querySelector('[role="tablist"]')?.scrollIntoView({ block: 'nearest' });
    });
    // Back, forward, or a tab's address pasted over this page's (a hash change).
    window.addEventListener('popstate', () => {
      const tab = tabInUrl();
      this.select(tab && available.has(tab) ? tab : 'overview', { focus: false, updateUrl: false });
    });
  }

  private onKey(event: KeyboardEvent, tab: HTMLAnchorElement): void {
    const i = this.tabs.indexOf(tab);
    let next = -1;
    if (event.key === 'ArrowRight') next = (i + 1) % this.tabs.length;
    else if (event.key === 'ArrowLeft') next = (i - 1 + this.tabs.length) % this.tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = this.tabs.length - 1;
    else if (event.key === ' ') next = i;
    if (next < 0) return;
    event.preventDefault();
    this.select(this.tabs[next]!.dataset.tab as Tab, { focus: true, updateUrl: true });
  }

  select(key: Tab, opts: { focus: boolean; updateUrl: boolean }): void {
    document.documentElement.dataset.tab = key;
    for (const tab of this.tabs) {
      const on = tab.dataset.tab === key;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (on && opts.focus) tab.focus();
    }
    if (opts.updateUrl) {
      const url = new URL(location.href);
      url.hash = '';
      if (key === 'overview') url.searchParams.delete('tab');
      else url.searchParams.set('tab', key);
      history.replaceState(history.state, '', url);
    }
    this.dispatchEvent(new CustomEvent('tab-change', { detail: { tab: key }, bubbles: true }));
  }
}

customElements.define('record-tabs', RecordTabs);
