/**
 * A search-as-you-type record picker (ARIA combobox with a listbox) over `/ids.json`. Matches
 * ids and display names; prefix matches rank first. Calls `onPick(id)` on Enter or click.
 */
import { escapeHtml } from '../../site/escape-html';
import { fetchIds, type IdIndex } from '../site-urls';

const MAX = 12;

export function matchIds(index: IdIndex, query: string, max = MAX): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: [number, string][] = [];
  for (const [id, [name]] of Object.entries(index)) {
    const i = id.toLowerCase();
    const n = name.toLowerCase();
    let score = -1;
    if (i === q || n === q) score = 0;
    else if (n.startsWith(q) || i.startsWith(q) || i.split(':').pop()!.startsWith(q)) score = 1;
    else if (n.includes(q) || i.includes(q)) score = 2;
    if (score >= 0) scored.push([score, id]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, max).map(([, id]) => id);
}

let counter = 0;

export function attachPicker(input: HTMLInputElement, onPick: (id: string) => void): void {
  const list = document.createElement('ul');
  const listId = `picker-${++counter}`;
  list.id = listId;
  list.className = 'graph-picker-list';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.autocomplete = 'off';
  let items: string[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
    list.children[i]?.scrollIntoView({ block: 'nearest' });
  };
  const pick = (id: string) => {
    close();
    input.value = '';
    onPick(id);
  };

  const suggest = async () => {
    const index = await fetchIds();
    items = matchIds(index, input.value);
    if (!items.length) {
      list.innerHTML = input.value.trim() ? '<li class="muted" role="presentation">No record matches.</li>' : '';
      list.hidden = !input.value.trim();
      input.setAttribute('aria-expanded', String(!list.hidden));
      active = -1;
      return;
    }
    list.innerHTML = items
      .map((id, i) => {
        const [name, kind] = index[id]!;
        return `<li role="option" id="${listId}-${i}" data-id="${escapeHtml(id)}" aria-selected="false"><span class="name">${escapeHtml(name)}</span> <span class="badge kind">${escapeHtml(kind)}</span> <code>${escapeHtml(id)}</code></li>`;
      })
      .join('');
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(0);
  };
  input.addEventListener('input', suggest);
  // The explorer shows its inputs before the graph library has loaded: text typed meanwhile gets its suggestions now.
  if (document.activeElement === input && input.value.trim()) void suggest();
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !items.length) {
      if (e.key === 'Enter') e.preventDefault();
      return;
    }
    if (e.key === 'ArrowDown') highlight((active + 1) % items.length);
    else if (e.key === 'ArrowUp') highlight((active - 1 + items.length) % items.length);
    else if (e.key === 'Enter' && active >= 0) pick(items[active]!);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  });
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('[data-id]');
    if (li) {
      e.preventDefault();
      pick(li.dataset.id!);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
