/**
 * <not-found>: forwards the original site's record links to ours, else suggests close ids.
 * `/n/workflow%3Aschema-migration?tab=json` -> `/n/workflow/schema-migration/?tab=json`.
 */
import { closestIds } from '../pipeline/closest-ids';
import { decodeSafe } from '../pipeline/record-path';
import { fetchIds, recordUrl, siteBase, type IdIndex } from './site-urls';

class NotFound extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const base = siteBase();
    const rest = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname.replace(/^\//, '');
    let ids: IdIndex;
    try {
      ids = await fetchIds();
    } catch {
      return;
    }
    const recordHref = (id: string) => recordUrl(ids[id]![2]);
    let query = decodeSafe(rest.replace(/\/+$/, '').split('/').pop() ?? '');
    const legacy = /^n\/([^/]+)\/?$/.exec(rest);
    if (legacy) {
      const id = decodeSafe(legacy[1]!);
      if (ids[id]) {
        location.replace(`${recordHref(id)}${location.search}${location.hash}`);
        return;
      }
      query = id;
    } else if (rest.startsWith('n/')) {
      // A new-style path that does not exist: suggest from the id it would have been.
      query = decodeSafe(rest.slice(2).replace(/\/+$/, '')).split('/').join(':');
    }
    const near = closestIds(query, Object.keys(ids), 8);
    // Whatever was asked for is the best first search, with or without suggestions.
    const search = document.getElementById('nf-q') as HTMLInputElement | null;
    if (search && query && !search.value) search.value = query;
    if (!near.length) {
      const status = this.querySelector<HTMLElement>('[data-status]');
      if (status && query) status.textContent = `There is no page at this address, and no record id is close to “${query}”. Try the search:`;
      return;
    }
    const box = this.querySelector<HTMLElement>('[data-suggestions]')!;
    const list = box.querySelector('ul')!;
    for (const id of near) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = recordHref(id);
      a.textContent = ids[id]![0];
      const code = document.createElement('code');
      code.textContent = ` ${id}`;
      li.append(a, ' ', code);
      list.append(li);
    }
    box.hidden = false;
  }
}

customElements.define('not-found', NotFound);
