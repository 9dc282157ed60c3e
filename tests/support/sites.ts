/**
 * The sites the site and browser tests run against, built once per test run by the global setup:
 * - `embedded`: the project's own `domain/` atlas;
 * - `fixture`: tests/fixtures/site-atlas (hostile names, collisions, long groups), under ATLAS_BASE=/atlas/.
 */
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** Where test sites are built; set ATLAS_TEST_SITES_DIR to keep parallel runs apart. */
export const SITES_DIR = path.resolve(process.env.ATLAS_TEST_SITES_DIR ?? path.join(REPO_ROOT, '.cache', 'test-sites'));

export const SITES = {
  embedded: { domain: path.join(REPO_ROOT, 'domain'), out: path.join(SITES_DIR, 'embedded'), base: '/' },
  fixture: { domain: path.join(REPO_ROOT, 'tests', 'fixtures', 'site-atlas'), out: path.join(SITES_DIR, 'fixture'), base: '/atlas/' },
} as const;

export type SiteName = keyof typeof SITES;
