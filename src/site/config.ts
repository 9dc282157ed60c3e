/**
 * Site settings from the environment, read once. `ATLAS_BASE` is normalized to `/…/` so every
 * URL helper can simply append.
 */
import path from 'node:path';

function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '/').trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

export const siteConfig = {
  /** Absolute path of the atlas folder. */
  domainDir: path.resolve(process.env.ATLAS_DOMAIN_DIR ?? 'domain'),
  /** Sub-path the site is served under, always with leading and trailing slash. */
  base: normalizeBase(process.env.ATLAS_BASE),
  /** Absolute origin for canonical URLs and the sitemap, if known. */
  site: process.env.ATLAS_SITE?.replace(/\/+$/, '') || undefined,
  /** Schema conformance problems are errors. */
  strict: process.env.ATLAS_STRICT === '1' || process.env.ATLAS_STRICT === 'true',
  /** Name shown in the header. */
  title: process.env.ATLAS_TITLE ?? 'Atlas',
};
