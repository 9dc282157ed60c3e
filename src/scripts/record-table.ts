/**
 * <record-table>: filter and sort every row of a listing, not just the rendered page. The rows
 * come from a small JSON file fetched on the first filter or sort; until then the server's page
 * and its pagination links stay as they are.
 */
import type { RecordRow as Row } from '../site/record-rows';
import { recordRowsHtml } from '../site/record-rows-html';

type Key = keyof Row;

const SHOWN = 200;

class RecordTable extends HTMLElement {
  private rows: Row[] | null = null;
  private sortKey: Key = 'name';
  private sortDir = 1;

  connectedCallback(): void {
    const tools = this.querySelector<HTMLElement>('.table-tools');
    const filter = this.querySelector<HTMLInputElement>('.table-filter');
    if (!tools || !filter) return;
    tools.hidden = false;
    filter.addEventListener('input', () => void this.update());
    for (const th of this.querySelectorAll<HTMLElement>('th[data-sort]')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.append(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        const key = th.dataset.sort as Key;
        this.sortDir = this.sortKey === key ? -this.sortDir : key === 'out' || key === 'in' ? -1 : 1;
        this.sortKey = key;
        for (const other of this.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
        th.setAttribute('aria-sort', this.sortDir > 0 ? 'ascending' : 'descending');
        void this.update();
      });
    }
  }

  private async load(): Promise<Row[]> {
    if (!this.rows) {
      const res = await fetch(this.dataset.src!);
      this.rows = (await res.json()) as Row[];
    }
    return this.rows;
  }

  private async update(): Promise<void> {
    const status = this.querySelector<HTMLElement>('.table-status')!;
    const q = this.querySelector<HTMLInputElement>('.table-filter')!.value.trim().toLowerCase();
    let rows: Row[];
    try {
      rows = await this.load();
    } catch {
      status.textContent = 'Could not load the full list; showing this page only.';
      return;
    }
    const matched = rows.filter((r) => !q || r.name.toLowerCase().includes(q) || r.id.toLowerCase().includes(q));
    const k = this.sortKey;
    matched.sort((a, b) => {
      const x = a[k];
      const y = b[k];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * this.sortDir;
    });
    const showKind = this.dataset.showKind === '1';
    const showCluster = this.dataset.showCluster === '1';
    const body = this.querySelector('tbody')!;
    body.innerHTML = recordRowsHtml(matched.slice(0, SHOWN), { kind: showKind, cluster: showCluster }).value;
    const pager = this.querySelector<HTMLElement>('.server-pager');
    const range = this.querySelector<HTMLElement>('.range');
    if (pager) pager.hidden = true;
    if (range) range.hidden = true;
    status.textContent =
      matched.length > SHOWN
        ? `${SHOWN} of ${matched.length.toLocaleString('en-US')} matching records shown — refine the filter to see the rest`
        : `${matched.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} records`;
  }
}

customElements.define('record-table', RecordTable);
