// @ts-check
import { defineConfig } from 'astro/config';
import { esbuildBundlesPlugin } from './src/build/esbuild-bundles-plugin';

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
 * A static build's server bundle renders every page once and is then deleted: tree-shaking it
 * only makes a file nobody keeps smaller, and costs Rollup a few hundred milliseconds. The
 * browser bundle is shaken as usual.
 * @type {import('astro').AstroIntegration}
 */
const unshakenServerBundle = {
  name: 'atlas:unshaken-server-bundle',
  hooks: {
    'astro:build:setup': ({ vite, target }) => {
      if (target !== 'server') return;
      vite.build ??= {};
      vite.build.rollupOptions = { ...vite.build.rollupOptions, treeshake: false };
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
  integrations: [unshakenServerBundle],
  vite: {
    plugins: [esbuildBundlesPlugin()],
    build: {
      assetsInlineLimit: 0,
      // The build prints no per-file gzip table (logLevel warn), so it need not compress every chunk to fill one.
      reportCompressedSize: false,
      rollupOptions: { onwarn: quietDependencyAnnotations },
    },
  },
});
