/**
 * The search engine behind the header box and the search page: Pagefind (loaded on first use,
 * never bundled) for full text and for recognising an exact id among its top results; the small
 * `/ids.json` only when Pagefind does not confirm an id-shaped query, and for "did you mean".
 */
import { escapeHtml } from '../../site/escape-html';
import { closestIds } from '../../pipeline/closest-ids';
import { ID_TERMS_WEIGHT, looksLikeId } from '../../site/search-terms';
import { fetchIds, recordUrl, siteBase, type IdIndex } from '../site-urls';

/** The parts of Pagefind's browser API this site uses. */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  raw_content?: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o?: { filters?: Record<string, unknown> }): Promise<PagefindSearch>;
}

/** Filter groups, in display order; the URL parameter has the same name. */
export const FILTER_GROUPS = ['kind', 'cluster'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];
/** Selected values per group: OR within a group, AND across groups. */
export type Filters = Partial<Record<FilterGroup, string[]>>;

export interface Hit {
  url: string;
  name: string;
  /** Node kind, or undefined for a wiki article. */
  kind?: string;
  id?: string;
  /** Excerpt HTML from Pagefind (only `<mark>` is kept when rendered). */
  excerpt?: string;
  /** True for the exact-id jump shown before full-text results. */
  exact?: boolean;
}

export interface Outcome {
  query: string;
  filters: Filters;
  /** The exact id typed, if it names a record. */
  exact?: Hit;
  /** Full-text matches (not counting `exact`). */
  total: number;
  /** Loads hits `from`..`from+count` of the full-text matches. */
  page(from: number, count: number): Promise<Hit[]>;
  /** Value -> number of results, per group, for the filter chips. */
  counts: FilterCounts;
}

let pagefindPromise: Promise<Pagefind> | undefined;

