/** `/sitemap.xml`: every record page, listing and wiki page (absolute URLs need ATLAS_SITE). */
import type { APIRoute } from 'astro';
import { getAtlas } from '../site/atlas-data';
import { siteConfig } from '../site/config';
import { clusterHref, edgeKindHref, href, kindHref, recordHref } from '../site/urls';
import { entryHref, wikiIndex } from '../site/wiki';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = () => {
  const atlas = getAtlas();
  const origin = siteConfig.site ?? '';
  const urls = [
    href(''),
    href('kinds/'),
    href('edges/'),
    href('clusters/'),
    href('wiki/'),
    ...wikiIndex(atlas).entries.map(entryHref),
    ...[...atlas.byKind.keys()].map((k) => kindHref(k)),
    ...[...atlas.byCluster.keys()].map((c) => clusterHref(c)),
    ...[...atlas.byEdgeKind.keys()].map((k) => edgeKindHref(k)),
    ...atlas.recordList.map((r) => recordHref(r.id)),
  ];
  const body = [...new Set(urls)].map((u) => `  <url><loc>${escapeXml(origin + u)}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
