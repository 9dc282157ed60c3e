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
import { escapeHtml } from './escape-html';
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
  const parts: string[] = [
    `<h1 data-pagefind-weight="${NAME_WEIGHT}" data-pagefind-meta="title">${escapeHtml(name)}</h1>`,
    recordSearchHtml({ id: record.id, kind: record.kind, cluster: record.cluster, summary: summaryText({ record, description }) }),
  ];

  const shown = Object.entries(attrs).filter(([k]) => k !== 'displayName' && !(article && k === article.attribute));
  // One paragraph per attribute (Pagefind runs a <dt> into its <dd> without a space), labelled but
  // for the description, which reads better unlabelled in result excerpts.
  for (const [key, value] of shown) parts.push(`<p>${key === 'description' ? '' : `${escapeHtml(humanize(key))}: `}${await valueHtml(atlas, value)}</p>`);

  const documentedBy = derivedIndexes(atlas).documentedBy.get(record.id) ?? [];
  if (documentedBy.length) parts.push(`<p>Documented in the wiki: ${documentedBy.map((p) => escapeHtml(p.title)).join(', ')}</p>`);

  parts.push(edgesHtml(atlas, record.outgoing, 'out'), edgesHtml(atlas, record.incoming, 'in'));

  if (article) {
    // The same call as the page's Article tab, so the page finds it in the Markdown cache.
    const file = article.source === 'page' ? wikiIndex(atlas).byId.get(record.id)?.page.file : undefined;
    parts.push((await renderMarkdown(article.markdown, { file, article: true })).html);
  }

  return {
    url: `/n/${encodePathForUrl(atlas.paths.get(record.id)!)}/`,
    html: `<!doctype html><html lang="en"><head><title>${escapeHtml(name)}</title></head><body><main data-pagefind-body>${parts.join('')}</main></body></html>`,
  };
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
  const title = escapeHtml(entry.page.title);
  const parts = [
    article.headings.some((h) => h.depth === 1) ? '' : `<h1>${title}</h1>`,
    recordSearchHtml({ id: record.id, kind: record.kind, cluster: record.cluster, summary: entry.summary, title: entry.page.title }),
    article.html,
  ];
  return {
    url: `/${encodePathForUrl(['wiki', entry.route].filter(Boolean).join('/'))}/`,
    html: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body>${parts.join('')}</main></body></html>`,
  };
}

/** An attribute value as the overview shows it, reduced to what is worth finding. */
async function valueHtml(atlas: Atlas, value: unknown): Promise<string> {
  const view = viewAttribute(value, (s) => atlas.records.has(s));
  switch (view.kind) {
    case 'empty':
      return '';
    case 'bool':
    case 'number':
      return String(view.value);
    case 'url':
      return escapeHtml(view.url);
    case 'record':
      return escapeHtml(displayName(atlas.records.get(view.id)!));
    case 'date':
    case 'text':
      return escapeHtml(view.text);
    case 'markdown':
      return (await renderMarkdown(view.text)).html;
    case 'list':
      return (await Promise.all(view.items.map((item) => valueHtml(atlas, item)))).join(', ');
    case 'map':
      return (await Promise.all(view.entries.map(async ([k, v]) => `${escapeHtml(k)} ${await valueHtml(atlas, v)}`))).join('; ');
  }
}

/**
 * The records at the other end of a record's edges, by edge kind, with the evidence quoted on the
 * edge: a search for a tool finds the workflows that use it. Ids, counts and the schema's edge
 * descriptions stay out (they repeat on thousands of pages and only blur the ranking).
 */
function edgesHtml(atlas: Atlas, edges: readonly AtlasEdge[], direction: 'out' | 'in'): string {
  if (edges.length === 0) return '';
  const named = (e: AtlasEdge) => {
    const otherId = direction === 'out' ? e.to : e.from;
    const other = atlas.records.get(otherId);
    const evidence = typeof e.attributes?.evidence === 'string' ? ` (${e.attributes.evidence})` : '';
    return `${other ? displayName(other) : otherId}${evidence}`;
  };
  const groups = [...groupBy(edges, (e) => e.kind)].map(([kind, list]) => `<p>${escapeHtml(kind)}: ${escapeHtml(list.map(named).join(', '))}</p>`);
  return `<section><h2>${direction === 'out' ? 'Outgoing edges' : 'Incoming edges'}</h2>${groups.join('')}</section>`;
}