/** Loads Pagefind once (its JS, then its wasm and entry file on `init`). */
export function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const base = siteBase();
    // Built at run time so Vite leaves the import alone: the file only exists after the build.
    const url = `${base}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 22 });
    await pf.init();
    return pf;
  })();
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/** The record named exactly by `query`, from /ids.json (case-insensitive when that is unambiguous). */
async function exactRecord(query: string): Promise<Hit | undefined> {
  if (!looksLikeId(query)) return undefined;
  let ids: IdIndex;
  try {
    ids = await fetchIds();
  } catch {
    return undefined;
  }
  const q = query.trim();
  let id: string | undefined = ids[q] ? q : undefined;
  if (!id) {
    const lower = q.toLowerCase();
    const matches = Object.keys(ids).filter((k) => k.toLowerCase() === lower);
    if (matches.length === 1) id = matches[0];
  }
  if (!id) return undefined;
  const [name, kind, path] = ids[id]!;
  return { url: recordUrl(path), name, kind, id, exact: true };
}

/** Ids close to what was typed, for "no results". */
export async function suggestIds(query: string, limit = 6): Promise<Hit[]> {
  const ids = await fetchIds();
  return closestIds(query, Object.keys(ids), limit).map((id) => {
    const [name, kind, path] = ids[id]!;
    return { url: recordUrl(path), name, kind, id };
  });
}

function pagefindFilters(filters: Filters, except?: FilterGroup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of FILTER_GROUPS) if (g !== except && filters[g]?.length) out[g] = { any: filters[g] };
  return out;
}

function toHit(d: PagefindData, query: string): Hit {
  return { url: d.url, name: d.meta.title || d.url, kind: d.meta.kind, id: d.meta.id, excerpt: summaryExcerpt(d, query) ?? excerpt(d) };
}

/**
 * A record's summary (its description's start) with the query's words marked, when it contains
 * any of them: the most telling text a record has. Undefined otherwise.
 */
function summaryExcerpt(d: PagefindData, query: string): string | undefined {
  const summary = d.meta.summary;
  const terms = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1);
  if (!summary || !terms.length) return undefined;
  let hit = false;
  const html = summary
    .split(/(\s+)/)
    .map((w) => {
      const bare = w.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
      if (w.trim() && terms.some((t) => bare.startsWith(t))) {
        hit = true;
        return `<mark>${escapeHtml(w)}</mark>`;
      }
      return escapeHtml(w);
    })
    .join('');
  return hit ? html : undefined;
}

const EXCERPT_WORDS = 24;

/**
 * The excerpt around the densest run of matches in the page's text, leaving out matches in the
 * name (shown anyway) and in the hidden id words (not meant to be read). Pagefind's own excerpt
 * would often pick the id words, since they are dense and weighted; with no match elsewhere the
 * record's summary is shown instead.
 */
function excerpt(d: PagefindData): string {
  const locs = (d.weighted_locations ?? []).filter((l) => l.weight < ID_TERMS_WEIGHT);
  if (!d.raw_content || !locs.length) return d.meta.summary ? escapeHtml(d.meta.summary) : d.excerpt;
  const words = d.raw_content.split(/[^\S\uFEFF]+/g);
  const score = new Map<number, number>();
  for (const l of locs) score.set(l.location, (score.get(l.location) ?? 0) + l.balanced_score);
  const sorted = [...score.keys()].sort((a, b) => a - b);
  let best = sorted[0]!;
  let bestSum = -1;
  for (const start of sorted) {
    let sum = 0;
    for (const loc of sorted) if (loc >= start && loc < start + EXCERPT_WORDS) sum += score.get(loc)!;
    if (sum > bestSum) [best, bestSum] = [start, sum];
  }
  // Some context before the first match.
  const from = Math.max(0, best - 4);
  const to = Math.min(words.length, from + EXCERPT_WORDS);
  const out = words.slice(from, to).map((w, i) => (score.has(from + i) ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w)));
  return `${from > 0 ? '… ' : ''}${out.join(' ')}${to < words.length ? ' …' : ''}`;
}

/**
 * One search. An empty query with filters lists everything in those filters; an empty query
 * without filters finds nothing. Counts per group ignore that group's own selection, so a chip
 * shows how many results choosing it would add.
 */
export async function search(query: string, filters: Filters, opts: { counts?: boolean } = {}): Promise<Outcome> {
  const q = query.trim();
  const pf = await loadPagefind();
  const anyFilter = FILTER_GROUPS.some((g) => filters[g]?.length);
  if (!q && !anyFilter) return { query: q, filters, total: 0, page: async () => [], counts: {} };
  const main = await (opts.counts ? pf.filters().then(() => runPf(pf, q, filters)) : runPf(pf, q, filters));
  const counts: FilterCounts = { ...main.filters };
  if (opts.counts) {
    for (const g of FILTER_GROUPS) {
      if (!filters[g]?.length) continue;
      const without = await pf.search(q || null, { filters: pagefindFilters(filters, g) });
      counts[g] = without.filters[g] ?? {};
    }
  }
  let resolved = main.results;
  let exact: Hit | undefined;
  if (q) {
    const head = await Promise.all(resolved.slice(0, RERANK_HEAD).map(async (r) => ({ r, d: await r.data() })));
    // An id typed in full: its page is normally at the top of Pagefind's own results (the id
    // words are indexed), so /ids.json is fetched only when it is not.
    if (looksLikeId(q)) {
      const own = head.find(({ d }) => d.meta.id === q) ?? head.find(({ d }) => d.meta.id?.toLowerCase() === q.toLowerCase());
      exact = own ? { ...toHit(own.d, q), excerpt: undefined, exact: true } : await exactRecord(q);
    }
    resolved = rerank(head, q, exact).concat(resolved.slice(RERANK_HEAD));
  }
  return {
    query: q,
    filters,
    exact,
    total: resolved.length,
    counts,
    page: async (from, count) => Promise.all(resolved.slice(from, from + count).map(async (r) => toHit(await r.data(), q))),
  };
}

function runPf(pf: Pagefind, q: string, filters: Filters): Promise<PagefindSearch> {
  return pf.search(q || null, { filters: pagefindFilters(filters) });
}

/** Letters and digits only, lower-cased: `Schema-Migration` and `schema migration` compare equal. */
const squash = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** How many top results `search` looks at (their data is needed for display anyway). */
const RERANK_HEAD = 10;

/**
 * Touches up Pagefind's order at the top: a page whose name is exactly the query comes first
 * (Pagefind ranks "Schema Migration Workflow" above "Schema Migration" for `schema migration`),
 * and the record already shown as the exact-id jump is not listed again.
 */
function rerank(head: { r: PagefindResult; d: PagefindData }[], q: string, exact?: Hit): PagefindResult[] {
  const want = squash(q);
  const kept = head.filter(({ d }) => !exact || d.meta.id !== exact.id);
  const named = kept.filter(({ d }) => squash(d.meta.title ?? '') === want);
  const rest = kept.filter((x) => !named.includes(x));
  return [...named, ...rest].map(({ r }) => r);
}
