/**
 * Browser-side data access for the graph views: neighbourhood files (fetched once each, shared by
 * every view on the page), `/ids.json`, and the URLs of records under the site's base.
 */
import type { NeighbourhoodFile } from '../../pipeline/graph-data';
import { encodePathForUrl } from '../../pipeline/record-path';
import { siteBase } from '../site-urls';

export function neighbourhoodUrl(path: string): string {
  return `${siteBase()}n/${encodePathForUrl(path)}.graph.json`;
}

const files = new Map<string, Promise<NeighbourhoodFile>>();

/** A record's neighbourhood file by its path under /n/ (cached; a failed fetch is retried next time). */
export function fetchNeighbourhood(path: string): Promise<NeighbourhoodFile> {
  let p = files.get(path);
  if (!p) {
    p = fetch(neighbourhoodUrl(path)).then((res) => {
      if (!res.ok) throw new Error(`${res.status} for ${neighbourhoodUrl(path)}`);
      return res.json() as Promise<NeighbourhoodFile>;
    });
    p.catch(() => files.delete(path));
    files.set(path, p);
  }
  return p;
}


/** Runs `fn` over `items`, `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A file name from a record id. */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
}
