/** `/robots.txt`: everything may be crawled; points at the sitemap when the origin is known. */
import type { APIRoute } from 'astro';
import { absolute, href } from '../site/urls';

export const GET: APIRoute = () => {
  const sitemap = absolute(href('sitemap.xml'));
  return new Response(`User-agent: *\nAllow: /\n${sitemap ? `Sitemap: ${sitemap}\n` : ''}`);
};
