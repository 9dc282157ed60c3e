/**
 * What the search index holds for a record: a small HTML document built from the record itself,
 * not read back from its rendered page. The build hands these to Pagefind before Astro starts
 * rendering, so Pagefind's own process indexes on the second core while pages render on the
 * first, and the index never depends on page markup.
 *
 * A record's document carries, in order of weight: the name (the title), the id's words (see
 * search-terms.ts), then the attributes as text, the wiki pages that document the record, the
 * records it links to and from (edge kind, name, evidence), and its article (a wiki page's body or
 * a long description, rendered as on the page). Kind and cluster are filters; id, kind, cluster
 * and a summary are result metadata.
 */
import type { Atlas, AtlasEdge, AtlasRecord } from '../pipeline/model';
import { groupBy } from '../pipeline/group-by';
import { displayName } from '../pipeline/model';
import { encodePathForUrl } from '../pipeline/record-path';
import { humanize, viewAttribute } from './attribute-view';
import { html, trusted, type Html } from './html';
import { renderMarkdown } from './markdown';
import { articleOf, derivedIndexes, summaryText } from './record-view';
import { recordSearchHtml } from './search-terms';
import { wikiIndex, type WikiEntry } from './wiki';

/** Pagefind weight of a record's name: the strongest signal. */
export const NAME_WEIGHT = 10;

export interface SearchDocument {
  /** Site-relative URL of the record page, without the base (Pagefind adds it when searching). */
  url: string;
  html: string;
}

/** The search document of a record's page (`/n/<path>/`). */
export async function recordSearchDocument(atlas: Atlas, record: AtlasRecord): Promise<SearchDocument> {
  const name = displayName(record);
  const attrs = record.attributes;
  const description = typeof attrs.description === 'string' ? attrs.description : undefined;
  const article = articleOf(record);
  const shown = Object.entries(attrs).filter(([k]) => k !== 'displayName' && !(article && k === article.attribute));
  // One paragraph per attribute (Pagefind runs a <dt> into its <dd> without a space), labelled but
  // for the description, which reads better unlabelled in result excerpts.
  const values = await Promise.all(shown.map(([, value]) => valueHtml(atlas, value)));
  const documentedBy = derivedIndexes(atlas).documentedBy.get(record.id) ?? [];
  // The same call as the page's Article tab, so the page finds it in the Markdown cache.
  const file = article?.source === 'page' ? wikiIndex(atlas).byId.get(record.id)?.page.file : undefined;
  const articleHtml = article && trusted((await renderMarkdown(article.markdown, { file, article: true })).html);

  const body = html`<h1 data-pagefind-weight="${NAME_WEIGHT}" data-pagefind-meta="title">${name}</h1>${recordSearchHtml({
    id: record.id,
    kind: record.kind,
    cluster: record.cluster,
    summary: summaryText({ record, description }),
  })}${shown.map(([key], i) => html`<p>${key !== 'description' && `${humanize(key)}: `}${values[i]}</p>`)}${
    documentedBy.length > 0 && html`<p>Documented in the wiki: ${documentedBy.map((p) => p.title).join(', ')}</p>`
  }${edgesHtml(atlas, record.outgoing, 'out')}${edgesHtml(atlas, record.incoming, 'in')}${articleHtml}`;
  return { url: `/n/${encodePathForUrl(atlas.paths.get(record.id)!)}/`, html: searchPage(name, body) };
}

/** The document Pagefind reads: a title and the indexed body. */
function searchPage(title: string, body: Html): string {
  return html`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body>${body}</main></body></html>`.value;
}

/**
 * The search document of a wiki article (`/wiki/<route>/`): its title, the record's id words and
 * metadata (a wiki page is a record, and ranks and filters like one), and the article as rendered.
 * Breadcrumbs, the table of contents and the lists of other pages stay out.
 */
export async function wikiSearchDocument(atlas: Atlas, entry: WikiEntry): Promise<SearchDocument | null> {
  const record = atlas.records.get(entry.page.id);
  if (!record) return null;
  // The same call as the article on the page, so the page finds it in the Markdown cache.
  const article = await renderMarkdown(entry.page.body, { file: entry.page.file, article: true });
  const body = html`${!article.headings.some((h) => h.depth === 1) && html`<h1>${entry.page.title}</h1>`}${recordSearchHtml({
    id: record.id,
    kind: record.kind,
    cluster: record.cluster,
    summary: entry.summary,
    title: entry.page.title,
  })}${trusted(article.html)}`;
  return { url: `/${encodePathForUrl(['wiki', entry.route].filter(Boolean).join('/'))}/`, html: searchPage(entry.page.title, body) };
}

/** An attribute value as the overview shows it, reduced to what is worth finding. */
async function valueHtml(atlas: Atlas, value: unknown): Promise<Html> {
  const view = viewAttribute(value, (s) => atlas.records.has(s));
  switch (view.kind) {
    case 'empty':
      return html``;
    case 'bool':
    case 'number':
      return html`${String(view.value)}`;
    case 'url':
      return html`${view.url}`;
    case 'record':
      return html`${displayName(atlas.records.get(view.id)!)}`;
    case 'date':
    case 'text':
      return html`${view.text}`;
    case 'markdown':
      return trusted((await renderMarkdown(view.text)).html);
    case 'list': {
      const items = await Promise.all(view.items.map((item) => valueHtml(atlas, item)));
      return trusted(items.join(', '));
    }
    case 'map': {
      const values = await Promise.all(view.entries.map(([, v]) => valueHtml(atlas, v)));
      return trusted(view.entries.map(([k], i) => html`${k} ${values[i]}`).join('; '));
    }
  }
}

/**
 * The records at the other end of a record's edges, by edge kind, with the evidence quoted on the
 * edge: a search for a tool finds the workflows that use it. Ids, counts and the schema's edge
 * descriptions stay out (they repeat on thousands of pages and only blur the ranking).
 */
function edgesHtml(atlas: Atlas, edges: readonly AtlasEdge[], direction: 'out' | 'in'): Html | false {
  if (edges.length === 0) return false;
  const named = (e: AtlasEdge) => {
    const otherId = direction === 'out' ? e.to : e.from;
    const other = atlas.records.get(otherId);
    const evidence = typeof e.attributes?.evidence === 'string' ? ` (${e.attributes.evidence})` : '';
    return `${other ? displayName(other) : otherId}${evidence}`;
  };
  const groups = [...groupBy(edges, (e) => e.kind)].map(([kind, list]) => html`<p>${kind}: ${list.map(named).join(', ')}</p>`);
  return html`<section><h2>${direction === 'out' ? 'Outgoing edges' : 'Incoming edges'}</h2>${groups}</section>`;
}
