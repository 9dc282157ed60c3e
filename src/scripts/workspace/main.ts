/**
 * The workspace page's script: pins and saved views at once, the overlay checker (a worker that
 * bundles js-yaml, zod and the pipeline) only when the overlay is used, and a service worker so
 * the page and the data it fetched work offline afterwards.
 */
import '../copy-button';
import { encodePathForUrl } from '../../pipeline/record-path';
import { WORKSPACE_BASE_PATH } from '../../site/workspace-paths';
import { siteBase } from '../pin-store';
import { initOverlayPanel } from './overlay-panel';
import { initPinsPanel } from './pins-panel';

let idsPromise: Promise<Record<string, [string, string, string]> | null> | null = null;
/** `/ids.json`, fetched once; null when unavailable (offline before first load). */
const ids = () =>
  (idsPromise ??= fetch(`${siteBase()}ids.json`)
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, [string, string, string]>>) : null))
    .catch(() => null));

/**
 * Asks the service worker to keep what this visit loaded before it was in control: the page, its
 * scripts and styles, the checker worker and the atlas data (the worker's own fetches are not
 * listed among the page's resources, so the data URLs are named).
 */
const precache = (extra: string[] = []) => {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((reg) => {
    const urls = [location.href.split('#')[0]!, ...performance.getEntriesByType('resource').map((e) => e.name), ...extra];
    reg.active?.postMessage({ type: 'precache', urls: urls.filter((u) => new URL(u, location.href).origin === location.origin) });
  });
};

const pins = document.querySelector<HTMLElement>('[data-workspace-pins]');
const overlay = document.querySelector<HTMLElement>('[data-workspace-overlay]');
if (pins) initPinsPanel({ root: pins, ids });
if (overlay) {
  initOverlayPanel({
    root: overlay,
    ids,
    pageUrl: (path) => `${siteBase()}n/${encodePathForUrl(path)}/`,
    onLoaded: (workerUrl) => precache([workerUrl, `${location.origin}${siteBase()}${WORKSPACE_BASE_PATH}`, `${location.origin}${siteBase()}records.ndjson`, `${location.origin}${siteBase()}ids.json`]),
  });
}
document.documentElement.dataset.workspace = 'ready';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register(`${siteBase()}workspace/sw.js`, { scope: `${siteBase()}workspace/` })
    .then(() => precache())
    .catch(() => undefined);
}
