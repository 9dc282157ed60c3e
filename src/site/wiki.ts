/**
 * The wiki as the site shows it: each page's URL under /wiki/, sections from the folder structure
 * under `wiki/`, one-line summaries, and the link graph between pages and records (for backlinks
 * and for "documented in the wiki" on record pages). Computed once per atlas.
 */
import { displayName, type Atlas } from '../pipeline/model';
import type { WikiPage } from '../pipeline/parse-wiki';
import { idToPath } from '../pipeline/record-path';
import { findWikiLinks, RECORD_LINK, resolveWikiLink } from '../pipeline/wiki-links';
import { getAtlas } from './atlas-data';
import { recordHref, wikiHref } from './urls';

export interface WikiEntry {
  page: WikiPage;
  /** Path under /wiki/ without surrounding slashes; `''` is the hub. Unique, case-insensitively too. */
  route: string;
  /** Route of the section (folder under `wiki/`) holding the file, `''` at the top. */
  folder: string;
  /** First paragraph of the body as plain text, shortened. */
  summary: string;
}

export interface WikiSection {
  /** Folder under `wiki/`, `''` for the whole wiki; also the section's route. */
  path: string;
  title: string;
  /** The article shown at the section's URL (a folder's README/index page), if any. */
  landing?: WikiEntry;
  /** Pages directly in the folder, landing excluded, in file order. */
  pages: WikiEntry[];
  sections: WikiSection[];
  /** Pages in this section and all below it, landing included. */
  total: number;
}

export interface WikiLinkCounts {
  /** Relative `.md` links that point at a wiki page (rewritten to its URL). */
  pageLinks: number;
  /** `[[id]]` and `atlas:` links that point at a record. */
  recordLinks: number;
  /** Links that point nowhere (rendered as broken, reported as `broken-wiki-link`). */
  broken: number;
}

export interface WikiIndex {
  entries: WikiEntry[];
  byId: Map<string, WikiEntry>;
  byFile: Map<string, WikiEntry>;
  byRoute: Map<string, WikiEntry>;
  root: WikiSection;
  sections: Map<string, WikiSection>;
  /** Page id to the pages that link to it (by `.md` link or by its id). */
  linkedFrom: Map<string, string[]>;
  /** Record id to the pages whose text links to it. */
  mentionedIn: Map<string, string[]>;
  /** Page id to the record ids its text links to, in order of first appearance. */
  recordsLinked: Map<string, string[]>;
  counts: WikiLinkCounts;
}

const cache = new WeakMap<Atlas, WikiIndex>();

export function wikiIndex(atlas: Atlas): WikiIndex {
  let index = cache.get(atlas);
  if (!index) {
    index = buildIndex(atlas);
    cache.set(atlas, index);
  }
  return index;
}

/** URL of an entry's article (the hub's is /wiki/). */
export function entryHref(entry: Pick<WikiEntry, 'route'>): string {
  return wikiHref(entry.route || undefined);
}

/** URL of a wiki page's article, by the page's record id (its record page if it is not a wiki page). */
export function wikiArticleHref(pageId: string): string {
  const entry = wikiIndex(getAtlas()).byId.get(pageId);
  return entry ? entryHref(entry) : recordHref(pageId);
}

