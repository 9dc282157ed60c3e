/**
 * `/ids.json`: id -> [display name, kind, path under /n/]. The small index behind go-to-id, the
 * 404 page's redirects and suggestions, and the pickers (compact arrays keep it small).
 */
import type { APIRoute } from 'astro';
import { displayName } from '../pipeline/model';
import { getAtlas } from '../site/atlas-data';

export const GET: APIRoute = () => {
  const atlas = getAtlas();
  const out: Record<string, [string, string, string]> = {};
  for (const r of atlas.recordList) out[r.id] = [displayName(r), r.kind, atlas.paths.get(r.id)!];
  return new Response(JSON.stringify(out));
};
