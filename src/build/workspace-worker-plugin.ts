/**
 * Vite plugin: the workspace's overlay checker (src/scripts/workspace/worker.ts, which carries the
 * pipeline, js-yaml and zod) bundled by esbuild instead of Vite's own worker bundling.
 *
 * Vite bundles a `new Worker(new URL(…))` with a second, nested Rollup build that parses and
 * tree-shakes all of zod again: about 1.2 s of every site build, on the thread that renders the
 * pages (measured on the embedded atlas: the browser build took 2.4–2.7 s with it, 1.3–1.4 s
 * without). esbuild does the same bundle in its own process in a fraction of that.
 *
 * Pages import `virtual:atlas-workspace-worker`, whose default export is the script's URL:
 *   - in a build, a hashed asset beside the other scripts (`_astro/workspace-worker.<hash>.js`),
 *     resolved against the importing chunk so any `base` works;
 *   - in `astro dev`, the TypeScript source, which Vite serves as a module.
 * The bundle is a classic script (an IIFE): the offline fallback restarts the checker from a blob
 * URL, which only runs classic workers everywhere.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Plugin, ResolvedConfig } from 'vite';

const MODULE_ID = 'virtual:atlas-workspace-worker';
const RESOLVED_ID = `\0${MODULE_ID}`;
const ENTRY = fileURLToPath(new URL('../scripts/workspace/worker.ts', import.meta.url));

export function workspaceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'atlas:workspace-worker',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    async load(id, options) {
      if (id !== RESOLVED_ID) return undefined;
      // Server-rendered code never starts the checker.
      if (options?.ssr) return 'export default "";';
      if (config.command === 'serve') {
        const fromRoot = path.relative(config.root, ENTRY).split(path.sep).join('/');
        return `export default ${JSON.stringify(`${config.base}${fromRoot}`)};`;
      }
      const result = await esbuild({
        entryPoints: [ENTRY],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        // The same browsers as the rest of the client bundle.
        target: config.build.target === false ? 'esnext' : config.build.target,
        minify: true,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(path.resolve(input));
      const ref = this.emitFile({ type: 'asset', name: 'workspace-worker.js', source: result.outputFiles[0]!.contents });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