function buildIndex(atlas: Atlas): WikiIndex {
  const pages = [...atlas.pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const entries: WikiEntry[] = [];
  const byRoute = new Map<string, WikiEntry>();
  const taken = new Set<string>();
  for (const page of pages) {
    const natural = naturalRoute(page);
    let route = natural;
    // Same route (up to letter case) as an earlier file: suffix, like record paths do.
    for (let n = 2; taken.has(route.toLowerCase()); n++) route = `${natural || 'index'}~${n}`;
    taken.add(route.toLowerCase());
    const folder = page.file.replace(/^wiki\//, '').split('/').slice(0, -1).map(safeSegment).join('/');
    const entry: WikiEntry = { page, route, folder, summary: summarize(page.body, atlas) };
    entries.push(entry);
    byRoute.set(route, entry);
  }

  const sections = new Map<string, WikiSection>();
  const sectionAt = (path: string): WikiSection => {
    let s = sections.get(path);
    if (s) return s;
    s = { path, title: '', pages: [], sections: [], total: 0 };
    sections.set(path, s);
    if (path !== '') sectionAt(path.split('/').slice(0, -1).join('/')).sections.push(s);
    return s;
  };
  const root = sectionAt('');
  for (const entry of entries) sectionAt(entry.folder);
  for (const s of sections.values()) s.landing = byRoute.get(s.path);
  for (const entry of entries) {
    const s = sectionAt(entry.folder);
    if (s.landing !== entry) s.pages.push(entry);
  }
  const finish = (s: WikiSection): number => {
    s.sections.sort((a, b) => (a.path < b.path ? -1 : 1));
    s.title = s.landing?.page.title ?? (s.path ? humanize(s.path.split('/').pop()!) : 'Wiki');
    s.total = s.pages.length + (s.landing ? 1 : 0) + s.sections.reduce((n, c) => n + finish(c), 0);
    return s.total;
  };
  finish(root);

  const byFile = new Map(entries.map((e) => [e.page.file, e]));
  const byId = new Map(entries.map((e) => [e.page.id, e]));
  const linkedFrom = new Map<string, string[]>();
  const mentionedIn = new Map<string, string[]>();
  const recordsLinked = new Map<string, string[]>();
  const counts: WikiLinkCounts = { pageLinks: 0, recordLinks: 0, broken: 0 };
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  };
  for (const entry of entries) {
    const from = entry.page;
    for (const link of findWikiLinks(from.body)) {
      const r = resolveWikiLink(link, from.file, byFile, atlas.records);
      if (!r.ok) {
        counts.broken++;
        continue;
      }
      if (r.type === 'page') {
        counts.pageLinks++;
        const target = byFile.get(r.file)!.page.id;
        if (target !== from.id) add(linkedFrom, target, from.id);
        continue;
      }
      counts.recordLinks++;
      add(recordsLinked, from.id, r.id);
      add(mentionedIn, r.id, from.id);
      if (byId.has(r.id) && r.id !== from.id) add(linkedFrom, r.id, from.id);
    }
  }
  return { entries, byId, byFile, byRoute, root, sections, linkedFrom, mentionedIn, recordsLinked, counts };
}

/** The slug as a route: `index`/`README` name their folder; unsafe characters are escaped as in record paths. */
function naturalRoute(page: WikiPage): string {
  const segments = page.slug.split('/').filter((s) => s !== '');
  const last = segments.at(-1)?.toLowerCase();
  if (last === 'index' || last === 'readme') segments.pop();
  return segments.map(safeSegment).join('/');
}

/** One path segment, escaped so it cannot climb out or name a reserved file (same rules as `idToPath`). */
function safeSegment(segment: string): string {
  // idToPath splits on `:`; put them back as an escape so a segment stays one segment.
  return idToPath(segment).replace(/\//g, '~3A');
}

function humanize(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : folder;
}

const SUMMARY_LENGTH = 180;

/**
 * The first paragraph of a Markdown body as plain text: headings, tables, lists, code, quotes and
 * HTML are skipped; link syntax gives way to the link's text (`[[id]]` to the record's name).
 */
export function summarize(body: string, atlas?: Atlas): string {
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  let fence = false;
  for (const block of blocks) {
    const text = block.trim();
    const fences = (text.match(/^\s{0,3}(```|~~~)/gm) ?? []).length;
    if (fence || fences > 0) {
      if (fences % 2 === 1) fence = !fence;
      continue;
    }
    if (!text || /^(#|\||[-*+] |\d+[.)] |>|<|!\[|---|\*\*\*|___|\[\^|```|~~~| {4})/.test(text)) continue;
    const plain = toPlain(text, atlas);
    if (plain) return plain.length > SUMMARY_LENGTH ? `${plain.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, '')}…` : plain;
  }
  return '';
}

function toPlain(markdown: string, atlas?: Atlas): string {
  return markdown
    .replace(new RegExp(RECORD_LINK.source, 'g'), (_m, id: string, label?: string) => {
      if (label?.trim()) return label.trim();
      const record = atlas?.records.get(id.trim());
      return record ? displayName(record) : id.trim();
    })
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__|\*|_|~~)(\S(?:[\s\S]*?\S)?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface RecordRef {
  id: string;
  name: string;
  kind?: string;
  /** The id names no record (shown as broken). */
  broken: boolean;
  /** For records linking here: the kinds of their edges to this page. */
  via?: string[];
}

export interface ArticleRelations {
  /** The page's `documents:` list. */
  documents: RecordRef[];
  /** Records its text links to that `documents:` does not list. */
  mentions: RecordRef[];
  /** Wiki pages that link to this one. */
  linkedFromPages: WikiEntry[];
  /** Other records with an edge to this page. */
  linkedFromRecords: RecordRef[];
  /** Neighbours in the section's reading order. */
  prev?: WikiEntry;
  next?: WikiEntry;
}

/** What an article shows around its text: what it documents and mentions, what links to it, where it sits. */
export function articleRelations(atlas: Atlas, entry: WikiEntry): ArticleRelations {
  const index = wikiIndex(atlas);
  const ref = (id: string): RecordRef => {
    const r = atlas.records.get(id);
    return { id, name: r ? displayName(r) : id, kind: r?.kind, broken: !r };
  };
  const documents = entry.page.documents.map(ref);
  const listed = new Set(entry.page.documents);
  const mentions = (index.recordsLinked.get(entry.page.id) ?? []).filter((id) => !listed.has(id) && !index.byId.has(id)).map(ref);
  const fromPages = new Set(index.linkedFrom.get(entry.page.id) ?? []);
  const viaEdges = new Map<string, string[]>();
  for (const edge of atlas.records.get(entry.page.id)?.incoming ?? []) {
    if (edge.from === entry.page.id) continue;
    if (index.byId.has(edge.from)) fromPages.add(edge.from);
    else viaEdges.set(edge.from, [...(viaEdges.get(edge.from) ?? []), edge.kind]);
  }
  const linkedFromRecords = [...viaEdges].map(([id, kinds]) => ({ ...ref(id), via: [...new Set(kinds)] }));
  const linkedFromPages = [...fromPages].map((id) => index.byId.get(id)!).sort((a, b) => (a.page.file < b.page.file ? -1 : 1));

  const section = [...index.sections.values()].find((s) => s.landing === entry || s.pages.includes(entry));
  const order = section ? [...(section.landing ? [section.landing] : []), ...section.pages] : [];
  const at = order.indexOf(entry);
  return {
    documents,
    mentions,
    linkedFromPages,
    linkedFromRecords,
    prev: at > 0 ? order[at - 1] : undefined,
    next: at >= 0 && at < order.length - 1 ? order[at + 1] : undefined,
  };
}

/** The sections above an entry or section, outermost first, the wiki itself excluded. */
export function breadcrumbs(atlas: Atlas, folderRoute: string): WikiSection[] {
  const sections = wikiIndex(atlas).sections;
  const parts = folderRoute.split('/').filter(Boolean);
  return parts.map((_p, i) => sections.get(parts.slice(0, i + 1).join('/'))).filter((s): s is WikiSection => s !== undefined);
}
