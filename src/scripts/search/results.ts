/**
 * Result rows and listbox keyboard navigation, shared by the header panel and the search page.
 * Focus stays in the text box; arrows move `aria-activedescendant` over the options and Enter
 * follows the active one (the combobox pattern of WAI-ARIA APG).
 */
import type { Hit } from './engine';

/** Pagefind excerpt HTML reduced to text and `<mark>`: nothing else from the index reaches the DOM. */
export function excerptNodes(html: string): Node[] {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const out: Node[] = [];
  for (const n of tpl.content.childNodes) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).tagName === 'MARK') out.push(Object.assign(document.createElement('mark'), { textContent: n.textContent }));
    else out.push(document.createTextNode(n.textContent ?? ''));
  }
  return out;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One option: name, kind badge, id, excerpt. `idPrefix` keeps option ids unique per list. */
export function hitOption(hit: Hit, optionId: string): HTMLLIElement {
  const li = el('li', `search-hit${hit.exact ? ' exact' : ''}`);
  li.id = optionId;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  const a = el('a', 'search-hit-link');
  a.href = hit.url;
  a.tabIndex = -1;
  const head = el('span', 'search-hit-head');
  if (hit.exact) head.append(el('span', 'search-hit-go', 'Go to id'));
  head.append(el('span', 'search-hit-name', hit.name));
  head.append(el('span', 'badge kind', hit.kind ?? 'Wiki'));
  a.append(head);
  if (hit.id) a.append(el('code', 'search-hit-id', hit.id));
  if (hit.excerpt) {
    const p = el('span', 'search-hit-excerpt');
    p.append(...excerptNodes(hit.excerpt));
    a.append(p);
  }
  li.append(a);
  return li;
}

/** Arrow keys / Enter / Escape for a text box that controls a listbox. */
export class ListboxNav {
  private active = -1;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly onEscape?: () => boolean,
  ) {
    input.addEventListener('keydown', (e) => this.onKey(e));
    // Keep focus in the box when an option is clicked (the link still navigates).
    list.addEventListener('mousedown', (e) => e.preventDefault());
  }

  options(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  /** Call after the options change; `first` pre-selects the first (the exact-id jump). */
  reset(first = false): void {
    this.set(first && this.options().length ? 0 : -1);
  }

  private set(i: number): void {
    const opts = this.options();
    this.active = i;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    const cur = opts[i];
    if (cur) {
      this.input.setAttribute('aria-activedescendant', cur.id);
      cur.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(e: KeyboardEvent): void {
    const opts = this.options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!opts.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = this.active < 0 ? (step > 0 ? 0 : opts.length - 1) : (this.active + step + opts.length) % opts.length;
      this.set(next);
    } else if (e.key === 'Enter' && !e.isComposing) {
      const link = opts[this.active]?.querySelector<HTMLAnchorElement>('a[href]');
      if (!link) return; // no active option: the form submits to the search page
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) window.open(link.href, '_blank');
      else location.assign(link.href);
    } else if (e.key === 'Escape') {
      if (this.onEscape?.()) e.preventDefault();
    }
  }
}
