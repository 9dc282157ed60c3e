/**
 * A wiki article (or a long Markdown description): rendered with record and page links resolved,
 * heading anchors, copy buttons on code blocks and diagrams that src/scripts/wiki-article.ts draws
 * in the browser. On a record page it also links to the page's wiki view. A template string (see
 * ./html.ts) because the record page writes it; wiki pages use it through WikiArticle.astro.
 * Styles: src/styles/wiki-article.css.
 */
import type { Atlas } from '../pipeline/model';
import type { WikiPage } from '../pipeline/parse-wiki';
import { html, trusted, type Html } from './html';
import { renderMarkdown } from './markdown';
import { entryHref, wikiIndex } from './wiki';

export interface WikiArticleOptions {
  /** The wiki page this is the body of (none for a record's long description). */
  page?: WikiPage;
  /** `record`: shown on the record page's article tab (adds a link to the wiki view). */
  variant?: 'record' | 'wiki';
}

export async function wikiArticleHtml(atlas: Atlas, markdown: string, { page, variant = 'record' }: WikiArticleOptions = {}): Promise<Html> {
  const entry = page ? wikiIndex(atlas).byId.get(page.id) : undefined;
  const { html: body } = await renderMarkdown(markdown, { file: page?.file, article: true });
  return html`<article class="wiki-article"> ${
    variant === 'record' &&
    entry &&
    html`<p class="wiki-view-link notice"><a href="${entryHref(entry)}">Open “${entry.page.title}” in the wiki</a> <span class="muted">— with its contents, section and backlinks.</span></p>`
  } <div class="prose">${trusted(body)}</div> </article>`;
}
