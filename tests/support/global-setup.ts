/**
 * Builds the test sites once (with the real `npm run build` script, so the tests exercise what
 * users run) and serves each on a loopback port. Tests read the URLs with `inject('sites')`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from './static-server';
import { REPO_ROOT, SITES, type SiteName } from './sites';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<SiteName, { url: string; dir: string }>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: StaticServer[] = [];
  const provided = {} as Record<SiteName, { url: string; dir: string }>;
  for (const [name, site] of Object.entries(SITES) as [SiteName, (typeof SITES)[SiteName]][]) {
    if (!process.env.ATLAS_TEST_REUSE_SITES || !fs.existsSync(site.out)) {
      execFileSync(process.execPath, ['scripts/build.mjs', '--out', site.out, '--quiet'], {
        cwd: REPO_ROOT,
        env: { ...process.env, ATLAS_DOMAIN_DIR: site.domain, ATLAS_BASE: site.base, ATLAS_SITE: 'https://atlas.example.org', ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    const server = await serveStatic(site.out, site.base);
    servers.push(server);
    provided[name] = { url: server.url, dir: site.out };
  }
  project.provide('sites', provided);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
