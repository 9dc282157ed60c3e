/**
 * Vite plugin: the two browser scripts that carry zod, bundled by esbuild instead of Rollup.
 *
 *   - `virtual:esbuild-bundle/workspace-worker`: the workspace's overlay checker
 *     (src/scripts/workspace/worker.ts: the pipeline, js-yaml and zod), a worker script;
 *   - `virtual:esbuild-bundle/store-schema`: the workspace export file's schema
 *     (src/scripts/workspace/store-schema.ts), loaded with `import()` when a file is imported.
 *
 * Through Rollup these cost every site build about 2 s on the thread that renders the pages: zod
 * is 95 modules and 0.8 MB of source to parse and tree-shake, once in the page scripts' build and
 * again in the nested build Vite runs for a worker. Measured on the embedded atlas, the browser
 * build took 2.4–2.7 s with both, 0.5 s with neither. esbuild bundles them in its own process in
 * a fraction of that.
 *
 * Each virtual module's default export is the script's URL:
 *   - in a build, a hashed asset beside the other scripts (`_astro/<name>.<hash>.js`), resolved
 *     against the importing chunk, so any `base` works;
 *   - in `astro dev`, the TypeScript source, which Vite serves as a module.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type Format } from 'esbuild';
import type { Plugin, ResolvedConfig } from 'vite';

const PREFIX = 'virtual:esbuild-bundle/';

const BUNDLES: Record<string, { entry: string; format: Format }> = {
  // An IIFE: it runs as the module worker the page starts, and as the classic worker the offline
  // fallback starts from a blob URL (which is all some browsers run from a blob).
  'workspace-worker': { entry: '../scripts/workspace/worker.ts', format: 'iife' },
  'store-schema': { entry: '../scripts/workspace/store-schema.ts', format: 'esm' },
};

export function esbuildBundlesPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'atlas:esbuild-bundles',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      return id.startsWith(PREFIX) && Object.hasOwn(BUNDLES, id.slice(PREFIX.length)) ? `\0${id}` : undefined;
    },
    async load(id, options) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const name = id.slice(PREFIX.length + 1);
      const entry = fileURLToPath(new URL(BUNDLES[name]!.entry, import.meta.url));
      // Server-rendered code never loads these.
      if (options?.ssr) return 'export default "";';
      if (config.command === 'serve') {
        const fromRoot = path.relative(config.root, entry).split(path.sep).join('/');
        return `export default ${JSON.stringify(`${config.base}${fromRoot}`)};`;
      }
      const result = await esbuild({
        entryPoints: [entry],
        bundle: true,
        format: BUNDLES[name]!.format,
        platform: 'browser',
        // The same browsers as the rest of the client bundle.
        target: config.build.target === false ? 'esnext' : config.build.target,
        minify: true,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(path.resolve(input));
      const ref = this.emitFile({ type: 'asset', name: `${name}.js`, source: result.outputFiles[0]!.contents });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
