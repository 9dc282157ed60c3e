/**
 * <search-box>: the header's search form, enhanced into a combobox with a results panel.
 * Without JavaScript it stays a GET form to /search/. Pagefind loads on first focus.
 * `/` and Ctrl/Cmd-K focus the search box (the search page's own box when there is one).
 */
import { loadPagefind, search, type Outcome } from './engine';
import { hitOption, ListboxNav } from './results';

const PANEL_HITS = 8;
const DEBOUNCE_MS = 120;

class SearchBox extends HTMLElement {
  private input!: HTMLInputElement;
  private panel!: HTMLElement;
  private list!: HTMLElement;
  private status!: HTMLElement;
  private nav!: ListboxNav;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.input = this.querySelector('input[type="search"]')!;
    this.panel = this.querySelector('.search-panel')!;
    this.list = this.querySelector('[role="listbox"]')!;
    this.status = this.querySelector('[role="status"]')!;
    const i = this.input;
    i.setAttribute('role', 'combobox');
    i.setAttribute('aria-autocomplete', 'list');
    i.setAttribute('aria-expanded', 'false');
    i.setAttribute('aria-controls', this.list.id);
    i.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
    this.nav = new ListboxNav(i, this.list, () => this.escape());
    i.addEventListener('focus', () => {
      void loadPagefind().catch(() => {});
      if (i.value.trim()) this.schedule(0);
    });
    i.addEventListener('input', () => this.schedule(DEBOUNCE_MS));
    this.addEventListener('focusout', (e) => {
      if (!this.contains(e.relatedTarget as Node | null)) this.close();
    });
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private escape(): boolean {
    if (!this.panel.hidden) {
      this.close();
      return true;
    }
    if (this.input.value) {
      this.input.value = '';
      return true;
    }
    return false;
  }

  private open(): void {
    this.panel.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.panel.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private async run(): Promise<void> {
    const q = this.input.value.trim();
    const seq = ++this.seq;
    if (!q) {
      this.list.replaceChildren();
      this.status.textContent = '';
      this.close();
      return;
    }
    let outcome: Outcome;
    let hits;
    try {
      outcome = await search(q, {});
      hits = await outcome.page(0, PANEL_HITS - (outcome.exact ? 1 : 0));
    } catch {
      if (seq === this.seq) this.status.textContent = 'Search is unavailable (the index could not be loaded).';
      this.open();
      return;
    }
    if (seq !== this.seq || document.activeElement !== this.input) return;
    const rows = [...(outcome.exact ? [outcome.exact] : []), ...hits].map((h, n) => hitOption(h, `site-search-opt-${n}`));
    const all = document.createElement('li');
    all.id = 'site-search-opt-all';
    all.className = 'search-all';
    all.setAttribute('role', 'option');
    const link = document.createElement('a');
    link.tabIndex = -1;
    const form = this.querySelector('form')!;
    link.href = `${form.action}?q=${encodeURIComponent(q)}`;
    link.textContent = outcome.total ? `All ${outcome.total} results for “${q}”` : `Search page for “${q}”`;
    all.append(link);
    this.list.replaceChildren(...rows, all);
    this.list.dataset.query = q;
    const n = outcome.total + (outcome.exact ? 1 : 0);
    this.status.textContent = n ? `${n} result${n === 1 ? '' : 's'}` : `No results for “${q}”`;
    this.open();
    this.nav.reset(Boolean(outcome.exact));
  }
}

customElements.define('search-box', SearchBox);

/** Where `/` and Ctrl/Cmd-K send the focus: the search page's box, else the header's. */
function shortcutTarget(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('[data-search-primary]') ?? document.querySelector<HTMLInputElement>('search-box input[type="search"]');
}

function typingInField(t: EventTarget | null): boolean {
  const e = t as HTMLElement | null;
  return !!e && (e.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));
}

document.addEventListener('keydown', (e) => {
  const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(e.target);
  const modK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
  if (!slash && !modK) return;
  const target = shortcutTarget();
  if (!target) return;
  e.preventDefault();
  target.focus();
  target.select();
});
