/**
 * Every internal URL is made here, so `ATLAS_BASE` is honoured everywhere and record routes are
 * looked up (never recomputed) from the pipeline's path table.
 */
import type { Atlas } from '../pipeline/model';
import { encodePathForUrl, idToPath } from '../pipeline/record-path';
import { getAtlas } from './atlas-data';
import { siteConfig } from './config';

/** `/x/` under the base. */
export function href(path: string): string {
  return `${siteConfig.base}${path.replace(/^\/+/, '')}`;
}

/** A record's path under /n/ (as a file path, not URL-encoded). */
export function recordPath(id: string): string {
  return getAtlas().paths.get(id) ?? idToPath(id);
}

const recordUrls = new WeakMap<Atlas, Map<string, string>>();

/** `<base>n/<path>` for a record, URL-encoded, made once per record: a build links to each record from many pages. */
function recordUrlStem(id: string): string {
  const atlas = getAtlas();
  let stems = recordUrls.get(atlas);
  if (!stems) recordUrls.set(atlas, (stems = new Map()));
  let stem = stems.get(id);
  if (stem === undefined) stems.set(id, (stem = href(`n/${encodePathForUrl(atlas.paths.get(id) ?? idToPath(id))}`)));
  return stem;
}

export function recordHref(id: string, tab?: string): string {
  return `${recordUrlStem(id)}/${tab ? `?tab=${tab}` : ''}`;
}

export function recordJsonHref(id: string): string {
  return `${recordUrlStem(id)}.json`;
}

export function kindHref(kind: string, page = 1): string {
  return href(`kinds/${encodeURIComponent(kind)}/${page > 1 ? `${page}/` : ''}`);
}

export function clusterHref(cluster: string, page = 1): string {
  return href(`clusters/${encodeURIComponent(cluster)}/${page > 1 ? `${page}/` : ''}`);
}

export function edgeKindHref(kind: string, page = 1): string {
  return href(`edges/${encodeURIComponent(kind)}/${page > 1 ? `${page}/` : ''}`);
}

/** Absolute URL for canonical links and the sitemap, when ATLAS_SITE is set. */
export function absolute(url: string): string | undefined {
  return siteConfig.site ? `${siteConfig.site}${url}` : undefined;
}

export function integrityHref(code?: string): string {
  return href(code ? `integrity/${encodeURIComponent(code)}/` : 'integrity/');
}

export function wikiHref(slug?: string): string {
  return href(slug ? `wiki/${slug.split('/').map(encodeURIComponent).join('/')}/` : 'wiki/');
}
