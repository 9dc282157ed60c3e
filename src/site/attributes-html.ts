/**
 * A record's attributes as HTML: a definition list with declared types and required flags from
 * the schema, each value rendered by what it is (see `viewAttribute`): URLs as external links
 * (never as record ids), ids of existing records as record links, Markdown rendered and
 * sanitized, dates as <time>, lists and maps nested, long text folded behind "show more".
 * Styles: src/styles/record-page.css.
 */
import type { Atlas, AtlasRecord } from '../pipeline/model';
import { displayName } from '../pipeline/model';
import { humanize, previewText, viewAttribute } from './attribute-view';
import { html, trusted, type Html } from './html';
import { renderMarkdown } from './markdown';
import type { RecordArticle } from './record-view';
import { recordHref } from './urls';

/** One value; `type` is the attribute's declared type, if any. */
export async function attributeValueHtml(atlas: Atlas, value: unknown, type?: string): Promise<Html> {
  const view = viewAttribute(value, (s) => atlas.records.has(s), type);
  switch (view.kind) {
    case 'empty':
      return html`<span class="muted">(empty)</span>`;
    case 'bool':
      return html`<code>${String(view.value)}</code>`;
    case 'number':
      return html`<span class="mono">${view.value}</span>`;
    case 'url':
      return html`<a href="${view.url}" rel="noopener noreferrer nofollow" class="external">${view.url}</a>`;
    case 'record':
      return html`<a href="${recordHref(view.id)}" class="record-link">${displayName(atlas.records.get(view.id)!)}</a> <code class="muted">${view.id}</code>`;
    case 'date':
      return html`<time datetime="${view.iso}">${view.text}</time>`;
    case 'text':
      return view.long ? fold(view.text, false, html`<span class="text-value">${view.text}</span>`) : html`<span class="text-value">${view.text}</span>`;
    case 'markdown': {
      const rendered = html`<div class="prose">${trusted((await renderMarkdown(view.text)).html)}</div>`;
      return view.long ? fold(view.text, true, rendered) : rendered;
    }
    case 'list': {
      if (view.items.length === 0) return html`<span class="muted">(empty list)</span>`;
      const items = await Promise.all(view.items.map((item) => attributeValueHtml(atlas, item)));
      return html`<ul class="value-list">${items.map((item) => html`<li>${item}</li>`)}</ul>`;
    }
    case 'map': {
      if (view.entries.length === 0) return html`<span class="muted">(empty map)</span>`;
      const values = await Promise.all(view.entries.map(([, v]) => attributeValueHtml(atlas, v)));
      return html`<dl class="value-map">${view.entries.map(([k], i) => html`<div><dt>${k}</dt><dd>${values[i]}</dd></div>`)}</dl>`;
    }
  }
}

/** Long text: its opening, and the whole behind "show more" (a <details>, so it works without JavaScript). */
function fold(text: string, markdown: boolean, whole: Html): Html {
  return html`<details class="fold"><summary><span class="text-value">${previewText(text, markdown)}</span> <span class="more">show more</span></summary>${whole}</details>`;
}

/**
 * The overview's attribute list. `article` is what the Article tab shows in full, so the page
 * carries and renders it once: a wiki page's body is left out here, a long description becomes
 * a teaser with a link to that tab.
 */
export async function attributeListHtml(atlas: Atlas, record: AtlasRecord, article?: RecordArticle): Promise<Html> {
  const skip = article?.source === 'page' ? article.attribute : undefined;
  const onArticleTab = article?.source === 'description' ? article.attribute : undefined;
  const decl = atlas.schema.nodeKinds.get(record.kind);
  const types = new Map((decl?.attributes ?? []).map((a) => [a.name, a]));
  const entries = Object.entries(record.attributes).filter(([k]) => k !== skip);
  // displayName first, description second, the rest as written.
  const order = (k: string) => (k === 'displayName' ? 0 : k === 'description' ? 1 : 2);
  entries.sort((a, b) => order(a[0]) - order(b[0]));
  const missing = (decl?.attributes ?? []).filter((a) => a.required && a.name !== 'id' && !(a.name in record.attributes));

  const rows = await Promise.all(
    entries.map(async ([name, value]) => {
      const t = types.get(name);
      const keyTitle = t?.type ? `${name}: ${t.type}${t.required ? ' (required)' : ''}` : name;
      const shown =
        name === onArticleTab && typeof value === 'string'
          ? html`<p class="teaser"><span class="text-value">${previewText(value, viewAttribute(value, () => false, t?.type).kind === 'markdown')}</span> <a href="#panel-article" data-show-tab="article">Read it all on the Article tab</a></p>`
          : await attributeValueHtml(atlas, value, t?.type);
      return html`<div class="attr"><dt><span class="attr-name" title="${name}">${humanize(name)}</span><code class="attr-key" title="${keyTitle}">${name}</code></dt><dd>${shown}</dd></div>`;
    }),
  );
  return html`${rows.length === 0 ? html`<p class="muted">This record has no attributes.</p>` : html`<dl class="attributes">${rows}</dl>`}${
    missing.length > 0 &&
    html`<p class="notice warn">Missing required attribute${missing.length > 1 ? 's' : ''}: ${missing.map((m) => html`<code>${m.name}</code>`)}</p>`
  }`;
}
