/**
 * The overlay checker, off the main thread: loads the published atlas once, then runs the
 * pipeline over it plus the overlay on every request, so typing stays smooth on large atlases.
 */
import { analyzeOverlay, type Published } from './analyze';
import type { OverlayFile } from './overlay-files';
import { fetchPublished } from './published';
import { buildReport, type OverlayReport } from './report';

export type WorkerRequest = { type: 'load'; base: string } | { type: 'check'; seq: number; files: OverlayFile[] };
export type WorkerResponse =
  | { type: 'progress'; message: string }
  | { type: 'loaded'; records: number; clusters: string[]; scriptUrl: string }
  | { type: 'failed'; message: string }
  | { type: 'report'; seq: number; report: OverlayReport }
  | { type: 'check-failed'; seq: number; message: string };

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);
let published: Published | null = null;

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'load') {
    try {
      published = await fetchPublished(msg.base, (message) => post({ type: 'progress', message }));
      post({ type: 'loaded', records: published.records.size, clusters: [...new Set([...published.records.values()].map((p) => p._cluster))], scriptUrl: self.location.href });
    } catch (err) {
      post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  if (!published) {
    post({ type: 'check-failed', seq: msg.seq, message: 'The published atlas is not loaded.' });
    return;
  }
  try {
    const result = analyzeOverlay(published, msg.files);
    post({ type: 'report', seq: msg.seq, report: buildReport(result, new Set(published.records.keys())) });
  } catch (err) {
    post({ type: 'check-failed', seq: msg.seq, message: err instanceof Error ? err.message : String(err) });
  }
});
