/**
 * The one accessor rendering uses: the pipeline's result for the configured atlas. `loadAtlas`
 * memoizes per root (process-wide), so the pipeline runs once per build however many pages ask.
 */
import { loadAtlas } from '../pipeline/load-atlas';
import type { Atlas } from '../pipeline/model';
import { siteConfig } from './config';

export function getAtlas(): Atlas {
  return loadAtlas(siteConfig.domainDir, { strict: siteConfig.strict });
}
