// @ts-check
import { defineConfig } from 'astro/config';

/** Sub-path hosting: `ATLAS_BASE=/atlas/` serves the site under /atlas/. */
const base = (process.env.ATLAS_BASE ?? '/').trim().replace(/^\/*/, '/').replace(/\/*$/, '/');

export default defineConfig({
  site: process.env.ATLAS_SITE || undefined,
  base,
  outDir: process.env.ATLAS_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory', concurrency: 2 },
  // A class per scoped element instead of a `data-astro-cid-…` attribute: same specificity, and
  // it joins the element's existing class list, so record pages carry a few KB less.
  scopedStyleStrategy: 'class',
  devToolbar: { enabled: false },
  // No request ever leaves for another host: Astro's prefetch and image services stay off.
  prefetch: false,
  vite: {
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          // A named chunk for the graph library: easy to spot in the network panel and in the
          // test that proves no page loads it before its graph is opened.
          manualChunks: (id) => (id.includes('/node_modules/cytoscape/') ? 'cytoscape' : undefined),
        },
      },
    },
  },
});
