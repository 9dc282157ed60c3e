/**
 * <search-page>: the full search page. Query and filters live in the URL
 * (`?q=…&kind=…&cluster=…`, repeatable), so a result list can be shared and the back button works.
 * Filter chips show how many results each value has; "no results" suggests close ids.
 */
import { FILTER_GROUPS, search, suggestIds, type FilterGroup, type Filters, type Outcome } from './engine';
import { looksLikeId } from '../../site/search-terms';
import { hitOption, ListboxNav } from './results';

const PAGE = 20;
const DEBOUNCE_MS = 150;
/** Chips shown per group before "Show all". */
const CHIPS = 12;
const GROUP_LABEL: Record<FilterGroup, string> = { kind: 'Kind', cluster: 'Cluster' };

interface State {
  q: string;
  filters: Filters;
}

function readUrl(): State {
  const p = new URL(location.href).searchParams;
  const filters: Filters = {};
  for (const g of FILTER_GROUPS) {
    const v = p.getAll(g).filter(Boolean);
    if (v.length) filters[g] = [...new Set(v)];
  }
  return { q: p.get('q') ?? '', filters };
}

function stateUrl(s: State): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const g of FILTER_GROUPS) for (const v of s.filters[g] ?? []) p.append(g, v);
  const qs = p.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

class SearchPage extends HTMLElement {
  private state: State = readUrl();
  private input!: HTMLInputElement;
  private list!: HTMLElement;
  private status!: HTMLElement;
  private filtersBox!: HTMLElement;
  private more!: HTMLButtonElement;
  private suggest!: HTMLElement;
  private nav!: ListboxNav;
  private outcome: Outcome | undefined;
  private shown = 0;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private expanded = new Set<FilterGroup>();

