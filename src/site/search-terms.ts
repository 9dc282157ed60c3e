/**
 * Extra words indexed for a record id, so Pagefind finds an id, or any run of its parts, however
 * it is typed. Pagefind's tokenizer drops `: / . @ _ -` and treats what is left unpredictably
 * (`workflow:schema-migration` may become one word or several), so each record page carries,
 * as hidden weighted text, the id's parts and the parts joined back together:
 *
 *   agentVersion:claude-code:1.0.35 ->
 *     agentVersion agent version claude code 1 0 35 claudecode 1035 035 agentversionclaudecode1035 …
 *
 * A query such as `claude-code 1.0.35`, `schema migration` or `amp 0-0-178` then matches a whole
 * word or a word prefix (Pagefind matches prefixes).
 * Pure: used at build time by the search documents; safe to import in the browser.
 */
import { html, type Html } from './html';

/** Pagefind weight of the id words: below the name (10), above headings and text. */
export const ID_TERMS_WEIGHT = 8;

/** Characters that separate the parts of an id. */
export const ID_SEPARATORS = /[:/.@_\-\s]+/;

/** `agentVersion` -> `agent`, `Version` (only when the word really is camel-cased). */
function camelParts(word: string): string[] {
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z])/);
  return parts.length > 1 ? parts : [];
}

/**
 * Space-separated words for an id: every part, camel-case halves, and for each `:` segment and
 * for the whole id every suffix run of parts joined without separators (prefix matching then
 * covers every contiguous run). Lower-cased, unique, in a stable order.
 */
export function idSearchTerms(id: string): string {
  const words = new Set<string>();
  const add = (w: string) => {
    const l = w.toLowerCase();
    if (l) words.add(l);
  };
  const segments = id.split(':').filter(Boolean);
  const allParts: string[] = [];
  for (const segment of segments) {
    const parts = segment.split(ID_SEPARATORS).filter(Boolean);
    allParts.push(...parts);
    for (const p of parts) {
      add(p);
      for (const c of camelParts(p)) add(c);
    }
    for (let i = 0; i < parts.length - 1; i++) add(parts.slice(i).join(''));
  }
  for (let i = 0; i < allParts.length - 1; i++) add(allParts.slice(i).join(''));
  return [...words].join(' ');
}

/** A query that looks like an id (one word with a `:` inside), worth an exact go-to-id lookup. */
export function looksLikeId(query: string): boolean {
  const q = query.trim();
  return q.length > 2 && !/\s/.test(q) && /.:./.test(q);
}

/**
 * The hidden Pagefind markup for a record, placed inside `data-pagefind-body`: the id words
 * (indexed, weighted) and, not indexed, the id, kind, cluster and summary (and the title, when the
 * page's first heading is not the name) as result metadata, kind and cluster as filters. Every
 * record's search document carries it; the index step adds it to wiki articles, which are records too.
 */
export function recordSearchHtml(r: { id: string; kind: string; cluster: string; summary: string; title?: string }): Html {
  return html`<p hidden data-pagefind-weight="${ID_TERMS_WEIGHT}">${idSearchTerms(r.id)}</p><p hidden data-pagefind-ignore>${
    r.title && html`<span data-pagefind-meta="title">${r.title}</span>`
  }<span data-pagefind-meta="id">${r.id}</span><span data-pagefind-meta="kind" data-pagefind-filter="kind">${r.kind}</span><span data-pagefind-meta="cluster" data-pagefind-filter="cluster">${r.cluster}</span><span data-pagefind-meta="summary">${r.summary}</span></p>`;
}
