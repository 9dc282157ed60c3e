/**
 * The site's addresses as the browser sees them: the base path the layout writes on
 * `<html data-base>`, record pages under it, and `/ids.json`, fetched at most once per page.
 * Small on purpose: the pin button on every record page imports it.
 */
import { encodePathForUrl } from '../pipeline/record-path';

/** `/ids.json`: id -> [display name, kind, path]. */
export type IdIndex = Record<string, [name: string, kind: string, path: string]>;

/** The site's base path (`/` or `/atlas/`). */
export function siteBase(): string {
  return document.documentElement.dataset.base || '/';
}

/** A record page's URL from its path under `/n/` (the third field of an `/ids.json` entry). */
export function recordUrl(path: string): string {
  return `${siteBase()}n/${encodePathForUrl(path)}/`;
}

let idsPromise: Promise<IdIndex> | undefined;

/** `/ids.json`; a failed fetch is forgotten, so the next call tries again. */
export function fetchIds(): Promise<IdIndex> {
  idsPromise ??= fetch(`${siteBase()}ids.json`).then((r) => {
    if (!r.ok) throw new Error(`ids.json: HTTP ${r.status}`);
    return r.json() as Promise<IdIndex>;
  });
  idsPromise.catch(() => (idsPromise = undefined));
  return idsPromise;
}