  connectedCallback(): void {
    this.input = this.querySelector('input[type="search"]')!;
    this.list = this.querySelector('[role="listbox"]')!;
    this.status = this.querySelector('[role="status"]')!;
    this.filtersBox = this.querySelector('.search-filters')!;
    this.more = this.querySelector('.search-more')!;
    this.suggest = this.querySelector('.search-suggest')!;
    this.querySelector('.search-nojs')?.remove();
    const i = this.input;
    i.setAttribute('role', 'combobox');
    i.setAttribute('aria-autocomplete', 'list');
    i.setAttribute('aria-expanded', 'true');
    i.setAttribute('aria-controls', this.list.id);
    i.value = this.state.q;
    this.nav = new ListboxNav(i, this.list, () => {
      if (!i.value) return false;
      i.value = '';
      this.update({ q: '' }, 0);
      return true;
    });
    i.addEventListener('input', () => this.update({ q: i.value }, DEBOUNCE_MS));
    this.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update({ q: i.value }, 0);
    });
    this.more.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => {
      this.state = readUrl();
      i.value = this.state.q;
      void this.run();
    });
    void this.run();
  }

  private update(change: Partial<State>, delay: number): void {
    this.state = { ...this.state, ...change };
    history.replaceState(null, '', stateUrl(this.state));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private toggle(group: FilterGroup, value: string): void {
    const cur = new Set(this.state.filters[group] ?? []);
    if (cur.has(value)) cur.delete(value);
    else cur.add(value);
    const filters = { ...this.state.filters, [group]: [...cur] };
    if (!cur.size) delete filters[group];
    // A filter change is a new view worth a history entry (Back undoes it).
    this.state = { ...this.state, filters };
    history.pushState(null, '', stateUrl(this.state));
    void this.run();
  }

  private async run(): Promise<void> {
    const seq = ++this.seq;
    const { q, filters } = this.state;
    this.setAttribute('aria-busy', 'true');
    let outcome: Outcome;
    try {
      outcome = await search(q, filters, { counts: true });
    } catch {
      if (seq === this.seq) this.status.textContent = 'Search is unavailable: the index could not be loaded.';
      this.removeAttribute('aria-busy');
      return;
    }
    if (seq !== this.seq) return;
    this.outcome = outcome;
    this.shown = 0;
    const first = await outcome.page(0, PAGE);
    if (seq !== this.seq) return;
    this.list.replaceChildren(...(outcome.exact ? [hitOption(outcome.exact, 'search-opt-exact')] : []));
    this.appendHits(first);
    this.renderFilters(outcome);
    this.renderStatus(outcome);
    this.nav.reset(Boolean(outcome.exact));
    document.title = `${q.trim() ? `${q.trim()} · ` : ''}Search${document.title.includes(' · ') ? document.title.slice(document.title.lastIndexOf(' · ')) : ''}`;
    this.removeAttribute('aria-busy');
    await this.renderSuggestions(outcome, seq);
  }

  private appendHits(hits: Awaited<ReturnType<Outcome['page']>>): void {
    const start = this.shown;
    this.list.append(...hits.map((h, n) => hitOption(h, `search-opt-${start + n}`)));
    this.shown += hits.length;
    const left = (this.outcome?.total ?? 0) - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = `Show ${Math.min(left, PAGE)} more (${left} left)`;
  }

  private async showMore(): Promise<void> {
    if (!this.outcome) return;
    const seq = this.seq;
    const next = await this.outcome.page(this.shown, PAGE);
    if (seq === this.seq) this.appendHits(next);
  }

  private renderStatus(o: Outcome): void {
    const n = o.total + (o.exact ? 1 : 0);
    const filtered = FILTER_GROUPS.flatMap((g) => o.filters[g] ?? []);
    const scope = filtered.length ? ` in ${filtered.join(', ')}` : '';
    if (!o.query && !filtered.length) this.status.textContent = 'Type a name, words from a description, or an id.';
    else if (!n) this.status.textContent = `No results${o.query ? ` for “${o.query}”` : ''}${scope}.`;
    else this.status.textContent = `${n} result${n === 1 ? '' : 's'}${o.query ? ` for “${o.query}”` : ''}${scope}`;
  }

  private renderFilters(o: Outcome): void {
    const groups: HTMLElement[] = [];
    for (const g of FILTER_GROUPS) {
      const selected = new Set(o.filters[g] ?? []);
      const counts = o.counts[g] ?? {};
      const values = Object.entries(counts)
        .filter(([v, c]) => c > 0 || selected.has(v))
        .sort((a, b) => Number(selected.has(b[0])) - Number(selected.has(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const v of selected) if (!(v in counts)) values.unshift([v, 0]);
      if (!values.length) continue;
      const fs = document.createElement('fieldset');
      fs.className = 'search-filter-group';
      const legend = document.createElement('legend');
      legend.textContent = GROUP_LABEL[g];
      fs.append(legend);
      const limit = this.expanded.has(g) ? values.length : CHIPS;
      for (const [v, c] of values.slice(0, limit)) {
        const chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'chip';
        chip.dataset.group = g;
        chip.dataset.value = v;
        chip.setAttribute('aria-pressed', String(selected.has(v)));
        const count = document.createElement('span');
        count.className = 'chip-count';
        count.textContent = String(c);
        chip.append(v, ' ', count);
        chip.setAttribute('aria-label', `${GROUP_LABEL[g]} ${v}, ${c} result${c === 1 ? '' : 's'}`);
        chip.addEventListener('click', () => this.toggle(g, v));
        fs.append(chip);
      }
      if (values.length > CHIPS) {
        const all = document.createElement('button');
        all.type = 'button';
        all.className = 'chip chip-more';
        all.textContent = this.expanded.has(g) ? 'Fewer' : `All ${values.length}`;
        all.setAttribute('aria-expanded', String(this.expanded.has(g)));
        all.addEventListener('click', () => {
          if (this.expanded.has(g)) this.expanded.delete(g);
          else this.expanded.add(g);
          this.renderFilters(o);
          this.filtersBox.querySelector<HTMLElement>(`fieldset:nth-of-type(${FILTER_GROUPS.indexOf(g) + 1}) .chip-more`)?.focus();
        });
        fs.append(all);
      }
      groups.push(fs);
    }
    // Keep keyboard focus on the chip that was just toggled.
    const focused = document.activeElement as HTMLElement | null;
    const key = focused?.classList.contains('chip') && !focused.classList.contains('chip-more') ? `${focused.dataset.group}\u0000${focused.dataset.value}` : null;
    this.filtersBox.replaceChildren(...groups);
    this.filtersBox.hidden = !groups.length;
    if (key) [...this.filtersBox.querySelectorAll<HTMLElement>('.chip')].find((c) => `${c.dataset.group}\u0000${c.dataset.value}` === key)?.focus();
  }

  private async renderSuggestions(o: Outcome, seq: number): Promise<void> {
    this.suggest.hidden = true;
    // Nothing found, or an id-shaped query that names no record: offer the ids closest to it.
    if (o.exact || !o.query || (o.total && !looksLikeId(o.query))) return;
    let near;
    try {
      near = await suggestIds(o.query);
    } catch {
      return;
    }
    if (seq !== this.seq || !near.length) return;
    const ul = this.suggest.querySelector('ul')!;
    ul.replaceChildren(
      ...near.map((h) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = h.url;
        a.append(Object.assign(document.createElement('code'), { textContent: h.id }), ` ${h.name}`);
        li.append(a);
        return li;
      }),
    );
    this.suggest.hidden = false;
  }
}

customElements.define('search-page', SearchPage);
