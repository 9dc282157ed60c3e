/** `/workspace/sw.js`: the workspace's service worker, served from its own scope. */
import type { APIRoute } from 'astro';
import source from '../../scripts/workspace/service-worker.js?raw';

export const GET: APIRoute = () => new Response(source, { headers: { 'Content-Type': 'text/javascript' } });
