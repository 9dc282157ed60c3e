/**
 * Rows for record tables (kind and cluster listings): the same shape server-rendered on the page
 * and written as the small JSON the table's filter and sort read.
 */
import type { AtlasRecord } from '../pipeline/model';
import { displayName } from '../pipeline/model';
import { recordHref } from './urls';

export interface RecordRow {
  id: string;
  name: string;
  kind: string;
  cluster: string;
  out: number;
  in: number;
  url: string;
}

export function recordRow(r: AtlasRecord): RecordRow {
  return { id: r.id, name: displayName(r), kind: r.kind, cluster: r.cluster, out: r.outgoing.length, in: r.incoming.length, url: recordHref(r.id) };
}

/** Rows per server-rendered page. */
export const PAGE_SIZE = 100;
