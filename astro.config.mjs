// @ts-check
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import { browserScriptsPlugin } from './src/build/browser-scripts-plugin';

/** Sub-path hosting: `ATLAS_BASE=/atlas/` serves the site under /atlas/. */
const base = (process.env.ATLAS_BASE ?? '/').trim().replace(/^\/*/, '/').replace(/\/*$/, '/');

/**
 * Rollup warns that it drops some `@__PURE__` comments it cannot place in zod's sources. Nothing
 * in our code causes it and nothing is lost, so those warnings are not printed on every build.
 * @param {import('rollup').RollupLog} warning
 * @param {(warning: import('rollup').RollupLog) => void} warn
 */
function quietDependencyAnnotations(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
  warn(warning);
}

/**
 * Set by `scripts/build-site.ts`, which runs the build under tsx into a fresh folder where its
 * steps have already begun writing the records' data files (src/build/build-steps.ts).
 */
const siteBuild = process.env.ATLAS_SITE_BUILD === '1';

/**
 * Modules the build process has already loaded when the pages render: the pipeline's and the
 * site's TypeScript, which use nothing of Vite's (`tests/build` checks), and Astro's own runtime,
 * which its build loads to render.
 */
const sharedServerModules = /\/src\/(pipeline|site|exports|mcp)\/.+\.ts$|\/node_modules\/astro\/dist\/(runtime|core)\//;

/**
 * Leaves those modules out of the server bundle, imported by their file URL instead, so the pages
 * get the very instances that the build script (under tsx) ran the pipeline and fed the search
 * index with, and that Astro's build renders through. Rollup does not bundle them again (the
 * server build took about 2 s instead of 3.5–4 s at 10k), and V8 does not compile a second copy
 * of every hot function.
 * @type {import('vite').Plugin}
 */
const importSharedModules = {
  name: 'atlas:import-shared-modules',
  enforce: 'pre',
  async resolveId(source, importer) {
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    if (!resolved || resolved.external || !sharedServerModules.test(resolved.id)) return resolved;
    return { id: pathToFileURL(resolved.id).href, external: 'absolute' };
  },
};

/**
 * The server bundle of a static build renders every page once and is then deleted, so it is not
 * tree-shaken: shaking only makes a file nobody keeps smaller, and costs Rollup a few hundred
 * milliseconds (the browser bundle is shaken as usual). Under `scripts/build-site.ts` it also
 * imports the shared modules instead of bundling them; a plain `astro build`, without tsx, bundles
 * them as before.
 * @type {import('astro').AstroIntegration}
 */
const serverBundle = {
  name: 'atlas:server-bundle',
  hooks: {
    'astro:build:setup': ({ vite, target }) => {
      if (target !== 'server') return;
      vite.build ??= {};
      vite.build.rollupOptions = { ...vite.build.rollupOptions, treeshake: false };
      if (siteBuild) (vite.plugins ??= []).push(importSharedModules);
    },
  },
};

export default defineConfig({
  site: process.env.ATLAS_SITE || undefined,
  base,
  outDir: process.env.ATLAS_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  // Sixteen pages in flight: while some wait on the disk, others render. With two, the render
  // thread sat idle for about a fifth of a 10k-record build; pages are small, so memory barely moves.
  build: { format: 'directory', concurrency: 16 },
  // A class per scoped element instead of a `data-astro-cid-…` attribute: same specificity, and
  // it joins the element's existing class list, so record pages carry a few KB less.
  scopedStyleStrategy: 'class',
  devToolbar: { enabled: false },
  // No request ever leaves for another host: Astro's prefetch and image services stay off.
  prefetch: false,
  integrations: [serverBundle],
  vite: {
    plugins: [browserScriptsPlugin()],
    // `astro dev` watches the project: the benchmark's atlases and build outputs (hundreds of
    // thousands of files under bench-out/) and the build script's temporary folders are not sources.
    server: { watch: { ignored: ['**/bench-out/**', '**/.dist-tmp-*/**', '**/*.old-*/**', '**/test-results/**'] } },
    build: {
      assetsInlineLimit: 0,
      // Astro empties its output folder first, unless told not to: the build script's is new, and
      // already holds what its steps wrote.
      ...(siteBuild && { emptyOutDir: false }),
      // The build prints no per-file gzip table (logLevel warn), so it need not compress every chunk to fill one.
      reportCompressedSize: false,
      rollupOptions: { onwarn: quietDependencyAnnotations },
    },
  },
});
