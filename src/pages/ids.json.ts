/**
 * `/ids.json`: id -> [display name, kind, path under /n/]. The small index behind go-to-id, the
 * 404 page's redirects and suggestions, and the pickers (compact arrays keep it small). Shape and
 * JSON Schema: src/exports/ (`idsJson`, `IdsFileSchema`).
 */
import type { APIRoute } from 'astro';
import { idsJson } from '../exports/tables';
import { getAtlas } from '../site/atlas-data';

export const GET: APIRoute = () => new Response(idsJson(getAtlas()));
