/**
 * The workspace page's script: pins and saved views at once, the overlay checker (a worker that
 * bundles js-yaml, zod and the pipeline) only when the overlay is used, and a service worker so
 * the page and the data it fetched work offline afterwards.
 */
import '../copy-button';
import { WORKSPACE_BASE_PATH } from '../../site/workspace-paths';
import { fetchIds, recordUrl, siteBase } from '../site-urls';
import { initOverlayPanel } from './overlay-panel';
import { initPinsPanel } from './pins-panel';

/** `/ids.json`; null when unavailable (offline before its first load). */
const ids = () => fetchIds().catch(() => null);

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
    pageUrl: recordUrl,
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
