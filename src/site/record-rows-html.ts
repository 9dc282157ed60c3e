/**
 * A record table's rows as markup: written into kind and cluster listings by the server, and again
 * by <record-table> after a filter or sort, so both are the same rows. A template string rather
 * than Astro markup: a listing page holds a hundred rows, and written as Astro markup it took two
 * to three times as long as a record page to render (src/site/html.ts says why). Browser-safe: it
 * imports nothing but the `html` helper.
 */
import { html, type Html } from './html';
import type { RecordRow } from './record-rows';

/** Which optional columns the table shows. */
export interface RecordColumns {
  kind: boolean;
  cluster: boolean;
}

export function recordRowsHtml(rows: readonly RecordRow[], columns: RecordColumns): Html {
  return html`${rows.map(
    (r) =>
      html`<tr><td><a href="${r.url}">${r.name}</a></td><td><code>${r.id}</code></td>${columns.kind && html`<td>${r.kind}</td>`}${
        columns.cluster && html`<td>${r.cluster}</td>`
      }<td class="num">${r.out}</td><td class="num">${r.in}</td></tr>`,
  )}`;
}
