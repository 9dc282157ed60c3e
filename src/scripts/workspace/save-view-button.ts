/**
 * <save-view-button data-view="search|graph">: saves the current page's URL (query, filters,
 * hash state) under a name in the workspace. A small inline form, so it works with the keyboard
 * and screen readers without a modal: Enter saves, Escape cancels.
 */
import { loadWorkspace, saveWorkspace } from '../pin-store';
import { siteBase } from '../site-urls';

class SaveViewButton extends HTMLElement {
  connectedCallback(): void {
    const toggle = this.querySelector<HTMLButtonElement>('button.save-view-toggle');
    const form = this.querySelector('form');
    const input = this.querySelector('input');
    const status = this.querySelector('[role="status"]');
    if (!toggle || !form || !input || !status) return;
    const close = (focusToggle: boolean) => {
      form.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      if (focusToggle) toggle.focus();
    };
    toggle.addEventListener('click', () => {
      const open = form.hidden;
      form.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) {
        input.value = defaultName(this.dataset.view ?? '');
        input.select();
        input.focus();
        status.textContent = '';
      }
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(true);
      }
    });
    form.querySelector('.cancel')?.addEventListener('click', () => close(true));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const name = input.value.trim();
      if (!name) {
        input.focus();
        return;
      }
      const data = loadWorkspace();
      const url = relativeUrl();
      // Saving a name again replaces it: names are how views are told apart in the list.
      data.views = [...data.views.filter((v) => v.name !== name), { name, url, view: this.dataset.view || 'other', savedAt: new Date().toISOString() }];
      status.textContent = saveWorkspace(data) ? `Saved “${name}” to your workspace` : 'Could not save: this browser refuses local storage';
      close(true);
    });
    toggle.hidden = false;
  }
}

/** The page's URL relative to the site's base, so a saved view survives a change of host. */
function relativeUrl(): string {
  const base = siteBase();
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname.replace(/^\/+/, '');
  return `${path}${location.search}${location.hash}`;
}

/** "Search: foo (Workflow)" style default, from the common query parameters. */
function defaultName(view: string): string {
  const params = new URLSearchParams(location.search);
  const parts = [params.get('q'), params.get('id'), params.get('focus')].filter((x): x is string => !!x);
  const filters = ['kind', 'edge', 'cluster'].flatMap((k) => params.getAll(k));
  const title = view ? view[0]!.toUpperCase() + view.slice(1) : 'View';
  const what = parts.join(' ') || 'all';
  return `${title}: ${what}${filters.length ? ` (${filters.join(', ')})` : ''}`.slice(0, 120);
}

customElements.define('save-view-button', SaveViewButton);
