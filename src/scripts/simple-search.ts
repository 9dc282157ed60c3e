/** <simple-search>: names and ids containing the query, from ids.json (replaced by full-text search). */
import { encodePathForUrl } from '../pipeline/record-path';

class SimpleSearch extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const q = new URL(location.href).searchParams.get('q')?.trim() ?? '';
    const input = document.querySelector<HTMLInputElement>('#q');
    if (input) input.value = q;
    if (!q) return;
    const ids = (await (await fetch(this.dataset.ids!)).json()) as Record<string, [string, string, string]>;
    const needle = q.toLowerCase();
    const hits = Object.entries(ids).filter(([id, [name]]) => id.toLowerCase().includes(needle) || name.toLowerCase().includes(needle));
    const list = this.querySelector('ol')!;
    for (const [id, [name, kind, path]] of hits.slice(0, 100)) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${this.dataset.base}n/${encodePathForUrl(path)}/`;
      a.textContent = name;
      li.append(a, ` ${kind} `, Object.assign(document.createElement('code'), { textContent: id }));
      list.append(li);
    }
    this.querySelector('.status')!.textContent = `${hits.length} match${hits.length === 1 ? '' : 'es'}`;
  }
}
customElements.define('simple-search', SimpleSearch);
