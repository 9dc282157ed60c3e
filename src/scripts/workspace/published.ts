/**
 * Fetches the published atlas the overlay is checked against: `/workspace/base.json` (schema
 * YAML, definition lines) and the record payloads from `/records.ndjson`, or, on a site built
 * without that export, one `/n/<path>.json` per id listed in `/ids.json`.
 */
import { RecordPayloadSchema, type RecordPayload } from '../../pipeline/model';
import { encodePathForUrl } from '../../pipeline/record-path';
import { WORKSPACE_BASE_PATH, WorkspaceBaseSchema } from '../../site/workspace-base';
import type { Published } from './analyze';

export type Progress = (message: string) => void;

export async function fetchPublished(base: string, progress: Progress): Promise<Published> {
  progress('Loading the atlas schema…');
  const baseJson = WorkspaceBaseSchema.parse(await getJson(`${base}${WORKSPACE_BASE_PATH}`));
  progress('Loading the published records…');
  const payloads = (await fromNdjson(base)) ?? (await fromRecordPages(base, progress));
  const records = new Map<string, RecordPayload>();
  for (const p of payloads) records.set(p.id, p);
  return { base: baseJson, records };
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function fromNdjson(base: string): Promise<RecordPayload[] | null> {
  const res = await fetch(`${base}records.ndjson`);
  if (!res.ok) return null;
  const out: RecordPayload[] = [];
  for (const line of (await res.text()).split('\n')) {
    if (line.trim()) out.push(RecordPayloadSchema.parse(JSON.parse(line)));
  }
  return out;
}

async function fromRecordPages(base: string, progress: Progress): Promise<RecordPayload[]> {
  const ids = (await getJson(`${base}ids.json`)) as Record<string, [string, string, string]>;
  const paths = Object.values(ids).map((v) => v[2]);
  const out: RecordPayload[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      out[i] = RecordPayloadSchema.parse(await getJson(`${base}n/${encodePathForUrl(paths[i]!)}.json`));
      if (++done % 200 === 0) progress(`Loading the published records… ${done} of ${paths.length}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}
