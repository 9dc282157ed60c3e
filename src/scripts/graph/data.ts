/**
 * Browser-side data access for the graph views: neighbourhood files (fetched once each, shared by
 * every view on the page), `/ids.json`, and the URLs of records under the site's base.
 */
import type { NeighbourhoodFile } from '../../pipeline/graph-data';
import { encodePathForUrl } from '../../pipeline/record-path';

/** The site's base path (`/` or `/atlas/`), from the layout's `<html data-base>`. */
export function base(): string {
  return document.documentElement.dataset.base ?? '/';
}

export function recordUrl(path: string): string {
  return `${base()}n/${encodePathForUrl(path)}/`;
}

export function neighbourhoodUrl(path: string): string {
  return `${base()}n/${encodePathForUrl(path)}.graph.json`;
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

/** `/ids.json`: id -> [display name, kind, path]. */
export type IdIndex = Record<string, [string, string, string]>;
let ids: Promise<IdIndex> | undefined;

export function fetchIds(): Promise<IdIndex> {
  ids ??= fetch(`${base()}ids.json`).then((r) => r.json() as Promise<IdIndex>);
  return ids;
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Saves a blob or text as a download. */
export function download(name: string, data: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a record id. */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
}

/** The site's one HTML escaper, under the short name the graph scripts' templates use. */
export { escapeHtml as esc } from '../../site/escape-html';
