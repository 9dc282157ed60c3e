/**
 * What the exports need to know about where they will be served. Passed in (never read from the
 * environment here) so every export is a pure function of the atlas and these options.
 */
import { encodePathForUrl } from '../pipeline/record-path';

export interface ExportOptions {
  /** Name of the atlas (ATLAS_TITLE). */
  title: string;
  /** Sub-path the site is served under, with leading and trailing slash (`/` or `/atlas/`). */
  base: string;
  /** Absolute origin without trailing slash (ATLAS_SITE), when known. */
  site?: string;
  /** Build time, ISO 8601: written to atlas.json and nowhere else. */
  builtAt: string;
  /** Software name and version, for atlas.json. */
  generator: { name: string; version: string };
  /** Whether the atlas was loaded with --strict. */
  strict: boolean;
}

/** URL path of a file under the base (the pure twin of `href()` in src/site/urls.ts, which reads the site config). */
export function exportUrl(options: Pick<ExportOptions, 'base'>, path: string): string {
  return `${options.base}${path.replace(/^\/+/, '')}`;
}

/** Absolute URL when the origin is known. */
export function exportAbsolute(options: Pick<ExportOptions, 'base' | 'site'>, path: string): string | undefined {
  return options.site ? `${options.site}${exportUrl(options, path)}` : undefined;
}

/** The best link available: absolute when the origin is known, else a root-relative path. */
export function publicUrl(options: Pick<ExportOptions, 'base' | 'site'>, path: string): string {
  return exportAbsolute(options, path) ?? exportUrl(options, path);
}

/** Path (under the base) of a record's JSON payload, from its entry in the atlas path table. */
export function recordJsonPath(recordPath: string): string {
  return `n/${encodePathForUrl(recordPath)}.json`;
}

/** Path (under the base) of a record's page. */
export function recordPagePath(recordPath: string): string {
  return `n/${encodePathForUrl(recordPath)}/`;
}

/**
 * The build time: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set,
 * so a rebuild of the same input can be byte-identical; otherwise now.
 */
export function buildTime(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return now().toISOString();
}
